//! Visits in the API: the steps, the request, schedule and report forms, the checklist, and the list's query.

use crate::app::ChecklistLine;
use crate::app::VisitQuery;
use crate::domain::exchange::visit::ChecklistItemForm;
use crate::domain::exchange::visit::ReportForm;
use crate::domain::exchange::visit::RequestForm;
use crate::domain::exchange::visit::ScheduleForm;
use crate::domain::exchange::visit::Side;
use crate::domain::exchange::visit::Step;

/// A step of the lifecycle.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[schema(as = Step)]
#[serde(rename_all = "snake_case")]
pub enum StepBody {
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

impl From<StepBody> for Step {
    fn from(b: StepBody) -> Self {
        match b {
            StepBody::Request => Step::Request,
            StepBody::Accept => Step::Accept,
            StepBody::Decline => Step::Decline,
            StepBody::Schedule => Step::Schedule,
            StepBody::Complete => Step::Complete,
            StepBody::Report => Step::Report,
            StepBody::Cancel => Step::Cancel,
        }
    }
}

impl From<Step> for StepBody {
    fn from(f: Step) -> Self {
        match f {
            Step::Request => StepBody::Request,
            Step::Accept => StepBody::Accept,
            Step::Decline => StepBody::Decline,
            Step::Schedule => StepBody::Schedule,
            Step::Complete => StepBody::Complete,
            Step::Report => StepBody::Report,
            Step::Cancel => StepBody::Cancel,
        }
    }
}

/// One of the two sides of a visit.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[schema(as = Side)]
#[serde(rename_all = "snake_case")]
pub enum SideBody {
    /// The one who visits.
    Visitor,
    /// The host organisation.
    Host,
}

impl From<SideBody> for Side {
    fn from(b: SideBody) -> Self {
        match b {
            SideBody::Visitor => Side::Visitor,
            SideBody::Host => Side::Host,
        }
    }
}

impl From<Side> for SideBody {
    fn from(f: Side) -> Self {
        match f {
            Side::Visitor => SideBody::Visitor,
            Side::Host => SideBody::Host,
        }
    }
}

/// A request as typed: for a placement (its slug) or open (no placement).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = RequestForm)]
#[serde(default)]
pub struct RequestFormBody {
    /// The placement asked for (slug); empty for an open request.
    pub placement: String,
    /// First possible day (YYYY-MM-DD).
    #[schema(required = true)]
    pub start: String,
    /// Last possible day (YYYY-MM-DD).
    #[schema(required = true)]
    pub end: String,
    /// Days wanted (open requests; a placement's own length counts otherwise).
    #[serde(deserialize_with = "crate::domain::exchange::placement::text_or_number")]
    #[schema(required = true)]
    pub length_days: String,
    /// Themes the visitor wants to learn about.
    pub themes: Vec<String>,
    /// Preferred host cities (slugs; open requests).
    pub cities: Vec<String>,
    /// Languages the visitor speaks.
    #[schema(required = true)]
    pub languages: Vec<String>,
    /// What the visitor wants to learn.
    #[schema(required = true)]
    pub goal: String,
}

impl From<RequestFormBody> for RequestForm {
    fn from(b: RequestFormBody) -> Self {
        RequestForm {
            placement: b.placement,
            start: b.start,
            end: b.end,
            length_days: b.length_days,
            themes: b.themes,
            cities: b.cities,
            languages: b.languages,
            goal: b.goal,
        }
    }
}

impl From<RequestForm> for RequestFormBody {
    fn from(f: RequestForm) -> Self {
        RequestFormBody {
            placement: f.placement,
            start: f.start,
            end: f.end,
            length_days: f.length_days,
            themes: f.themes,
            cities: f.cities,
            languages: f.languages,
            goal: f.goal,
        }
    }
}

/// The host's plan for a visit as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = ScheduleForm)]
#[serde(default)]
pub struct ScheduleFormBody {
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

impl From<ScheduleFormBody> for ScheduleForm {
    fn from(b: ScheduleFormBody) -> Self {
        ScheduleForm {
            start: b.start,
            end: b.end,
            start_time: b.start_time,
            end_time: b.end_time,
            meeting_point: b.meeting_point,
            agenda: b.agenda,
        }
    }
}

impl From<ScheduleForm> for ScheduleFormBody {
    fn from(f: ScheduleForm) -> Self {
        ScheduleFormBody {
            start: f.start,
            end: f.end,
            start_time: f.start_time,
            end_time: f.end_time,
            meeting_point: f.meeting_point,
            agenda: f.agenda,
        }
    }
}

/// A learning report as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = ReportForm)]
#[serde(default)]
pub struct ReportFormBody {
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

impl From<ReportFormBody> for ReportForm {
    fn from(b: ReportFormBody) -> Self {
        ReportForm {
            lang: b.lang,
            saw: b.saw,
            worked: b.worked,
            take_home: b.take_home,
            practices: b.practices,
            intention: b.intention,
            outcome: b.outcome,
            published: b.published,
        }
    }
}

impl From<ReportForm> for ReportFormBody {
    fn from(f: ReportForm) -> Self {
        ReportFormBody {
            lang: f.lang,
            saw: f.saw,
            worked: f.worked,
            take_home: f.take_home,
            practices: f.practices,
            intention: f.intention,
            outcome: f.outcome,
            published: f.published,
        }
    }
}

/// An item of the agreement checklist as a coordinator types it: its text in each language
/// (at least one).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = ChecklistItemForm)]
#[serde(default)]
pub struct ChecklistItemFormBody {
    /// German text.
    #[schema(required = true)]
    pub text_de: String,
    /// French text.
    pub text_fr: String,
    /// English text.
    pub text_en: String,
}

impl From<ChecklistItemFormBody> for ChecklistItemForm {
    fn from(b: ChecklistItemFormBody) -> Self {
        ChecklistItemForm {
            text_de: b.text_de,
            text_fr: b.text_fr,
            text_en: b.text_en,
        }
    }
}

impl From<ChecklistItemForm> for ChecklistItemFormBody {
    fn from(f: ChecklistItemForm) -> Self {
        ChecklistItemFormBody {
            text_de: f.text_de,
            text_fr: f.text_fr,
            text_en: f.text_en,
        }
    }
}

/// One item of a visit's agreement checklist and who has confirmed it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
#[schema(as = ChecklistLine)]
pub struct ChecklistLineBody {
    /// Item id.
    pub id: i64,
    /// A built-in item's key; its text is in the message files.
    pub key: Option<String>,
    /// An added item's texts (de, fr, en).
    pub labels: [String; 3],
    /// Confirmed by the visitor.
    pub visitor: bool,
    /// Confirmed by the host.
    pub host: bool,
}

impl From<ChecklistLineBody> for ChecklistLine {
    fn from(b: ChecklistLineBody) -> Self {
        ChecklistLine {
            id: b.id,
            key: b.key,
            labels: b.labels,
            visitor: b.visitor,
            host: b.host,
        }
    }
}

impl From<ChecklistLine> for ChecklistLineBody {
    fn from(f: ChecklistLine) -> Self {
        ChecklistLineBody {
            id: f.id,
            key: f.key,
            labels: f.labels,
            visitor: f.visitor,
            host: f.host,
        }
    }
}

/// Which of the actor's visits to list.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct VisitQueryParams {
    /// Only in this status.
    #[param(pattern = "^(open|requested|accepted|declined|scheduled|done|reported|cancelled)?$")]
    pub status: Option<String>,
    /// Page size (1–200, default 50).
    pub limit: Option<i64>,
    /// Items skipped.
    pub offset: Option<i64>,
}

impl From<VisitQueryParams> for VisitQuery {
    fn from(b: VisitQueryParams) -> Self {
        VisitQuery {
            status: b.status,
            limit: b.limit,
            offset: b.offset,
            own: false,
        }
    }
}
