//! Visit endpoints of the exchange programme: my visits, requests (for a placement or open), a
//! visit with its timeline and checklist, its steps, schedule, checklist confirmations, learning
//! report and the host's view, suggestions for open requests, and the reports.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::{App, Error, VisitView};
use crate::app::{VisitRow, split_list};
use crate::domain::exchange::Reason;
use crate::domain::exchange::visit::{RequestForm, ScheduleForm, Step};

use crate::web::ApiError;
use crate::web::api::directory::PageJson;
use crate::web::api::exchange::placements::WindowJson;
use crate::web::api::{ApiCtx, ApiJson, ApiQuery, Path};

use super::reports::{ReportJson, report_json};

/// Visit routes, with their reports, the checklist and the matrix.
pub fn router() -> Router<App> {
    use super::checklist::{add_checklist_item, checklist, checklist_items, set_checklist_item};
    use super::matrix::matrix;
    use super::reports::{get_report, put_report, reports};
    Router::new()
        .route("/visits", get(list).post(create))
        .route("/visits/reports", get(reports))
        .route(
            "/visits/checklist",
            get(checklist_items).post(add_checklist_item),
        )
        .route("/visits/checklist/{id}", put(set_checklist_item))
        .route("/visits/matrix", get(matrix))
        .route("/visits/{id}", get(get_one))
        .route("/visits/{id}/steps", post(step))
        .route("/visits/{id}/schedule", put(schedule))
        .route("/visits/{id}/checklist", put(checklist))
        .route("/visits/{id}/report", get(get_report).put(put_report))
        .route("/visits/{id}/host-view", put(host_view))
        .route("/visits/{id}/suggestions", get(suggestions))
}

pub(super) type ApiResult<T> = Result<T, ApiError>;

/// A visit in a list.
#[derive(Serialize, ToSchema)]
pub struct VisitJson {
    /// Id.
    pub id: i64,
    /// open, requested, accepted, declined, scheduled, done, reported or cancelled.
    pub status: String,
    /// The placement (slug), once chosen.
    pub placement: Option<String>,
    /// Its title.
    pub placement_title: Option<String>,
    /// The host organisation (slug).
    pub host: Option<String>,
    /// The visitor's organisation (slug).
    pub visitor_organisation: Option<String>,
    /// The days the visitor could come.
    pub possible: WindowJson,
    /// Days wanted.
    pub length_days: i64,
    /// Themes.
    pub themes: Vec<String>,
    /// Preferred cities (slugs).
    pub cities: Vec<String>,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// What the visitor wants to learn.
    pub goal: String,
    /// The period a place is held (or asked for) in.
    pub window: Option<WindowJson>,
    /// The fixed days.
    pub days: Option<WindowJson>,
    /// Meeting time (HH:MM).
    pub start_time: Option<String>,
    /// End time (HH:MM).
    pub end_time: Option<String>,
    /// Where to meet.
    pub meeting_point: String,
    /// The programme (Markdown).
    pub agenda: String,
}

fn pair(a: Option<&String>, b: Option<&String>) -> Option<WindowJson> {
    Some(WindowJson {
        start: a?.clone(),
        end: b?.clone(),
    })
}

fn visit_json(r: &VisitRow) -> VisitJson {
    VisitJson {
        id: r.id,
        status: r.status.clone(),
        placement: r.placement_slug.clone(),
        placement_title: r.placement_title.clone(),
        host: r.host_slug.clone(),
        visitor_organisation: r.visitor_organisation_slug.clone(),
        possible: WindowJson {
            start: r.possible_start.clone(),
            end: r.possible_end.clone(),
        },
        length_days: r.length_days,
        themes: split_list(&r.themes),
        cities: split_list(&r.cities),
        languages: split_list(&r.languages),
        goal: r.goal.clone(),
        window: pair(r.window_start.as_ref(), r.window_end.as_ref()),
        days: pair(r.start_date.as_ref(), r.end_date.as_ref()),
        start_time: r.start_time.clone(),
        end_time: r.end_time.clone(),
        meeting_point: r.meeting_point.clone(),
        agenda: r.agenda.clone(),
    }
}

/// A step on the timeline.
#[derive(Serialize, ToSchema)]
pub struct EventJson {
    /// The step (open, request, accept, decline, schedule, complete, report, cancel).
    pub step: String,
    /// The status it led to.
    pub status: String,
    /// The taker's organisation.
    pub by: Option<String>,
    /// Message or reason.
    pub message: String,
    /// When (Unix seconds).
    pub at: i64,
}

/// A visit with its timeline, checklist, report and what the caller may do next.
#[derive(Serialize, ToSchema)]
pub struct VisitDetailJson {
    /// The visit.
    #[serde(flatten)]
    pub visit: VisitJson,
    /// Its timeline, oldest first.
    pub events: Vec<EventJson>,
    /// The agreement checklist.
    pub checklist: Vec<crate::web::api::exchange::bodies::ChecklistLineBody>,
    /// The learning report.
    pub report: Option<ReportJson>,
    /// Steps the caller may take now.
    pub steps: Vec<crate::web::api::exchange::bodies::StepBody>,
    /// The side whose checklist the caller confirms (visitor or host).
    pub confirms: Option<crate::web::api::exchange::bodies::SideBody>,
}

fn detail_json(v: &VisitView) -> VisitDetailJson {
    VisitDetailJson {
        visit: visit_json(&v.row),
        events: v
            .events
            .iter()
            .map(|e| EventJson {
                step: e.step.clone(),
                status: e.status.clone(),
                by: e.actor_organisation.clone(),
                message: e.message.clone(),
                at: e.at,
            })
            .collect(),
        checklist: v.checklist.iter().cloned().map(Into::into).collect(),
        report: v.report.as_ref().map(report_json),
        steps: v.steps.iter().copied().map(Into::into).collect(),
        confirms: v.confirms.map(Into::into),
    }
}

pub(super) async fn detail(
    api: &ApiCtx,
    app: &App,
    id: i64,
    status: StatusCode,
) -> ApiResult<Response> {
    let v = app.visit(&api.actor, id).await.map_err(|e| api.err(e))?;
    Ok((status, Json(detail_json(&v))).into_response())
}

/// Lists the caller's visits, as visitor and as host (coordinators: all), newest change first.
#[utoipa::path(get, path = "/api/v1/visits", params(crate::web::api::exchange::bodies::VisitQueryParams), tag = "exchange",
    responses((status = 200, body = PageJson<VisitJson>), (status = 401), (status = 422, description = "Unknown status")))]
async fn list(
    api: ApiCtx,
    State(app): State<App>,
    ApiQuery(q): ApiQuery<crate::web::api::exchange::bodies::VisitQueryParams>,
) -> ApiResult<Json<PageJson<VisitJson>>> {
    let q = crate::app::VisitQuery::from(q);
    let page = app.visits(&api.actor, &q).await.map_err(|e| api.err(e))?;
    Ok(Json(PageJson::of(&page, visit_json)))
}

/// Asks for a visit: for a placement (`placement` given) or open. The dates must hold a stay
/// within one of the placement's periods; nobody asks their own organisation.
#[utoipa::path(post, path = "/api/v1/visits", tag = "exchange", request_body = crate::web::api::exchange::bodies::RequestFormBody,
    responses((status = 201, body = VisitDetailJson), (status = 422, description = "Field errors"), (status = 401)))]
async fn create(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<crate::web::api::exchange::bodies::RequestFormBody>,
) -> ApiResult<Response> {
    let form = RequestForm::from(form);
    let id = app
        .request_visit(&api.actor, &form)
        .await
        .map_err(|e| api.err(e))?;
    detail(&api, &app, id, StatusCode::CREATED).await
}

/// Gets a visit (its two sides and coordinators only).
#[utoipa::path(get, path = "/api/v1/visits/{id}", tag = "exchange",
    responses((status = 200, body = VisitDetailJson), (status = 404)))]
async fn get_one(api: ApiCtx, State(app): State<App>, Path(id): Path<i64>) -> ApiResult<Response> {
    detail(&api, &app, id, StatusCode::OK).await
}

/// A step of the lifecycle.
#[derive(Debug, Deserialize, ToSchema)]
pub struct StepRequest {
    /// request (an open request, with `placement`), accept, decline, complete or cancel.
    pub step: crate::web::api::exchange::bodies::StepBody,
    /// Message with the step; the reason, required, when cancelling.
    #[serde(default)]
    pub message: String,
    /// The placement chosen for an open request (slug).
    #[serde(default)]
    pub placement: String,
}

/// Takes a step: accept or decline (host), complete (either side, once started), cancel (either
/// side, with a reason), or request (an open request names its placement). 409 when the visit
/// has moved on or every fitting period is full.
#[utoipa::path(post, path = "/api/v1/visits/{id}/steps", tag = "exchange", request_body = StepRequest,
    responses((status = 200, body = VisitDetailJson), (status = 409, description = "Not possible now, or full"),
        (status = 422, description = "Field errors"), (status = 403), (status = 404)))]
async fn step(
    api: ApiCtx,
    State(app): State<App>,
    Path(id): Path<i64>,
    ApiJson(s): ApiJson<StepRequest>,
) -> ApiResult<Response> {
    let result = match Step::from(s.step) {
        Step::Request => app.choose_placement(&api.actor, id, &s.placement).await,
        Step::Schedule | Step::Report => Err(Error::Conflict("error-visit-step-not-possible")),
        other => app.step_visit(&api.actor, id, other, &s.message).await,
    };
    result.map_err(|e| api.err(e))?;
    detail(&api, &app, id, StatusCode::OK).await
}

/// Fixes (or changes) the dates, times, meeting point and agenda (host). Both sides must have
/// confirmed the checklist; both get a calendar invitation.
#[utoipa::path(put, path = "/api/v1/visits/{id}/schedule", tag = "exchange", request_body = crate::web::api::exchange::bodies::ScheduleFormBody,
    responses((status = 200, body = VisitDetailJson), (status = 422, description = "Field errors"), (status = 409)))]
async fn schedule(
    api: ApiCtx,
    State(app): State<App>,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<crate::web::api::exchange::bodies::ScheduleFormBody>,
) -> ApiResult<Response> {
    let form = ScheduleForm::from(form);
    app.schedule_visit(&api.actor, id, &form)
        .await
        .map_err(|e| api.err(e))?;
    detail(&api, &app, id, StatusCode::OK).await
}

/// The host's view on a report.
#[derive(Debug, Deserialize, ToSchema)]
pub struct HostViewRequest {
    /// The text (Markdown).
    pub host_view: String,
}

/// Adds the host's view to the learning report.
#[utoipa::path(put, path = "/api/v1/visits/{id}/host-view", tag = "exchange", request_body = HostViewRequest,
    responses((status = 200, body = VisitDetailJson), (status = 403)))]
async fn host_view(
    api: ApiCtx,
    State(app): State<App>,
    Path(id): Path<i64>,
    ApiJson(h): ApiJson<HostViewRequest>,
) -> ApiResult<Response> {
    app.add_host_view(&api.actor, id, &h.host_view)
        .await
        .map_err(|e| api.err(e))?;
    detail(&api, &app, id, StatusCode::OK).await
}

/// A placement suggested for an open request.
#[derive(Serialize, ToSchema)]
pub struct SuggestionJson {
    /// The placement (slug).
    pub placement: String,
    /// Its title.
    pub title: String,
    /// The host (slug).
    pub host: String,
    /// Fit points.
    pub points: i64,
    /// The first days a stay fits.
    pub days: WindowJson,
    /// Why it fits.
    #[schema(value_type = Vec<Object>)]
    pub reasons: Vec<Reason>,
}

/// Placements for an open request, best fit first, with the reasons.
#[utoipa::path(get, path = "/api/v1/visits/{id}/suggestions", tag = "exchange",
    responses((status = 200, body = Vec<SuggestionJson>), (status = 404)))]
async fn suggestions(
    api: ApiCtx,
    State(app): State<App>,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<SuggestionJson>>> {
    let list = app
        .suggestions(&api.actor, id)
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(
        list.into_iter()
            .map(|s| SuggestionJson {
                placement: s.placement.row.slug.clone(),
                title: s.placement.row.title.clone(),
                host: s.placement.row.organisation_slug.clone(),
                points: s.points,
                days: WindowJson {
                    start: s.days.start.to_string(),
                    end: s.days.end.to_string(),
                },
                reasons: s.reasons,
            })
            .collect(),
    ))
}
