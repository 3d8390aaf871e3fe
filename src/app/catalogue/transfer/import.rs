//! The import of practices, in two passes over the file so that memory stays bounded whatever
//! its size: the first checks every record and keeps only keys (references, addresses, new
//! cities); the second reads the file again, checks each record the same way and writes it, all
//! in one transaction. Both passes run the same check from the same starting state, so the
//! second finds exactly what the first approved; a file that changed in between is refused.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::domain::catalogue::practice::{NewPractice, PracticeForm, PracticeStatus, TEXT_FIELDS};
use crate::domain::directory::{CityForm, NewCity, NewCountry, iso_country};
use crate::domain::{Action, Actor, FieldError, Slug};
use crate::storage::{PracticeTextRow, PracticeWrite, StorageError};

use super::records::{Counted, ImportSource, Records};
use super::{Format, PracticeRecord};
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
    fn problem(&mut self, p: ImportProblem) {
        self.problem_count += 1;
        if self.problems.len() < LISTED {
            self.problems.push(p);
        }
    }

    /// Counts a note, and lists it while fewer than [`LISTED`] are.
    fn warning(&mut self, p: ImportProblem) {
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

impl PracticeRecord {
    fn form(&self, city_slug: String) -> PracticeForm {
        let no_sections = [
            &self.context,
            &self.approach,
            &self.results,
            &self.evaluation,
            &self.resources,
            &self.transferability,
        ]
        .iter()
        .all(|s| s.trim().is_empty());
        PracticeForm {
            slug: self.slug.clone(),
            reference: self.reference.clone(),
            lang: self.lang.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            context: self.context.clone(),
            approach: if no_sections {
                self.description.clone()
            } else {
                self.approach.clone()
            },
            results: self.results.clone(),
            evaluation: self.evaluation.clone(),
            resources: self.resources.clone(),
            transferability: self.transferability.clone(),
            period_start: self.period_start.clone(),
            period_end: self.period_end.clone(),
            ongoing: if self.ongoing {
                "true".into()
            } else {
                String::new()
            },
            city: city_slug,
            organisations: self.organisations.clone(),
            contacts: self.contacts.clone(),
            themes: self.themes.clone(),
            target_groups: self.target_groups.clone(),
            links: self.links.clone(),
            source: self.source.clone(),
        }
    }
}

/// What is stored already: read once, before the first pass.
struct Known {
    countries: HashSet<String>,
    cities: HashMap<String, (i64, String)>,
    themes: HashSet<String>,
    orgs: HashMap<String, i64>,
    people: HashMap<String, i64>,
    /// ref → (id, version, slug)
    by_ref: HashMap<String, (i64, i64, String)>,
    /// slug → (id, version, ref)
    by_slug: HashMap<String, (i64, i64, Option<String>)>,
}

/// What a pass has seen so far: the keys of the records before the current one.
#[derive(Default)]
struct Seen {
    refs: HashMap<String, usize>,
    slugs: HashMap<String, usize>,
    cities: BTreeMap<String, NewCity>,
    countries: BTreeMap<String, NewCountry>,
}

/// A checked record, ready to write.
struct Checked {
    practice: NewPractice,
    form: PracticeForm,
    existing: Option<(i64, i64)>,
    owners: Vec<i64>,
    contacts: Vec<i64>,
}

/// Checks one record against what is stored and what came before it in the file, noting its
/// keys in `seen`; its problems and warnings go to `report`.
fn check(
    known: &Known,
    seen: &mut Seen,
    line: usize,
    record: &PracticeRecord,
    report: &mut ImportReport,
) -> Option<Checked> {
    let problems_before = report.problem_count;
    let mut problem = |field: &str, error: FieldError| {
        report.problem(ImportProblem {
            line,
            field: field.to_owned(),
            error,
        })
    };
    let country = record.country.trim().to_ascii_uppercase();
    if country.is_empty() {
        problem("country", FieldError::new("error-required"));
    } else if !known.countries.contains(&country) && !seen.countries.contains_key(&country) {
        // A fresh instance knows every country of ISO 3166-1; it joins the directory.
        match iso_country(&country) {
            Some(c) => {
                seen.countries.insert(country.clone(), c);
            }
            None => problem("country", FieldError::new("error-unknown-country")),
        }
    }
    // A city is found by slug, or by the slug made from its name; otherwise it is new.
    let city_slug = Slug::try_from(record.city.trim())
        .ok()
        .filter(|s| known.cities.contains_key(s.as_str()))
        .or_else(|| Slug::from_name(&record.city));
    if let Some(slug) = &city_slug {
        match known.cities.get(slug.as_str()) {
            Some((_, c)) if *c != country && !country.is_empty() => problem(
                "city",
                FieldError::with("error-import-city-country", "value", c),
            ),
            Some(_) => {}
            None if seen.cities.contains_key(slug.as_str()) => {}
            None => {
                let form = CityForm {
                    slug: slug.to_string(),
                    name: record.city.trim().to_owned(),
                    country: country.clone(),
                    ..Default::default()
                };
                match NewCity::try_from(&form) {
                    Ok(c) => {
                        seen.cities.insert(slug.to_string(), c);
                    }
                    Err(errors) => errors.iter().for_each(|(_, e)| problem("city", e.clone())),
                }
            }
        }
    }
    let form = record.form(
        city_slug
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    // References are checked on the raw record, so that a line reports every problem at once.
    let mut resolve = |field: &str, items: &[String], known: &HashMap<String, i64>| -> Vec<i64> {
        items
            .iter()
            .map(|s| s.trim())
            .filter(|s| Slug::try_from(*s).is_ok())
            .filter_map(|s| match known.get(s) {
                Some(id) => Some(*id),
                None => {
                    problem(field, FieldError::with("error-unknown-value", "value", s));
                    None
                }
            })
            .collect()
    };
    let owners = resolve("organisations", &record.organisations, &known.orgs);
    let contacts = resolve("contacts", &record.contacts, &known.people);
    for t in record
        .themes
        .iter()
        .map(|t| t.trim())
        .filter(|t| Slug::try_from(*t).is_ok() && !known.themes.contains(*t))
    {
        problem(
            "themes",
            FieldError::with("error-unknown-theme", "value", t),
        );
    }
    let mut practice = match NewPractice::from_import(&form) {
        Ok((p, warning)) => {
            if let Some(w) = warning {
                report.warning(ImportProblem {
                    line,
                    field: "summary".into(),
                    error: w,
                });
            }
            p
        }
        Err(errors) => {
            errors.iter().for_each(|(f, e)| {
                report.problem(ImportProblem {
                    line,
                    field: f.to_string(),
                    error: e.clone(),
                })
            });
            return None;
        }
    };
    let mut problem = |field: &str, error: FieldError| {
        report.problem(ImportProblem {
            line,
            field: field.to_owned(),
            error,
        })
    };
    // A practice known by its ref keeps its address when the record names none. A new one whose
    // address comes from its title, where another practice (in the file, or stored under
    // another ref) has that title too, gets the next free address.
    if record.slug.trim().is_empty()
        && let Some(r) = &practice.reference
        && let Some((_, _, stored)) = known.by_ref.get(r)
        && let Ok(stored) = Slug::try_from(stored.as_str())
    {
        practice.slug = stored;
    } else if record.slug.trim().is_empty()
        && let Some(r) = &practice.reference
    {
        let clash = |s: &str| {
            seen.slugs.contains_key(s)
                || known
                    .by_slug
                    .get(s)
                    .is_some_and(|(_, _, other)| other.as_ref().is_some_and(|o| o != r))
        };
        practice.slug = practice.slug.first_free(clash);
    }
    for (lang, fields) in &record.translations {
        if crate::domain::ContentLang::try_from(lang.as_str()).is_err()
            || lang == practice.lang.code()
        {
            problem(
                "translations",
                FieldError::with("error-language", "value", lang),
            );
        }
        for f in fields.keys().filter(|f| !TEXT_FIELDS.contains(&f.as_str())) {
            problem(
                "translations",
                FieldError::with("error-unknown-value", "value", f),
            );
        }
    }
    // The same practice twice in one file cannot be told apart.
    if let Some(r) = &practice.reference
        && let Some(first) = seen.refs.insert(r.clone(), line)
    {
        problem(
            "ref",
            FieldError::with("error-import-duplicate", "line", first),
        );
    }
    if let Some(first) = seen.slugs.insert(practice.slug.to_string(), line) {
        problem(
            "slug",
            FieldError::with("error-import-duplicate", "line", first),
        );
    }
    // Matched by ref, else by slug; a slug used by a practice with another ref is taken.
    let existing = match &practice.reference {
        Some(r) => match known.by_ref.get(r) {
            Some((id, v, _)) => Some((*id, *v)),
            None => match known.by_slug.get(practice.slug.as_str()) {
                Some((_, _, Some(other))) if other != r => {
                    problem("slug", FieldError::new("error-taken"));
                    None
                }
                Some((id, v, _)) => Some((*id, *v)),
                None => None,
            },
        },
        None => known
            .by_slug
            .get(practice.slug.as_str())
            .map(|(id, v, _)| (*id, *v)),
    };
    (report.problem_count == problems_before).then_some(Checked {
        practice,
        form,
        existing,
        owners,
        contacts,
    })
}

impl App {
    /// What is stored that an import checks against.
    async fn import_known(&self) -> Result<Known> {
        let (orgs, people) = self.store().directory_keys().await?;
        let keys = self.store().practice_keys().await?;
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
            themes: self
                .store()
                .themes()
                .await?
                .into_iter()
                .map(|t| t.key)
                .collect(),
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
            let snapshot = serde_json::to_string(&c.form).map_err(|e| anyhow::anyhow!(e))?;
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
