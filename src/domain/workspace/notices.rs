//! Notices: what a person should hear of (a step of a practice or a visit they take part in, the
//! result of a call they asked in, a question about their report), kept in the app and, as each
//! member chooses per kind, also sent by e-mail at once or in a daily digest.

use serde::{Deserialize, Serialize};

use crate::domain::{FieldError, FieldErrors};

/// The network-local hour from which the daily digest goes out.
pub const DIGEST_HOUR: u8 = 7;

/// At `at` (Unix seconds), the moment before which notices belong in today's digest: the start
/// of the network's local day, once its clock shows [`DIGEST_HOUR`]; `None` before that hour.
pub fn digest_before(at: i64) -> Option<i64> {
    use time::{Duration, PrimitiveDateTime, Time};
    let local = crate::domain::local_time::local(at)?;
    if local.hour() < DIGEST_HOUR {
        return None;
    }
    let midnight = PrimitiveDateTime::new(local.date(), Time::MIDNIGHT);
    // The offset in force at local midnight: the day's switch to or from summer time comes later.
    let offset = crate::domain::local_time::offset_at(midnight.assume_utc() - Duration::hours(2));
    Some(midnight.assume_offset(offset).unix_timestamp())
}

/// What a notice is about; members choose the delivery per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// A step of a practice they wrote, review or coordinate.
    Practice,
    /// A step of a visit they make or host.
    Visit,
    /// The result of a call they asked in.
    Call,
    /// A question about their learning report.
    Report,
}

impl NoticeKind {
    /// Every kind, in the order the preferences form shows them.
    pub const ALL: [NoticeKind; 4] = [
        NoticeKind::Practice,
        NoticeKind::Visit,
        NoticeKind::Call,
        NoticeKind::Report,
    ];

    /// The stored and form name.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Practice => "practice",
            NoticeKind::Visit => "visit",
            NoticeKind::Call => "call",
            NoticeKind::Report => "report",
        }
    }

    /// The kind a stored name stands for.
    pub fn parse(s: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How a member hears of notices of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Delivery {
    /// In the app only.
    App,
    /// In the app and by e-mail at once.
    #[default]
    Email,
    /// In the app and in one e-mail a day.
    Digest,
}

impl Delivery {
    /// Every choice, in the order the form offers them.
    pub const ALL: [Delivery; 3] = [Delivery::App, Delivery::Email, Delivery::Digest];

    /// The stored and form name.
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::App => "app",
            Delivery::Email => "email",
            Delivery::Digest => "digest",
        }
    }

    /// The choice a stored or sent name stands for.
    pub fn parse(s: &str) -> Option<Delivery> {
        Delivery::ALL.into_iter().find(|d| d.as_str() == s.trim())
    }
}

/// The preferences form: one choice per kind, named by the kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NoticeChoicesForm {
    /// Practices.
    pub practice: String,
    /// Visits.
    pub visit: String,
    /// Calls.
    pub call: String,
    /// Reports.
    pub report: String,
}

impl NoticeChoicesForm {
    /// The choice per kind; an unknown or missing choice is a field error on its kind.
    pub fn parse(&self) -> Result<Vec<(NoticeKind, Delivery)>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut out = Vec::new();
        for (kind, sent) in [
            (NoticeKind::Practice, &self.practice),
            (NoticeKind::Visit, &self.visit),
            (NoticeKind::Call, &self.call),
            (NoticeKind::Report, &self.report),
        ] {
            match Delivery::parse(sent) {
                Some(d) => out.push((kind, d)),
                None => errors.add(kind.as_str(), FieldError::new("error-choice")),
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
    fn each_kind_needs_one_of_the_three_deliveries() {
        let form = NoticeChoicesForm {
            practice: "digest".into(),
            visit: " email ".into(),
            call: "app".into(),
            report: "fax".into(),
        };
        let errors = form.parse().expect_err("fax is no delivery");
        assert!(errors.get("report").is_some());
        assert!(errors.get("practice").is_none());
        let form = NoticeChoicesForm {
            report: "app".into(),
            ..form
        };
        let choices = form.parse().expect("valid");
        assert_eq!(choices[0], (NoticeKind::Practice, Delivery::Digest));
        assert_eq!(choices[1], (NoticeKind::Visit, Delivery::Email));
    }

    #[test]
    fn the_digest_takes_the_days_before_once_seven_oclock_has_struck_in_the_network() {
        use time::macros::datetime;
        // 7 December 2026, 06:30 UTC is 07:30 in Luxembourg (winter time).
        let at = datetime!(2026-12-07 06:30 UTC).unix_timestamp();
        assert_eq!(
            digest_before(at),
            Some(datetime!(2026-12-06 23:00 UTC).unix_timestamp())
        );
        assert_eq!(
            digest_before(datetime!(2026-12-07 05:30 UTC).unix_timestamp()),
            None
        );
        // Summer time: local midnight is 22:00 UTC the day before.
        let at = datetime!(2027-07-01 12:00 UTC).unix_timestamp();
        assert_eq!(
            digest_before(at),
            Some(datetime!(2027-06-30 22:00 UTC).unix_timestamp())
        );
    }

    #[test]
    fn names_read_back() {
        for k in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(k.as_str()), Some(k));
        }
        for d in Delivery::ALL {
            assert_eq!(Delivery::parse(d.as_str()), Some(d));
        }
    }
}
