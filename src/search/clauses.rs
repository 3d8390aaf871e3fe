//! The clauses a query is built of: a word in a language's fields (whole, as a compound's parts, or with a typo), a translation as the mean of its words, a group scoring its best alternative.

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;

use super::LangFields;
use super::analysis::Analyzed;

/// A word matched only with a typo.
pub(super) const TYPO: f32 = 0.6;

/// One analyzed word in a language's text: the whole word, or a compound's parts all together,
/// or (for a typo) a word one or two edits away.
pub(super) fn word_clause(fields: &LangFields, word: &Analyzed, typo: bool) -> Box<dyn Query> {
    let field = fields.text;
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
    match options.len() {
        1 => options.remove(0).1,
        _ => Box::new(BooleanQuery::new(options)),
    }
}

/// Alternatives as one group scoring the best of them; `None` when there are none.
pub(super) fn group(mut alternatives: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match alternatives.len() {
        0 => None,
        1 => alternatives.pop(),
        _ => Some(Box::new(DisjunctionMaxQuery::new(alternatives))),
    }
}

/// Several words of one language (a translation), each in any field, scoring the mean of the
/// words: a document with half of them earns half.
pub(super) fn mean_clause(fields: &LangFields, words: &[Analyzed]) -> Box<dyn Query> {
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

pub(super) fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

pub(super) fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}
