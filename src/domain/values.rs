//! Small value types that can only hold valid values: slugs, e-mail addresses, languages,
//! country codes, theme keys, web addresses and bounded text.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::errors::FieldError;

/// Folds text for case- and accent-insensitive lookups: "Café Bär" → "cafe bar".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push_str(&deunicode::deunicode_char(c).unwrap_or("").to_lowercase());
        }
    }
    out
}

/// Whether `s` (trimmed) is one line of text that shows something: a letter or digit, and no
/// control or format character, line or paragraph separator, private-use character, or code
/// point Unicode marks as ignorable (zero-width spaces and joiners, direction marks and
/// overrides, soft hyphens, variation selectors, fillers, tags). Empty text passes (whether a
/// value is required is checked elsewhere).
pub fn visible_line(s: &str) -> bool {
    let s = s.trim();
    s.is_empty() || (s.chars().any(char::is_alphanumeric) && !s.chars().any(hidden))
}

/// A character that shows nothing, breaks the line or turns text around.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            // Default_Ignorable_Code_Point (Unicode DerivedCoreProperties).
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}'
            // Line and paragraph separators, interlinear annotation, other format characters.
            | '\u{2028}' | '\u{2029}' | '\u{FFF9}'..='\u{FFFB}' | '\u{0600}'..='\u{0605}'
            | '\u{06DD}' | '\u{070F}' | '\u{08E2}' | '\u{110BD}' | '\u{110CD}'
            // Private use, and the blank Braille cell.
            | '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}' | '\u{2800}')
}

/// URL-safe identifier: lowercase ASCII letters, digits and single hyphens; 1–80 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    /// The longest slug accepted.
    pub const MAX: usize = 80;

    /// Makes a slug from a human name: "Café Bär, Trier-West" → "cafe-baer-trier-west".
    pub fn from_name(name: &str) -> Option<Self> {
        let mut ascii = String::new();
        for c in name.chars() {
            match c {
                'ä' | 'Ä' => ascii.push_str("ae"),
                'ö' | 'Ö' => ascii.push_str("oe"),
                'ü' | 'Ü' => ascii.push_str("ue"),
                'ß' => ascii.push_str("ss"),
                _ => ascii.push_str(&deunicode::deunicode_char(c).unwrap_or("-").to_lowercase()),
            }
        }
        let mut slug = String::new();
        for c in ascii.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let mut slug: String = slug.chars().take(Self::MAX).collect();
        while slug.ends_with('-') {
            slug.pop();
        }
        Slug::try_from(slug).ok()
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first of `slug-2`, `slug-3`… that `taken` does not claim (the base shortened when
    /// the number would not fit): two records of the same name get distinct addresses.
    pub fn first_free(&self, taken: impl Fn(&str) -> bool) -> Slug {
        if !taken(&self.0) {
            return self.clone();
        }
        // Bounded, so that a claim on every address cannot hold the caller forever.
        (2u32..100_000)
            .map(|n| {
                let suffix = format!("-{n}");
                let base =
                    self.0[..self.0.len().min(Self::MAX - suffix.len())].trim_end_matches('-');
                Slug(format!("{base}{suffix}"))
            })
            .find(|s| !taken(&s.0))
            .unwrap_or_else(|| self.clone())
    }
}

impl TryFrom<String> for Slug {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        let ok_chars = s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if s.is_empty() {
            Err(FieldError::new("error-required"))
        } else if s.len() > Self::MAX {
            Err(FieldError::with("error-too-long", "max", Self::MAX))
        } else if !ok_chars || s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            Err(FieldError::new("error-slug"))
        } else {
            Ok(Slug(s))
        }
    }
}

impl TryFrom<&str> for Slug {
    type Error = FieldError;
    fn try_from(s: &str) -> Result<Self, FieldError> {
        Slug::try_from(s.to_owned())
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An e-mail address: one `@`, a non-empty local part, a domain with a dot; at most 254 characters;
/// stored lowercased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        let s = s.trim().to_lowercase();
        if s.is_empty() {
            return Err(FieldError::new("error-required"));
        }
        if s.len() > 254 {
            return Err(FieldError::with("error-too-long", "max", 254));
        }
        let valid = match s.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    // `.invalid` never receives mail (RFC 2606); erased accounts keep such an
                    // address, so nobody may take one.
                    && !domain.ends_with(".invalid")
                    && !s
                        .chars()
                        .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
            }
            None => false,
        };
        if valid {
            Ok(Email(s))
        } else {
            Err(FieldError::new("error-email"))
        }
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A language the interface is written in: the locale in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Deutsch.
    De,
    /// Français.
    Fr,
    /// English.
    En,
}

impl Locale {
    /// Every interface language, in the order the switcher shows them.
    pub const ALL: [Locale; 3] = [Locale::De, Locale::Fr, Locale::En];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    /// Parses an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The best interface language for an `Accept-Language` header; English when nothing fits.
    pub fn negotiate(accept_language: &str) -> Locale {
        let mut best: Option<(f32, Locale)> = None;
        for part in accept_language.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(locale) = Locale::from_code(primary)
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, locale));
            }
        }
        best.map(|(_, l)| l).unwrap_or(Locale::En)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language content can be written in: the interface languages plus Luxembourgish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum ContentLang {
    /// Deutsch.
    De,
    /// Français.
    Fr,
    /// English.
    En,
    /// Lëtzebuergesch.
    Lb,
}

impl ContentLang {
    /// Every content language.
    pub const ALL: [ContentLang; 4] = [
        ContentLang::De,
        ContentLang::Fr,
        ContentLang::En,
        ContentLang::Lb,
    ];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            ContentLang::De => "de",
            ContentLang::Fr => "fr",
            ContentLang::En => "en",
            ContentLang::Lb => "lb",
        }
    }
}

impl From<Locale> for ContentLang {
    fn from(l: Locale) -> Self {
        match l {
            Locale::De => ContentLang::De,
            Locale::Fr => ContentLang::Fr,
            Locale::En => ContentLang::En,
        }
    }
}

impl TryFrom<String> for ContentLang {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        ContentLang::try_from(s.as_str())
    }
}

impl TryFrom<&str> for ContentLang {
    type Error = FieldError;
    fn try_from(s: &str) -> Result<Self, FieldError> {
        match s.trim() {
            "" => Err(FieldError::new("error-required")),
            code => ContentLang::ALL
                .into_iter()
                .find(|l| l.code() == code)
                .ok_or_else(|| FieldError::new("error-choice")),
        }
    }
}

impl From<ContentLang> for String {
    fn from(l: ContentLang) -> String {
        l.code().to_owned()
    }
}

/// A language people speak or an organisation works in: one of the ISO 639-1 codes the
/// interface can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode(&'static str);

impl LanguageCode {
    /// The codes the interface has a name for (`language-xx` in the Fluent files).
    pub const KNOWN: [&'static str; 22] = [
        "de", "fr", "en", "lb", "pt", "it", "es", "nl", "pl", "ro", "ru", "tr", "ar", "fa", "uk",
        "sq", "sr", "hr", "bs", "ku", "ti", "so",
    ];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// Every known language.
    pub fn all() -> impl Iterator<Item = LanguageCode> {
        Self::KNOWN.into_iter().map(LanguageCode)
    }
}

impl TryFrom<&str> for LanguageCode {
    type Error = FieldError;
    fn try_from(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        Self::KNOWN
            .into_iter()
            .find(|k| *k == s)
            .map(LanguageCode)
            .ok_or_else(|| FieldError::with("error-language", "value", s))
    }
}

impl TryFrom<String> for LanguageCode {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        LanguageCode::try_from(s.as_str())
    }
}

impl From<LanguageCode> for String {
    fn from(l: LanguageCode) -> String {
        l.0.to_owned()
    }
}

/// An ISO 3166-1 alpha-2 country code, stored upper-case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode(String);

impl CountryCode {
    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CountryCode {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        let s = s.trim().to_ascii_uppercase();
        if s.is_empty() {
            Err(FieldError::new("error-required"))
        } else if s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(CountryCode(s))
        } else {
            Err(FieldError::new("error-country-code"))
        }
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.0
    }
}

/// The key of a theme in the taxonomy (`employment`, `civic-education`): a slug.
pub type ThemeKey = Slug;

/// A web address with an `http` or `https` scheme and a host; at most 500 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WebUrl(String);

impl WebUrl {
    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for WebUrl {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        let s = s.trim().to_owned();
        if s.len() > 500 {
            return Err(FieldError::with("error-too-long", "max", 500));
        }
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"));
        let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
        match host {
            Some(h)
                if h.contains('.')
                    && !h.chars().any(|c| c.is_whitespace() || c == '<' || c == '"') =>
            {
                Ok(WebUrl(s))
            }
            _ => Err(FieldError::new("error-url")),
        }
    }
}

impl From<WebUrl> for String {
    fn from(u: WebUrl) -> String {
        u.0
    }
}

/// Trimmed text that is required and at most `max` characters long.
pub fn required_text(s: &str, max: usize) -> Result<String, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        Err(FieldError::new("error-required"))
    } else {
        optional_text(s, max).map(|o| o.unwrap_or_default())
    }
}

/// Trimmed text of at most `max` characters; empty becomes `None`.
pub fn optional_text(s: &str, max: usize) -> Result<Option<String>, FieldError> {
    let s = s.trim();
    if s.chars().count() > max {
        Err(FieldError::with("error-too-long", "max", max))
    } else if s
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        Err(FieldError::new("error-control-char"))
    } else if s.is_empty() {
        Ok(None)
    } else {
        Ok(Some(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visible_line_shows_something_and_stays_one_line() {
        for ok in [
            "Frauen",
            "Personnes âgées",
            "Eltern & Kinder",
            "Café Bär",
            "",
        ] {
            assert!(visible_line(ok), "{ok:?}");
        }
        for bad in [
            "a\u{2028}b",
            "a\u{2029}b",
            "a\u{061C}b",
            "a\u{034F}b",
            "a\u{180E}b",
            "a\u{FE0F}",
            "a\u{E0041}",
            "a\u{FFF9}b",
            "\u{3164}",
            "a\u{2800}",
            "a\nb",
            "a\tb",
            "a\u{200B}b",
            "gni\u{202E}rts",
            "a\u{00AD}b",
            "\u{E000}a",
            "---",
        ] {
            assert!(!visible_line(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_taken_slug_gets_the_first_free_number() {
        let slug = Slug::try_from("sprachcafe").expect("slug");
        assert_eq!(slug.first_free(|_| false).as_str(), "sprachcafe");
        let taken = ["sprachcafe", "sprachcafe-2"];
        assert_eq!(
            slug.first_free(|s| taken.contains(&s)).as_str(),
            "sprachcafe-3"
        );
        let long = Slug::try_from("a".repeat(Slug::MAX)).expect("slug");
        let free = long.first_free(|s| s == "a".repeat(Slug::MAX));
        assert!(
            free.as_str().ends_with("-2") && free.as_str().len() == Slug::MAX,
            "{free:?}"
        );
    }

    #[test]
    fn a_slug_with_an_uppercase_letter_is_rejected() {
        assert_eq!(Slug::try_from("Trier").unwrap_err().key, "error-slug");
    }

    #[test]
    fn slugs_reject_double_and_edge_hyphens() {
        for bad in ["-a", "a-", "a--b", "a b", "é"] {
            assert!(Slug::try_from(bad).is_err(), "{bad} should be rejected");
        }
        assert!(Slug::try_from("cafe-baer-2").is_ok());
    }

    #[test]
    fn a_slug_made_from_a_german_name_spells_out_umlauts() {
        let slug = Slug::from_name("Café Bär, Trier-West").expect("slug");
        assert_eq!(slug.as_str(), "cafe-baer-trier-west");
        assert_eq!(
            Slug::from_name("Ausländerbeirat Saarbrücken")
                .expect("slug")
                .as_str(),
            "auslaenderbeirat-saarbruecken"
        );
        assert!(Slug::from_name("!!!").is_none());
    }

    #[test]
    fn emails_are_lowercased_and_checked() {
        assert_eq!(
            Email::try_from("Zib@Saarbruecken.Example ".to_owned())
                .expect("ok")
                .as_str(),
            "zib@saarbruecken.example"
        );
        for bad in ["", "no-at", "a@b", "a@@b.c", "a b@c.de", "@c.de"] {
            assert!(
                Email::try_from(bad.to_owned()).is_err(),
                "{bad} should be rejected"
            );
        }
    }

    #[test]
    fn accept_language_picks_the_best_supported_locale() {
        assert_eq!(Locale::negotiate("fr-LU,fr;q=0.9,de;q=0.8"), Locale::Fr);
        assert_eq!(Locale::negotiate("lb, de;q=0.7, en;q=0.9"), Locale::En);
        assert_eq!(Locale::negotiate("pt-PT"), Locale::En);
        assert_eq!(Locale::negotiate(""), Locale::En);
        assert_eq!(Locale::negotiate("de-DE;q=0"), Locale::En);
    }

    #[test]
    fn web_addresses_need_a_scheme_and_a_host() {
        assert!(WebUrl::try_from("https://www.trier.de/x".to_owned()).is_ok());
        for bad in [
            "www.trier.de",
            "javascript:alert(1)",
            "https://",
            "ftp://a.b",
        ] {
            assert!(
                WebUrl::try_from(bad.to_owned()).is_err(),
                "{bad} should be rejected"
            );
        }
    }

    #[test]
    fn text_limits_count_characters_not_bytes() {
        assert!(required_text("ääää", 4).is_ok());
        assert_eq!(required_text("ääääa", 4).unwrap_err().key, "error-too-long");
        assert_eq!(required_text("  ", 4).unwrap_err().key, "error-required");
    }
}
