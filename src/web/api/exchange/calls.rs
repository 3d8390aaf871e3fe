//! Call endpoints of the exchange programme: calls, a member's request with ranked preferences,
//! and for coordinators the allocation (run, review with reasons, change by hand, publish).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::{App, CallView, Review};
use crate::domain::exchange::Reason;
use crate::domain::exchange::call::{CallForm, CallRequestForm};

use crate::web::ApiError;
use crate::web::api::directory::PageJson;
use crate::web::api::exchange::placements::WindowJson;
use crate::web::api::exchange::reports::PageQuery;
use crate::web::api::{ApiCtx, ApiJson, ApiQuery, Path};

/// Call routes.
pub fn router() -> Router<App> {
    Router::new()
        .route("/calls", get(list).post(create))
        .route("/calls/{slug}", get(get_one))
        .route("/calls/{slug}/request", put(put_request))
        .route("/calls/{slug}/close", post(close))
        .route("/calls/{slug}/allocation", get(get_allocation).post(run))
        .route("/calls/{slug}/allocation/{request}", put(assign))
        .route("/calls/{slug}/publish", post(publish))
}

type ApiResult<T> = Result<T, ApiError>;

/// A call.
#[derive(Serialize, ToSchema)]
pub struct CallJson {
    /// URL name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Description (Markdown).
    pub description: String,
    /// Last day for requests.
    pub deadline: String,
    /// open, proposed or published.
    pub status: String,
    /// Whether it takes requests now.
    pub takes_requests: bool,
    /// Its placements (slugs).
    pub placements: Vec<String>,
    /// How many requests it has.
    pub requests: i64,
    /// The caller's own request.
    pub mine: Option<crate::web::api::exchange::bodies::CallRequestFormBody>,
    /// After publication: the visit the caller was granted.
    pub my_visit: Option<i64>,
}

fn call_json(c: &CallView) -> CallJson {
    CallJson {
        slug: c.row.slug.clone(),
        title: c.row.title.clone(),
        description: c.row.description.clone(),
        deadline: c.row.deadline.clone(),
        status: c.row.status.clone(),
        takes_requests: c.takes_requests,
        placements: c.placements.iter().map(|p| p.row.slug.clone()).collect(),
        requests: c.row.requests,
        mine: c.mine.clone().map(Into::into),
        my_visit: c.my_visit,
    }
}

/// A call in the list.
#[derive(Serialize, ToSchema)]
pub struct CallSummaryJson {
    /// URL name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Last day for requests.
    pub deadline: String,
    /// open, proposed or published.
    pub status: String,
    /// Placements included.
    pub placements: i64,
    /// Requests made.
    pub requests: i64,
}

/// Lists the calls, newest first.
#[utoipa::path(get, path = "/api/v1/calls", params(PageQuery), tag = "exchange",
    responses((status = 200, body = PageJson<CallSummaryJson>)))]
async fn list(
    api: ApiCtx,
    State(app): State<App>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<PageJson<CallSummaryJson>>> {
    let page = app.calls(q.limit, q.offset).await.map_err(|e| api.err(e))?;
    Ok(Json(PageJson::of(&page, |c| CallSummaryJson {
        slug: c.slug.clone(),
        title: c.title.clone(),
        deadline: c.deadline.clone(),
        status: c.status.clone(),
        placements: c.placements,
        requests: c.requests,
    })))
}

async fn respond(api: &ApiCtx, app: &App, slug: &str, status: StatusCode) -> ApiResult<Response> {
    let c = app.call(&api.actor, slug).await.map_err(|e| api.err(e))?;
    Ok((status, Json(call_json(&c))).into_response())
}

/// Opens a call (coordinators).
#[utoipa::path(post, path = "/api/v1/calls", tag = "exchange", request_body = crate::web::api::exchange::bodies::CallFormBody,
    responses((status = 201, body = CallJson), (status = 422, description = "Field errors"), (status = 403)))]
async fn create(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<crate::web::api::exchange::bodies::CallFormBody>,
) -> ApiResult<Response> {
    let form = CallForm::from(form);
    let slug = app
        .create_call(&api.actor, &form)
        .await
        .map_err(|e| api.err(e))?;
    respond(&api, &app, slug.as_str(), StatusCode::CREATED).await
}

/// Gets a call, with the caller's own request.
#[utoipa::path(get, path = "/api/v1/calls/{slug}", tag = "exchange",
    responses((status = 200, body = CallJson), (status = 404)))]
async fn get_one(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<Response> {
    respond(&api, &app, &slug, StatusCode::OK).await
}

/// Sends or replaces the caller's request: up to five placements of the call, first choice
/// first, and possible dates.
#[utoipa::path(put, path = "/api/v1/calls/{slug}/request", tag = "exchange", request_body = crate::web::api::exchange::bodies::CallRequestFormBody,
    responses((status = 200, body = CallJson), (status = 422, description = "Field errors"), (status = 409, description = "Closed")))]
async fn put_request(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<crate::web::api::exchange::bodies::CallRequestFormBody>,
) -> ApiResult<Response> {
    let form = CallRequestForm::from(form);
    app.submit_call_request(&api.actor, &slug, &form)
        .await
        .map_err(|e| api.err(e))?;
    respond(&api, &app, &slug, StatusCode::OK).await
}

/// Closes an open call before its deadline (coordinators).
#[utoipa::path(post, path = "/api/v1/calls/{slug}/close", tag = "exchange",
    responses((status = 200, body = CallJson), (status = 409)))]
async fn close(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<Response> {
    app.close_call(&api.actor, &slug)
        .await
        .map_err(|e| api.err(e))?;
    respond(&api, &app, &slug, StatusCode::OK).await
}

/// A possible place for a request.
#[derive(Serialize, ToSchema)]
pub struct PlaceJson {
    /// The placement (slug).
    pub placement: String,
    /// The period.
    pub window: WindowJson,
    /// Preference rank (1 = first choice).
    pub rank: u32,
    /// Fit points.
    pub points: i64,
    /// Why it fits.
    #[schema(value_type = Vec<Object>)]
    pub reasons: Vec<Reason>,
}

/// A request in the allocation.
#[derive(Serialize, ToSchema)]
pub struct AllocationRowJson {
    /// The request (id).
    pub request: i64,
    /// The requester's organisation.
    pub organisation: Option<String>,
    /// Its city (id).
    pub city_id: Option<i64>,
    /// Preferences (placement slugs), first choice first.
    pub preferences: Vec<String>,
    /// Where it is placed, if anywhere.
    pub placed: Option<PlaceJson>,
    /// Whether a coordinator placed it by hand.
    pub by_hand: bool,
    /// Every possible place.
    pub options: Vec<PlaceJson>,
    /// Preferences not granted, with why (own_organisation, longer_than_windows,
    /// no_window_in_dates, or taken).
    pub not_placed: Vec<(String, String)>,
}

/// The allocation of a call.
#[derive(Serialize, ToSchema)]
pub struct AllocationJson {
    /// The call's status.
    pub status: String,
    /// Requests placed.
    pub granted: usize,
    /// Total fit.
    pub fit: i64,
    /// Per city.
    pub cities: Vec<crate::web::api::exchange::bodies::CityShareBody>,
    /// Every request.
    pub requests: Vec<AllocationRowJson>,
}

fn allocation_json(r: &Review) -> AllocationJson {
    let p = &r.call.placements;
    let place = |o: &crate::app::Place| PlaceJson {
        placement: p[o.placement].row.slug.clone(),
        window: WindowJson {
            start: o.window.start.to_string(),
            end: o.window.end.to_string(),
        },
        rank: o.rank,
        points: o.points,
        reasons: o.reasons.clone(),
    };
    AllocationJson {
        status: r.call.row.status.clone(),
        granted: r.granted,
        fit: r.fit,
        cities: r.cities.iter().cloned().map(Into::into).collect(),
        requests: r
            .rows
            .iter()
            .map(|row| AllocationRowJson {
                request: row.request.id,
                organisation: row.request.visitor_organisation_name.clone(),
                city_id: row.request.visitor_city_id,
                preferences: row
                    .preferences
                    .iter()
                    .map(|i| p[*i].row.slug.clone())
                    .collect(),
                placed: row.placed.map(|o| place(&row.options[o])),
                by_hand: row.by_hand,
                options: row.options.iter().map(place).collect(),
                not_placed: row
                    .not_placed
                    .iter()
                    .map(|(i, n)| (p[*i].row.slug.clone(), n.as_str().to_owned()))
                    .collect(),
            })
            .collect(),
    }
}

async fn allocation(api: &ApiCtx, app: &App, slug: &str) -> ApiResult<Json<AllocationJson>> {
    let r = app
        .review_allocation(&api.actor, slug)
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(allocation_json(&r)))
}

/// The allocation as it stands, with reasons and each city's share (coordinators).
#[utoipa::path(get, path = "/api/v1/calls/{slug}/allocation", tag = "exchange",
    responses((status = 200, body = AllocationJson), (status = 403)))]
async fn get_allocation(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<Json<AllocationJson>> {
    allocation(&api, &app, &slug).await
}

/// Runs the allocation after the deadline (again), as the proposal (coordinators).
#[utoipa::path(post, path = "/api/v1/calls/{slug}/allocation", tag = "exchange",
    responses((status = 200, body = AllocationJson), (status = 409, description = "Still open, or published")))]
async fn run(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<Json<AllocationJson>> {
    app.run_allocation(&api.actor, &slug)
        .await
        .map_err(|e| api.err(e))?;
    allocation(&api, &app, &slug).await
}

/// A change by hand: a place (placement slug and the period's first day), or none.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AssignRequest {
    /// The placement (slug); absent or null to take the request out.
    pub placement: Option<String>,
    /// The period's first day.
    pub window_start: Option<String>,
}

/// Places one request by hand, or takes it out (coordinators).
#[utoipa::path(put, path = "/api/v1/calls/{slug}/allocation/{request}", tag = "exchange", request_body = AssignRequest,
    responses((status = 200, body = AllocationJson), (status = 422, description = "Not a possible place"), (status = 409, description = "Full")))]
async fn assign(
    api: ApiCtx,
    State(app): State<App>,
    Path((slug, request)): Path<(String, i64)>,
    ApiJson(a): ApiJson<AssignRequest>,
) -> ApiResult<Json<AllocationJson>> {
    let choice = match (a.placement.as_deref(), a.window_start.as_deref()) {
        (Some(p), Some(w)) => Some((p, w)),
        (None, None) => None,
        _ => {
            return Err(
                api.err(crate::app::Error::Invalid(crate::domain::FieldErrors::one(
                    "placement",
                    crate::domain::FieldError::new("error-assign-half"),
                ))),
            );
        }
    };
    app.assign_by_hand(&api.actor, &slug, request, choice)
        .await
        .map_err(|e| api.err(e))?;
    allocation(&api, &app, &slug).await
}

/// Publishes the allocation: placed requests become accepted visits; everyone is told.
#[utoipa::path(post, path = "/api/v1/calls/{slug}/publish", tag = "exchange",
    responses((status = 200, body = CallJson), (status = 409)))]
async fn publish(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<Response> {
    app.publish_call(&api.actor, &slug)
        .await
        .map_err(|e| api.err(e))?;
    respond(&api, &app, &slug, StatusCode::OK).await
}
