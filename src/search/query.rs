//! Query planning and execution. A query is cut into units — a word, or a stretch of words that
//! names a glossary concept — and each unit is one group of alternatives: the word in every
//! language's fields (its own language counts most), its translations from the lexicon (as much
//! as the word itself: most answers are in another language), or any term of the concept in any
//! language. A group scores its best alternative, so that a word with many translations cannot
//! outweigh the others; a document scores the sum of its groups, and needs only one of them:
//! a word that occurs nowhere never empties the results. Titles weigh most, then summaries, tags
//! and bodies; the whole phrase in the query's language earns a bonus.

use std::collections::HashMap;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::snippet::{Snippet, SnippetGenerator};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::analysis::{Analyzed, LANGS, fold_word};
use super::expand::{ConceptSpan, Expander, FUZZY_MIN, surface_words};
use super::{DocKind, LangFields, Result, SearchIndex, StoredData};

/// Field weights: title, summary, tags, body.
const WEIGHTS: [f32; 4] = [3.0, 2.0, 1.5, 1.0];
/// A word matched in another language's fields than the query's.
const OTHER_LANGUAGE: f32 = 0.5;
/// A concept's term in the query's language (a synonym).
const SYNONYM: f32 = 0.8;
/// A concept's term in another language (the cross-lingual expansion).
const EXPANSION: f32 = 0.7;
/// A word matched only with a typo.
const TYPO: f32 = 0.6;
/// A translation from the lexicon: as much as the word itself.
const TRANSLATION: f32 = 1.0;
/// Translations kept per word and target language, the most likely first.
const TRANSLATIONS_KEPT: usize = 3;
/// The whole query as a phrase.
const PHRASE: f32 = 2.0;
/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 220;

/// A search as asked.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// What was typed.
    pub q: String,
    /// The reader's language: results are shown in it when translated.
    pub reader_lang: String,
    /// The query's language when known; otherwise guessed from the query.
    pub query_lang: Option<String>,
    /// Only these kinds (all when empty).
    pub kinds: Vec<DocKind>,
    /// Only this city (slug).
    pub city: Option<String>,
    /// Only this country (code).
    pub country: Option<String>,
    /// Only this theme (key).
    pub theme: Option<String>,
    /// Only content available in this language.
    pub lang: Option<String>,
    /// The reader is a member: members-only documents are included.
    pub members: bool,
    /// Expand the query through the glossary (on, except for measuring it).
    pub expand: bool,
    /// Page size.
    pub limit: usize,
    /// Results skipped.
    pub offset: usize,
    /// The lexicon's translations of the query's words (see [`lexicon_keys`]); none when the
    /// lexicon is not installed, and the search is then within each language.
    pub translations: Translations,
    /// Translations the reader removed, as (language, text): not used.
    pub without: Vec<(String, String)>,
}

/// One translation from the lexicon: its language, its text (one or more words) and its weight
/// (higher is more likely).
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// Target language.
    pub lang: String,
    /// The translation as written.
    pub text: String,
    /// How likely this sense is; ranks the translations of one word.
    pub weight: f32,
}

/// Translations by (source language, lexicon key of the word).
pub type Translations = HashMap<(String, String), Vec<Translation>>;

/// A translation the search used for a word of the query: shown to the reader, who can remove it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UsedTranslation {
    /// The word as typed.
    pub word: String,
    /// The language of the translation.
    pub lang: String,
    /// The translation.
    pub text: String,
}

impl SearchRequest {
    /// A public search for `q` by a reader of `lang`, first page of ten.
    pub fn new(q: &str, lang: &str) -> SearchRequest {
        SearchRequest {
            q: q.to_string(),
            reader_lang: lang.to_string(),
            query_lang: None,
            kinds: Vec::new(),
            city: None,
            country: None,
            theme: None,
            lang: None,
            members: false,
            expand: true,
            limit: 10,
            offset: 0,
            translations: Translations::new(),
            without: Vec::new(),
        }
    }
}

/// A piece of a snippet; `mark` when it matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// True for a matched word.
    pub mark: bool,
}

/// One result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    /// What it is.
    pub kind: DocKind,
    /// Its id.
    pub id: String,
    /// Its URL name.
    pub slug: String,
    /// External reference.
    pub reference: Option<String>,
    /// Relevance.
    pub score: f32,
    /// Title in `lang`.
    pub title: String,
    /// Language of title and snippet: the reader's when translated, else the original.
    pub lang: String,
    /// Language of the original.
    pub original_lang: String,
    /// The snippet, in `lang`, with the matched words marked.
    pub snippet: Vec<Segment>,
    /// City slug.
    pub city: Option<String>,
}

/// Facet counts over all results: value and count, most first.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Facets {
    /// By kind.
    #[serde(rename = "type")]
    pub kinds: Vec<(String, u64)>,
    /// By city slug.
    pub city: Vec<(String, u64)>,
    /// By country code.
    pub country: Vec<(String, u64)>,
    /// By theme key.
    pub theme: Vec<(String, u64)>,
    /// By available language.
    pub lang: Vec<(String, u64)>,
}

/// What a search found.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    /// All matches.
    pub total: usize,
    /// This page.
    pub hits: Vec<Hit>,
    /// Counts over all matches.
    pub facets: Facets,
    /// A corrected query, when nothing was found and a likely correction exists.
    pub suggestion: Option<String>,
    /// The language the query was read in.
    pub query_lang: String,
    /// Keys of the glossary concepts the query was expanded through.
    pub concepts: Vec<String>,
    /// The lexicon's translations the query was expanded through.
    pub translations: Vec<UsedTranslation>,
}

/// The query as read: its words as typed and as each language analyzes them.
struct Plan<'a> {
    words: &'a [String],
    analyzed: &'a [Vec<Option<Analyzed>>],
    req: &'a SearchRequest,
    glossary: &'a Expander,
}

/// A query word or concept, with what it matches.
enum Unit {
    Word(usize),
    Concept(ConceptSpan),
}

impl SearchIndex {
    /// Runs a search. Never fails on odd input: an empty or stop-word-only query finds nothing.
    pub fn search(&self, req: &SearchRequest, glossary: &Expander) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let words: Vec<String> = surface_words(&req.q).into_iter().map(|w| w.0).collect();
        let analyzed = glossary.analyze_words(&words);
        let spans = if req.expand {
            glossary.find(&analyzed)
        } else {
            Vec::new()
        };
        let ql = self.query_language(req, &analyzed, &spans);
        let mut results = SearchResults {
            query_lang: LANGS[ql].to_string(),
            concepts: spans
                .iter()
                .flat_map(|s| {
                    s.concepts
                        .iter()
                        .map(|c| glossary.concept_key(*c).to_string())
                })
                .collect(),
            ..SearchResults::default()
        };
        let plan = Plan {
            words: &words,
            analyzed: &analyzed,
            req,
            glossary,
        };
        let core = self.core_query(&searcher, &plan, &spans, ql, &mut results.translations)?;
        let Some(core) = core else {
            return Ok(results);
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, core)];
        if let Some(phrase) = self.phrase_bonus(&analyzed[ql], ql) {
            clauses.push((Occur::Should, phrase));
        }
        clauses.extend(self.filters(req));
        let query = BooleanQuery::new(clauses);

        let mut facets = FacetCollector::for_field("facets");
        for dim in ["/type", "/city", "/country", "/theme", "/lang"] {
            facets.add_facet(dim);
        }
        let top = TopDocs::with_limit(req.limit.clamp(1, 100))
            .and_offset(req.offset)
            .order_by_score();
        let (top, total, counts) = searcher.search(&query, &(top, Count, facets))?;
        results.total = total;
        results.facets = Facets {
            kinds: facet_values(&counts, "/type"),
            city: facet_values(&counts, "/city"),
            country: facet_values(&counts, "/country"),
            theme: facet_values(&counts, "/theme"),
            lang: facet_values(&counts, "/lang"),
        };
        let mut snippets = Snippets::new(self, &searcher, &query);
        for (score, address) in top {
            if let Some(hit) = self.hit(&searcher, address, score, req, &mut snippets)? {
                results.hits.push(hit);
            }
        }
        if total == 0 {
            results.suggestion = self.suggest(&searcher, &req.q, req.members)?;
        }
        Ok(results)
    }

    /// The query's language: as given, else the one whose stop words and glossary terms the
    /// query uses most, the reader's on a tie.
    fn query_language(
        &self,
        req: &SearchRequest,
        analyzed: &[Vec<Option<Analyzed>>],
        spans: &[ConceptSpan],
    ) -> usize {
        let position = |l: &str| LANGS.iter().position(|x| *x == l);
        if let Some(l) = req.query_lang.as_deref().and_then(position) {
            return l;
        }
        let reader = position(&req.reader_lang).unwrap_or(2);
        let mut score = [0.0f32; 4];
        for (l, words) in analyzed.iter().enumerate() {
            score[l] += words.iter().filter(|w| w.is_none()).count() as f32;
        }
        for s in spans {
            for l in &s.langs {
                score[*l] += 2.0 / s.langs.len() as f32;
            }
        }
        score[reader] += 0.5;
        (0..4)
            .max_by(|a, b| score[*a].total_cmp(&score[*b]).then(b.cmp(a)))
            .unwrap_or(reader)
    }

    /// Every unit of the query, each required (most of them when there are more than three).
    fn core_query(
        &self,
        searcher: &Searcher,
        plan: &Plan<'_>,
        spans: &[ConceptSpan],
        ql: usize,
        used: &mut Vec<UsedTranslation>,
    ) -> Result<Option<Box<dyn Query>>> {
        let analyzed = plan.analyzed;
        let n = analyzed[ql].len();
        let mut units = Vec::new();
        let mut i = 0;
        while i < n {
            if let Some(span) = spans.iter().find(|s| s.start == i) {
                units.push(Unit::Concept(span.clone()));
                i = span.end;
            } else {
                // A stop word of the query's language is no unit.
                if analyzed[ql][i].is_some() {
                    units.push(Unit::Word(i));
                }
                i += 1;
            }
        }
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        for unit in &units {
            let clause = match unit {
                Unit::Word(w) => self.word_unit(searcher, plan, *w, ql, used)?,
                Unit::Concept(span) => self.concept_unit(analyzed, span, ql, plan.glossary),
            };
            if let Some(c) = clause {
                clauses.push(c);
            }
        }
        Ok(match clauses.len() {
            0 => None,
            1 => clauses.pop(),
            _ => Some(Box::new(BooleanQuery::new(
                clauses.into_iter().map(|c| (Occur::Should, c)).collect(),
            ))),
        })
    }

    /// A word in every language it is not a stop word of, or one of its translations; a typo is
    /// forgiven in the query's language when the word itself is unknown there. The group
    /// scores its best alternative.
    fn word_unit(
        &self,
        searcher: &Searcher,
        plan: &Plan<'_>,
        w: usize,
        ql: usize,
        used: &mut Vec<UsedTranslation>,
    ) -> Result<Option<Box<dyn Query>>> {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for (l, words) in plan.analyzed.iter().enumerate() {
            let Some(word) = &words[w] else { continue };
            let fields = &self.fields.langs[l];
            let typo = l == ql
                && word.whole.len() >= FUZZY_MIN
                && self.unknown(searcher, fields, &word.whole)?;
            let clause = word_clause(fields, word, typo);
            let boost = if l == ql { 1.0 } else { OTHER_LANGUAGE };
            alternatives.push(boosted(clause, boost));
        }
        if let Some(word) = &plan.analyzed[ql][w] {
            let key = (LANGS[ql].to_string(), word.whole.clone());
            let found = plan
                .req
                .translations
                .get(&key)
                .map_or(&[][..], Vec::as_slice);
            for t in super::lexicon::choose(found, LANGS[ql], TRANSLATIONS_KEPT) {
                if plan
                    .req
                    .without
                    .iter()
                    .any(|(l, x)| *l == t.lang && *x == t.text)
                {
                    continue;
                }
                let Some(l) = LANGS.iter().position(|x| *x == t.lang) else {
                    continue;
                };
                let words = plan.glossary.analyze_text(l, &t.text);
                if words.is_empty() {
                    continue;
                }
                alternatives.push(boosted(
                    mean_clause(&self.fields.langs[l], &words),
                    TRANSLATION,
                ));
                used.push(UsedTranslation {
                    word: plan.words[w].clone(),
                    lang: t.lang.clone(),
                    text: t.text.clone(),
                });
            }
        }
        Ok(match alternatives.len() {
            0 => None,
            1 => alternatives.pop(),
            _ => Some(Box::new(DisjunctionMaxQuery::new(alternatives))),
        })
    }

    /// A concept: its words as typed, or any of its terms in any language.
    fn concept_unit(
        &self,
        analyzed: &[Vec<Option<Analyzed>>],
        span: &ConceptSpan,
        ql: usize,
        glossary: &Expander,
    ) -> Option<Box<dyn Query>> {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        let mut seen: Vec<(usize, Vec<String>)> = Vec::new();
        for (l, words) in analyzed.iter().enumerate() {
            let typed: Vec<Analyzed> = words[span.start..span.end]
                .iter()
                .flatten()
                .cloned()
                .collect();
            if typed.is_empty() {
                continue;
            }
            seen.push((l, typed.iter().map(|w| w.whole.clone()).collect()));
            let boost = if l == ql { 1.0 } else { OTHER_LANGUAGE };
            alternatives.push(boosted(
                self.term_clause(&self.fields.langs[l], &typed, true),
                boost,
            ));
        }
        for concept in &span.concepts {
            for term in glossary.terms_of(*concept) {
                let key = (
                    term.lang,
                    term.words.iter().map(|w| w.whole.clone()).collect(),
                );
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                let boost = if term.lang == ql { SYNONYM } else { EXPANSION };
                alternatives.push(boosted(
                    self.term_clause(&self.fields.langs[term.lang], &term.words, false),
                    boost,
                ));
            }
        }
        (!alternatives.is_empty())
            .then(|| Box::new(DisjunctionMaxQuery::new(alternatives)) as Box<dyn Query>)
    }

    /// Several words of one language: each required in some field; as a phrase (one word
    /// between allowed) they earn more. The phrase is looked for in the body too only for the
    /// words as typed: a glossary expansion's phrase counts in titles, summaries and tags, which
    /// keeps a query with many multi-word expansions fast.
    fn term_clause(&self, fields: &LangFields, words: &[Analyzed], typed: bool) -> Box<dyn Query> {
        if words.len() == 1 {
            return word_clause(fields, &words[0], false);
        }
        // Every word somewhere (any field), the words together as a phrase earning more.
        let mut all: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|w| (Occur::Must, word_clause(fields, w, false)))
            .collect();
        if words.iter().all(|w| w.parts.is_empty()) {
            let per_field = field_list(fields)
                .into_iter()
                .filter(|(field, _)| typed || *field != fields.body)
                .map(|(field, weight)| {
                    let base = words[0].position;
                    let terms: Vec<(usize, Term)> = words
                        .iter()
                        .map(|w| (w.position - base, Term::from_field_text(field, &w.whole)))
                        .collect();
                    let phrase = PhraseQuery::new_with_offset_and_slop(terms, 1);
                    (Occur::Should, boosted(Box::new(phrase), weight))
                })
                .collect();
            all.push((Occur::Should, Box::new(BooleanQuery::new(per_field))));
        }
        Box::new(BooleanQuery::new(all))
    }

    /// True when `word` is in none of a language's text fields.
    fn unknown(&self, searcher: &Searcher, fields: &LangFields, word: &str) -> Result<bool> {
        for (field, _) in field_list(fields) {
            if searcher.doc_freq(&Term::from_field_text(field, word))? > 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The whole query as a phrase in its language's title, summary and body.
    fn phrase_bonus(&self, words: &[Option<Analyzed>], l: usize) -> Option<Box<dyn Query>> {
        let words: Vec<&Analyzed> = words.iter().flatten().collect();
        if words.len() < 2 || words.iter().any(|w| !w.parts.is_empty()) {
            return None;
        }
        let fields = &self.fields.langs[l];
        let base = words[0].position;
        let per_field = [
            (fields.title, WEIGHTS[0]),
            (fields.summary, WEIGHTS[1]),
            (fields.body, WEIGHTS[3]),
        ]
        .into_iter()
        .map(|(field, weight)| {
            let terms = words
                .iter()
                .map(|w| (w.position - base, Term::from_field_text(field, &w.whole)))
                .collect();
            (
                Occur::Should,
                boosted(
                    Box::new(PhraseQuery::new_with_offset(terms)),
                    weight * PHRASE,
                ),
            )
        })
        .collect();
        Some(Box::new(BooleanQuery::new(per_field)))
    }

    /// Visibility, kind and facet filters.
    fn filters(&self, req: &SearchRequest) -> Vec<(Occur, Box<dyn Query>)> {
        let f = &self.fields;
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !req.members {
            out.push((
                Occur::Must,
                term_query(Term::from_field_text(f.visibility, "public")),
            ));
        }
        if !req.kinds.is_empty() {
            let kinds = req
                .kinds
                .iter()
                .map(|k| {
                    (
                        Occur::Should,
                        term_query(Term::from_field_text(f.kind, k.as_str())),
                    )
                })
                .collect();
            out.push((Occur::Must, Box::new(BooleanQuery::new(kinds))));
        }
        for (dim, value) in [
            ("city", &req.city),
            ("country", &req.country),
            ("theme", &req.theme),
            ("lang", &req.lang),
        ] {
            if let Some(v) = value {
                let facet = Facet::from_path([dim, v.as_str()]);
                out.push((Occur::Must, term_query(Term::from_facet(f.facets, &facet))));
            }
        }
        out
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        req: &SearchRequest,
        snippets: &mut Snippets<'_>,
    ) -> Result<Option<Hit>> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let Some(data) = doc
            .get_first(self.fields.data)
            .and_then(|v| v.as_str())
            .and_then(|s| serde_json::from_str::<StoredData>(s).ok())
        else {
            return Ok(None);
        };
        let Some(kind) = DocKind::parse(&data.kind) else {
            return Ok(None);
        };
        let lang = if data.langs.contains(&req.reader_lang) {
            req.reader_lang.clone()
        } else {
            data.original_lang.clone()
        };
        let Some(l) = LANGS.iter().position(|x| *x == lang) else {
            return Ok(None);
        };
        let fields = self.fields.langs[l];
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let title = text(fields.title);
        let snippet = snippets.best(l, &doc, &text(fields.summary));
        Ok(Some(Hit {
            kind,
            id: data.id,
            slug: data.slug,
            reference: data.reference,
            score,
            title,
            lang,
            original_lang: data.original_lang,
            snippet,
            city: data.city,
        }))
    }

    /// "Did you mean": each word unknown to the index replaced by the closest known word (one
    /// edit, two for long words), the most frequent on a tie. `None` when nothing changes.
    /// Only words of documents the reader may see are known: public ones, or all for members.
    fn suggest(&self, searcher: &Searcher, q: &str, members: bool) -> Result<Option<String>> {
        let spell = if members {
            self.fields.spell
        } else {
            self.fields.spell_public
        };
        let words = surface_words(q);
        let mut out = String::new();
        let mut last = 0;
        let mut changed = false;
        for (word, from, to) in words {
            let folded = fold_word(&word);
            out.push_str(&q[last..from]);
            last = to;
            let known = lives(searcher, Term::from_field_text(spell, &folded))?;
            let replacement = if known || folded.chars().count() < 4 {
                None
            } else {
                self.closest(searcher, spell, &folded)?
            };
            match replacement {
                Some(r) => {
                    out.push_str(&r);
                    changed = true;
                }
                None => out.push_str(&word),
            }
        }
        out.push_str(&q[last..]);
        Ok(changed.then_some(out))
    }

    /// The known word closest to `word`: fewest edits, then most frequent. Only words that
    /// a live document holds count: the term dictionary keeps the words of removed documents
    /// (an unpublished report, an erased person) until their segment is merged away.
    fn closest(&self, searcher: &Searcher, spell: Field, word: &str) -> Result<Option<String>> {
        let max = if word.len() >= 8 { 2 } else { 1 };
        let mut candidates: Vec<(usize, std::cmp::Reverse<u32>, String)> = Vec::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(spell)?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if term.len().abs_diff(word.len()) > max {
                    continue;
                }
                let distance = strsim::damerau_levenshtein(term, word);
                if distance == 0 || distance > max {
                    continue;
                }
                let freq = stream.value().doc_freq;
                candidates.push((distance, std::cmp::Reverse(freq), term.to_string()));
            }
        }
        candidates.sort();
        candidates.dedup_by(|a, b| a.2 == b.2);
        for (_, _, term) in candidates {
            if lives(searcher, Term::from_field_text(spell, &term))? {
                return Ok(Some(term));
            }
        }
        Ok(None)
    }
}

/// Whether a live (not removed) document holds `term`. In a segment without removed documents
/// the term dictionary answers; otherwise its postings are read up to the first live document.
/// Both are cheap for the long posting lists of frequent words, which a count would walk whole.
fn lives(searcher: &Searcher, term: Term) -> Result<bool> {
    use tantivy::{DocSet, TERMINATED};
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(term.field())?;
        let Some(info) = inverted.get_term_info(&term)? else {
            continue;
        };
        let Some(alive) = segment.alive_bitset() else {
            if info.doc_freq > 0 {
                return Ok(true);
            }
            continue;
        };
        let mut postings = inverted.read_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if alive.is_alive(doc) {
                return Ok(true);
            }
            doc = postings.advance();
        }
    }
    Ok(false)
}

fn field_list(fields: &LangFields) -> [(tantivy::schema::Field, f32); 4] {
    [
        (fields.title, WEIGHTS[0]),
        (fields.summary, WEIGHTS[1]),
        (fields.tags, WEIGHTS[2]),
        (fields.body, WEIGHTS[3]),
    ]
}

/// One analyzed word in every text field of a language: the whole word, or a compound's parts
/// all together, or (for a typo) a word one or two edits away.
fn word_clause(fields: &LangFields, word: &Analyzed, typo: bool) -> Box<dyn Query> {
    let per_field = field_list(fields)
        .into_iter()
        .map(|(field, weight)| {
            let whole = Term::from_field_text(field, &word.whole);
            let mut options: Vec<(Occur, Box<dyn Query>)> =
                vec![(Occur::Should, term_query(whole.clone()))];
            if !word.parts.is_empty() {
                let parts = word
                    .parts
                    .iter()
                    .map(|p| (Occur::Must, term_query(Term::from_field_text(field, p))))
                    .collect();
                options.push((Occur::Should, Box::new(BooleanQuery::new(parts))));
            }
            if typo {
                let distance = if word.whole.len() >= 9 { 2 } else { 1 };
                options.push((
                    Occur::Should,
                    boosted(Box::new(FuzzyTermQuery::new(whole, distance, true)), TYPO),
                ));
            }
            let clause: Box<dyn Query> = match options.len() {
                1 => options.remove(0).1,
                _ => Box::new(BooleanQuery::new(options)),
            };
            (Occur::Should, boosted(clause, weight))
        })
        .collect();
    Box::new(BooleanQuery::new(per_field))
}

/// Several words of one language (a translation), each in any field, scoring the mean of the
/// words: a document with half of them earns half.
fn mean_clause(fields: &LangFields, words: &[Analyzed]) -> Box<dyn Query> {
    if let [one] = words {
        return word_clause(fields, one, false);
    }
    let share = 1.0 / words.len() as f32;
    Box::new(BooleanQuery::new(
        words
            .iter()
            .map(|w| (Occur::Should, boosted(word_clause(fields, w, false), share)))
            .collect(),
    ))
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}

fn facet_values(counts: &tantivy::collector::FacetCounts, dim: &str) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = counts
        .get(dim)
        .filter_map(|(facet, count)| {
            facet
                .to_path()
                .last()
                .map(|value| (value.to_string(), count))
        })
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// Snippet generators per language, made on first use for one query.
struct Snippets<'a> {
    index: &'a SearchIndex,
    searcher: &'a Searcher,
    query: &'a dyn Query,
    made: HashMap<usize, (Option<SnippetGenerator>, Option<SnippetGenerator>)>,
}

impl<'a> Snippets<'a> {
    fn new(index: &'a SearchIndex, searcher: &'a Searcher, query: &'a dyn Query) -> Self {
        Snippets {
            index,
            searcher,
            query,
            made: HashMap::new(),
        }
    }

    /// The best snippet in language `l`: from the summary if a matched word is there, else from
    /// the body, else the summary's beginning.
    fn best(&mut self, l: usize, doc: &TantivyDocument, summary: &str) -> Vec<Segment> {
        let fields = self.index.fields.langs[l];
        let (searcher, query) = (self.searcher, self.query);
        let (body, short) = self.made.entry(l).or_insert_with(|| {
            let make = |field| {
                SnippetGenerator::create(searcher, query, field)
                    .ok()
                    .map(|mut g| {
                        g.set_max_num_chars(SNIPPET_CHARS);
                        g
                    })
            };
            (make(fields.body), make(fields.summary))
        });
        for generator in [short.as_ref(), body.as_ref()].into_iter().flatten() {
            let snippet = generator.snippet_from_doc(doc);
            if !snippet.highlighted().is_empty() {
                return segments(&snippet);
            }
        }
        let mut end = summary.len().min(SNIPPET_CHARS);
        while !summary.is_char_boundary(end) {
            end -= 1;
        }
        let mut text = summary[..end].to_string();
        if end < summary.len() {
            text.push('…');
        }
        vec![Segment { text, mark: false }]
    }
}

fn segments(snippet: &Snippet) -> Vec<Segment> {
    let fragment = snippet.fragment();
    let mut out = Vec::new();
    let mut at = 0;
    // A compound is highlighted whole and by its parts, all at the same place: marks are
    // taken in order and never overlap, so no word is shown twice.
    let mut ranges: Vec<std::ops::Range<usize>> = snippet.highlighted().to_vec();
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    for range in ranges {
        let start = range.start.max(at);
        if range.end <= start {
            continue;
        }
        if start > at {
            out.push(Segment {
                text: fragment[at..start].to_string(),
                mark: false,
            });
        }
        match out.last_mut() {
            Some(last) if last.mark && start == at => {
                last.text.push_str(&fragment[start..range.end])
            }
            _ => out.push(Segment {
                text: fragment[start..range.end].to_string(),
                mark: true,
            }),
        }
        at = range.end;
    }
    if at < fragment.len() {
        out.push(Segment {
            text: fragment[at..].to_string(),
            mark: false,
        });
    }
    out
}
