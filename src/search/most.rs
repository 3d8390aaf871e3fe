//! A soft AND in one pass: the union of a query's units, each document scored by the sum of the
//! units it matches, plus a tier when it matches at least `most` of them, so that documents with
//! most of the query's words come first and those with fewer still follow. A separate clause
//! for the tier would run every unit twice.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// The union of `units`; a document matching at least `most` of them earns `tier` more.
#[derive(Debug)]
pub(super) struct MostQuery {
    units: Vec<Box<dyn Query>>,
    most: usize,
    tier: Score,
}

impl MostQuery {
    pub(super) fn new(units: Vec<Box<dyn Query>>, most: usize, tier: Score) -> MostQuery {
        MostQuery { units, most, tier }
    }
}

impl Clone for MostQuery {
    fn clone(&self) -> Self {
        MostQuery {
            units: self.units.iter().map(|u| u.box_clone()).collect(),
            most: self.most,
            tier: self.tier,
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
        let doc = self.doc;
        for s in &mut self.units {
            if s.doc() == doc {
                s.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        for s in &mut self.units {
            if s.doc() < target {
                s.seek(target);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, STORED, Schema, TEXT, Value};
    use tantivy::{Index, TantivyDocument, doc};

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
        let unit = |w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(text, w),
                IndexRecordOption::WithFreqs,
            ))
        };
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
}
