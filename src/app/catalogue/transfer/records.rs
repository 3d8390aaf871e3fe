//! Reading an import file one record at a time: where the bytes come from (a file, or bytes in
//! memory, opened once per pass), counted for progress, and cut into records of JSON Lines or
//! CSV with the line each starts on.

use std::io::{BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::domain::FieldError;

use super::import::ImportProblem;
use super::{CsvRecord, Format, PracticeRecord};

/// The longest line of a JSON Lines file: a practice with every field and translation is far
/// shorter; a longer line is reported, not held.
const MAX_LINE: u64 = 4 * 1024 * 1024;

/// Where an import's records come from. It is opened twice (to check, then to write), so it
/// must read the same both times: a file, or bytes in memory.
pub trait ImportSource: Sync {
    /// A reader from the first byte.
    fn open(&self) -> std::io::Result<Box<dyn BufRead + Send + '_>>;
    /// The size in bytes, for progress.
    fn size(&self) -> u64;
}

impl ImportSource for [u8] {
    fn open(&self) -> std::io::Result<Box<dyn BufRead + Send + '_>> {
        Ok(Box::new(self))
    }
    fn size(&self) -> u64 {
        self.len() as u64
    }
}

impl ImportSource for str {
    fn open(&self) -> std::io::Result<Box<dyn BufRead + Send + '_>> {
        Ok(Box::new(self.as_bytes()))
    }
    fn size(&self) -> u64 {
        self.len() as u64
    }
}

impl ImportSource for String {
    fn open(&self) -> std::io::Result<Box<dyn BufRead + Send + '_>> {
        self.as_str().open()
    }
    fn size(&self) -> u64 {
        self.len() as u64
    }
}

impl ImportSource for std::path::Path {
    fn open(&self) -> std::io::Result<Box<dyn BufRead + Send + '_>> {
        Ok(Box::new(std::io::BufReader::with_capacity(
            256 * 1024,
            std::fs::File::open(self)?,
        )))
    }
    fn size(&self) -> u64 {
        std::fs::metadata(self).map(|m| m.len()).unwrap_or(0)
    }
}

/// Counts the bytes read, for progress.
pub(super) struct Counted<'a, R> {
    pub(super) inner: R,
    pub(super) read: &'a AtomicU64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<'_, R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        self.read.fetch_add(amount as u64, Ordering::Relaxed);
        self.inner.consume(amount)
    }
}

pub(super) type Reader<'a> = Counted<'a, Box<dyn BufRead + Send + 'a>>;

/// The records of a file, one at a time, with the line each starts on; an unreadable record is
/// a problem on its line, and a failing read ends the file after its problem.
pub(super) struct Records<'a> {
    kind: Kind<'a>,
    ended: bool,
}

enum Kind<'a> {
    JsonLines {
        reader: Reader<'a>,
        line: usize,
        buf: Vec<u8>,
    },
    Csv {
        reader: csv::Reader<Reader<'a>>,
        headers: csv::StringRecord,
        record: csv::StringRecord,
    },
}

impl<'a> Records<'a> {
    /// Starts reading; a CSV file without a required column gives its problems instead.
    pub(super) fn new(
        reader: Reader<'a>,
        format: Format,
    ) -> std::result::Result<Self, Vec<ImportProblem>> {
        let kind = match format {
            Format::JsonLines => Ok(Kind::JsonLines {
                reader,
                line: 0,
                buf: Vec::new(),
            }),
            Format::Csv => {
                let mut reader = csv::ReaderBuilder::new()
                    .flexible(false)
                    .from_reader(reader);
                let headers = reader.headers().cloned().unwrap_or_default();
                let missing: Vec<ImportProblem> = ["title", "lang", "city", "country", "summary"]
                    .into_iter()
                    .filter(|required| !headers.iter().any(|h| h == *required))
                    .map(|required| ImportProblem {
                        line: 1,
                        field: required.into(),
                        error: FieldError::new("error-import-column"),
                    })
                    .collect();
                if missing.is_empty() {
                    Ok(Kind::Csv {
                        reader,
                        headers,
                        record: csv::StringRecord::new(),
                    })
                } else {
                    Err(missing)
                }
            }
        }?;
        Ok(Records { kind, ended: false })
    }

    /// The next record, or `None` at the end of the file.
    pub(super) fn next(
        &mut self,
    ) -> Option<std::result::Result<(usize, PracticeRecord), ImportProblem>> {
        if self.ended {
            return None;
        }
        match &mut self.kind {
            Kind::JsonLines { reader, line, buf } => loop {
                buf.clear();
                // One byte more than a line may hold, and its end: enough to tell a line too long.
                let read = (&mut *reader).take(MAX_LINE + 2).read_until(b'\n', buf);
                let ended = buf.last() == Some(&b'\n');
                let content = buf.len() as u64 - u64::from(ended);
                *line += 1;
                let problem = |line: usize, error: FieldError| ImportProblem {
                    line,
                    field: "line".into(),
                    error,
                };
                match read {
                    Ok(0) => return None,
                    Ok(_) if content > MAX_LINE => {
                        // Skip the rest of the line without holding it (unless its end was read).
                        if !ended {
                            let _ = reader.skip_until(b'\n');
                        }
                        return Some(Err(problem(
                            *line,
                            FieldError::with("error-import-json", "detail", "line too long"),
                        )));
                    }
                    Ok(_) if buf.iter().all(u8::is_ascii_whitespace) => continue,
                    Ok(_) => {
                        return Some(
                            serde_json::from_slice::<PracticeRecord>(buf)
                                .map(|r| (*line, r))
                                .map_err(|e| {
                                    problem(
                                        *line,
                                        FieldError::with("error-import-json", "detail", e),
                                    )
                                }),
                        );
                    }
                    Err(e) => {
                        self.ended = true;
                        return Some(Err(problem(
                            *line,
                            FieldError::with("error-import-json", "detail", e),
                        )));
                    }
                }
            },
            Kind::Csv {
                reader,
                headers,
                record,
            } => {
                let problem = |e: csv::Error| ImportProblem {
                    line: e.position().map(|p| p.line() as usize).unwrap_or(0),
                    field: "line".into(),
                    error: FieldError::with("error-import-csv", "detail", e),
                };
                match reader.read_record(record) {
                    Ok(false) => None,
                    Ok(true) => {
                        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
                        Some(
                            record
                                .deserialize::<CsvRecord>(Some(headers))
                                .map(|r| (line, r.read_from_csv().into()))
                                .map_err(problem),
                        )
                    }
                    Err(e) => {
                        self.ended |= matches!(e.kind(), csv::ErrorKind::Io(_));
                        Some(Err(problem(e)))
                    }
                }
            }
        }
    }
}
