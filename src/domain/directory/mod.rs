//! The network directory's records as they arrive (forms and JSON, all strings) and as they are
//! once checked: organisations, people, cities and countries.
//!
//! Whether a referenced city, organisation or theme exists is for `app` to check against the
//! store; here only the shape of each value is decided.

use serde::{Deserialize, Serialize};

pub mod terms;

pub use terms::{NewTerm, Taxonomy, TermForm, TermMatcher};

use crate::domain::errors::{FieldError, FieldErrors};
use crate::domain::values::{
    ContentLang, CountryCode, Email, LanguageCode, Slug, ThemeKey, WebUrl, optional_text,
    required_text,
};

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// A city hall or one of its offices.
    CityAdministration,
    /// A foreigners' or integration advisory council.
    AdvisoryCouncil,
    /// A registered association.
    Association,
    /// A housing cooperative.
    HousingCooperative,
    /// A school or training centre.
    School,
    /// Anything else (a working group, a network).
    Other,
}

impl OrgKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [OrgKind; 6] = [
        OrgKind::CityAdministration,
        OrgKind::AdvisoryCouncil,
        OrgKind::Association,
        OrgKind::HousingCooperative,
        OrgKind::School,
        OrgKind::Other,
    ];

    /// The stored name, also used in URLs and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::CityAdministration => "city_administration",
            OrgKind::AdvisoryCouncil => "advisory_council",
            OrgKind::Association => "association",
            OrgKind::HousingCooperative => "housing_cooperative",
            OrgKind::School => "school",
            OrgKind::Other => "other",
        }
    }

    /// The circle the kind belongs to: city halls form the inner circle.
    pub fn circle(self) -> Circle {
        if self == OrgKind::CityAdministration {
            Circle::Inner
        } else {
            Circle::Extended
        }
    }
}

impl TryFrom<&str> for OrgKind {
    type Error = FieldError;
    fn try_from(s: &str) -> Result<Self, FieldError> {
        match s.trim() {
            "" => Err(FieldError::new("error-required")),
            s => OrgKind::ALL
                .into_iter()
                .find(|k| k.as_str() == s)
                .ok_or_else(|| FieldError::new("error-choice")),
        }
    }
}

/// The circles of membership: the city halls, and everyone else who joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Circle {
    /// City administrations.
    Inner,
    /// Associations, councils, cooperatives, schools and others.
    Extended,
}

impl Circle {
    /// The stored and URL name.
    pub fn as_str(self) -> &'static str {
        match self {
            Circle::Inner => "inner",
            Circle::Extended => "extended",
        }
    }

    /// Parses the URL name.
    pub fn from_str_opt(s: &str) -> Option<Circle> {
        match s {
            "inner" => Some(Circle::Inner),
            "extended" => Some(Circle::Extended),
            _ => None,
        }
    }
}

/// An organisation as typed into a form or sent to the API.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganisationForm {
    /// URL name; made from the name when empty.
    pub slug: String,
    /// Full name.
    pub name: String,
    /// One of the kinds (`city_administration`, `advisory_council`, `association`, …).
    pub kind: String,
    /// The city's slug.
    pub city: String,
    /// Website (http or https).
    pub website: String,
    /// ISO 639-1 codes of the languages used.
    pub languages: Vec<String>,
    /// Theme keys of the organisation's expertise.
    pub themes: Vec<String>,
    /// Language the description is written in (de, fr, en, lb).
    pub lang: String,
    /// Description in Markdown.
    pub description: String,
}

/// A checked organisation.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    /// URL name.
    pub slug: Slug,
    /// Full name.
    pub name: String,
    /// Kind.
    pub kind: OrgKind,
    /// City slug.
    pub city: Slug,
    /// Website.
    pub website: Option<WebUrl>,
    /// Languages used, sorted, without repeats.
    pub languages: Vec<LanguageCode>,
    /// Themes of expertise, without repeats.
    pub themes: Vec<ThemeKey>,
    /// Original language of the description.
    pub lang: ContentLang,
    /// Description (Markdown), possibly empty.
    pub description: String,
}

/// The longest name of an organisation or person.
pub const NAME_MAX: usize = 150;
/// The longest description.
pub const DESCRIPTION_MAX: usize = 20_000;

fn slug_or_from_name(errors: &mut FieldErrors, slug: &str, name: &str) -> Option<Slug> {
    match slug.trim() {
        "" => {
            let made = Slug::from_name(name);
            if made.is_none() && !name.trim().is_empty() {
                errors.add("slug", FieldError::new("error-slug"));
            }
            made
        }
        s => errors.check("slug", Slug::try_from(s)),
    }
}

fn languages(errors: &mut FieldErrors, field: &'static str, codes: &[String]) -> Vec<LanguageCode> {
    let mut out: Vec<LanguageCode> = codes
        .iter()
        .filter(|c| !c.trim().is_empty())
        .filter_map(|c| errors.check(field, LanguageCode::try_from(c.as_str())))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn themes(errors: &mut FieldErrors, codes: &[String]) -> Vec<ThemeKey> {
    let mut out: Vec<ThemeKey> = Vec::new();
    for c in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if let Some(t) = errors.check("themes", Slug::try_from(c))
            && !out.contains(&t)
        {
            out.push(t);
        }
    }
    out
}

impl TryFrom<&OrganisationForm> for NewOrganisation {
    type Error = FieldErrors;
    fn try_from(f: &OrganisationForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", required_text(&f.name, NAME_MAX));
        let slug = slug_or_from_name(&mut e, &f.slug, &f.name);
        let kind = e.check("kind", OrgKind::try_from(f.kind.as_str()));
        let city = e.check("city", Slug::try_from(f.city.trim()));
        let website = match f.website.trim() {
            "" => Some(None),
            w => e.check("website", WebUrl::try_from(w.to_owned())).map(Some),
        };
        let languages = languages(&mut e, "languages", &f.languages);
        let themes = themes(&mut e, &f.themes);
        let lang = e.check("lang", ContentLang::try_from(f.lang.as_str()));
        let description = e.check(
            "description",
            optional_text(&f.description, DESCRIPTION_MAX),
        );
        match (name, slug, kind, city, website, lang, description) {
            (
                Some(name),
                Some(slug),
                Some(kind),
                Some(city),
                Some(website),
                Some(lang),
                Some(description),
            ) if e.is_empty() => Ok(NewOrganisation {
                slug,
                name,
                kind,
                city,
                website,
                languages,
                themes,
                lang,
                description: description.unwrap_or_default(),
            }),
            _ => Err(e),
        }
    }
}

/// A translation of an organisation's description as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TranslationForm {
    /// Target language (de, fr, en, lb).
    pub lang: String,
    /// The translated description in Markdown.
    pub description: String,
}

/// A person as typed into a form or sent to the API.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    /// URL name; made from the name when empty.
    pub slug: String,
    /// Name, or in the demo a role ("Vorsitz, Ausländerbeirat Trier").
    pub name: String,
    /// Role or title.
    pub role: String,
    /// The organisation's slug.
    pub organisation: String,
    /// ISO 639-1 codes of the languages spoken.
    pub languages: Vec<String>,
    /// Theme keys of expertise.
    pub themes: Vec<String>,
    /// E-mail address (members only ever see it).
    pub email: String,
}

/// A checked person.
#[derive(Debug, Clone)]
pub struct NewPerson {
    /// URL name.
    pub slug: Slug,
    /// Name.
    pub name: String,
    /// Role or title.
    pub role: Option<String>,
    /// Organisation slug.
    pub organisation: Slug,
    /// Languages spoken.
    pub languages: Vec<LanguageCode>,
    /// Themes of expertise.
    pub themes: Vec<ThemeKey>,
    /// E-mail address.
    pub email: Option<Email>,
}

impl TryFrom<&PersonForm> for NewPerson {
    type Error = FieldErrors;
    fn try_from(f: &PersonForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", required_text(&f.name, NAME_MAX));
        let slug = slug_or_from_name(&mut e, &f.slug, &f.name);
        let role = e.check("role", optional_text(&f.role, NAME_MAX));
        let organisation = e.check("organisation", Slug::try_from(f.organisation.trim()));
        let languages = languages(&mut e, "languages", &f.languages);
        let themes = themes(&mut e, &f.themes);
        let email = match f.email.trim() {
            "" => Some(None),
            m => e.check("email", Email::try_from(m.to_owned())).map(Some),
        };
        match (name, slug, role, organisation, email) {
            (Some(name), Some(slug), Some(role), Some(organisation), Some(email))
                if e.is_empty() =>
            {
                Ok(NewPerson {
                    slug,
                    name,
                    role,
                    organisation,
                    languages,
                    themes,
                    email,
                })
            }
            _ => Err(e),
        }
    }
}

/// A city as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CityForm {
    /// URL name; made from the name when empty.
    pub slug: String,
    /// Country code (ISO 3166-1 alpha-2).
    pub country: String,
    /// Name in the city's own language.
    pub name: String,
    /// German name, when different.
    pub name_de: String,
    /// French name, when different.
    pub name_fr: String,
    /// English name, when different.
    pub name_en: String,
    /// Latitude in degrees, -90 to 90.
    pub lat: String,
    /// Longitude in degrees, -180 to 180.
    pub lon: String,
}

/// A checked city.
#[derive(Debug, Clone)]
pub struct NewCity {
    /// URL name.
    pub slug: Slug,
    /// Country.
    pub country: CountryCode,
    /// Own name.
    pub name: String,
    /// Names per interface language.
    pub name_de: Option<String>,
    /// French name.
    pub name_fr: Option<String>,
    /// English name.
    pub name_en: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

fn coordinate(s: &str, limit: f64) -> Result<Option<f64>, FieldError> {
    match s.trim() {
        "" => Ok(None),
        s => match s.replace(',', ".").parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() <= limit => Ok(Some(v)),
            Ok(_) => Err(FieldError::with("error-range", "max", limit)),
            Err(_) => Err(FieldError::new("error-number")),
        },
    }
}

impl TryFrom<&CityForm> for NewCity {
    type Error = FieldErrors;
    fn try_from(f: &CityForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", required_text(&f.name, NAME_MAX));
        let slug = slug_or_from_name(&mut e, &f.slug, &f.name);
        let country = e.check("country", CountryCode::try_from(f.country.clone()));
        let name_de = e.check("name_de", optional_text(&f.name_de, NAME_MAX));
        let name_fr = e.check("name_fr", optional_text(&f.name_fr, NAME_MAX));
        let name_en = e.check("name_en", optional_text(&f.name_en, NAME_MAX));
        let lat = e.check("lat", coordinate(&f.lat, 90.0));
        let lon = e.check("lon", coordinate(&f.lon, 180.0));
        match (name, slug, country, name_de, name_fr, name_en, lat, lon) {
            (
                Some(name),
                Some(slug),
                Some(country),
                Some(name_de),
                Some(name_fr),
                Some(name_en),
                Some(lat),
                Some(lon),
            ) if e.is_empty() => Ok(NewCity {
                slug,
                country,
                name,
                name_de,
                name_fr,
                name_en,
                lat,
                lon,
            }),
            _ => Err(e),
        }
    }
}

/// A country as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CountryForm {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// German name.
    pub name_de: String,
    /// French name.
    pub name_fr: String,
    /// English name.
    pub name_en: String,
}

/// A checked country.
#[derive(Debug, Clone)]
pub struct NewCountry {
    /// Code.
    pub code: CountryCode,
    /// German name.
    pub name_de: String,
    /// French name.
    pub name_fr: String,
    /// English name.
    pub name_en: String,
}

/// A country of ISO 3166-1 by its alpha-2 code, with its names in German, French and English
/// (from the ISO data the program carries), ready to join the directory. `None` for a code
/// that ISO 3166-1 does not assign.
pub fn iso_country(code: &str) -> Option<NewCountry> {
    let alpha2 = keshvar::Alpha2::try_from(code.trim()).ok()?;
    let country = alpha2.to_country();
    let names = country.translations();
    let name = |lang: &str| {
        names
            .get(lang)
            .copied()
            .unwrap_or_else(|| country.iso_short_name())
            .to_owned()
    };
    Some(NewCountry {
        code: CountryCode::try_from(alpha2.to_string()).ok()?,
        name_de: name("de"),
        name_fr: name("fr"),
        name_en: name("en"),
    })
}

impl TryFrom<&CountryForm> for NewCountry {
    type Error = FieldErrors;
    fn try_from(f: &CountryForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let code = e.check("code", CountryCode::try_from(f.code.clone()));
        let de = e.check("name_de", required_text(&f.name_de, NAME_MAX));
        let fr = e.check("name_fr", required_text(&f.name_fr, NAME_MAX));
        let en = e.check("name_en", required_text(&f.name_en, NAME_MAX));
        match (code, de, fr, en) {
            (Some(code), Some(name_de), Some(name_fr), Some(name_en)) => Ok(NewCountry {
                code,
                name_de,
                name_fr,
                name_en,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good_org() -> OrganisationForm {
        OrganisationForm {
            name: "Café Bär".into(),
            kind: "association".into(),
            city: "trier".into(),
            languages: vec!["de".into(), "fr".into(), "de".into()],
            themes: vec!["employment".into()],
            lang: "de".into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_organisation_without_a_slug_gets_one_from_its_name() {
        let org = NewOrganisation::try_from(&good_org()).expect("valid");
        assert_eq!(org.slug.as_str(), "cafe-baer");
        assert_eq!(org.languages.len(), 2, "repeated languages are folded");
    }

    #[test]
    fn bad_organisation_fields_are_all_reported() {
        type Case = (&'static str, fn(&mut OrganisationForm), &'static str);
        let cases: &[Case] = &[
            ("name", |f| f.name = " ".into(), "error-required"),
            ("name", |f| f.name = "x".repeat(151), "error-too-long"),
            ("kind", |f| f.kind = "club".into(), "error-choice"),
            ("city", |f| f.city = "".into(), "error-required"),
            (
                "website",
                |f| f.website = "javascript:alert(1)".into(),
                "error-url",
            ),
            (
                "languages",
                |f| f.languages = vec!["xx".into()],
                "error-language",
            ),
            (
                "themes",
                |f| f.themes = vec!["Bad Theme".into()],
                "error-slug",
            ),
            ("lang", |f| f.lang = "pt".into(), "error-choice"),
            ("slug", |f| f.slug = "Not A Slug".into(), "error-slug"),
        ];
        for (field, spoil, key) in cases {
            let mut form = good_org();
            spoil(&mut form);
            let errors = NewOrganisation::try_from(&form).expect_err(field);
            assert_eq!(
                errors.get(field).map(|e| e.key),
                Some(*key),
                "field {field}"
            );
        }
    }

    #[test]
    fn only_city_administrations_are_in_the_inner_circle() {
        for kind in OrgKind::ALL {
            assert_eq!(
                kind.circle() == Circle::Inner,
                kind == OrgKind::CityAdministration
            );
        }
    }

    #[test]
    fn coordinates_outside_the_globe_are_refused() {
        let form = CityForm {
            name: "Metz".into(),
            country: "fr".into(),
            lat: "91".into(),
            lon: "abc".into(),
            ..Default::default()
        };
        let errors = NewCity::try_from(&form).unwrap_err();
        assert_eq!(errors.get("lat").map(|e| e.key), Some("error-range"));
        assert_eq!(errors.get("lon").map(|e| e.key), Some("error-number"));
    }

    #[test]
    fn a_person_needs_a_name_and_an_organisation() {
        let errors = NewPerson::try_from(&PersonForm::default()).unwrap_err();
        assert!(errors.get("name").is_some());
        assert!(errors.get("organisation").is_some());
    }
}
