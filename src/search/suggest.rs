//! "Did you mean": a correction of a query that found nothing, from words that live documents
//! the reader may read hold.

use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::analysis::fold_word;
use super::expand::surface_words;
use super::{Result, SearchIndex};

impl SearchIndex {
    /// "Did you mean": each word unknown to the index replaced by the closest known word (one
    /// edit, two for long words), the most frequent on a tie. `None` when nothing changes.
    /// Only words of documents the reader may see are known: public ones, or all for members.
    pub(super) fn suggest(
        &self,
        searcher: &Searcher,
        q: &str,
        members: bool,
    ) -> Result<Option<String>> {
        let spell = if members {
            self.fields.spell
        } else {
            self.fields.spell_public
        };
        let words = surface_words(q);
        let mut out = String::new();
        let mut last = 0;
        let mut changed = false;
        for (word, from, to) in words {
            let folded = fold_word(&word);
            out.push_str(&q[last..from]);
            last = to;
            let known = lives(searcher, Term::from_field_text(spell, &folded))?;
            let replacement = if known || folded.chars().count() < 4 {
                None
            } else {
                self.closest(searcher, spell, &folded)?
            };
            match replacement {
                Some(r) => {
                    out.push_str(&r);
                    changed = true;
                }
                None => out.push_str(&word),
            }
        }
        out.push_str(&q[last..]);
        Ok(changed.then_some(out))
    }

    /// The known word closest to `word`: fewest edits, then most frequent. Only words that
    /// a live document holds count: the term dictionary keeps the words of removed documents
    /// (an unpublished report, an erased person) until their segment is merged away.
    fn closest(&self, searcher: &Searcher, spell: Field, word: &str) -> Result<Option<String>> {
        let max = if word.len() >= 8 { 2 } else { 1 };
        let mut candidates: Vec<(usize, std::cmp::Reverse<u32>, String)> = Vec::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(spell)?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if term.len().abs_diff(word.len()) > max {
                    continue;
                }
                let distance = strsim::damerau_levenshtein(term, word);
                if distance == 0 || distance > max {
                    continue;
                }
                let freq = stream.value().doc_freq;
                candidates.push((distance, std::cmp::Reverse(freq), term.to_string()));
            }
        }
        candidates.sort();
        candidates.dedup_by(|a, b| a.2 == b.2);
        for (_, _, term) in candidates {
            if lives(searcher, Term::from_field_text(spell, &term))? {
                return Ok(Some(term));
            }
        }
        Ok(None)
    }
}

/// Whether a live (not removed) document holds `term`. In a segment without removed documents
/// the term dictionary answers; otherwise its postings are read up to the first live document.
/// Both are cheap for the long posting lists of frequent words, which a count would walk whole.
pub(super) fn lives(searcher: &Searcher, term: Term) -> Result<bool> {
    use tantivy::{DocSet, TERMINATED};
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(term.field())?;
        let Some(info) = inverted.get_term_info(&term)? else {
            continue;
        };
        let Some(alive) = segment.alive_bitset() else {
            if info.doc_freq > 0 {
                return Ok(true);
            }
            continue;
        };
        let mut postings = inverted.read_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if alive.is_alive(doc) {
                return Ok(true);
            }
            doc = postings.advance();
        }
    }
    Ok(false)
}
