//! The glossary of the field's vocabulary: concepts with preferred and alternative terms in
//! German, French, English and Luxembourgish, a short definition per language, a domain and
//! related concepts. Forms and imports arrive as strings and become a [`Concept`] here.

use serde::{Deserialize, Serialize};

use crate::domain::errors::{FieldError, FieldErrors};
use crate::domain::values::{ContentLang, Slug};

/// The vocabulary's domains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GlossaryDomain {
    /// Migration and asylum.
    MigrationAsylum,
    /// Integration and participation.
    IntegrationParticipation,
    /// Language and education.
    LanguageEducation,
    /// Employment and qualification.
    EmploymentQualification,
    /// Housing and neighbourhood work.
    HousingNeighbourhood,
    /// Health.
    Health,
    /// Social services.
    SocialServices,
    /// Administration and local government.
    AdministrationLocalGovernment,
    /// Cross-border life in the Greater Region.
    CrossBorder,
}

impl GlossaryDomain {
    /// Every domain, in the order pages list them.
    pub const ALL: [GlossaryDomain; 9] = [
        GlossaryDomain::MigrationAsylum,
        GlossaryDomain::IntegrationParticipation,
        GlossaryDomain::LanguageEducation,
        GlossaryDomain::EmploymentQualification,
        GlossaryDomain::HousingNeighbourhood,
        GlossaryDomain::Health,
        GlossaryDomain::SocialServices,
        GlossaryDomain::AdministrationLocalGovernment,
        GlossaryDomain::CrossBorder,
    ];

    /// Stored name (also in files and URLs).
    pub fn as_str(self) -> &'static str {
        match self {
            GlossaryDomain::MigrationAsylum => "migration-asylum",
            GlossaryDomain::IntegrationParticipation => "integration-participation",
            GlossaryDomain::LanguageEducation => "language-education",
            GlossaryDomain::EmploymentQualification => "employment-qualification",
            GlossaryDomain::HousingNeighbourhood => "housing-neighbourhood",
            GlossaryDomain::Health => "health",
            GlossaryDomain::SocialServices => "social-services",
            GlossaryDomain::AdministrationLocalGovernment => "administration-local-government",
            GlossaryDomain::CrossBorder => "cross-border",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<GlossaryDomain> {
        GlossaryDomain::ALL
            .into_iter()
            .find(|d| d.as_str() == s.trim())
    }
}

/// Longest term.
pub const TERM_MAX: usize = 120;
/// Most terms per language.
pub const TERMS_MAX: usize = 12;
/// Longest definition.
pub const DEFINITION_MAX: usize = 600;
/// Most related concepts.
pub const RELATED_MAX: usize = 12;

/// A checked concept. Terms per language: the first is the preferred term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    /// Key (URL name).
    pub key: Slug,
    /// Domain.
    pub domain: GlossaryDomain,
    /// Terms per language (de, fr, en, lb), preferred first; lb may be empty.
    pub terms: Vec<(ContentLang, Vec<String>)>,
    /// Definition per language (may be empty).
    pub definitions: Vec<(ContentLang, String)>,
    /// Keys of related concepts.
    pub related: Vec<Slug>,
}

impl Concept {
    /// Terms of one language, preferred first.
    pub fn terms_in(&self, lang: ContentLang) -> &[String] {
        self.terms
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, t)| t.as_slice())
            .unwrap_or(&[])
    }

    /// The preferred term of a language.
    pub fn preferred(&self, lang: ContentLang) -> Option<&str> {
        self.terms_in(lang).first().map(String::as_str)
    }

    /// The definition in a language ("" when none).
    pub fn definition(&self, lang: ContentLang) -> &str {
        self.definitions
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, d)| d.as_str())
            .unwrap_or("")
    }
}

/// A concept as typed in a form or read from a file: terms one per line or separated by `|`,
/// related keys separated by commas, spaces or `|`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConceptForm {
    /// Key.
    pub key: String,
    /// Domain (stored name).
    pub domain: String,
    /// German terms.
    pub terms_de: String,
    /// French terms.
    pub terms_fr: String,
    /// English terms.
    pub terms_en: String,
    /// Luxembourgish terms.
    pub terms_lb: String,
    /// German definition.
    pub definition_de: String,
    /// French definition.
    pub definition_fr: String,
    /// English definition.
    pub definition_en: String,
    /// Luxembourgish definition.
    pub definition_lb: String,
    /// Related keys.
    pub related: String,
}

impl ConceptForm {
    /// The form of a stored concept (for editing and export).
    pub fn of(c: &Concept) -> ConceptForm {
        let terms = |l| c.terms_in(l).join("\n");
        ConceptForm {
            key: c.key.as_str().to_string(),
            domain: c.domain.as_str().to_string(),
            terms_de: terms(ContentLang::De),
            terms_fr: terms(ContentLang::Fr),
            terms_en: terms(ContentLang::En),
            terms_lb: terms(ContentLang::Lb),
            definition_de: c.definition(ContentLang::De).to_string(),
            definition_fr: c.definition(ContentLang::Fr).to_string(),
            definition_en: c.definition(ContentLang::En).to_string(),
            definition_lb: c.definition(ContentLang::Lb).to_string(),
            related: c
                .related
                .iter()
                .map(Slug::as_str)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// Splits a term list: one per line or separated by `|`; blanks dropped, duplicates kept once.
pub fn split_terms(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in s.split(['\n', '|']) {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

fn check_terms(
    errors: &mut FieldErrors,
    field: &'static str,
    raw: &str,
    required: bool,
) -> Vec<String> {
    let terms = split_terms(raw);
    if required && terms.is_empty() {
        errors.add(field, FieldError::new("error-required"));
    }
    if terms.len() > TERMS_MAX {
        errors.add(field, FieldError::with("error-too-many", "max", TERMS_MAX));
    }
    if terms.iter().any(|t| t.chars().count() > TERM_MAX) {
        errors.add(
            field,
            FieldError::with("error-term-too-long", "max", TERM_MAX),
        );
    }
    if terms.iter().any(|t| t.chars().any(char::is_control)) {
        errors.add(field, FieldError::new("error-control-char"));
    }
    terms
}

impl TryFrom<ConceptForm> for Concept {
    type Error = FieldErrors;

    fn try_from(f: ConceptForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let key = errors.check("key", Slug::try_from(f.key.trim().to_string()));
        let domain = match f.domain.trim() {
            "" => {
                errors.add("domain", FieldError::new("error-required"));
                None
            }
            d => {
                let parsed = GlossaryDomain::parse(d);
                if parsed.is_none() {
                    errors.add("domain", FieldError::new("error-choice"));
                }
                parsed
            }
        };
        let terms = vec![
            (
                ContentLang::De,
                check_terms(&mut errors, "terms_de", &f.terms_de, true),
            ),
            (
                ContentLang::Fr,
                check_terms(&mut errors, "terms_fr", &f.terms_fr, true),
            ),
            (
                ContentLang::En,
                check_terms(&mut errors, "terms_en", &f.terms_en, true),
            ),
            (
                ContentLang::Lb,
                check_terms(&mut errors, "terms_lb", &f.terms_lb, false),
            ),
        ];
        let mut definitions = Vec::new();
        for (lang, field, raw) in [
            (ContentLang::De, "definition_de", &f.definition_de),
            (ContentLang::Fr, "definition_fr", &f.definition_fr),
            (ContentLang::En, "definition_en", &f.definition_en),
            (ContentLang::Lb, "definition_lb", &f.definition_lb),
        ] {
            let d = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            if d.chars().count() > DEFINITION_MAX {
                errors.add(
                    field,
                    FieldError::with("error-too-long", "max", DEFINITION_MAX),
                );
            }
            definitions.push((lang, d));
        }
        let mut related = Vec::new();
        for k in f
            .related
            .split([',', '|', ' ', '\n'])
            .map(str::trim)
            .filter(|k| !k.is_empty())
        {
            match Slug::try_from(k.to_string()) {
                Ok(s) if !related.contains(&s) => related.push(s),
                Ok(_) => {}
                Err(_) => errors.add("related", FieldError::with("error-related-key", "value", k)),
            }
        }
        if related.len() > RELATED_MAX {
            errors.add(
                "related",
                FieldError::with("error-too-many", "max", RELATED_MAX),
            );
        }
        if let Some(k) = &key
            && related.contains(k)
        {
            errors.add("related", FieldError::new("error-related-self"));
        }
        match (key, domain, errors.is_empty()) {
            (Some(key), Some(domain), true) => Ok(Concept {
                key,
                domain,
                terms,
                definitions,
                related,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ConceptForm {
        ConceptForm {
            key: "neighbourhood-mothers".into(),
            domain: "housing-neighbourhood".into(),
            terms_de: "Stadtteilmütter\nStadtteilmutter".into(),
            terms_fr: "mères de quartier | femmes-relais".into(),
            terms_en: "neighbourhood mothers".into(),
            definition_en: "Women from the neighbourhood   who visit families.".into(),
            related: "community-centre, outreach-work".into(),
            ..ConceptForm::default()
        }
    }

    #[test]
    fn a_concept_keeps_its_preferred_term_first_and_tidies_spaces() {
        let c = Concept::try_from(form()).unwrap();
        assert_eq!(c.preferred(ContentLang::Fr), Some("mères de quartier"));
        assert_eq!(c.terms_in(ContentLang::Fr).len(), 2);
        assert_eq!(c.terms_in(ContentLang::Lb).len(), 0);
        assert_eq!(
            c.definition(ContentLang::En),
            "Women from the neighbourhood who visit families."
        );
        assert_eq!(c.related.len(), 2);
        assert_eq!(Concept::try_from(ConceptForm::of(&c)).unwrap(), c);
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        let f = ConceptForm {
            key: "Not A Key".into(),
            domain: "cooking".into(),
            terms_fr: String::new(),
            related: "ok-key, BAD KEY".into(),
            ..form()
        };
        let errors = Concept::try_from(f).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["key", "domain", "terms_fr", "related", "related"]);
    }

    #[test]
    fn a_concept_cannot_be_related_to_itself() {
        let f = ConceptForm {
            related: "neighbourhood-mothers".into(),
            ..form()
        };
        let errors = Concept::try_from(f).unwrap_err();
        assert_eq!(errors.get("related").unwrap().key, "error-related-self");
    }
}
