//! The request and response bodies of the API that mirror domain forms: the OpenAPI schema
//! (field documentation, required fields, patterns) belongs here, to the API, and each body
//! converts to and from its domain form field by field.

use crate::domain::directory::CityForm;
use crate::domain::directory::CountryForm;
use crate::domain::directory::OrganisationForm;
use crate::domain::directory::PersonForm;
use crate::domain::directory::TermForm;
use crate::domain::directory::TranslationForm;

/// An organisation as typed into a form or sent to the API.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = OrganisationForm)]
#[serde(default)]
pub struct OrganisationFormBody {
    /// URL name; made from the name when empty.
    pub slug: String,
    /// Full name.
    #[schema(required = true)]
    pub name: String,
    /// One of the kinds (`city_administration`, `advisory_council`, `association`, …).
    #[schema(required = true)]
    pub kind: String,
    /// The city's slug.
    #[schema(required = true)]
    pub city: String,
    /// Website (http or https).
    pub website: String,
    /// ISO 639-1 codes of the languages used.
    pub languages: Vec<String>,
    /// Theme keys of the organisation's expertise.
    pub themes: Vec<String>,
    /// Language the description is written in (de, fr, en, lb).
    #[schema(required = true)]
    pub lang: String,
    /// Description in Markdown.
    pub description: String,
}

impl From<OrganisationFormBody> for OrganisationForm {
    fn from(b: OrganisationFormBody) -> Self {
        OrganisationForm {
            slug: b.slug,
            name: b.name,
            kind: b.kind,
            city: b.city,
            website: b.website,
            languages: b.languages,
            themes: b.themes,
            lang: b.lang,
            description: b.description,
        }
    }
}

impl From<OrganisationForm> for OrganisationFormBody {
    fn from(f: OrganisationForm) -> Self {
        OrganisationFormBody {
            slug: f.slug,
            name: f.name,
            kind: f.kind,
            city: f.city,
            website: f.website,
            languages: f.languages,
            themes: f.themes,
            lang: f.lang,
            description: f.description,
        }
    }
}

/// A translation of an organisation's description as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = TranslationForm)]
#[serde(default)]
pub struct TranslationFormBody {
    /// Target language (de, fr, en, lb).
    #[schema(required = true)]
    pub lang: String,
    /// The translated description in Markdown.
    pub description: String,
}

impl From<TranslationFormBody> for TranslationForm {
    fn from(b: TranslationFormBody) -> Self {
        TranslationForm {
            lang: b.lang,
            description: b.description,
        }
    }
}

impl From<TranslationForm> for TranslationFormBody {
    fn from(f: TranslationForm) -> Self {
        TranslationFormBody {
            lang: f.lang,
            description: f.description,
        }
    }
}

/// A person as typed into a form or sent to the API.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = PersonForm)]
#[serde(default)]
pub struct PersonFormBody {
    /// URL name; made from the name when empty.
    pub slug: String,
    /// Name, or in the demo a role ("Vorsitz, Ausländerbeirat Trier").
    #[schema(required = true)]
    pub name: String,
    /// Role or title.
    pub role: String,
    /// The organisation's slug.
    #[schema(required = true)]
    pub organisation: String,
    /// ISO 639-1 codes of the languages spoken.
    pub languages: Vec<String>,
    /// Theme keys of expertise.
    pub themes: Vec<String>,
    /// E-mail address (members only ever see it).
    pub email: String,
}

impl From<PersonFormBody> for PersonForm {
    fn from(b: PersonFormBody) -> Self {
        PersonForm {
            slug: b.slug,
            name: b.name,
            role: b.role,
            organisation: b.organisation,
            languages: b.languages,
            themes: b.themes,
            email: b.email,
        }
    }
}

impl From<PersonForm> for PersonFormBody {
    fn from(f: PersonForm) -> Self {
        PersonFormBody {
            slug: f.slug,
            name: f.name,
            role: f.role,
            organisation: f.organisation,
            languages: f.languages,
            themes: f.themes,
            email: f.email,
        }
    }
}

/// A city as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = CityForm)]
#[serde(default)]
pub struct CityFormBody {
    /// URL name; made from the name when empty.
    pub slug: String,
    /// Country code (ISO 3166-1 alpha-2).
    #[schema(required = true)]
    pub country: String,
    /// Name in the city's own language.
    #[schema(required = true)]
    pub name: String,
    /// German name, when different.
    pub name_de: String,
    /// French name, when different.
    pub name_fr: String,
    /// English name, when different.
    pub name_en: String,
    /// Latitude in degrees, -90 to 90.
    pub lat: String,
    /// Longitude in degrees, -180 to 180.
    pub lon: String,
}

impl From<CityFormBody> for CityForm {
    fn from(b: CityFormBody) -> Self {
        CityForm {
            slug: b.slug,
            country: b.country,
            name: b.name,
            name_de: b.name_de,
            name_fr: b.name_fr,
            name_en: b.name_en,
            lat: b.lat,
            lon: b.lon,
        }
    }
}

impl From<CityForm> for CityFormBody {
    fn from(f: CityForm) -> Self {
        CityFormBody {
            slug: f.slug,
            country: f.country,
            name: f.name,
            name_de: f.name_de,
            name_fr: f.name_fr,
            name_en: f.name_en,
            lat: f.lat,
            lon: f.lon,
        }
    }
}

/// A term of a taxonomy (a theme or a target group) as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = TermForm)]
#[serde(default)]
pub struct TermFormBody {
    /// Key (a slug, e.g. `interpreting`); fixed once made.
    pub key: String,
    /// German label.
    #[schema(required = true)]
    pub label_de: String,
    /// French label.
    #[schema(required = true)]
    pub label_fr: String,
    /// English label.
    #[schema(required = true)]
    pub label_en: String,
    /// Other names in any language, separated by `;` (imported free text is matched against
    /// them and the labels).
    pub synonyms: String,
}

impl From<TermFormBody> for TermForm {
    fn from(b: TermFormBody) -> Self {
        TermForm {
            key: b.key,
            label_de: b.label_de,
            label_fr: b.label_fr,
            label_en: b.label_en,
            synonyms: b.synonyms,
        }
    }
}

impl From<TermForm> for TermFormBody {
    fn from(f: TermForm) -> Self {
        TermFormBody {
            key: f.key,
            label_de: f.label_de,
            label_fr: f.label_fr,
            label_en: f.label_en,
            synonyms: f.synonyms,
        }
    }
}

/// A country as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = CountryForm)]
#[serde(default)]
pub struct CountryFormBody {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// German name.
    #[schema(required = true)]
    pub name_de: String,
    /// French name.
    #[schema(required = true)]
    pub name_fr: String,
    /// English name.
    #[schema(required = true)]
    pub name_en: String,
}

impl From<CountryFormBody> for CountryForm {
    fn from(b: CountryFormBody) -> Self {
        CountryForm {
            code: b.code,
            name_de: b.name_de,
            name_fr: b.name_fr,
            name_en: b.name_en,
        }
    }
}

impl From<CountryForm> for CountryFormBody {
    fn from(f: CountryForm) -> Self {
        CountryFormBody {
            code: f.code,
            name_de: f.name_de,
            name_fr: f.name_fr,
            name_en: f.name_en,
        }
    }
}
