//! Import and export of practices as JSON Lines or CSV. An import is checked whole first —
//! every bad line reported with its number, field and rule — and written in one transaction
//! only when no line is bad. Records are matched by `ref` (else by `slug`): importing again
//! updates instead of duplicating. Cities not yet known are created under their country.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::domain::directory::{CityForm, NewCity, NewCountry, iso_country};
use crate::domain::practice::{NewPractice, PracticeForm, PracticeStatus, TEXT_FIELDS};
use crate::domain::{Action, Actor, FieldError, Slug};
use crate::storage::{PracticeFilter, PracticeTextRow, PracticeWrite, split_list};

use super::{App, Error, Result, authorize};

/// The file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line; lists are arrays; translations included.
    JsonLines,
    /// A header line and one row per practice; lists are `;`-separated; originals only.
    Csv,
}

impl Format {
    /// Parses `jsonl` or `csv` (also from a file name's ending).
    pub fn parse(s: &str) -> Option<Format> {
        let s = s.to_ascii_lowercase();
        if s == "jsonl" || s.ends_with(".jsonl") || s == "json" || s.ends_with(".ndjson") {
            Some(Format::JsonLines)
        } else if s == "csv" || s.ends_with(".csv") {
            Some(Format::Csv)
        } else {
            None
        }
    }
}

/// One practice as a line of a file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct PracticeRecord {
    /// External identifier.
    #[serde(rename = "ref")]
    pub reference: String,
    /// URL name.
    pub slug: String,
    /// Status (exported; imports write drafts, or published with `--publish`).
    pub status: String,
    /// Original language.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// The whole text, for records without finer sections (imported into `approach`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Context.
    pub context: String,
    /// Approach.
    pub approach: String,
    /// Results.
    pub results: String,
    /// Evaluation.
    pub evaluation: String,
    /// Resources.
    pub resources: String,
    /// Transferability.
    pub transferability: String,
    /// Start.
    pub period_start: String,
    /// End.
    pub period_end: String,
    /// Still running.
    pub ongoing: bool,
    /// City slug or name.
    pub city: String,
    /// Country (ISO 3166-1 alpha-2).
    pub country: String,
    /// Owner organisation slugs.
    pub organisations: Vec<String>,
    /// Contact person slugs.
    pub contacts: Vec<String>,
    /// Theme keys.
    pub themes: Vec<String>,
    /// Target groups.
    pub target_groups: Vec<String>,
    /// Links.
    pub links: Vec<String>,
    /// Source.
    pub source: String,
    /// language → field → text (JSON Lines only).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, BTreeMap<String, String>>,
}

/// The CSV shape of a record: lists joined with `;`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct CsvRecord {
    #[serde(rename = "ref")]
    reference: String,
    slug: String,
    status: String,
    lang: String,
    title: String,
    summary: String,
    #[serde(skip_serializing)]
    description: String,
    context: String,
    approach: String,
    results: String,
    evaluation: String,
    resources: String,
    transferability: String,
    period_start: String,
    period_end: String,
    ongoing: String,
    city: String,
    country: String,
    organisations: String,
    contacts: String,
    themes: String,
    target_groups: String,
    links: String,
    source: String,
}

/// Characters that make a spreadsheet read a cell as a formula (`=`, `+`, `-`, `@`) or that some
/// spreadsheets strip before doing so (tab, carriage return).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell that no spreadsheet runs as a formula: one starting with a formula character gets
/// a leading apostrophe (OWASP's advice), which [`cell_from_csv`] takes off again on import; a
/// cell that starts with an apostrophe gets one more, so that every text reads back as it was.
/// Writers also quote every cell ([`csv_writer`]), so that a spreadsheet that splits on `;` (as
/// German and French ones do) finds no formula inside a cell either.
pub(crate) fn cell_for_csv(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(FORMULA_STARTS) || s.starts_with('\'') {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// The text of a cell written by [`cell_for_csv`].
pub(crate) fn cell_from_csv(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => s,
    }
}

/// A CSV writer that quotes every cell.
pub(crate) fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(Vec::new())
}

impl CsvRecord {
    fn cells(&mut self) -> [&mut String; 24] {
        [
            &mut self.reference,
            &mut self.slug,
            &mut self.status,
            &mut self.lang,
            &mut self.title,
            &mut self.summary,
            &mut self.description,
            &mut self.context,
            &mut self.approach,
            &mut self.results,
            &mut self.evaluation,
            &mut self.resources,
            &mut self.transferability,
            &mut self.period_start,
            &mut self.period_end,
            &mut self.ongoing,
            &mut self.city,
            &mut self.country,
            &mut self.organisations,
            &mut self.contacts,
            &mut self.themes,
            &mut self.target_groups,
            &mut self.links,
            &mut self.source,
        ]
    }

    /// Every cell as [`cell_for_csv`] writes it.
    fn written_for_csv(mut self) -> Self {
        for cell in self.cells() {
            if let std::borrow::Cow::Owned(safe) = cell_for_csv(cell) {
                *cell = safe;
            }
        }
        self
    }

    /// Every cell as [`cell_from_csv`] reads it.
    fn read_from_csv(mut self) -> Self {
        for cell in self.cells() {
            let plain = cell_from_csv(cell);
            if plain.len() != cell.len() {
                *cell = plain.to_owned();
            }
        }
        self
    }
}

fn semis(s: &str) -> Vec<String> {
    s.split(';')
        .map(|x| x.trim().to_owned())
        .filter(|x| !x.is_empty())
        .collect()
}

impl From<CsvRecord> for PracticeRecord {
    fn from(c: CsvRecord) -> Self {
        PracticeRecord {
            reference: c.reference,
            slug: c.slug,
            status: c.status,
            lang: c.lang,
            title: c.title,
            summary: c.summary,
            description: c.description,
            context: c.context,
            approach: c.approach,
            results: c.results,
            evaluation: c.evaluation,
            resources: c.resources,
            transferability: c.transferability,
            period_start: c.period_start,
            period_end: c.period_end,
            ongoing: matches!(c.ongoing.trim(), "true" | "1" | "yes"),
            city: c.city,
            country: c.country,
            organisations: semis(&c.organisations),
            contacts: semis(&c.contacts),
            themes: semis(&c.themes),
            target_groups: semis(&c.target_groups),
            links: semis(&c.links),
            source: c.source,
            translations: BTreeMap::new(),
        }
    }
}

impl From<&PracticeRecord> for CsvRecord {
    fn from(r: &PracticeRecord) -> Self {
        CsvRecord {
            reference: r.reference.clone(),
            slug: r.slug.clone(),
            status: r.status.clone(),
            lang: r.lang.clone(),
            title: r.title.clone(),
            summary: r.summary.clone(),
            description: String::new(),
            context: r.context.clone(),
            approach: r.approach.clone(),
            results: r.results.clone(),
            evaluation: r.evaluation.clone(),
            resources: r.resources.clone(),
            transferability: r.transferability.clone(),
            period_start: r.period_start.clone(),
            period_end: r.period_end.clone(),
            ongoing: r.ongoing.to_string(),
            city: r.city.clone(),
            country: r.country.clone(),
            organisations: r.organisations.join(";"),
            contacts: r.contacts.join(";"),
            themes: r.themes.join(";"),
            target_groups: r.target_groups.join(";"),
            links: r.links.join(";"),
            source: r.source.clone(),
        }
    }
}

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
    /// Every bad line; when there is one, nothing is written.
    pub problems: Vec<ImportProblem>,
    /// What the forms would not accept but an import keeps (a summary of one or five sentences).
    pub warnings: Vec<ImportProblem>,
    /// Whether the file was written.
    pub written: bool,
}

/// How an import runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Check only.
    pub dry_run: bool,
    /// New practices are published rather than drafts.
    pub publish: bool,
}

/// Reads the records of a file with the line each starts on; unreadable lines become problems.
fn read(
    text: &str,
    format: Format,
    problems: &mut Vec<ImportProblem>,
) -> Vec<(usize, PracticeRecord)> {
    let mut out = Vec::new();
    match format {
        Format::JsonLines => {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<PracticeRecord>(line) {
                    Ok(r) => out.push((i + 1, r)),
                    Err(e) => problems.push(ImportProblem {
                        line: i + 1,
                        field: "line".into(),
                        error: FieldError::with("error-import-json", "detail", e),
                    }),
                }
            }
        }
        Format::Csv => {
            let mut reader = csv::ReaderBuilder::new()
                .flexible(false)
                .from_reader(text.as_bytes());
            let headers = reader.headers().cloned().unwrap_or_default();
            for required in ["title", "lang", "city", "country", "summary"] {
                if !headers.iter().any(|h| h == required) {
                    problems.push(ImportProblem {
                        line: 1,
                        field: required.into(),
                        error: FieldError::new("error-import-column"),
                    });
                }
            }
            if !problems.is_empty() {
                return out;
            }
            for result in reader.deserialize::<CsvRecord>() {
                match result {
                    Ok(r) => out.push((0, r.read_from_csv().into())),
                    Err(e) => problems.push(ImportProblem {
                        line: e.position().map(|p| p.line() as usize).unwrap_or(0),
                        field: "line".into(),
                        error: FieldError::with("error-import-csv", "detail", e),
                    }),
                }
            }
            // Line numbers of good rows: read again for positions (records may span lines).
            let mut positions = csv::ReaderBuilder::new().from_reader(text.as_bytes());
            let mut record = csv::StringRecord::new();
            let mut lines = Vec::new();
            while positions.read_record(&mut record).unwrap_or(false) {
                lines.push(record.position().map(|p| p.line() as usize).unwrap_or(0));
            }
            for ((line, _), l) in out.iter_mut().zip(lines) {
                *line = l;
            }
        }
    }
    out
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

/// A checked line, ready to write.
struct Checked {
    practice: NewPractice,
    form: PracticeForm,
    city: Option<NewCity>,
    existing: Option<(i64, i64)>,
    owners: Vec<i64>,
    contacts: Vec<i64>,
    translations: BTreeMap<String, BTreeMap<String, String>>,
}

impl App {
    /// Imports practices from `text` (coordinators and admins). `progress(done, total)` is called
    /// as lines are checked and written.
    #[tracing::instrument(skip_all, fields(records))]
    pub async fn import_practices(
        &self,
        actor: &Actor,
        text: &str,
        format: Format,
        options: ImportOptions,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<ImportReport> {
        authorize(
            actor,
            Action::CreatePractice {
                organisation_id: -1,
            },
        )?;
        let mut report = ImportReport::default();
        let records = read(text, format, &mut report.problems);
        report.records = records.len();
        let total = records.len() * 2;
        let countries: HashSet<String> = self
            .store()
            .countries()
            .await?
            .into_iter()
            .map(|c| c.code)
            .collect();
        let cities: HashMap<String, (i64, String)> = self
            .store()
            .cities(None)
            .await?
            .into_iter()
            .map(|c| (c.slug.clone(), (c.id, c.country)))
            .collect();
        let themes: HashSet<String> = self
            .store()
            .themes()
            .await?
            .into_iter()
            .map(|t| t.key)
            .collect();
        let (orgs, people) = self.store().directory_keys().await?;
        let orgs: HashMap<String, i64> = orgs.into_iter().map(|(id, slug)| (slug, id)).collect();
        let people: HashMap<String, i64> =
            people.into_iter().map(|(id, slug)| (slug, id)).collect();
        let keys = self.store().practice_keys().await?;
        let by_ref: HashMap<String, (i64, i64, String)> = keys
            .iter()
            .filter_map(|(id, slug, r, v)| r.clone().map(|r| (r, (*id, *v, slug.clone()))))
            .collect();
        let by_slug: HashMap<String, (i64, i64, Option<String>)> = keys
            .iter()
            .map(|(id, slug, r, v)| (slug.clone(), (*id, *v, r.clone())))
            .collect();

        let mut checked = Vec::new();
        let mut seen_refs: HashMap<String, usize> = HashMap::new();
        let mut seen_slugs: HashMap<String, usize> = HashMap::new();
        let mut new_cities: HashMap<String, usize> = HashMap::new();
        let mut new_countries: std::collections::BTreeMap<String, NewCountry> =
            std::collections::BTreeMap::new();
        for (n, (line, record)) in records.iter().enumerate() {
            progress(n + 1, total);
            let mut problem = |field: &str, error: FieldError| {
                report.problems.push(ImportProblem {
                    line: *line,
                    field: field.to_owned(),
                    error,
                })
            };
            let country = record.country.trim().to_ascii_uppercase();
            if country.is_empty() {
                problem("country", FieldError::new("error-required"));
            } else if !countries.contains(&country) && !new_countries.contains_key(&country) {
                // A fresh instance knows every country of ISO 3166-1; it joins the directory.
                match iso_country(&country) {
                    Some(c) => {
                        new_countries.insert(country.clone(), c);
                    }
                    None => problem("country", FieldError::new("error-unknown-country")),
                }
            }
            // A city is found by slug, or by the slug made from its name; otherwise it is new.
            let city_slug = Slug::try_from(record.city.trim())
                .ok()
                .filter(|s| cities.contains_key(s.as_str()))
                .or_else(|| Slug::from_name(&record.city));
            let mut city = None;
            if let Some(slug) = &city_slug {
                match cities.get(slug.as_str()) {
                    Some((_, c)) if *c != country && !country.is_empty() => problem(
                        "city",
                        FieldError::with("error-import-city-country", "value", c),
                    ),
                    Some(_) => {}
                    None => {
                        let form = CityForm {
                            slug: slug.to_string(),
                            name: record.city.trim().to_owned(),
                            country: country.clone(),
                            ..Default::default()
                        };
                        match NewCity::try_from(&form) {
                            Ok(c) => city = Some(c),
                            Err(errors) => {
                                errors.iter().for_each(|(_, e)| problem("city", e.clone()))
                            }
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
            let mut resolve =
                |field: &str, items: &[String], known: &HashMap<String, i64>| -> Vec<i64> {
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
            let owners = resolve("organisations", &record.organisations, &orgs);
            let contacts = resolve("contacts", &record.contacts, &people);
            for t in record
                .themes
                .iter()
                .map(|t| t.trim())
                .filter(|t| Slug::try_from(*t).is_ok() && !themes.contains(*t))
            {
                problem(
                    "themes",
                    FieldError::with("error-unknown-theme", "value", t),
                );
            }
            let mut practice = match NewPractice::from_import(&form) {
                Ok((p, warning)) => {
                    if let Some(w) = warning {
                        report.warnings.push(ImportProblem {
                            line: *line,
                            field: "summary".into(),
                            error: w,
                        });
                    }
                    p
                }
                Err(errors) => {
                    errors.iter().for_each(|(f, e)| problem(f, e.clone()));
                    continue;
                }
            };
            // A new practice whose address comes from its title, where another practice (in the
            // file, or stored under another ref) has that title too, gets the next free address.
            if record.slug.trim().is_empty()
                && let Some(r) = &practice.reference
                && !by_ref.contains_key(r)
            {
                let clash = |s: &str| {
                    seen_slugs.contains_key(s)
                        || by_slug
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
                && let Some(first) = seen_refs.insert(r.clone(), *line)
            {
                problem(
                    "ref",
                    FieldError::with("error-import-duplicate", "line", first),
                );
            }
            if let Some(first) = seen_slugs.insert(practice.slug.to_string(), *line) {
                problem(
                    "slug",
                    FieldError::with("error-import-duplicate", "line", first),
                );
            }
            // Matched by ref, else by slug; a slug used by a practice with another ref is taken.
            let existing = match &practice.reference {
                Some(r) => match by_ref.get(r) {
                    Some((id, v, _)) => Some((*id, *v)),
                    None => match by_slug.get(practice.slug.as_str()) {
                        Some((_, _, Some(other))) if other != r => {
                            problem("slug", FieldError::new("error-taken"));
                            None
                        }
                        Some((id, v, _)) => Some((*id, *v)),
                        None => None,
                    },
                },
                None => by_slug
                    .get(practice.slug.as_str())
                    .map(|(id, v, _)| (*id, *v)),
            };
            if let Some(c) = &city
                && new_cities.insert(c.slug.to_string(), *line).is_some()
            {
                city = None;
            }
            checked.push(Checked {
                practice,
                form,
                city,
                existing,
                owners,
                contacts,
                translations: record.translations.clone(),
            });
        }
        report.created = checked.iter().filter(|c| c.existing.is_none()).count();
        report.updated = checked.len() - report.created;
        report.cities_created = checked.iter().filter(|c| c.city.is_some()).count();
        if !report.problems.is_empty() || options.dry_run {
            return Ok(report);
        }

        let mut tx = self.store().write().await?;
        for c in new_countries.values() {
            tx.upsert_country(&super::directory::country_row(c), actor.user_id())
                .await?;
        }
        for c in checked.iter().filter_map(|c| c.city.as_ref()) {
            tx.insert_city(c, actor.user_id()).await?;
        }
        let status = if options.publish {
            PracticeStatus::Published
        } else {
            PracticeStatus::Draft
        };
        for (n, c) in checked.iter().enumerate() {
            progress(records.len() + n + 1, total);
            let city_id = tx.city_id(c.practice.city.as_str()).await?;
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
                        .await?,
                ),
                None => (
                    tx.insert_practice(&write, status, actor.user_id()).await?,
                    1,
                ),
            };
            for (lang, fields) in &c.translations {
                for (field, body) in fields.iter().filter(|(_, b)| !b.trim().is_empty()) {
                    let text = PracticeTextRow {
                        lang: lang.clone(),
                        field: field.clone(),
                        body: body.clone(),
                        status: "human".into(),
                        based_on: version,
                    };
                    tx.put_practice_translation(id, &text, actor.user_id())
                        .await?;
                }
            }
        }
        tx.commit().await?;
        report.written = true;
        // Fresh planner statistics for SQLite (PostgreSQL's autovacuum keeps its own); the
        // import has landed either way.
        if self.store().backend() == crate::storage::Backend::Sqlite
            && let Err(e) = self.store().analyze().await
        {
            tracing::warn!(error = %e, "refreshing the planner statistics failed");
        }
        Ok(report)
    }

    /// Every practice `actor` may see, as a file.
    pub async fn export_practices(&self, actor: &Actor, format: Format) -> Result<String> {
        let scope = self.scope(actor).await?;
        let (rows, _) = self
            .store()
            .practices(scope, &PracticeFilter::default(), "", i64::MAX, 0)
            .await?;
        let (texts, owners, contacts) = self.store().practice_links_all().await?;
        let cities: HashMap<i64, String> = self
            .store()
            .cities(None)
            .await?
            .into_iter()
            .map(|c| (c.id, c.slug))
            .collect();
        let mut records = Vec::with_capacity(rows.len());
        for row in rows.iter().rev() {
            let mine: Vec<&PracticeTextRow> = texts
                .iter()
                .filter(|(id, _)| *id == row.id)
                .map(|(_, t)| t)
                .collect();
            let original = |field: &str| {
                mine.iter()
                    .find(|t| t.lang == row.original_lang && t.field == field)
                    .map(|t| t.body.clone())
                    .unwrap_or_default()
            };
            let mut translations: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
            for t in mine
                .iter()
                .filter(|t| t.lang != row.original_lang && t.status != "original")
            {
                translations
                    .entry(t.lang.clone())
                    .or_default()
                    .insert(t.field.clone(), t.body.clone());
            }
            records.push(PracticeRecord {
                reference: row.reference.clone().unwrap_or_default(),
                slug: row.slug.clone(),
                status: row.status.clone(),
                lang: row.original_lang.clone(),
                title: original("title"),
                summary: original("summary"),
                description: String::new(),
                context: original("context"),
                approach: original("approach"),
                results: original("results"),
                evaluation: original("evaluation"),
                resources: original("resources"),
                transferability: original("transferability"),
                period_start: row.period_start.clone().unwrap_or_default(),
                period_end: row.period_end.clone().unwrap_or_default(),
                ongoing: row.ongoing == 1,
                city: cities.get(&row.city_id).cloned().unwrap_or_default(),
                country: row.country.clone(),
                organisations: owners
                    .iter()
                    .filter(|(id, _)| *id == row.id)
                    .map(|(_, s)| s.clone())
                    .collect(),
                contacts: contacts
                    .iter()
                    .filter(|(id, _)| *id == row.id)
                    .map(|(_, s)| s.clone())
                    .collect(),
                themes: split_list(&row.themes),
                target_groups: serde_json::from_str(&row.target_groups).unwrap_or_default(),
                links: serde_json::from_str(&row.links).unwrap_or_default(),
                source: row.source.clone().unwrap_or_default(),
                translations,
            });
        }
        match format {
            Format::JsonLines => {
                let mut out = String::new();
                for r in &records {
                    out.push_str(&serde_json::to_string(r).map_err(|e| anyhow::anyhow!(e))?);
                    out.push('\n');
                }
                Ok(out)
            }
            Format::Csv => {
                let mut w = csv_writer();
                for r in &records {
                    w.serialize(CsvRecord::from(r).written_for_csv())
                        .map_err(|e| anyhow::anyhow!(e))?;
                }
                let bytes = w.into_inner().map_err(|e| anyhow::anyhow!(e.to_string()))?;
                String::from_utf8(bytes).map_err(|e| Error::Internal(anyhow::anyhow!(e)))
            }
        }
    }
}
