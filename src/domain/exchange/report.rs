//! The learning report a visitor writes after a visit: what they saw, what worked, what they take
//! home, which practices it concerns, and what they mean to do with it; checked here, the visit's
//! lifecycle is in `visit.rs`.

use serde::{Deserialize, Serialize};

use crate::domain::exchange::visit::MESSAGE_MAX;

use crate::domain::errors::{FieldError, FieldErrors};
use crate::domain::exchange::placement::list;
use crate::domain::values::{ContentLang, Slug, optional_text, required_text};

/// The most practices a report names.
pub const REPORT_PRACTICES_MAX: usize = 10;
/// Days after a report when the visitor is asked what came of it.
pub const FOLLOW_UP_DAYS: i64 = 91;

/// What a learning report says the visitor means to do with what they saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intention {
    /// Nothing.
    None,
    /// Think about it.
    Consider,
    /// Try it out.
    Pilot,
    /// Take it up.
    Adopt,
}

impl Intention {
    /// Every intention.
    pub const ALL: [Intention; 4] = [
        Intention::None,
        Intention::Consider,
        Intention::Pilot,
        Intention::Adopt,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Intention::None => "none",
            Intention::Consider => "consider",
            Intention::Pilot => "pilot",
            Intention::Adopt => "adopt",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<Intention> {
        Intention::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

/// A learning report as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    /// Language the report is written in (de, fr, en, lb).
    pub lang: String,
    /// What the visitor saw.
    pub saw: String,
    /// What worked there.
    pub worked: String,
    /// What they want to take home.
    pub take_home: String,
    /// Practices the visit relates to (slugs).
    pub practices: Vec<String>,
    /// none, consider, pilot or adopt.
    pub intention: String,
    /// What came of it (asked three months later), optional.
    pub outcome: String,
    /// Whether the public may read it.
    pub published: bool,
}

/// A checked learning report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Language it is written in.
    pub lang: ContentLang,
    /// What the visitor saw.
    pub saw: String,
    /// What worked.
    pub worked: String,
    /// What to take home.
    pub take_home: String,
    /// Related practices.
    pub practices: Vec<Slug>,
    /// The intention.
    pub intention: Intention,
    /// What came of it.
    pub outcome: Option<String>,
    /// Public or members only.
    pub published: bool,
}

impl TryFrom<&ReportForm> for Report {
    type Error = FieldErrors;

    fn try_from(f: &ReportForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let lang = e.check("lang", ContentLang::try_from(f.lang.as_str()));
        let saw = e.check("saw", required_text(&f.saw, MESSAGE_MAX));
        let worked = e.check("worked", required_text(&f.worked, MESSAGE_MAX));
        let take_home = e.check("take_home", required_text(&f.take_home, MESSAGE_MAX));
        let practices = list(&mut e, "practices", &f.practices, |s| Slug::try_from(s));
        if practices.len() > REPORT_PRACTICES_MAX {
            e.add(
                "practices",
                FieldError::with("error-too-many", "max", REPORT_PRACTICES_MAX),
            );
        }
        let intention = e.check(
            "intention",
            Intention::parse(&f.intention).ok_or(FieldError::new("error-choice")),
        );
        let outcome = e.check("outcome", optional_text(&f.outcome, MESSAGE_MAX));
        match (lang, saw, worked, take_home, intention, outcome) {
            (
                Some(lang),
                Some(saw),
                Some(worked),
                Some(take_home),
                Some(intention),
                Some(outcome),
            ) if e.is_empty() => Ok(Report {
                lang,
                saw,
                worked,
                take_home,
                practices,
                intention,
                outcome,
                published: f.published,
            }),
            _ => Err(e),
        }
    }
}
