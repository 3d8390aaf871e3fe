//! The demo network: the QuattroPole cities and the organisations of the founding article
//! (`demo/network.toml`, people by role only), and one demo account per role.

use serde::Deserialize;

use crate::domain::directory::{
    CityForm, NewCity, NewOrganisation, NewPerson, OrganisationForm, PersonForm,
};
use crate::domain::{Email, Role};
use crate::storage::{CountryRow, StorageError};

use super::{App, Result};

const NETWORK: &str = include_str!("../../demo/network.toml");

#[derive(Deserialize)]
struct Network {
    country: Vec<DemoCountry>,
    city: Vec<DemoCity>,
    organisation: Vec<DemoOrganisation>,
    person: Vec<PersonForm>,
}

#[derive(Deserialize)]
struct DemoCountry {
    code: String,
    name_de: String,
    name_fr: String,
    name_en: String,
}

#[derive(Deserialize)]
struct DemoCity {
    slug: String,
    country: String,
    name: String,
    name_de: String,
    name_fr: String,
    name_en: String,
    lat: f64,
    lon: f64,
}

impl From<&DemoCity> for CityForm {
    fn from(c: &DemoCity) -> CityForm {
        CityForm {
            slug: c.slug.clone(),
            country: c.country.clone(),
            name: c.name.clone(),
            name_de: c.name_de.clone(),
            name_fr: c.name_fr.clone(),
            name_en: c.name_en.clone(),
            lat: c.lat.to_string(),
            lon: c.lon.to_string(),
        }
    }
}

#[derive(Deserialize)]
struct DemoOrganisation {
    #[serde(flatten)]
    form: OrganisationForm,
    #[serde(default)]
    translation: Vec<DemoTranslation>,
}

#[derive(Deserialize)]
struct DemoTranslation {
    lang: String,
    description: String,
}

/// A demo account: e-mail address, password, role and organisation slug.
pub const DEMO_ACCOUNTS: [(&str, &str, Role, Option<&str>); 4] = [
    (
        "admin@passerelle.example",
        "demo-admin-2026",
        Role::Admin,
        None,
    ),
    (
        "koordination@passerelle.example",
        "demo-coordinator-2026",
        Role::Coordinator,
        Some("quattropole-ag-migration"),
    ),
    (
        "redaktion.dounia@passerelle.example",
        "demo-editor-2026",
        Role::Editor,
        Some("association-dounia"),
    ),
    (
        "mitglied.zib@passerelle.example",
        "demo-member-2026",
        Role::Member,
        Some("zib-saarbruecken"),
    ),
];

/// What loading the demo added.
#[derive(Debug, Default)]
pub struct DemoReport {
    /// Organisations added (existing slugs are left alone).
    pub organisations: usize,
    /// People added.
    pub people: usize,
    /// Accounts added.
    pub accounts: usize,
}

fn bad_demo(what: &str, errors: impl std::fmt::Debug) -> anyhow::Error {
    anyhow::anyhow!("demo data: {what} is invalid: {errors:?}")
}

impl App {
    /// Loads the demo network into this database; what exists already (by slug) is kept.
    pub async fn load_demo(&self) -> Result<DemoReport> {
        let net: Network =
            toml::from_str(NETWORK).map_err(|e| anyhow::anyhow!("demo data: {e}"))?;
        let mut report = DemoReport::default();
        let mut tx = self.store().write().await?;
        for c in &net.country {
            let row = CountryRow {
                code: c.code.clone(),
                name_de: c.name_de.clone(),
                name_fr: c.name_fr.clone(),
                name_en: c.name_en.clone(),
            };
            tx.upsert_country(&row, None).await?;
        }
        for c in &net.city {
            let city = NewCity::try_from(&CityForm::from(c)).map_err(|e| bad_demo(&c.slug, e))?;
            if let Err(StorageError::NotFound) = tx.city_id(city.slug.as_str()).await {
                tx.insert_city(&city, None).await?;
            }
        }
        for o in &net.organisation {
            let org = NewOrganisation::try_from(&o.form).map_err(|e| bad_demo(&o.form.slug, e))?;
            if tx.organisation_id(org.slug.as_str()).await.is_ok() {
                continue;
            }
            let city_id = tx.city_id(org.city.as_str()).await?;
            let id = tx.insert_organisation(&org, city_id, None).await?;
            for t in &o.translation {
                tx.put_organisation_text(id, &t.lang, t.description.trim(), "human", None)
                    .await?;
            }
            report.organisations += 1;
        }
        for form in &net.person {
            let person = NewPerson::try_from(form).map_err(|e| bad_demo(&form.slug, e))?;
            let org_id = tx.organisation_id(person.organisation.as_str()).await?;
            match tx.insert_person(&person, org_id, None).await {
                Ok(_) => report.people += 1,
                Err(StorageError::Conflict(_)) => {}
                Err(e) => return Err(e.into()),
            }
        }
        tx.commit().await?;
        for (email, password, role, org) in DEMO_ACCOUNTS {
            let email = Email::try_from(email.to_owned()).map_err(|e| bad_demo(email, e))?;
            let org_id = match org {
                Some(slug) => Some(self.store().organisation(slug).await?.id),
                None => None,
            };
            if self.ensure_user(&email, password, role, org_id).await? {
                report.accounts += 1;
            }
        }
        Ok(report)
    }

    /// Adds `n` generated organisations (for benchmarks), spread over the demo cities.
    pub async fn generate_organisations(&self, n: usize) -> Result<usize> {
        let cities = self.store().cities(None).await?;
        if cities.is_empty() {
            return Err(anyhow::anyhow!(
                "load the demo network first: generated organisations need cities"
            )
            .into());
        }
        let kinds = [
            "association",
            "advisory_council",
            "school",
            "housing_cooperative",
            "city_administration",
            "other",
        ];
        let themes = [
            "language",
            "employment",
            "housing",
            "youth",
            "participation",
            "health",
        ];
        let words = [
            "Integration",
            "Nachbarschaft",
            "Solidarité",
            "Bildung",
            "Accueil",
            "Jugend",
            "Dialogue",
            "Zukunft",
        ];
        let start = self
            .store()
            .organisations(&Default::default(), 1, 0)
            .await?
            .1 as usize;
        let mut tx = self.store().write().await?;
        for i in 0..n {
            let k = start + i;
            let city = &cities[k % cities.len()];
            let form = OrganisationForm {
                slug: format!("generated-{k}"),
                name: format!(
                    "{} {} {}",
                    words[k % words.len()],
                    words[(k / 8) % words.len()],
                    k
                ),
                kind: kinds[k % kinds.len()].into(),
                city: city.slug.clone(),
                languages: vec!["de".into(), ["fr", "en", "pt", "it"][k % 4].into()],
                themes: vec![
                    themes[k % themes.len()].into(),
                    themes[(k / 6) % themes.len()].into(),
                ],
                lang: ["de", "fr"][k % 2].into(),
                description: format!("Generated organisation number {k} for measurements."),
                ..Default::default()
            };
            let org = NewOrganisation::try_from(&form)
                .map_err(|e| bad_demo("generated organisation", e))?;
            tx.insert_organisation(&org, city.id, None).await?;
        }
        tx.commit().await?;
        Ok(n)
    }
}
