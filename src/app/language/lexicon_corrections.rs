//! Coordinators' corrections of the lexicon: a wrong sense is a bug report a city can fix. A
//! translation of the lexicon can be removed (the search never uses it again) and a missing one
//! added (used before the lexicon's own). Corrections are kept apart from the lexicon, so that
//! they outlive the next `passerelle lexicon import`.

use unicode_normalization::UnicodeNormalization;

use crate::domain::{Action, Actor, FieldError, FieldErrors};
use crate::search::lexicon::{analyzed_key, used_translations};
use crate::search::{Compounds, LexiconKeys, Translation, analysis};
use crate::storage::LexiconCorrectionRow;

use crate::app::{App, Error, Result, authorize};

use super::lexicon::{LANGS, WORD_MAX};
/// The weight of an added translation: ahead of every translation of the lexicon.
pub(crate) const ADDED_WEIGHT: f64 = 100.0;

/// Where a translation shown to a coordinator comes from, and whether the search uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryState {
    /// From the lexicon, among the most likely ones: the search uses it.
    Used,
    /// From the lexicon, less likely: the search does not use it.
    Unused,
    /// Added by a coordinator: the search uses it before the lexicon's own.
    Added,
    /// Added by a coordinator, but other additions fill the language's places.
    AddedUnused,
    /// From the lexicon, removed by a coordinator: the search never uses it.
    Removed,
}

/// One translation of a word.
#[derive(Debug, Clone)]
pub struct LexiconEntry {
    /// The form of the word it is filed under ("logements" for "logement").
    pub word: String,
    /// The translation's language.
    pub lang: String,
    /// The translation as written.
    pub text: String,
    /// How likely the lexicon finds it (higher first).
    pub weight: f64,
    pub state: EntryState,
}

/// A word as the lexicon and the corrections translate it.
#[derive(Debug, Clone)]
pub struct LexiconWord {
    pub lang: String,
    /// The word as asked for.
    pub word: String,
    /// Its translations, by language, the ones the search uses first.
    pub entries: Vec<LexiconEntry>,
}

/// A correction as a form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct LexiconCorrectionForm {
    pub src_lang: String,
    pub src_word: String,
    pub dst_lang: String,
    pub dst_word: String,
    /// `add`, `remove`, or `restore` (take a correction back).
    pub action: String,
}

/// Whether a word may be written into the lexicon: no control or invisible formatting
/// characters (a zero-width space would hide a word that looks like another), and no `;`, which
/// separates translations where readers leave them out of a search.
pub(crate) fn writable(word: &str) -> bool {
    !word.chars().any(|c| {
        c == ';'
            || c.is_control()
            || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
    })
}

/// The lexicon's key of `word` in `lang`, or the field errors of both.
fn checked_key(errors: &mut FieldErrors, lang: &str, word: &str) -> Option<String> {
    let word = word.trim();
    if !LANGS.contains(&lang) {
        errors.add("src_lang", FieldError::new("error-choice"));
        return None;
    }
    if word.is_empty() {
        errors.add("src_word", FieldError::new("error-required"));
        return None;
    }
    if word.chars().count() > WORD_MAX {
        errors.add(
            "src_word",
            FieldError::with("error-too-long", "max", WORD_MAX),
        );
        return None;
    }
    if !writable(word) {
        errors.add("src_word", FieldError::new("error-lexicon-characters"));
        return None;
    }
    // Keys are whole words, which do not depend on how compounds are split.
    let key = LexiconKeys::new(&Compounds::builtin()).key(lang, word);
    if key.is_none() {
        errors.add("src_word", FieldError::new("error-lexicon-no-key"));
    }
    key
}

/// Applies the corrections filed under one key to the lexicon's translations of it: removed ones
/// dropped, added ones first.
pub(crate) fn corrected(
    found: Vec<Translation>,
    corrections: &[LexiconCorrectionRow],
) -> Vec<Translation> {
    let removed = |t: &Translation| {
        corrections
            .iter()
            .any(|c| c.removed && c.dst_lang == t.lang && c.dst_word == t.text)
    };
    let added = corrections
        .iter()
        .filter(|c| !c.removed)
        .map(|c| Translation {
            word: c.src_word.clone(),
            lang: c.dst_lang.clone(),
            text: c.dst_word.clone(),
            weight: ADDED_WEIGHT as f32,
            corrected: true,
        });
    added
        .chain(found.into_iter().filter(|t| !removed(t)))
        .collect()
}

impl App {
    /// Every translation of `word` (in `lang`) that the lexicon and the corrections hold, for
    /// those who may correct them.
    pub async fn lexicon_word(&self, actor: &Actor, lang: &str, word: &str) -> Result<LexiconWord> {
        authorize(actor, Action::EditGlossary)?;
        let mut errors = FieldErrors::new();
        let Some(key) = checked_key(&mut errors, lang, word) else {
            return Err(Error::Invalid(errors));
        };
        let keys = [(lang.to_owned(), key)];
        let rows = self.store().lexicon_lookup(&keys).await?;
        let corrections = self.store().lexicon_corrections(&keys).await?;
        let translations: Vec<Translation> = rows.iter().map(super::lexicon::translation).collect();
        let found = corrected(translations, &corrections);
        // Exactly what a search for the word as typed uses.
        let used: Vec<(String, String)> = used_translations(&found, lang, word, &self.compounds())
            .into_iter()
            .map(|t| (t.lang.clone(), t.text.clone()))
            .collect();
        let is_used = |l: &str, t: &str| used.iter().any(|(a, b)| a == l && b == t);
        let mut entries: Vec<LexiconEntry> = found
            .iter()
            .filter(|t| t.corrected)
            .map(|t| LexiconEntry {
                word: t.word.clone(),
                lang: t.lang.clone(),
                text: t.text.clone(),
                weight: ADDED_WEIGHT,
                state: if is_used(&t.lang, &t.text) {
                    EntryState::Added
                } else {
                    EntryState::AddedUnused
                },
            })
            .collect();
        let mut rows = rows;
        rows.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        for r in rows {
            let removed = corrections
                .iter()
                .any(|c| c.removed && c.dst_lang == r.dst_lang && c.dst_word == r.dst_word);
            let state = if removed {
                EntryState::Removed
            } else if is_used(&r.dst_lang, &r.dst_word) {
                EntryState::Used
            } else {
                EntryState::Unused
            };
            entries.push(LexiconEntry {
                word: r.src_word,
                lang: r.dst_lang,
                text: r.dst_word,
                weight: r.weight,
                state,
            });
        }
        entries.sort_by_key(|e| LANGS.iter().position(|l| *l == e.lang));
        Ok(LexiconWord {
            lang: lang.to_owned(),
            word: word.trim().to_owned(),
            entries,
        })
    }

    /// Adds a translation, removes one, or takes a correction back. Recorded in the change log
    /// with the coordinator.
    pub async fn correct_lexicon(&self, actor: &Actor, form: &LexiconCorrectionForm) -> Result<()> {
        authorize(actor, Action::EditGlossary)?;
        let mut errors = FieldErrors::new();
        let key = checked_key(&mut errors, &form.src_lang, &form.src_word);
        // One spelling of each word: "café" typed with a combining accent is the same "café".
        let dst_word: String = form.dst_word.trim().nfc().collect();
        let dst_lang = LANGS.iter().position(|l| *l == form.dst_lang);
        if dst_lang.is_none() {
            errors.add("dst_lang", FieldError::new("error-choice"));
        } else if form.dst_lang == form.src_lang {
            errors.add("dst_lang", FieldError::new("error-lexicon-same-language"));
        }
        if dst_word.is_empty() {
            errors.add("dst_word", FieldError::new("error-required"));
        } else if dst_word.chars().count() > WORD_MAX {
            errors.add(
                "dst_word",
                FieldError::with("error-too-long", "max", WORD_MAX),
            );
        } else if !writable(&dst_word) {
            errors.add("dst_word", FieldError::new("error-lexicon-characters"));
        } else if let Some(l) = dst_lang
            && form.action == "add"
        {
            let mut analyzer = analysis::analyzer(LANGS[l], &self.compounds());
            if analyzed_key(&analysis::analyze(&mut analyzer, &dst_word)).is_none() {
                errors.add("dst_word", FieldError::new("error-lexicon-no-words"));
            }
        }
        if !["add", "remove", "restore"].contains(&form.action.as_str()) {
            errors.add("action", FieldError::new("error-choice"));
        }
        let Some(key) = key.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        let keys = [(form.src_lang.clone(), key.clone())];
        let existing = self
            .store()
            .lexicon_corrections(&keys)
            .await?
            .into_iter()
            .find(|c| c.dst_lang == form.dst_lang && c.dst_word == dst_word);
        // Only what the page lists can be removed or taken back.
        let in_lexicon = self
            .store()
            .lexicon_lookup(&keys)
            .await?
            .iter()
            .any(|r| r.dst_lang == form.dst_lang && r.dst_word == dst_word);
        let known = match form.action.as_str() {
            "remove" => in_lexicon || existing.as_ref().is_some_and(|c| !c.removed),
            "restore" => existing.as_ref().is_some_and(|c| c.removed),
            _ => true,
        };
        if !known {
            errors.add("dst_word", FieldError::new("error-lexicon-not-listed"));
            return Err(Error::Invalid(errors));
        }
        let row = LexiconCorrectionRow {
            src_lang: form.src_lang.clone(),
            src_key: key.clone(),
            src_word: form.src_word.trim().to_owned(),
            dst_lang: form.dst_lang.clone(),
            dst_word: dst_word.clone(),
            removed: form.action == "remove",
        };
        let mut tx = self.store().write().await?;
        match (form.action.as_str(), existing) {
            // Removing an added translation takes it back; so does restoring a removed one.
            ("restore", _) | ("remove", Some(LexiconCorrectionRow { removed: false, .. })) => {
                tx.delete_lexicon_correction(&row).await?;
            }
            _ => tx.set_lexicon_correction(&row).await?,
        }
        tx.record(
            "lexicon",
            &format!("{}:{key}", form.src_lang),
            &form.action,
            actor.user_id(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
