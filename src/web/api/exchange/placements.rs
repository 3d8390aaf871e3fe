//! Placement endpoints of the exchange programme: list with filters, one placement, create and
//! change (field errors as 422).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::{App, PlacementView};
use crate::domain::exchange::placement::PlacementForm;

use crate::web::ApiError;
use crate::web::api::directory::PageJson;
use crate::web::api::{ApiCtx, ApiJson, ApiQuery, Path};

/// Placement routes.
pub fn router() -> Router<App> {
    Router::new()
        .route("/placements", get(list).post(create))
        .route("/placements/{slug}", get(get_one).put(update))
        .route(
            "/placements/{slug}/translation",
            axum::routing::put(translate),
        )
}

type ApiResult<T> = Result<T, ApiError>;

/// A period when a stay is possible.
#[derive(Serialize, ToSchema)]
pub struct WindowJson {
    /// First day (YYYY-MM-DD).
    pub start: String,
    /// Last day.
    pub end: String,
}

/// A placement.
#[derive(Serialize, ToSchema)]
pub struct PlacementJson {
    /// URL name.
    pub slug: String,
    /// Host organisation slug.
    pub organisation: String,
    /// Host city slug.
    pub city: String,
    /// Host country code.
    pub country: String,
    /// Language of the texts.
    pub lang: String,
    /// Title.
    pub title: String,
    /// What the visitor will see and do (Markdown).
    pub description: String,
    /// Practical notes.
    pub practical: String,
    /// Accessibility notes.
    pub accessibility: String,
    /// Days per stay.
    pub length_days: i64,
    /// Visitors per period.
    pub capacity: i64,
    /// Working languages.
    pub languages: Vec<String>,
    /// Theme keys.
    pub themes: Vec<String>,
    /// Linked practice slugs.
    pub practices: Vec<String>,
    /// Contact person slug.
    pub contact: Option<String>,
    /// Periods when a stay is possible.
    pub windows: Vec<WindowJson>,
    /// `open` or `closed`.
    pub status: String,
    /// Raised by every save.
    pub version: i64,
    /// Translations of the texts.
    pub translations: Vec<PlacementTextJson>,
}

/// A translation of a placement's texts.
#[derive(Serialize, ToSchema)]
pub struct PlacementTextJson {
    /// Language.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Description (Markdown).
    pub description: String,
    /// Practical notes.
    pub practical: String,
    /// Accessibility notes.
    pub accessibility: String,
    /// human, machine or outdated.
    pub status: String,
}

fn placement_json(p: &PlacementView) -> PlacementJson {
    let r = &p.row;
    PlacementJson {
        slug: r.slug.clone(),
        organisation: r.organisation_slug.clone(),
        city: r.city_slug.clone(),
        country: r.country.clone(),
        lang: r.lang.clone(),
        title: r.title.clone(),
        description: r.description.clone(),
        practical: r.practical.clone(),
        accessibility: r.accessibility.clone(),
        length_days: r.length_days,
        capacity: r.capacity,
        languages: p.languages(),
        themes: p.themes(),
        practices: p.practices(),
        contact: r.contact_slug.clone(),
        windows: p
            .windows
            .iter()
            .map(|w| WindowJson {
                start: w.start.to_string(),
                end: w.end.to_string(),
            })
            .collect(),
        status: r.status.clone(),
        version: r.version,
        translations: p
            .texts
            .iter()
            .map(|t| PlacementTextJson {
                lang: t.lang.clone(),
                title: t.title.clone(),
                description: t.description.clone(),
                practical: t.practical.clone(),
                accessibility: t.accessibility.clone(),
                status: t.status.clone(),
            })
            .collect(),
    }
}

/// Lists placements (open ones for the public, all for members), newest first.
#[utoipa::path(get, path = "/api/v1/placements", params(crate::web::api::exchange::bodies::PlacementQueryParams), tag = "exchange",
    responses((status = 200, description = "A page of placements", body = PageJson<PlacementJson>),
        (status = 422, description = "Field errors (dates)")))]
async fn list(
    api: ApiCtx,
    State(app): State<App>,
    ApiQuery(q): ApiQuery<crate::web::api::exchange::bodies::PlacementQueryParams>,
) -> ApiResult<Json<PageJson<PlacementJson>>> {
    let q = crate::app::PlacementQuery::from(q);
    let page = app
        .placements(&api.actor, &q)
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(PageJson::of(&page, placement_json)))
}

/// Gets a placement.
#[utoipa::path(get, path = "/api/v1/placements/{slug}", tag = "exchange",
    responses((status = 200, body = PlacementJson), (status = 404)))]
async fn get_one(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<Json<PlacementJson>> {
    let p = app
        .placement(&api.actor, &slug)
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(placement_json(&p)))
}

async fn respond(api: &ApiCtx, app: &App, slug: &str, status: StatusCode) -> ApiResult<Response> {
    let p = app
        .placement(&api.actor, slug)
        .await
        .map_err(|e| api.err(e))?;
    Ok((status, Json(placement_json(&p))).into_response())
}

/// Publishes a placement for a host organisation (its editors, coordinators).
#[utoipa::path(post, path = "/api/v1/placements", tag = "exchange", request_body = crate::web::api::exchange::bodies::PlacementFormBody,
    responses((status = 201, body = PlacementJson), (status = 422, description = "Field errors")))]
async fn create(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<crate::web::api::exchange::bodies::PlacementFormBody>,
) -> ApiResult<Response> {
    let form = PlacementForm::from(form);
    let slug = app
        .save_placement(&api.actor, None, &form)
        .await
        .map_err(|e| api.err(e))?;
    respond(&api, &app, slug.as_str(), StatusCode::CREATED).await
}

/// Replaces a placement's fields and periods.
#[utoipa::path(put, path = "/api/v1/placements/{slug}", tag = "exchange", request_body = crate::web::api::exchange::bodies::PlacementFormBody,
    responses((status = 200, body = PlacementJson), (status = 422, description = "Field errors"), (status = 404)))]
async fn update(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<crate::web::api::exchange::bodies::PlacementFormBody>,
) -> ApiResult<Response> {
    let form = PlacementForm::from(form);
    let slug = app
        .save_placement(&api.actor, Some(&slug), &form)
        .await
        .map_err(|e| api.err(e))?;
    respond(&api, &app, slug.as_str(), StatusCode::OK).await
}

/// Writes a translation of a placement's texts (its hosts and coordinators); it is `human`.
#[utoipa::path(put, path = "/api/v1/placements/{slug}/translation", tag = "exchange",
    request_body = crate::web::api::exchange::bodies::PlacementTranslationFormBody,
    responses((status = 200, body = PlacementJson), (status = 422, description = "Field errors"), (status = 403)))]
async fn translate(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<crate::web::api::exchange::bodies::PlacementTranslationFormBody>,
) -> ApiResult<Response> {
    let form = crate::domain::exchange::placement::PlacementTranslationForm::from(form);
    app.translate_placement(&api.actor, &slug, &form)
        .await
        .map_err(|e| api.err(e))?;
    respond(&api, &app, &slug, StatusCode::OK).await
}
