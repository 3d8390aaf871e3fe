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

/// A word of a language's word list, with its frequency.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LexiconWordRow {
    /// The word's language.
    pub lang: String,
    /// The word, folded (lowercase, no accents).
    pub word: String,
    /// Its frequency on the Zipf scale (log10 of occurrences per billion words).
    pub zipf: f64,
}

/// A coordinator's correction: a translation added, or one of the lexicon's removed.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconCorrectionRow {
    pub src_lang: String,
    /// The word as the search analyzes it.
    pub src_key: String,
    /// The word as the coordinator wrote it.
    pub src_word: String,
    pub dst_lang: String,
    pub dst_word: String,
    /// True: the lexicon's translation is a wrong sense, never used; false: an added one.
    pub removed: bool,
}

/// A correction as stored (flags are integers on both databases).
#[derive(sqlx::FromRow)]
struct CorrectionRecord {
    src_lang: String,
    src_key: String,
    src_word: String,
    dst_lang: String,
    dst_word: String,
    removed: i64,
}

/// `(src_lang, src_key)` is one of `n` pairs bound from `$1` on.
fn any_key(n: usize) -> String {
    (0..n)
        .map(|i| format!("(src_lang = ${} AND src_key = ${})", 2 * i + 1, 2 * i + 2))
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// Rows per INSERT statement: few round trips, well below both databases' parameter limits.
const BATCH: usize = 200;

impl Store {
    /// Every translation filed under one of `keys` (language, key).
    pub async fn lexicon_lookup(&self, keys: &[(String, String)]) -> Result<Vec<LexiconRow>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT src_lang, src_key, src_word, dst_lang, dst_word, weight FROM lexicon WHERE {}",
            any_key(keys.len())
        );
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for (lang, key) in keys {
            query = query.bind(lang).bind(key);
        }
        Ok(query.fetch_all(self.pool()).await?)
    }

    /// Keys of `lang` that start with `prefix` and are `min`–`max` bytes long, with their number
    /// of translations, at most `limit` of them (the most translated first).
    pub async fn lexicon_keys_like(
        &self,
        lang: &str,
        prefix: &str,
        min: usize,
        max: usize,
        limit: i64,
    ) -> Result<Vec<(String, i64)>> {
        // A range on the key uses the (src_lang, src_key) index; keys are folded ASCII, and the
        // range ends before the prefix with its last letter raised ("lux" → "luy").
        let mut end: Vec<u8> = prefix.as_bytes().to_vec();
        if let Some(last) = end.last_mut() {
            *last = last.saturating_add(1);
        }
        let end = String::from_utf8_lossy(&end).into_owned();
        Ok(sqlx::query_as(
            "SELECT src_key, COUNT(*) FROM lexicon WHERE src_lang = $1 AND src_key >= $2 \
             AND src_key < $3 AND LENGTH(src_key) BETWEEN $4 AND $5 \
             GROUP BY src_key ORDER BY COUNT(*) DESC, src_key LIMIT $6",
        )
        .bind(lang)
        .bind(prefix)
        .bind(end)
        .bind(min as i64)
        .bind(max as i64)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// Every correction filed under one of `keys` (language, key).
    pub async fn lexicon_corrections(
        &self,
        keys: &[(String, String)],
    ) -> Result<Vec<LexiconCorrectionRow>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT src_lang, src_key, src_word, dst_lang, dst_word, removed \
             FROM lexicon_corrections WHERE {} ORDER BY dst_lang, dst_word",
            any_key(keys.len())
        );
        let mut query = sqlx::query_as::<_, CorrectionRecord>(sqlx::AssertSqlSafe(sql));
        for (lang, key) in keys {
            query = query.bind(lang).bind(key);
        }
        Ok(query
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r| LexiconCorrectionRow {
                src_lang: r.src_lang,
                src_key: r.src_key,
                src_word: r.src_word,
                dst_lang: r.dst_lang,
                dst_word: r.dst_word,
                removed: r.removed != 0,
            })
            .collect())
    }

    /// The word list of `lang`, in the order of the words.
    pub async fn lexicon_words(&self, lang: &str) -> Result<Vec<(String, f64)>> {
        Ok(
            sqlx::query_as("SELECT word, zipf FROM lexicon_words WHERE lang = $1 ORDER BY word")
                .bind(lang)
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// How many words the word lists hold.
    pub async fn lexicon_word_count(&self) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM lexicon_words")
            .fetch_one(self.pool())
            .await?;
        Ok(n)
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
    /// Removes every translation and/or every word list (before an import writes new ones).
    pub async fn clear_lexicon(&mut self, translations: bool, words: bool) -> Result<()> {
        for (table, clear) in [("lexicon", translations), ("lexicon_words", words)] {
            if clear {
                sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table}")))
                    .execute(&mut *self.tx)
                    .await?;
            }
        }
        Ok(())
    }

    /// Records a correction, replacing an earlier one of the same translation.
    pub async fn set_lexicon_correction(&mut self, c: &LexiconCorrectionRow) -> Result<()> {
        sqlx::query(
            "INSERT INTO lexicon_corrections (src_lang, src_key, src_word, dst_lang, dst_word, removed) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (src_lang, src_key, dst_lang, dst_word) \
             DO UPDATE SET src_word = excluded.src_word, removed = excluded.removed",
        )
        .bind(&c.src_lang)
        .bind(&c.src_key)
        .bind(&c.src_word)
        .bind(&c.dst_lang)
        .bind(&c.dst_word)
        .bind(i64::from(c.removed))
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// Takes a correction back.
    pub async fn delete_lexicon_correction(&mut self, c: &LexiconCorrectionRow) -> Result<()> {
        sqlx::query(
            "DELETE FROM lexicon_corrections \
             WHERE src_lang = $1 AND src_key = $2 AND dst_lang = $3 AND dst_word = $4",
        )
        .bind(&c.src_lang)
        .bind(&c.src_key)
        .bind(&c.dst_lang)
        .bind(&c.dst_word)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// Adds words to the word lists, many per statement; a word listed twice keeps its higher
    /// frequency.
    pub async fn add_lexicon_words(&mut self, rows: &[LexiconWordRow]) -> Result<()> {
        for batch in rows.chunks(BATCH) {
            let values: Vec<String> = (0..batch.len())
                .map(|i| format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
                .collect();
            let sql = format!(
                "INSERT INTO lexicon_words (lang, word, zipf) VALUES {} \
                 ON CONFLICT (lang, word) DO UPDATE SET zipf = \
                 CASE WHEN excluded.zipf > lexicon_words.zipf THEN excluded.zipf ELSE lexicon_words.zipf END",
                values.join(", ")
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for r in batch {
                query = query.bind(&r.lang).bind(&r.word).bind(r.zipf);
            }
            query.execute(&mut *self.tx).await?;
        }
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
