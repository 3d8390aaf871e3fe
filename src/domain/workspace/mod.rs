//! The workspace: the site's own pages (the imprint and the privacy notice, written by the
//! operator's administrators in each interface language) and the notices people receive.

pub mod notices;

use serde::{Deserialize, Serialize};

use crate::domain::values::optional_text;
use crate::domain::{FieldErrors, Locale};

/// The longest text of a site page, in characters.
pub const SITE_PAGE_MAX: usize = 20_000;

/// A page every operator must publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SitePage {
    /// Who runs the site (Impressum, mentions légales).
    Imprint,
    /// What is stored about whom and why (Datenschutz, confidentialité).
    Privacy,
}

impl SitePage {
    /// Both pages.
    pub const ALL: [SitePage; 2] = [SitePage::Imprint, SitePage::Privacy];

    /// The URL and stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SitePage::Imprint => "imprint",
            SitePage::Privacy => "privacy",
        }
    }

    /// The page a stored or URL name stands for.
    pub fn parse(s: &str) -> Option<SitePage> {
        SitePage::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// A site page as its form sends it: Markdown in each interface language, any of them empty.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SitePageForm {
    /// German.
    pub de: String,
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

impl SitePageForm {
    /// The texts by language, trimmed; field errors name the language's field.
    pub fn parse(&self) -> Result<Vec<(Locale, String)>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut out = Vec::new();
        for (locale, text) in [
            (Locale::De, &self.de),
            (Locale::Fr, &self.fr),
            (Locale::En, &self.en),
        ] {
            match optional_text(text, SITE_PAGE_MAX) {
                Ok(text) => out.push((locale, text.unwrap_or_default())),
                Err(e) => errors.add(locale.code(), e),
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_page_form_keeps_each_language_and_refuses_what_is_too_long() {
        let ok = SitePageForm {
            de: " Betreiber: Stadt Trier ".into(),
            fr: String::new(),
            en: "Operator".into(),
        };
        let texts = ok.parse().expect("valid");
        assert_eq!(texts[0], (Locale::De, "Betreiber: Stadt Trier".to_owned()));
        assert_eq!(texts[1].1, "");
        let long = SitePageForm {
            fr: "x".repeat(SITE_PAGE_MAX + 1),
            ..Default::default()
        };
        let errors = long.parse().expect_err("too long");
        assert_eq!(errors.get("fr").map(|e| e.key), Some("error-too-long"));
        assert_eq!(SitePage::parse("privacy"), Some(SitePage::Privacy));
        assert_eq!(SitePage::parse("cookies"), None);
    }
}
