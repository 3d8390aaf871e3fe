//! Attachments: their rows, and their bytes in the database (`file_chunks`, 256 KiB a row), named
//! by SHA-256 so the same file is stored once. Every server of an instance reads the same bytes,
//! and a backup of the database holds them. Files that older versions kept in the data directory
//! are moved in at start ([`Store::adopt_files`]).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{Result, StorageError, Store, WriteTx, now};

/// An attached file.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttachmentRow {
    /// Id.
    pub id: i64,
    /// The practice it belongs to.
    pub practice_id: i64,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// The name to download it under.
    pub filename: String,
    /// Media type, detected from the content.
    pub mime: String,
    /// Size in bytes.
    pub size: i64,
    /// Uploaded.
    pub created_at: i64,
}

/// Bytes per stored chunk: large enough to keep the row count small, small enough that no
/// single value strains either database.
const CHUNK: usize = 256 * 1024;

/// Where older versions kept the bytes of a file with this hash.
fn legacy_path(data_dir: &Path, sha256: &str) -> PathBuf {
    data_dir
        .join("files")
        .join(&sha256[..2.min(sha256.len())])
        .join(sha256)
}

/// The SHA-256 of `bytes`, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl Store {
    /// The bytes stored under a hash.
    pub async fn file(&self, sha256: &str) -> Result<Vec<u8>> {
        let chunks: Vec<(Vec<u8>,)> =
            sqlx::query_as("SELECT data FROM file_chunks WHERE sha256 = $1 ORDER BY n")
                .bind(sha256)
                .fetch_all(self.pool())
                .await?;
        if chunks.is_empty() {
            return Err(StorageError::NotFound);
        }
        Ok(chunks.into_iter().flat_map(|(c,)| c).collect())
    }

    /// Moves files that older versions kept in `data_dir` into the database (once: a file whose
    /// bytes are stored is skipped); returns how many were moved. A missing file is left to
    /// the download, which answers "not found".
    pub async fn adopt_files(&self, data_dir: &Path) -> Result<usize> {
        let missing: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT a.sha256 FROM attachments a \
             WHERE NOT EXISTS (SELECT 1 FROM file_chunks f WHERE f.sha256 = a.sha256)",
        )
        .fetch_all(self.pool())
        .await?;
        let mut moved = 0;
        for (sha,) in missing {
            let Ok(bytes) = tokio::fs::read(legacy_path(data_dir, &sha)).await else {
                continue;
            };
            let mut tx = self.write().await?;
            tx.put_file(&bytes).await?;
            tx.commit().await?;
            moved += 1;
        }
        Ok(moved)
    }

    /// A practice's attachments, oldest first.
    pub async fn attachments(&self, practice_id: i64) -> Result<Vec<AttachmentRow>> {
        Ok(sqlx::query_as(
            "SELECT id, practice_id, sha256, filename, mime, size, created_at FROM attachments WHERE practice_id = $1 ORDER BY id",
        )
        .bind(practice_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// One attachment.
    pub async fn attachment(&self, id: i64) -> Result<AttachmentRow> {
        Ok(sqlx::query_as("SELECT id, practice_id, sha256, filename, mime, size, created_at FROM attachments WHERE id = $1")
            .bind(id)
            .fetch_one(self.pool())
            .await?)
    }
}

impl WriteTx {
    /// Stores `bytes` under their hash, unless they are stored already; returns the hash.
    pub async fn put_file(&mut self, bytes: &[u8]) -> Result<String> {
        let sha = sha256_hex(bytes);
        let stored: Option<(i64,)> =
            sqlx::query_as("SELECT n FROM file_chunks WHERE sha256 = $1 AND n = 0")
                .bind(&sha)
                .fetch_optional(&mut *self.tx)
                .await?;
        if stored.is_some() {
            return Ok(sha);
        }
        // An empty file is one empty chunk, so that it can be told from a missing one.
        let chunks: Vec<&[u8]> = if bytes.is_empty() {
            vec![&[]]
        } else {
            bytes.chunks(CHUNK).collect()
        };
        for (n, chunk) in chunks.into_iter().enumerate() {
            sqlx::query("INSERT INTO file_chunks (sha256, n, data) VALUES ($1, $2, $3)")
                .bind(&sha)
                .bind(n as i64)
                .bind(chunk.to_vec())
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(sha)
    }

    /// Records an attachment whose bytes are stored.
    pub async fn insert_attachment(
        &mut self,
        a: &AttachmentRow,
        actor: Option<i64>,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO attachments (practice_id, sha256, filename, mime, size, uploaded_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(a.practice_id)
        .bind(&a.sha256)
        .bind(&a.filename)
        .bind(&a.mime)
        .bind(a.size)
        .bind(actor)
        .bind(now())
        .fetch_one(&mut *self.tx)
        .await?;
        self.record("practice", &a.practice_id.to_string(), "update", actor)
            .await?;
        Ok(id)
    }

    /// Removes an attachment of a practice, and its bytes when no other attachment shares them.
    pub async fn delete_attachment(
        &mut self,
        practice_id: i64,
        id: i64,
        actor: Option<i64>,
    ) -> Result<()> {
        let sha: Option<(String,)> = sqlx::query_as(
            "DELETE FROM attachments WHERE id = $1 AND practice_id = $2 RETURNING sha256",
        )
        .bind(id)
        .bind(practice_id)
        .fetch_optional(&mut *self.tx)
        .await?;
        let Some((sha,)) = sha else {
            return Err(StorageError::NotFound);
        };
        // The bytes go with the last attachment that uses them.
        sqlx::query(
            "DELETE FROM file_chunks WHERE sha256 = $1 \
             AND NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = $1)",
        )
        .bind(&sha)
        .execute(&mut *self.tx)
        .await?;
        self.record("practice", &practice_id.to_string(), "update", actor)
            .await
    }
}
