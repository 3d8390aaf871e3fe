//! The lexicon of the language bridge: translations of single words between de, fr, en (and lb
//! where a source has them), built from open dictionaries by `scripts/lexicon` and imported from
//! its file; looked up for every search, so that a query finds what other languages wrote.
//!
//! The file is tab-separated, optionally gzip-compressed: `src_lang`, `src_word`, `dst_lang`,
//! `dst_word`, `weight` per line (higher weights first among one word's translations), after an
//! optional header line naming these columns. A header line `lang`, `word`, `zipf` starts a
//! word list: each word of a language with its frequency on the Zipf scale (German compounds are
//! split where their parts are more frequent than the whole); the translations' header switches
//! back. Blank lines and lines starting with `#` are skipped. The file is checked whole first,
//! then the lexicon is replaced in one transaction; both passes read the file a line at a time.

use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::Arc;

use crate::app::catalogue::transfer::ImportProblem;
use crate::domain::{Action, Actor, FieldError};
use crate::search::lexicon::{closest_key, typo_range};
use crate::search::{Compounds, LexiconKeys, Translation, Translations};
use crate::storage::{LexiconRow, LexiconWordRow};

use super::lexicon_corrections::writable;
use crate::app::catalogue::transfer::LISTED;
use crate::app::{App, Error, Result, authorize};

/// Languages of the lexicon: those the search analyzes.
pub(crate) use crate::search::analysis::LANGS;
/// Longest word or translation, in characters.
pub(crate) const WORD_MAX: usize = 100;
/// The optional first line naming the columns of translations.
const HEADER: &str = "src_lang\tsrc_word\tdst_lang\tdst_word\tweight";
/// The line that starts a word list.
const WORDS_HEADER: &str = "lang\tword\tzipf";
/// Highest frequency on the Zipf scale (a word occurring in every position).
const ZIPF_MAX: f64 = 9.0;
/// Candidate keys read per word and language, when correcting a typo.
const TYPO_CANDIDATES: i64 = 200;
/// Rows written per batch in the second pass.
const BATCH: usize = 5_000;

/// What a lexicon import found and did.
#[derive(Debug, Clone, Default)]
pub struct LexiconReport {
    /// Translations read.
    pub records: usize,
    /// Of those, entries no search can look up (a stop word, several words), left out.
    pub skipped: usize,
    /// Words of the word lists read.
    pub words: usize,
    /// The first problems, by line.
    pub problems: Vec<ImportProblem>,
    /// All problems.
    pub problem_count: usize,
    /// Whether the lexicon was replaced.
    pub written: bool,
}

impl LexiconReport {
    fn problem(&mut self, line: usize, field: &str, error: FieldError) {
        self.problem_count += 1;
        if self.problems.len() < LISTED {
            self.problems.push(ImportProblem {
                line,
                field: field.to_owned(),
                error,
            });
        }
    }
}

/// Opens a lexicon file, reading through gzip when it starts like gzip.
fn open(path: &Path) -> std::io::Result<Box<dyn BufRead + Send>> {
    let mut file = std::fs::File::open(path)?;
    let mut magic = [0u8; 2];
    let n = file.read(&mut magic)?;
    let file = std::fs::File::open(path)?;
    Ok(if n == 2 && magic == [0x1f, 0x8b] {
        Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(
            file,
        )))
    } else {
        Box::new(std::io::BufReader::new(file))
    })
}

/// A translation of the lexicon, as the search takes it.
pub(crate) fn translation(row: &LexiconRow) -> Translation {
    Translation {
        word: row.src_word.clone(),
        lang: row.dst_lang.clone(),
        text: row.dst_word.clone(),
        weight: row.weight as f32,
        corrected: false,
    }
}

/// One sound line of a lexicon file.
enum Line {
    Translation(LexiconRow),
    Word(LexiconWordRow),
}

/// Reads a lexicon file line by line, checking each and calling `row` with each sound one that
/// a search can look up. Problems go to the report; a file that cannot be read to its end (a
/// truncated gzip file, bytes that are not UTF-8) is a problem on the line where reading failed.
fn read(
    path: &Path,
    report: &mut LexiconReport,
    mut row: impl FnMut(Line) -> bool,
) -> std::io::Result<()> {
    // Keys are whole words, which do not depend on how compounds are split.
    let mut keys = LexiconKeys::new(&Compounds::builtin());
    let mut in_words = false;
    let mut reader = open(path)?;
    let mut line = String::new();
    let mut n = 0;
    loop {
        line.clear();
        n += 1;
        match reader.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(_) => {
                report.problem(n, "file", FieldError::new("error-lexicon-unreadable"));
                break;
            }
        }
        let text = line.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        if text == HEADER || text == WORDS_HEADER {
            in_words = text == WORDS_HEADER;
            continue;
        }
        let cols: Vec<&str> = text.split('\t').map(str::trim).collect();
        if in_words {
            report.words += 1;
            if let Some(word) = word_line(n, &cols, report)
                && !row(Line::Word(word))
            {
                break;
            }
            continue;
        }
        report.records += 1;
        let [src_lang, src_word, dst_lang, dst_word, weight] = cols[..] else {
            report.problem(n, "file", FieldError::new("error-lexicon-columns"));
            continue;
        };
        let before = report.problem_count;
        for (field, lang) in [("src_lang", src_lang), ("dst_lang", dst_lang)] {
            if !LANGS.contains(&lang) {
                report.problem(n, field, FieldError::new("error-choice"));
            }
        }
        if src_lang == dst_lang && LANGS.contains(&src_lang) {
            report.problem(
                n,
                "dst_lang",
                FieldError::new("error-lexicon-same-language"),
            );
        }
        for (field, word) in [("src_word", src_word), ("dst_word", dst_word)] {
            if word.is_empty() {
                report.problem(n, field, FieldError::new("error-required"));
            } else if word.chars().count() > WORD_MAX {
                report.problem(
                    n,
                    field,
                    FieldError::with("error-too-long", "max", WORD_MAX),
                );
            } else if !writable(word) {
                report.problem(n, field, FieldError::new("error-lexicon-characters"));
            }
        }
        let weight = weight
            .parse::<f64>()
            .ok()
            .filter(|w| w.is_finite() && *w >= 0.0);
        if weight.is_none() {
            report.problem(n, "weight", FieldError::new("error-lexicon-weight"));
        }
        if report.problem_count > before {
            continue;
        }
        let Some(src_key) = keys.key(src_lang, src_word) else {
            report.skipped += 1;
            continue;
        };
        let keep_going = row(Line::Translation(LexiconRow {
            src_lang: src_lang.to_owned(),
            src_key,
            src_word: src_word.to_owned(),
            dst_lang: dst_lang.to_owned(),
            dst_word: dst_word.to_owned(),
            weight: weight.unwrap_or_default(),
        }));
        if !keep_going {
            break;
        }
    }
    Ok(())
}

/// Checks a line of a word list (`lang`, `word`, `zipf`); the word is kept folded.
fn word_line(n: usize, cols: &[&str], report: &mut LexiconReport) -> Option<LexiconWordRow> {
    let [lang, word, zipf] = cols[..] else {
        report.problem(n, "file", FieldError::new("error-lexicon-columns"));
        return None;
    };
    let before = report.problem_count;
    // The columns are named like a translation's source word's.
    if !LANGS.contains(&lang) {
        report.problem(n, "src_lang", FieldError::new("error-choice"));
    }
    if word.is_empty() {
        report.problem(n, "src_word", FieldError::new("error-required"));
    } else if word.chars().count() > WORD_MAX {
        report.problem(
            n,
            "src_word",
            FieldError::with("error-too-long", "max", WORD_MAX),
        );
    } else if word.chars().any(|c| !c.is_alphabetic()) {
        report.problem(n, "src_word", FieldError::new("error-lexicon-word"));
    }
    let zipf = zipf
        .parse::<f64>()
        .ok()
        .filter(|z| (0.0..=ZIPF_MAX).contains(z));
    if zipf.is_none() {
        report.problem(n, "zipf", FieldError::new("error-lexicon-zipf"));
    }
    (report.problem_count == before).then(|| LexiconWordRow {
        lang: lang.to_owned(),
        word: crate::search::analysis::fold_word(word),
        zipf: zipf.unwrap_or_default(),
    })
}

impl App {
    /// Checks a lexicon file whole, then (unless `dry_run`) replaces the lexicon with it in one
    /// transaction. `progress` is told the translations written so far and their number.
    pub async fn import_lexicon(
        &self,
        actor: &Actor,
        path: &Path,
        dry_run: bool,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<LexiconReport> {
        authorize(actor, Action::EditGlossary)?;
        let unreadable =
            |e: std::io::Error| Error::Internal(anyhow::anyhow!("{}: {e}", path.display()));
        let file = path.to_owned();
        let mut report = tokio::task::spawn_blocking(move || {
            let mut report = LexiconReport::default();
            read(&file, &mut report, |_| true).map(|()| report)
        })
        .await
        .map_err(|e| Error::Internal(e.into()))?
        .map_err(unreadable)?;
        if report.problem_count == 0 && report.records == report.skipped && report.words == 0 {
            report.problem(0, "file", FieldError::new("error-lexicon-empty"));
        }
        if report.problem_count > 0 || dry_run {
            return Ok(report);
        }
        let total = (report.records - report.skipped + report.words) as u64;
        let (send, mut batches) = tokio::sync::mpsc::channel::<Vec<Line>>(4);
        let file = path.to_owned();
        let reading = tokio::task::spawn_blocking(move || {
            let mut again = LexiconReport::default();
            let mut batch = Vec::with_capacity(BATCH);
            let mut open = true;
            read(&file, &mut again, |row| {
                batch.push(row);
                if batch.len() == BATCH {
                    open = send.blocking_send(std::mem::take(&mut batch)).is_ok();
                }
                open
            })?;
            if open && !batch.is_empty() {
                let _ = send.blocking_send(batch);
            }
            Ok::<_, std::io::Error>(again)
        });
        let mut tx = self.store().write().await?;
        // What the file holds is replaced: its translations, its word lists, or both.
        tx.clear_lexicon(report.records > 0, report.words > 0)
            .await?;
        let mut written = 0u64;
        while let Some(batch) = batches.recv().await {
            written += batch.len() as u64;
            let mut translations = Vec::new();
            let mut words: std::collections::BTreeMap<(String, String), LexiconWordRow> =
                std::collections::BTreeMap::new();
            for line in batch {
                match line {
                    Line::Translation(t) => translations.push(t),
                    // One row per word in a statement (spellings that fold alike meet here).
                    Line::Word(w) => {
                        let slot = words
                            .entry((w.lang.clone(), w.word.clone()))
                            .or_insert_with(|| w.clone());
                        slot.zipf = slot.zipf.max(w.zipf);
                    }
                }
            }
            tx.add_lexicon_rows(&translations).await?;
            tx.add_lexicon_words(&words.into_values().collect::<Vec<_>>())
                .await?;
            progress(written, total);
        }
        let again = reading
            .await
            .map_err(|e| Error::Internal(e.into()))?
            .map_err(unreadable)?;
        if again.problem_count > 0 || written != total {
            // Changed between the passes: nothing is written.
            return Err(Error::Conflict("error-import-file-changed"));
        }
        tx.record("lexicon", "all", "import", actor.user_id())
            .await?;
        tx.commit().await?;
        report.written = true;
        Ok(report)
    }

    /// How many translations the lexicon holds (0: not installed; search stays in each language).
    pub async fn lexicon_size(&self) -> Result<i64> {
        Ok(self.store().lexicon_size().await?)
    }

    /// A word that no language's lexicon knows may be misspelt ("Luxemburgish"): the key of its
    /// language closest to it (one edit away, two for long words; the same first letters; the
    /// most translated on a tie) lends it its translations, filed under the word's own key.
    async fn correct_typos(
        &self,
        found: &mut Translations,
        words: Vec<Vec<(String, String)>>,
    ) -> Result<()> {
        for pairs in words {
            if pairs.iter().any(|p| found.contains_key(p)) {
                continue;
            }
            let mut best: Option<(usize, i64, (String, String))> = None;
            for (lang, key) in &pairs {
                let Some((prefix, min, max)) = typo_range(key).filter(|_| lang != "lb") else {
                    continue;
                };
                let near = self
                    .store()
                    .lexicon_keys_like(lang, prefix, min, max, TYPO_CANDIDATES)
                    .await?;
                if let Some((d, count, candidate)) = closest_key(key, near)
                    && best.as_ref().is_none_or(|b| (d, -count) < (b.0, -b.1))
                {
                    best = Some((d, count, (lang.clone(), candidate)));
                }
            }
            let Some((_, _, (lang, candidate))) = best else {
                continue;
            };
            let Some(original) = pairs.iter().find(|(l, _)| *l == lang).cloned() else {
                continue;
            };
            let rows = self
                .store()
                .lexicon_lookup(&[(lang.clone(), candidate)])
                .await?;
            found.insert(
                original,
                rows.into_iter().map(|row| translation(&row)).collect(),
            );
        }
        Ok(())
    }

    /// How many words the lexicon's word lists hold.
    pub async fn lexicon_word_count(&self) -> Result<i64> {
        Ok(self.store().lexicon_word_count().await?)
    }

    /// How German compounds are split: by the lexicon's German word list when one is installed,
    /// else by the compiled-in list of parts.
    pub(crate) async fn load_compounds(&self) -> Result<Arc<Compounds>> {
        let words = self.store().lexicon_words("de").await?;
        if words.is_empty() {
            return Ok(Compounds::builtin());
        }
        tokio::task::spawn_blocking(move || {
            Arc::new(Compounds::from_words(
                words.into_iter().map(|(w, z)| (w, z as f32)),
                "lexicon",
            ))
        })
        .await
        .map_err(|e| Error::Internal(e.into()))
    }

    /// The lexicon's translations of the words of `q`, for the search.
    pub(crate) async fn translations_of(&self, q: &str) -> Result<Translations> {
        let mut lexicon_keys = LexiconKeys::new(&self.compounds());
        let keys = lexicon_keys.query_keys(q);
        let mut found = Translations::new();
        let corrections = self.store().lexicon_corrections(&keys).await?;
        for row in self.store().lexicon_lookup(&keys).await? {
            let t = translation(&row);
            found
                .entry((row.src_lang, row.src_key))
                .or_default()
                .push(t);
        }
        self.correct_typos(&mut found, lexicon_keys.word_keys(q))
            .await?;
        // Coordinators' corrections: removed translations dropped, added ones first.
        let mut by_key: std::collections::BTreeMap<(String, String), Vec<_>> = Default::default();
        for c in corrections {
            by_key
                .entry((c.src_lang.clone(), c.src_key.clone()))
                .or_default()
                .push(c);
        }
        for (key, corrections) in by_key {
            let list = found.remove(&key).unwrap_or_default();
            found.insert(
                key,
                super::lexicon_corrections::corrected(list, &corrections),
            );
        }
        Ok(found)
    }
}
