//! The request and response bodies and query parameters of the API that mirror app and
//! domain types: the OpenAPI documentation belongs here, to the API, and each converts
//! field by field.

use crate::app::AuditQuery;

/// A page of the audit log as asked for in a query string (all text, checked here).
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct AuditQueryParams {
    /// The e-mail address of the account that acted.
    pub person: Option<String>,
    /// What changed: `practice`, `organisation`, `person`, `user`, `placement`, `visit`…
    pub entity: Option<String>,
    /// From this day (YYYY-MM-DD, UTC).
    #[param(schema_with = crate::web::api::day_or_empty)]
    pub since: Option<String>,
    /// Up to and including this day (YYYY-MM-DD, UTC).
    #[param(schema_with = crate::web::api::day_or_empty)]
    pub until: Option<String>,
    /// Page size (1–200, default 50).
    pub limit: Option<i64>,
    /// Changes to skip.
    pub offset: Option<i64>,
}

impl From<AuditQueryParams> for AuditQuery {
    fn from(b: AuditQueryParams) -> Self {
        AuditQuery {
            person: b.person,
            entity: b.entity,
            since: b.since,
            until: b.until,
            limit: b.limit,
            offset: b.offset,
        }
    }
}
