//! Everything the database holds about one account, for its owner to download: each row that
//! names the account, table by table, as JSON. Secrets (password and token hashes) are left out.
//! Which rows belong to a person is listed here once ([`PERSONAL`]); who may ask is `app`'s
//! business.

use serde_json::{Map, Value as Json};
use sqlx::{Column, Row, TypeInfo};

use crate::storage::{Result, Store, WriteTx, placeholders};

/// The rows about an account, section by section: the section's name (the table's, or a name of
/// its own where one table names the account in two columns), the table, and the column that
/// names the account (its id, or its e-mail address where the column says `email`).
pub const PERSONAL: &[(&str, &str, &str)] = &[
    ("users", "users", "id"),
    ("people", "people", "email"),
    ("sessions", "sessions", "user_id"),
    ("api_tokens", "api_tokens", "user_id"),
    ("calendar_tokens", "calendar_tokens", "user_id"),
    ("invitations", "invitations", "invited_by"),
    ("practices", "practices", "created_by"),
    ("practices_reviewed", "practices", "reviewer_id"),
    ("practice_revisions", "practice_revisions", "user_id"),
    ("practice_events", "practice_events", "user_id"),
    ("attachments", "attachments", "uploaded_by"),
    ("visits", "visits", "visitor_id"),
    ("visit_events", "visit_events", "actor_id"),
    ("visit_confirmations", "visit_confirmations", "user_id"),
    ("calls", "calls", "created_by"),
    ("call_requests", "call_requests", "visitor_id"),
    ("changes", "changes", "actor_id"),
    ("notices", "notices", "user_id"),
    ("notice_choices", "notice_choices", "user_id"),
    ("password_resets", "password_resets", "user_id"),
];

/// The tables of [`PERSONAL`] whose rows are not contributions: the account itself, its
/// directory entries and the secrets that erasure removes.
const ERASED_WITH_THE_ACCOUNT: &[&str] = &[
    "users",
    "people",
    "sessions",
    "api_tokens",
    "calendar_tokens",
    "notices",
    "notice_choices",
    "password_resets",
];

/// Work an account left unfinished ([`Store::unfinished_work`]).
#[derive(Debug, Clone, Default)]
pub struct UnfinishedWork {
    /// Practices it is reviewing.
    pub reviews: Vec<i64>,
    /// Visits it asked for, with their status.
    pub visits: Vec<(i64, String)>,
    /// Its requests in calls.
    pub call_requests: Vec<i64>,
}

/// `$first, $first+1, …` for a list of `n` values.
async fn unfinished_work(
    conn: &mut sqlx::AnyConnection,
    user_id: i64,
    review_status: &str,
    visit_statuses: &[&str],
    call_statuses: &[&str],
) -> Result<UnfinishedWork> {
    let reviews: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM practices WHERE reviewer_id = $1 AND status = $2 ORDER BY id",
    )
    .bind(user_id)
    .bind(review_status)
    .fetch_all(&mut *conn)
    .await?;
    let sql = format!(
        "SELECT id, status FROM visits WHERE visitor_id = $1 AND status IN ({}) ORDER BY id",
        placeholders(2, visit_statuses.len().max(1))
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(user_id);
    for s in visit_statuses
        .iter()
        .chain(visit_statuses.is_empty().then_some(&""))
    {
        query = query.bind(*s);
    }
    let visits: Vec<(i64, String)> = query.fetch_all(&mut *conn).await?;
    let sql = format!(
        "SELECT r.id FROM call_requests r JOIN calls c ON c.id = r.call_id \
         WHERE r.visitor_id = $1 AND c.status IN ({}) ORDER BY r.id",
        placeholders(2, call_statuses.len().max(1))
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(user_id);
    for s in call_statuses
        .iter()
        .chain(call_statuses.is_empty().then_some(&""))
    {
        query = query.bind(*s);
    }
    let call_requests: Vec<(i64,)> = query.fetch_all(&mut *conn).await?;
    Ok(UnfinishedWork {
        reviews: reviews.into_iter().map(|(id,)| id).collect(),
        visits,
        call_requests: call_requests.into_iter().map(|(id,)| id).collect(),
    })
}

impl WriteTx {
    /// [`Store::unfinished_work`], inside the transaction.
    pub async fn unfinished_work(
        &mut self,
        user_id: i64,
        review_status: &str,
        visit_statuses: &[&str],
        call_statuses: &[&str],
    ) -> Result<UnfinishedWork> {
        unfinished_work(
            &mut self.tx,
            user_id,
            review_status,
            visit_statuses,
            call_statuses,
        )
        .await
    }

    /// Withdraws requests in calls (with their preferences and proposed places), noting each
    /// call in the change log.
    pub async fn withdraw_call_requests(&mut self, ids: &[i64], actor: Option<i64>) -> Result<()> {
        for id in ids {
            let (call_id,): (i64,) =
                sqlx::query_as("DELETE FROM call_requests WHERE id = $1 RETURNING call_id")
                    .bind(id)
                    .fetch_one(&mut *self.tx)
                    .await?;
            self.record("call", &call_id.to_string(), "withdraw", actor)
                .await?;
        }
        Ok(())
    }

    /// How many accounts are admins (erased ones are not).
    pub async fn admin_count(&mut self) -> Result<i64> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM users WHERE role = 'admin' AND erased_at IS NULL")
                .fetch_one(&mut *self.tx)
                .await?;
        Ok(n)
    }
}

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
        for (section, table, column) in PERSONAL {
            let sql = format!("SELECT * FROM {table} WHERE {column} = $1");
            let query = sqlx::query(sqlx::AssertSqlSafe(sql));
            let query = if *column == "email" {
                query.bind(email.to_owned())
            } else {
                query.bind(user_id)
            };
            let rows = query.fetch_all(self.pool()).await?;
            if !rows.is_empty() {
                out.push((*section, rows.iter().map(json_of).collect()));
            }
        }
        Ok(out)
    }

    /// How many rows of each table of [`PERSONAL`] name account `user_id` and stay when it is
    /// erased (every table but the account's own and the ones erasure empties); tables without
    /// any are left out.
    pub async fn contributions(&self, user_id: i64) -> Result<Vec<(&'static str, i64)>> {
        let mut out = Vec::new();
        for (section, table, column) in PERSONAL
            .iter()
            .filter(|(section, _, _)| !ERASED_WITH_THE_ACCOUNT.contains(section))
        {
            let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1");
            let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(user_id)
                .fetch_one(self.pool())
                .await?;
            if n > 0 {
                out.push((*section, n));
            }
        }
        Ok(out)
    }

    /// The work account `user_id` left unfinished, which its erasure ends: the practices it is
    /// reviewing (in `review_status`), the visits it asked for that are in one of
    /// `visit_statuses` (with their status), and its requests in calls in one of `call_statuses`.
    pub async fn unfinished_work(
        &self,
        user_id: i64,
        review_status: &str,
        visit_statuses: &[&str],
        call_statuses: &[&str],
    ) -> Result<UnfinishedWork> {
        let mut conn = self.pool().acquire().await?;
        unfinished_work(
            &mut conn,
            user_id,
            review_status,
            visit_statuses,
            call_statuses,
        )
        .await
    }
}
