//! Calls for exchanges: a coordinator opens a call over some placements with a deadline; members
//! send one request each, with up to five ranked preferences among its placements and their
//! possible dates; after the deadline the allocation ([`crate::domain::exchange::allocation`]) proposes who goes
//! where, the coordinator may change it by hand, and publishes it.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::errors::{FieldError, FieldErrors};
use crate::domain::exchange::Span;
use crate::domain::exchange::placement::{DESCRIPTION_MAX, TITLE_MAX, list, parse_day};
use crate::domain::exchange::visit::MESSAGE_MAX;
use crate::domain::values::{LanguageCode, Slug, ThemeKey, optional_text, required_text};

/// The most preferences a request ranks.
pub const PREFERENCES_MAX: usize = 5;
/// The most placements a call includes.
pub const CALL_PLACEMENTS_MAX: usize = 200;

/// Where a call stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallStatus {
    /// Takes requests until its deadline.
    Open,
    /// An allocation has been proposed; the coordinator reviews it.
    Proposed,
    /// The allocation is published: granted requests are accepted visits.
    Published,
}

impl CallStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            CallStatus::Open => "open",
            CallStatus::Proposed => "proposed",
            CallStatus::Published => "published",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<CallStatus> {
        match s {
            "open" => Some(CallStatus::Open),
            "proposed" => Some(CallStatus::Proposed),
            "published" => Some(CallStatus::Published),
            _ => None,
        }
    }

    /// Whether members may still send or change requests on `today` with this `deadline`.
    pub fn takes_requests(self, deadline: Date, today: Date) -> bool {
        self == CallStatus::Open && today <= deadline
    }

    /// Whether the coordinator may run (or rerun) the allocation and change it by hand.
    pub fn allocatable(self, deadline: Date, today: Date) -> bool {
        match self {
            CallStatus::Open => today > deadline,
            CallStatus::Proposed => true,
            CallStatus::Published => false,
        }
    }
}

/// A call as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CallForm {
    /// Title.
    pub title: String,
    /// What the call is for (Markdown).
    pub description: String,
    /// Last day to send requests (YYYY-MM-DD).
    pub deadline: String,
    /// The placements included (slugs).
    pub placements: Vec<String>,
}

/// A checked call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Last day for requests.
    pub deadline: Date,
    /// Placements included.
    pub placements: Vec<Slug>,
}

impl Call {
    /// Checks a call made on `today`: a deadline not in the past, one to
    /// [`CALL_PLACEMENTS_MAX`] placements.
    pub fn check(f: &CallForm, today: Date) -> Result<Call, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", required_text(&f.title, TITLE_MAX));
        let description = e.check(
            "description",
            optional_text(&f.description, DESCRIPTION_MAX),
        );
        let deadline = match parse_day(&f.deadline) {
            None => {
                e.add("deadline", FieldError::new("error-day"));
                None
            }
            Some(d) if d < today => {
                e.add("deadline", FieldError::new("error-day-past"));
                None
            }
            Some(d) => Some(d),
        };
        let placements = list(&mut e, "placements", &f.placements, |s| Slug::try_from(s));
        if placements.is_empty() && e.get("placements").is_none() {
            e.add("placements", FieldError::new("error-required"));
        }
        if placements.len() > CALL_PLACEMENTS_MAX {
            e.add(
                "placements",
                FieldError::with("error-too-many", "max", CALL_PLACEMENTS_MAX),
            );
        }
        match (title, description, deadline) {
            (Some(title), Some(description), Some(deadline)) if e.is_empty() => Ok(Call {
                title,
                description,
                deadline,
                placements,
            }),
            _ => Err(e),
        }
    }
}

/// A member's request in a call as typed: preferences in rank order (empty ones skipped).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CallRequestForm {
    /// Placement slugs, first choice first (at most five).
    pub preferences: Vec<String>,
    /// First possible day.
    pub start: String,
    /// Last possible day.
    pub end: String,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Themes of interest.
    pub themes: Vec<String>,
    /// What the member wants to learn.
    pub goal: String,
}

/// A checked request in a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRequest {
    /// Placements, first choice first.
    pub preferences: Vec<Slug>,
    /// The days the member could come.
    pub possible: Span,
    /// Languages.
    pub languages: Vec<LanguageCode>,
    /// Themes.
    pub themes: Vec<ThemeKey>,
    /// What they want to learn.
    pub goal: String,
}

impl CallRequest {
    /// Checks a request: one to five distinct preferences, real dates in order from `today`.
    pub fn check(f: &CallRequestForm, today: Date) -> Result<CallRequest, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut preferences: Vec<Slug> = Vec::new();
        for p in f
            .preferences
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
        {
            match Slug::try_from(p) {
                Ok(s) if preferences.contains(&s) => e.add(
                    "preferences",
                    FieldError::with("error-preference-twice", "value", p),
                ),
                Ok(s) => preferences.push(s),
                Err(err) => e.add("preferences", err),
            }
        }
        if preferences.is_empty() && e.get("preferences").is_none() {
            e.add("preferences", FieldError::new("error-required"));
        }
        if preferences.len() > PREFERENCES_MAX {
            e.add(
                "preferences",
                FieldError::with("error-too-many", "max", PREFERENCES_MAX),
            );
        }
        let possible =
            crate::domain::exchange::visit::possible_span(&mut e, &f.start, &f.end, today);
        let languages = list(&mut e, "languages", &f.languages, |s| {
            LanguageCode::try_from(s)
        });
        if languages.is_empty() && e.get("languages").is_none() {
            e.add("languages", FieldError::new("error-required"));
        }
        let themes = list(&mut e, "themes", &f.themes, |s| ThemeKey::try_from(s));
        let goal = e.check("goal", required_text(&f.goal, MESSAGE_MAX));
        match (possible, goal) {
            (Some(possible), Some(goal)) if e.is_empty() => Ok(CallRequest {
                preferences,
                possible,
                languages,
                themes,
                goal,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_call_needs_a_future_deadline_and_placements() {
        let today = date!(2027 - 01 - 10);
        let good = CallForm {
            title: "Frühjahr 2027".into(),
            deadline: "2027-02-01".into(),
            placements: vec!["buergerhaus-trier-nord".into()],
            ..Default::default()
        };
        assert!(Call::check(&good, today).is_ok());
        let e = Call::check(
            &CallForm {
                deadline: "2027-01-09".into(),
                placements: vec![],
                ..good.clone()
            },
            today,
        )
        .unwrap_err();
        assert_eq!(e.get("deadline").map(|e| e.key), Some("error-day-past"));
        assert_eq!(e.get("placements").map(|e| e.key), Some("error-required"));
    }

    #[test]
    fn a_request_ranks_one_to_five_distinct_placements() {
        let today = date!(2027 - 01 - 10);
        let form = |prefs: &[&str]| CallRequestForm {
            preferences: prefs.iter().map(|s| s.to_string()).collect(),
            start: "2027-03-01".into(),
            end: "2027-04-30".into(),
            languages: vec!["de".into()],
            goal: "Lernen".into(),
            ..Default::default()
        };
        assert_eq!(
            CallRequest::check(&form(&["a", "", "b"]), today)
                .unwrap()
                .preferences
                .len(),
            2
        );
        let e = CallRequest::check(&form(&["a", "a"]), today).unwrap_err();
        assert_eq!(
            e.get("preferences").map(|e| e.key),
            Some("error-preference-twice")
        );
        let e = CallRequest::check(&form(&["a", "b", "c", "d", "e", "f"]), today).unwrap_err();
        assert_eq!(e.get("preferences").map(|e| e.key), Some("error-too-many"));
        let e = CallRequest::check(&form(&[]), today).unwrap_err();
        assert_eq!(e.get("preferences").map(|e| e.key), Some("error-required"));
        assert!(CallStatus::Open.takes_requests(date!(2027 - 01 - 10), today));
        assert!(!CallStatus::Open.allocatable(date!(2027 - 01 - 10), today));
        assert!(CallStatus::Open.allocatable(date!(2027 - 01 - 09), today));
        assert!(!CallStatus::Published.allocatable(date!(2027 - 01 - 09), today));
    }
}
