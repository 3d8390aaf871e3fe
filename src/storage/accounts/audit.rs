//! The audit log: the change log read by person, entity and date, with who acted and from
//! where, and its retention. Storage only reads and purges; who may read it is `app`'s to decide.

use crate::storage::{Conditions, Result, Store, Value, bind_all};

/// Which changes to read; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// The account that acted, by e-mail address.
    pub person: Option<String>,
    /// What changed (`practice`, `organisation`, `user`…).
    pub entity: Option<String>,
    /// From this moment (Unix seconds, inclusive).
    pub from: Option<i64>,
    /// Before this moment (Unix seconds, exclusive).
    pub until: Option<i64>,
}

/// One change as the audit log shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    /// Its number in the change log.
    pub seq: i64,
    /// When, in Unix seconds.
    pub at: i64,
    /// The account that acted, when one did.
    pub actor_email: Option<String>,
    /// Its id, also when the account is gone.
    pub actor_id: Option<i64>,
    /// Where the change came from: the client's address, or "command line".
    pub origin: Option<String>,
    /// What changed.
    pub entity: String,
    /// Its id or key.
    pub entity_key: String,
    /// `create`, `update` or `delete`.
    pub kind: String,
}

impl Store {
    /// A page of the audit log, newest first, and how many changes match in all.
    pub async fn audit(
        &self,
        filter: &AuditFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<AuditRow>, i64)> {
        let mut w = Conditions::default();
        w.when(
            "ch.actor_id IN (SELECT id FROM users WHERE email = ?)",
            filter.person.clone(),
        )
        .when("ch.entity = ?", filter.entity.clone());
        if let Some(from) = filter.from {
            let p = w.value(Value::Int(from));
            w.always(&format!("ch.at >= {p}"));
        }
        if let Some(until) = filter.until {
            let p = w.value(Value::Int(until));
            w.always(&format!("ch.at < {p}"));
        }
        let where_sql = w.sql();
        let count_sql = format!("SELECT COUNT(*) FROM changes ch {where_sql}");
        let (total,): (i64,) = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(count_sql)), w)
            .fetch_one(self.pool())
            .await?;
        let limit_param = w.value(Value::Int(limit));
        let offset_param = w.value(Value::Int(offset));
        let list_sql = format!(
            "SELECT ch.seq, ch.at, u.email AS actor_email, ch.actor_id, ch.origin, ch.entity, ch.entity_key, ch.kind \
             FROM changes ch LEFT JOIN users u ON u.id = ch.actor_id {where_sql} \
             ORDER BY ch.seq DESC LIMIT {limit_param} OFFSET {offset_param}"
        );
        let rows = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(list_sql)), w)
            .fetch_all(self.pool())
            .await?;
        Ok((rows, total))
    }

    /// Forgets changes made before `before` (Unix seconds), except the newest one, whose number
    /// the followers of the log compare against; returns how many went.
    pub async fn purge_changes(&self, before: i64) -> Result<u64> {
        Ok(sqlx::query(
            "DELETE FROM changes WHERE at < $1 AND seq < (SELECT MAX(seq) FROM changes)",
        )
        .bind(before)
        .execute(self.pool())
        .await?
        .rows_affected())
    }
}
