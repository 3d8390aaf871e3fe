//! Vectors of the optional embedding model, stored so that they are computed once per text.

use crate::storage::{Result, Store, WriteTx};

/// A stored vector.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct VectorRow {
    /// What it belongs to (`practice`).
    pub kind: String,
    /// Its id.
    pub owner_id: i64,
    /// The text's language.
    pub lang: String,
    /// The model's fingerprint.
    pub model: String,
    /// A hash of the embedded text.
    pub source: String,
    /// Little-endian f32.
    pub vector: Vec<u8>,
}

impl Store {
    /// The vectors of these owners of `kind` computed by `model`.
    pub async fn vectors_of(&self, kind: &str, model: &str, ids: &[i64]) -> Result<Vec<VectorRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 3)).collect();
        let sql = format!(
            "SELECT kind, owner_id, lang, model, source, vector FROM search_vectors \
             WHERE kind = $1 AND model = $2 AND owner_id IN ({})",
            list.join(", ")
        );
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(kind)
            .bind(model);
        for id in ids {
            query = query.bind(id);
        }
        Ok(query.fetch_all(self.pool()).await?)
    }
}

impl WriteTx {
    /// Stores vectors, replacing those of the same owner and language.
    pub async fn put_vectors(&mut self, rows: &[VectorRow]) -> Result<()> {
        for r in rows {
            sqlx::query(
                "INSERT INTO search_vectors (kind, owner_id, lang, model, source, vector) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kind, owner_id, lang) \
                 DO UPDATE SET model = excluded.model, source = excluded.source, \
                 vector = excluded.vector",
            )
            .bind(&r.kind)
            .bind(r.owner_id)
            .bind(&r.lang)
            .bind(&r.model)
            .bind(&r.source)
            .bind(&r.vector)
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(())
    }
}
