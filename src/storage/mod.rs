//! Storage: the only module that runs SQL. One implementation over portable SQL that runs on
//! SQLite (the embedded default) and PostgreSQL, through sqlx's `Any` driver.
//!
//! Queries use `$n` placeholders (SQLite accepts them too) and only types both databases share:
//! integers, floats and text; times are Unix seconds. DDL lives per backend under `migrations/`.
//! Every write runs in a [`WriteTx`] that appends to the `changes` log before it commits.
//! Storage never decides visibility or permissions; `app` does.

mod accounts;
mod catalogue;
mod directory;
mod error;
mod exchange;
mod language;
mod sql;
mod workspace;
pub use accounts::audit::{AuditFilter, AuditRow};
pub use accounts::personal::{PERSONAL, UnfinishedWork};
pub use accounts::{ApiTokenRow, InvitationRow, SessionUser, UserRow};
pub use catalogue::files::{AttachmentRow, file_sha256};
pub use catalogue::practice_writes::{Opinion, PracticeWrite, ReviewUpdate, Step};
pub use catalogue::practices::{
    EventRow, LinkRow, PracticeFacets, PracticeFilter, PracticeRow, PracticeScope, PracticeSort,
    PracticeTextRow, RevisionRow,
};
pub use directory::picks::Named;
pub use directory::{
    CityRow, CountryRow, OrgFilter, OrganisationRow, OrganisationTextRow, PeopleFilter, PersonRow,
    TermRow,
};
pub use error::{Result, StorageError};
pub use exchange::calls::{AssignmentRow, CallRequestRow, CallRow, NewCallRequest, PreferenceRow};
pub use exchange::checklist::{ChecklistItemRow, ConfirmationRow};
pub use exchange::placements::{
    PlacementFilter, PlacementRow, PlacementTextRow, PlacementWrite, WindowRow,
};
pub use exchange::reports::{FollowUpRow, ReportListRow, ReportRow};
pub use exchange::visits::{NewVisit, VisitEventRow, VisitFilter, VisitPlan, VisitRow};
pub use language::glossary::{GlossaryConceptRow, GlossaryTermRow};
pub use language::lexicon::{LexiconCorrectionRow, LexiconRow, LexiconWordRow};
pub use language::search_source::{IndexRow, IndexSelect, IndexText};
pub use language::vectors::VectorRow;
pub use sql::*;
pub use workspace::News;
pub use workspace::notices::{MailNoticeRow, NewNotice, NoticeRow, Recipients};

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{Any, AnyPool, Executor, Transaction};

use error::is_busy;

/// Which database is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// The database: a connection pool and the backend it talks to.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    seen: Arc<AtomicI64>,
    /// Writers of this process wait here, in turn, rather than in the database's lock (where
    /// SQLite's busy timeout would fail a long queue of large writes).
    writer: Arc<tokio::sync::Mutex<()>>,
    /// How long a writer waits for its turn, in this process and in the database's lock.
    write_wait: std::time::Duration,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

tokio::task_local! {
    /// Where the writes of the current request or command come from (the client's address, or
    /// "command line"), kept with each change for the audit log. Set by the web layer for each
    /// request and by the command line; background tasks write none.
    pub static ORIGIN: String;
}

/// Current time in Unix seconds.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

impl Store {
    /// Connects to `url` (`sqlite://…` or `postgres://…`). SQLite files are created when missing and
    /// run in WAL mode with foreign keys on and a busy timeout.
    pub async fn connect(url: &str) -> Result<Store> {
        install_default_drivers();
        let backend = if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            return Err(StorageError::Other(anyhow::anyhow!(
                "unsupported database URL (use sqlite:// or postgres://)"
            )));
        };
        let options = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 10 })
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        for pragma in [
                            "PRAGMA journal_mode = WAL",
                            // Every commit reaches the disk before it is acknowledged: durable
                            // against a power loss, not only against a crash of the process.
                            "PRAGMA synchronous = FULL",
                            "PRAGMA foreign_keys = ON",
                            "PRAGMA busy_timeout = 5000",
                            // Deleted content is overwritten, not left in free pages (erasure).
                            "PRAGMA secure_delete = ON",
                        ] {
                            conn.execute(pragma).await?;
                        }
                    }
                    Ok(())
                })
            });
        let pool = options.connect(url).await?;
        Ok(Store {
            pool,
            backend,
            seen: Arc::new(AtomicI64::new(0)),
            writer: Arc::new(tokio::sync::Mutex::new(())),
            write_wait: std::time::Duration::from_secs(120),
        })
    }

    /// The same store, whose writers wait `wait` for their turn before [`StorageError::Busy`].
    pub fn with_write_wait(mut self, wait: std::time::Duration) -> Store {
        self.write_wait = wait;
        self
    }

    /// The newest change this process knows of: raised by its own commits and by [`Store::catch_up`].
    /// Caches of derived data stay valid while it does not move.
    pub fn generation(&self) -> i64 {
        self.seen.load(Ordering::Acquire)
    }

    /// Raises [`Store::generation`] to the newest change in the database, so that writes by other
    /// processes (another server, the command line) invalidate this one's caches too.
    pub async fn catch_up(&self) -> Result<i64> {
        let last = self.last_change().await?;
        self.seen.fetch_max(last, Ordering::AcqRel);
        Ok(self.generation())
    }

    /// The backend behind this store.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies every pending migration of this backend.
    pub async fn migrate(&self) -> Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&self.pool)
            .await
            .map_err(|e| StorageError::Other(e.into()))?;
        self.fill_title_sort_keys().await?;
        self.sort_free_target_groups().await?;
        // PostgreSQL's autovacuum keeps its statistics; SQLite has none until asked.
        if self.backend == Backend::Sqlite {
            self.analyze().await?;
        }
        Ok(())
    }

    /// Files the free-text target groups of practices written before the taxonomy existed under
    /// its keys, the rest as the practice's note, in one transaction (nothing to do once the
    /// rows migration 0028 listed are sorted).
    async fn sort_free_target_groups(&self) -> Result<()> {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT p.id, p.target_groups, p.target_group_note FROM practices p \
             JOIN target_groups_to_sort s ON s.practice_id = p.id",
        )
        .fetch_all(&self.pool)
        .await?;
        if rows.is_empty() {
            return Ok(());
        }
        let matcher = TermRow::matcher(
            &self
                .terms(crate::domain::directory::Taxonomy::TargetGroups)
                .await?,
        );
        let mut tx = self.pool.begin().await?;
        for (id, groups, note) in &rows {
            let values: Vec<String> = serde_json::from_str(groups).unwrap_or_default();
            let (keys, rest) = matcher.sort(&values);
            let note = std::iter::once(note.clone())
                .chain(rest)
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
                .join("; ");
            sqlx::query(
                "UPDATE practices SET target_groups = $2, target_group_note = $3 WHERE id = $1",
            )
            .bind(id)
            .bind(catalogue::practice_writes::json_list(&keys))
            .bind(note)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM target_groups_to_sort")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives titles written before sort keys existed their key, in one transaction (nothing to do
    /// once every title has one).
    async fn fill_title_sort_keys(&self) -> Result<()> {
        let missing: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT practice_id, lang, body FROM practice_texts WHERE field = 'title' AND sort_key IS NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        if missing.is_empty() {
            return Ok(());
        }
        let mut tx = self.pool.begin().await?;
        for (id, lang, body) in &missing {
            sqlx::query(
                "UPDATE practice_texts SET sort_key = $3 WHERE practice_id = $1 AND lang = $2 AND field = 'title'",
            )
            .bind(id)
            .bind(lang)
            .bind(catalogue::practice_writes::sort_key("title", body))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Writes a consistent copy of the whole database (every file included) to `path` while the
    /// database stays in use: SQLite's `VACUUM INTO`. PostgreSQL has `pg_dump` for that.
    pub async fn backup_into(&self, path: &std::path::Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(StorageError::Other(anyhow::anyhow!(
                "backup is for the embedded SQLite database; with PostgreSQL, use pg_dump (see the README)"
            )));
        }
        sqlx::query("VACUUM INTO $1")
            .bind(path.to_string_lossy().into_owned())
            .execute(&self.pool)
            .await?;
        // It holds password and token hashes and the form-token secret: for its owner only.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| StorageError::Other(e.into()))?;
        }
        Ok(())
    }

    /// Checks that `path` is a sound Passerelle backup: an intact SQLite database with this
    /// program's migrations.
    pub async fn check_backup(path: &std::path::Path) -> Result<()> {
        install_default_drivers();
        let url = format!("sqlite://{}?mode=ro", path.display());
        let pool = AnyPoolOptions::new()
            .max_connections(1)
            .connect(&url)
            .await
            .map_err(|e| {
                StorageError::Other(anyhow::anyhow!("{}: not a database ({e})", path.display()))
            })?;
        let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check")
            .fetch_one(&pool)
            .await
            .map_err(|e| {
                StorageError::Other(anyhow::anyhow!("{}: not a database ({e})", path.display()))
            })?;
        if check != "ok" {
            return Err(StorageError::Other(anyhow::anyhow!(
                "{}: the database is damaged ({check})",
                path.display()
            )));
        }
        let migrations: Option<(i64,)> = sqlx::query_as(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
        )
        .fetch_optional(&pool)
        .await?;
        if migrations.is_none_or(|(n,)| n != 1) {
            return Err(StorageError::Other(anyhow::anyhow!(
                "{}: not a Passerelle backup (no migrations table)",
                path.display()
            )));
        }
        let (newest,): (Option<i64>,) = sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(&pool)
            .await?;
        let known = SQLITE_MIGRATIONS
            .iter()
            .map(|m| m.version)
            .max()
            .unwrap_or(0);
        if newest.unwrap_or(0) > known {
            return Err(StorageError::Other(anyhow::anyhow!(
                "{}: made by a newer version of Passerelle (schema {}, this one knows {known})",
                path.display(),
                newest.unwrap_or(0)
            )));
        }
        pool.close().await;
        Ok(())
    }

    /// Refreshes the query planner's statistics. Without them SQLite filters 100,000 practices
    /// by status through its index instead of looking up one organisation's few (20 ms against
    /// 0.1 ms). Sampled on SQLite (`analysis_limit`), so it takes milliseconds; run at start and
    /// after imports.
    pub async fn analyze(&self) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA analysis_limit = 1000")
                .execute(&mut *conn)
                .await?;
        }
        sqlx::query("ANALYZE").execute(&mut *conn).await?;
        Ok(())
    }

    /// Copies SQLite's write-ahead log into the database and empties it, so that pages that held
    /// erased data do not linger in the log (PostgreSQL: nothing to do here).
    pub async fn checkpoint(&self) -> Result<()> {
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(self.pool())
                .await?;
        }
        Ok(())
    }

    /// Starts a write transaction. Writers are serialized so that change numbers commit in order:
    /// SQLite takes its write lock at `BEGIN IMMEDIATE`, PostgreSQL an advisory transaction lock.
    /// Within one process they first queue, in order, without holding a connection; the
    /// database's lock then only orders writers of different processes (servers, the command
    /// line).
    pub async fn write(&self) -> Result<WriteTx> {
        // Bounded, so that a writer behind a long import (or one that waited for itself) is
        // told "busy" rather than left hanging.
        let deadline = tokio::time::Instant::now() + self.write_wait;
        let turn = tokio::time::timeout_at(deadline, self.writer.clone().lock_owned())
            .await
            .map_err(|_| StorageError::Busy)?;
        let tx = match self.backend {
            // SQLite waits up to its busy timeout in each try; tried again until the deadline.
            Backend::Sqlite => loop {
                match self.pool.begin_with("BEGIN IMMEDIATE").await {
                    Ok(tx) => break tx,
                    Err(e) if is_busy(&e, self.backend) => {
                        if tokio::time::Instant::now() >= deadline {
                            return Err(StorageError::Busy);
                        }
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    }
                    Err(e) => return Err(e.into()),
                }
            },
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                let left = deadline
                    .saturating_duration_since(tokio::time::Instant::now())
                    .as_millis()
                    .max(1);
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "SET LOCAL lock_timeout = {left}"
                )))
                .execute(&mut *tx)
                .await?;
                match sqlx::query("SELECT pg_advisory_xact_lock(7041)")
                    .execute(&mut *tx)
                    .await
                {
                    Ok(_) => {}
                    Err(e) if is_busy(&e, self.backend) => return Err(StorageError::Busy),
                    Err(e) => return Err(e.into()),
                }
                sqlx::query("SET LOCAL lock_timeout = DEFAULT")
                    .execute(&mut *tx)
                    .await?;
                tx
            }
        };
        Ok(WriteTx {
            tx,
            last_seq: 0,
            seen: self.seen.clone(),
            _turn: turn,
        })
    }

    /// The pool, for reads.
    fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The rows `sql` selects for `ids`, its `{ids}` standing for their placeholders; none for
    /// no ids (an empty `IN` list is not SQL).
    async fn rows_for_ids<T>(&self, sql: &str, ids: &[i64]) -> Result<Vec<T>>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = sql.replace("{ids}", &placeholders(1, ids.len()));
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for id in ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(self.pool()).await?)
    }

    /// A setting's value.
    pub async fn setting(&self, key: &str) -> Result<Option<String>> {
        let row: Option<(String,)> = sqlx::query_as("SELECT value FROM settings WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(|r| r.0))
    }

    /// Stores a setting unless it is already set, and returns the value now stored.
    pub async fn setting_or_insert(&self, key: &str, value: &str) -> Result<String> {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .bind(value)
        .execute(self.pool())
        .await?;
        self.setting(key).await?.ok_or(StorageError::NotFound)
    }

    /// The oldest change the log still holds (older ones were purged by the audit retention).
    pub async fn oldest_change(&self) -> Result<Option<i64>> {
        let row: (Option<i64>,) = sqlx::query_as("SELECT MIN(seq) FROM changes")
            .fetch_one(self.pool())
            .await?;
        Ok(row.0)
    }

    /// The newest change's number (0 when there is none).
    pub async fn last_change(&self) -> Result<i64> {
        let row: (Option<i64>,) = sqlx::query_as("SELECT MAX(seq) FROM changes")
            .fetch_one(self.pool())
            .await?;
        Ok(row.0.unwrap_or(0))
    }

    /// Changes after `seq`, oldest first, at most `limit`.
    /// Whether anything of `entity` changed after `seq` (a range over the newest changes only).
    pub async fn changed_since(&self, entity: &str, seq: i64) -> Result<bool> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT seq FROM changes WHERE seq > $1 AND entity = $2 LIMIT 1")
                .bind(seq)
                .bind(entity)
                .fetch_optional(self.pool())
                .await?;
        Ok(row.is_some())
    }

    pub async fn changes_since(&self, seq: i64, limit: i64) -> Result<Vec<ChangeRow>> {
        Ok(sqlx::query_as(
            "SELECT seq, at, entity, entity_key, kind, actor_id FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(seq)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }
}

/// One entry of the change log.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ChangeRow {
    /// Monotonic sequence number.
    pub seq: i64,
    /// When, in Unix seconds.
    pub at: i64,
    /// Which table (`organisation`, `person`, `city`, …).
    pub entity: String,
    /// The entity's id or key.
    pub entity_key: String,
    /// `create`, `update` or `delete`.
    pub kind: String,
    /// Who did it.
    pub actor_id: Option<i64>,
}

/// An open write transaction. Dropping it without `commit` rolls everything back.
pub struct WriteTx {
    tx: Transaction<'static, Any>,
    last_seq: i64,
    seen: Arc<AtomicI64>,
    /// This process's turn to write, given back after the transaction (fields drop in order).
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl WriteTx {
    /// Appends an entry to the change log.
    pub async fn record(
        &mut self,
        entity: &str,
        key: &str,
        kind: &str,
        actor: Option<i64>,
    ) -> Result<()> {
        let origin = ORIGIN.try_with(Clone::clone).ok();
        let (seq,): (i64,) = sqlx::query_as(
            "INSERT INTO changes (at, entity, entity_key, kind, actor_id, origin) VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq",
        )
        .bind(now())
        .bind(entity)
        .bind(key)
        .bind(kind)
        .bind(actor)
        .bind(origin)
        .fetch_one(&mut *self.tx)
        .await?;
        self.last_seq = seq;
        Ok(())
    }

    /// Commits everything written in this transaction.
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        self.seen.fetch_max(self.last_seq, Ordering::AcqRel);
        Ok(())
    }
}
