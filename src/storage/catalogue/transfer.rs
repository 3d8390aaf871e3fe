//! The reads of an export: practices a page at a time, and the texts, owners and contacts of a
//! page's practices.

use super::practices::{
    PracticeFilter, PracticeRow, PracticeScope, PracticeTextRow, conditions, select,
};
use crate::storage::{Result, Store, Value, bind_all};

impl Store {
    /// Up to `limit` practices in `scope` whose id is above `after`, lowest id first: the pages
    /// of an export, each found through the primary key however far the export has come.
    pub async fn practices_after(
        &self,
        scope: PracticeScope,
        after: i64,
        limit: i64,
    ) -> Result<Vec<PracticeRow>> {
        let mut w = conditions(scope, &PracticeFilter::default());
        let after = w.value(Value::Int(after));
        w.always(&format!("p.id > {after}"));
        let where_sql = w.sql();
        let reader_param = w.value(Value::Text(String::new()));
        let limit_param = w.value(Value::Int(limit));
        let sql = format!(
            "{} {where_sql} ORDER BY p.id LIMIT {limit_param}",
            select(&reader_param)
        );
        Ok(bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), w)
            .fetch_all(self.pool())
            .await?)
    }

    /// Every text, owner and contact of the practices `ids` (one page of an export), keyed by
    /// practice id.
    pub async fn practice_links_of(
        &self,
        ids: &[i64],
    ) -> Result<(
        Vec<(i64, PracticeTextRow)>,
        Vec<(i64, String)>,
        Vec<(i64, String)>,
    )> {
        #[derive(sqlx::FromRow)]
        struct T {
            practice_id: i64,
            lang: String,
            field: String,
            body: String,
            status: String,
            based_on: i64,
        }
        if ids.is_empty() {
            return Ok(Default::default());
        }
        // Integers from the database, written into the statement: no parameter limit to mind.
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let texts: Vec<T> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT practice_id, lang, field, body, status, based_on FROM practice_texts \
             WHERE practice_id IN ({list}) ORDER BY practice_id, lang, field",
        )))
        .fetch_all(self.pool())
        .await?;
        let owners = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT po.practice_id, o.slug FROM practice_organisations po JOIN organisations o ON o.id = po.organisation_id \
             WHERE po.practice_id IN ({list}) ORDER BY po.practice_id, o.slug",
        )))
        .fetch_all(self.pool())
        .await?;
        let contacts = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT pc.practice_id, pe.slug FROM practice_contacts pc JOIN people pe ON pe.id = pc.person_id \
             WHERE pc.practice_id IN ({list}) ORDER BY pc.practice_id, pe.slug",
        )))
        .fetch_all(self.pool())
        .await?;
        let texts = texts
            .into_iter()
            .map(|t| {
                (
                    t.practice_id,
                    PracticeTextRow {
                        lang: t.lang,
                        field: t.field,
                        body: t.body,
                        status: t.status,
                        based_on: t.based_on,
                    },
                )
            })
            .collect();
        Ok((texts, owners, contacts))
    }
}
