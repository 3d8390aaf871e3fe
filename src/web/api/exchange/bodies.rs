//! The request and response bodies of the API that mirror domain forms: the OpenAPI schema
//! (field documentation, required fields, patterns) belongs here, to the API, and each body
//! converts to and from its domain form field by field.

use crate::app::ChecklistLine;
use crate::app::CityShare;
use crate::app::PlacementQuery;
use crate::app::VisitQuery;
use crate::domain::exchange::call::CallForm;
use crate::domain::exchange::call::CallRequestForm;
use crate::domain::exchange::placement::PlacementForm;
use crate::domain::exchange::placement::PlacementTranslationForm;
use crate::domain::exchange::placement::WindowForm;
use crate::domain::exchange::visit::ChecklistItemForm;
use crate::domain::exchange::visit::ReportForm;
use crate::domain::exchange::visit::RequestForm;
use crate::domain::exchange::visit::ScheduleForm;
use crate::domain::exchange::visit::Side;
use crate::domain::exchange::visit::Step;

/// A date window as typed: first and last day (YYYY-MM-DD).
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[schema(as = WindowForm)]
#[serde(default)]
pub struct WindowFormBody {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
}

impl From<WindowFormBody> for WindowForm {
    fn from(b: WindowFormBody) -> Self {
        WindowForm {
            start: b.start,
            end: b.end,
        }
    }
}

impl From<WindowForm> for WindowFormBody {
    fn from(f: WindowForm) -> Self {
        WindowFormBody {
            start: f.start,
            end: f.end,
        }
    }
}

/// A placement as typed into a form or sent to the API.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = PlacementForm)]
#[serde(default)]
pub struct PlacementFormBody {
    /// URL name; made from the title when empty.
    pub slug: String,
    /// The host organisation (slug).
    #[schema(required = true)]
    pub organisation: String,
    /// Language the texts are written in (de, fr, en, lb).
    #[schema(required = true)]
    pub lang: String,
    /// Title.
    #[schema(required = true)]
    pub title: String,
    /// What the visitor will see and do (Markdown).
    #[schema(required = true)]
    pub description: String,
    /// How to get there across the border, costs covered or not.
    pub practical: String,
    /// Accessibility of the place and the programme.
    pub accessibility: String,
    /// Length of a stay in days (a number, or text as a form sends it).
    #[serde(deserialize_with = "crate::domain::exchange::placement::text_or_number")]
    #[schema(required = true)]
    pub length_days: String,
    /// Visitors per window (a number, or text).
    #[serde(deserialize_with = "crate::domain::exchange::placement::text_or_number")]
    #[schema(required = true)]
    pub capacity: String,
    /// Working languages (codes).
    #[schema(required = true)]
    pub languages: Vec<String>,
    /// Theme keys.
    pub themes: Vec<String>,
    /// Linked practices (slugs).
    pub practices: Vec<String>,
    /// Contact person (slug), optional.
    pub contact: String,
    /// The periods when a stay is possible.
    #[schema(required = true)]
    pub windows: Vec<WindowFormBody>,
    /// open or closed.
    pub status: String,
}

impl From<PlacementFormBody> for PlacementForm {
    fn from(b: PlacementFormBody) -> Self {
        PlacementForm {
            slug: b.slug,
            organisation: b.organisation,
            lang: b.lang,
            title: b.title,
            description: b.description,
            practical: b.practical,
            accessibility: b.accessibility,
            length_days: b.length_days,
            capacity: b.capacity,
            languages: b.languages,
            themes: b.themes,
            practices: b.practices,
            contact: b.contact,
            windows: b.windows.into_iter().map(Into::into).collect(),
            status: b.status,
        }
    }
}

impl From<PlacementForm> for PlacementFormBody {
    fn from(f: PlacementForm) -> Self {
        PlacementFormBody {
            slug: f.slug,
            organisation: f.organisation,
            lang: f.lang,
            title: f.title,
            description: f.description,
            practical: f.practical,
            accessibility: f.accessibility,
            length_days: f.length_days,
            capacity: f.capacity,
            languages: f.languages,
            themes: f.themes,
            practices: f.practices,
            contact: f.contact,
            windows: f.windows.into_iter().map(Into::into).collect(),
            status: f.status,
        }
    }
}

/// A translation of a placement's texts as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = PlacementTranslationForm)]
#[serde(default)]
pub struct PlacementTranslationFormBody {
    /// The language translated into (de, fr, en, lb); not the original's.
    #[schema(required = true)]
    pub lang: String,
    /// Title.
    #[schema(required = true)]
    pub title: String,
    /// What the visitor will see and do (Markdown).
    #[schema(required = true)]
    pub description: String,
    /// Practical notes.
    pub practical: String,
    /// Accessibility notes.
    pub accessibility: String,
}

impl From<PlacementTranslationFormBody> for PlacementTranslationForm {
    fn from(b: PlacementTranslationFormBody) -> Self {
        PlacementTranslationForm {
            lang: b.lang,
            title: b.title,
            description: b.description,
            practical: b.practical,
            accessibility: b.accessibility,
        }
    }
}

impl From<PlacementTranslationForm> for PlacementTranslationFormBody {
    fn from(f: PlacementTranslationForm) -> Self {
        PlacementTranslationFormBody {
            lang: f.lang,
            title: f.title,
            description: f.description,
            practical: f.practical,
            accessibility: f.accessibility,
        }
    }
}

/// A call as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = CallForm)]
#[serde(default)]
pub struct CallFormBody {
    /// Title.
    #[schema(required = true)]
    pub title: String,
    /// What the call is for (Markdown).
    pub description: String,
    /// Last day to send requests (YYYY-MM-DD).
    #[schema(required = true)]
    pub deadline: String,
    /// The placements included (slugs).
    #[schema(required = true)]
    pub placements: Vec<String>,
}

impl From<CallFormBody> for CallForm {
    fn from(b: CallFormBody) -> Self {
        CallForm {
            title: b.title,
            description: b.description,
            deadline: b.deadline,
            placements: b.placements,
        }
    }
}

impl From<CallForm> for CallFormBody {
    fn from(f: CallForm) -> Self {
        CallFormBody {
            title: f.title,
            description: f.description,
            deadline: f.deadline,
            placements: f.placements,
        }
    }
}

/// A member's request in a call as typed: preferences in rank order (empty ones skipped).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = CallRequestForm)]
#[serde(default)]
pub struct CallRequestFormBody {
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

impl From<CallRequestFormBody> for CallRequestForm {
    fn from(b: CallRequestFormBody) -> Self {
        CallRequestForm {
            preferences: b.preferences,
            start: b.start,
            end: b.end,
            languages: b.languages,
            themes: b.themes,
            goal: b.goal,
        }
    }
}

impl From<CallRequestForm> for CallRequestFormBody {
    fn from(f: CallRequestForm) -> Self {
        CallRequestFormBody {
            preferences: f.preferences,
            start: f.start,
            end: f.end,
            languages: f.languages,
            themes: f.themes,
            goal: f.goal,
        }
    }
}

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

/// A city's share of the granted requests.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
#[schema(as = CityShare)]
pub struct CityShareBody {
    /// The city (id).
    pub city_id: Option<i64>,
    /// Requests from it.
    pub requested: usize,
    /// Granted ones.
    pub granted: usize,
}

impl From<CityShareBody> for CityShare {
    fn from(b: CityShareBody) -> Self {
        CityShare {
            city_id: b.city_id,
            requested: b.requested,
            granted: b.granted,
        }
    }
}

impl From<CityShare> for CityShareBody {
    fn from(f: CityShare) -> Self {
        CityShareBody {
            city_id: f.city_id,
            requested: f.requested,
            granted: f.granted,
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
        }
    }
}

/// A list of placements as asked for in a query string (all text, checked here).
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct PlacementQueryParams {
    /// Theme key.
    pub theme: Option<String>,
    /// City slug.
    pub city: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Working language code.
    pub language: Option<String>,
    /// Possible on or after this day (YYYY-MM-DD).
    #[param(schema_with = crate::web::api::day_or_empty)]
    pub from: Option<String>,
    /// Possible on or before this day (YYYY-MM-DD).
    #[param(schema_with = crate::web::api::day_or_empty)]
    pub to: Option<String>,
    /// Host organisation slug.
    pub organisation: Option<String>,
    /// Page size (1–200, default 50).
    pub limit: Option<i64>,
    /// Items skipped.
    pub offset: Option<i64>,
}

impl From<PlacementQueryParams> for PlacementQuery {
    fn from(b: PlacementQueryParams) -> Self {
        PlacementQuery {
            theme: b.theme,
            city: b.city,
            country: b.country,
            language: b.language,
            from: b.from,
            to: b.to,
            organisation: b.organisation,
            limit: b.limit,
            offset: b.offset,
        }
    }
}
