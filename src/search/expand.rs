//! Query expansion through the glossary: finds the glossary's terms in a query (in any of its
//! languages, by stemmed words, in any order, forgiving one typo in a longer word) and hands the
//! query planner every term of the concepts found, in every language. Also finds glossary terms
//! in a text, for showing their translations beside it.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tantivy::tokenizer::{SimpleTokenizer, TextAnalyzer, TokenStream, Tokenizer};

use super::analysis::{self, Analyzed, Compounds, LANGS};

/// One term of the glossary, as `app` hands it over.
#[derive(Debug, Clone)]
pub struct GlossaryTerm {
    /// The concept's key.
    pub concept: String,
    /// Language of the term.
    pub lang: String,
    /// The term.
    pub term: String,
}

/// A glossary term, analyzed by its language's analyzer.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub concept: usize,
    pub lang: usize,
    pub words: Vec<Analyzed>,
    keys: Vec<String>,
    /// The term's words as written, by position.
    surface: Vec<String>,
}

/// A stretch of the query's words that names one or more concepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConceptSpan {
    pub start: usize,
    pub end: usize,
    pub concepts: Vec<usize>,
    /// Languages whose terms matched (indexes into [`LANGS`]).
    pub langs: Vec<usize>,
}

/// The glossary, ready to expand queries. Built once per glossary change.
pub struct Expander {
    concepts: Vec<String>,
    terms: Vec<Prepared>,
    by_concept: Vec<Vec<usize>>,
    by_key: [HashMap<String, Vec<usize>>; 4],
    analyzers: Vec<TextAnalyzer>,
}

/// The longest term, in words, that is looked for.
const MAX_SPAN: usize = 6;

impl Expander {
    /// Prepares `terms`; terms in languages the index does not know are left out.
    pub fn new(terms: Vec<GlossaryTerm>, compounds: &Arc<Compounds>) -> Expander {
        let mut analyzers = analyzers(compounds);
        let mut concepts: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut prepared = Vec::new();
        let mut by_key: [HashMap<String, Vec<usize>>; 4] = Default::default();
        for t in terms {
            let Some(lang) = LANGS.iter().position(|l| *l == t.lang) else {
                continue;
            };
            let words = analysis::analyze(&mut analyzers[lang], &t.term);
            if words.is_empty() {
                continue;
            }
            let concept = *index.entry(t.concept.clone()).or_insert_with(|| {
                concepts.push(t.concept.clone());
                concepts.len() - 1
            });
            let keys = keys_of(&words);
            let id = prepared.len();
            for k in &keys {
                by_key[lang].entry(k.clone()).or_default().push(id);
            }
            let surface = surface_words(&t.term).into_iter().map(|w| w.0).collect();
            prepared.push(Prepared {
                concept,
                lang,
                words,
                keys,
                surface,
            });
        }
        let mut by_concept = vec![Vec::new(); concepts.len()];
        for (i, p) in prepared.iter().enumerate() {
            by_concept[p.concept].push(i);
        }
        Expander {
            concepts,
            terms: prepared,
            by_concept,
            by_key,
            analyzers,
        }
    }

    /// A glossary with no terms.
    pub fn empty() -> Expander {
        Expander::new(Vec::new(), &Compounds::builtin())
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// True when there are no concepts.
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    /// The key of concept `i`.
    pub(crate) fn concept_key(&self, i: usize) -> &str {
        &self.concepts[i]
    }

    /// The terms of concept `i`, in every language.
    pub(crate) fn terms_of(&self, i: usize) -> impl Iterator<Item = &Prepared> {
        self.by_concept[i].iter().map(|t| &self.terms[*t])
    }

    /// Analyzes each of `words` alone in every language: `[lang][word]`, `None` for a stop word.
    pub(crate) fn analyze_words(&self, words: &[String]) -> Vec<Vec<Option<Analyzed>>> {
        let mut analyzers = self.analyzers.clone();
        analyzers
            .iter_mut()
            .map(|a| {
                words
                    .iter()
                    .map(|w| analysis::analyze(a, w).into_iter().next())
                    .collect()
            })
            .collect()
    }

    /// Analyzes `text` as a text of language `lang` (an index into [`LANGS`]).
    pub(crate) fn analyze_text(&self, lang: usize, text: &str) -> Vec<Analyzed> {
        analysis::analyze(&mut self.analyzers[lang].clone(), text)
    }

    /// Finds concepts named in the query. `analyzed[lang][word]` as from
    /// [`Expander::analyze_words`]. Longer stretches win over shorter ones they overlap.
    pub(crate) fn find(&self, analyzed: &[Vec<Option<Analyzed>>]) -> Vec<ConceptSpan> {
        let n = analyzed.first().map_or(0, Vec::len);
        let mut found: Vec<ConceptSpan> = Vec::new();
        // The terms with a key one typo from a query key, looked up once per key.
        let mut near: HashMap<(usize, String), Vec<usize>> = HashMap::new();
        for start in 0..n {
            for end in (start + 1)..=n.min(start + MAX_SPAN) {
                let mut span = ConceptSpan {
                    start,
                    end,
                    concepts: Vec::new(),
                    langs: Vec::new(),
                };
                for (lang, words) in analyzed.iter().enumerate() {
                    let (Some(Some(_)), Some(Some(_))) = (words.get(start), words.get(end - 1))
                    else {
                        continue;
                    };
                    let keys: Vec<String> = keys_of(
                        &words[start..end]
                            .iter()
                            .flatten()
                            .cloned()
                            .collect::<Vec<_>>(),
                    );
                    for t in self.candidates(lang, &keys, &mut near) {
                        let term = &self.terms[t];
                        if same_keys(&term.keys, &keys) {
                            if !span.concepts.contains(&term.concept) {
                                span.concepts.push(term.concept);
                            }
                            if !span.langs.contains(&lang) {
                                span.langs.push(lang);
                            }
                        }
                    }
                }
                if !span.concepts.is_empty() {
                    found.push(span);
                }
            }
        }
        found.sort_by_key(|s| (std::cmp::Reverse(s.end - s.start), s.start));
        let mut taken: Vec<ConceptSpan> = Vec::new();
        for s in found {
            if taken.iter().all(|t| s.end <= t.start || s.start >= t.end) {
                taken.push(s);
            }
        }
        taken.sort_by_key(|s| s.start);
        taken
    }

    /// Terms of `lang` that could match `keys`: those sharing a key, or (for a key the glossary
    /// does not know in this language, which may be a typo) having a key one edit from it.
    /// `near` keeps the latter per key across calls.
    fn candidates(
        &self,
        lang: usize,
        keys: &[String],
        near: &mut HashMap<(usize, String), Vec<usize>>,
    ) -> Vec<usize> {
        let mut out: HashSet<usize> = HashSet::new();
        for k in keys {
            if let Some(ids) = self.by_key[lang].get(k) {
                out.extend(ids.iter().copied());
            } else if k.len() >= FUZZY_MIN {
                let ids = near.entry((lang, k.clone())).or_insert_with(|| {
                    self.by_key[lang]
                        .iter()
                        .filter(|(key, _)| close(k, key))
                        .flat_map(|(_, ids)| ids.iter().copied())
                        .collect()
                });
                out.extend(ids.iter().copied());
            }
        }
        let mut v: Vec<usize> = out.into_iter().collect();
        v.sort_unstable();
        v
    }

    /// Glossary terms found in `text` (written in `lang`): concept keys with the words as they
    /// stand in the text, in order of first appearance, each concept once.
    pub fn find_in_text(&self, lang: &str, text: &str) -> Vec<(String, String)> {
        let Some(l) = LANGS.iter().position(|x| *x == lang) else {
            return Vec::new();
        };
        let words = surface_words(text);
        if words.is_empty() {
            return Vec::new();
        }
        let plain: Vec<String> = words.iter().map(|w| w.0.clone()).collect();
        let mut analyzer = self.analyzers[l].clone();
        let analyzed: Vec<Option<Analyzed>> = plain
            .iter()
            .map(|w| analysis::analyze(&mut analyzer, w).into_iter().next())
            .collect();
        let mut out: Vec<(String, String)> = Vec::new();
        let mut seen: HashSet<usize> = HashSet::new();
        let mut i = 0;
        while i < analyzed.len() {
            let mut step = 1;
            if let Some(first) = &analyzed[i] {
                // Longest exact match starting here.
                let mut best: Option<(usize, usize, usize)> = None;
                for t in self.by_key[l]
                    .get(&first.whole)
                    .into_iter()
                    .chain(first.parts.first().and_then(|p| self.by_key[l].get(p)))
                    .flatten()
                {
                    let term = &self.terms[*t];
                    let len = term.words.len();
                    let window: Vec<usize> = (i..analyzed.len())
                        .filter(|j| analyzed[*j].is_some())
                        .take(len)
                        .collect();
                    let fits = window.len() == len
                        && window.iter().zip(&term.words).all(|(j, b)| {
                            analyzed[*j].as_ref().is_some_and(|a| {
                                a.whole == b.whole
                                    && j - window[0] == b.position - term.words[0].position
                                    && (!a.parts.is_empty()
                                        || term
                                            .surface
                                            .get(b.position)
                                            .is_some_and(|s| same_surface(&plain[*j], s)))
                            })
                        })
                        && (i..window[len - 1])
                            .all(|m| !text[words[m].2..words[m + 1].1].contains(SENTENCE_MARKS));
                    if fits && best.is_none_or(|(_, l, _)| len > l) {
                        best = Some((*t, len, window[len - 1] + 1));
                    }
                }
                if let Some((t, _, end)) = best {
                    let concept = self.terms[t].concept;
                    if seen.insert(concept) {
                        let from = words[i].1;
                        let to = words[end - 1].2;
                        out.push((self.concepts[concept].clone(), text[from..to].to_string()));
                    }
                    step = end - i;
                }
            }
            i += step;
        }
        out
    }
}

/// Punctuation and line breaks that a term in a text never spans ("residents, associations" is
/// not "residents' associations", nor are two Markdown list items one term).
const SENTENCE_MARKS: &[char] = &[
    ',', ';', ':', '.', '!', '?', '(', ')', '[', ']', '"', '«', '»', '“', '”', '„', '\n', '–', '—',
    '•', '…', '|',
];

/// A word of a text stands for a word of a term: the stemmer took both to one stem, and they
/// also look alike. An acronym ("VAE") stands only for itself, a short word only for the same
/// word, and a longer one may differ in an ending of up to four letters ("migrants" for
/// "migrant", "Beiräte" for "Beirat", but not "regularly" for "regularization").
fn same_surface(word: &str, term: &str) -> bool {
    if term.chars().count() >= 2 && term.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return word == term;
    }
    let (word, term) = (analysis::fold_word(word), analysis::fold_word(term));
    if word.len().min(term.len()) < 4 {
        return word == term;
    }
    let common = word
        .chars()
        .zip(term.chars())
        .take_while(|(a, b)| a == b)
        .count();
    common + 4 >= word.chars().count().max(term.chars().count())
}

/// Words shorter than this are never matched with a typo.
pub(crate) const FUZZY_MIN: usize = 5;

fn analyzers(parts: &Arc<Compounds>) -> Vec<TextAnalyzer> {
    LANGS.iter().map(|l| analysis::analyzer(l, parts)).collect()
}

/// The words of a text with their byte offsets.
pub(crate) fn surface_words(text: &str) -> Vec<(String, usize, usize)> {
    let mut tokenizer = SimpleTokenizer::default();
    let mut out = Vec::new();
    let mut stream = tokenizer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push((t.text.clone(), t.offset_from, t.offset_to));
    }
    out
}

/// The keys a list of analyzed words is matched by: a compound's parts, else the word.
fn keys_of(words: &[Analyzed]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for w in words {
        if w.parts.is_empty() {
            keys.push(w.whole.clone());
        } else {
            keys.extend(w.parts.iter().cloned());
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// The query's keys `b` name the term with keys `a`: the same keys (each matching one of the
/// other exactly or with a typo), or all but one of a longer term's when the query has two or
/// more ("reconnaissance des diplômes" names "reconnaissance des diplômes étrangers").
fn same_keys(a: &[String], b: &[String]) -> bool {
    let covered = |x: &[String], y: &[String]| x.iter().all(|k| y.iter().any(|l| close(k, l)));
    (a.len() == b.len() && covered(a, b) && covered(b, a))
        || (b.len() >= 2 && a.len() == b.len() + 1 && covered(b, a))
}

/// Equal, or one edit apart when both are long enough.
pub(crate) fn close(a: &str, b: &str) -> bool {
    a == b
        || (a.len() >= FUZZY_MIN
            && b.len() >= FUZZY_MIN
            && a.len().abs_diff(b.len()) <= 1
            && one_edit(a, b))
}

/// One insertion, deletion, substitution or swap of neighbours apart (the restricted
/// Damerau–Levenshtein distance is 1), for words that differ; without building the distance
/// table when both are ASCII, as analyzed keys mostly are.
fn one_edit(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return strsim::damerau_levenshtein(a, b) <= 1;
    }
    let (a, b) = if a.len() >= b.len() {
        (a.as_bytes(), b.as_bytes())
    } else {
        (b.as_bytes(), a.as_bytes())
    };
    let i = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() > b.len() {
        return a[i + 1..] == b[i..];
    }
    if i == a.len() {
        return true;
    }
    a[i + 1..] == b[i + 1..]
        || (i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Expander {
        let t = |c: &str, l: &str, s: &str| GlossaryTerm {
            concept: c.into(),
            lang: l.into(),
            term: s.into(),
        };
        Expander::new(
            vec![
                t("neighbourhood-mothers", "de", "Stadtteilmütter"),
                t("neighbourhood-mothers", "fr", "mères de quartier"),
                t("neighbourhood-mothers", "fr", "femmes-relais"),
                t("neighbourhood-mothers", "en", "neighbourhood mothers"),
                t("youth-council", "de", "Jugendgemeinderat"),
                t("youth-council", "en", "youth council"),
                t("job-shadowing", "de", "Hospitation"),
                t("job-shadowing", "en", "job shadowing"),
            ],
            &Compounds::builtin(),
        )
    }

    fn concepts(e: &Expander, q: &str) -> Vec<String> {
        let words: Vec<String> = surface_words(q).into_iter().map(|w| w.0).collect();
        let analyzed = e.analyze_words(&words);
        e.find(&analyzed)
            .iter()
            .flat_map(|s| s.concepts.iter().map(|c| e.concept_key(*c).to_string()))
            .collect()
    }

    #[test]
    fn queries_find_concepts_in_any_language_order_and_with_one_typo() {
        let e = glossary();
        let table: &[(&str, &[&str])] = &[
            ("mères de quartier", &["neighbourhood-mothers"]),
            ("meres de quartier", &["neighbourhood-mothers"]),
            ("Stadtteilmutter", &["neighbourhood-mothers"]),
            ("neighbourhod mothers", &["neighbourhood-mothers"]),
            ("femmes relais Metz", &["neighbourhood-mothers"]),
            ("Gemeinderat Jugend", &["youth-council"]),
            ("Hospitaton Trier", &["job-shadowing"]),
            ("Trier", &[]),
            ("de", &[]),
        ];
        for (q, want) in table {
            assert_eq!(concepts(&e, q), *want, "{q}");
        }
    }

    #[test]
    fn terms_are_found_in_a_text_with_the_words_as_written() {
        let e = glossary();
        let found = e.find_in_text(
            "fr",
            "Le projet forme des Mères de quartier. Les mères de quartier visitent…",
        );
        assert_eq!(
            found,
            vec![(
                "neighbourhood-mothers".to_string(),
                "Mères de quartier".to_string()
            )]
        );
        assert!(e.find_in_text("de", "Nichts davon hier").is_empty());
        // Not across punctuation, and not a word the stemmer merely conflates with a term's.
        assert!(
            e.find_in_text("en", "The youth, council members and others")
                .is_empty()
        );
        let e = Expander::new(
            vec![GlossaryTerm {
                concept: "regularisation".into(),
                lang: "en".into(),
                term: "regularization".into(),
            }],
            &Compounds::builtin(),
        );
        assert!(e.find_in_text("en", "They meet regularly.").is_empty());
        assert_eq!(e.find_in_text("en", "Regularizations").len(), 1);
        let e = Expander::new(
            vec![
                GlossaryTerm {
                    concept: "vae".into(),
                    lang: "fr".into(),
                    term: "VAE".into(),
                },
                GlossaryTerm {
                    concept: "plain-language".into(),
                    lang: "de".into(),
                    term: "Leichte Sprache".into(),
                },
            ],
            &Compounds::builtin(),
        );
        assert!(e.find_in_text("fr", "Le projet va bien.").is_empty());
        assert_eq!(e.find_in_text("fr", "La VAE aussi.").len(), 1);
        assert!(e.find_in_text("de", "leicht von einer Sprache").is_empty());
        assert_eq!(e.find_in_text("de", "in leichter Sprache").len(), 1);
    }

    #[test]
    fn one_edit_agrees_with_the_distance() {
        let words = [
            "integration",
            "integraton",
            "intergation",
            "integrationn",
            "integrasion",
            "ntegration",
            "integratio",
            "integrat",
            "intégration",
            "intégratoin",
            "wohnung",
            "wohnnug",
            "ohnung",
            "wohnungs",
            "wohnugn",
            "abcde",
            "bacde",
            "abced",
            "abcd",
        ];
        for a in words {
            for b in words {
                let want = a == b || strsim::damerau_levenshtein(a, b) <= 1;
                assert_eq!(a == b || one_edit(a, b), want, "{a} / {b}");
            }
        }
    }
}
