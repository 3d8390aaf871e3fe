//! Query planning and execution. A query is cut into units — a word, or a stretch of words that
//! names a glossary concept — and each unit is one group of alternatives: the word in every
//! language's fields (names and loanwords match across languages), its translations from the
//! lexicon (as much as the word itself: most answers are in another language), or any term of
//! the concept in any language. A group scores its best alternative, so that a word with many
//! translations cannot outweigh the others; a document scores the sum of its groups, and needs
//! only one of them: a word that occurs nowhere never empties the results. Each language's text
//! is scored as a whole, its title counted twice; the whole phrase in the query's language earns
//! a bonus.

use std::collections::HashSet;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, DisjunctionMaxQuery, EnableScoring, Occur, PhraseQuery, Query,
    TermSetQuery,
};
use tantivy::schema::Facet;
use tantivy::{DocAddress, DocSet, Searcher, Term};

use super::analysis::{Analyzed, LANGS, fold_word};
use super::clauses::*;
use super::coherence::{DocBits, by_fit, docs_of};
use super::expand::{ConceptSpan, Expander, FUZZY_MIN, surface_words};
use super::most::MostQuery;
use super::request::*;
use super::snippets::*;
use super::vectors::{CANDIDATES, fuse};
use super::{LangFields, Result, SearchIndex};

/// A word matched in another language's fields than the query's (a name, a loanword): as much
/// as in its own, since a group scores only its best alternative.
const OTHER_LANGUAGE: f32 = 1.0;
/// A concept's term in the query's language (a synonym).
const SYNONYM: f32 = 0.8;
/// A concept's term in another language (the cross-lingual expansion).
const EXPANSION: f32 = 0.7;
/// A translation from the lexicon: as much as the word itself.
const TRANSLATION: f32 = 1.0;
/// The whole query as a phrase.
const PHRASE: f32 = 2.0;
/// Translations beyond those kept, per language, that may take their place when they fit the
/// query's other words better.
const RESERVE: usize = 2;
/// Queries of more words keep the lexicon's order (a bound on the documents compared).
const FIT_WORDS: usize = 8;

/// True when the reader asked to leave translation `t` out.
fn removed(req: &SearchRequest, t: &Translation) -> bool {
    req.without
        .iter()
        .any(|(l, x)| *l == t.lang && *x == t.text)
}

/// Documents matching at least this share of the query's units rank first.
const MOST_NUMERATOR: usize = 3;
const MOST_DENOMINATOR: usize = 4;
/// Added to their score to put them first: more than any text score.
pub(super) const MOST_TIER: f32 = 10_000.0;
/// When this many documents match most of the query's units (a page of the search), they are the
/// results.
pub(super) const GOOD_PAGE: usize = 10;

/// The query as read: its words as typed and as each language analyzes them.
struct Plan<'a> {
    words: &'a [String],
    analyzed: &'a [Vec<Option<Analyzed>>],
    req: &'a SearchRequest,
    glossary: &'a Expander,
    /// What the reader may see (and the facets chosen), for weighing translations.
    filters: &'a [(Occur, Box<dyn Query>)],
    /// Per word of the query: the documents holding it in any language or any of its first
    /// translations (`None` for a stop word, or a query of one word or more than [`FIT_WORDS`]).
    context: Vec<Option<DocBits>>,
}

impl Plan<'_> {
    /// Of `found` (the lexicon's translations filed under a key of language `from`), those
    /// [`choose`](super::lexicon::choose) takes, `kept` per language, once the translations the
    /// reader left out are gone (they take no one's place).
    fn candidates(
        &self,
        found: &[Translation],
        from: usize,
        typed: Option<&str>,
        kept: usize,
    ) -> Vec<Translation> {
        let found: Vec<Translation> = found
            .iter()
            .filter(|t| !removed(self.req, t))
            .cloned()
            .collect();
        super::lexicon::choose(&found, LANGS[from], typed, kept, |t| {
            let l = LANGS.iter().position(|x| *x == t.lang)?;
            super::lexicon::analyzed_key(&self.glossary.analyze_text(l, &t.text))
        })
        .into_iter()
        .cloned()
        .collect()
    }
}

/// A query word or concept, with what it matches.
enum Unit {
    /// A word, with the glossary concept it is part of.
    Word(usize, Option<Box<dyn Query>>),
    /// A concept named only by stop words of the query's language.
    Concept(Option<Box<dyn Query>>),
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
            meaning: req.vector.is_some(),
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
        let filters = self.filters(req);
        let mut plan = Plan {
            words: &words,
            analyzed: &analyzed,
            req,
            glossary,
            filters: &filters,
            context: Vec::new(),
        };
        plan.context = self.context(&searcher, &plan, ql)?;
        let units = self.core_query(&searcher, &plan, &spans, ql, &mut results.translations)?;
        if units.is_empty() {
            return Ok(results);
        }
        // Documents that match three quarters of the query's units come first (a soft AND: two
        // of two, three of three or four, four of five, five of six); then those matching fewer.
        let most = (units.len() * MOST_NUMERATOR)
            .div_ceil(MOST_DENOMINATOR)
            .max(2);
        let mut units = units;
        let (core, tier): (Box<dyn Query>, Option<MostQuery>) = match units.len() {
            1 => (units.remove(0), None),
            _ => {
                let most = MostQuery::new(units, most, MOST_TIER);
                let tier = most.tier_only();
                (Box::new(most), Some(tier))
            }
        };
        let phrase = self.phrase_bonus(&analyzed[ql], ql);
        let text = |core: Box<dyn Query>| -> Box<dyn Query> {
            let mut text: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, core)];
            if let Some(phrase) = &phrase {
                text.push((Occur::Should, phrase.box_clone()));
            }
            Box::new(BooleanQuery::new(text))
        };
        let near = match &req.vector {
            Some(vector) => {
                // Every document, minus what the filters leave out (a query of exclusions
                // alone would match nothing).
                let mut filter: Vec<(Occur, Box<dyn Query>)> =
                    vec![(Occur::Must, Box::new(AllQuery))];
                filter.extend(filters.iter().map(|(o, q)| (*o, q.box_clone())));
                let filter: Box<dyn Query> = Box::new(BooleanQuery::new(filter));
                self.vectors
                    .nearest(&searcher, self.fields.key, filter.as_ref(), vector)?
            }
            None => Vec::new(),
        };
        let fusing = !near.is_empty();
        let limit = req.limit.clamp(1, 100);
        let facets = || {
            let mut facets = FacetCollector::for_field("facets");
            for dim in ["/type", "/city", "/country", "/theme", "/lang"] {
                facets.add_facet(dim);
            }
            facets
        };
        let within = |text: Box<dyn Query>| -> BooleanQuery {
            let mut clauses = vec![(Occur::Must, text)];
            clauses.extend(filters.iter().map(|(o, q)| (*o, q.box_clone())));
            BooleanQuery::new(clauses)
        };
        // When at least a page of documents matches most of the query's units (or any does and
        // the reader keeps to them, as links from such results do), the results are those
        // documents (found without reading every unit in full) and they alone are counted by
        // the total and the facets; otherwise, or when the reader asked for every match, every
        // document matching any unit is.
        let mut found = None;
        if let Some(tier) = tier.filter(|_| !fusing && req.most_words != Some(false)) {
            let query = within(text(Box::new(tier)));
            let top = TopDocs::with_limit(limit)
                .and_offset(req.offset)
                .order_by_score();
            let (top, total, counts) =
                super::parallel::search(&searcher, &query, &(top, Count, facets()))?;
            if total >= GOOD_PAGE || (req.most_words == Some(true) && total > 0) {
                results.most_words = true;
                found = Some((query, top, total, counts));
            }
        }
        // What the words alone match, to tell the documents only the meaning found.
        let words = fusing.then(|| text(core.box_clone()));
        let (query, top, total, counts) = match found {
            Some(found) => found,
            None if fusing => {
                // The nearest documents match too, with no text score; filters score nothing,
                // so that a text score of 0 means no word matched.
                let keys = near
                    .iter()
                    .map(|n| Term::from_field_u64(self.fields.key, n.key));
                let near_query = boosted(Box::new(TermSetQuery::new(keys)), 0.0);
                let either = vec![(Occur::Should, text(core)), (Occur::Should, near_query)];
                let mut clauses: Vec<(Occur, Box<dyn Query>)> =
                    vec![(Occur::Must, Box::new(BooleanQuery::new(either)))];
                clauses.extend(
                    filters
                        .iter()
                        .map(|(o, q)| (*o, boosted(q.box_clone(), 0.0))),
                );
                let query = BooleanQuery::new(clauses);
                let top = TopDocs::with_limit(CANDIDATES.max(req.offset + limit)).order_by_score();
                let (top, total, counts) =
                    super::parallel::search(&searcher, &query, &(top, Count, facets()))?;
                (query, top, total, counts)
            }
            None => {
                let query = within(text(core));
                let top = TopDocs::with_limit(limit)
                    .and_offset(req.offset)
                    .order_by_score();
                let (top, total, counts) =
                    super::parallel::search(&searcher, &query, &(top, Count, facets()))?;
                (query, top, total, counts)
            }
        };
        // When fusing, what the words found (a text score of 0 is a document only the meaning
        // found) is fused with the nearest vectors.
        let (top, lexical, lexical_total) = if fusing {
            let by_words: Vec<(f32, DocAddress)> =
                top.into_iter().filter(|(score, _)| *score > 0.0).collect();
            let fused = fuse(&by_words, &near)
                .into_iter()
                .skip(req.offset)
                .take(limit)
                .collect();
            let found: HashSet<DocAddress> = by_words.iter().map(|(_, a)| *a).collect();
            (fused, found, by_words.len())
        } else {
            (top, HashSet::new(), total)
        };
        results.total = total;
        results.facets = Facets {
            kinds: facet_values(&counts, "/type"),
            city: facet_values(&counts, "/city"),
            country: facet_values(&counts, "/country"),
            theme: facet_values(&counts, "/theme"),
            lang: facet_values(&counts, "/lang"),
        };
        let words = words
            .map(|q| q.weight(EnableScoring::disabled_from_searcher(&searcher)))
            .transpose()?;
        let hits = super::parallel::in_runs(&top, |run| {
            let mut snippets = Snippets::new(self, &searcher, &query);
            run.iter()
                .map(|(score, address)| {
                    let hit = self.hit(&searcher, *address, *score, req, &mut snippets)?;
                    Ok(hit.map(|hit| (hit, *address)))
                })
                .collect()
        })?;
        for (mut hit, address) in hits.into_iter().flatten() {
            // Not among the first candidates of the words (a common word in a large
            // catalogue): the words are asked about this document itself.
            hit.meaning_only = match &words {
                Some(words) if !lexical.contains(&address) => {
                    let reader = searcher.segment_reader(address.segment_ord);
                    let mut scorer = words.scorer(reader, 1.0)?;
                    // A scorer starts on its first document, which may lie past this one.
                    scorer.doc() > address.doc_id || scorer.seek(address.doc_id) != address.doc_id
                }
                _ => false,
            };
            results.hits.push(hit);
        }
        if lexical_total == 0 {
            results.suggestion = self.suggest(&searcher, &req.q, req.members)?;
        }
        Ok(results)
    }

    /// The query's language: as given, else the one whose stop words and glossary terms the
    /// query uses most (a word several languages share counts for each in part), the reader's
    /// on a tie.
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
        // A stop word of several languages ("de", "an") is shared between them.
        for w in 0..analyzed.first().map_or(0, Vec::len) {
            let stop: Vec<usize> = (0..analyzed.len())
                .filter(|l| analyzed[*l][w].is_none())
                .collect();
            for l in &stop {
                score[*l] += 1.0 / stop.len() as f32;
            }
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

    /// The query's units, as one clause each; a document needs only one of them.
    fn core_query(
        &self,
        searcher: &Searcher,
        plan: &Plan<'_>,
        spans: &[ConceptSpan],
        ql: usize,
        used: &mut Vec<UsedTranslation>,
    ) -> Result<Vec<Box<dyn Query>>> {
        let analyzed = plan.analyzed;
        let n = analyzed[ql].len();
        let mut units = Vec::new();
        let mut i = 0;
        while i < n {
            if let Some(span) = spans.iter().find(|s| s.start == i) {
                // The glossary's terms are alternatives in each word's group, beside the word
                // and its translations: one more way for each word to match, not a replacement.
                let concept = self.concept_unit(analyzed, span, ql, plan.glossary);
                let words: Vec<usize> = (span.start..span.end)
                    .filter(|w| analyzed[ql][*w].is_some())
                    .collect();
                if words.is_empty() {
                    units.push(Unit::Concept(concept));
                } else {
                    for w in words {
                        units.push(Unit::Word(w, concept.as_ref().map(|c| c.box_clone())));
                    }
                }
                i = span.end;
            } else {
                // A stop word of the query's language is no unit.
                if analyzed[ql][i].is_some() {
                    units.push(Unit::Word(i, None));
                }
                i += 1;
            }
        }
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        for unit in units {
            match unit {
                Unit::Word(w, concept) => {
                    clauses.extend(self.word_unit(searcher, plan, w, ql, used, concept)?);
                }
                Unit::Concept(concept) => clauses.extend(concept),
            }
        }
        Ok(clauses)
    }

    /// A word in every language it is not a stop word of, or one of its translations; a typo is
    /// forgiven in the query's language when the word itself is unknown there. The group
    /// scores its best alternative. A compound the lexicon does not know is one group per part
    /// (the compound itself in each), each with the part's translations: "Willkommensabend"
    /// finds "welcome" and "evening" in other languages.
    fn word_unit(
        &self,
        searcher: &Searcher,
        plan: &Plan<'_>,
        w: usize,
        ql: usize,
        used: &mut Vec<UsedTranslation>,
        concept: Option<Box<dyn Query>>,
    ) -> Result<Vec<Box<dyn Query>>> {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        alternatives.extend(concept);
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
        let Some(word) = &plan.analyzed[ql][w] else {
            return Ok(group(alternatives).into_iter().collect());
        };
        let mut whole = self.translated(searcher, plan, w, ql, &word.whole, used)?;
        if whole.is_empty() {
            // A word the lexicon knows only in another language (an English word in a French
            // reader's query): translated from that language, the first that knows it.
            for (l, words) in plan.analyzed.iter().enumerate() {
                if let Some(other) = words[w].as_ref().filter(|_| l != ql && whole.is_empty()) {
                    whole = self.translated(searcher, plan, w, l, &other.whole, used)?;
                }
            }
        }
        if !whole.is_empty() || word.parts.is_empty() {
            alternatives.extend(whole);
            return Ok(group(alternatives).into_iter().collect());
        }
        let mut groups = Vec::new();
        for part in &word.parts {
            let mut members: Vec<Box<dyn Query>> =
                alternatives.iter().map(|a| a.box_clone()).collect();
            let alone = Analyzed {
                position: word.position,
                whole: part.clone(),
                parts: Vec::new(),
            };
            members.push(word_clause(&self.fields.langs[ql], &alone, false));
            members.extend(self.translated(searcher, plan, w, ql, part, used)?);
            groups.extend(group(members));
        }
        Ok(groups)
    }

    /// Clauses for the translations of the word (or compound part) filed under `key` in the
    /// language `from`, minus those the reader removed; each one used is noted.
    fn translated(
        &self,
        searcher: &Searcher,
        plan: &Plan<'_>,
        w: usize,
        from: usize,
        key: &str,
        used: &mut Vec<UsedTranslation>,
    ) -> Result<Vec<Box<dyn Query>>> {
        let found = plan
            .req
            .translations
            .get(&(LANGS[from].to_string(), key.to_string()))
            .map_or(&[][..], Vec::as_slice);
        let mut clauses = Vec::new();
        let typed = (key
            == plan.analyzed[from][w]
                .as_ref()
                .map_or("", |a| a.whole.as_str()))
        .then(|| fold_word(&plan.words[w]));
        let candidates = plan.candidates(
            found,
            from,
            typed.as_deref(),
            super::lexicon::TRANSLATIONS_KEPT + RESERVE,
        );
        let chosen = self.fitting(searcher, plan, w, candidates.iter().collect())?;
        for t in chosen {
            let Some(l) = LANGS.iter().position(|x| *x == t.lang) else {
                continue;
            };
            let words = plan.glossary.analyze_text(l, &t.text);
            if words.is_empty() {
                continue;
            }
            clauses.push(boosted(
                mean_clause(&self.fields.langs[l], &words),
                TRANSLATION,
            ));
            used.push(UsedTranslation {
                word: plan.words[w].clone(),
                from: LANGS[from].to_string(),
                lang: t.lang.clone(),
                text: t.text.clone(),
            });
        }
        Ok(clauses)
    }

    /// The translations to use among `candidates` (the lexicon's order, by language): per
    /// language the coordinators' corrections, then the first of the others up to
    /// [`TRANSLATIONS_KEPT`](super::lexicon::TRANSLATIONS_KEPT) once those whose documents hold
    /// the query's other words are put first ([`super::coherence`]).
    fn fitting<'t>(
        &self,
        searcher: &Searcher,
        plan: &Plan<'_>,
        w: usize,
        candidates: Vec<&'t Translation>,
    ) -> Result<Vec<&'t Translation>> {
        let kept = super::lexicon::TRANSLATIONS_KEPT;
        let others: Vec<&DocBits> = plan
            .context
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != w)
            .filter_map(|(_, c)| c.as_ref())
            .collect();
        let mut chosen = Vec::new();
        for lang in LANGS {
            // The coordinators' corrections stand whatever the documents say.
            let (fixed, these): (Vec<&Translation>, Vec<&Translation>) = candidates
                .iter()
                .copied()
                .filter(|t| t.lang == lang)
                .partition(|t| t.corrected);
            let kept = kept.saturating_sub(fixed.len());
            chosen.extend(fixed);
            if these.len() <= kept || others.is_empty() {
                chosen.extend(these.into_iter().take(kept));
                continue;
            }
            let Some(l) = LANGS.iter().position(|x| *x == lang) else {
                continue;
            };
            let mut docs = Vec::with_capacity(these.len());
            for t in &these {
                let words = plan.glossary.analyze_text(l, &t.text);
                let clause = mean_clause(&self.fields.langs[l], &words);
                docs.push(docs_of(
                    searcher,
                    self.within(plan.filters, clause).as_ref(),
                )?);
            }
            chosen.extend(
                by_fit(&docs, &others)
                    .into_iter()
                    .take(kept)
                    .map(|i| these[i]),
            );
        }
        Ok(chosen)
    }

    /// `query` limited by `filters`.
    fn within(&self, filters: &[(Occur, Box<dyn Query>)], query: Box<dyn Query>) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
        clauses.extend(filters.iter().map(|(o, q)| (*o, q.box_clone())));
        Box::new(BooleanQuery::new(clauses))
    }

    /// Per word of the query (when it has two to [`FIT_WORDS`] words): the documents holding it
    /// in any language, or any of the lexicon's first translations of it, within what the reader
    /// may see.
    fn context(
        &self,
        searcher: &Searcher,
        plan: &Plan<'_>,
        ql: usize,
    ) -> Result<Vec<Option<DocBits>>> {
        let words: Vec<usize> = (0..plan.words.len())
            .filter(|w| plan.analyzed[ql][*w].is_some())
            .collect();
        let mut context = vec![None; plan.words.len()];
        if !(2..=FIT_WORDS).contains(&words.len()) {
            return Ok(context);
        }
        for w in words {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for (l, analyzed) in plan.analyzed.iter().enumerate() {
                let Some(word) = &analyzed[w] else { continue };
                alternatives.push((
                    Occur::Should,
                    word_clause(&self.fields.langs[l], word, false),
                ));
                let found = plan
                    .req
                    .translations
                    .get(&(LANGS[l].to_string(), word.whole.clone()))
                    .map_or(&[][..], Vec::as_slice);
                let typed = fold_word(&plan.words[w]);
                let chosen =
                    plan.candidates(found, l, Some(&typed), super::lexicon::TRANSLATIONS_KEPT);
                for t in &chosen {
                    let Some(tl) = LANGS.iter().position(|x| *x == t.lang) else {
                        continue;
                    };
                    let words = plan.glossary.analyze_text(tl, &t.text);
                    if !words.is_empty() {
                        alternatives
                            .push((Occur::Should, mean_clause(&self.fields.langs[tl], &words)));
                    }
                }
            }
            let any: Box<dyn Query> = Box::new(BooleanQuery::new(alternatives));
            context[w] = Some(docs_of(searcher, self.within(plan.filters, any).as_ref())?);
        }
        Ok(context)
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

    /// Several words of one language: each required; as typed, together as a phrase (one word
    /// between allowed) they earn more. A glossary expansion's terms get no phrase bonus, which
    /// keeps a query with many multi-word expansions fast.
    fn term_clause(&self, fields: &LangFields, words: &[Analyzed], typed: bool) -> Box<dyn Query> {
        if words.len() == 1 {
            return word_clause(fields, &words[0], false);
        }
        // Every word somewhere, the words together as a phrase earning more.
        let mut all: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|w| (Occur::Must, word_clause(fields, w, false)))
            .collect();
        if typed && words.iter().all(|w| w.parts.is_empty()) {
            let base = words[0].position;
            let terms: Vec<(usize, Term)> = words
                .iter()
                .map(|w| {
                    (
                        w.position - base,
                        Term::from_field_text(fields.text, &w.whole),
                    )
                })
                .collect();
            let phrase = PhraseQuery::new_with_offset_and_slop(terms, 1);
            all.push((Occur::Should, Box::new(phrase)));
        }
        Box::new(BooleanQuery::new(all))
    }

    /// True when `word` is in none of a language's texts.
    fn unknown(&self, searcher: &Searcher, fields: &LangFields, word: &str) -> Result<bool> {
        Ok(searcher.doc_freq(&Term::from_field_text(fields.text, word))? == 0)
    }

    /// The whole query as a phrase in its language's texts.
    fn phrase_bonus(&self, words: &[Option<Analyzed>], l: usize) -> Option<Box<dyn Query>> {
        let words: Vec<&Analyzed> = words.iter().flatten().collect();
        if words.len() < 2 || words.iter().any(|w| !w.parts.is_empty()) {
            return None;
        }
        let field = self.fields.langs[l].text;
        let base = words[0].position;
        let terms = words
            .iter()
            .map(|w| (w.position - base, Term::from_field_text(field, &w.whole)))
            .collect();
        Some(boosted(
            Box::new(PhraseQuery::new_with_offset(terms)),
            PHRASE,
        ))
    }

    /// Visibility, kind and facet filters.
    fn filters(&self, req: &SearchRequest) -> Vec<(Occur, Box<dyn Query>)> {
        let f = &self.fields;
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some((kind, id)) = &req.exclude {
            out.push((
                Occur::MustNot,
                term_query(Term::from_field_text(f.uid, &super::uid(*kind, id))),
            ));
        }
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
}
