//! Text analysis per language: German, French and English are lowercased, accent-folded, stripped
//! of stop words and stemmed (Snowball); German compounds are also split into their parts by a
//! dictionary; Luxembourgish is lowercased and folded only. The same analyzer reads the documents
//! and the query, so "für" and "fur", "réfugiés" and "refugies" meet.

use std::collections::HashSet;
use std::sync::Arc;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};

/// The languages the index knows, in the order their fields are laid out.
pub const LANGS: [&str; 4] = ["de", "fr", "en", "lb"];

/// Name of the analyzer registered for a language.
pub fn analyzer_name(lang: &str) -> String {
    format!("lang_{lang}")
}

/// Name of the analyzer that only lowercases and folds (for "did you mean").
pub const FOLD: &str = "fold";

/// Components of German compound words, one per line, already folded (see `data/`).
const GERMAN_PARTS: &str = include_str!("../../data/decompound-de.txt");

/// The German compound dictionary, folded and deduplicated: read once per process (analyzers are
/// built for every search, and each needs it).
pub fn german_parts() -> Arc<HashSet<String>> {
    static PARTS: std::sync::OnceLock<Arc<HashSet<String>>> = std::sync::OnceLock::new();
    PARTS
        .get_or_init(|| {
            Arc::new(
                GERMAN_PARTS
                    .lines()
                    .map(|l| l.trim())
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(fold_word)
                    .filter(|w| w.chars().count() >= MIN_PART)
                    .collect(),
            )
        })
        .clone()
}

/// Lowercases and folds accents and umlauts to ASCII ("Mütter" → "mutter", "ß" → "ss").
pub fn fold_word(s: &str) -> String {
    let mut analyzer = TextAnalyzer::builder(tantivy::tokenizer::RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut out = String::new();
    analyzer
        .token_stream(s)
        .process(&mut |t| out.push_str(&t.text));
    out
}

/// Builds the analyzer of one language.
pub fn analyzer(lang: &str, parts: &Arc<HashSet<String>>) -> TextAnalyzer {
    let base = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser);
    match lang {
        "de" => base
            .filter(StopWordFilter::new(Language::German).expect("German stop words"))
            .filter(AsciiFoldingFilter)
            .filter(folded_stop_words(GERMAN_FOLDED))
            .filter(Decompound {
                parts: parts.clone(),
            })
            .filter(Stemmer::new(Language::German))
            .build(),
        "fr" => base
            .filter(StopWordFilter::new(Language::French).expect("French stop words"))
            .filter(AsciiFoldingFilter)
            .filter(folded_stop_words(FRENCH_FOLDED))
            .filter(Stemmer::new(Language::French))
            .build(),
        "en" => base
            .filter(StopWordFilter::new(Language::English).expect("English stop words"))
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build(),
        _ => base.filter(AsciiFoldingFilter).build(),
    }
}

/// Stop words with accents, as they look when typed without: "fur" is dropped like "für".
const GERMAN_FOLDED: &[&str] = &[
    "fur", "uber", "dafur", "wurde", "wurden", "konnen", "konnte", "mussen", "muss", "wahrend",
    "dass",
];
const FRENCH_FOLDED: &[&str] = &[
    "a", "ou", "ete", "etee", "etees", "etes", "etant", "etante", "etants", "etantes", "meme",
    "ca", "deja", "apres", "tres",
];

fn folded_stop_words(words: &[&str]) -> StopWordFilter {
    StopWordFilter::remove(words.iter().map(|w| w.to_string()))
}

/// Registers every analyzer on an index's tokenizer manager.
pub fn register(manager: &TokenizerManager, parts: &Arc<HashSet<String>>) {
    for lang in LANGS {
        manager.register(&analyzer_name(lang), analyzer(lang, parts));
    }
    manager.register(
        FOLD,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(60))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

/// What an analyzer made of one word of the input: the whole (stemmed) word and, for a compound,
/// its stemmed parts. All share the word's position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analyzed {
    /// Position of the word among the input's words (stop words count).
    pub position: usize,
    /// The whole word, stemmed.
    pub whole: String,
    /// The parts of a compound, stemmed; empty for a simple word.
    pub parts: Vec<String>,
}

/// Runs `analyzer` over `text` and groups the tokens by position.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Analyzed> {
    let mut out: Vec<Analyzed> = Vec::new();
    analyzer
        .token_stream(text)
        .process(&mut |t: &Token| match out.last_mut() {
            Some(last) if last.position == t.position => last.parts.push(t.text.clone()),
            _ => out.push(Analyzed {
                position: t.position,
                whole: t.text.clone(),
                parts: Vec::new(),
            }),
        });
    out
}

/// Shortest part of a compound.
const MIN_PART: usize = 3;
/// Shortest word that is tried as a compound.
const MIN_COMPOUND: usize = 7;
/// Linking elements ("Fugenelemente") allowed between two parts.
const LINKS: [&str; 5] = ["s", "es", "n", "en", "e"];
/// Endings allowed after the last part (plural and case).
const ENDINGS: [&str; 6] = ["n", "en", "e", "s", "er", "ern"];

/// Splits a folded German word into dictionary parts, allowing linking elements between parts and
/// an inflection ending on the last; the split with the fewest parts wins. `None` when the word is
/// not a compound of known parts.
pub fn split_compound(word: &str, parts: &HashSet<String>) -> Option<Vec<String>> {
    if word.len() < MIN_COMPOUND || !word.is_ascii() {
        return None;
    }
    let n = word.len();
    // best[i]: the fewest parts covering word[..i], with the parts.
    let mut best: Vec<Option<Vec<String>>> = vec![None; n + 1];
    best[0] = Some(Vec::new());
    for start in 0..n {
        let Some(prefix) = best[start].clone() else {
            continue;
        };
        for end in (start + MIN_PART)..=n {
            let part = &word[start..end];
            if !parts.contains(part) {
                continue;
            }
            let mut next = prefix.clone();
            next.push(part.to_string());
            // The part may be followed by a linking element when more follows.
            let mut stops = vec![end];
            for link in LINKS {
                if word[end..].starts_with(link) && end + link.len() < n {
                    stops.push(end + link.len());
                }
            }
            for stop in stops {
                if best[stop].as_ref().is_none_or(|b| b.len() > next.len()) {
                    best[stop] = Some(next.clone());
                }
            }
            // The last part may carry an ending.
            for ending in ENDINGS {
                if word[end..] == *ending && best[n].as_ref().is_none_or(|b| b.len() > next.len()) {
                    let mut with = next.clone();
                    if let Some(last) = with.last_mut() {
                        last.push_str(ending);
                    }
                    best[n] = Some(with);
                }
            }
        }
    }
    best[n].take().filter(|p| p.len() >= 2)
}

/// Token filter: after a German compound it emits its parts at the same position, so that
/// "Jugendgemeinderat" is found by "Gemeinderat Jugend".
#[derive(Clone)]
pub struct Decompound {
    parts: Arc<HashSet<String>>,
}

impl TokenFilter for Decompound {
    type Tokenizer<T: Tokenizer> = DecompoundFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> DecompoundFilter<T> {
        DecompoundFilter {
            parts: self.parts,
            inner,
        }
    }
}

/// The tokenizer [`Decompound`] wraps around another.
#[derive(Clone)]
pub struct DecompoundFilter<T> {
    parts: Arc<HashSet<String>>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DecompoundFilter<T> {
    type TokenStream<'a> = DecompoundStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DecompoundStream {
            parts: &self.parts,
            tail: self.inner.token_stream(text),
            pending: Vec::new(),
        }
    }
}

/// Stream of [`DecompoundFilter`]: the word itself, then its parts.
pub struct DecompoundStream<'a, T> {
    parts: &'a HashSet<String>,
    tail: T,
    pending: Vec<Token>,
}

impl<T: TokenStream> TokenStream for DecompoundStream<'_, T> {
    fn advance(&mut self) -> bool {
        if self.pending.pop().is_some() && !self.pending.is_empty() {
            return true;
        }
        self.pending.clear();
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token();
        if let Some(split) = split_compound(&token.text, self.parts) {
            // Reversed, so that pop() yields them in order after the whole word.
            for part in split.into_iter().rev() {
                self.pending.push(Token {
                    text: part,
                    ..token.clone()
                });
            }
            self.pending.push(token.clone());
        }
        true
    }

    fn token(&self) -> &Token {
        self.pending.last().unwrap_or_else(|| self.tail.token())
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.pending.last_mut() {
            Some(t) => t,
            None => self.tail.token_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lang: &str, text: &str) -> Vec<String> {
        let parts = german_parts();
        let mut a = analyzer(lang, &parts);
        let mut out = Vec::new();
        a.token_stream(text)
            .process(&mut |t| out.push(t.text.clone()));
        out
    }

    #[test]
    fn analyzers_fold_accents_and_stem_per_language() {
        let table: &[(&str, &str, &str)] = &[
            ("fr", "réfugiés", "refugies"),
            ("fr", "Mères", "mere"),
            ("de", "Mütter", "Mutter"),
            ("de", "Führung", "fuhrung"),
            ("de", "Flüchtlinge", "Fluchtlinge"),
            ("de", "Beratungen", "Beratung"),
            ("en", "neighbourhoods", "neighbourhood"),
            ("en", "Mothers", "mother"),
            ("lb", "Gemengen", "gemengen"),
            ("lb", "Integratioun", "INTEGRATIOUN"),
        ];
        for (lang, a, b) in table {
            assert_eq!(run(lang, a), run(lang, b), "{lang}: {a} vs {b}");
            assert!(!run(lang, a).is_empty(), "{lang}: {a} gave no token");
        }
    }

    #[test]
    fn stop_words_are_dropped_in_their_language_only() {
        assert_eq!(run("fr", "mères de quartier").len(), 2);
        assert_eq!(run("de", "die Stadt und der Rat").len(), 2);
        assert_eq!(run("lb", "de Rot").len(), 2);
        assert!(run("de", "für fur über").is_empty());
        assert!(run("fr", "à été deja").is_empty());
    }

    #[test]
    fn german_compounds_are_split_into_known_parts() {
        let parts = german_parts();
        let table: &[(&str, &[&str])] = &[
            ("jugendgemeinderat", &["jugend", "gemeinderat"]),
            ("stadtteilmutter", &["stadtteil", "mutter"]),
            ("integrationskurs", &["integration", "kurs"]),
            ("sprachforderung", &["sprach", "forderung"]),
            ("gemeinschaftsunterkunfte", &["gemeinschaft", "unterkunfte"]),
        ];
        for (word, want) in table {
            assert_eq!(
                split_compound(word, &parts).as_deref(),
                Some(&want.iter().map(|s| s.to_string()).collect::<Vec<_>>()[..]),
                "{word}"
            );
        }
        assert_eq!(split_compound("integration", &parts), None);
        assert_eq!(split_compound("zzzzzzzzzz", &parts), None);
    }

    #[test]
    fn a_compound_and_its_parts_share_one_position() {
        let parts = german_parts();
        let mut a = analyzer("de", &parts);
        let words = analyze(&mut a, "Der Jugendgemeinderat tagt");
        assert_eq!(words.len(), 2);
        assert_eq!(words[0].parts.len(), 2);
        let query = analyze(&mut a, "Gemeinderat Jugend");
        let mut found: Vec<&str> = query.iter().map(|w| w.whole.as_str()).collect();
        found.sort();
        let mut want: Vec<&str> = words[0].parts.iter().map(String::as_str).collect();
        want.sort();
        assert_eq!(found, want);
    }
}
