//! Personal data: `GET /api/v1/me/data`, everything the platform holds about the caller (the
//! same as the account page's download), and the admins' erasure of a person.

pub(crate) mod audit;
pub(crate) mod bodies;

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::{App, Erasure, Error};
use crate::web::ApiError;

use crate::web::api::{ApiCtx, ApiJson, Path};

/// Account routes.
pub fn router() -> Router<App> {
    Router::new()
        .route("/me/data", get(my_data))
        .route("/users/{id}/erase", post(erase_user))
        .route("/people/{slug}/erase", post(erase_person))
}

/// The confirmation of an erasure: the account's address (or, for a directory entry, the
/// person's name) typed again.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct EraseRequest {
    /// The account's address, or the directory entry's name.
    #[schema(required = true)]
    pub confirm: String,
}

/// What an erasure did.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErasedJson {
    /// The placeholder address the account keeps (`erased-{id}@former-member.invalid`), if an
    /// account was erased.
    pub account: Option<String>,
    /// How many directory entries were removed.
    pub people_removed: usize,
}

async fn erase(
    api: &ApiCtx,
    app: &App,
    target: Erasure,
    confirm: &str,
) -> Result<Json<ErasedJson>, ApiError> {
    let done = app
        .erase(&api.actor, &target, confirm)
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(ErasedJson {
        account: done.account,
        people_removed: done.people_removed,
    }))
}

/// Erases an account at its owner's request (admins): address, password, sessions, tokens and
/// the directory entries with its address go, and its name leaves practices' histories and
/// search; its contributions stay, shown as a former member's.
#[utoipa::path(post, path = "/api/v1/users/{id}/erase", tag = "trust", request_body = EraseRequest,
    params(("id" = i64, Path, description = "The account's id")),
    responses((status = 200, body = ErasedJson), (status = 404, description = "No such account, or already erased"),
        (status = 422, description = "The confirmation does not match, or the account is the caller's own")))]
pub(super) async fn erase_user(
    api: ApiCtx,
    State(app): State<App>,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<EraseRequest>,
) -> Result<Json<ErasedJson>, ApiError> {
    erase(&api, &app, Erasure::Account(id), &form.confirm).await
}

/// Erases a directory entry at the person's request (admins), with the account of the same
/// address if there is one.
#[utoipa::path(post, path = "/api/v1/people/{slug}/erase", tag = "trust", request_body = EraseRequest,
    params(("slug" = String, Path, description = "The person's URL name")),
    responses((status = 200, body = ErasedJson), (status = 404, description = "No such person"),
        (status = 422, description = "The confirmation does not match the name, or the account is the caller's own")))]
pub(super) async fn erase_person(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<EraseRequest>,
) -> Result<Json<ErasedJson>, ApiError> {
    erase(&api, &app, Erasure::Person(slug), &form.confirm).await
}

/// Everything the platform holds about the caller, table by table (secrets left out).
#[utoipa::path(get, path = "/api/v1/me/data", tag = "trust",
    responses((status = 200, description = "`{account, exported_at, tables: {name: [rows]}}`", body = Object),
        (status = 401, description = "Not signed in")))]
pub(super) async fn my_data(
    api: ApiCtx,
    State(app): State<App>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let user = api
        .user
        .clone()
        .ok_or(Error::Unauthorized)
        .map_err(|e| api.err(e))?;
    let data = app.personal_data(&user).await.map_err(|e| api.err(e))?;
    Ok(Json(data))
}
