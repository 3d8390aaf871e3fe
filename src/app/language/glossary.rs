//! Glossary use cases: reading it (whole, cached until the change log shows a glossary change), editing
//! concepts, importing and exporting CSV and SKOS, and finding its terms in a text.

use std::sync::Arc;

use crate::app::catalogue::transfer::ImportProblem;
use crate::app::language::glossary_io::{self, GlossaryFormat};
use crate::app::{App, Error, Result, authorize};
use crate::domain::language::glossary::{Concept, ConceptForm, GlossaryDomain};
use crate::domain::{Action, Actor, ContentLang, FieldError, FieldErrors, Slug};
use crate::search::Expander;
use crate::storage::{GlossaryConceptRow, GlossaryTermRow};

/// The glossary shipped with Passerelle, loaded into an empty database.
const SHIPPED: &str = include_str!("../../../data/glossary.csv");

/// The whole glossary in memory, with the search's expander built from it.
pub struct GlossaryData {
    /// Every concept, by key.
    pub concepts: Vec<Concept>,
    /// The query expander.
    pub expander: Expander,
}

impl GlossaryData {
    /// A concept by key.
    pub fn get(&self, key: &str) -> Option<&Concept> {
        self.concepts
            .binary_search_by(|c| c.key.as_str().cmp(key))
            .ok()
            .map(|i| &self.concepts[i])
    }
}

/// What a glossary import found and did.
#[derive(Debug, Clone, Default)]
pub struct GlossaryImportReport {
    /// Concepts read.
    pub records: usize,
    /// New concepts.
    pub created: usize,
    /// Concepts replaced.
    pub updated: usize,
    /// Every problem; when there is one, nothing is written.
    pub problems: Vec<ImportProblem>,
    /// Whether anything was written.
    pub written: bool,
}

/// A concept from its row and its own terms.
fn concept_of(row: &GlossaryConceptRow, terms: &[&GlossaryTermRow]) -> Option<Concept> {
    let list = |lang: &str| {
        terms
            .iter()
            .filter(|t| t.lang == lang)
            .map(|t| t.term.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    Concept::try_from(ConceptForm {
        key: row.key.clone(),
        domain: row.domain.clone(),
        terms_de: list("de"),
        terms_fr: list("fr"),
        terms_en: list("en"),
        terms_lb: list("lb"),
        definition_de: row.definition_de.clone(),
        definition_fr: row.definition_fr.clone(),
        definition_en: row.definition_en.clone(),
        definition_lb: row.definition_lb.clone(),
        related: row.related.clone(),
    })
    .ok()
}

fn row_of(c: &Concept) -> (GlossaryConceptRow, Vec<(String, Vec<String>)>) {
    (
        GlossaryConceptRow {
            key: c.key.as_str().to_string(),
            domain: c.domain.as_str().to_string(),
            definition_de: c.definition(ContentLang::De).to_string(),
            definition_fr: c.definition(ContentLang::Fr).to_string(),
            definition_en: c.definition(ContentLang::En).to_string(),
            definition_lb: c.definition(ContentLang::Lb).to_string(),
            related: c
                .related
                .iter()
                .map(Slug::as_str)
                .collect::<Vec<_>>()
                .join(","),
            updated_at: 0,
        },
        c.terms
            .iter()
            .map(|(l, t)| (l.code().to_string(), t.clone()))
            .collect(),
    )
}

impl App {
    /// The whole glossary, read again only when the change log has moved.
    pub async fn glossary(&self) -> Result<Arc<GlossaryData>> {
        self.glossary_data().await
    }

    pub(crate) async fn glossary_data(&self) -> Result<Arc<GlossaryData>> {
        let generation = self.generation();
        let cached = self
            .inner
            .glossary
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some((checked, data)) = cached {
            // Other writes move the generation too; the expander is rebuilt only when the
            // glossary itself changed.
            if checked == generation {
                return Ok(data);
            }
            if !self.store().changed_since("glossary", checked).await? {
                *self
                    .inner
                    .glossary
                    .write()
                    .unwrap_or_else(|p| p.into_inner()) = Some((generation, data.clone()));
                return Ok(data);
            }
        }
        let (rows, terms) = self.store().glossary().await?;
        let mut by_concept: std::collections::HashMap<&str, Vec<&GlossaryTermRow>> =
            std::collections::HashMap::new();
        for t in &terms {
            by_concept.entry(t.concept.as_str()).or_default().push(t);
        }
        let concepts: Vec<Concept> = rows
            .iter()
            .filter_map(|r| concept_of(r, by_concept.get(r.key.as_str()).map_or(&[], |v| v)))
            .collect();
        let expander = tokio::task::spawn_blocking({
            let terms = glossary_io::glossary_terms(&concepts);
            let compounds = self.compounds();
            move || Expander::new(terms, &compounds)
        })
        .await
        .map_err(|e| Error::Internal(e.into()))?;
        let fresh = Arc::new(GlossaryData { concepts, expander });
        *self
            .inner
            .glossary
            .write()
            .unwrap_or_else(|p| p.into_inner()) = Some((generation, fresh.clone()));
        Ok(fresh)
    }

    /// One concept.
    pub async fn concept(&self, key: &str) -> Result<Concept> {
        self.glossary_data()
            .await?
            .get(key)
            .cloned()
            .ok_or(Error::NotFound)
    }

    /// Creates (`existing` is `None`) or changes a concept. The key of an existing concept
    /// cannot change; related keys must name concepts of the glossary.
    pub async fn save_concept(
        &self,
        actor: &Actor,
        existing: Option<&str>,
        form: &ConceptForm,
    ) -> Result<Slug> {
        authorize(actor, Action::EditGlossary)?;
        let glossary = self.glossary_data().await?;
        let mut form = form.clone();
        if let Some(key) = existing {
            if glossary.get(key).is_none() {
                return Err(Error::NotFound);
            }
            form.key = key.to_string();
        }
        let concept = Concept::try_from(form).map_err(Error::Invalid)?;
        let mut errors = FieldErrors::new();
        if existing.is_none() && glossary.get(concept.key.as_str()).is_some() {
            errors.add("key", FieldError::new("error-taken"));
        }
        for r in &concept.related {
            if glossary.get(r.as_str()).is_none() {
                errors.add(
                    "related",
                    FieldError::with("error-unknown-concept", "value", r.as_str()),
                );
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let (row, terms) = row_of(&concept);
        let mut tx = self.store().write().await?;
        tx.put_concept(&row, &terms, actor.user_id()).await?;
        tx.commit().await?;
        Ok(concept.key)
    }

    /// Removes a concept (others that named it as related keep the key until edited).
    pub async fn delete_concept(&self, actor: &Actor, key: &str) -> Result<()> {
        authorize(actor, Action::EditGlossary)?;
        let mut tx = self.store().write().await?;
        tx.delete_concept(key, actor.user_id()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Imports concepts from CSV or SKOS: the file is checked whole, then written in one
    /// transaction; concepts with a key already there are replaced.
    pub async fn import_glossary(
        &self,
        actor: &Actor,
        text: &str,
        format: GlossaryFormat,
        dry_run: bool,
    ) -> Result<GlossaryImportReport> {
        authorize(actor, Action::EditGlossary)?;
        let glossary = self.glossary_data().await?;
        let known = |k: &str| glossary.get(k).is_some();
        let parsed = match format {
            GlossaryFormat::Csv => glossary_io::read_csv(text, &known),
            GlossaryFormat::Skos => glossary_io::read_skos(text, &known),
        };
        let concepts = match parsed {
            Ok(c) => c,
            Err(problems) => {
                return Ok(GlossaryImportReport {
                    problems,
                    ..GlossaryImportReport::default()
                });
            }
        };
        let mut report = GlossaryImportReport {
            records: concepts.len(),
            ..GlossaryImportReport::default()
        };
        if dry_run {
            report.created = concepts
                .iter()
                .filter(|c| glossary.get(c.key.as_str()).is_none())
                .count();
            report.updated = concepts.len() - report.created;
            return Ok(report);
        }
        let mut tx = self.store().write().await?;
        for c in &concepts {
            let (row, terms) = row_of(c);
            if tx.put_concept(&row, &terms, actor.user_id()).await? {
                report.created += 1;
            } else {
                report.updated += 1;
            }
        }
        tx.commit().await?;
        report.written = true;
        Ok(report)
    }

    /// The whole glossary as CSV or SKOS Turtle.
    pub async fn export_glossary(&self, format: GlossaryFormat) -> Result<String> {
        let glossary = self.glossary_data().await?;
        Ok(match format {
            GlossaryFormat::Csv => glossary_io::write_csv(&glossary.concepts),
            GlossaryFormat::Skos => {
                glossary_io::write_skos(&glossary.concepts, &self.config().base_url)
            }
        })
    }

    /// Loads the shipped glossary when the database has none; returns the concepts loaded.
    pub async fn seed_glossary(&self) -> Result<usize> {
        if self.store().glossary_count().await? > 0 {
            return Ok(0);
        }
        let report = self
            .import_glossary(&Actor::System, SHIPPED, GlossaryFormat::Csv, false)
            .await?;
        if !report.problems.is_empty() {
            return Err(Error::Internal(anyhow::anyhow!(
                "the shipped glossary has {} problems",
                report.problems.len()
            )));
        }
        Ok(report.created)
    }

    /// Glossary concepts named in a text written in `lang`, with the words as they stand.
    pub async fn glossary_terms_in(
        &self,
        lang: &str,
        text: &str,
    ) -> Result<Vec<(Concept, String)>> {
        let glossary = self.glossary_data().await?;
        Ok(glossary
            .expander
            .find_in_text(lang, text)
            .into_iter()
            .filter_map(|(key, words)| glossary.get(&key).map(|c| (c.clone(), words)))
            .collect())
    }

    /// Concepts of a domain or all, whose term in `lang` starts with `letter` (A–Z, folded),
    /// sorted by that term: (term, preferred?, concept).
    pub async fn glossary_index(
        &self,
        lang: ContentLang,
        letter: Option<char>,
        domain: Option<GlossaryDomain>,
    ) -> Result<Vec<(String, bool, Concept)>> {
        let glossary = self.glossary_data().await?;
        let mut out: Vec<(String, String, bool, Concept)> = Vec::new();
        for c in &glossary.concepts {
            if domain.is_some_and(|d| d != c.domain) {
                continue;
            }
            for (i, t) in c.terms_in(lang).iter().enumerate() {
                let key = crate::storage::fold(t);
                let first = key.chars().find(|ch| ch.is_ascii_alphanumeric());
                let first = first.map(|f| f.to_ascii_uppercase());
                let wanted = match letter {
                    None => true,
                    Some('#') => first.is_none_or(|f| !f.is_ascii_alphabetic()),
                    Some(l) => first == Some(l),
                };
                if wanted {
                    out.push((key, t.clone(), i == 0, c.clone()));
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out.into_iter().map(|(_, t, p, c)| (t, p, c)).collect())
    }
}
