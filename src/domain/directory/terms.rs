//! The two taxonomies practices are described with — themes and target groups — as typed by a
//! coordinator, and the matching of free text (imports, older records) to their keys.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::errors::FieldErrors;
use crate::domain::values::{Slug, fold, optional_text, required_text};

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
        match (key, de, fr, en, synonyms) {
            (Some(key), Some(de), Some(fr), Some(en), Some(synonyms)) => Ok(NewTerm {
                key,
                labels: [de, fr, en],
                synonyms: split_synonyms(synonyms.as_deref().unwrap_or_default()).join("; "),
            }),
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
    /// A matcher over `terms`: each key with the names it answers to. When two terms share a
    /// name, the first listed keeps it.
    pub fn new<'a>(terms: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>) -> Self {
        let mut keys = HashMap::new();
        for (key, names) in terms {
            for name in std::iter::once(key).chain(names) {
                keys.entry(comparable(name))
                    .or_insert_with(|| key.to_owned());
            }
        }
        TermMatcher { keys }
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
