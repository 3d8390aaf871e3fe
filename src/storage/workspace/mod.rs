//! The workspace: the site's own pages (imprint, privacy notice) per interface language, and
//! the notices people receive.

pub mod notices;

use crate::storage::{Result, Store, WriteTx, now};

/// What came into the network after a moment: published practices, open placements, calls.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct News {
    /// Practices published since.
    pub practices: i64,
    /// Open placements added since.
    pub placements: i64,
    /// Calls opened since.
    pub calls: i64,
    /// Learning reports published since (written since and public).
    pub reports: i64,
}

impl Store {
    /// How many practices were published, open placements added, calls opened and public
    /// learning reports written after `since`.
    pub async fn news_since(&self, since: i64) -> Result<News> {
        Ok(sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM practices WHERE status = 'published' AND published_at > $1) AS practices, \
             (SELECT COUNT(*) FROM placements WHERE status = 'open' AND created_at > $1) AS placements, \
             (SELECT COUNT(*) FROM calls WHERE created_at > $1) AS calls, \
             (SELECT COUNT(*) FROM visit_reports WHERE published = 1 AND created_at > $1) AS reports",
        )
        .bind(since)
        .fetch_one(self.pool())
        .await?)
    }

    /// The texts of a site page that administrators wrote, by language.
    pub async fn site_page(&self, page: &str) -> Result<Vec<(String, String)>> {
        Ok(
            sqlx::query_as("SELECT lang, body FROM site_pages WHERE page = $1 ORDER BY lang")
                .bind(page)
                .fetch_all(self.pool())
                .await?,
        )
    }
}

impl WriteTx {
    /// Sets a site page's text in one language (an empty text removes it, so the built-in
    /// text shows again), and logs the change.
    pub async fn set_site_page(
        &mut self,
        page: &str,
        lang: &str,
        body: &str,
        actor: Option<i64>,
    ) -> Result<()> {
        sqlx::query("DELETE FROM site_pages WHERE page = $1 AND lang = $2")
            .bind(page)
            .bind(lang)
            .execute(&mut *self.tx)
            .await?;
        if !body.is_empty() {
            sqlx::query(
                "INSERT INTO site_pages (page, lang, body, updated_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(page)
            .bind(lang)
            .bind(body)
            .bind(now())
            .execute(&mut *self.tx)
            .await?;
        }
        self.record("site_page", &format!("{page}/{lang}"), "update", actor)
            .await
    }
}
