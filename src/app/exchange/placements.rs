//! Placements of the exchange programme: host organisations publish the visits and job-shadowing
//! stays they offer, with the periods when they are possible; anyone finds the open ones.

use crate::app::{App, Error, Page, Result, given, page_size};
use crate::domain::exchange::Span;
use crate::domain::exchange::placement::{
    Placement, PlacementForm, PlacementStatus, PlacementTranslation, PlacementTranslationForm,
    WindowForm, parse_day,
};
use crate::domain::{Action, Actor, FieldError, FieldErrors, Slug, can};
use crate::storage::{
    PlacementFilter, PlacementRow, PlacementTextRow, PlacementWrite, StorageError, WriteTx,
};

/// A placement as shown.
#[derive(Debug, Clone)]
pub struct PlacementView {
    /// The stored record.
    pub row: PlacementRow,
    /// Its windows in date order.
    pub windows: Vec<Span>,
    /// Whether the reader may change it.
    pub can_edit: bool,
    /// Its translations.
    pub texts: Vec<PlacementTextRow>,
}

/// A placement's texts in one language, as chosen for a reader.
#[derive(Debug, Clone, Copy)]
pub struct PlacementTexts<'a> {
    /// Their language.
    pub lang: &'a str,
    /// Title.
    pub title: &'a str,
    /// Description (Markdown).
    pub description: &'a str,
    /// Practical notes.
    pub practical: &'a str,
    /// Accessibility notes.
    pub accessibility: &'a str,
    /// `None` for the original, else the translation's status (human, machine, outdated).
    pub status: Option<&'a str>,
}

impl PlacementView {
    /// The texts in `lang` when there is a translation (or it is the original's), else the
    /// original.
    pub fn texts_in(&self, lang: &str) -> PlacementTexts<'_> {
        let r = &self.row;
        match self.texts.iter().find(|t| t.lang == lang && lang != r.lang) {
            Some(t) => PlacementTexts {
                lang: &t.lang,
                title: &t.title,
                description: &t.description,
                practical: &t.practical,
                accessibility: &t.accessibility,
                status: Some(&t.status),
            },
            None => PlacementTexts {
                lang: &r.lang,
                title: &r.title,
                description: &r.description,
                practical: &r.practical,
                accessibility: &r.accessibility,
                status: None,
            },
        }
    }

    /// The first days a whole stay fits into one of its windows within `possible`.
    pub fn first_stay(&self, possible: Span) -> Option<Span> {
        let length = u32::try_from(self.row.length_days).unwrap_or(1);
        self.windows
            .iter()
            .filter_map(|w| crate::domain::exchange::first_fit(*w, &[possible], length))
            .min_by_key(|s| s.start)
    }

    /// Working languages.
    pub fn languages(&self) -> Vec<String> {
        crate::storage::split_list(&self.row.languages)
    }

    /// Theme keys.
    pub fn themes(&self) -> Vec<String> {
        crate::storage::split_list(&self.row.themes)
    }

    /// Linked practice slugs.
    pub fn practices(&self) -> Vec<String> {
        crate::storage::split_list(&self.row.practices)
    }

    /// The form that edits it.
    pub fn form(&self) -> PlacementForm {
        let r = &self.row;
        PlacementForm {
            slug: r.slug.clone(),
            organisation: r.organisation_slug.clone(),
            lang: r.lang.clone(),
            title: r.title.clone(),
            description: r.description.clone(),
            practical: r.practical.clone(),
            accessibility: r.accessibility.clone(),
            length_days: r.length_days.to_string(),
            capacity: r.capacity.to_string(),
            languages: self.languages(),
            themes: self.themes(),
            practices: self.practices(),
            contact: r.contact_slug.clone().unwrap_or_default(),
            windows: self
                .windows
                .iter()
                .map(|w| WindowForm {
                    start: w.start.to_string(),
                    end: w.end.to_string(),
                })
                .collect(),
            status: r.status.clone(),
        }
    }
}

/// A list of placements as asked for in a query string (all text, checked here).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct PlacementQuery {
    /// Theme key.
    pub theme: Option<String>,
    /// City slug.
    pub city: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Working language code.
    pub language: Option<String>,
    /// Possible on or after this day (YYYY-MM-DD).
    pub from: Option<String>,
    /// Possible on or before this day (YYYY-MM-DD).
    pub to: Option<String>,
    /// Host organisation slug.
    pub organisation: Option<String>,
    /// Page size (1–200, default 50).
    pub limit: Option<i64>,
    /// Items skipped.
    pub offset: Option<i64>,
    /// Only open placements, whatever the reader may see (the home page's list).
    #[serde(skip)]
    pub open_only: bool,
}

impl PlacementQuery {
    /// The storage filter, or field errors for dates that are not dates.
    pub fn filter(&self) -> Result<PlacementFilter> {
        let mut errors = FieldErrors::new();
        for (field, value) in [("from", &self.from), ("to", &self.to)] {
            if let Some(v) = given(value)
                && parse_day(&v).is_none()
            {
                errors.add(field, FieldError::new("error-day"));
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        Ok(PlacementFilter {
            theme: given(&self.theme),
            city: given(&self.city),
            country: given(&self.country).map(|c| c.to_uppercase()),
            language: given(&self.language),
            from: given(&self.from),
            to: given(&self.to),
            status: None,
            organisation: given(&self.organisation),
            call: None,
        })
    }
}

impl App {
    fn view(
        &self,
        actor: &Actor,
        row: PlacementRow,
        windows: Vec<Span>,
        texts: Vec<PlacementTextRow>,
    ) -> PlacementView {
        let can_edit = can(
            actor,
            Action::EditPlacement {
                organisation_id: row.organisation_id,
            },
        );
        PlacementView {
            row,
            windows,
            can_edit,
            texts,
        }
    }

    pub(crate) async fn windows_of(&self, ids: &[i64]) -> Result<Vec<(i64, Span)>> {
        Ok(self
            .store()
            .placement_windows(ids)
            .await?
            .into_iter()
            .filter_map(|w| {
                let span = Span::new(parse_day(&w.start_date)?, parse_day(&w.end_date)?)?;
                Some((w.placement_id, span))
            })
            .collect())
    }

    /// Rows with their windows and translations, in three queries whatever their number.
    async fn views(&self, actor: &Actor, rows: Vec<PlacementRow>) -> Result<Vec<PlacementView>> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let windows = self.windows_of(&ids).await?;
        let mut texts = self.store().placement_texts(&ids).await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let mine = windows
                    .iter()
                    .filter(|(id, _)| *id == row.id)
                    .map(|(_, s)| *s)
                    .collect();
                let (its, rest): (Vec<_>, Vec<_>) =
                    texts.drain(..).partition(|t| t.placement_id == row.id);
                texts = rest;
                self.view(actor, row, mine, its)
            })
            .collect())
    }

    /// The placements of a call (at most [`crate::domain::exchange::call::CALL_PLACEMENTS_MAX`]), by title.
    pub(crate) async fn placements_of_call(&self, call_id: i64) -> Result<Vec<PlacementView>> {
        let filter = PlacementFilter {
            call: Some(call_id.to_string()),
            ..Default::default()
        };
        let max = crate::domain::exchange::call::CALL_PLACEMENTS_MAX as i64;
        let (mut rows, _) = self.store().placements(&filter, max, 0).await?;
        rows.sort_by(|a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id)));
        self.views(&Actor::System, rows).await
    }

    /// Placements the actor may see that match `query`; closed ones only for members.
    pub async fn placements(
        &self,
        actor: &Actor,
        query: &PlacementQuery,
    ) -> Result<Page<PlacementView>> {
        let mut filter = query.filter()?;
        if query.open_only || !can(actor, Action::ViewPlacement { open: false }) {
            filter.status = Some(PlacementStatus::Open.as_str().to_owned());
        }
        let limit = page_size(query.limit);
        let offset = query.offset.unwrap_or(0).clamp(0, 1_000_000);
        let (rows, total) = self.store().placements(&filter, limit, offset).await?;
        let items = self.views(actor, rows).await?;
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }

    /// One placement; `NotFound` when the actor may not see it.
    pub async fn placement(&self, actor: &Actor, slug: &str) -> Result<PlacementView> {
        let row = self.store().placement(slug).await?;
        let open = row.status == PlacementStatus::Open.as_str();
        if !can(actor, Action::ViewPlacement { open }) {
            return Err(Error::NotFound);
        }
        let windows = self
            .windows_of(&[row.id])
            .await?
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        let texts = self.store().placement_texts(&[row.id]).await?;
        Ok(self.view(actor, row, windows, texts))
    }

    /// Writes a person's translation of a placement's texts (its hosts and coordinators).
    pub async fn translate_placement(
        &self,
        actor: &Actor,
        slug: &str,
        form: &PlacementTranslationForm,
    ) -> Result<()> {
        let p = self.placement(actor, slug).await?;
        crate::app::authorize(
            actor,
            Action::EditPlacement {
                organisation_id: p.row.organisation_id,
            },
        )?;
        let t = PlacementTranslation::check(form, &p.row.lang).map_err(Error::Invalid)?;
        let mut tx = self.store().write().await?;
        tx.put_placement_text(p.row.id, &t, "human", actor.user_id())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Creates a placement (`slug` = None) or saves one; returns its URL name. Everything is
    /// checked first, and every problem comes back as a field error.
    pub async fn save_placement(
        &self,
        actor: &Actor,
        slug: Option<&str>,
        form: &PlacementForm,
    ) -> Result<Slug> {
        if actor.role().is_none() {
            return Err(Error::Unauthorized);
        }
        let (form, picks) = self.picked_placement(form).await?;
        let outcome = self.save_picked_placement(actor, slug, &form).await;
        crate::app::directory::picks::with_picks(outcome, picks)
    }

    async fn save_picked_placement(
        &self,
        actor: &Actor,
        slug: Option<&str>,
        form: &PlacementForm,
    ) -> Result<Slug> {
        if actor.role().is_none() {
            return Err(Error::Unauthorized);
        }
        let existing = match slug {
            Some(s) => Some(self.store().placement(s).await?),
            None => None,
        };
        if let Some(row) = &existing
            && !can(
                actor,
                Action::EditPlacement {
                    organisation_id: row.organisation_id,
                },
            )
        {
            return Err(Error::Forbidden);
        }
        let mut tx = self.store().write().await?;
        let parsed = Placement::try_from(form);
        let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
        let Ok(p) = parsed else {
            return Err(Error::Invalid(errors));
        };
        let (organisation_id, city_id) =
            match tx.organisation_and_city(p.organisation.as_str()).await {
                Ok(ids) => ids,
                Err(StorageError::NotFound) => {
                    errors.add(
                        "organisation",
                        FieldError::with("error-unknown-value", "value", &p.organisation),
                    );
                    return Err(Error::Invalid(errors));
                }
                Err(e) => return Err(e.into()),
            };
        if !can(actor, Action::EditPlacement { organisation_id }) {
            errors.add(
                "organisation",
                FieldError::new("error-not-your-organisation"),
            );
        }
        let contact_id = match &p.contact {
            None => None,
            Some(c) => match tx.person_of(c.as_str(), organisation_id).await {
                Ok(id) => Some(id),
                Err(StorageError::NotFound) => {
                    errors.add(
                        "contact",
                        FieldError::with("error-unknown-value", "value", c),
                    );
                    None
                }
                Err(e) => return Err(e.into()),
            },
        };
        let keys: Vec<String> = p.themes.iter().map(|t| t.as_str().to_owned()).collect();
        for unknown in tx
            .unknown_terms(crate::domain::directory::Taxonomy::Themes, &keys)
            .await?
        {
            errors.add(
                "themes",
                FieldError::with("error-unknown-theme", "value", unknown),
            );
        }
        for practice in &p.practices {
            if !tx.practice_exists(practice.as_str()).await? {
                errors.add(
                    "practices",
                    FieldError::with("error-unknown-value", "value", practice),
                );
            }
        }
        let slug = self
            .placement_slug(&mut tx, &p, existing.as_ref(), &mut errors)
            .await?;
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let write = PlacementWrite {
            placement: &p,
            slug: slug.as_str(),
            organisation_id,
            city_id,
            contact_id,
        };
        match &existing {
            Some(row) => tx.update_placement(row.id, &write, actor.user_id()).await?,
            None => {
                tx.insert_placement(&write, actor.user_id()).await?;
            }
        }
        tx.commit().await?;
        Ok(slug)
    }

    /// The URL name: the one asked for (which must be free), the current one, or one made from
    /// the title with a number added until it is free.
    async fn placement_slug(
        &self,
        tx: &mut WriteTx,
        p: &Placement,
        existing: Option<&PlacementRow>,
        errors: &mut FieldErrors,
    ) -> Result<Slug> {
        let current = existing.map(|r| r.slug.as_str());
        if let Some(asked) = &p.slug {
            if Some(asked.as_str()) != current && tx.placement_slug_taken(asked.as_str()).await? {
                errors.add("slug", FieldError::new("error-taken"));
            }
            return Ok(asked.clone());
        }
        if let Some(current) = existing.and_then(|r| Slug::try_from(r.slug.as_str()).ok()) {
            return Ok(current);
        }
        let base = Slug::from_name(&p.title)
            .map(|s| s.as_str().to_owned())
            .unwrap_or_else(|| "placement".to_owned());
        let base: String = base.chars().take(Slug::MAX - 4).collect();
        // A cut can end on a hyphen, which no slug may; "-2" is added after it.
        let base = match base.trim_end_matches('-') {
            "" => "placement".to_owned(),
            b => b.to_owned(),
        };
        for n in 1.. {
            let candidate = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if !tx.placement_slug_taken(&candidate).await?
                && let Ok(slug) = Slug::try_from(candidate.as_str())
            {
                return Ok(slug);
            }
        }
        unreachable!("a free slug is found")
    }
}
