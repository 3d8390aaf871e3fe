//! Glossary storage: concepts and their terms. The glossary is small (hundreds of concepts), so
//! it is read whole and `app` keeps it in memory until the change log moves.

use crate::storage::{Result, Store, WriteTx, now};

/// A stored concept (terms separately).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GlossaryConceptRow {
    /// Key.
    pub key: String,
    /// Domain (stored name).
    pub domain: String,
    /// German definition.
    pub definition_de: String,
    /// French definition.
    pub definition_fr: String,
    /// English definition.
    pub definition_en: String,
    /// Luxembourgish definition.
    pub definition_lb: String,
    /// Related keys, comma-separated.
    pub related: String,
    /// Last change.
    pub updated_at: i64,
}

/// A stored term.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GlossaryTermRow {
    /// The concept's key.
    pub concept: String,
    /// Language.
    pub lang: String,
    /// Order within the language; 0 is the preferred term.
    pub position: i64,
    /// The term.
    pub term: String,
}

impl Store {
    /// Every concept and every term, in key and position order.
    pub async fn glossary(&self) -> Result<(Vec<GlossaryConceptRow>, Vec<GlossaryTermRow>)> {
        let concepts = sqlx::query_as(
            "SELECT key, domain, definition_de, definition_fr, definition_en, definition_lb, related, updated_at \
             FROM glossary_concepts ORDER BY key",
        )
        .fetch_all(self.pool())
        .await?;
        let terms = sqlx::query_as(
            "SELECT concept, lang, position, term FROM glossary_terms ORDER BY concept, lang, position",
        )
        .fetch_all(self.pool())
        .await?;
        Ok((concepts, terms))
    }

    /// Number of concepts.
    pub async fn glossary_count(&self) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM glossary_concepts")
            .fetch_one(self.pool())
            .await?;
        Ok(n)
    }
}

impl WriteTx {
    /// Creates or replaces a concept with its terms; returns true when it was new.
    pub async fn put_concept(
        &mut self,
        row: &GlossaryConceptRow,
        terms: &[(String, Vec<String>)],
        actor: Option<i64>,
    ) -> Result<bool> {
        let exists: Option<(String,)> =
            sqlx::query_as("SELECT key FROM glossary_concepts WHERE key = $1")
                .bind(&row.key)
                .fetch_optional(&mut *self.tx)
                .await?;
        if exists.is_some() {
            sqlx::query(
                "UPDATE glossary_concepts SET domain = $2, definition_de = $3, definition_fr = $4, \
                 definition_en = $5, definition_lb = $6, related = $7, updated_at = $8 WHERE key = $1",
            )
        } else {
            sqlx::query(
                "INSERT INTO glossary_concepts (key, domain, definition_de, definition_fr, definition_en, \
                 definition_lb, related, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
        }
        .bind(&row.key)
        .bind(&row.domain)
        .bind(&row.definition_de)
        .bind(&row.definition_fr)
        .bind(&row.definition_en)
        .bind(&row.definition_lb)
        .bind(&row.related)
        .bind(now())
        .execute(&mut *self.tx)
        .await?;
        sqlx::query("DELETE FROM glossary_terms WHERE concept = $1")
            .bind(&row.key)
            .execute(&mut *self.tx)
            .await?;
        for (lang, list) in terms {
            for (i, term) in list.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO glossary_terms (concept, lang, position, term) VALUES ($1, $2, $3, $4)",
                )
                .bind(&row.key)
                .bind(lang)
                .bind(i as i64)
                .bind(term)
                .execute(&mut *self.tx)
                .await?;
            }
        }
        let kind = if exists.is_some() { "update" } else { "create" };
        self.record("glossary", &row.key, kind, actor).await?;
        Ok(exists.is_none())
    }

    /// Deletes a concept and its terms.
    pub async fn delete_concept(&mut self, key: &str, actor: Option<i64>) -> Result<()> {
        let done = sqlx::query("DELETE FROM glossary_concepts WHERE key = $1")
            .bind(key)
            .execute(&mut *self.tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(crate::storage::StorageError::NotFound);
        }
        self.record("glossary", key, "delete", actor).await
    }
}
