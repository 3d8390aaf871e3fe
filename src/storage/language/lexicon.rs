//! The lexicon of the language bridge: looked up by (language, key) for each search, replaced
//! whole by an import.

use crate::storage::{Result, Store, WriteTx};

/// One translation of a word.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LexiconRow {
    /// The word's language.
    pub src_lang: String,
    /// The word as the search analyzes it.
    pub src_key: String,
    /// The word as written.
    pub src_word: String,
    /// The translation's language.
    pub dst_lang: String,
    /// The translation as written (one or more words).
    pub dst_word: String,
    /// How likely this sense is (higher first).
    pub weight: f64,
}

/// Rows per INSERT statement: few round trips, well below both databases' parameter limits.
const BATCH: usize = 200;

impl Store {
    /// Every translation filed under one of `keys` (language, key).
    pub async fn lexicon_lookup(&self, keys: &[(String, String)]) -> Result<Vec<LexiconRow>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let conditions: Vec<String> = (0..keys.len())
            .map(|i| format!("(src_lang = ${} AND src_key = ${})", 2 * i + 1, 2 * i + 2))
            .collect();
        let sql = format!(
            "SELECT src_lang, src_key, src_word, dst_lang, dst_word, weight FROM lexicon WHERE {}",
            conditions.join(" OR ")
        );
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for (lang, key) in keys {
            query = query.bind(lang).bind(key);
        }
        Ok(query.fetch_all(self.pool()).await?)
    }

    /// How many translations the lexicon holds.
    pub async fn lexicon_size(&self) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM lexicon")
            .fetch_one(self.pool())
            .await?;
        Ok(n)
    }
}

impl WriteTx {
    /// Removes every translation (before an import writes the new lexicon).
    pub async fn clear_lexicon(&mut self) -> Result<()> {
        sqlx::query("DELETE FROM lexicon")
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Adds translations, many per statement.
    pub async fn add_lexicon_rows(&mut self, rows: &[LexiconRow]) -> Result<()> {
        for batch in rows.chunks(BATCH) {
            let values: Vec<String> = (0..batch.len())
                .map(|i| {
                    let b = 6 * i;
                    format!(
                        "(${}, ${}, ${}, ${}, ${}, ${})",
                        b + 1,
                        b + 2,
                        b + 3,
                        b + 4,
                        b + 5,
                        b + 6
                    )
                })
                .collect();
            let sql = format!(
                "INSERT INTO lexicon (src_lang, src_key, src_word, dst_lang, dst_word, weight) VALUES {}",
                values.join(", ")
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for r in batch {
                query = query
                    .bind(&r.src_lang)
                    .bind(&r.src_key)
                    .bind(&r.src_word)
                    .bind(&r.dst_lang)
                    .bind(&r.dst_word)
                    .bind(r.weight);
            }
            query.execute(&mut *self.tx).await?;
        }
        Ok(())
    }
}
