//! Results as shown: snippets per language with the matched words marked, and facet counts.

use std::collections::HashMap;

use tantivy::query::Query;
use tantivy::schema::Value;
use tantivy::snippet::{Snippet, SnippetGenerator};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::analysis::LANGS;
use super::request::{Hit, SearchRequest, Segment};
use super::{DocKind, Result, SearchIndex, StoredData};

/// Longest snippet, in characters.
pub(super) const SNIPPET_CHARS: usize = 220;

pub(super) fn facet_values(
    counts: &tantivy::collector::FacetCounts,
    dim: &str,
) -> Vec<(String, u64)> {
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
pub(super) struct Snippets<'a> {
    index: &'a SearchIndex,
    searcher: &'a Searcher,
    query: &'a dyn Query,
    made: HashMap<usize, Option<SnippetGenerator>>,
}

pub(super) fn segments(snippet: &Snippet) -> Vec<Segment> {
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

impl SearchIndex {
    pub(super) fn hit(
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
            // The text score, without the place a soft AND gave it.
            score: score % super::query::MOST_TIER,
            title,
            lang,
            original_lang: data.original_lang,
            snippet,
            city: data.city,
            meaning_only: false,
        }))
    }
}

impl<'a> Snippets<'a> {
    pub(super) fn new(
        index: &'a SearchIndex,
        searcher: &'a Searcher,
        query: &'a dyn Query,
    ) -> Self {
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
        // The query's words are those of the searched text; the shown parts are cut with them.
        let generator = self.made.entry(l).or_insert_with(|| {
            SnippetGenerator::create(searcher, query, fields.text)
                .ok()
                .map(|mut g| {
                    g.set_max_num_chars(SNIPPET_CHARS);
                    g
                })
        });
        let body = doc
            .get_first(fields.body)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        if let Some(generator) = generator.as_ref() {
            for text in [summary, body] {
                let snippet = generator.snippet(text);
                if !snippet.highlighted().is_empty() {
                    return segments(&snippet);
                }
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
