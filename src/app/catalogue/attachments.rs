//! A practice's attached files: checked by their content, stored in the database, served as downloads.

use crate::domain::{Action, Actor, FieldError, FieldErrors};
use crate::storage::AttachmentRow;

use super::practices::*;
use crate::app::{App, Error, Result, authorize};

/// Reads an uploaded file once to learn its size and kind ([`crate::domain::catalogue::file::Sniff`]).
pub async fn sniff_file(path: &std::path::Path) -> Result<crate::domain::catalogue::file::Sniff> {
    use tokio::io::AsyncReadExt;
    let unreadable = |e: std::io::Error| Error::Internal(anyhow::anyhow!("reading an upload: {e}"));
    let mut file = tokio::fs::File::open(path).await.map_err(unreadable)?;
    let mut sniff = crate::domain::catalogue::file::Sniff::default();
    let mut buf = vec![0; 64 * 1024];
    loop {
        match file.read(&mut buf).await.map_err(unreadable)? {
            0 => return Ok(sniff),
            n => sniff.feed(&buf[..n]),
        }
    }
}

impl App {
    /// Attaches a file to a practice (those who may edit it). Its kind is decided from its content
    /// and must be one of `domain::file::ACCEPTED`; the bytes are stored in the database under
    /// their SHA-256, in the same transaction as the attachment.
    #[tracing::instrument(skip_all, fields(slug))]
    pub async fn attach(
        &self,
        actor: &Actor,
        slug: &str,
        filename: &str,
        upload: &std::path::Path,
    ) -> Result<i64> {
        let p = self.may_attach(actor, slug).await?;
        let sniff = sniff_file(upload).await?;
        let max = self.config().max_upload_bytes;
        if sniff.size() > max as u64 {
            return Err(Error::Invalid(FieldErrors::one(
                "file",
                FieldError::with("error-file-too-large", "max", max / 1_000_000),
            )));
        }
        let mime = sniff
            .kind()
            .map_err(|e| Error::Invalid(FieldErrors::one("file", e)))?;
        // Hashed before the write turn is taken: other writers do not wait for it.
        let sha256 = crate::storage::file_sha256(upload).await?;
        let mut tx = self.store().write().await?;
        tx.put_file(upload, &sha256).await?;
        let row = AttachmentRow {
            id: 0,
            practice_id: p.row.id,
            sha256,
            filename: crate::domain::catalogue::file::safe_name(filename),
            mime: mime.to_owned(),
            size: sniff.size() as i64,
            created_at: 0,
        };
        let id = tx.insert_attachment(&row, actor.user_id()).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The practice, if `actor` may attach files to it: asked before an upload is read.
    pub async fn may_attach(&self, actor: &Actor, slug: &str) -> Result<Practice> {
        let p = self.practice(actor, slug, "").await?;
        authorize(actor, Action::EditPractice(p.facts))?;
        Ok(p)
    }

    /// An attachment and its bytes as they are read, for those who may read the practice.
    pub async fn attachment(
        &self,
        actor: &Actor,
        slug: &str,
        id: i64,
    ) -> Result<(
        AttachmentRow,
        impl futures_util::Stream<Item = Result<Vec<u8>>> + Send + 'static,
    )> {
        let p = self.practice(actor, slug, "").await?;
        let a = p
            .attachments
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(Error::NotFound)?;
        let bytes = futures_util::TryStreamExt::map_err(self.store().file(&a.sha256), Error::from);
        Ok((a, bytes))
    }

    /// Removes an attachment (those who may edit the practice).
    pub async fn detach(&self, actor: &Actor, slug: &str, id: i64) -> Result<()> {
        let p = self.practice(actor, slug, "").await?;
        authorize(actor, Action::EditPractice(p.facts))?;
        let mut tx = self.store().write().await?;
        tx.delete_attachment(p.row.id, id, actor.user_id()).await?;
        tx.commit().await?;
        Ok(())
    }
}
