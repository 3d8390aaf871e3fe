//! Everything the database holds about one account, for its owner to download: each row that
//! names the account, table by table, as JSON. Secrets (password and token hashes) are left out.
//! Which rows belong to a person is listed here once ([`PERSONAL`]); who may ask is `app`'s
//! business.

use serde_json::{Map, Value as Json};
use sqlx::{Column, Row, TypeInfo};

use super::{Result, Store};

/// The tables that hold rows about an account, and the column that names it (an account id, or
/// its e-mail address where the column says `email`).
pub const PERSONAL: &[(&str, &str)] = &[
    ("users", "id"),
    ("people", "email"),
    ("sessions", "user_id"),
    ("api_tokens", "user_id"),
    ("calendar_tokens", "user_id"),
    ("invitations", "invited_by"),
    ("practices", "created_by"),
    ("practice_revisions", "user_id"),
    ("practice_events", "user_id"),
    ("attachments", "uploaded_by"),
    ("visits", "visitor_id"),
    ("visit_events", "actor_id"),
    ("visit_confirmations", "user_id"),
    ("calls", "created_by"),
    ("call_requests", "visitor_id"),
    ("changes", "actor_id"),
];

/// Columns never handed out: secrets, kept only as hashes, that would help nobody.
const SECRET: &[&str] = &["password_hash", "token_hash"];

fn json_of(row: &sqlx::any::AnyRow) -> Map<String, Json> {
    let mut out = Map::new();
    for (i, column) in row.columns().iter().enumerate() {
        let name = column.name();
        if SECRET.contains(&name) {
            continue;
        }
        let value = match column.type_info().name() {
            "NULL" => Json::Null,
            "BOOLEAN" => row
                .try_get::<Option<bool>, _>(i)
                .ok()
                .flatten()
                .map_or(Json::Null, Json::from),
            "SMALLINT" | "INTEGER" | "BIGINT" => row
                .try_get::<Option<i64>, _>(i)
                .ok()
                .flatten()
                .map_or(Json::Null, Json::from),
            "REAL" | "DOUBLE" => row
                .try_get::<Option<f64>, _>(i)
                .ok()
                .flatten()
                .map_or(Json::Null, Json::from),
            "BLOB" => Json::String("(binary)".into()),
            _ => row
                .try_get::<Option<String>, _>(i)
                .ok()
                .flatten()
                .map_or(Json::Null, Json::from),
        };
        out.insert(name.to_owned(), value);
    }
    out
}

impl Store {
    /// Every row about the account `user_id` with address `email`, by table (tables without
    /// rows are left out).
    pub async fn personal_data(
        &self,
        user_id: i64,
        email: &str,
    ) -> Result<Vec<(&'static str, Vec<Map<String, Json>>)>> {
        let mut out = Vec::new();
        for (table, column) in PERSONAL {
            let sql = format!("SELECT * FROM {table} WHERE {column} = $1");
            let query = sqlx::query(sqlx::AssertSqlSafe(sql));
            let query = if *column == "email" {
                query.bind(email.to_owned())
            } else {
                query.bind(user_id)
            };
            let rows = query.fetch_all(self.pool()).await?;
            if !rows.is_empty() {
                out.push((*table, rows.iter().map(json_of).collect()));
            }
        }
        Ok(out)
    }

    /// How many rows account `user_id` authored that stay when it is erased: practices,
    /// revisions, visits, requests in calls and changes (kinds without any are left out).
    pub async fn contributions(&self, user_id: i64) -> Result<Vec<(&'static str, i64)>> {
        let mut out = Vec::new();
        for (kind, table, column) in [
            ("practices", "practices", "created_by"),
            ("revisions", "practice_revisions", "user_id"),
            ("visits", "visits", "visitor_id"),
            ("call_requests", "call_requests", "visitor_id"),
            ("changes", "changes", "actor_id"),
        ] {
            let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1");
            let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(user_id)
                .fetch_one(self.pool())
                .await?;
            if n > 0 {
                out.push((kind, n));
            }
        }
        Ok(out)
    }
}
