//! Uploaded files: a multipart field is written to a file under the data directory as it
//! arrives, so that a request holds one network chunk in memory whatever the file's size. The
//! file is removed when the returned path is dropped.

use axum::extract::multipart::Field;
use axum::http::StatusCode;
use tokio::io::AsyncWriteExt;

use crate::app::{App, Error};

/// Writes `field` to a file of its own; `Ok(None)` when the upload broke off.
pub(crate) async fn spool(
    app: &App,
    mut field: Field<'_>,
) -> Result<Option<tempfile::TempPath>, Error> {
    let failed = |e: std::io::Error| Error::Internal(anyhow::anyhow!("spooling an upload: {e}"));
    let dir = app.config().data_dir.join("uploads");
    tokio::fs::create_dir_all(&dir).await.map_err(failed)?;
    let (file, path) = tempfile::NamedTempFile::new_in(&dir)
        .map_err(failed)?
        .into_parts();
    let mut file = tokio::fs::File::from_std(file);
    loop {
        match field.chunk().await {
            Ok(Some(bytes)) => file.write_all(&bytes).await.map_err(failed)?,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(Error::TooLarge),
            Err(_) => return Ok(None),
        }
    }
    file.flush().await.map_err(failed)?;
    Ok(Some(path))
}
