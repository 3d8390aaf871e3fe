//! One search on several cores. tantivy searches the segments of an index in parallel, but an
//! index that a rebuild wrote is one segment, and a query whose words hold most of a large
//! catalogue then reads all of it on one core. Here each large segment is cut into ranges of
//! document ids, each range is collected on its own thread with its own scorer (a scorer starts
//! at the range by seeking), and the fruits are merged as those of segments are: the top
//! documents by score, the counts summed. The scores are those of one pass (the statistics are
//! the searcher's), so the results are the same.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{EnableScoring, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Searcher, SegmentOrdinal, SegmentReader, TERMINATED};

use super::Result;

/// A segment is cut into ranges of at least this many documents: below, a thread costs more than
/// it saves.
const MIN_RANGE: u32 = 16_384;
/// At most this many threads per search.
const MAX_THREADS: usize = 4;

/// As many threads as the machine has cores, up to [`MAX_THREADS`].
fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(MAX_THREADS)
}

/// `searcher.search(query, collector)`, on as many threads as the machine has cores (up to
/// [`MAX_THREADS`]) when a segment is large.
pub(super) fn search<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
) -> Result<C::Fruit> {
    search_on(searcher, query, collector, threads(), MIN_RANGE)
}

/// A range of the documents of one segment: `(segment, start, end)`.
pub(super) type Range = (SegmentOrdinal, DocId, DocId);

/// Every segment of `searcher`, a large one cut into as many ranges as the machine has cores
/// (up to [`MAX_THREADS`]), in segment order: for [`in_runs`].
pub(super) fn ranges(searcher: &Searcher) -> Vec<Range> {
    ranges_of(searcher, threads(), MIN_RANGE)
}

/// [`ranges`] on `threads` threads, ranges of at least `min_range` documents.
pub(super) fn ranges_of(searcher: &Searcher, threads: usize, min_range: u32) -> Vec<Range> {
    let mut parts = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let max = reader.max_doc();
        let cuts = (max / min_range.max(1)).clamp(1, threads.max(1) as u32);
        let step = max.div_ceil(cuts).max(1);
        let mut start = 0;
        while start < max {
            parts.push((ord as SegmentOrdinal, start, (start + step).min(max)));
            start += step;
        }
    }
    parts
}

/// `f` over `items` cut into one run of items per thread (the hits of a page, each read and cut
/// into a snippet); the results in the items' order.
pub(super) fn in_runs<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&[T]) -> Result<Vec<R>> + Sync,
) -> Result<Vec<R>> {
    let threads = threads();
    if threads < 2 || items.len() < 2 {
        return f(items);
    }
    let f = &f;
    std::thread::scope(|scope| {
        let running: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|run| scope.spawn(move || f(run)))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for r in running {
            out.extend(r.join().expect("a search thread panicked")?);
        }
        Ok(out)
    })
}

/// [`search`] on at most `threads` threads, with ranges of at least `min_range` documents.
pub(super) fn search_on<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
    threads: usize,
    min_range: u32,
) -> Result<C::Fruit> {
    let scoring = collector.requires_scoring();
    let weight = query.weight(if scoring {
        EnableScoring::enabled_from_searcher(searcher)
    } else {
        EnableScoring::disabled_from_searcher(searcher)
    })?;
    let parts = ranges_of(searcher, threads, min_range);
    let collect = |&(ord, start, end): &Range| {
        let reader = searcher.segment_reader(ord);
        collect_range(collector, weight.as_ref(), ord, reader, start, end, scoring)
    };
    let fruits: Vec<_> = if parts.len() < 2 || threads < 2 {
        parts.iter().map(collect).collect::<Result<_>>()?
    } else {
        // Ranges are dealt out in turn, so that each thread gets about as many documents.
        std::thread::scope(|scope| {
            let collect = &collect;
            let parts = &parts;
            let running: Vec<_> = (0..threads.min(parts.len()))
                .map(|t| {
                    scope.spawn(move || {
                        parts
                            .iter()
                            .skip(t)
                            .step_by(threads)
                            .map(collect)
                            .collect::<Result<Vec<_>>>()
                    })
                })
                .collect();
            running
                .into_iter()
                .map(|r| r.join().expect("a search thread panicked"))
                .collect::<Result<Vec<Vec<_>>>>()
        })?
        .into_iter()
        .flatten()
        .collect()
    };
    Ok(collector.merge_fruits(fruits)?)
}

/// What `weight` matches among the documents `start..end` of one segment.
fn collect_range<C: Collector>(
    collector: &C,
    weight: &dyn Weight,
    ord: SegmentOrdinal,
    reader: &SegmentReader,
    start: DocId,
    end: DocId,
    scoring: bool,
) -> Result<<C::Child as SegmentCollector>::Fruit> {
    let mut child = collector.for_segment(ord, reader)?;
    each_in_range(weight, reader, start, end, |doc, scorer| {
        child.collect(doc, if scoring { scorer.score() } else { 0.0 });
    })?;
    Ok(child.harvest())
}

/// Calls `f` with each live document among `start..end` of one segment that `weight` matches,
/// in order, and the scorer standing on it (its own scorer, moved to the range by a seek).
pub(super) fn each_in_range(
    weight: &dyn Weight,
    reader: &SegmentReader,
    start: DocId,
    end: DocId,
    mut f: impl FnMut(DocId, &mut dyn Scorer),
) -> Result<()> {
    let mut scorer = weight.scorer(reader, 1.0)?;
    let alive = reader.alive_bitset();
    let mut doc = scorer.doc();
    if doc < start {
        doc = scorer.seek(start);
    }
    while doc != TERMINATED && doc < end {
        if alive.is_none_or(|a| a.is_alive(doc)) {
            f(doc, scorer.as_mut());
        }
        doc = scorer.advance();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, STORED, Schema, TEXT};
    use tantivy::{Index, TantivyDocument, Term, doc};

    use super::*;

    #[test]
    fn ranges_on_threads_find_what_one_pass_finds() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT | STORED);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index
            .writer_with_num_threads(1, 50_000_000)
            .expect("writer");
        // One segment of 100,000 documents: every third holds "garden", with counts that vary;
        // every thousandth is deleted (and counted in neither pass).
        for i in 0..100_000u32 {
            let mut words = match i % 3 {
                0 => "garden ".repeat(1 + (i % 7) as usize) + "tenants",
                _ => "tenants".to_string(),
            };
            if i % 1000 == 0 {
                words.push_str(" gone");
            }
            writer.add_document(doc!(text => words)).expect("add");
        }
        writer.commit().expect("commit");
        writer.delete_term(Term::from_field_text(text, "gone"));
        writer.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        assert_eq!(searcher.segment_readers().len(), 1);
        let query = TermQuery::new(
            Term::from_field_text(text, "garden"),
            IndexRecordOption::WithFreqs,
        );
        let collector = (TopDocs::with_limit(10).order_by_score(), Count);
        let (top, count) = searcher.search(&query, &collector).expect("one pass");
        for threads in [1, 2, 3, 4] {
            let (t, c) =
                search_on(&searcher, &query, &collector, threads, MIN_RANGE).expect("ranges");
            assert_eq!(c, count, "{threads} threads");
            // 33,334 with "garden", of which the 34 multiples of 3,000 are gone.
            assert_eq!(c, 33_300);
            let scores = |v: &Vec<(f32, tantivy::DocAddress)>| -> Vec<f32> {
                v.iter().map(|(s, _)| *s).collect()
            };
            assert_eq!(scores(&t), scores(&top), "{threads} threads");
            let first: TantivyDocument = searcher.doc(t[0].1).expect("doc");
            assert!(first.get_first(text).is_some());
        }
    }
}
