//! Organisations: the list, a page with its people and practices, translations, and the editors' writes.

use crate::domain::directory::{
    DESCRIPTION_MAX, NewOrganisation, OrganisationForm, TranslationForm,
};

use crate::domain::values::optional_text;
use crate::domain::{Action, Actor, ContentLang, FieldError, FieldErrors, Slug, can};
use crate::storage::{
    CityRow, CountryRow, OrgFilter, OrganisationRow, OrganisationTextRow, PeopleFilter, PersonRow,
    StorageError, WriteTx, split_list,
};

use super::*;
use crate::app::{App, Error, Result, authorize};

/// An organisation's page: the record, its description for the reader, its city and people.
#[derive(Debug, Clone)]
pub struct Organisation {
    /// The record.
    pub row: OrganisationRow,
    /// The description in the reader's language, or the original.
    pub description: Option<Localized>,
    /// Every language version.
    pub texts: Vec<OrganisationTextRow>,
    /// The city.
    pub city: CityRow,
    /// The country.
    pub country: CountryRow,
    /// Its people (e-mail addresses only for members).
    pub people: Vec<PersonRow>,
    /// Whether the reader may edit it and its people.
    pub can_edit: bool,
    /// Whether the reader may delete it.
    pub can_delete: bool,
}

impl App {
    /// A page of organisations matching the filter, by name.
    pub async fn organisations(
        &self,
        filter: &OrgFilter,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> Result<Page<OrganisationRow>> {
        let (limit, offset) = (page_size(limit), offset.unwrap_or(0).max(0));
        let (items, total) = self.store().organisations(filter, limit, offset).await?;
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }

    /// An organisation's slug and its city's slug, by id.
    pub async fn organisation_slug(&self, id: i64) -> Result<(String, String)> {
        let o = self.store().organisation_by_id(id).await?;
        Ok((o.slug, o.city_slug))
    }

    /// An organisation's page for a reader of `lang`.
    pub async fn organisation(
        &self,
        actor: &Actor,
        slug: &str,
        lang: &str,
    ) -> Result<Organisation> {
        let row = self.store().organisation(slug).await?;
        let texts = self.store().organisation_texts(row.id).await?;
        let city = self.store().city(&row.city_slug).await?;
        let country = self.store().country(&city.country).await?;
        let filter = PeopleFilter {
            organisation: Some(row.slug.clone()),
            ..Default::default()
        };
        let (people, _) = self.store().people(&filter, 500, 0).await?;
        let people = people.into_iter().map(|p| hide_contact(actor, p)).collect();
        Ok(Organisation {
            description: choose_text(&texts, lang, &row.original_lang),
            can_edit: can(
                actor,
                Action::EditOrganisation {
                    organisation_id: row.id,
                },
            ),
            can_delete: can(actor, Action::DeleteOrganisation),
            row,
            texts,
            city,
            country,
            people,
        })
    }

    /// The form of an existing organisation, filled in, for someone who may edit it.
    pub async fn organisation_form(&self, actor: &Actor, slug: &str) -> Result<OrganisationForm> {
        let row = self.store().organisation(slug).await?;
        authorize(
            actor,
            Action::EditOrganisation {
                organisation_id: row.id,
            },
        )?;
        let texts = self.store().organisation_texts(row.id).await?;
        let description = texts
            .iter()
            .find(|t| t.lang == row.original_lang)
            .map(|t| t.description.clone())
            .unwrap_or_default();
        Ok(OrganisationForm {
            slug: row.slug,
            name: row.name,
            kind: row.kind,
            city: row.city_slug,
            website: row.website.unwrap_or_default(),
            languages: split_list(&row.languages),
            themes: split_list(&row.themes),
            lang: row.original_lang,
            description,
        })
    }

    /// Checks a form and the things it refers to; returns the record and its city's id.
    async fn check_organisation(
        &self,
        tx: &mut WriteTx,
        form: &OrganisationForm,
    ) -> Result<(NewOrganisation, i64)> {
        let parsed = NewOrganisation::try_from(form);
        let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
        let city_id = match Slug::try_from(form.city.trim()) {
            Ok(slug) => match tx.city_id(slug.as_str()).await {
                Ok(id) => Some(id),
                Err(StorageError::NotFound) => {
                    errors.add("city", FieldError::new("error-unknown-city"));
                    None
                }
                Err(e) => return Err(e.into()),
            },
            Err(_) => None,
        };
        let keys: Vec<String> = form
            .themes
            .iter()
            .filter(|t| Slug::try_from(t.trim()).is_ok())
            .map(|t| t.trim().to_owned())
            .collect();
        for unknown in tx
            .unknown_terms(crate::domain::directory::Taxonomy::Themes, &keys)
            .await?
        {
            errors.add(
                "themes",
                FieldError::with("error-unknown-theme", "value", unknown),
            );
        }
        match (parsed, city_id) {
            (Ok(org), Some(city_id)) if errors.is_empty() => Ok((org, city_id)),
            _ => Err(Error::Invalid(errors)),
        }
    }

    /// Adds an organisation (coordinators and admins).
    #[tracing::instrument(skip_all)]
    pub async fn create_organisation(
        &self,
        actor: &Actor,
        form: &OrganisationForm,
    ) -> Result<Slug> {
        authorize(actor, Action::CreateOrganisation)?;
        let mut tx = self.store().write().await?;
        let (org, city_id) = self.check_organisation(&mut tx, form).await?;
        tx.insert_organisation(&org, city_id, actor.user_id())
            .await
            .map_err(taken("slug"))?;
        tx.commit().await?;
        Ok(org.slug)
    }

    /// Changes an organisation (its editors, coordinators, admins). A changed original text marks
    /// its translations outdated.
    #[tracing::instrument(skip_all, fields(slug))]
    pub async fn update_organisation(
        &self,
        actor: &Actor,
        slug: &str,
        form: &OrganisationForm,
    ) -> Result<Slug> {
        let existing = self.store().organisation(slug).await?;
        authorize(
            actor,
            Action::EditOrganisation {
                organisation_id: existing.id,
            },
        )?;
        let mut tx = self.store().write().await?;
        let (org, city_id) = self.check_organisation(&mut tx, form).await?;
        if city_id != existing.city_id && !can(actor, Action::MoveOrganisation) {
            return Err(Error::Invalid(FieldErrors::one(
                "city",
                FieldError::new("error-move-organisation"),
            )));
        }
        tx.update_organisation(existing.id, &org, city_id, actor.user_id())
            .await
            .map_err(taken("slug"))?;
        tx.commit().await?;
        Ok(org.slug)
    }

    /// Writes a human translation of an organisation's description.
    pub async fn translate_organisation(
        &self,
        actor: &Actor,
        slug: &str,
        form: &TranslationForm,
    ) -> Result<()> {
        let existing = self.store().organisation(slug).await?;
        authorize(
            actor,
            Action::EditOrganisation {
                organisation_id: existing.id,
            },
        )?;
        let mut e = FieldErrors::new();
        let lang = e.check("lang", ContentLang::try_from(form.lang.as_str()));
        let text = e.check(
            "description",
            optional_text(&form.description, DESCRIPTION_MAX),
        );
        if lang.is_some_and(|l| l.code() == existing.original_lang) {
            e.add("lang", FieldError::new("error-translation-original"));
        }
        let (Some(lang), Some(text)) = (lang, text) else {
            return Err(Error::Invalid(e));
        };
        if !e.is_empty() {
            return Err(Error::Invalid(e));
        }
        let mut tx = self.store().write().await?;
        tx.put_organisation_text(
            existing.id,
            lang.code(),
            &text.unwrap_or_default(),
            "human",
            actor.user_id(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes an organisation with its people (coordinators and admins).
    pub async fn delete_organisation(&self, actor: &Actor, slug: &str) -> Result<()> {
        authorize(actor, Action::DeleteOrganisation)?;
        let existing = self.store().organisation(slug).await?;
        let mut tx = self.store().write().await?;
        tx.delete_organisation(existing.id, actor.user_id()).await?;
        tx.commit().await?;
        Ok(())
    }
}
