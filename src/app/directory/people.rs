//! People of the directory: the list, a person's page (contact details for members only), and the writes.

use crate::domain::directory::{NewPerson, PersonForm};

use crate::domain::{Action, Actor, FieldError, Slug, can};
use crate::storage::{PeopleFilter, PersonRow, StorageError, WriteTx, split_list};

use super::*;
use crate::app::{App, Error, Result, authorize};

/// A person's page.
#[derive(Debug, Clone)]
pub struct Person {
    /// The record (e-mail only for members).
    pub row: PersonRow,
    /// Whether the reader may edit or remove them.
    pub can_edit: bool,
}

impl App {
    /// A page of people, by name (e-mail addresses only for members).
    pub async fn people(
        &self,
        actor: &Actor,
        filter: &PeopleFilter,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> Result<Page<PersonRow>> {
        let (limit, offset) = (page_size(limit), offset.unwrap_or(0).max(0));
        let (items, total) = self.store().people(filter, limit, offset).await?;
        let items = items.into_iter().map(|p| hide_contact(actor, p)).collect();
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }

    /// A person's page.
    pub async fn person(&self, actor: &Actor, slug: &str) -> Result<Person> {
        let row = self.store().person(slug).await?;
        let can_edit = can(
            actor,
            Action::EditPeople {
                organisation_id: row.organisation_id,
            },
        );
        Ok(Person {
            row: hide_contact(actor, row),
            can_edit,
        })
    }

    /// The form of an existing person, filled in, for someone who may edit them.
    pub async fn person_form(&self, actor: &Actor, slug: &str) -> Result<PersonForm> {
        let row = self.store().person(slug).await?;
        authorize(
            actor,
            Action::EditPeople {
                organisation_id: row.organisation_id,
            },
        )?;
        Ok(PersonForm {
            slug: row.slug,
            name: row.name,
            role: row.role_title.unwrap_or_default(),
            organisation: row.organisation_slug,
            languages: split_list(&row.languages),
            themes: split_list(&row.themes),
            email: row.email.unwrap_or_default(),
        })
    }

    /// Checks a person form; returns the record and the organisation's id.
    async fn check_person(
        &self,
        tx: &mut WriteTx,
        actor: &Actor,
        form: &PersonForm,
    ) -> Result<(NewPerson, i64)> {
        let parsed = NewPerson::try_from(form);
        let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
        let org_id = match Slug::try_from(form.organisation.trim()) {
            Ok(slug) => match tx.organisation_id(slug.as_str()).await {
                Ok(id) => Some(id),
                Err(StorageError::NotFound) => {
                    errors.add(
                        "organisation",
                        FieldError::new("error-unknown-organisation"),
                    );
                    None
                }
                Err(e) => return Err(e.into()),
            },
            Err(_) => None,
        };
        if let Some(id) = org_id {
            authorize(
                actor,
                Action::EditPeople {
                    organisation_id: id,
                },
            )?;
        }
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
        match (parsed, org_id) {
            (Ok(p), Some(id)) if errors.is_empty() => Ok((p, id)),
            _ => Err(Error::Invalid(errors)),
        }
    }

    /// Adds a person to an organisation (its editors, coordinators, admins).
    #[tracing::instrument(skip_all)]
    pub async fn create_person(&self, actor: &Actor, form: &PersonForm) -> Result<Slug> {
        if actor.role().is_none() {
            return Err(Error::Unauthorized);
        }
        let mut tx = self.store().write().await?;
        let (person, org_id) = self.check_person(&mut tx, actor, form).await?;
        tx.insert_person(&person, org_id, actor.user_id())
            .await
            .map_err(taken("slug"))?;
        tx.commit().await?;
        Ok(person.slug)
    }

    /// Changes a person; an editor may neither edit another organisation's people nor move theirs away.
    #[tracing::instrument(skip_all, fields(slug))]
    pub async fn update_person(
        &self,
        actor: &Actor,
        slug: &str,
        form: &PersonForm,
    ) -> Result<Slug> {
        let existing = self.store().person(slug).await?;
        authorize(
            actor,
            Action::EditPeople {
                organisation_id: existing.organisation_id,
            },
        )?;
        let mut tx = self.store().write().await?;
        let (person, org_id) = self.check_person(&mut tx, actor, form).await?;
        tx.update_person(existing.id, &person, org_id, actor.user_id())
            .await
            .map_err(taken("slug"))?;
        tx.commit().await?;
        Ok(person.slug)
    }

    /// Removes a person.
    pub async fn delete_person(&self, actor: &Actor, slug: &str) -> Result<()> {
        let existing = self.store().person(slug).await?;
        authorize(
            actor,
            Action::EditPeople {
                organisation_id: existing.organisation_id,
            },
        )?;
        let mut tx = self.store().write().await?;
        tx.delete_person(existing.id, actor.user_id()).await?;
        tx.commit().await?;
        Ok(())
    }
}
