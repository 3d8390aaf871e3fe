//! The audit log for admins: `GET /api/v1/audit`, every change with who made it, when and from
//! where, filtered by person, entity and day.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::App;
use crate::app::AuditRow;
use crate::web::ApiError;

use crate::web::api::directory::{PageJson, rfc3339};
use crate::web::api::{ApiCtx, ApiQuery};

/// Audit routes.
pub fn router() -> Router<App> {
    Router::new().route("/audit", get(list))
}

/// One change in the audit log.
#[derive(Serialize, ToSchema)]
pub struct AuditJson {
    /// Its number in the change log.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The e-mail address of the account that acted; none for the command line and the server's
    /// own tasks, or when the account is gone or was erased.
    pub actor: Option<String>,
    /// The id of the account that acted.
    pub actor_id: Option<i64>,
    /// Where it came from: the client's address, or `command line`; none for the server's tasks.
    pub origin: Option<String>,
    /// What changed: `practice`, `organisation`, `person`, `user`, `placement`, `visit`…
    pub entity: String,
    /// Its id or key.
    pub key: String,
    /// `create`, `update`, `delete`, or `erase` (an account erased).
    pub kind: String,
}

fn audit_json(r: &AuditRow) -> AuditJson {
    AuditJson {
        seq: r.seq,
        at: rfc3339(r.at),
        actor: r
            .actor_email
            .clone()
            .filter(|e| !crate::domain::accounts::is_former_member(e)),
        actor_id: r.actor_id,
        origin: r.origin.clone(),
        entity: r.entity.clone(),
        key: r.entity_key.clone(),
        kind: r.kind.clone(),
    }
}

/// The audit log, newest first (admins only).
#[utoipa::path(get, path = "/api/v1/audit", params(crate::web::api::accounts::bodies::AuditQueryParams), tag = "trust",
    responses((status = 200, description = "A page of changes", body = PageJson<AuditJson>),
        (status = 401, description = "Not signed in"), (status = 403, description = "Not an admin"),
        (status = 422, description = "A malformed day or parameter")))]
pub(crate) async fn list(
    api: ApiCtx,
    State(app): State<App>,
    ApiQuery(q): ApiQuery<crate::web::api::accounts::bodies::AuditQueryParams>,
) -> Result<Json<PageJson<AuditJson>>, ApiError> {
    let q = crate::app::AuditQuery::from(q);
    let page = app.audit(&api.actor, &q).await.map_err(|e| api.err(e))?;
    Ok(Json(PageJson::of(&page, audit_json)))
}
