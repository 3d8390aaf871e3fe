//! A soft AND in one pass: the union of a query's units, each document scored by the sum of the
//! units it matches, plus a tier when it matches at least `most` of them, so that documents with
//! most of the query's words come first and those with fewer still follow. A separate clause
//! for the tier would run every unit twice.
//!
//! The tier alone ([`MostQuery::tier_only`]) is found without reading the whole union: a
//! document matching `most` of `n` units matches at least one of any `n - most + 1` of them, so
//! only the cheapest `n - most + 1` units are read in full and the others are only looked up at
//! the documents those propose (the counting form of the MaxScore method, Turtle and Flood 1995).

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// The union of `units`; a document matching at least `most` of them earns `tier` more.
#[derive(Debug)]
pub(super) struct MostQuery {
    units: Vec<Box<dyn Query>>,
    most: usize,
    tier: Score,
    /// Only the documents matching at least `most` units.
    only_tier: bool,
}

impl MostQuery {
    pub(super) fn new(units: Vec<Box<dyn Query>>, most: usize, tier: Score) -> MostQuery {
        MostQuery {
            units,
            most,
            tier,
            only_tier: false,
        }
    }

    /// The same query matching only the documents of the tier, scored as before.
    pub(super) fn tier_only(&self) -> MostQuery {
        MostQuery {
            only_tier: true,
            ..self.clone()
        }
    }
}

impl Clone for MostQuery {
    fn clone(&self) -> Self {
        MostQuery {
            units: self.units.iter().map(|u| u.box_clone()).collect(),
            most: self.most,
            tier: self.tier,
            only_tier: self.only_tier,
        }
    }
}

impl Query for MostQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let units = self
            .units
            .iter()
            .map(|u| u.weight(enable_scoring))
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(MostWeight {
            units,
            most: self.most,
            tier: self.tier,
            only_tier: self.only_tier,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for u in &self.units {
            u.query_terms(visitor);
        }
    }
}

struct MostWeight {
    units: Vec<Box<dyn Weight>>,
    most: usize,
    tier: Score,
    only_tier: bool,
}

impl Weight for MostWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let units: Vec<Box<dyn Scorer>> = self
            .units
            .iter()
            .map(|w| w.scorer(reader, boost))
            .collect::<tantivy::Result<Vec<_>>>()?
            .into_iter()
            .filter(|s| s.doc() != TERMINATED)
            .collect();
        if self.only_tier {
            return Ok(Box::new(TierScorer::new(
                units,
                self.most,
                self.tier * boost,
            )));
        }
        let doc = units.iter().map(|s| s.doc()).min().unwrap_or(TERMINATED);
        Ok(Box::new(MostScorer {
            units,
            doc,
            most: self.most,
            tier: self.tier * boost,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("sum of the units matched", scorer.score()))
    }
}

struct MostScorer {
    units: Vec<Box<dyn Scorer>>,
    doc: DocId,
    most: usize,
    tier: Score,
}

impl MostScorer {
    fn settle(&mut self) -> DocId {
        self.doc = self
            .units
            .iter()
            .map(|s| s.doc())
            .min()
            .unwrap_or(TERMINATED);
        self.doc
    }
}

impl DocSet for MostScorer {
    fn advance(&mut self) -> DocId {
        let all = 0..self.units.len();
        advance_on(&mut self.units, all, self.doc);
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let all = 0..self.units.len();
        seek_to(&mut self.units, all, target);
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.units.iter().map(|s| s.size_hint()).max().unwrap_or(0)
    }
}

impl Scorer for MostScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut sum = 0.0;
        let mut matched = 0;
        for s in &mut self.units {
            if s.doc() == doc {
                sum += s.score();
                matched += 1;
            }
        }
        if matched >= self.most {
            sum + self.tier
        } else {
            sum
        }
    }
}

/// The documents matching at least `most` units: proposed by the `n - most + 1` cheapest units
/// (`drive`), confirmed by looking the others (`probe`) up.
struct TierScorer {
    /// In the query's order, which the score's sum keeps.
    units: Vec<Box<dyn Scorer>>,
    drive: Vec<usize>,
    probe: Vec<usize>,
    doc: DocId,
    most: usize,
    tier: Score,
}

impl TierScorer {
    fn new(units: Vec<Box<dyn Scorer>>, most: usize, tier: Score) -> TierScorer {
        let mut scorer = TierScorer {
            units,
            drive: Vec::new(),
            probe: Vec::new(),
            doc: TERMINATED,
            most,
            tier,
        };
        if scorer.units.len() < most || most == 0 {
            return scorer;
        }
        let mut by_cost: Vec<usize> = (0..scorer.units.len()).collect();
        by_cost.sort_by_key(|i| std::cmp::Reverse(scorer.units[*i].cost()));
        scorer.drive = by_cost.split_off(most - 1);
        scorer.probe = by_cost;
        scorer.settle();
        scorer
    }

    /// Moves to the first document from the driving units' current one on that matches at
    /// least `most` units.
    fn settle(&mut self) -> DocId {
        loop {
            let doc = self
                .drive
                .iter()
                .map(|i| self.units[*i].doc())
                .min()
                .unwrap_or(TERMINATED);
            if doc == TERMINATED {
                self.doc = TERMINATED;
                return TERMINATED;
            }
            let mut matched = self
                .drive
                .iter()
                .filter(|i| self.units[**i].doc() == doc)
                .count();
            let mut left = self.probe.len();
            for i in &self.probe {
                if matched >= self.most || matched + left < self.most {
                    break;
                }
                left -= 1;
                let s = &mut self.units[*i];
                if s.doc() < doc {
                    s.seek(doc);
                }
                if s.doc() == doc {
                    matched += 1;
                }
            }
            if matched >= self.most {
                self.doc = doc;
                return doc;
            }
            advance_on(&mut self.units, self.drive.iter().copied(), doc);
        }
    }
}

/// Moves the scorers `which` of `units` that stand on `doc` past it.
fn advance_on(units: &mut [Box<dyn Scorer>], which: impl Iterator<Item = usize>, doc: DocId) {
    for i in which {
        if units[i].doc() == doc {
            units[i].advance();
        }
    }
}

/// Moves the scorers `which` of `units` that stand before `target` to it or past it.
fn seek_to(units: &mut [Box<dyn Scorer>], which: impl Iterator<Item = usize>, target: DocId) {
    for i in which {
        if units[i].doc() < target {
            units[i].seek(target);
        }
    }
}

impl DocSet for TierScorer {
    fn advance(&mut self) -> DocId {
        advance_on(&mut self.units, self.drive.iter().copied(), self.doc);
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        seek_to(&mut self.units, self.drive.iter().copied(), target);
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.drive
            .iter()
            .map(|i| self.units[*i].size_hint())
            .max()
            .unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.drive.iter().map(|i| self.units[*i].cost()).sum()
    }
}

impl Scorer for TierScorer {
    /// As [`MostScorer`] scores it: the units' scores in the query's order, then the tier.
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut sum = 0.0;
        for s in &mut self.units {
            if s.doc() < doc {
                s.seek(doc);
            }
            if s.doc() == doc {
                sum += s.score();
            }
        }
        sum + self.tier
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, STORED, Schema, TEXT, Value};
    use tantivy::{Index, TantivyDocument, doc};

    /// One word as a unit.
    fn unit(field: tantivy::schema::Field, word: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, word),
            IndexRecordOption::WithFreqs,
        ))
    }

    #[test]
    fn documents_matching_most_units_come_first_and_the_others_follow() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT | STORED);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer(15_000_000).expect("writer");
        // "alpha" alone, many times; "alpha beta gamma" once; "beta gamma"; "delta".
        for t in [
            "alpha alpha alpha alpha",
            "alpha beta gamma",
            "beta gamma",
            "delta",
        ] {
            writer.add_document(doc!(text => t)).expect("add");
        }
        writer.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let unit = |w: &str| unit(text, w);
        let query = MostQuery::new(vec![unit("alpha"), unit("beta"), unit("gamma")], 2, 1000.0);
        let top = searcher
            .search(&query, &TopDocs::with_limit(10).order_by_score())
            .expect("search");
        let texts: Vec<String> = top
            .iter()
            .map(|(_, a)| {
                let d: TantivyDocument = searcher.doc(*a).expect("doc");
                d.get_first(text)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        assert_eq!(
            texts,
            ["alpha beta gamma", "beta gamma", "alpha alpha alpha alpha"],
            "two or three units first, then one; a document with none is no result"
        );
        assert!(top[0].0 > 1000.0 && top[2].0 < 1000.0);
    }

    #[test]
    fn the_tier_alone_is_the_documents_matching_most_units_scored_as_in_the_whole() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer(15_000_000).expect("writer");
        // Every combination of five words, some words twice: units of different lengths.
        let words = ["alpha", "beta", "gamma", "delta", "epsilon"];
        for mask in 0u32..(1 << words.len()) {
            for copy in 0..(1 + mask % 3) {
                let t: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0 && (*i != 0 || copy == 0))
                    .map(|(_, w)| *w)
                    .collect();
                writer.add_document(doc!(text => t.join(" "))).expect("add");
            }
        }
        writer.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let unit = |w: &str| unit(text, w);
        for most in 1..=words.len() {
            let query = MostQuery::new(words.iter().map(|w| unit(w)).collect(), most, 1000.0);
            let all = searcher
                .search(&query, &TopDocs::with_limit(1000).order_by_score())
                .expect("search");
            let mut want: Vec<(u32, u32)> = all
                .iter()
                .filter(|(score, _)| *score >= 1000.0)
                .map(|(score, a)| (a.doc_id, score.to_bits()))
                .collect();
            let tier = searcher
                .search(
                    &query.tier_only(),
                    &TopDocs::with_limit(1000).order_by_score(),
                )
                .expect("search");
            let mut got: Vec<(u32, u32)> = tier
                .iter()
                .map(|(score, a)| (a.doc_id, score.to_bits()))
                .collect();
            want.sort();
            got.sort();
            assert!(!want.is_empty());
            assert_eq!(got, want, "most = {most}");
            let count = searcher
                .search(&query.tier_only(), &tantivy::collector::Count)
                .expect("count");
            assert_eq!(count, want.len());
            // Cut into ranges searched on threads, each scorer starting by a seek: the same.
            let ranged = |query: &MostQuery| {
                super::super::parallel::search_on(
                    &searcher,
                    query,
                    &(
                        TopDocs::with_limit(1000).order_by_score(),
                        tantivy::collector::Count,
                    ),
                    3,
                    7,
                )
                .expect("ranges")
            };
            let (tier, count) = ranged(&query.tier_only());
            let mut tier: Vec<(u32, u32)> = tier
                .iter()
                .map(|(score, a)| (a.doc_id, score.to_bits()))
                .collect();
            tier.sort();
            assert_eq!(tier, want, "most = {most}, in ranges");
            assert_eq!(count, want.len());
            let (whole, _) = ranged(&query);
            assert_eq!(whole.len(), all.len());
        }
    }
}
