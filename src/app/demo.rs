//! The demo network: the QuattroPole cities and the organisations of the founding article
//! (`demo/network.toml`, people by role only), and one demo account per role.

use serde::Deserialize;

use crate::domain::directory::{
    CityForm, NewCity, NewOrganisation, NewPerson, OrganisationForm, PersonForm,
};
use crate::domain::{Email, Role};
use crate::storage::{CountryRow, StorageError};

use crate::app::{App, OpinionForm, Result};
use crate::domain::Actor;
use crate::domain::catalogue::practice::{PracticeForm, PracticeStatus, TEXT_FIELDS, Transition};
use crate::storage::PracticeTextRow;

const NETWORK: &str = include_str!("../../demo/network.toml");
const PRACTICES: &str = include_str!("../../demo/practices.toml");
const PLACEMENTS: &str = include_str!("../../demo/placements.toml");

#[derive(serde::Deserialize)]
struct DemoPlacements {
    placement: Vec<crate::domain::exchange::placement::PlacementForm>,
}

#[derive(Deserialize)]
struct Catalogue {
    practice: Vec<DemoPractice>,
}

#[derive(Deserialize)]
struct DemoPractice {
    slug: String,
    #[serde(rename = "ref")]
    reference: String,
    lang: String,
    city: String,
    organisations: Vec<String>,
    #[serde(default)]
    contacts: Vec<String>,
    #[serde(default)]
    themes: Vec<String>,
    #[serde(default)]
    target_groups: Vec<String>,
    #[serde(default)]
    period_start: String,
    #[serde(default)]
    period_end: String,
    #[serde(default)]
    ongoing: bool,
    status: String,
    /// In review: whether the reviewer has recommended it already (ready to publish).
    #[serde(default)]
    recommended: bool,
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    source: String,
    title: String,
    summary: String,
    #[serde(default)]
    context: String,
    #[serde(default)]
    approach: String,
    #[serde(default)]
    results: String,
    #[serde(default)]
    evaluation: String,
    #[serde(default)]
    resources: String,
    #[serde(default)]
    transferability: String,
    #[serde(default)]
    translation: Vec<DemoPracticeTranslation>,
}

#[derive(Deserialize)]
struct DemoPracticeTranslation {
    lang: String,
    #[serde(default)]
    outdated: bool,
    #[serde(flatten)]
    fields: std::collections::BTreeMap<String, toml::Value>,
}

impl DemoPractice {
    fn form(&self) -> PracticeForm {
        PracticeForm {
            slug: self.slug.clone(),
            reference: self.reference.clone(),
            lang: self.lang.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            context: self.context.clone(),
            approach: self.approach.clone(),
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
            city: self.city.clone(),
            organisations: self.organisations.clone(),
            contacts: self.contacts.clone(),
            themes: self.themes.clone(),
            target_groups: self.target_groups.clone(),
            target_group_note: String::new(),
            links: self.links.clone(),
            source: self.source.clone(),
        }
    }
}

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
pub const DEMO_ACCOUNTS: [(&str, &str, Role, Option<&str>); 5] = [
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
    (
        "team.cafe-baer@passerelle.example",
        "demo-host-2026",
        Role::Editor,
        Some("cafe-baer-trier-west"),
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
    /// Practices added.
    pub practices: usize,
    /// Placements added.
    pub placements: usize,
    /// Visits added.
    pub visits: usize,
    /// Calls added (allocated and published).
    pub calls: usize,
}

fn bad_demo(what: &str, errors: impl std::fmt::Debug) -> anyhow::Error {
    anyhow::anyhow!("demo data: {what} is invalid: {errors:?}")
}

impl App {
    /// Loads the demo network and its practices; what exists already (by slug) is kept.
    pub async fn load_demo(&self) -> Result<DemoReport> {
        let mut report = self.load_demo_network().await?;
        report.practices = self.load_demo_practices().await?;
        report.placements = self.load_demo_placements().await?;
        report.visits = self.load_demo_visits().await?;
        report.calls = self.load_demo_calls().await?;
        Ok(report)
    }

    /// Loads the demo directory and accounts only.
    pub async fn load_demo_network(&self) -> Result<DemoReport> {
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
            // Look first: on PostgreSQL a failed insert would abort the whole transaction.
            if tx.person_id(person.slug.as_str()).await.is_ok() {
                continue;
            }
            let org_id = tx.organisation_id(person.organisation.as_str()).await?;
            tx.insert_person(&person, org_id, None).await?;
            report.people += 1;
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

    /// Loads the demo catalogue: each practice is written as a draft by the command line and then
    /// taken through the real workflow to its demo status, so its history reads as it would.
    /// The demo placements (`demo/placements.toml`), through the same checks as the form.
    async fn load_demo_placements(&self) -> Result<usize> {
        let demo: DemoPlacements =
            toml::from_str(PLACEMENTS).map_err(|e| anyhow::anyhow!("demo placements: {e}"))?;
        let mut added = 0;
        for form in &demo.placement {
            if self.store().placement(&form.slug).await.is_ok() {
                continue;
            }
            self.save_placement(&Actor::System, None, form)
                .await
                .map_err(|e| bad_demo(&form.slug, e))?;
            added += 1;
        }
        Ok(added)
    }

    async fn load_demo_practices(&self) -> Result<usize> {
        let catalogue: Catalogue =
            toml::from_str(PRACTICES).map_err(|e| anyhow::anyhow!("demo practices: {e}"))?;
        let mut added = 0;
        for d in &catalogue.practice {
            if self.store().practice(&d.slug, "en").await.is_ok() {
                continue;
            }
            let target =
                PracticeStatus::parse(&d.status).ok_or_else(|| bad_demo(&d.slug, "status"))?;
            let slug = self
                .create_practice_as(&Actor::System, &d.form(), PracticeStatus::Draft)
                .await
                .map_err(|e| bad_demo(&d.slug, e))?;
            let slug = slug.as_str();
            // A reviewer from another city: Saarbrücken's member, or Dounia's editor for Saarbrücken's own practices.
            let reviewer_email = if d.city == "saarbruecken" {
                DEMO_ACCOUNTS[2].0
            } else {
                DEMO_ACCOUNTS[3].0
            };
            let none = OpinionForm::default();
            let opinion = |text: &str| OpinionForm {
                opinion: text.to_owned(),
                public: "true".into(),
            };
            use Transition::*;
            let path: &[Transition] = match target {
                PracticeStatus::Draft => &[],
                PracticeStatus::Submitted => &[Submit],
                PracticeStatus::InReview if d.recommended => &[Submit, StartReview, Recommend],
                PracticeStatus::InReview => &[Submit, StartReview],
                PracticeStatus::ChangesRequested => &[Submit, StartReview, RequestChanges],
                PracticeStatus::Published => &[Submit, StartReview, Recommend, Publish],
                PracticeStatus::Archived => &[Submit, StartReview, Recommend, Publish, Archive],
            };
            for step in path {
                match step {
                    StartReview => {
                        self.assign_review(&Actor::System, slug, reviewer_email)
                            .await?
                    }
                    RequestChanges => {
                        let text =
                            "Please describe the results from the participants' point of view.";
                        self.practice_step(&Actor::System, slug, *step, &opinion(text))
                            .await?
                    }
                    Recommend => {
                        let text = "A clear, well-documented practice that other cities of the network can adapt.";
                        self.practice_step(&Actor::System, slug, *step, &opinion(text))
                            .await?
                    }
                    _ => {
                        self.practice_step(&Actor::System, slug, *step, &none)
                            .await?
                    }
                }
            }
            let row = self.store().practice(slug, "en").await?;
            let mut tx = self.store().write().await?;
            for t in &d.translation {
                let status = if t.outdated { "outdated" } else { "human" };
                for (field, value) in &t.fields {
                    if let (Some(body), true) =
                        (value.as_str(), TEXT_FIELDS.contains(&field.as_str()))
                    {
                        let text = PracticeTextRow {
                            lang: t.lang.clone(),
                            field: field.clone(),
                            body: body.trim().to_owned(),
                            status: status.into(),
                            based_on: row.version,
                        };
                        tx.put_practice_translation(row.id, &text, None).await?;
                    }
                }
            }
            tx.commit().await?;
            added += 1;
        }
        Ok(added)
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
