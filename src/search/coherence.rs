//! Choosing among a word's translations by the company they keep. A general dictionary gives
//! "flat" as "flach" and as "Wohnung", "consultatif" as "Praxis" and as "beratend"; the sense
//! meant is the one whose documents also hold the query's other words ("first flat after
//! getting refugee status": "Wohnung" shares documents with "Flüchtling", "flach" hardly). Each
//! candidate's documents are compared with the documents of every other word of the query (the
//! word itself in any language, or its translations), within what the reader may see, on the
//! first [`SAMPLE`] documents of the index.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{Query, Weight};
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

/// The documents a query matched: one bit per document, per index segment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct DocBits {
    segments: Vec<Vec<u64>>,
    count: u32,
}

impl DocBits {
    /// Documents matched by both.
    pub fn common(&self, other: &DocBits) -> u32 {
        self.segments
            .iter()
            .zip(&other.segments)
            .map(|(a, b)| {
                a.iter()
                    .zip(b)
                    .map(|(x, y)| (x & y).count_ones())
                    .sum::<u32>()
            })
            .sum()
    }

    /// The share of this set's documents that `other` matches too (0 when this set is empty).
    pub fn share_in(&self, other: &DocBits) -> f32 {
        if self.count == 0 {
            0.0
        } else {
            self.common(other) as f32 / self.count as f32
        }
    }
}

/// Documents looked at per query: the shares are estimated on the first documents of the
/// index, so that a common word in a large catalogue costs no more than in a small one.
pub(super) const SAMPLE: u32 = 20_000;

/// Collects the documents a query matches into [`DocBits`], among the first `limits[segment]`
/// documents of each segment.
pub(super) struct BitsCollector {
    limits: Vec<u32>,
}

impl BitsCollector {
    /// Looks at the first [`SAMPLE`] documents of `searcher`'s segments, in segment order.
    pub fn new(searcher: &tantivy::Searcher) -> Self {
        let mut left = SAMPLE;
        let limits = searcher
            .segment_readers()
            .iter()
            .map(|r| {
                let take = r.max_doc().min(left);
                left -= take;
                take
            })
            .collect();
        BitsCollector { limits }
    }
}

pub(super) struct SegmentBits {
    ordinal: SegmentOrdinal,
    bits: Vec<u64>,
    count: u32,
}

impl Collector for BitsCollector {
    type Fruit = DocBits;
    type Child = SegmentBits;

    fn for_segment(
        &self,
        ordinal: SegmentOrdinal,
        _segment: &SegmentReader,
    ) -> tantivy::Result<SegmentBits> {
        // Bits for the sampled documents only: a segment beyond the sample gets none.
        let limit = self.limits.get(ordinal as usize).copied().unwrap_or(0);
        Ok(SegmentBits {
            ordinal,
            bits: vec![0; (limit as usize).div_ceil(64)],
            count: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        ordinal: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<(SegmentOrdinal, Vec<u64>, u32)> {
        let mut bits = self.for_segment(ordinal, reader)?;
        let limit = self.limits.get(ordinal as usize).copied().unwrap_or(0);
        if limit > 0 {
            let mut scorer = weight.scorer(reader, 1.0)?;
            let alive = reader.alive_bitset();
            let mut doc = scorer.doc();
            while doc != TERMINATED && doc < limit {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    bits.collect(doc, 0.0);
                }
                doc = scorer.advance();
            }
        }
        Ok(bits.harvest())
    }

    fn merge_fruits(
        &self,
        mut fruits: Vec<(SegmentOrdinal, Vec<u64>, u32)>,
    ) -> tantivy::Result<DocBits> {
        fruits.sort_by_key(|f| f.0);
        Ok(DocBits {
            count: fruits.iter().map(|f| f.2).sum(),
            segments: fruits.into_iter().map(|f| f.1).collect(),
        })
    }
}

impl SegmentCollector for SegmentBits {
    type Fruit = (SegmentOrdinal, Vec<u64>, u32);

    fn collect(&mut self, doc: DocId, _score: Score) {
        let (word, bit) = ((doc / 64) as usize, doc % 64);
        if let Some(w) = self.bits.get_mut(word) {
            *w |= 1 << bit;
            self.count += 1;
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.ordinal, self.bits, self.count)
    }
}

/// How well a candidate fits the rest of the query: for each other word, the share of the
/// candidate's documents that hold it, summed.
pub(super) fn fit(candidate: &DocBits, others: &[&DocBits]) -> f32 {
    others.iter().map(|o| candidate.share_in(o)).sum()
}

/// Reorders `candidates` (in the lexicon's order, each with its documents) so that those that fit
/// the query's other words come first; equal fits keep the lexicon's order. Returns the order
/// as indexes.
pub(super) fn by_fit(candidates: &[DocBits], others: &[&DocBits]) -> Vec<usize> {
    let fits: Vec<f32> = candidates.iter().map(|c| fit(c, others)).collect();
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|a, b| fits[*b].total_cmp(&fits[*a]).then(a.cmp(b)));
    order
}

/// The documents `query` matches.
pub(super) fn docs_of(searcher: &tantivy::Searcher, query: &dyn Query) -> tantivy::Result<DocBits> {
    searcher.search(query, &BitsCollector::new(searcher))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(docs: &[u32]) -> DocBits {
        let mut words = vec![0u64; 2];
        for d in docs {
            words[(*d / 64) as usize] |= 1 << (d % 64);
        }
        DocBits {
            segments: vec![words],
            count: docs.len() as u32,
        }
    }

    #[test]
    fn the_candidate_sharing_documents_with_the_other_words_comes_first() {
        let refugee = bits(&[1, 2, 3, 70]);
        let flach = bits(&[10, 11, 12, 13, 14, 15, 2]);
        let wohnung = bits(&[2, 3, 70, 90]);
        let absent = bits(&[]);
        assert_eq!(wohnung.common(&refugee), 3);
        assert_eq!(wohnung.share_in(&refugee), 0.75);
        assert_eq!(absent.share_in(&refugee), 0.0);
        assert_eq!(
            by_fit(
                &[flach.clone(), absent.clone(), wohnung.clone()],
                &[&refugee]
            ),
            [2, 0, 1]
        );
        // No other word: the lexicon's order stays.
        assert_eq!(by_fit(&[flach, absent, wohnung], &[]), [0, 1, 2]);
    }
}
