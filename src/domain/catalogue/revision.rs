//! Comparing two versions of a text by paragraph: unchanged paragraphs are only counted, a
//! changed paragraph shows the words removed and added inside it.
//!
//! Texts come from browsers (`\r\n`) and from imports (`\n`), with or without a final line
//! break; none of that is a change a reader should see.

use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};

/// How a word of a changed paragraph fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// In both versions.
    Kept,
    /// Only in the older version.
    Removed,
    /// Only in the newer version.
    Added,
}

/// One step of a comparison, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// So many paragraphs left as they were.
    Same(usize),
    /// A paragraph only in the older version.
    Removed(String),
    /// A paragraph only in the newer version.
    Added(String),
    /// A paragraph changed in place: runs of words, each kept, removed or added.
    Changed(Vec<(Mark, String)>),
}

/// The paragraphs of `text`: separated by blank lines, line ends normalised, trailing spaces
/// dropped.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// What changed from `old` to `new`, by paragraph; empty when nothing did.
pub fn compare(old: &str, new: &str) -> Vec<Change> {
    let (a, b) = (paragraphs(old), paragraphs(new));
    if a == b {
        return Vec::new();
    }
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(Algorithm::Patience, &a, &b) {
        match op {
            DiffOp::Equal { len, .. } => out.push(Change::Same(len)),
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.extend(
                a[old_index..old_index + old_len]
                    .iter()
                    .cloned()
                    .map(Change::Removed),
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.extend(
                b[new_index..new_index + new_len]
                    .iter()
                    .cloned()
                    .map(Change::Added),
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // Paragraphs replaced one for one are changed in place; the rest removed or added.
                let paired = old_len.min(new_len);
                for i in 0..paired {
                    out.push(Change::Changed(words(&a[old_index + i], &b[new_index + i])));
                }
                out.extend(
                    a[old_index + paired..old_index + old_len]
                        .iter()
                        .cloned()
                        .map(Change::Removed),
                );
                out.extend(
                    b[new_index + paired..new_index + new_len]
                        .iter()
                        .cloned()
                        .map(Change::Added),
                );
            }
        }
    }
    out
}

/// The words of two versions of one paragraph, runs of the same mark joined.
fn words(old: &str, new: &str) -> Vec<(Mark, String)> {
    let mut runs: Vec<(Mark, String)> = Vec::new();
    for c in TextDiff::from_words(old, new).iter_all_changes() {
        let mark = match c.tag() {
            ChangeTag::Equal => Mark::Kept,
            ChangeTag::Delete => Mark::Removed,
            ChangeTag::Insert => Mark::Added,
        };
        match runs.last_mut() {
            Some((m, text)) if *m == mark => text.push_str(c.value()),
            _ => runs.push((mark, c.value().to_owned())),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_a_final_break_are_no_change() {
        assert!(compare("Eins.\n\nZwei.", "Eins.\r\n\r\nZwei.\r\n").is_empty());
        assert!(compare("Eins.  \n\n\n\nZwei.", "Eins.\n\nZwei.").is_empty());
    }

    #[test]
    fn an_added_paragraph_leaves_the_others_unchanged() {
        assert_eq!(
            compare("Eins.\n\nZwei.", "Eins.\n\nZwei.\n\nDrei."),
            vec![Change::Same(2), Change::Added("Drei.".into())]
        );
        assert_eq!(
            compare("Eins.\n\nZwei.\n\nDrei.", "Eins.\n\nDrei."),
            vec![
                Change::Same(1),
                Change::Removed("Zwei.".into()),
                Change::Same(1)
            ]
        );
    }

    #[test]
    fn a_changed_paragraph_shows_its_words() {
        let c = compare(
            "Eins.\n\nDie Stadt lädt ein.",
            "Eins.\n\nDie Stadt lädt alle ein.",
        );
        assert_eq!(c[0], Change::Same(1));
        let Change::Changed(runs) = &c[1] else {
            panic!("{c:?}")
        };
        assert!(runs.contains(&(Mark::Added, "alle ".into())), "{runs:?}");
        assert!(runs.iter().all(|(m, _)| *m != Mark::Removed), "{runs:?}");
    }
}
