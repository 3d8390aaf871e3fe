//! The signed-in person's own data: `GET /api/v1/me/data`, everything the platform holds about
//! them (the same as the account page's download).

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

use crate::app::{App, Error};
use crate::web::ApiError;

use super::ApiCtx;

/// Account routes.
pub fn router() -> Router<App> {
    Router::new().route("/me/data", get(my_data))
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
