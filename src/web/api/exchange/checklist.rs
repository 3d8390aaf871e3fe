//! The preparation checklist in the API: the items a coordinator keeps, and each side's confirmations for a visit.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::App;
use crate::web::api::{ApiCtx, ApiJson, Path};

use super::visits::{ApiResult, VisitDetailJson, detail};

/// The checklist items one side confirms.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ConfirmRequest {
    /// Ids of the confirmed items; the others are not confirmed.
    pub items: Vec<i64>,
}

/// Confirms the caller's side of the agreement checklist.
#[utoipa::path(put, path = "/api/v1/visits/{id}/checklist", tag = "exchange", request_body = ConfirmRequest,
    responses((status = 200, body = VisitDetailJson), (status = 403)))]
pub(super) async fn checklist(
    api: ApiCtx,
    State(app): State<App>,
    Path(id): Path<i64>,
    ApiJson(c): ApiJson<ConfirmRequest>,
) -> ApiResult<Response> {
    app.confirm_checklist(&api.actor, id, &c.items)
        .await
        .map_err(|e| api.err(e))?;
    detail(&api, &app, id, StatusCode::OK).await
}

/// An item of the agreement checklist.
#[derive(Serialize, ToSchema)]
pub struct ChecklistItemJson {
    /// Id.
    pub id: i64,
    /// A built-in item's key (its text is in the message files), or null.
    pub key: Option<String>,
    /// The text in the caller's language (or the nearest one written).
    pub label: String,
    /// Whether both sides are asked to confirm it.
    pub active: bool,
}

pub(super) fn checklist_json(
    api: &ApiCtx,
    items: &[crate::app::ChecklistItemRow],
) -> Vec<ChecklistItemJson> {
    items
        .iter()
        .map(|i| ChecklistItemJson {
            id: i.id,
            key: i.item_key.clone(),
            label: match &i.item_key {
                Some(k) => crate::i18n::t(api.locale, &format!("checklist-item-{k}")),
                None => crate::app::label_in(api.locale, [&i.label_de, &i.label_fr, &i.label_en]),
            },
            active: i.active == 1,
        })
        .collect()
}

/// The agreement checklist, items no longer asked for included (public).
#[utoipa::path(get, path = "/api/v1/visits/checklist", tag = "exchange",
    responses((status = 200, body = Vec<ChecklistItemJson>)))]
pub(super) async fn checklist_items(
    api: ApiCtx,
    State(app): State<App>,
) -> ApiResult<Json<Vec<ChecklistItemJson>>> {
    let items = app.checklist().await.map_err(|e| api.err(e))?;
    Ok(Json(checklist_json(&api, &items)))
}

/// Adds an item to the agreement checklist (coordinators).
#[utoipa::path(post, path = "/api/v1/visits/checklist", tag = "exchange",
    request_body = crate::web::api::exchange::bodies::ChecklistItemFormBody,
    responses((status = 201, body = Vec<ChecklistItemJson>), (status = 422, description = "Field errors"), (status = 403)))]
pub(super) async fn add_checklist_item(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<crate::web::api::exchange::bodies::ChecklistItemFormBody>,
) -> ApiResult<Response> {
    let form = crate::domain::exchange::visit::ChecklistItemForm::from(form);
    app.add_checklist_item(&api.actor, &form)
        .await
        .map_err(|e| api.err(e))?;
    let items = app.checklist().await.map_err(|e| api.err(e))?;
    Ok((StatusCode::CREATED, Json(checklist_json(&api, &items))).into_response())
}

/// Whether an item is asked for.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ChecklistActiveRequest {
    /// Asked for (true) or no longer (false).
    pub active: bool,
}

/// Asks for a checklist item again, or no longer (coordinators).
#[utoipa::path(put, path = "/api/v1/visits/checklist/{id}", tag = "exchange", request_body = ChecklistActiveRequest,
    responses((status = 200, body = Vec<ChecklistItemJson>), (status = 403), (status = 404)))]
pub(super) async fn set_checklist_item(
    api: ApiCtx,
    State(app): State<App>,
    Path(id): Path<i64>,
    ApiJson(a): ApiJson<ChecklistActiveRequest>,
) -> ApiResult<Json<Vec<ChecklistItemJson>>> {
    app.set_checklist_item_active(&api.actor, id, a.active)
        .await
        .map_err(|e| api.err(e))?;
    let items = app.checklist().await.map_err(|e| api.err(e))?;
    Ok(Json(checklist_json(&api, &items)))
}
