//! The import of practices, in two passes over the file so that memory stays bounded whatever
//! its size: the first checks every record and keeps only keys (references, addresses, new
//! cities); the second reads the file again, checks each record the same way and writes it, all
//! in one transaction. Both passes run the same check from the same starting state, so the
//! second finds exactly what the first approved; a file that changed in between is refused.

use crate::domain::catalogue::practice::PracticeForm;
use crate::storage::TermRow;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::domain::catalogue::practice::PracticeStatus;
use crate::domain::{Action, Actor, FieldError};
use crate::storage::{PracticeTextRow, PracticeWrite, StorageError};

use super::Format;
use super::check::{Known, Seen, check};
use super::records::{Counted, ImportSource, Records};
use crate::app::{App, Error, Result, authorize};

/// How many problems (and, apart, notes) a report lists; the rest are counted. A file of a
/// million bad lines must not make a report of a million lines.
pub const LISTED: usize = 1_000;

/// One broken rule on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportProblem {
    /// The line of the file (1 is the first; in CSV, the header).
    pub line: usize,
    /// The field.
    pub field: String,
    /// The rule.
    pub error: FieldError,
}

/// What an import found and did.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// Records read.
    pub records: usize,
    /// Practices that are new.
    pub created: usize,
    /// Practices that exist (same ref or slug) and are updated.
    pub updated: usize,
    /// Cities created.
    pub cities_created: usize,
    /// The first [`LISTED`] bad lines; when there is one, nothing is written.
    pub problems: Vec<ImportProblem>,
    /// How many problems there are, listed or not.
    pub problem_count: usize,
    /// The first [`LISTED`] things the forms would not accept but an import keeps (a summary of
    /// one or five sentences).
    pub warnings: Vec<ImportProblem>,
    /// How many notes there are, listed or not.
    pub warning_count: usize,
    /// Whether the file was written.
    pub written: bool,
}

impl ImportReport {
    /// Counts a problem, and lists it while fewer than [`LISTED`] are.
    pub(super) fn problem(&mut self, p: ImportProblem) {
        self.problem_count += 1;
        if self.problems.len() < LISTED {
            self.problems.push(p);
        }
    }

    /// Counts a note, and lists it while fewer than [`LISTED`] are.
    pub(super) fn warning(&mut self, p: ImportProblem) {
        self.warning_count += 1;
        if self.warnings.len() < LISTED {
            self.warnings.push(p);
        }
    }
}

/// How an import runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Check only.
    pub dry_run: bool,
    /// New practices are published rather than drafts.
    pub publish: bool,
}

impl App {
    /// What is stored that an import checks against.
    async fn import_known(&self) -> Result<Known> {
        let (orgs, people) = self.store().directory_keys().await?;
        let keys = self.store().practice_keys().await?;
        let themes = self.themes().await?;
        Ok(Known {
            countries: self
                .store()
                .countries()
                .await?
                .into_iter()
                .map(|c| c.code)
                .collect(),
            cities: self
                .store()
                .cities(None)
                .await?
                .into_iter()
                .map(|c| (c.slug.clone(), (c.id, c.country)))
                .collect(),
            themes: themes.iter().map(|t| t.key.clone()).collect(),
            theme_names: TermRow::matcher(&themes),
            target_groups: TermRow::matcher(&self.target_groups().await?),
            orgs: orgs.into_iter().map(|(id, slug)| (slug, id)).collect(),
            people: people.into_iter().map(|(id, slug)| (slug, id)).collect(),
            by_ref: keys
                .iter()
                .filter_map(|(id, slug, r, v)| r.clone().map(|r| (r, (*id, *v, slug.clone()))))
                .collect(),
            by_slug: keys
                .into_iter()
                .map(|(id, slug, r, v)| (slug, (id, v, r)))
                .collect(),
        })
    }

    /// Imports practices from `source` (coordinators and admins), holding one record at a time.
    /// `progress(done, total)` is called in bytes as the file is checked and then written
    /// (`total` is twice its size).
    #[tracing::instrument(skip_all, fields(records))]
    pub async fn import_practices<S: ImportSource + ?Sized>(
        &self,
        actor: &Actor,
        source: &S,
        format: Format,
        options: ImportOptions,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<ImportReport> {
        authorize(
            actor,
            Action::CreatePractice {
                organisation_id: -1,
            },
        )?;
        let unreadable = |e: std::io::Error| Error::Internal(anyhow::anyhow!("reading: {e}"));
        let (size, read) = (source.size(), AtomicU64::new(0));
        let total = size * 2;
        let known = self.import_known().await?;
        let mut report = ImportReport::default();

        // First pass: check everything, keep keys only.
        let mut seen = Seen::default();
        let reader = Counted {
            inner: source.open().map_err(unreadable)?,
            read: &read,
        };
        let mut records = match Records::new(reader, format) {
            Ok(r) => r,
            Err(problems) => {
                problems.into_iter().for_each(|p| report.problem(p));
                return Ok(report);
            }
        };
        while let Some(next) = records.next() {
            progress(read.load(Ordering::Relaxed).min(size), total);
            match next {
                Ok((line, record)) => {
                    report.records += 1;
                    if let Some(c) = check(&known, &mut seen, line, &record, &mut report) {
                        match c.existing {
                            Some(_) => report.updated += 1,
                            None => report.created += 1,
                        }
                    }
                }
                Err(p) => report.problem(p),
            }
        }
        drop(records);
        report.cities_created = seen.cities.len();
        if report.problem_count > 0 || options.dry_run {
            return Ok(report);
        }

        // Second pass: the same check from the same start, then the write, in one transaction.
        let mut tx = self.store().write().await?;
        // What was read before the first pass can have changed since (another writer): the
        // import then stops, writes nothing, and says so.
        let raced = |e: StorageError| match e {
            StorageError::Conflict(_) | StorageError::NotFound => {
                Error::Conflict("error-import-data-changed")
            }
            e => e.into(),
        };
        for c in seen.countries.values() {
            tx.upsert_country(&crate::app::directory::country_row(c), actor.user_id())
                .await
                .map_err(raced)?;
        }
        for c in seen.cities.values() {
            tx.insert_city(c, actor.user_id()).await.map_err(raced)?;
        }
        let status = if options.publish {
            PracticeStatus::Published
        } else {
            PracticeStatus::Draft
        };
        let changed = || Error::Conflict("error-import-file-changed");
        let mut again = ImportReport::default();
        let mut seen = Seen::default();
        read.store(0, Ordering::Relaxed);
        let reader = Counted {
            inner: source.open().map_err(unreadable)?,
            read: &read,
        };
        let mut records = Records::new(reader, format).map_err(|_| changed())?;
        let mut written = 0;
        while let Some(next) = records.next() {
            progress(size + read.load(Ordering::Relaxed).min(size), total);
            let (line, record) = next.map_err(|_| changed())?;
            let c = check(&known, &mut seen, line, &record, &mut again).ok_or_else(changed)?;
            let city_id = tx.city_id(c.practice.city.as_str()).await.map_err(raced)?;
            let snapshot = serde_json::to_string(&PracticeForm {
                slug: c.practice.slug.to_string(),
                ..c.form.clone()
            })
            .map_err(|e| anyhow::anyhow!(e))?;
            let write = PracticeWrite {
                practice: &c.practice,
                city_id,
                owners: &c.owners,
                contacts: &c.contacts,
                snapshot: &snapshot,
            };
            let (id, version) = match c.existing {
                Some((id, version)) => (
                    id,
                    tx.update_practice(id, version, &write, actor.user_id())
                        .await
                        .map_err(raced)?,
                ),
                None => (
                    tx.insert_practice(&write, status, actor.user_id())
                        .await
                        .map_err(raced)?,
                    1,
                ),
            };
            for (lang, fields) in &record.translations {
                for (field, body) in fields.iter().filter(|(_, b)| !b.trim().is_empty()) {
                    let text = PracticeTextRow {
                        lang: lang.clone(),
                        field: field.clone(),
                        body: body.clone(),
                        status: "human".into(),
                        based_on: version,
                    };
                    tx.put_practice_translation(id, &text, actor.user_id())
                        .await
                        .map_err(raced)?;
                }
            }
            written += 1;
        }
        if written != report.created + report.updated {
            return Err(changed());
        }
        tx.commit().await?;
        report.written = true;
        tracing::Span::current().record("records", report.records);
        // Fresh planner statistics for SQLite (PostgreSQL's autovacuum keeps its own); the
        // import has landed either way.
        if self.store().backend() == crate::storage::Backend::Sqlite
            && let Err(e) = self.store().analyze().await
        {
            tracing::warn!(error = %e, "refreshing the planner statistics failed");
        }
        Ok(report)
    }
}
