//! What pickers offer and resolve: the names of organisations and people, and the titles of
//! published practices, looked up by their folded form so that "Association dounia" finds
//! "Association Dounia".

use crate::storage::{Result, Store, fold, name_key};

/// A directory table whose rows a picker names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// `organisations`.
    Organisations,
    /// `people`.
    People,
}

impl Named {
    fn table(self) -> &'static str {
        match self {
            Named::Organisations => "organisations",
            Named::People => "people",
        }
    }
}

impl Store {
    /// Every row's slug and name, by name.
    pub async fn names(&self, of: Named) -> Result<Vec<(String, String)>> {
        let sql = format!(
            "SELECT slug, name FROM {} ORDER BY name_key, slug",
            of.table()
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?)
    }

    /// The slugs of the rows whose name folds to the same as `name` (or whose slug it is).
    pub async fn slugs_named(&self, of: Named, name: &str) -> Result<Vec<String>> {
        let sql = format!(
            "SELECT slug FROM {} WHERE name_key = $1 OR slug = $2 ORDER BY slug LIMIT 5",
            of.table()
        );
        let rows: Vec<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(name_key(name.trim()))
            .bind(name.trim())
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// The slugs of published practices with this title in any language, or of the practice
    /// with this slug (whose page decides who may read it).
    pub async fn practices_titled(&self, title: &str) -> Result<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT p.slug FROM practices p LEFT JOIN practice_texts t \
             ON t.practice_id = p.id AND t.field = 'title' AND t.sort_key = $1 \
             WHERE (p.status = 'published' AND t.practice_id IS NOT NULL) OR p.slug = $2 \
             ORDER BY p.slug LIMIT 5",
        )
        .bind(fold(title.trim()))
        .bind(title.trim())
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// The title of each published practice in `lang`, or in its original language (others are
    /// left out: their titles are not for everyone).
    pub async fn practice_titles(
        &self,
        slugs: &[String],
        lang: &str,
    ) -> Result<Vec<(String, String)>> {
        let mut out = Vec::with_capacity(slugs.len());
        for slug in slugs {
            let row: Option<(String,)> = sqlx::query_as(
                "SELECT COALESCE(tl.body, o.body) FROM practices p \
                 JOIN practice_texts o ON o.practice_id = p.id AND o.field = 'title' AND o.lang = p.original_lang \
                 LEFT JOIN practice_texts tl ON tl.practice_id = p.id AND tl.field = 'title' AND tl.lang = $2 \
                 WHERE p.slug = $1 AND p.status = 'published'",
            )
            .bind(slug)
            .bind(lang)
            .fetch_optional(self.pool())
            .await?;
            if let Some((title,)) = row {
                out.push((slug.clone(), title));
            }
        }
        Ok(out)
    }
}
