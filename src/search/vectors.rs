//! The semantic side of a search, when an embedding model is configured: each practice's
//! vectors (one per language, of its title and summary) are held in memory, 8 bits per
//! component; a query's vector is compared with those of every document the reader may see and
//! the filters let through, and the closest are fused with the lexical results ([`fuse`]).
//!
//! Fusion normalizes both scores to 0..1 by min-max over their own candidates (the lexical top
//! [`CANDIDATES`] and the [`CANDIDATES`] nearest vectors above [`FLOOR`]) and adds them with the
//! weights [`LEXICAL`] and [`SEMANTIC`]: ranks alone lose how much better the first is, and raw
//! scores are on scales that do not compare (BM25 grows with the query's length, a cosine
//! does not). A candidate missing on one side scores 0 there.

use std::collections::HashMap;
use std::sync::RwLock;

use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocId, DocSet, Searcher, TERMINATED};

use super::query::MOST_TIER;
use super::{DocKind, Result};

/// Candidates taken from each side.
pub(super) const CANDIDATES: usize = 100;
/// Below this cosine a text is not near enough to be a result on its own (e5's cosines of
/// unrelated texts lie around 0.7, of a query and its answers around 0.8 to 0.9).
pub(super) const FLOOR: f32 = 0.75;
/// Weight of the normalized lexical score. Chosen on the open set (`scripts/eval-open` with
/// `PASSERELLE_EMBEDDINGS`): 0.7 to 0.85 give nDCG@10 0.645 to 0.653; 0.5, 0.600; the
/// cosine alone, 0.419.
pub(super) const LEXICAL: f32 = 0.8;
/// Weight of the normalized cosine.
pub(super) const SEMANTIC: f32 = 0.2;

/// A vector in 8 bits: component `i` is `q[i] · scale`.
struct Packed {
    scale: f32,
    q: Box<[i8]>,
}

impl Packed {
    fn new(v: &[f32]) -> Packed {
        let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        Packed {
            scale,
            q: v.iter().map(|x| (x / scale).round() as i8).collect(),
        }
    }

    fn dot(&self, v: &[f32]) -> f32 {
        self.q
            .iter()
            .zip(v)
            .map(|(q, x)| f32::from(*q) * x)
            .sum::<f32>()
            * self.scale
    }
}

/// The key of a document in the index's `key` field: its kind and numeric id.
pub(super) fn key(kind: DocKind, id: &str) -> Option<u64> {
    let id: u64 = id.parse().ok().filter(|i| *i < 1 << 48)?;
    let k = DocKind::ALL.iter().position(|k| *k == kind)? as u64;
    Some(k << 48 | id)
}

/// Every document's vectors, by key.
#[derive(Default)]
pub(super) struct Vectors {
    by_key: RwLock<HashMap<u64, Vec<Packed>>>,
}

/// A document near the query.
#[derive(Debug, Clone, Copy)]
pub(super) struct Near {
    pub(super) cosine: f32,
    pub(super) key: u64,
    pub(super) address: DocAddress,
}

impl Vectors {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<u64, Vec<Packed>>> {
        self.by_key.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<u64, Vec<Packed>>> {
        self.by_key.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Sets a document's vectors (none removes them).
    pub(super) fn put(&self, key: u64, vectors: &[Vec<f32>]) {
        if vectors.is_empty() {
            self.write().remove(&key);
        } else {
            let packed = vectors.iter().map(|v| Packed::new(v)).collect();
            self.write().insert(key, packed);
        }
    }

    pub(super) fn remove(&self, key: u64) {
        self.write().remove(&key);
    }

    pub(super) fn clear(&self) {
        self.write().clear();
    }

    pub(super) fn len(&self) -> usize {
        self.read().len()
    }

    /// The [`CANDIDATES`] documents matching `filter` whose closest vector is nearest to
    /// `query` and at least at [`FLOOR`], nearest first.
    pub(super) fn nearest(
        &self,
        searcher: &Searcher,
        key_field: tantivy::schema::Field,
        filter: &dyn Query,
        query: &[f32],
    ) -> Result<Vec<Near>> {
        let map = self.read();
        if map.is_empty() {
            return Ok(Vec::new());
        }
        let weight = filter.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let name = searcher.schema().get_field_name(key_field).to_string();
        let mut near: Vec<Near> = Vec::new();
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let Ok(keys) = reader.fast_fields().u64(&name) else {
                continue;
            };
            let alive = reader.alive_bitset();
            let mut docs = weight.scorer(reader, 1.0)?;
            let mut doc: DocId = docs.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc))
                    && let Some(key) = keys.first(doc)
                    && let Some(vectors) = map.get(&key)
                {
                    let cosine = vectors
                        .iter()
                        .map(|v| v.dot(query))
                        .fold(f32::NEG_INFINITY, f32::max);
                    if cosine >= FLOOR {
                        near.push(Near {
                            cosine,
                            key,
                            address: DocAddress::new(ord as u32, doc),
                        });
                    }
                }
                doc = docs.advance();
            }
            if near.len() > 4 * CANDIDATES {
                keep_nearest(&mut near);
            }
        }
        keep_nearest(&mut near);
        Ok(near)
    }
}

fn keep_nearest(near: &mut Vec<Near>) {
    near.sort_by(|a, b| b.cosine.total_cmp(&a.cosine));
    near.truncate(CANDIDATES);
}

/// Min-max normalization of `value` over `min..=max` (1 when they are equal).
pub(super) fn normalized(value: f32, min: f32, max: f32) -> f32 {
    if max > min {
        (value - min) / (max - min)
    } else {
        1.0
    }
}

/// Lexical candidates `(score, address)` and nearest vectors fused into one ranking of
/// `(fused score, address)`, best first; documents on both sides appear once. The lexical side
/// keeps the soft AND's order: matching most of the query's words is half of its normalized
/// score, the text score normalized over the candidates the other half.
pub(super) fn fuse(lexical: &[(f32, DocAddress)], near: &[Near]) -> Vec<(f32, DocAddress)> {
    let text = |score: f32| score % MOST_TIER;
    let (lmin, lmax) = min_max(lexical.iter().map(|l| text(l.0)));
    let (cmin, cmax) = min_max(near.iter().map(|n| n.cosine));
    let mut fused: HashMap<DocAddress, f32> = HashMap::new();
    for (score, address) in lexical {
        let most = if *score >= MOST_TIER { 0.5 } else { 0.0 };
        let normalized = most + 0.5 * normalized(text(*score), lmin, lmax);
        *fused.entry(*address).or_default() += LEXICAL * normalized;
    }
    for n in near {
        *fused.entry(n.address).or_default() += SEMANTIC * normalized(n.cosine, cmin, cmax);
    }
    let mut out: Vec<(f32, DocAddress)> = fused.into_iter().map(|(a, s)| (s, a)).collect();
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    out
}

fn min_max(values: impl Iterator<Item = f32>) -> (f32, f32) {
    values.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(doc: u32) -> DocAddress {
        DocAddress::new(0, doc)
    }

    #[test]
    fn scores_are_normalized_over_their_own_candidates_and_added() {
        assert_eq!(normalized(5.0, 1.0, 9.0), 0.5);
        assert_eq!(
            normalized(3.0, 3.0, 3.0),
            1.0,
            "a single candidate is the best"
        );
        let near = |cosine, doc| Near {
            cosine,
            key: u64::from(doc),
            address: address(doc),
        };
        // 1 matches most words; 2 and 3 fewer; 4 only in meaning.
        let lexical = [
            (MOST_TIER + 4.0, address(1)),
            (12.0, address(2)),
            (8.0, address(3)),
        ];
        let fused = fuse(&lexical, &[near(0.90, 4), near(0.86, 3), near(0.82, 2)]);
        let score = |doc: u32| {
            fused
                .iter()
                .find(|f| f.1.doc_id == doc)
                .map(|f| f.0)
                .expect("fused")
        };
        assert_eq!(fused.len(), 4, "each document once: {fused:?}");
        let close = |a: f32, b: f32| (a - b).abs() < 1e-6;
        assert!(close(score(1), LEXICAL * 0.5), "tier, lowest text score");
        assert!(
            close(score(2), LEXICAL * 0.5),
            "highest text score, nearest last"
        );
        assert!(close(score(3), LEXICAL * 0.25 + SEMANTIC * 0.5));
        assert!(close(score(4), SEMANTIC), "nearest, no word");
        let only_lexical = fuse(&lexical, &[]);
        assert_eq!(only_lexical[0].1, address(1));
        assert!(close(only_lexical[0].0, LEXICAL * 0.5));
    }

    #[test]
    fn packed_vectors_keep_their_cosines() {
        let a: Vec<f32> = (0..384)
            .map(|i| ((i * 7 % 13) as f32 - 6.0) / 40.0)
            .collect();
        let b: Vec<f32> = (0..384)
            .map(|i| ((i * 5 % 11) as f32 - 5.0) / 35.0)
            .collect();
        let exact: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        let packed = Packed::new(&a).dot(&b);
        assert!(
            (exact - packed).abs() < 0.01 * exact.abs().max(1.0),
            "{exact} {packed}"
        );
    }

    #[test]
    fn keys_tell_kinds_apart() {
        assert_ne!(key(DocKind::Practice, "7"), key(DocKind::Organisation, "7"));
        assert_eq!(key(DocKind::Practice, "x"), None);
    }
}
