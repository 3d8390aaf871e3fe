//! Visits of the exchange programme: a member's request (for a placement, or open), its
//! lifecycle from requested to reported, and the dates a host fixes. The learning report written
//! afterwards (`report.rs`) and the agreement checklist's items (`checklist.rs`) live beside it
//! and are re-exported here. Forms arrive as strings and are checked here; whether the placement,
//! themes, cities and practices exist is for `app`, who may take a step for `permission::can`.

use serde::{Deserialize, Serialize};
use time::{Date, Time};

use crate::domain::errors::{FieldError, FieldErrors};
pub use crate::domain::exchange::checklist::{
    CHECKLIST_LABEL_MAX, ChecklistItemForm, checklist_item,
};
use crate::domain::exchange::placement::{LENGTH_MAX, NOTE_MAX, list, number, parse_day};
pub use crate::domain::exchange::report::{
    FOLLOW_UP_DAYS, Intention, REPORT_PRACTICES_MAX, Report, ReportForm,
};
use crate::domain::exchange::{Span, Unplaceable, why_not};
use crate::domain::values::{LanguageCode, Slug, ThemeKey, optional_text, required_text};

/// The longest span of possible dates a request may name.
pub const POSSIBLE_DAYS_MAX: i64 = 366;
/// The longest message, reason or report section.
pub const MESSAGE_MAX: usize = NOTE_MAX;
/// The longest meeting point.
pub const PLACE_MAX: usize = 300;

/// Where a visit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitStatus {
    /// An open request: no placement chosen yet.
    Open,
    /// Asked of a host.
    Requested,
    /// The host said yes; a place in the window is held.
    Accepted,
    /// The host said no.
    Declined,
    /// Dates, agenda and meeting point fixed.
    Scheduled,
    /// It took place.
    Done,
    /// The visitor wrote the learning report.
    Reported,
    /// Called off by either side.
    Cancelled,
}

impl VisitStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [VisitStatus; 8] = [
        VisitStatus::Open,
        VisitStatus::Requested,
        VisitStatus::Accepted,
        VisitStatus::Declined,
        VisitStatus::Scheduled,
        VisitStatus::Done,
        VisitStatus::Reported,
        VisitStatus::Cancelled,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            VisitStatus::Open => "open",
            VisitStatus::Requested => "requested",
            VisitStatus::Accepted => "accepted",
            VisitStatus::Declined => "declined",
            VisitStatus::Scheduled => "scheduled",
            VisitStatus::Done => "done",
            VisitStatus::Reported => "reported",
            VisitStatus::Cancelled => "cancelled",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<VisitStatus> {
        VisitStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Whether the visit holds a place in its window (counts against the capacity).
    pub fn holds_place(self) -> bool {
        matches!(
            self,
            VisitStatus::Accepted
                | VisitStatus::Scheduled
                | VisitStatus::Done
                | VisitStatus::Reported
        )
    }

    /// The status after `step`, or `None` when the step is not possible from here.
    pub fn after(self, step: Step) -> Option<VisitStatus> {
        use VisitStatus::*;
        match (self, step) {
            (Open, Step::Request) => Some(Requested),
            (Requested, Step::Accept) => Some(Accepted),
            (Requested, Step::Decline) => Some(Declined),
            (Accepted | Scheduled, Step::Schedule) => Some(Scheduled),
            (Scheduled, Step::Complete) => Some(Done),
            (Done, Step::Report) | (Reported, Step::Report) => Some(Reported),
            (Open | Requested | Accepted | Scheduled, Step::Cancel) => Some(Cancelled),
            _ => None,
        }
    }
}

/// A step of the lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The visitor asks a host (an open request names a placement).
    Request,
    /// The host says yes.
    Accept,
    /// The host says no.
    Decline,
    /// The host fixes dates, agenda and meeting point (again, to change them).
    Schedule,
    /// Either side records that the visit took place.
    Complete,
    /// The visitor writes (or revises) the learning report.
    Report,
    /// Either side calls it off, with a reason.
    Cancel,
}

impl Step {
    /// Every step.
    pub const ALL: [Step; 7] = [
        Step::Request,
        Step::Accept,
        Step::Decline,
        Step::Schedule,
        Step::Complete,
        Step::Report,
        Step::Cancel,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Request => "request",
            Step::Accept => "accept",
            Step::Decline => "decline",
            Step::Schedule => "schedule",
            Step::Complete => "complete",
            Step::Report => "report",
            Step::Cancel => "cancel",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Which side takes it.
    pub fn taken_by(self) -> Sides {
        match self {
            Step::Request | Step::Report => Sides::Visitor,
            Step::Accept | Step::Decline | Step::Schedule => Sides::Host,
            Step::Complete | Step::Cancel => Sides::Either,
        }
    }
}

/// Who may take a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sides {
    /// Only the visitor.
    Visitor,
    /// Only the host.
    Host,
    /// Either of them.
    Either,
}

/// One of the two sides of a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The one who visits.
    Visitor,
    /// The host organisation.
    Host,
}

impl Side {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Visitor => "visitor",
            Side::Host => "host",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<Side> {
        match s {
            "visitor" => Some(Side::Visitor),
            "host" => Some(Side::Host),
            _ => None,
        }
    }
}

/// What the permission rule needs to know about one visit and the person asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisitFacts {
    /// Where it stands.
    pub status: VisitStatus,
    /// The asker is the visitor.
    pub visitor: bool,
    /// The asker may act for the host organisation (its editors).
    pub host: bool,
    /// Its first day has come (a visit is recorded as having taken place only from then on).
    pub started: bool,
}

/// A request as typed: for a placement (its slug) or open (no placement).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestForm {
    /// The placement asked for (slug); empty for an open request.
    pub placement: String,
    /// First possible day (YYYY-MM-DD).
    pub start: String,
    /// Last possible day (YYYY-MM-DD).
    pub end: String,
    /// Days wanted (open requests; a placement's own length counts otherwise).
    #[serde(deserialize_with = "crate::domain::exchange::placement::text_or_number")]
    pub length_days: String,
    /// Themes the visitor wants to learn about.
    pub themes: Vec<String>,
    /// Preferred host cities (slugs; open requests).
    pub cities: Vec<String>,
    /// Languages the visitor speaks.
    pub languages: Vec<String>,
    /// What the visitor wants to learn.
    pub goal: String,
}

/// A checked request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The placement asked for, if any.
    pub placement: Option<Slug>,
    /// The days the visitor could come.
    pub possible: Span,
    /// Days wanted.
    pub length_days: u32,
    /// Themes.
    pub themes: Vec<ThemeKey>,
    /// Preferred cities.
    pub cities: Vec<Slug>,
    /// Languages spoken.
    pub languages: Vec<LanguageCode>,
    /// What the visitor wants to learn.
    pub goal: String,
}

/// The placement side a request for it is checked against.
#[derive(Debug, Clone)]
pub struct Target<'a> {
    /// Whether the visitor works for the host.
    pub own_organisation: bool,
    /// Its windows.
    pub windows: &'a [Span],
    /// Its length of stay.
    pub length_days: u32,
}

/// The possible dates: real days, in order, not before `today`, at most a year apart.
pub(crate) fn possible_span(
    e: &mut FieldErrors,
    start: &str,
    end: &str,
    today: Date,
) -> Option<Span> {
    let first = parse_day(start);
    let last = parse_day(end);
    if first.is_none() {
        e.add("start", FieldError::new("error-day"));
    }
    if last.is_none() {
        e.add("end", FieldError::new("error-day"));
    }
    let (first, last) = (first?, last?);
    if first < today {
        e.add("start", FieldError::new("error-day-past"));
        return None;
    }
    let Some(span) = Span::new(first, last) else {
        e.add("end", FieldError::new("error-day-order"));
        return None;
    };
    if span.days() > POSSIBLE_DAYS_MAX {
        e.add(
            "end",
            FieldError::with("error-span-too-long", "days", POSSIBLE_DAYS_MAX),
        );
        return None;
    }
    Some(span)
}

impl Request {
    /// Checks a request on `today`, against its placement when it names one: the possible dates
    /// must hold a whole stay within one of the placement's windows, and nobody visits their own
    /// organisation.
    pub fn check(
        f: &RequestForm,
        today: Date,
        target: Option<&Target<'_>>,
    ) -> Result<Request, FieldErrors> {
        let mut e = FieldErrors::new();
        let placement = match f.placement.trim() {
            "" => None,
            s => e.check("placement", Slug::try_from(s)),
        };
        let possible = possible_span(&mut e, &f.start, &f.end, today);
        let length_days = match target {
            Some(t) => Some(t.length_days),
            None => e.check("length_days", number(&f.length_days, 1, LENGTH_MAX)),
        };
        let themes = list(&mut e, "themes", &f.themes, |s| ThemeKey::try_from(s));
        let cities = list(&mut e, "cities", &f.cities, |s| Slug::try_from(s));
        let languages = list(&mut e, "languages", &f.languages, |s| {
            LanguageCode::try_from(s)
        });
        if languages.is_empty() && e.get("languages").is_none() {
            e.add("languages", FieldError::new("error-required"));
        }
        let goal = e.check("goal", required_text(&f.goal, MESSAGE_MAX));
        if let (Some(possible), Some(length)) = (possible, length_days) {
            match target {
                Some(t) => {
                    let seeker = crate::domain::exchange::Seeker {
                        organisation: if t.own_organisation { 1 } else { 0 },
                        ..Default::default()
                    };
                    let offer = crate::domain::exchange::Offer {
                        organisation: 1,
                        ..Default::default()
                    };
                    match why_not(&seeker, &offer, t.windows, &[possible], length) {
                        Some(Unplaceable::OwnOrganisation) => {
                            e.add("placement", FieldError::new("error-visit-own-organisation"))
                        }
                        Some(Unplaceable::LongerThanWindows) => e.add(
                            "start",
                            FieldError::with("error-visit-longer-than-windows", "days", length),
                        ),
                        Some(Unplaceable::NoWindowInDates) => e.add(
                            "start",
                            FieldError::with("error-visit-no-window-in-dates", "days", length),
                        ),
                        None => {}
                    }
                }
                None if possible.days() < i64::from(length) => e.add(
                    "end",
                    FieldError::with("error-visit-dates-too-short", "days", length),
                ),
                None => {}
            }
        }
        match (possible, length_days, goal) {
            (Some(possible), Some(length_days), Some(goal)) if e.is_empty() => Ok(Request {
                placement,
                possible,
                length_days,
                themes,
                cities,
                languages,
                goal,
            }),
            _ => Err(e),
        }
    }
}

/// The host's plan for a visit as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleForm {
    /// First day (YYYY-MM-DD).
    pub start: String,
    /// Last day (YYYY-MM-DD).
    pub end: String,
    /// Meeting time on the first day (HH:MM), optional.
    pub start_time: String,
    /// End time on the last day (HH:MM), optional; both times or neither.
    pub end_time: String,
    /// Where to meet.
    pub meeting_point: String,
    /// The programme (Markdown), optional.
    pub agenda: String,
}

/// A checked plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The days of the visit.
    pub days: Span,
    /// Meeting time and end time, when given.
    pub times: Option<(Time, Time)>,
    /// Where to meet.
    pub meeting_point: String,
    /// The programme.
    pub agenda: Option<String>,
}

fn clock(s: &str) -> Option<Time> {
    Time::parse(
        s.trim(),
        time::macros::format_description!("[hour]:[minute]"),
    )
    .ok()
}

impl Schedule {
    /// Checks a plan against the window the visit holds a place in and the placement's length.
    pub fn check(
        f: &ScheduleForm,
        window: Span,
        length_days: u32,
    ) -> Result<Schedule, FieldErrors> {
        let mut e = FieldErrors::new();
        let first = parse_day(&f.start);
        let last = parse_day(&f.end);
        if first.is_none() {
            e.add("start", FieldError::new("error-day"));
        }
        if last.is_none() {
            e.add("end", FieldError::new("error-day"));
        }
        let mut days = None;
        if let (Some(first), Some(last)) = (first, last) {
            match Span::new(first, last) {
                None => e.add("end", FieldError::new("error-day-order")),
                Some(span) if span.overlap(window) != Some(span) => e.add(
                    "start",
                    FieldError::with("error-visit-outside-window", "start", window.start)
                        .and("end", window.end),
                ),
                Some(span) if span.days() > i64::from(length_days) => e.add(
                    "end",
                    FieldError::with("error-visit-too-long", "days", length_days),
                ),
                Some(span) => days = Some(span),
            }
        }
        let times = match (f.start_time.trim(), f.end_time.trim()) {
            ("", "") => None,
            (s, t) => match (clock(s), clock(t)) {
                (Some(s), Some(t)) if days.is_some_and(|d| d.days() > 1) || s < t => Some((s, t)),
                (Some(_), Some(_)) => {
                    e.add("end_time", FieldError::new("error-time-order"));
                    None
                }
                (a, b) => {
                    if a.is_none() {
                        e.add("start_time", FieldError::new("error-time"));
                    }
                    if b.is_none() {
                        e.add("end_time", FieldError::new("error-time"));
                    }
                    None
                }
            },
        };
        let meeting_point = e.check("meeting_point", required_text(&f.meeting_point, PLACE_MAX));
        let agenda = e.check("agenda", optional_text(&f.agenda, MESSAGE_MAX));
        match (days, meeting_point, agenda) {
            (Some(days), Some(meeting_point), Some(agenda)) if e.is_empty() => Ok(Schedule {
                days,
                times,
                meeting_point,
                agenda,
            }),
            _ => Err(e),
        }
    }
}

/// A message with a step: required when cancelling (the reason), optional otherwise.
pub fn step_message(step: Step, text: &str) -> Result<Option<String>, FieldErrors> {
    let checked = match step {
        Step::Cancel => required_text(text, MESSAGE_MAX).map(Some),
        _ => optional_text(text, MESSAGE_MAX),
    };
    checked.map_err(|e| FieldErrors::one("message", e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn span(a: Date, b: Date) -> Span {
        Span::new(a, b).unwrap()
    }

    #[test]
    fn the_lifecycle_goes_forward_and_can_be_cancelled_until_done() {
        use VisitStatus::*;
        assert_eq!(Open.after(Step::Request), Some(Requested));
        assert_eq!(Requested.after(Step::Accept), Some(Accepted));
        assert_eq!(Requested.after(Step::Decline), Some(Declined));
        assert_eq!(Requested.after(Step::Schedule), None);
        assert_eq!(Accepted.after(Step::Schedule), Some(Scheduled));
        assert_eq!(Scheduled.after(Step::Schedule), Some(Scheduled));
        assert_eq!(Scheduled.after(Step::Complete), Some(Done));
        assert_eq!(Accepted.after(Step::Complete), None);
        assert_eq!(Done.after(Step::Report), Some(Reported));
        for s in [Open, Requested, Accepted, Scheduled] {
            assert_eq!(s.after(Step::Cancel), Some(Cancelled), "{s:?}");
        }
        for s in [Declined, Done, Reported, Cancelled] {
            assert_eq!(s.after(Step::Cancel), None, "{s:?}");
        }
        for s in VisitStatus::ALL {
            assert_eq!(VisitStatus::parse(s.as_str()), Some(s));
        }
        for s in Step::ALL {
            assert_eq!(Step::parse(s.as_str()), Some(s));
        }
        assert!(Accepted.holds_place() && Reported.holds_place());
        assert!(!Requested.holds_place() && !Cancelled.holds_place());
    }

    fn form(start: &str, end: &str) -> RequestForm {
        RequestForm {
            start: start.into(),
            end: end.into(),
            length_days: "2".into(),
            languages: vec!["de".into()],
            goal: "Wie das Bewerbungstraining läuft".into(),
            ..Default::default()
        }
    }

    fn field_key(e: &FieldErrors, field: &str) -> Option<&'static str> {
        e.get(field).map(|e| e.key)
    }

    #[test]
    fn a_request_for_a_placement_must_fit_a_window() {
        let today = date!(2027 - 01 - 01);
        let windows = [span(date!(2027 - 05 - 10), date!(2027 - 05 - 14))];
        let target = Target {
            own_organisation: false,
            windows: &windows,
            length_days: 2,
        };
        let mut f = form("2027-05-13", "2027-05-20");
        f.placement = "bewerbungstraining".into();
        let r = Request::check(&f, today, Some(&target)).unwrap();
        assert_eq!(r.length_days, 2);
        // Outside every window.
        let e =
            Request::check(&form("2027-06-01", "2027-06-05"), today, Some(&target)).unwrap_err();
        assert_eq!(
            field_key(&e, "start"),
            Some("error-visit-no-window-in-dates")
        );
        // Only one day of the window within the dates.
        let e =
            Request::check(&form("2027-05-14", "2027-05-30"), today, Some(&target)).unwrap_err();
        assert_eq!(
            field_key(&e, "start"),
            Some("error-visit-no-window-in-dates")
        );
        // Longer than the window.
        let long = Target {
            length_days: 6,
            ..target.clone()
        };
        let e = Request::check(&form("2027-05-01", "2027-05-30"), today, Some(&long)).unwrap_err();
        assert_eq!(
            field_key(&e, "start"),
            Some("error-visit-longer-than-windows")
        );
        // To oneself.
        let own = Target {
            own_organisation: true,
            ..target.clone()
        };
        let e = Request::check(&form("2027-05-10", "2027-05-14"), today, Some(&own)).unwrap_err();
        assert_eq!(
            field_key(&e, "placement"),
            Some("error-visit-own-organisation")
        );
    }

    #[test]
    fn an_open_request_names_real_future_dates_and_a_goal() {
        let today = date!(2027 - 01 - 01);
        assert!(Request::check(&form("2027-02-01", "2027-03-01"), today, None).is_ok());
        let e = Request::check(&form("2026-12-01", "2027-03-01"), today, None).unwrap_err();
        assert_eq!(field_key(&e, "start"), Some("error-day-past"));
        let e = Request::check(&form("2027-03-01", "2027-02-01"), today, None).unwrap_err();
        assert_eq!(field_key(&e, "end"), Some("error-day-order"));
        let e = Request::check(&form("2027-03-01", "2027-03-01"), today, None).unwrap_err();
        assert_eq!(field_key(&e, "end"), Some("error-visit-dates-too-short"));
        let e = Request::check(&form("2027-02-30", "x"), today, None).unwrap_err();
        assert_eq!(field_key(&e, "start"), Some("error-day"));
        assert_eq!(field_key(&e, "end"), Some("error-day"));
        let e = Request::check(&form("2027-02-01", "2028-06-01"), today, None).unwrap_err();
        assert_eq!(field_key(&e, "end"), Some("error-span-too-long"));
        let mut f = form("2027-02-01", "2027-03-01");
        f.goal = " ".into();
        f.languages.clear();
        let e = Request::check(&f, today, None).unwrap_err();
        assert_eq!(field_key(&e, "goal"), Some("error-required"));
        assert_eq!(field_key(&e, "languages"), Some("error-required"));
    }

    #[test]
    fn a_schedule_stays_within_the_window_and_the_length() {
        let window = span(date!(2027 - 05 - 10), date!(2027 - 05 - 14));
        let plan = |s: &str, e: &str, t0: &str, t1: &str| ScheduleForm {
            start: s.into(),
            end: e.into(),
            start_time: t0.into(),
            end_time: t1.into(),
            meeting_point: "Rathaus, Eingang B".into(),
            agenda: String::new(),
        };
        let ok = Schedule::check(
            &plan("2027-05-11", "2027-05-12", "09:00", "16:30"),
            window,
            2,
        )
        .unwrap();
        assert_eq!(ok.days.days(), 2);
        assert!(ok.times.is_some());
        let e = Schedule::check(&plan("2027-05-13", "2027-05-15", "", ""), window, 3).unwrap_err();
        assert_eq!(field_key(&e, "start"), Some("error-visit-outside-window"));
        let e = Schedule::check(&plan("2027-05-10", "2027-05-12", "", ""), window, 2).unwrap_err();
        assert_eq!(field_key(&e, "end"), Some("error-visit-too-long"));
        let e = Schedule::check(
            &plan("2027-05-10", "2027-05-10", "10:00", "09:00"),
            window,
            2,
        )
        .unwrap_err();
        assert_eq!(field_key(&e, "end_time"), Some("error-time-order"));
        let e =
            Schedule::check(&plan("2027-05-10", "2027-05-10", "25:00", ""), window, 2).unwrap_err();
        assert_eq!(field_key(&e, "start_time"), Some("error-time"));
        assert_eq!(field_key(&e, "end_time"), Some("error-time"));
        let mut no_place = plan("2027-05-10", "2027-05-10", "", "");
        no_place.meeting_point.clear();
        let e = Schedule::check(&no_place, window, 2).unwrap_err();
        assert_eq!(field_key(&e, "meeting_point"), Some("error-required"));
    }

    #[test]
    fn a_cancellation_needs_a_reason_and_a_report_its_sections() {
        assert!(step_message(Step::Cancel, "  ").is_err());
        assert_eq!(step_message(Step::Accept, "").unwrap(), None);
        let e = Report::try_from(&ReportForm {
            intention: "maybe".into(),
            ..Default::default()
        })
        .unwrap_err();
        for f in ["saw", "worked", "take_home"] {
            assert_eq!(field_key(&e, f), Some("error-required"));
        }
        assert_eq!(field_key(&e, "intention"), Some("error-choice"));
        assert!(checklist_item(&ChecklistItemForm::default()).is_err());
        assert_eq!(
            checklist_item(&ChecklistItemForm {
                text_fr: " Assurance ".into(),
                ..Default::default()
            })
            .unwrap()[1],
            "Assurance"
        );
    }
}
