//! The check of one import record: the same rules in both passes, against what the database knows and what the file has shown so far.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::app::catalogue::practices::file_terms;
use crate::domain::catalogue::practice::{LIST_MAX, NewPractice, PracticeForm, TEXT_FIELDS};
use crate::domain::directory::{CityForm, NewCity, NewCountry, TermMatcher, iso_country};
use crate::domain::{FieldError, Slug};

use super::PracticeRecord;
use super::import::{ImportProblem, ImportReport};

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
            target_group_note: self.target_group_note.clone(),
            links: self.links.clone(),
            source: self.source.clone(),
        }
    }
}

/// What is stored already: read once, before the first pass.
pub(super) struct Known {
    pub(super) countries: HashSet<String>,
    pub(super) cities: HashMap<String, (i64, String)>,
    pub(super) themes: HashSet<String>,
    pub(super) theme_names: TermMatcher,
    pub(super) target_groups: TermMatcher,
    pub(super) orgs: HashMap<String, i64>,
    pub(super) people: HashMap<String, i64>,
    /// ref → (id, version, slug)
    pub(super) by_ref: HashMap<String, (i64, i64, String)>,
    /// slug → (id, version, ref)
    pub(super) by_slug: HashMap<String, (i64, i64, Option<String>)>,
}

/// What a pass has seen so far: the keys of the records before the current one.
#[derive(Default)]
pub(super) struct Seen {
    pub(super) refs: HashMap<String, usize>,
    pub(super) slugs: HashMap<String, usize>,
    pub(super) cities: BTreeMap<String, NewCity>,
    pub(super) countries: BTreeMap<String, NewCountry>,
}

/// A checked record, ready to write.
pub(super) struct Checked {
    pub(super) practice: NewPractice,
    pub(super) form: PracticeForm,
    pub(super) existing: Option<(i64, i64)>,
    pub(super) owners: Vec<i64>,
    pub(super) contacts: Vec<i64>,
}

/// The values of a list field to check one by one: none when there are too many, which the
/// form's own check refuses whole (one error, not one per value).
fn one_by_one(items: &[String]) -> &[String] {
    if items.len() > LIST_MAX { &[] } else { items }
}

/// Checks one record against what is stored and what came before it in the file, noting its
/// keys in `seen`; its problems and warnings go to `report`.
pub(super) fn check(
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
    let mut form = record.form(
        city_slug
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    file_terms(&mut form, &known.theme_names, &known.target_groups);
    // References are checked on the raw record, so that a line reports every problem at once.
    let mut resolve = |field: &str, items: &[String], known: &HashMap<String, i64>| -> Vec<i64> {
        one_by_one(items)
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
    for t in one_by_one(&form.themes)
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
