//! Uploaded files: which kinds are accepted, decided from their content (never from their name),
//! and safe file names for downloads.

use super::errors::FieldError;

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

/// The media type of `bytes`, if it is a kind we accept. Plain text must be UTF-8 without NUL
/// bytes and must not look like markup: HTML or SVG named `.pdf` or `.txt` is refused.
pub fn detect(bytes: &[u8]) -> Result<&'static str, FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::new("error-file-empty"));
    }
    if let Some(kind) = infer::get(bytes) {
        return ACCEPTED
            .iter()
            .find(|a| **a == kind.mime_type())
            .copied()
            .ok_or_else(|| FieldError::with("error-file-type", "value", kind.mime_type()));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| FieldError::with("error-file-type", "value", "binary"))?;
    let head = text
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
    if text.contains('\0') || markup.iter().any(|m| head.contains(m)) {
        return Err(FieldError::with("error-file-type", "value", "html"));
    }
    Ok("text/plain")
}

/// A download name: the given name's last path part, without control characters or quotes,
/// at most 120 characters; `file` when nothing is left.
pub fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';' | '\\'))
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
    fn download_names_cannot_escape_or_break_headers() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("C:\\\\docs\\\\plan.pdf"), "plan.pdf");
        assert_eq!(safe_name("a\"b;c\r\n.pdf"), "abc.pdf");
        assert_eq!(safe_name(".."), "file");
    }
}
