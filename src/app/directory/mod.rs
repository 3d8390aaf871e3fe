//! Directory use cases: countries, cities, organisations (with translated descriptions) and
//! people. Visibility is decided here: e-mail addresses reach members only.

mod organisations;
mod people;
pub mod picks;

pub use organisations::Organisation;
pub use people::Person;

use crate::domain::directory::{
    CityForm, CountryForm, NewCity, NewCountry, NewTerm, Taxonomy, TermForm, iso_country,
};
use std::sync::Arc;

use crate::domain::{Action, Actor, FieldError, FieldErrors, Slug, can};
use crate::storage::{
    CityRow, CountryRow, OrgFilter, OrganisationRow, OrganisationTextRow, PersonRow, StorageError,
    TermRow,
};

use crate::app::{App, Error, Result, authorize};

/// Cities, countries and themes as of one generation of the change log.
pub(crate) struct Reference {
    generation: i64,
    pub(crate) cities: Vec<CityRow>,
    countries: Vec<CountryRow>,
    pub(crate) themes: Vec<TermRow>,
    pub(crate) target_groups: Vec<TermRow>,
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
    pub async fn themes(&self) -> Result<Vec<TermRow>> {
        self.terms(Taxonomy::Themes).await
    }

    /// The target group taxonomy.
    pub async fn target_groups(&self) -> Result<Vec<TermRow>> {
        self.terms(Taxonomy::TargetGroups).await
    }

    /// A taxonomy in its order.
    pub async fn terms(&self, taxonomy: Taxonomy) -> Result<Vec<TermRow>> {
        let r = self.reference().await?;
        Ok(match taxonomy {
            Taxonomy::Themes => r.themes.clone(),
            Taxonomy::TargetGroups => r.target_groups.clone(),
        })
    }

    /// Adds a term to a taxonomy or renames one (coordinators and admins).
    pub async fn put_term(
        &self,
        actor: &Actor,
        taxonomy: Taxonomy,
        form: &TermForm,
    ) -> Result<String> {
        authorize(actor, Action::EditTaxonomy)?;
        let term = NewTerm::try_from(form).map_err(Error::Invalid)?;
        // Its key and names must not already name another term: they would be filed there.
        let others: Vec<TermRow> = self
            .terms(taxonomy)
            .await?
            .into_iter()
            .filter(|t| t.key != term.key.as_str())
            .collect();
        let clashes = TermRow::matcher(&others).clashes(&term);
        if !clashes.is_empty() {
            return Err(Error::Invalid(clashes));
        }
        let mut tx = self.store().write().await?;
        tx.upsert_term(taxonomy, &term, actor.user_id()).await?;
        tx.commit().await?;
        Ok(term.key.to_string())
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
            themes: self.store().terms(Taxonomy::Themes).await?,
            target_groups: self.store().terms(Taxonomy::TargetGroups).await?,
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

    /// Removes a city without organisations, practices or placements (coordinators and admins).
    pub async fn delete_city(&self, actor: &Actor, slug: &str) -> Result<()> {
        authorize(actor, Action::EditPlaces)?;
        let city = self.store().city(slug).await?;
        if city.organisations > 0 || city.in_use > 0 {
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
