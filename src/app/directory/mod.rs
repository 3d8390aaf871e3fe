//! Directory use cases: countries, cities, organisations (with translated descriptions) and
//! people. Visibility is decided here: e-mail addresses reach members only.

use crate::domain::directory::{
    CityForm, CountryForm, DESCRIPTION_MAX, NewCity, NewCountry, NewOrganisation, NewPerson,
    OrganisationForm, PersonForm, TranslationForm, iso_country,
};
use std::sync::Arc;

use crate::domain::values::optional_text;
use crate::domain::{Action, Actor, ContentLang, FieldError, FieldErrors, Slug, can};
use crate::storage::{
    CityRow, CountryRow, OrgFilter, OrganisationRow, OrganisationTextRow, PeopleFilter, PersonRow,
    StorageError, ThemeRow, WriteTx, split_list,
};

use crate::app::{App, Error, Result, authorize};

/// Cities, countries and themes as of one generation of the change log.
pub(crate) struct Reference {
    generation: i64,
    pub(crate) cities: Vec<CityRow>,
    countries: Vec<CountryRow>,
    pub(crate) themes: Vec<ThemeRow>,
}

/// A page of a longer list.
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// How many match in all.
    pub total: i64,
    /// Page size.
    pub limit: i64,
    /// Items skipped before this page.
    pub offset: i64,
}

/// A translatable text as chosen for one reader.
#[derive(Debug, Clone)]
pub struct Localized {
    /// The text (Markdown).
    pub text: String,
    /// The language it is in.
    pub lang: String,
    /// `original`, `human`, `machine` or `outdated`.
    pub status: String,
    /// The language the reader asked for is missing, so this is the original.
    pub fallback: bool,
}

/// Chooses the reader's language when a translation exists, otherwise the original.
pub fn choose_text(
    texts: &[OrganisationTextRow],
    reader: &str,
    original: &str,
) -> Option<Localized> {
    let pick = |t: &OrganisationTextRow, fallback| Localized {
        text: t.description.clone(),
        lang: t.lang.clone(),
        status: t.status.clone(),
        fallback,
    };
    let usable = |t: &&OrganisationTextRow| !t.description.trim().is_empty();
    texts
        .iter()
        .filter(usable)
        .find(|t| t.lang == reader)
        .map(|t| pick(t, false))
        .or_else(|| {
            texts
                .iter()
                .filter(usable)
                .find(|t| t.lang == original)
                .map(|t| pick(t, true))
        })
}

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

/// A person's page.
#[derive(Debug, Clone)]
pub struct Person {
    /// The record (e-mail only for members).
    pub row: PersonRow,
    /// Whether the reader may edit or remove them.
    pub can_edit: bool,
}

fn hide_contact(actor: &Actor, mut p: PersonRow) -> PersonRow {
    if !can(actor, Action::ViewContactDetails) {
        p.email = None;
    }
    p
}

fn taken(field: &'static str) -> impl FnOnce(StorageError) -> Error {
    move |e| match e {
        StorageError::Conflict(_) => {
            Error::Invalid(FieldErrors::one(field, FieldError::new("error-taken")))
        }
        e => e.into(),
    }
}

/// Page size bounds: 1 to 200, default 50.
pub fn page_size(limit: Option<i64>) -> i64 {
    limit.unwrap_or(50).clamp(1, 200)
}

/// A country as stored.
pub(super) fn country_row(c: &NewCountry) -> CountryRow {
    CountryRow {
        code: c.code.as_str().to_owned(),
        name_de: c.name_de.clone(),
        name_fr: c.name_fr.clone(),
        name_en: c.name_en.clone(),
    }
}

impl App {
    /// The theme taxonomy.
    pub async fn themes(&self) -> Result<Vec<ThemeRow>> {
        Ok(self.reference().await?.themes.clone())
    }

    /// Adds a theme to the taxonomy or renames one (coordinators and admins).
    pub async fn put_theme(
        &self,
        actor: &Actor,
        form: &crate::domain::directory::ThemeForm,
    ) -> Result<String> {
        authorize(actor, Action::EditTaxonomy)?;
        let theme = crate::domain::directory::NewTheme::try_from(form).map_err(Error::Invalid)?;
        let mut tx = self.store().write().await?;
        tx.upsert_theme(&theme, actor.user_id()).await?;
        tx.commit().await?;
        Ok(theme.key.to_string())
    }

    /// Every country.
    pub async fn countries(&self) -> Result<Vec<CountryRow>> {
        Ok(self.reference().await?.countries.clone())
    }

    /// The small tables every page needs (cities, countries, themes), read once per generation.
    pub(crate) async fn reference(&self) -> Result<Arc<Reference>> {
        let generation = self.generation();
        if let Some(r) = self
            .inner
            .reference
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            && r.generation == generation
        {
            return Ok(r.clone());
        }
        let fresh = Arc::new(Reference {
            generation,
            cities: self.store().cities(None).await?,
            countries: self.store().countries().await?,
            themes: self.store().themes().await?,
        });
        *self
            .inner
            .reference
            .write()
            .unwrap_or_else(|p| p.into_inner()) = Some(fresh.clone());
        Ok(fresh)
    }

    /// A country and its cities.
    pub async fn country(&self, code: &str) -> Result<(CountryRow, Vec<CityRow>)> {
        let country = self.store().country(&code.to_ascii_uppercase()).await?;
        let cities = self.store().cities(Some(&country.code)).await?;
        Ok((country, cities))
    }

    /// Every city, optionally of one country.
    pub async fn cities(&self, country: Option<&str>) -> Result<Vec<CityRow>> {
        let all = &self.reference().await?.cities;
        Ok(all
            .iter()
            .filter(|c| country.is_none_or(|code| c.country == code))
            .cloned()
            .collect())
    }

    /// A city, its country and its organisations.
    pub async fn city(&self, slug: &str) -> Result<(CityRow, CountryRow, Vec<OrganisationRow>)> {
        let city = self.store().city(slug).await?;
        let country = self.store().country(&city.country).await?;
        let filter = OrgFilter {
            city: Some(city.slug.clone()),
            ..Default::default()
        };
        let (orgs, _) = self.store().organisations(&filter, 500, 0).await?;
        Ok((city, country, orgs))
    }

    /// Removes a city without organisations (coordinators and admins).
    pub async fn delete_city(&self, actor: &Actor, slug: &str) -> Result<()> {
        authorize(actor, Action::EditPlaces)?;
        let city = self.store().city(slug).await?;
        if city.organisations > 0 {
            return Err(Error::Conflict("error-city-has-organisations"));
        }
        let mut tx = self.store().write().await?;
        tx.delete_city(city.id, actor.user_id()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a country without cities (coordinators and admins).
    pub async fn delete_country(&self, actor: &Actor, code: &str) -> Result<()> {
        authorize(actor, Action::EditPlaces)?;
        let (country, cities) = self.country(code).await?;
        if !cities.is_empty() {
            return Err(Error::Conflict("error-country-has-cities"));
        }
        let mut tx = self.store().write().await?;
        tx.delete_country(&country.code, actor.user_id()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks a city form, including that its country is in the directory or assigned by
    /// ISO 3166-1; in that case the country comes back too, to be added with the city.
    async fn check_city(&self, form: &CityForm) -> Result<(NewCity, Option<NewCountry>)> {
        let city = NewCity::try_from(form).map_err(Error::Invalid)?;
        match self.store().country(city.country.as_str()).await {
            Ok(_) => Ok((city, None)),
            Err(StorageError::NotFound) => match iso_country(city.country.as_str()) {
                Some(country) => Ok((city, Some(country))),
                None => Err(Error::Invalid(FieldErrors::one(
                    "country",
                    FieldError::new("error-unknown-country"),
                ))),
            },
            Err(e) => Err(e.into()),
        }
    }

    /// Adds a city (coordinators and admins).
    #[tracing::instrument(skip_all)]
    pub async fn create_city(&self, actor: &Actor, form: &CityForm) -> Result<Slug> {
        authorize(actor, Action::EditPlaces)?;
        let (city, country) = self.check_city(form).await?;
        let mut tx = self.store().write().await?;
        if let Some(c) = &country {
            tx.upsert_country(&country_row(c), actor.user_id()).await?;
        }
        tx.insert_city(&city, actor.user_id())
            .await
            .map_err(taken("slug"))?;
        tx.commit().await?;
        Ok(city.slug)
    }

    /// Adds a country or renames one (coordinators and admins).
    pub async fn put_country(&self, actor: &Actor, form: &CountryForm) -> Result<String> {
        authorize(actor, Action::EditPlaces)?;
        let c = NewCountry::try_from(form).map_err(Error::Invalid)?;
        let row = country_row(&c);
        let mut tx = self.store().write().await?;
        tx.upsert_country(&row, actor.user_id()).await?;
        tx.commit().await?;
        Ok(row.code)
    }

    /// The form of an existing country, for coordinators and admins.
    pub async fn country_form(&self, actor: &Actor, code: &str) -> Result<CountryForm> {
        authorize(actor, Action::EditPlaces)?;
        let c = self.store().country(&code.to_ascii_uppercase()).await?;
        Ok(CountryForm {
            code: c.code,
            name_de: c.name_de,
            name_fr: c.name_fr,
            name_en: c.name_en,
        })
    }

    /// The form of an existing city, for coordinators and admins.
    pub async fn city_form(&self, actor: &Actor, slug: &str) -> Result<CityForm> {
        authorize(actor, Action::EditPlaces)?;
        let c = self.store().city(slug).await?;
        Ok(CityForm {
            slug: c.slug,
            country: c.country,
            name: c.name,
            name_de: c.name_de.unwrap_or_default(),
            name_fr: c.name_fr.unwrap_or_default(),
            name_en: c.name_en.unwrap_or_default(),
            lat: c.lat.map(|v| v.to_string()).unwrap_or_default(),
            lon: c.lon.map(|v| v.to_string()).unwrap_or_default(),
        })
    }

    /// Changes a city (coordinators and admins).
    #[tracing::instrument(skip_all, fields(slug))]
    pub async fn update_city(&self, actor: &Actor, slug: &str, form: &CityForm) -> Result<Slug> {
        authorize(actor, Action::EditPlaces)?;
        let existing = self.store().city(slug).await?;
        let (city, country) = self.check_city(form).await?;
        let mut tx = self.store().write().await?;
        if let Some(c) = &country {
            tx.upsert_country(&country_row(c), actor.user_id()).await?;
        }
        tx.update_city(existing.id, &city, actor.user_id())
            .await
            .map_err(taken("slug"))?;
        tx.commit().await?;
        Ok(city.slug)
    }

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
        for unknown in tx.unknown_themes(&keys).await? {
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
        for unknown in tx.unknown_themes(&keys).await? {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lang: &str, description: &str, status: &str) -> OrganisationTextRow {
        OrganisationTextRow {
            lang: lang.into(),
            description: description.into(),
            status: status.into(),
            updated_at: 0,
        }
    }

    #[test]
    fn the_readers_language_wins_when_translated() {
        let texts = [
            text("de", "Hallo", "original"),
            text("fr", "Bonjour", "human"),
        ];
        let chosen = choose_text(&texts, "fr", "de").expect("text");
        assert_eq!((chosen.text.as_str(), chosen.fallback), ("Bonjour", false));
    }

    #[test]
    fn a_missing_translation_falls_back_to_the_original() {
        let texts = [text("de", "Hallo", "original"), text("fr", " ", "human")];
        let chosen = choose_text(&texts, "fr", "de").expect("text");
        assert_eq!((chosen.lang.as_str(), chosen.fallback), ("de", true));
        assert!(choose_text(&[], "fr", "de").is_none());
    }
}
