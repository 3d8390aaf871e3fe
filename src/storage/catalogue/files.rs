//! Attachments: their rows, and their bytes in the database (`file_chunks`, 256 KiB a row), named
//! by SHA-256 so the same file is stored once. Every server of an instance reads the same bytes,
//! and a backup of the database holds them. Files that older versions kept in the data directory
//! are moved in at start ([`Store::adopt_files`]).

use std::path::{Path, PathBuf};

use futures_util::Stream;
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;

use crate::storage::{Result, StorageError, Store, WriteTx, now};

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

/// A local file that could not be read, as a storage error.
fn io(e: std::io::Error) -> StorageError {
    StorageError::Other(anyhow::anyhow!("reading a file to store: {e}"))
}

impl Store {
    /// The bytes stored under a hash, a chunk at a time, read as they are sent: a download
    /// holds one chunk in memory whatever the file's size. Ends early if a chunk is missing.
    pub fn file(&self, sha256: &str) -> impl Stream<Item = Result<Vec<u8>>> + Send + use<> {
        let (pool, sha256) = (self.pool.clone(), sha256.to_owned());
        futures_util::stream::try_unfold(0i64, move |n| {
            let (pool, sha256) = (pool.clone(), sha256.clone());
            async move {
                let chunk: Option<(Vec<u8>,)> =
                    sqlx::query_as("SELECT data FROM file_chunks WHERE sha256 = $1 AND n = $2")
                        .bind(sha256)
                        .bind(n)
                        .fetch_optional(&pool)
                        .await?;
                Ok(chunk.map(|(c,)| (c, n + 1)))
            }
        })
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
            let path = legacy_path(data_dir, &sha);
            if !tokio::fs::try_exists(&path).await.unwrap_or(false) {
                continue;
            }
            let sha = file_sha256(&path).await?;
            let mut tx = self.write().await?;
            tx.put_file(&path, &sha).await?;
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

/// The SHA-256 of the file at `path` in hex, read one chunk at a time: computed before a write
/// turn is taken, so that no other writer waits for it.
pub async fn file_sha256(path: &Path) -> Result<String> {
    let mut hasher = Sha256::new();
    let mut file = tokio::fs::File::open(path).await.map_err(io)?;
    let mut buf = vec![0; CHUNK];
    loop {
        let n = file.read(&mut buf).await.map_err(io)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

impl WriteTx {
    /// Stores the file at `path` under `sha` (its SHA-256 from [`file_sha256`]), unless it is
    /// stored already, one chunk at a time.
    pub async fn put_file(&mut self, path: &Path, sha: &str) -> Result<()> {
        let mut buf = vec![0; CHUNK];
        let stored: Option<(i64,)> =
            sqlx::query_as("SELECT n FROM file_chunks WHERE sha256 = $1 AND n = 0")
                .bind(sha)
                .fetch_optional(&mut *self.tx)
                .await?;
        if stored.is_some() {
            return Ok(());
        }
        let mut file = tokio::fs::File::open(path).await.map_err(io)?;
        // An empty file is one empty chunk, so that it can be told from a missing one.
        for n in 0i64.. {
            let mut len = 0;
            while len < CHUNK {
                match file.read(&mut buf[len..]).await.map_err(io)? {
                    0 => break,
                    read => len += read,
                }
            }
            if len == 0 && n > 0 {
                break;
            }
            sqlx::query("INSERT INTO file_chunks (sha256, n, data) VALUES ($1, $2, $3)")
                .bind(sha)
                .bind(n)
                .bind(buf[..len].to_vec())
                .execute(&mut *self.tx)
                .await?;
            if len < CHUNK {
                break;
            }
        }
        Ok(())
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
