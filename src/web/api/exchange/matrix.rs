//! The exchange matrix in the API: who visited whom, city by city.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::App;
use crate::web::api::ApiCtx;

use super::visits::ApiResult;

/// A city of the exchange matrix.
#[derive(Serialize, ToSchema)]
pub struct MatrixCityJson {
    /// URL name.
    pub slug: String,
    /// Name.
    pub name: String,
}

/// The cross-border exchange matrix: `done[i][j]` and `planned[i][j]` count visits from
/// `cities[i]` (the visitor's) to `cities[j]` (the host's).
#[derive(Serialize, ToSchema)]
pub struct MatrixJson {
    /// Rows and columns.
    pub cities: Vec<MatrixCityJson>,
    /// Visits done or reported.
    pub done: Vec<Vec<i64>>,
    /// Visits accepted or scheduled.
    pub planned: Vec<Vec<i64>>,
}

/// The cross-border exchange matrix (public, counts only).
#[utoipa::path(get, path = "/api/v1/visits/matrix", tag = "exchange",
    responses((status = 200, body = MatrixJson)))]
pub(super) async fn matrix(api: ApiCtx, State(app): State<App>) -> ApiResult<Json<MatrixJson>> {
    let m = app.exchange_matrix().await.map_err(|e| api.err(e))?;
    Ok(Json(MatrixJson {
        cities: m
            .cities
            .iter()
            .map(|c| MatrixCityJson {
                slug: c.slug.clone(),
                name: c.name.clone(),
            })
            .collect(),
        done: m.done,
        planned: m.planned,
    }))
}
