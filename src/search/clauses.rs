//! The clauses a query is built of: a word in a language's fields (whole, as a compound's parts, or with a typo), a translation as the mean of its words, a group scoring its best alternative.

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;

use super::LangFields;
use super::analysis::Analyzed;

/// Field weights: title, summary, tags, body.
pub(super) const WEIGHTS: [f32; 4] = [3.0, 2.0, 1.5, 1.0];

/// A word matched only with a typo.
pub(super) const TYPO: f32 = 0.6;

pub(super) fn field_list(fields: &LangFields) -> [(tantivy::schema::Field, f32); 4] {
    [
        (fields.title, WEIGHTS[0]),
        (fields.summary, WEIGHTS[1]),
        (fields.tags, WEIGHTS[2]),
        (fields.body, WEIGHTS[3]),
    ]
}

/// One analyzed word in every text field of a language: the whole word, or a compound's parts
/// all together, or (for a typo) a word one or two edits away.
pub(super) fn word_clause(fields: &LangFields, word: &Analyzed, typo: bool) -> Box<dyn Query> {
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
