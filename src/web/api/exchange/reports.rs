//! Learning reports in the API: a visit's report, written by the visitor and read by the host, and the list of reports.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::{App, ReportRow, split_list};
use crate::domain::exchange::visit::ReportForm;
use crate::web::api::directory::PageJson;
use crate::web::api::{ApiCtx, ApiJson, ApiQuery, Path};

use super::visits::{ApiResult, VisitDetailJson, detail};

/// A learning report.
#[derive(Serialize, ToSchema)]
pub struct ReportJson {
    /// What the visitor saw.
    pub saw: String,
    /// What worked.
    pub worked: String,
    /// What to take home.
    pub take_home: String,
    /// Related practices (slugs).
    pub practices: Vec<String>,
    /// none, consider, pilot or adopt.
    pub intention: String,
    /// What came of it.
    pub outcome: String,
    /// The host's view.
    pub host_view: String,
    /// Public or members only.
    pub published: bool,
}

pub(super) fn report_json(r: &ReportRow) -> ReportJson {
    ReportJson {
        saw: r.saw.clone(),
        worked: r.worked.clone(),
        take_home: r.take_home.clone(),
        practices: split_list(&r.practices),
        intention: r.intention.clone(),
        outcome: r.outcome.clone(),
        host_view: r.host_view.clone(),
        published: r.published == 1,
    }
}

/// Gets a visit's learning report (members; the public when published).
#[utoipa::path(get, path = "/api/v1/visits/{id}/report", tag = "exchange",
    responses((status = 200, body = ReportJson), (status = 404)))]
pub(super) async fn get_report(
    api: ApiCtx,
    State(app): State<App>,
    Path(id): Path<i64>,
) -> ApiResult<Json<ReportJson>> {
    let (_, r) = app.report(&api.actor, id).await.map_err(|e| api.err(e))?;
    Ok(Json(report_json(&r)))
}

/// Writes or revises the learning report (the visitor, once the visit is done).
#[utoipa::path(put, path = "/api/v1/visits/{id}/report", tag = "exchange", request_body = crate::web::api::exchange::bodies::ReportFormBody,
    responses((status = 200, body = VisitDetailJson), (status = 422, description = "Field errors"), (status = 409)))]
pub(super) async fn put_report(
    api: ApiCtx,
    State(app): State<App>,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<crate::web::api::exchange::bodies::ReportFormBody>,
) -> ApiResult<Response> {
    let form = ReportForm::from(form);
    app.save_report(&api.actor, id, &form)
        .await
        .map_err(|e| api.err(e))?;
    detail(&api, &app, id, StatusCode::OK).await
}

/// A report in the list.
#[derive(Serialize, ToSchema)]
pub struct ReportSummaryJson {
    /// The visit.
    pub visit: i64,
    /// The placement's title.
    pub title: String,
    /// The host's name.
    pub host: String,
    /// The visitor's organisation.
    pub visitor_organisation: Option<String>,
    /// none, consider, pilot or adopt.
    pub intention: String,
    /// Public or members only.
    pub published: bool,
}

/// Query of the report list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct PageQuery {
    /// Page size (1–200, default 50).
    pub limit: Option<i64>,
    /// Items skipped.
    pub offset: Option<i64>,
}

/// Learning reports, newest first (published ones for the public).
#[utoipa::path(get, path = "/api/v1/visits/reports", params(PageQuery), tag = "exchange",
    responses((status = 200, body = PageJson<ReportSummaryJson>)))]
pub(super) async fn reports(
    api: ApiCtx,
    State(app): State<App>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<PageJson<ReportSummaryJson>>> {
    let page = app
        .reports(&api.actor, q.limit, q.offset)
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(PageJson::of(&page, |r| ReportSummaryJson {
        visit: r.visit_id,
        title: r.placement_title.clone(),
        host: r.host_name.clone(),
        visitor_organisation: r.visitor_organisation_name.clone(),
        intention: r.intention.clone(),
        published: r.published == 1,
    })))
}
