//! Import and export of practices as JSON Lines or CSV. An import is checked whole first —
//! every bad line reported with its number, field and rule — and written in one transaction
//! only when no line is bad. Records are matched by `ref` (else by `slug`): importing again
//! updates instead of duplicating. Cities not yet known are created under their country.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::domain::Actor;
use crate::storage::{PracticeTextRow, split_list};

use crate::app::{App, Error, Result};

mod check;
mod import;
mod records;

pub use import::{ImportOptions, ImportProblem, ImportReport, LISTED};
pub use records::ImportSource;

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
    /// Target groups: keys or names of the taxonomy; names it lacks go to the note.
    pub target_groups: Vec<String>,
    /// Target groups the taxonomy lacks, in the practice's language.
    pub target_group_note: String,
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
    target_group_note: String,
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

/// A CSV writer that quotes every cell, writing the header line before the first record when
/// `headers` is set.
pub(crate) fn csv_writer(headers: bool) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .has_headers(headers)
        .from_writer(Vec::new())
}

impl CsvRecord {
    fn cells(&mut self) -> [&mut String; 25] {
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
            &mut self.target_group_note,
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
            target_group_note: c.target_group_note,
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
            target_group_note: r.target_group_note.clone(),
            links: r.links.join(";"),
            source: r.source.clone(),
        }
    }
}

/// How many practices one page of an export reads at a time: memory stays bounded by a page,
/// whatever the size of the catalogue.
const EXPORT_PAGE: i64 = 500;

impl App {
    /// Writes every practice `actor` may see to `out`, one page of practices at a time, lowest
    /// id first.
    pub async fn export_practices<W>(
        &self,
        actor: &Actor,
        format: Format,
        out: &mut W,
    ) -> Result<()>
    where
        W: tokio::io::AsyncWrite + Unpin + Send,
    {
        use tokio::io::AsyncWriteExt;
        let scope = self.scope(actor).await?;
        let cities: HashMap<i64, String> = self
            .store()
            .cities(None)
            .await?
            .into_iter()
            .map(|c| (c.id, c.slug))
            .collect();
        let written = |e: std::io::Error| Error::Internal(anyhow::anyhow!(e));
        let mut after = 0;
        let mut first_page = true;
        loop {
            let rows = self
                .store()
                .practices_after(scope, after, EXPORT_PAGE)
                .await?;
            let Some(last) = rows.last() else {
                break;
            };
            after = last.id;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let (texts, owners, contacts) = self.store().practice_links_of(&ids).await?;
            let records = page_records(&rows, &texts, &owners, &contacts, &cities);
            let bytes = encode(format, &records, first_page)?;
            first_page = false;
            out.write_all(&bytes).await.map_err(written)?;
        }
        out.flush().await.map_err(written)
    }
}

/// The records of one page of practices, with their texts, owners and contacts.
fn page_records(
    rows: &[crate::storage::PracticeRow],
    texts: &[(i64, PracticeTextRow)],
    owners: &[(i64, String)],
    contacts: &[(i64, String)],
    cities: &HashMap<i64, String>,
) -> Vec<PracticeRecord> {
    // Grouped by practice once, rather than searched for each practice.
    let mut texts_of: HashMap<i64, Vec<&PracticeTextRow>> = HashMap::new();
    for (id, t) in texts {
        texts_of.entry(*id).or_default().push(t);
    }
    let group = |pairs: &[(i64, String)]| {
        let mut of: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, slug) in pairs {
            of.entry(*id).or_default().push(slug.clone());
        }
        of
    };
    let (mut owners_of, mut contacts_of) = (group(owners), group(contacts));
    let mut records = Vec::with_capacity(rows.len());
    for row in rows {
        let mine = texts_of.remove(&row.id).unwrap_or_default();
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
            organisations: owners_of.remove(&row.id).unwrap_or_default(),
            contacts: contacts_of.remove(&row.id).unwrap_or_default(),
            themes: split_list(&row.themes),
            target_groups: serde_json::from_str(&row.target_groups).unwrap_or_default(),
            target_group_note: row.target_group_note.clone(),
            links: serde_json::from_str(&row.links).unwrap_or_default(),
            source: row.source.clone().unwrap_or_default(),
            translations,
        });
    }
    records
}

/// One page of records in `format`; a CSV's header line comes with the first page only.
fn encode(format: Format, records: &[PracticeRecord], first_page: bool) -> Result<Vec<u8>> {
    let failed = |e: String| Error::Internal(anyhow::anyhow!(e));
    match format {
        Format::JsonLines => {
            let mut out = Vec::new();
            for r in records {
                serde_json::to_writer(&mut out, r).map_err(|e| failed(e.to_string()))?;
                out.push(b'\n');
            }
            Ok(out)
        }
        Format::Csv => {
            let mut w = csv_writer(first_page);
            for r in records {
                w.serialize(CsvRecord::from(r).written_for_csv())
                    .map_err(|e| failed(e.to_string()))?;
            }
            w.into_inner().map_err(|e| failed(e.to_string()))
        }
    }
}
