//! The use cases: one method on [`App`] per thing a user does. HTML pages, the JSON API and the
//! command line all call these methods; none of them touches SQL. Every method that acts for
//! someone takes the [`Actor`] and asks [`can`](crate::domain::can) before it reads or writes.

mod accounts;
mod catalogue;
mod demo;
mod demo_visits;
pub(crate) mod directory;
pub mod exchange;
pub mod language;
mod mail;
mod secrets;
pub mod workspace;

/// The records use cases return and the filters they take, as storage defines them. Pages,
/// the API and the command line name them through `app`, never `storage`: the layers above
/// depend on the use cases alone.
pub use crate::storage::{
    ApiTokenRow, AuditRow, ChecklistItemRow, CityRow, CountryRow, ORIGIN, OrgFilter,
    OrganisationRow, PeopleFilter, PersonRow, PracticeFilter, PracticeRow, PracticeSort, ReportRow,
    RevisionRow, TermRow, UserRow, VisitRow, now, split_list,
};
pub use accounts::audit::AuditQuery;
pub use accounts::erasure::{Erased, Erasure, ErasurePlan};
pub use accounts::{
    CreatedToken, CurrentUser, Invitation, InvitationCreated, NewAccount, SESSION_DAYS,
};
pub use catalogue::attachments::sniff_file;
pub use catalogue::practices::{OpinionForm, Practice};
pub use catalogue::review::truthy;
pub use catalogue::transfer::{
    Format, ImportOptions, ImportProblem, ImportReport, ImportSource, PracticeRecord,
};
pub use catalogue::translations::PracticeTranslationForm;
pub use demo::{DEMO_ACCOUNTS, DemoReport};
pub use directory::picks::Pick;
pub use directory::{Localized, Organisation, Page, Person, page_size};
pub use exchange::allocation::{CityShare, NotPlaced, Place, Review, ReviewRow};
pub use exchange::calls::{CallView, Matrix};
pub use exchange::placements::{PlacementQuery, PlacementTexts, PlacementView};
pub use exchange::visits::{
    ChecklistLine, RequestSuggestion, Suggestion, VisitQuery, VisitView, label_in, today,
};
pub use language::glossary::{GlossaryData, GlossaryImportReport};
pub use language::search::{PAUSE_BEFORE_INDEX_COMMIT, SearchQuery, parse_without, without_param};
pub use mail::Mailer;

use std::sync::Arc;

use crate::config::Config;
use crate::domain::{Actor, FieldErrors, Role};
use crate::storage::{SessionUser, StorageError, Store};

/// What a use case can fail with. No axum in here: the CLI prints it, the web renders it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The thing asked for does not exist (or the asker may not know it does).
    #[error("not found")]
    NotFound,
    /// Bad input: every field error at once.
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// Signed in, but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// Needs signing in.
    #[error("sign-in required")]
    Unauthorized,
    /// The request conflicts with what is stored (the message key says how).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Too many failed tries; wait a minute.
    #[error("too many requests")]
    TooManyRequests,
    /// The request body is larger than this reader may send.
    #[error("request too large")]
    TooLarge,
    /// Another write (a large import) held the turn to write for too long; try again.
    #[error("busy")]
    Busy,
    /// Something failed that the user cannot fix; logged once by the web layer.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<StorageError> for Error {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::NotFound => Error::NotFound,
            StorageError::Conflict(m) => {
                Error::Internal(anyhow::anyhow!("unexpected conflict: {m}"))
            }
            StorageError::Busy => Error::Busy,
            StorageError::Other(e) => Error::Internal(e),
        }
    }
}

/// Results of use cases.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The application: store, configuration, mailer and the form-token secret.
/// Cheap to clone; it is also the web layer's state.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    config: Config,
    mailer: Option<Mailer>,
    csrf_secret: Vec<u8>,
    reference: std::sync::RwLock<Option<Arc<directory::Reference>>>,
    /// Catalogue facets per reader scope and filter, valid for one generation of the change log.
    facets: std::sync::Mutex<
        std::collections::HashMap<String, (i64, Arc<crate::storage::PracticeFacets>)>,
    >,
    /// This server's search index, once opened.
    search: std::sync::OnceLock<Arc<crate::search::SearchIndex>>,
    /// One index update at a time.
    index_lock: tokio::sync::Mutex<()>,
    /// The glossary, valid for one generation.
    /// The glossary and the change-log generation through which it is known to be current.
    glossary: std::sync::RwLock<Option<(i64, Arc<GlossaryData>)>>,
    /// The embedding model, when configured.
    embedder: Option<Arc<crate::search::embed::Embedder>>,
    /// Texts this process embedded (the others' vectors were read from the database).
    embedded: std::sync::atomic::AtomicUsize,
    /// A pass embeds what is without vectors (at start, or in the background after an import).
    backfilling: std::sync::atomic::AtomicBool,
    /// Another background pass was asked for while one ran.
    backfill_again: std::sync::atomic::AtomicBool,
    /// Passes that gave every practice its vectors, ended since the start ([`App::content_version`]).
    vector_passes: std::sync::atomic::AtomicU64,
    /// The last pass gave up after its retries.
    vector_pass_failed: std::sync::atomic::AtomicBool,
    /// One round of notice delivery at a time in this process.
    delivering: tokio::sync::Mutex<()>,
    /// Another round was asked for while one ran.
    deliver_again: std::sync::atomic::AtomicBool,
    /// Queries the model embeds at once ([`language::vectors::QUERY_EMBEDDINGS_AT_ONCE`]).
    query_embeddings: Arc<tokio::sync::Semaphore>,
    /// Similar practices by (practice, reader's language, member), with the generation they were
    /// found at: a practice page asks for them on every view.
    similar: std::sync::Mutex<lru::LruCache<SimilarKey, SimilarHits>>,
}

/// Similar practices are kept per practice, reader's language and membership.
type SimilarKey = (i64, String, bool);

/// See [`App::content_version`].
pub type ContentVersion = (i64, u64, i32);
/// Similar practices with the change-log generation they were found at.
type SimilarHits = (ContentVersion, Arc<Vec<crate::search::Hit>>);

/// An optional text parameter, trimmed; `None` when absent or blank.
pub(crate) fn given(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

impl App {
    /// Connects to the configured database, applies migrations and loads the secrets.
    pub async fn new(config: Config) -> anyhow::Result<App> {
        std::fs::create_dir_all(&config.data_dir)?;
        let store = Store::connect(&config.database_url())
            .await?
            .with_write_wait(config.write_wait);
        store.migrate().await?;
        let moved = store.adopt_files(&config.data_dir).await?;
        if moved > 0 {
            tracing::info!(
                moved,
                "files moved from the data directory into the database"
            );
        }
        store.catch_up().await?;
        let csrf_secret = hex::decode(
            store
                .setting_or_insert("csrf_secret", &secrets::random_hex(32))
                .await?,
        )?;
        let mailer = config
            .smtp_url
            .as_deref()
            .map(|url| Mailer::new(url, &config.smtp_from))
            .transpose()?;
        let embedder = match &config.embeddings {
            Some(dir) => {
                let dir = dir.clone();
                let model =
                    tokio::task::spawn_blocking(move || crate::search::embed::Embedder::open(&dir))
                        .await??;
                tracing::info!(model = model.fingerprint(), "embedding model loaded");
                Some(Arc::new(model))
            }
            None => None,
        };
        Ok(App {
            inner: Arc::new(Inner {
                store,
                config,
                mailer,
                csrf_secret,
                reference: std::sync::RwLock::new(None),
                facets: std::sync::Mutex::new(std::collections::HashMap::new()),
                search: std::sync::OnceLock::new(),
                index_lock: tokio::sync::Mutex::new(()),
                glossary: std::sync::RwLock::new(None),
                embedder,
                embedded: std::sync::atomic::AtomicUsize::new(0),
                backfilling: std::sync::atomic::AtomicBool::new(false),
                backfill_again: std::sync::atomic::AtomicBool::new(false),
                vector_passes: std::sync::atomic::AtomicU64::new(0),
                vector_pass_failed: std::sync::atomic::AtomicBool::new(false),
                delivering: tokio::sync::Mutex::new(()),
                deliver_again: std::sync::atomic::AtomicBool::new(false),
                query_embeddings: Arc::new(tokio::sync::Semaphore::new(
                    language::vectors::QUERY_EMBEDDINGS_AT_ONCE,
                )),
                similar: std::sync::Mutex::new(lru::LruCache::new(
                    std::num::NonZeroUsize::new(2048).unwrap_or(std::num::NonZeroUsize::MIN),
                )),
            }),
        })
    }

    /// Whether `path` is a backup this version can restore (asked before any database is
    /// opened).
    pub async fn check_backup(path: &std::path::Path) -> Result<()> {
        Ok(Store::check_backup(path).await?)
    }

    /// Writes a consistent backup of the database, every attached file included, to `path`
    /// (embedded SQLite; PostgreSQL is backed up with pg_dump).
    pub async fn backup(&self, path: &std::path::Path) -> Result<()> {
        Ok(self.store().backup_into(path).await?)
    }

    /// The store (for the use-case modules).
    fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The newest change this process knows of; pages and reference data cached at one
    /// generation are valid until it moves.
    pub fn generation(&self) -> i64 {
        self.store().generation()
    }

    /// What derived answers (cached pages, similar practices) depend on: the change log's
    /// generation, and the passes that gave practices their vectors (an answer found while
    /// the embedding model was still reading the catalogue is found anew after it), and the
    /// day where the network is (pages say which calls are still open and what comes next).
    pub fn content_version(&self) -> ContentVersion {
        (
            self.generation(),
            self.inner
                .vector_passes
                .load(std::sync::atomic::Ordering::Acquire),
            crate::app::exchange::visits::today().to_julian_day(),
        )
    }

    /// Looks for changes made by other processes (called periodically by the server).
    pub async fn catch_up(&self) -> Result<i64> {
        Ok(self.store().catch_up().await?)
    }

    /// The mailer, when mail is configured.
    pub(crate) fn mailer(&self) -> Option<Mailer> {
        self.inner.mailer.clone()
    }

    /// Whether e-mail can be sent.
    pub fn can_mail(&self) -> bool {
        self.inner.mailer.is_some()
    }
}

/// A fresh random key of 32 hex characters (for the form-token cookie).
pub fn random_key() -> String {
    secrets::random_hex(16)
}

/// Turns a session or token row into an actor.
fn actor_of(user: SessionUser) -> Actor {
    let role = Role::try_from(user.role.as_str()).unwrap_or(Role::Member);
    Actor::User {
        id: user.id,
        role,
        organisation_id: user.organisation_id,
    }
}

/// Fails with `Unauthorized` for the public and `Forbidden` for members who may not.
pub fn authorize(actor: &Actor, action: crate::domain::Action) -> Result<()> {
    if crate::domain::can(actor, action) {
        Ok(())
    } else if *actor == Actor::Anonymous {
        Err(Error::Unauthorized)
    } else {
        Err(Error::Forbidden)
    }
}
