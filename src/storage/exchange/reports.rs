//! Learning reports of visits: the visitor's part, the host's view, the list, and the
//! follow-up question asked three months on.

use crate::storage::{Result, Store, WriteTx, join_list, now};

/// A learning report.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportRow {
    /// Its visit.
    pub visit_id: i64,
    /// Language it is written in ("" for reports from before it was asked).
    pub lang: String,
    /// What the visitor saw.
    pub saw: String,
    /// What worked.
    pub worked: String,
    /// What to take home.
    pub take_home: String,
    /// Related practice slugs, comma-separated.
    pub practices: String,
    /// none, consider, pilot or adopt.
    pub intention: String,
    /// What came of it ("" until said).
    pub outcome: String,
    /// The host's view ("" when none).
    pub host_view: String,
    /// 1 when public.
    pub published: i64,
    /// When the visitor is asked what came of it.
    pub follow_up_at: i64,
    /// When they were asked.
    pub reminded_at: Option<i64>,
    /// Written.
    pub created_at: i64,
    /// Last changed.
    pub updated_at: i64,
}

/// A report in a list, with its visit's host and visitor.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportListRow {
    /// Its visit.
    pub visit_id: i64,
    /// The placement's title.
    pub placement_title: String,
    /// Its text language.
    pub placement_lang: String,
    /// The host's name.
    pub host_name: String,
    /// The visitor's organisation.
    pub visitor_organisation_name: Option<String>,
    /// none, consider, pilot or adopt.
    pub intention: String,
    /// 1 when public.
    pub published: i64,
    /// Written.
    pub created_at: i64,
}

/// A report that is due for its follow-up question.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowUpRow {
    /// Its visit.
    pub visit_id: i64,
    /// The visitor's account.
    pub user_id: i64,
    /// The visitor's address.
    pub email: String,
    /// Their language.
    pub locale: String,
    /// The placement's title.
    pub placement_title: String,
}

impl Store {
    /// A visit's learning report, if written.
    pub async fn visit_report(&self, id: i64) -> Result<Option<ReportRow>> {
        Ok(sqlx::query_as(
            "SELECT visit_id, lang, saw, worked, take_home, practices, intention, outcome, host_view, published, \
             follow_up_at, reminded_at, created_at, updated_at FROM visit_reports WHERE visit_id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?)
    }

    /// A page of learning reports, newest first; `published_only` for the public.
    pub async fn reports(
        &self,
        published_only: bool,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<ReportListRow>, i64)> {
        let cond = if published_only {
            "WHERE r.published = 1"
        } else {
            ""
        };
        let (total,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM visit_reports r {cond}"
        )))
        .fetch_one(self.pool())
        .await?;
        let rows = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT r.visit_id, p.title AS placement_title, p.lang AS placement_lang, ho.name AS host_name, \
             vo.name AS visitor_organisation_name, r.intention, r.published, r.created_at \
             FROM visit_reports r JOIN visits v ON v.id = r.visit_id JOIN placements p ON p.id = v.placement_id \
             JOIN organisations ho ON ho.id = p.organisation_id \
             LEFT JOIN organisations vo ON vo.id = v.visitor_organisation_id {cond} \
             ORDER BY r.created_at DESC, r.visit_id DESC LIMIT $1 OFFSET $2"
        )))
        .bind(limit)
        .bind(offset)
        .fetch_all(self.pool())
        .await?;
        Ok((rows, total))
    }

    /// Reports whose follow-up question is due at `at` and not yet asked.
    pub async fn due_follow_ups(&self, at: i64) -> Result<Vec<FollowUpRow>> {
        Ok(sqlx::query_as(
            "SELECT r.visit_id, u.id AS user_id, u.email, u.locale, p.title AS placement_title FROM visit_reports r \
             JOIN visits v ON v.id = r.visit_id JOIN users u ON u.id = v.visitor_id \
             JOIN placements p ON p.id = v.placement_id \
             WHERE r.follow_up_at <= $1 AND r.reminded_at IS NULL AND r.outcome = '' ORDER BY r.visit_id",
        )
        .bind(at)
        .fetch_all(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// Writes or replaces the visitor's part of a learning report.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_report(
        &mut self,
        id: i64,
        lang: &str,
        texts: [&str; 3],
        practices: &[&str],
        intention: &str,
        outcome: &str,
        published: bool,
        follow_up_at: i64,
        actor: Option<i64>,
    ) -> Result<()> {
        let at = now();
        let updated = sqlx::query(
            "UPDATE visit_reports SET saw = $1, worked = $2, take_home = $3, practices = $4, intention = $5, \
             outcome = $6, published = $7, updated_at = $8, lang = $10 WHERE visit_id = $9",
        )
        .bind(texts[0])
        .bind(texts[1])
        .bind(texts[2])
        .bind(join_list(practices))
        .bind(intention)
        .bind(outcome)
        .bind(i64::from(published))
        .bind(at)
        .bind(id)
        .bind(lang)
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if updated == 0 {
            sqlx::query(
                "INSERT INTO visit_reports (visit_id, saw, worked, take_home, practices, intention, outcome, \
                 host_view, published, follow_up_at, created_at, updated_at, lang) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $9, $10, $10, $11)",
            )
            .bind(id)
            .bind(texts[0])
            .bind(texts[1])
            .bind(texts[2])
            .bind(join_list(practices))
            .bind(intention)
            .bind(outcome)
            .bind(i64::from(published))
            .bind(follow_up_at)
            .bind(at)
            .bind(lang)
            .execute(&mut *self.tx)
            .await?;
        }
        self.record("report", &id.to_string(), "save", actor).await
    }

    /// The host's view on a report.
    pub async fn set_host_view(&mut self, id: i64, text: &str, actor: Option<i64>) -> Result<()> {
        sqlx::query("UPDATE visit_reports SET host_view = $1, updated_at = $2 WHERE visit_id = $3")
            .bind(text)
            .bind(now())
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        self.record("report", &id.to_string(), "host-view", actor)
            .await
    }

    /// Claims the sending of a report's follow-up question; `false` when another process (or an
    /// earlier run) already did.
    pub async fn mark_reminded(&mut self, id: i64, at: i64) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE visit_reports SET reminded_at = $1 WHERE visit_id = $2 AND reminded_at IS NULL",
        )
        .bind(at)
        .bind(id)
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        Ok(done == 1)
    }
}
