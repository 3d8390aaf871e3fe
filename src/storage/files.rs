//! Attachments: their rows, and their bytes on disk in the data directory, named by SHA-256 so
//! the same file is stored once and a name never reaches the file system.

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

/// Where the bytes of a file with this hash live.
pub fn blob_path(data_dir: &Path, sha256: &str) -> PathBuf {
    data_dir
        .join("files")
        .join(&sha256[..2.min(sha256.len())])
        .join(sha256)
}

/// Writes `bytes` under their hash (atomically: a temporary file, then a rename) and returns the hash.
pub async fn put_blob(data_dir: &Path, bytes: &[u8]) -> Result<String> {
    let sha = hex::encode(Sha256::digest(bytes));
    let path = blob_path(data_dir, &sha);
    if tokio::fs::try_exists(&path).await.unwrap_or(false) {
        return Ok(sha);
    }
    let dir = path
        .parent()
        .ok_or_else(|| StorageError::Other(anyhow::anyhow!("no parent directory")))?;
    tokio::fs::create_dir_all(dir)
        .await
        .map_err(|e| StorageError::Other(e.into()))?;
    let tmp = dir.join(format!(".{sha}.{}", std::process::id()));
    tokio::fs::write(&tmp, bytes)
        .await
        .map_err(|e| StorageError::Other(e.into()))?;
    tokio::fs::rename(&tmp, &path)
        .await
        .map_err(|e| StorageError::Other(e.into()))?;
    Ok(sha)
}

/// Reads the bytes stored under a hash.
pub async fn get_blob(data_dir: &Path, sha256: &str) -> Result<Vec<u8>> {
    tokio::fs::read(blob_path(data_dir, sha256))
        .await
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => StorageError::NotFound,
            _ => StorageError::Other(e.into()),
        })
}

impl Store {
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

    /// Removes an attachment of a practice (its bytes stay: other attachments may share them).
    pub async fn delete_attachment(
        &mut self,
        practice_id: i64,
        id: i64,
        actor: Option<i64>,
    ) -> Result<()> {
        let n = sqlx::query("DELETE FROM attachments WHERE id = $1 AND practice_id = $2")
            .bind(id)
            .bind(practice_id)
            .execute(&mut *self.tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StorageError::NotFound);
        }
        self.record("practice", &practice_id.to_string(), "update", actor)
            .await
    }
}
