//! Text analysis per language: German, French and English are lowercased, accent-folded, stripped
//! of stop words and stemmed (Snowball); German compounds are also split into their parts by a
//! dictionary; Luxembourgish is lowercased and folded only. The same analyzer reads the documents
//! and the query, so "für" and "fur", "réfugiés" and "refugies" meet.

use std::collections::HashMap;
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

/// Components of German compound words, one per line (see `data/`): the splitter used when no
/// word list is installed.
const GERMAN_PARTS: &str = include_str!("../../data/decompound-de.txt");

/// How German compounds are split into their parts: by a word list with frequencies, from the
/// lexicon (the split whose parts are, on average, more frequent than the whole word, after
/// Koehn and Knight), or, when none is installed, by the compiled-in list of parts (any split
/// into known parts, the fewest parts first). The index, the glossary and the lexicon's keys of
/// one process all use the same one.
#[derive(Debug)]
pub struct Compounds {
    /// Folded word → Zipf frequency (log10 of occurrences per billion words). Hashed with
    /// foldhash, not the default SipHash: a split looks up every part that might start at
    /// every letter, for every word of every text indexed or shown as a snippet.
    words: HashMap<String, f32, foldhash::fast::RandomState>,
    /// Identifies the list: an index built with another one is rebuilt.
    fingerprint: String,
}

/// Parts with the sum (or mean) of their frequencies.
type Scored = (f32, Vec<String>);

/// Zipf frequency given to each part of the compiled-in list, which has none.
const BUILTIN_ZIPF: f32 = 3.0;

impl Compounds {
    /// The compiled-in list of parts, read once per process.
    pub fn builtin() -> Arc<Compounds> {
        static BUILTIN: std::sync::OnceLock<Arc<Compounds>> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let words = GERMAN_PARTS
                    .lines()
                    .map(|l| l.trim())
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(|w| (w.to_string(), BUILTIN_ZIPF));
                Arc::new(Compounds::from_words(words, "builtin"))
            })
            .clone()
    }

    /// A word list: each word (folded here) with its Zipf frequency. `source` names where it
    /// comes from in the fingerprint.
    pub fn from_words(words: impl IntoIterator<Item = (String, f32)>, source: &str) -> Compounds {
        use sha2::Digest;
        let mut map: HashMap<String, f32, foldhash::fast::RandomState> = HashMap::default();
        for (word, zipf) in words {
            let word = fold_word(&word);
            if word.chars().count() >= MIN_PART && zipf.is_finite() {
                let e = map.entry(word).or_insert(zipf);
                *e = e.max(zipf);
            }
        }
        let mut sorted: Vec<(&String, &f32)> = map.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        let mut hash = sha2::Sha256::new();
        for (w, z) in sorted {
            hash.update(format!("{w}\t{z}\n").as_bytes());
        }
        let digest = hash.finalize();
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        Compounds {
            fingerprint: format!("{source}:{}:{hex}", map.len()),
            words: map,
        }
    }

    /// Identifies the list (its source, size and a hash of its contents).
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True for an empty list (nothing is split).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Splits a folded German word into parts of the list, allowing linking elements between
    /// parts and an inflection ending on the last. Of the splits into two to four parts, the one
    /// whose parts are most frequent on average wins (the fewer parts on a tie); it is taken only
    /// when that average beats the frequency of the word itself. `None` when the word is no
    /// compound of listed parts.
    pub fn split(&self, word: &str) -> Option<Vec<String>> {
        if word.len() < MIN_COMPOUND || !word.is_ascii() || self.words.is_empty() {
            return None;
        }
        let n = word.len();
        // best[i][k]: the parts (k + 1 of them) covering word[..i] with the highest sum of
        // frequencies, with that sum.
        let mut best: Vec<[Option<Scored>; MAX_PARTS]> = vec![Default::default(); n + 1];
        let mut whole: Vec<Option<Scored>> = vec![None; MAX_PARTS];
        let better = |slot: &Option<Scored>, sum: f32| slot.as_ref().is_none_or(|(s, _)| sum > *s);
        for start in 0..n {
            for k in 0..MAX_PARTS {
                let prefix = if start == 0 {
                    if k > 0 {
                        continue;
                    }
                    (0.0, Vec::new())
                } else if k == 0 {
                    continue;
                } else {
                    match &best[start][k - 1] {
                        Some(p) => p.clone(),
                        None => continue,
                    }
                };
                for end in (start + MIN_PART)..=n.min(start + MAX_PART) {
                    let part = &word[start..end];
                    let Some(zipf) = self.words.get(part) else {
                        continue;
                    };
                    let sum = prefix.0 + zipf;
                    let mut parts = prefix.1.clone();
                    parts.push(part.to_string());
                    if end == n {
                        if better(&whole[k], sum) {
                            whole[k] = Some((sum, parts.clone()));
                        }
                    } else {
                        // The part may be followed by a linking element when more follows.
                        for link in std::iter::once("").chain(LINKS) {
                            let stop = end + link.len();
                            if word[end..].starts_with(link)
                                && stop < n
                                && better(&best[stop][k], sum)
                            {
                                best[stop][k] = Some((sum, parts.clone()));
                            }
                        }
                        // The last part may carry an ending.
                        if ENDINGS.contains(&&word[end..]) && better(&whole[k], sum) {
                            let mut with = parts.clone();
                            if let Some(last) = with.last_mut() {
                                last.push_str(&word[end..]);
                            }
                            whole[k] = Some((sum, with));
                        }
                    }
                }
            }
        }
        let own = self.words.get(word).copied().unwrap_or(0.0);
        whole
            .into_iter()
            .enumerate()
            .skip(1)
            .filter_map(|(k, w)| w.map(|(sum, parts)| (sum / (k + 1) as f32, parts)))
            .filter(|(mean, _)| *mean > own)
            // The highest mean; the fewest parts on a tie (they come first).
            .fold(None, |acc: Option<Scored>, c| match acc {
                Some(a) if a.0 >= c.0 => Some(a),
                _ => Some(c),
            })
            .map(|(_, parts)| parts)
    }
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
pub fn analyzer(lang: &str, parts: &Arc<Compounds>) -> TextAnalyzer {
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
        // NLTK's English list (tantivy's is Lucene's 33 words: "where", "from", "after" stayed).
        "en" => base
            .filter(StopWordFilter::remove(
                stop_words::get("en")
                    .iter()
                    .filter(|w| !ENGLISH_KEPT.contains(w))
                    .map(|w| w.to_string()),
            ))
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build(),
        "lb" => base
            .filter(AsciiFoldingFilter)
            .filter(folded_stop_words(LUXEMBOURGISH_FOLDED))
            .build(),
        _ => base.filter(AsciiFoldingFilter).build(),
    }
}

/// Stop words with accents, as they look when typed without: "fur" is dropped like "für".
const GERMAN_FOLDED: &[&str] = &[
    "fur", "uber", "dafur", "wurde", "wurden", "konnen", "konnte", "mussen", "muss", "wahrend",
    "dass",
];
/// French: the Snowball list's words typed without accents, and the prepositions, conjunctions,
/// determiners and pronouns Snowball leaves out (its list has "dans" but not "entre" or "chez";
/// German's has "zwischen" and "bei"). Not "vers", "comme" or "car": they are part of names and
/// glossary terms ("aller-vers", "inscription comme demandeur d'emploi"), or a noun.
const FRENCH_FOLDED: &[&str] = &[
    "a",
    "ou",
    "ete",
    "etee",
    "etees",
    "etes",
    "etant",
    "etante",
    "etants",
    "etantes",
    "meme",
    "ca",
    "deja",
    "apres",
    "tres",
    "entre",
    "chez",
    "sous",
    "dont",
    "selon",
    "pendant",
    "depuis",
    "avant",
    "lors",
    "donc",
    "ainsi",
    "afin",
    "puis",
    "cette",
    "tout",
    "tous",
    "toute",
    "toutes",
    "plus",
    "aussi",
    "leurs",
    "quand",
    "parmi",
    "aupres",
    "envers",
    "contre",
    "plutot",
    "chaque",
    "autre",
    "autres",
    "ceux",
    "celle",
    "celles",
    "celui",
    "si",
    "ni",
    "encore",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "auxquels",
    "duquel",
    "desquels",
];
/// Words of NLTK's English list that name things in this catalogue: "WHO", "Down syndrome",
/// "further education".
const ENGLISH_KEPT: &[&str] = &["who", "down", "further"];
/// Luxembourgish function words (articles, pronouns, prepositions, conjunctions, auxiliaries),
/// typed without accents; no registry package lists them.
const LUXEMBOURGISH_FOLDED: &[&str] = &[
    "de", "den", "d", "dem", "der", "dat", "dei", "en", "eng", "engem", "enger", "e", "an", "a",
    "oder", "awer", "mee", "well", "wann", "wei", "datt", "ob", "fir", "mat", "vun", "zu", "bei",
    "op", "un", "um", "am", "aus", "no", "iwwer", "enner", "ouni", "geint", "tescht", "virun",
    "hannert", "duerch", "ech", "du", "hien", "hatt", "si", "mir", "dir", "hir", "sain", "seng",
    "main", "meng", "eis", "eise", "aren", "are", "ass", "sinn", "war", "waren", "gett", "ginn",
    "huet", "hunn", "hat", "kann", "kennen", "soll", "muss", "net", "och", "nach", "schonn", "ze",
    "dest", "des", "desen", "deser", "deen", "wat", "wou", "wien", "ee", "keen", "keng", "esou",
    "sou", "dann", "do", "hei", "elo",
];

fn folded_stop_words(words: &[&str]) -> StopWordFilter {
    StopWordFilter::remove(words.iter().map(|w| w.to_string()))
}

/// Registers every analyzer on an index's tokenizer manager.
pub fn register(manager: &TokenizerManager, parts: &Arc<Compounds>) {
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
/// Longest part of a compound, in bytes.
const MAX_PART: usize = 40;
/// Most parts a compound is split into.
const MAX_PARTS: usize = 4;
/// Shortest word that is tried as a compound.
const MIN_COMPOUND: usize = 7;
/// Linking elements ("Fugenelemente") allowed between two parts.
const LINKS: [&str; 5] = ["s", "es", "n", "en", "e"];
/// Endings allowed after the last part (plural and case).
const ENDINGS: [&str; 6] = ["n", "en", "e", "s", "er", "ern"];

/// Token filter: after a German compound it emits its parts at the same position, so that
/// "Jugendgemeinderat" is found by "Gemeinderat Jugend".
#[derive(Clone)]
pub struct Decompound {
    parts: Arc<Compounds>,
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
    parts: Arc<Compounds>,
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
    parts: &'a Compounds,
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
        if let Some(split) = self.parts.split(&token.text) {
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
        let parts = Compounds::builtin();
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
        assert_eq!(run("lb", "de Rot").len(), 1);
        assert_eq!(run("lb", "Sproochecours fir Erwuessener").len(), 2);
        assert_eq!(run("en", "where locals meet refugees").len(), 3);
        assert_eq!(run("fr", "salariés pendulaires entre États").len(), 3);
        // Words of names and glossary terms stay.
        assert_eq!(run("fr", "aller vers les habitants").len(), 3);
        assert_eq!(run("fr", "inscription comme demandeur").len(), 3);
        assert_eq!(run("en", "further training").len(), 2);
        assert_eq!(run("en", "who guidance").len(), 2);
        assert!(run("de", "für fur über").is_empty());
        assert!(run("fr", "à été deja").is_empty());
    }

    #[test]
    fn german_compounds_are_split_into_known_parts() {
        let parts = Compounds::builtin();
        let table: &[(&str, &[&str])] = &[
            ("jugendgemeinderat", &["jugend", "gemeinderat"]),
            ("stadtteilmutter", &["stadtteil", "mutter"]),
            ("integrationskurs", &["integration", "kurs"]),
            ("sprachforderung", &["sprach", "forderung"]),
            ("gemeinschaftsunterkunfte", &["gemeinschaft", "unterkunfte"]),
        ];
        for (word, want) in table {
            assert_eq!(
                parts.split(word).as_deref(),
                Some(&want.iter().map(|s| s.to_string()).collect::<Vec<_>>()[..]),
                "{word}"
            );
        }
        assert_eq!(parts.split("integration"), None);
        assert_eq!(parts.split("zzzzzzzzzz"), None);
    }

    #[test]
    fn a_compound_and_its_parts_share_one_position() {
        let parts = Compounds::builtin();
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

    #[test]
    fn a_word_list_splits_where_the_parts_are_more_frequent_than_the_whole() {
        let list = Compounds::from_words(
            [
                ("Sprache", 4.6),
                ("sprach", 4.0),
                ("Kurs", 4.3),
                ("Kurse", 4.0),
                ("Sprachkurs", 2.9),
                ("Bürger", 4.2),
                ("Meister", 4.3),
                ("Bürgermeister", 4.8),
                ("Haus", 5.0),
                ("Wohnung", 4.6),
                ("Wohnungs", 2.0),
                ("Suche", 4.7),
                ("Woh", 1.0),
                ("Nungs", 1.0),
            ]
            .map(|(w, z)| (w.to_string(), z)),
            "test",
        );
        let table: &[(&str, Option<&[&str]>)] = &[
            // More frequent parts than the whole: split.
            ("sprachkurs", Some(&["sprach", "kurs"])),
            ("sprachkurse", Some(&["sprach", "kurse"])),
            // A linking element between the parts, an unknown whole.
            ("wohnungssuche", Some(&["wohnung", "suche"])),
            ("burgerhaus", Some(&["burger", "haus"])),
            // The whole is more frequent than its parts on average: kept.
            ("burgermeister", None),
            // Not made of listed parts.
            ("integration", None),
            ("haus", None),
        ];
        for (word, want) in table {
            let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(list.split(word), want, "{word}");
        }
        assert!(list.fingerprint().starts_with("test:14:"));
        assert_ne!(list.fingerprint(), Compounds::builtin().fingerprint());
    }
}
