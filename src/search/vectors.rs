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
use std::sync::{Arc, Mutex, RwLock};

use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, Searcher};

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
    q: Vec<i8>,
}

impl Packed {
    fn new(v: &[f32]) -> Packed {
        let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        Packed {
            scale,
            // −127..=127, as `dot_i8` wants.
            q: v.iter().map(|x| (x / scale).round() as i8).collect(),
        }
    }
}

/// The dot product of two packed vectors, in integers (with AVX2 when the processor has it).
fn dot(a: &[i8], a_scale: f32, b: &[i8], b_scale: f32) -> f32 {
    super::embed::simd::dot_i8(a, b) as f32 * a_scale * b_scale
}

/// The key of a document in the index's `key` field: its kind and numeric id.
pub(super) fn key(kind: DocKind, id: &str) -> Option<u64> {
    let id: u64 = id.parse().ok().filter(|i| *i < 1 << 48)?;
    let k = DocKind::ALL.iter().position(|k| *k == kind)? as u64;
    Some(k << 48 | id)
}

/// Where a document's vectors are in the arena: the first one's number and how many.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    first: u32,
    count: u32,
}

/// Every document's vectors, packed one after another in the order they came (an index
/// rebuild adds documents in id order), so that a scan reads memory mostly in sequence.
#[derive(Default)]
struct Arena {
    slots: HashMap<u64, Slot>,
    dimensions: usize,
    data: Vec<i8>,
    scales: Vec<f32>,
    /// Vectors no document points to any more.
    dead: usize,
    /// Raised whenever a document's vectors move, which makes the segments' slot tables stale.
    version: u64,
}

impl Arena {
    fn put(&mut self, key: u64, vectors: &[Vec<f32>]) {
        let vectors: Vec<&Vec<f32>> = vectors.iter().filter(|v| !v.is_empty()).collect();
        if vectors.is_empty() {
            self.remove(key);
            return;
        }
        if self.slots.is_empty() {
            self.dimensions = vectors[0].len();
        }
        let vectors: Vec<Packed> = vectors
            .into_iter()
            .filter(|v| v.len() == self.dimensions)
            .map(|v| Packed::new(v))
            .collect();
        if vectors.is_empty() {
            self.remove(key);
            return;
        }
        let d = self.dimensions;
        match self.slots.get(&key).copied() {
            // The same number of vectors: written over in place; nothing moves.
            Some(slot) if slot.count as usize == vectors.len() => {
                for (i, v) in vectors.iter().enumerate() {
                    let at = slot.first as usize + i;
                    self.data[at * d..(at + 1) * d].copy_from_slice(&v.q);
                    self.scales[at] = v.scale;
                }
            }
            old => {
                if let Some(old) = old {
                    self.dead += old.count as usize;
                }
                let slot = Slot {
                    first: self.scales.len() as u32,
                    count: vectors.len() as u32,
                };
                for v in &vectors {
                    self.data.extend_from_slice(&v.q);
                    self.scales.push(v.scale);
                }
                self.slots.insert(key, slot);
                self.version += 1;
                self.compact_if_wasteful();
            }
        }
    }

    fn remove(&mut self, key: u64) {
        if let Some(old) = self.slots.remove(&key) {
            self.dead += old.count as usize;
            // A segment may still hold the document: its slot table must forget it.
            self.version += 1;
            if self.slots.is_empty() {
                let version = self.version;
                *self = Arena {
                    version,
                    ..Arena::default()
                };
            } else {
                self.compact_if_wasteful();
            }
        }
    }

    /// Drops dead vectors once they are the majority, keeping the others' order.
    fn compact_if_wasteful(&mut self) {
        if self.dead < 1024 || self.dead * 2 < self.scales.len() {
            return;
        }
        let d = self.dimensions;
        let mut live: Vec<(u64, Slot)> = self.slots.iter().map(|(k, s)| (*k, *s)).collect();
        live.sort_by_key(|(_, s)| s.first);
        let mut data = Vec::with_capacity((self.scales.len() - self.dead) * d);
        let mut scales = Vec::with_capacity(self.scales.len() - self.dead);
        for (key, slot) in live {
            let (from, to) = (slot.first as usize, (slot.first + slot.count) as usize);
            let first = scales.len() as u32;
            data.extend_from_slice(&self.data[from * d..to * d]);
            scales.extend_from_slice(&self.scales[from..to]);
            self.slots.insert(key, Slot { first, ..slot });
        }
        self.data = data;
        self.scales = scales;
        self.dead = 0;
        self.version += 1;
    }
}

/// The slot of each document of a segment, with the arena version it was read at.
type SegmentSlots = (u64, Arc<Vec<Slot>>);

/// Every document's vectors, and for each segment of the index the slot of each of its
/// documents (built once per segment and arena version).
#[derive(Default)]
pub(super) struct Vectors {
    arena: RwLock<Arena>,
    segments: Mutex<HashMap<SegmentId, SegmentSlots>>,
}

/// A document near the query.
#[derive(Debug, Clone, Copy)]
pub(super) struct Near {
    pub(super) cosine: f32,
    pub(super) key: u64,
    pub(super) address: DocAddress,
}

impl Vectors {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, Arena> {
        self.arena.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Arena> {
        self.arena.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Sets a document's vectors (none removes them).
    pub(super) fn put(&self, key: u64, vectors: &[Vec<f32>]) {
        self.write().put(key, vectors);
    }

    pub(super) fn remove(&self, key: u64) {
        self.write().remove(key);
    }

    pub(super) fn clear(&self) {
        let mut arena = self.write();
        let version = arena.version + 1;
        *arena = Arena {
            version,
            ..Arena::default()
        };
    }

    pub(super) fn len(&self) -> usize {
        self.read().slots.len()
    }

    /// The slot of each document of a segment, for the arena as it is now.
    fn segment_slots(
        &self,
        arena: &Arena,
        reader: &tantivy::SegmentReader,
        keys: &tantivy::columnar::Column<u64>,
    ) -> Arc<Vec<Slot>> {
        let id = reader.segment_id();
        let mut segments = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((version, slots)) = segments.get(&id)
            && *version == arena.version
        {
            return slots.clone();
        }
        let slots: Vec<Slot> = (0..reader.max_doc())
            .map(|doc| {
                keys.first(doc)
                    .and_then(|k| arena.slots.get(&k).copied())
                    .unwrap_or_default()
            })
            .collect();
        let slots = Arc::new(slots);
        segments.insert(id, (arena.version, slots.clone()));
        slots
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
        let ranges = super::parallel::ranges(searcher);
        self.nearest_in(searcher, key_field, filter, query, &ranges)
    }

    /// [`Vectors::nearest`], scanning the documents `ranges` on threads.
    pub(super) fn nearest_in(
        &self,
        searcher: &Searcher,
        key_field: tantivy::schema::Field,
        filter: &dyn Query,
        query: &[f32],
        ranges: &[super::parallel::Range],
    ) -> Result<Vec<Near>> {
        let arena = self.read();
        if arena.slots.is_empty() || query.len() != arena.dimensions {
            return Ok(Vec::new());
        }
        let d = arena.dimensions;
        let query = Packed::new(query);
        let weight = filter.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let name = searcher.schema().get_field_name(key_field).to_string();
        // Each segment's keys and vector slots, then its documents scanned in ranges, one
        // thread per core.
        let mut live = Vec::new();
        let mut segments = Vec::new();
        for reader in searcher.segment_readers() {
            live.push(reader.segment_id());
            let keys = reader.fast_fields().u64(&name).ok();
            let slots = keys
                .as_ref()
                .map(|keys| self.segment_slots(&arena, reader, keys));
            segments.push(keys.zip(slots));
        }
        // A document's cosine: that of its nearest vector.
        let cosine = |slot: Slot| {
            (slot.first as usize..(slot.first + slot.count) as usize)
                .map(|v| {
                    let vector = &arena.data[v * d..(v + 1) * d];
                    dot(&query.q, query.scale, vector, arena.scales[v])
                })
                .fold(f32::NEG_INFINITY, f32::max)
        };
        let mut near = super::parallel::in_runs(ranges, |run| {
            let mut near: Vec<Near> = Vec::with_capacity(2 * CANDIDATES);
            let mut threshold = FLOOR;
            for &(ord, start, end) in run {
                let Some((keys, slots)) = &segments[ord as usize] else {
                    continue;
                };
                let reader = searcher.segment_reader(ord);
                super::parallel::each_in_range(weight.as_ref(), reader, start, end, |doc, _| {
                    let slot = slots.get(doc as usize).copied().unwrap_or_default();
                    if slot.count == 0 {
                        return;
                    }
                    let cosine = cosine(slot);
                    if cosine < threshold {
                        return;
                    }
                    near.push(Near {
                        cosine,
                        key: keys.first(doc).unwrap_or_default(),
                        address: DocAddress::new(ord, doc),
                    });
                    if near.len() >= 2 * CANDIDATES {
                        // Keep the nearest; later documents must beat the farthest of them.
                        keep_nearest(&mut near);
                        threshold = near.last().map_or(FLOOR, |n| n.cosine.max(FLOOR));
                    }
                })?;
            }
            Ok(near)
        })?;
        // Segments merged away are forgotten.
        self.segments
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|id, _| live.contains(id));
        keep_nearest(&mut near);
        Ok(near)
    }
}

/// Keeps the [`CANDIDATES`] nearest, nearest first.
fn keep_nearest(near: &mut Vec<Near>) {
    let order = |a: &Near, b: &Near| {
        b.cosine
            .total_cmp(&a.cosine)
            .then(a.address.cmp(&b.address))
    };
    if near.len() > CANDIDATES {
        near.select_nth_unstable_by(CANDIDATES - 1, order);
        near.truncate(CANDIDATES);
    }
    near.sort_by(order);
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
    // Over the first candidates only, whatever the page: deeper ones (a later page) fall below 0
    // and keep their order, so that every page is cut from the same ranking.
    let (lmin, lmax) = min_max(lexical.iter().take(CANDIDATES).map(|l| text(l.0)));
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
        let (pa, pb) = (Packed::new(&a), Packed::new(&b));
        let packed = dot(&pa.q, pa.scale, &pb.q, pb.scale);
        assert!(
            (exact - packed).abs() < 0.01 * exact.abs().max(1.0),
            "{exact} {packed}"
        );
    }

    #[test]
    fn the_arena_moves_vectors_only_when_their_number_changes_and_compacts_when_mostly_dead() {
        let mut arena = Arena::default();
        let v = |x: f32| vec![x, 1.0 - x, 0.5];
        arena.put(1, &[v(0.1)]);
        arena.put(2, &[v(0.2), v(0.3)]);
        let version = arena.version;
        arena.put(1, &[v(0.9)]);
        assert_eq!(arena.version, version, "written over in place");
        assert_eq!(arena.slots[&1].first, 0);
        arena.put(1, &[v(0.9), v(0.8)]);
        assert!(arena.version > version, "moved");
        assert_eq!((arena.slots[&1].first, arena.dead), (3, 1));
        arena.remove(2);
        assert_eq!(arena.slots.len(), 1);
        for k in 10..3000 {
            arena.put(k, &[v(0.4)]);
            arena.remove(k);
        }
        assert!(
            arena.scales.len() < 2100,
            "compacted: {}",
            arena.scales.len()
        );
        let slot = arena.slots[&1];
        let first = slot.first as usize;
        assert_eq!(
            arena.data[first * 3..first * 3 + 3],
            Packed::new(&v(0.9)).q[..]
        );
        arena.put(1, &[]);
        assert!(arena.slots.is_empty(), "no vectors, no slot");
    }

    #[test]
    fn keys_tell_kinds_apart() {
        assert_ne!(key(DocKind::Practice, "7"), key(DocKind::Organisation, "7"));
        assert_eq!(key(DocKind::Practice, "x"), None);
    }
}
