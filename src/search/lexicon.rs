//! The language bridge: the keys under which the lexicon files a word (the word as the search
//! analyzes it, so that plurals and other forms share one entry), and the choice of a word's
//! translations among those the lexicon holds.

use tantivy::tokenizer::TextAnalyzer;

use std::sync::Arc;

use super::analysis::{self, Compounds, LANGS};
use super::expand::surface_words;
use super::request::Translation;

/// Analyzers that give the keys the lexicon is looked up by: one per language of [`LANGS`].
pub struct LexiconKeys {
    analyzers: Vec<TextAnalyzer>,
}

impl LexiconKeys {
    /// Keys as an index splitting compounds with `compounds` reads them.
    pub fn new(compounds: &Arc<Compounds>) -> Self {
        LexiconKeys {
            analyzers: LANGS
                .iter()
                .map(|l| analysis::analyzer(l, compounds))
                .collect(),
        }
    }

    /// The key of a one-word entry of `lang`: the word as that language's analyzer leaves it.
    /// `None` for a language the search does not know, a stop word, or several words.
    pub fn key(&mut self, lang: &str, word: &str) -> Option<String> {
        let l = LANGS.iter().position(|x| *x == lang)?;
        match analysis::analyze(&mut self.analyzers[l], word).as_slice() {
            [one] => Some(one.whole.clone()),
            _ => None,
        }
    }

    /// For each word of the query `q`, the (language, key) pairs of the word itself, in every
    /// language it is not a stop word of; none for a compound (its parts are looked up instead).
    pub fn word_keys(&mut self, q: &str) -> Vec<Vec<(String, String)>> {
        surface_words(q)
            .into_iter()
            .map(|(word, _, _)| {
                let mut pairs = Vec::new();
                for (l, lang) in LANGS.iter().enumerate() {
                    match analysis::analyze(&mut self.analyzers[l], &word).as_slice() {
                        [one] if one.parts.is_empty() => {
                            pairs.push((lang.to_string(), one.whole.clone()))
                        }
                        [_] => return Vec::new(),
                        _ => {}
                    }
                }
                pairs
            })
            .collect()
    }

    /// Every (language, key) under which the words of the query `q` (and the parts of its
    /// compounds) may be filed: each word read as a word of each language, since the query's
    /// language is decided later.
    pub fn query_keys(&mut self, q: &str) -> Vec<(String, String)> {
        let mut keys = Vec::new();
        for (word, _, _) in surface_words(q) {
            for (l, lang) in LANGS.iter().enumerate() {
                // The word, and the parts of a compound (looked up when the whole is not known).
                for a in analysis::analyze(&mut self.analyzers[l], &word) {
                    for key in std::iter::once(a.whole).chain(a.parts) {
                        let pair = (lang.to_string(), key);
                        if !keys.contains(&pair) {
                            keys.push(pair);
                        }
                    }
                }
            }
        }
        keys
    }
}

/// Shortest word corrected toward the lexicon's keys, in bytes.
const TYPO_MIN: usize = 6;
/// From this length on, two edits are forgiven.
const TYPO_LONG: usize = 9;
/// Letters a misspelt word shares with its correction at the start.
pub const TYPO_PREFIX: usize = 3;

/// How a misspelt key ("luxemburgish") may be looked for among the lexicon's keys: the prefix
/// they share and the range of their lengths; `None` for a key too short to correct.
pub fn typo_range(key: &str) -> Option<(&str, usize, usize)> {
    let n = key.len();
    if n < TYPO_MIN || !key.is_ascii() {
        return None;
    }
    let edits = if n >= TYPO_LONG { 2 } else { 1 };
    Some((&key[..TYPO_PREFIX], n - edits, n + edits))
}

/// The key closest to `key` among `candidates` (key, number of translations): one edit away,
/// two for long words; the most translated on a tie. With its distance and number.
pub fn closest_key(
    key: &str,
    candidates: impl IntoIterator<Item = (String, i64)>,
) -> Option<(usize, i64, String)> {
    let edits = if key.len() >= TYPO_LONG { 2 } else { 1 };
    let mut best: Option<(usize, i64, String)> = None;
    for (candidate, count) in candidates {
        let d = strsim::damerau_levenshtein(key, &candidate);
        if d == 0 || d > edits {
            continue;
        }
        if best.as_ref().is_none_or(|b| (d, -count) < (b.0, -b.1)) {
            best = Some((d, count, candidate));
        }
    }
    best
}

/// Translations a search uses per word and target language, the most likely first.
pub const TRANSLATIONS_KEPT: usize = 3;

/// The translations a search uses for `typed`, a word of `from`, among `found` (those filed under
/// its key): the choice [`choose`] makes for a query, with the same analyzers.
pub fn used_translations<'a>(
    found: &'a [Translation],
    from: &str,
    typed: &str,
    compounds: &Arc<Compounds>,
) -> Vec<&'a Translation> {
    let mut analyzers: Vec<TextAnalyzer> = LANGS
        .iter()
        .map(|l| analysis::analyzer(l, compounds))
        .collect();
    let typed = analysis::fold_word(typed);
    choose(found, from, Some(&typed), TRANSLATIONS_KEPT, |t| {
        let l = LANGS.iter().position(|x| *x == t.lang)?;
        analyzed_key(&analysis::analyze(&mut analyzers[l], &t.text))
    })
}

/// A translation's words as analyzed, joined: translations with the same key are one. `None`
/// when nothing is left to look for (stop words, signs).
pub(crate) fn analyzed_key(words: &[analysis::Analyzed]) -> Option<String> {
    (!words.is_empty()).then(|| {
        words
            .iter()
            .map(|a| a.whole.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Letters by which another form of the typed word may differ from it and still count as the
/// same word ("Geflüchtete" and "geflüchtet"; not "geflucht", cursed, which the stemmer files
/// under the same key once the umlaut is folded).
const FORM_EDITS: usize = 2;

/// The translations of one word to use: for each language other than `from`, the `kept` most
/// likely that differ once analyzed (`key_of`: "Flüchtling" and "Flüchtlinge" are one). The
/// coordinators' additions come first, then the translations of the word exactly as typed
/// (`typed`, folded), then those of its near forms (at most [`FORM_EDITS`] letters apart);
/// those of other words filed under the same key (other forms, but also "house" beside
/// "housing") only fill up.
pub(crate) fn choose<'a>(
    found: &'a [Translation],
    from: &str,
    typed: Option<&str>,
    kept: usize,
    mut key_of: impl FnMut(&Translation) -> Option<String>,
) -> Vec<&'a Translation> {
    // 0: a correction or the word as typed; 1: a near form; 2: another word under the key.
    let closeness = |t: &Translation| -> u8 {
        if t.corrected {
            return 0;
        }
        let Some(typed) = typed else { return 2 };
        match strsim::damerau_levenshtein(&analysis::fold_word(&t.word), typed) {
            0 => 0,
            d if d <= FORM_EDITS => 1,
            _ => 2,
        }
    };
    let mut order: Vec<(u8, &Translation)> = found
        .iter()
        .filter(|t| t.lang != from)
        .map(|t| (closeness(t), t))
        .collect();
    order.sort_by(|(ca, a), (cb, b)| {
        a.lang
            .cmp(&b.lang)
            .then(ca.cmp(cb))
            .then(b.weight.total_cmp(&a.weight))
            .then(a.text.cmp(&b.text))
    });
    let order = order.into_iter().map(|(_, t)| t);
    let mut chosen: Vec<&Translation> = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    for t in order {
        if chosen.iter().filter(|c| c.lang == t.lang).count() >= kept {
            continue;
        }
        let Some(key) = key_of(t) else { continue };
        let pair = (t.lang.clone(), key);
        if !seen.contains(&pair) {
            seen.push(pair);
            chosen.push(t);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(lang: &str, text: &str, weight: f32) -> Translation {
        Translation {
            word: "Flüchtling".into(),
            lang: lang.into(),
            text: text.into(),
            weight,
            corrected: false,
        }
    }

    #[test]
    fn keys_are_the_analyzed_word_in_its_language() {
        let mut keys = LexiconKeys::new(&Compounds::builtin());
        assert_eq!(keys.key("de", "Flüchtlinge"), keys.key("de", "Flüchtling"));
        assert_eq!(keys.key("fr", "réfugiés"), keys.key("fr", "refugie"));
        assert_eq!(keys.key("fr", "les"), None, "a stop word has no entry");
        assert_eq!(keys.key("en", "welcome centre"), None, "one word per key");
        assert_eq!(keys.key("xx", "word"), None);
        let q = keys.query_keys("l'accueil des réfugiés");
        assert!(q.contains(&("fr".into(), keys.key("fr", "accueil").expect("key"))));
        assert!(
            !q.iter().any(|(l, k)| l == "fr" && k == "de"),
            "French stop words are no key"
        );
    }

    #[test]
    fn the_most_likely_translations_per_language_are_kept_once() {
        let found = [
            t("en", "refugee", 2.5),
            t("en", "fugitive", 1.2),
            t("en", "refugees", 1.9),
            t("en", "escapee", 1.1),
            t("en", "runaway", 0.9),
            t("fr", "réfugié", 2.4),
            t("de", "Flüchtling", 9.0),
        ];
        let mut keys = LexiconKeys::new(&Compounds::builtin());
        let mut key = |t: &Translation| keys.key(&t.lang, &t.text);
        let chosen: Vec<(&str, &str)> = choose(&found, "de", None, 3, &mut key)
            .iter()
            .map(|t| (t.lang.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(
            chosen,
            [
                ("en", "refugee"),
                ("en", "fugitive"),
                ("en", "escapee"),
                ("fr", "réfugié")
            ],
            "\"refugees\" is \"refugee\" once analyzed"
        );
        // The word as typed before other words under the same key ("house" beside "housing").
        let mut house = t("de", "Haus", 3.0);
        house.word = "house".into();
        let mut housing = t("de", "Wohnung", 2.0);
        housing.word = "housing".into();
        let found = [house, housing];
        let chosen: Vec<&str> = choose(&found, "en", Some("housing"), 1, &mut key)
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(chosen, ["Wohnung"]);
        // A near form of the typed word before another word the stemmer files under the same
        // key once umlauts are folded: "Geflüchtete" is "geflüchtet", not "geflucht" (cursed).
        let form = |word: &str, text: &str, weight: f32| Translation {
            word: word.into(),
            lang: "en".into(),
            text: text.into(),
            weight,
            corrected: false,
        };
        let found = [
            form("geflucht", "cursed", 9.0),
            form("geflüchtet", "fled", 3.0),
            form("geflohen", "escaped", 5.0),
        ];
        let chosen: Vec<&str> = choose(&found, "de", Some("gefluchtete"), 2, &mut key)
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(chosen, ["fled", "cursed"]);
    }

    #[test]
    fn only_simple_words_are_corrected_toward_the_lexicon() {
        let list = Arc::new(Compounds::from_words(
            [("fahrrad", 4.2), ("werkstatt", 4.0)].map(|(w, z)| (w.to_string(), z)),
            "test",
        ));
        let words = LexiconKeys::new(&list).word_keys("Fahrradwerkstatt Luxemburgish und");
        assert!(words[0].is_empty(), "a compound: its parts are looked up");
        assert!(words[1].contains(&("en".to_string(), "luxemburgish".to_string())));
        assert!(
            words[2].iter().all(|(l, _)| l != "de"),
            "a German stop word"
        );
        assert_eq!(typo_range("luxemburgish"), Some(("lux", 10, 14)));
        assert_eq!(typo_range("haus"), None);
        let near = [("luxembourgish", 3), ("luxemburgisch", 5), ("luxury", 9)]
            .map(|(k, n)| (k.to_string(), n as i64));
        assert_eq!(
            closest_key("luxemburgish", near).map(|b| b.2),
            Some("luxemburgisch".to_string()),
            "one edit each: the most translated"
        );
    }
}
