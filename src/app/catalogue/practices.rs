//! Practice use cases: the catalogue as each reader may see it, writing with revisions and
//! optimistic locking, translations and attachments. The review workflow is in `review`.
//! The permission rule decides; this module gathers the facts it needs.

use crate::domain::catalogue::practice::{LIST_MAX, NOTE_MAX};
use crate::domain::catalogue::practice::{
    NewPractice, PracticeForm, PracticeStatus, TEXT_FIELDS, Transition,
};
use crate::domain::directory::TermMatcher;
use crate::domain::directory::terms::split_synonyms;
use crate::domain::permission::PracticeFacts;
use crate::domain::values::{optional_text, visible_line};
use crate::domain::{Action, Actor, FieldError, FieldErrors, Slug, can};
use crate::storage::{
    AttachmentRow, EventRow, LinkRow, PracticeFacets, PracticeFilter, PracticeRow, PracticeScope,
    PracticeTextRow, PracticeWrite, RevisionRow, StorageError, TermRow, WriteTx, split_list,
};

use crate::app::directory::{Localized, Page, page_size};
use crate::app::{App, Error, Result, authorize};

/// A practice as one reader sees it.
#[derive(Debug, Clone)]
pub struct Practice {
    /// The record (title in the reader's language when translated).
    pub row: PracticeRow,
    /// The eight text fields chosen for the reader, in `TEXT_FIELDS` order (`None` when empty).
    pub texts: Vec<(&'static str, Option<Localized>)>,
    /// Every stored text.
    pub all_texts: Vec<PracticeTextRow>,
    /// Owner organisations.
    pub owners: Vec<LinkRow>,
    /// Contact people (members only).
    pub contacts: Vec<LinkRow>,
    /// The workflow history.
    pub events: Vec<EventRow>,
    /// Attached files.
    pub attachments: Vec<AttachmentRow>,
    /// The facts the permission rule saw.
    pub facts: PracticeFacts,
    /// The steps this reader may take now.
    pub steps: Vec<Transition>,
    /// Whether the reader may edit it.
    pub can_edit: bool,
    /// Whether the reader may translate it.
    pub can_translate: bool,
    /// Whether the reader may read its earlier versions.
    pub can_read_revisions: bool,
    /// Whether the reader may take it for review.
    pub can_take_review: bool,
    /// Whether the reader may assign a reviewer.
    pub can_assign_review: bool,
    /// Whether the reader may see the review opinion.
    pub show_opinion: bool,
}

/// A reviewer's opinion as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct OpinionForm {
    /// The opinion (Markdown).
    pub opinion: String,
    /// Whether it may be published with the practice ("true", "on").
    pub public: String,
}

/// Chooses, field by field, the reader's language when translated, otherwise the original.
pub(super) fn choose(
    texts: &[PracticeTextRow],
    reader: &str,
    original: &str,
) -> Vec<(&'static str, Option<Localized>)> {
    TEXT_FIELDS
        .iter()
        .map(|field| {
            let pick = |lang: &str| {
                texts
                    .iter()
                    .find(|t| t.field == *field && t.lang == lang && !t.body.trim().is_empty())
            };
            let chosen = pick(reader)
                .map(|t| (t, false))
                .or_else(|| pick(original).map(|t| (t, reader != original)));
            let localized = chosen.map(|(t, fallback)| Localized {
                text: t.body.clone(),
                lang: t.lang.clone(),
                status: t.status.clone(),
                fallback,
            });
            (*field, localized)
        })
        .collect()
}

/// Refuses owner changes the actor may not make: an editor keeps their own organisation among
/// the owners and adds or removes no other (owners edit a practice and read its drafts).
pub(super) fn check_owners(actor: &Actor, before: &[i64], after: &[i64]) -> Result<()> {
    let own = match actor {
        Actor::User {
            organisation_id, ..
        } => *organisation_id,
        _ => None,
    };
    let others = |list: &[i64]| {
        list.iter()
            .copied()
            .filter(|o| Some(*o) != own)
            .collect::<std::collections::BTreeSet<i64>>()
    };
    let action = Action::ChangePracticeOwners {
        others_changed: others(before) != others(after),
        keeps_own: own.is_some_and(|o| after.contains(&o)),
    };
    if can(actor, action) {
        Ok(())
    } else {
        Err(Error::Invalid(FieldErrors::one(
            "organisations",
            FieldError::new("error-owners-staff-only"),
        )))
    }
}

pub(super) fn taken_slug_or_ref(e: StorageError) -> Error {
    match e {
        StorageError::Conflict(m) if m.contains("ref") => {
            Error::Invalid(FieldErrors::one("ref", FieldError::new("error-taken")))
        }
        StorageError::Conflict(_) => {
            Error::Invalid(FieldErrors::one("slug", FieldError::new("error-taken")))
        }
        e => e.into(),
    }
}

/// The form of a stored practice, from its original texts.
pub(super) fn form_of(
    row: &PracticeRow,
    texts: &[PracticeTextRow],
    owners: &[LinkRow],
    contacts: &[LinkRow],
) -> PracticeForm {
    let text = |field: &str| {
        texts
            .iter()
            .find(|t| t.field == field && t.lang == row.original_lang)
            .map(|t| t.body.clone())
            .unwrap_or_default()
    };
    PracticeForm {
        slug: row.slug.clone(),
        reference: row.reference.clone().unwrap_or_default(),
        lang: row.original_lang.clone(),
        title: text("title"),
        summary: text("summary"),
        context: text("context"),
        approach: text("approach"),
        results: text("results"),
        evaluation: text("evaluation"),
        resources: text("resources"),
        transferability: text("transferability"),
        period_start: row.period_start.clone().unwrap_or_default(),
        period_end: row.period_end.clone().unwrap_or_default(),
        ongoing: if row.ongoing == 1 {
            "true".into()
        } else {
            String::new()
        },
        city: row.city_slug.clone(),
        organisations: owners.iter().map(|o| o.slug.clone()).collect(),
        contacts: contacts.iter().map(|c| c.slug.clone()).collect(),
        themes: split_list(&row.themes),
        target_groups: serde_json::from_str(&row.target_groups).unwrap_or_default(),
        target_group_note: row.target_group_note.clone(),
        links: serde_json::from_str(&row.links).unwrap_or_default(),
        source: row.source.clone().unwrap_or_default(),
    }
}

/// Files the names a form gives for themes and target groups under their keys. Target groups
/// the taxonomy lacks join the note (once), and the note's items that name a group are filed
/// too; themes it lacks stay, to be refused as unknown. Values the form's own check refuses
/// (too many, too long, control characters) are left where they are, so that the error names
/// their field.
pub(crate) fn file_terms(form: &mut PracticeForm, themes: &TermMatcher, groups: &TermMatcher) {
    form.themes.retain(|t| !t.trim().is_empty());
    form.target_groups.retain(|g| !g.trim().is_empty());
    if form.themes.len() <= LIST_MAX {
        let (keys, unknown) = themes.sort(&form.themes);
        form.themes = keys.into_iter().chain(unknown).collect();
    }
    if form.target_groups.len() > LIST_MAX {
        return;
    }
    let (named, refused): (Vec<String>, Vec<String>) = form
        .target_groups
        .iter()
        .cloned()
        .partition(|g| optional_text(g, 60).is_ok() && visible_line(g));
    let noted: Vec<String> = split_synonyms(&form.target_group_note)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let (mut keys, rest) = groups.sort(&named);
    let (noted_keys, noted_rest) = groups.sort(&noted);
    for key in noted_keys {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let mut seen = std::collections::HashSet::new();
    let note: Vec<String> = noted_rest
        .iter()
        .chain(&rest)
        .filter(|n| seen.insert(n.to_lowercase()))
        .cloned()
        .collect();
    let note = note.join("; ");
    if note.chars().count() > NOTE_MAX {
        // Names that would not fit the note stay where they were given: their field's error.
        form.target_groups = keys.into_iter().chain(rest).chain(refused).collect();
        form.target_group_note = noted_rest.join("; ");
        return;
    }
    form.target_groups = keys.into_iter().chain(refused).collect();
    form.target_group_note = note;
}

impl App {
    /// The organisation's city of an account, if it has an organisation.
    pub(crate) async fn city_of(&self, actor: &Actor) -> Result<Option<i64>> {
        match actor {
            Actor::User {
                organisation_id: Some(org),
                ..
            } => Ok(Some(self.store().organisation_by_id(*org).await?.city_id)),
            _ => Ok(None),
        }
    }

    /// What the permission rule needs to know about `row` and `actor`.
    pub(crate) async fn facts(
        &self,
        actor: &Actor,
        row: &PracticeRow,
        owners: &[LinkRow],
    ) -> Result<PracticeFacts> {
        let city = self.city_of(actor).await?;
        Self::facts_in(actor, row, owners, city)
    }

    /// [`App::facts`] with the actor's city already known (for lists of practices).
    pub(crate) fn facts_in(
        actor: &Actor,
        row: &PracticeRow,
        owners: &[LinkRow],
        city: Option<i64>,
    ) -> Result<PracticeFacts> {
        let org = match actor {
            Actor::User {
                organisation_id, ..
            } => *organisation_id,
            _ => None,
        };
        Ok(PracticeFacts {
            status: PracticeStatus::parse(&row.status)
                .ok_or_else(|| anyhow::anyhow!("stored status {} is unknown", row.status))?,
            own_organisation: org.is_some_and(|o| owners.iter().any(|w| w.id == o)),
            same_city: city.map(|c| c == row.city_id),
            reviewer: actor.user_id().is_some() && row.reviewer_id == actor.user_id(),
            recommended: row.recommended == 1,
        })
    }

    /// Which practices `actor` may see: the grounds of the permission rule, with the ids they name.
    pub(crate) async fn scope(&self, actor: &Actor) -> Result<PracticeScope> {
        let grounds = crate::domain::permission::practice_grounds(actor);
        if grounds.is_none() {
            return Ok(PracticeScope::ALL);
        }
        let organisation_id = match actor {
            Actor::User {
                organisation_id, ..
            } => *organisation_id,
            _ => None,
        };
        Ok(PracticeScope {
            grounds,
            user_id: actor.user_id(),
            organisation_id,
            city_id: self.city_of(actor).await?,
        })
    }

    /// A page of the practices `actor` may see, in the filter's order.
    pub async fn practices(
        &self,
        actor: &Actor,
        filter: &PracticeFilter,
        reader: &str,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> Result<Page<PracticeRow>> {
        let (limit, offset) = (page_size(limit), offset.unwrap_or(0).max(0));
        let (items, total) = self
            .store()
            .practices(self.scope(actor).await?, filter, reader, limit, offset)
            .await?;
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }

    /// Counts per city, country, theme, target group, language and status of the practices
    /// `actor` may see that match `filter`.
    pub async fn practice_facets(
        &self,
        actor: &Actor,
        filter: &PracticeFilter,
    ) -> Result<std::sync::Arc<PracticeFacets>> {
        let scope = self.scope(actor).await?;
        // Facets count every matching practice: kept per scope and filter until the log moves.
        let key = format!("{scope:?}|{filter:?}");
        let generation = self.generation();
        if let Some((g, f)) = self
            .inner
            .facets
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
            && *g == generation
        {
            return Ok(f.clone());
        }
        let facets = std::sync::Arc::new(self.store().practice_facets(scope, filter).await?);
        let mut cache = self.inner.facets.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() > 1_000 {
            cache.clear();
        }
        cache.insert(key, (generation, facets.clone()));
        Ok(facets)
    }

    /// A practice for a reader of `reader`'s language; `NotFound` for those who may not see it.
    pub async fn practice(&self, actor: &Actor, slug: &str, reader: &str) -> Result<Practice> {
        let row = self.store().practice(slug, reader).await?;
        let owners = self.store().practice_owners(row.id).await?;
        let facts = self.facts(actor, &row, &owners).await?;
        if !can(actor, Action::ViewPractice(facts)) {
            return Err(Error::NotFound);
        }
        let all_texts = self.store().practice_texts(row.id).await?;
        let contacts = if can(actor, Action::ViewContactDetails) {
            self.store().practice_contacts(row.id).await?
        } else {
            Vec::new()
        };
        let steps = [
            Transition::Submit,
            Transition::RequestChanges,
            Transition::Recommend,
            Transition::Publish,
            Transition::Archive,
            Transition::Republish,
        ]
        .into_iter()
        .filter(|t| can(actor, Action::Step(*t, facts)))
        .collect();
        Ok(Practice {
            texts: choose(&all_texts, reader, &row.original_lang),
            events: self.store().practice_events(row.id).await?,
            attachments: self.store().attachments(row.id).await?,
            can_edit: can(actor, Action::EditPractice(facts)),
            can_translate: can(actor, Action::TranslatePractice(facts)),
            can_read_revisions: can(actor, Action::ReadRevisions(facts)),
            can_take_review: actor.user_id().is_some() && can(actor, Action::TakeReview(facts)),
            can_assign_review: can(actor, Action::AssignReview(facts)),
            show_opinion: row
                .review_opinion
                .as_deref()
                .is_some_and(|o| !o.trim().is_empty())
                && ((row.opinion_public == 1 && facts.status == PracticeStatus::Published)
                    || facts.own_organisation
                    || facts.reviewer
                    || can(
                        actor,
                        Action::AssignReview(PracticeFacts {
                            status: PracticeStatus::Submitted,
                            ..facts
                        }),
                    )),
            steps,
            facts,
            owners,
            contacts,
            all_texts,
            row,
        })
    }

    /// The form of a practice, filled in from its original texts, and its version.
    pub async fn practice_form(&self, actor: &Actor, slug: &str) -> Result<(PracticeForm, i64)> {
        let p = self.practice(actor, slug, "").await?;
        authorize(actor, Action::EditPractice(p.facts))?;
        Ok((
            form_of(
                &p.row,
                &p.all_texts,
                &p.owners,
                &self.store().practice_contacts(p.row.id).await?,
            ),
            p.row.version,
        ))
    }

    /// The revisions of a practice (for those who may edit it).
    pub async fn practice_revisions(&self, actor: &Actor, slug: &str) -> Result<Vec<RevisionRow>> {
        let p = self.practice(actor, slug, "").await?;
        authorize(actor, Action::ReadRevisions(p.facts))?;
        Ok(self.store().practice_revisions(p.row.id).await?)
    }

    /// `form` with the names it gives for themes and target groups filed under their keys.
    async fn filed(&self, form: &PracticeForm) -> Result<PracticeForm> {
        let r = self.reference().await?;
        let mut form = form.clone();
        file_terms(
            &mut form,
            &TermRow::matcher(&r.themes),
            &TermRow::matcher(&r.target_groups),
        );
        Ok(form)
    }

    /// Checks a form and resolves what it refers to inside `tx`.
    pub(super) async fn check_practice(
        &self,
        tx: &mut WriteTx,
        form: &PracticeForm,
    ) -> Result<(NewPractice, i64, Vec<i64>, Vec<i64>)> {
        let parsed = NewPractice::try_from(form);
        let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
        let Ok(p) = parsed else {
            return Err(Error::Invalid(errors));
        };
        let city_id = match tx.city_id(p.city.as_str()).await {
            Ok(id) => Some(id),
            Err(StorageError::NotFound) => {
                errors.add("city", FieldError::new("error-unknown-city"));
                None
            }
            Err(e) => return Err(e.into()),
        };
        let mut owners = Vec::new();
        for o in &p.organisations {
            match tx.organisation_id(o.as_str()).await {
                Ok(id) => owners.push(id),
                Err(StorageError::NotFound) => errors.add(
                    "organisations",
                    FieldError::with("error-unknown-value", "value", o),
                ),
                Err(e) => return Err(e.into()),
            }
        }
        let mut contacts = Vec::new();
        for c in &p.contacts {
            match tx.person_id(c.as_str()).await {
                Ok(id) => contacts.push(id),
                Err(StorageError::NotFound) => errors.add(
                    "contacts",
                    FieldError::with("error-unknown-value", "value", c),
                ),
                Err(e) => return Err(e.into()),
            }
        }
        // Filing left only keys, or values the form's check refused: a key that is not one is
        // refused here too, never stored.
        for unknown in tx
            .unknown_terms(
                crate::domain::directory::Taxonomy::TargetGroups,
                &p.target_groups,
            )
            .await?
        {
            errors.add(
                "target_groups",
                FieldError::with("error-unknown-value", "value", unknown),
            );
        }
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
        match city_id {
            Some(city_id) if errors.is_empty() => Ok((p, city_id, owners, contacts)),
            _ => Err(Error::Invalid(errors)),
        }
    }

    /// Writes a new practice as a draft for one of the actor's organisations.
    #[tracing::instrument(skip_all)]
    pub async fn create_practice(&self, actor: &Actor, form: &PracticeForm) -> Result<Slug> {
        if actor.role().is_none() {
            return Err(Error::Unauthorized);
        }
        let (form, picks) = self.picked_practice(form).await?;
        let outcome = self
            .create_practice_as(actor, &form, PracticeStatus::Draft)
            .await;
        crate::app::directory::picks::with_picks(outcome, picks)
    }

    /// Writes a new practice in `status` (drafts from the pages; imports and demo data may publish).
    pub(crate) async fn create_practice_as(
        &self,
        actor: &Actor,
        form: &PracticeForm,
        status: PracticeStatus,
    ) -> Result<Slug> {
        if actor.role().is_none() {
            return Err(Error::Unauthorized);
        }
        let form = &self.filed(form).await?;
        let mut tx = self.store().write().await?;
        let (p, city_id, owners, contacts) = self.check_practice(&mut tx, form).await?;
        // Editors write for an organisation of theirs; coordinators and admins for any, or none.
        let allowed = if owners.is_empty() {
            can(
                actor,
                Action::CreatePractice {
                    organisation_id: -1,
                },
            )
        } else {
            owners.iter().any(|o| {
                can(
                    actor,
                    Action::CreatePractice {
                        organisation_id: *o,
                    },
                )
            })
        };
        if !allowed {
            return Err(Error::Invalid(FieldErrors::one(
                "organisations",
                FieldError::new("error-not-your-organisation"),
            )));
        }
        check_owners(actor, &[], &owners)?;

        // The snapshot names the address the practice has (a form may leave it to the title).
        let snapshot = serde_json::to_string(&PracticeForm {
            slug: p.slug.to_string(),
            ..form.clone()
        })
        .map_err(|e| anyhow::anyhow!(e))?;
        let write = PracticeWrite {
            practice: &p,
            city_id,
            owners: &owners,
            contacts: &contacts,
            snapshot: &snapshot,
        };
        tx.insert_practice(&write, status, actor.user_id())
            .await
            .map_err(taken_slug_or_ref)?;
        tx.commit().await?;
        Ok(p.slug)
    }

    /// Saves a practice if nobody saved it since `version`; otherwise `Conflict("error-practice-changed")`
    /// and nothing is written, so the editor can merge.
    #[tracing::instrument(skip_all, fields(slug))]
    pub async fn update_practice(
        &self,
        actor: &Actor,
        slug: &str,
        form: &PracticeForm,
        version: i64,
    ) -> Result<Slug> {
        // Names are looked up only for those who may edit.
        let current = self.practice(actor, slug, "").await?;
        authorize(actor, Action::EditPractice(current.facts))?;
        let (form, picks) = self.picked_practice(form).await?;
        let outcome = self
            .update_picked_practice(actor, slug, &form, version)
            .await;
        crate::app::directory::picks::with_picks(outcome, picks)
    }

    async fn update_picked_practice(
        &self,
        actor: &Actor,
        slug: &str,
        form: &PracticeForm,
        version: i64,
    ) -> Result<Slug> {
        let current = self.practice(actor, slug, "").await?;
        authorize(actor, Action::EditPractice(current.facts))?;
        let form = &self.filed(form).await?;
        let mut tx = self.store().write().await?;
        let (p, city_id, owners, contacts) = self.check_practice(&mut tx, form).await?;
        let before: Vec<i64> = current.owners.iter().map(|o| o.id).collect();
        check_owners(actor, &before, &owners)?;
        // The snapshot names the address the practice has (a form may leave it to the title).
        let snapshot = serde_json::to_string(&PracticeForm {
            slug: p.slug.to_string(),
            ..form.clone()
        })
        .map_err(|e| anyhow::anyhow!(e))?;
        let write = PracticeWrite {
            practice: &p,
            city_id,
            owners: &owners,
            contacts: &contacts,
            snapshot: &snapshot,
        };
        match tx
            .update_practice(current.row.id, version, &write, actor.user_id())
            .await
        {
            Ok(_) => {}
            Err(StorageError::Conflict(what)) if what == "version" => {
                return Err(Error::Conflict("error-practice-changed"));
            }
            Err(e) => return Err(taken_slug_or_ref(e)),
        }
        tx.commit().await?;
        Ok(p.slug)
    }

    /// The slug of the practice with an external reference.
    pub async fn practice_slug_by_ref(&self, reference: &str) -> Result<String> {
        Ok(self.store().practice_slug_by_ref(reference).await?)
    }
}
