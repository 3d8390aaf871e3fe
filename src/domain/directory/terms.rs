//! The two taxonomies practices are described with — themes and target groups — as typed by a
//! coordinator, and the matching of free text (imports, older records) to their keys.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::errors::{FieldError, FieldErrors};
use crate::domain::values::{Slug, fold, optional_text, required_text, visible_line};

/// A taxonomy coordinators extend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taxonomy {
    /// What a practice is about.
    Themes,
    /// Whom a practice is for.
    TargetGroups,
}

impl Taxonomy {
    /// Its name in addresses and message keys (`themes`, `target-groups`).
    pub fn name(self) -> &'static str {
        match self {
            Taxonomy::Themes => "themes",
            Taxonomy::TargetGroups => "target-groups",
        }
    }
}

/// A term of a taxonomy as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TermForm {
    /// Key (a slug, e.g. `interpreting`); fixed once made.
    pub key: String,
    /// German label.
    pub label_de: String,
    /// French label.
    pub label_fr: String,
    /// English label.
    pub label_en: String,
    /// Other names, in any language, separated by `;` (matched when free text is sorted).
    pub synonyms: String,
}

/// A checked term.
#[derive(Debug, Clone)]
pub struct NewTerm {
    /// Key.
    pub key: Slug,
    /// Labels in de, fr, en.
    pub labels: [String; 3],
    /// Other names, joined by `; `.
    pub synonyms: String,
}

impl TryFrom<&TermForm> for NewTerm {
    type Error = FieldErrors;
    fn try_from(f: &TermForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let key = e.check("key", Slug::try_from(f.key.trim()));
        let de = e.check("label_de", required_text(&f.label_de, 80));
        let fr = e.check("label_fr", required_text(&f.label_fr, 80));
        let en = e.check("label_en", required_text(&f.label_en, 80));
        let synonyms = e.check("synonyms", optional_text(&f.synonyms, 2000));
        // A name is one line of visible text: no line breaks, tabs, or characters that show
        // nothing or turn text around (zero-width spaces, direction overrides, soft hyphens).
        for (field, value) in [
            ("label_de", &f.label_de),
            ("label_fr", &f.label_fr),
            ("label_en", &f.label_en),
        ] {
            if !visible_line(value) && e.get(field).is_none() {
                e.add(field, FieldError::new("error-invisible"));
            }
        }
        if !split_synonyms(&f.synonyms).iter().all(|n| visible_line(n))
            && e.get("synonyms").is_none()
        {
            e.add("synonyms", FieldError::new("error-invisible"));
        }
        match (key, de, fr, en, synonyms) {
            (Some(key), Some(de), Some(fr), Some(en), Some(synonyms)) if e.is_empty() => {
                Ok(NewTerm {
                    key,
                    labels: [de, fr, en],
                    synonyms: split_synonyms(synonyms.as_deref().unwrap_or_default()).join("; "),
                })
            }
            _ => Err(e),
        }
    }
}

/// The other names of a term, as stored or typed (`;`-separated), trimmed and without empties.
pub fn split_synonyms(s: &str) -> Vec<&str> {
    s.split([';', '\n'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect()
}

/// Matches typed names to a taxonomy's keys: a key, a label in any language or an other name,
/// compared without case, accents, punctuation differences or repeated spaces.
#[derive(Debug, Clone, Default)]
pub struct TermMatcher {
    keys: HashMap<String, String>,
}

/// The form names are compared in: folded, apostrophes unified, spaces collapsed.
fn comparable(name: &str) -> String {
    fold(name)
        .replace(['\u{2019}', '`'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl TermMatcher {
    /// A matcher over `terms`: each key with the names it answers to. A key always names its
    /// own term; when two terms share a name, the first listed keeps it.
    pub fn new<'a>(terms: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>) -> Self {
        let terms: Vec<(&str, Vec<&str>)> = terms.into_iter().collect();
        let mut keys: HashMap<String, String> = terms
            .iter()
            .map(|(key, _)| (comparable(key), (*key).to_owned()))
            .collect();
        for (key, names) in &terms {
            for name in names {
                keys.entry(comparable(name))
                    .or_insert_with(|| (*key).to_owned());
            }
        }
        TermMatcher { keys }
    }

    /// The key `name` files under, if any.
    pub fn key_of(&self, name: &str) -> Option<&str> {
        self.keys.get(&comparable(name)).map(String::as_str)
    }

    /// Field errors for a new or renamed `term` whose key or names already name another term
    /// of this matcher (made without `term`): each would be filed under the other.
    pub fn clashes(&self, term: &NewTerm) -> FieldErrors {
        let mut e = FieldErrors::new();
        let names = [
            ("key", term.key.as_str()),
            ("label_de", term.labels[0].as_str()),
            ("label_fr", term.labels[1].as_str()),
            ("label_en", term.labels[2].as_str()),
        ]
        .into_iter()
        .chain(
            split_synonyms(&term.synonyms)
                .into_iter()
                .map(|n| ("synonyms", n)),
        );
        for (field, name) in names {
            if let Some(other) = self.key_of(name)
                && other != term.key.as_str()
                && e.get(field).is_none()
            {
                e.add(
                    field,
                    FieldError::with("error-term-taken", "value", name).and("other", other),
                );
            }
        }
        e
    }

    /// Sorts `values`: the keys they name (each once, in order) and the values that name none,
    /// as typed.
    pub fn sort(&self, values: &[String]) -> (Vec<String>, Vec<String>) {
        let (mut keys, mut rest): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
            match self.keys.get(&comparable(value)) {
                Some(key) if !keys.contains(key) => keys.push(key.clone()),
                Some(_) => {}
                None => rest.push(value.to_owned()),
            }
        }
        (keys, rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_finds_keys_by_label_or_other_name_and_keeps_the_rest() {
        let m = TermMatcher::new([
            (
                "newcomers",
                vec!["Neuzugewanderte", "Primo-arrivants", "Nouveaux arrivants"],
            ),
            ("families", vec!["Eltern und Familien", "Parents d’élèves"]),
        ]);
        let values: Vec<String> = [
            "nouveaux  ARRIVANTS",
            "Parents d'eleves",
            "Ausländerbeirat",
            "newcomers",
            " ",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            m.sort(&values),
            (
                vec!["newcomers".to_owned(), "families".to_owned()],
                vec!["Ausländerbeirat".to_owned()]
            )
        );
    }

    #[test]
    fn a_key_files_under_its_own_term_and_clashes_are_named() {
        let m = TermMatcher::new([("families", vec!["Eltern"]), ("eltern", vec!["Elterncafé"])]);
        assert_eq!(m.key_of("eltern"), Some("eltern"));
        assert_eq!(m.key_of("Elterncafé"), Some("eltern"));
        let others = TermMatcher::new([("families", vec!["Eltern", "Parents"])]);
        let new = NewTerm::try_from(&TermForm {
            key: "eltern".into(),
            label_de: "Elterncafé".into(),
            label_fr: "Parents".into(),
            label_en: "Parents' café".into(),
            synonyms: "Familien; Eltern".into(),
        })
        .expect("valid");
        let e = others.clashes(&new);
        for field in ["key", "label_fr", "synonyms"] {
            assert!(e.get(field).is_some(), "{field}");
        }
        assert!(e.get("label_de").is_none() && e.get("label_en").is_none());
    }

    #[test]
    fn names_are_one_line_of_visible_text() {
        for bad in [
            "\u{200B}",
            "gni\u{202E}rts",
            "line1\nline2",
            "a\tb",
            "\u{00AD}",
        ] {
            let e = NewTerm::try_from(&TermForm {
                key: "x".into(),
                label_de: bad.into(),
                label_fr: "Ok".into(),
                label_en: "Ok".into(),
                synonyms: format!("Gut; {bad}"),
            })
            .expect_err(bad);
            // A line break in the other names separates two names, as the hint says.
            let in_names = !bad.contains('\n');
            assert!(
                e.get("label_de").is_some() && e.get("synonyms").is_some() == in_names,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn other_names_are_trimmed_and_joined() {
        let t = NewTerm::try_from(&TermForm {
            key: "older-people".into(),
            label_de: "Ältere Menschen".into(),
            label_fr: "Personnes âgées".into(),
            label_en: "Older people".into(),
            synonyms: " Senioren ;\nRetraités;; ".into(),
        })
        .expect("valid");
        assert_eq!(t.synonyms, "Senioren; Retraités");
        let bad = NewTerm::try_from(&TermForm {
            key: "Older People".into(),
            ..Default::default()
        })
        .expect_err("invalid");
        for field in ["key", "label_de", "label_fr", "label_en"] {
            assert!(bad.get(field).is_some(), "{field}");
        }
    }
}
