//! What can go wrong in storage, and how database errors are told apart.

/// What can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The row does not exist.
    #[error("not found")]
    NotFound,
    /// A unique key is taken (the constraint's name says which).
    #[error("conflict: {0}")]
    Conflict(String),
    /// Another write (of this process or another) held the turn to write for longer than a
    /// writer waits.
    #[error("the turn to write did not come in time")]
    Busy,
    /// Anything else: connection, migration, bad data in the database.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl From<sqlx::Error> for StorageError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StorageError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                StorageError::Conflict(db.message().to_owned())
            }
            _ => StorageError::Other(e.into()),
        }
    }
}

/// Whether `e` says that another writer holds the database's write lock: SQLite's "database is
/// locked" (`SQLITE_BUSY`, 5, or an extended code of it) or PostgreSQL's `lock_not_available`
/// (55P03, the lock timeout).
pub(super) fn is_busy(e: &sqlx::Error, backend: super::Backend) -> bool {
    let sqlx::Error::Database(db) = e else {
        return false;
    };
    let code = db.code();
    let code = code.as_deref().unwrap_or_default();
    match backend {
        super::Backend::Sqlite => code.parse::<i32>().is_ok_and(|c| c & 0xff == 5),
        super::Backend::Postgres => code == "55P03",
    }
}

/// Storage results.
pub type Result<T, E = StorageError> = std::result::Result<T, E>;
