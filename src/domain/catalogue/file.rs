//! Uploaded files: which kinds are accepted, decided from their content (never from their name),
//! and safe file names for downloads.

use crate::domain::errors::FieldError;

/// The kinds of file that may be attached.
pub const ACCEPTED: [&str; 12] = [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/webp",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "text/plain",
    "text/csv",
];

/// How many first bytes tell a file's kind (the signatures `infer` reads, and the start of a
/// text where markup would show).
const HEAD: usize = 64 * 1024;

/// What is learnt about a file as its bytes go by, holding no more than its first bytes: its
/// size, its kind, and whether it is all UTF-8 text without NUL bytes.
#[derive(Debug, Clone)]
pub struct Sniff {
    head: Vec<u8>,
    size: u64,
    text: bool,
    /// The start of a character cut by the end of the last chunk (at most three bytes).
    pending: Vec<u8>,
}

impl Default for Sniff {
    fn default() -> Self {
        Sniff {
            head: Vec::new(),
            size: 0,
            text: true,
            pending: Vec::new(),
        }
    }
}

impl Sniff {
    /// Takes the next bytes of the file.
    pub fn feed(&mut self, mut chunk: &[u8]) {
        self.size += chunk.len() as u64;
        let room = HEAD.saturating_sub(self.head.len()).min(chunk.len());
        self.head.extend_from_slice(&chunk[..room]);
        if !self.text {
            return;
        }
        // Complete a character cut at the end of the last chunk, one byte at a time.
        while !self.pending.is_empty() && !chunk.is_empty() {
            self.pending.push(chunk[0]);
            chunk = &chunk[1..];
            match std::str::from_utf8(&self.pending) {
                Ok(_) => self.pending.clear(),
                Err(e) if e.error_len().is_some() => {
                    self.text = false;
                    return;
                }
                Err(_) => {}
            }
        }
        if chunk.contains(&0) {
            self.text = false;
            return;
        }
        if let Err(e) = std::str::from_utf8(chunk) {
            match e.error_len() {
                None => self.pending = chunk[e.valid_up_to()..].to_vec(),
                Some(_) => self.text = false,
            }
        }
    }

    /// The bytes seen.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Whether every byte so far is UTF-8 text without NUL.
    pub fn is_text(&self) -> bool {
        self.text && self.pending.is_empty()
    }

    /// The media type, if it is a kind we accept. Plain text must be UTF-8 without NUL bytes and
    /// must not look like markup: HTML or SVG named `.pdf` or `.txt` is refused.
    pub fn kind(&self) -> Result<&'static str, FieldError> {
        if self.size == 0 {
            return Err(FieldError::new("error-file-empty"));
        }
        if let Some(kind) = infer::get(&self.head) {
            return ACCEPTED
                .iter()
                .find(|a| **a == kind.mime_type())
                .copied()
                .ok_or_else(|| FieldError::with("error-file-type", "value", kind.mime_type()));
        }
        if !self.is_text() {
            return Err(FieldError::with("error-file-type", "value", "binary"));
        }
        let head = String::from_utf8_lossy(&self.head)
            .trim_start()
            .chars()
            .take(512)
            .collect::<String>()
            .to_ascii_lowercase();
        let markup = [
            "<!doctype",
            "<html",
            "<svg",
            "<script",
            "<?xml",
            "<body",
            "<head",
            "<iframe",
        ];
        if markup.iter().any(|m| head.contains(m)) {
            return Err(FieldError::with("error-file-type", "value", "html"));
        }
        Ok("text/plain")
    }
}

/// The media type of `bytes`, if it is a kind we accept ([`Sniff::kind`]).
pub fn detect(bytes: &[u8]) -> Result<&'static str, FieldError> {
    let mut sniff = Sniff::default();
    sniff.feed(bytes);
    sniff.kind()
}

/// Invisible characters that change how a name is shown: direction overrides and isolates (a
/// name `plan\u{202E}fdp.exe` reads as `planexe.pdf`), zero-width characters and the like.
fn is_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

/// A download name: the given name's last path part, without control characters or quotes,
/// at most 120 characters; `file` when nothing is left.
pub fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && !is_format(*c) && !matches!(c, '"' | ';' | '\\'))
        .take(120)
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_owned();
    if clean.is_empty() {
        "file".to_owned()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_not_the_name() {
        assert_eq!(detect(b"%PDF-1.7\n%...").expect("pdf"), "application/pdf");
        assert_eq!(
            detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("png"),
            "image/png"
        );
        assert_eq!(
            detect("Liste der Treffen\nMontag".as_bytes()).expect("text"),
            "text/plain"
        );
        for hostile in [
            &b"<!DOCTYPE html><script>alert(1)</script>"[..],
            b"  <svg onload=alert(1)>",
            b"MZ\x90\0\x03\0\0\0",
        ] {
            assert_eq!(
                detect(hostile).expect_err("refused").key,
                "error-file-type",
                "{hostile:?}"
            );
        }
        assert_eq!(detect(b"").expect_err("empty").key, "error-file-empty");
    }

    #[test]
    fn a_file_read_in_chunks_is_judged_as_a_whole() {
        let text = "Groß — Übergänge\n".repeat(10_000);
        for size in [1, 2, 3, 7, 4096] {
            let mut sniff = Sniff::default();
            text.as_bytes().chunks(size).for_each(|c| sniff.feed(c));
            assert_eq!(sniff.kind(), Ok("text/plain"), "chunks of {size}");
            assert_eq!(sniff.size(), text.len() as u64);
        }
        // A NUL or a broken character far past the first bytes still makes it binary.
        for bad in [&b"\0"[..], b"\xff", b"\xc3"] {
            let mut sniff = Sniff::default();
            sniff.feed(text.as_bytes());
            sniff.feed(bad);
            assert!(!sniff.is_text(), "{bad:?}");
            assert_eq!(sniff.kind().expect_err("binary").key, "error-file-type");
        }
    }

    #[test]
    fn download_names_cannot_escape_or_break_headers() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("C:\\\\docs\\\\plan.pdf"), "plan.pdf");
        assert_eq!(safe_name("a\"b;c\r\n.pdf"), "abc.pdf");
        assert_eq!(safe_name(".."), "file");
        assert_eq!(safe_name("plan\u{202E}gpj.pdf"), "plangpj.pdf");
        assert_eq!(safe_name("a\u{200B}b\u{2066}.txt"), "ab.txt");
    }
}
