//! Placements in the API: the placement form, its periods and translation, and the list's query.

use crate::app::PlacementQuery;
use crate::domain::exchange::placement::PlacementForm;
use crate::domain::exchange::placement::PlacementTranslationForm;
use crate::domain::exchange::placement::WindowForm;

/// A date window as typed: first and last day (YYYY-MM-DD).
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[schema(as = WindowForm)]
#[serde(default)]
pub struct WindowFormBody {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
}

impl From<WindowFormBody> for WindowForm {
    fn from(b: WindowFormBody) -> Self {
        WindowForm {
            start: b.start,
            end: b.end,
        }
    }
}

impl From<WindowForm> for WindowFormBody {
    fn from(f: WindowForm) -> Self {
        WindowFormBody {
            start: f.start,
            end: f.end,
        }
    }
}

/// A placement as typed into a form or sent to the API.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = PlacementForm)]
#[serde(default)]
pub struct PlacementFormBody {
    /// URL name; made from the title when empty.
    pub slug: String,
    /// The host organisation (slug).
    #[schema(required = true)]
    pub organisation: String,
    /// Language the texts are written in (de, fr, en, lb).
    #[schema(required = true)]
    pub lang: String,
    /// Title.
    #[schema(required = true)]
    pub title: String,
    /// What the visitor will see and do (Markdown).
    #[schema(required = true)]
    pub description: String,
    /// How to get there across the border, costs covered or not.
    pub practical: String,
    /// Accessibility of the place and the programme.
    pub accessibility: String,
    /// Length of a stay in days (a number, or text as a form sends it).
    #[serde(deserialize_with = "crate::domain::exchange::placement::text_or_number")]
    #[schema(required = true)]
    pub length_days: String,
    /// Visitors per window (a number, or text).
    #[serde(deserialize_with = "crate::domain::exchange::placement::text_or_number")]
    #[schema(required = true)]
    pub capacity: String,
    /// Working languages (codes).
    #[schema(required = true)]
    pub languages: Vec<String>,
    /// Theme keys.
    pub themes: Vec<String>,
    /// Linked practices (slugs).
    pub practices: Vec<String>,
    /// Contact person (slug), optional.
    pub contact: String,
    /// The periods when a stay is possible.
    #[schema(required = true)]
    pub windows: Vec<WindowFormBody>,
    /// open or closed.
    pub status: String,
}

impl From<PlacementFormBody> for PlacementForm {
    fn from(b: PlacementFormBody) -> Self {
        PlacementForm {
            slug: b.slug,
            organisation: b.organisation,
            lang: b.lang,
            title: b.title,
            description: b.description,
            practical: b.practical,
            accessibility: b.accessibility,
            length_days: b.length_days,
            capacity: b.capacity,
            languages: b.languages,
            themes: b.themes,
            practices: b.practices,
            contact: b.contact,
            windows: b.windows.into_iter().map(Into::into).collect(),
            status: b.status,
        }
    }
}

impl From<PlacementForm> for PlacementFormBody {
    fn from(f: PlacementForm) -> Self {
        PlacementFormBody {
            slug: f.slug,
            organisation: f.organisation,
            lang: f.lang,
            title: f.title,
            description: f.description,
            practical: f.practical,
            accessibility: f.accessibility,
            length_days: f.length_days,
            capacity: f.capacity,
            languages: f.languages,
            themes: f.themes,
            practices: f.practices,
            contact: f.contact,
            windows: f.windows.into_iter().map(Into::into).collect(),
            status: f.status,
        }
    }
}

/// A translation of a placement's texts as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = PlacementTranslationForm)]
#[serde(default)]
pub struct PlacementTranslationFormBody {
    /// The language translated into (de, fr, en, lb); not the original's.
    #[schema(required = true)]
    pub lang: String,
    /// Title.
    #[schema(required = true)]
    pub title: String,
    /// What the visitor will see and do (Markdown).
    #[schema(required = true)]
    pub description: String,
    /// Practical notes.
    pub practical: String,
    /// Accessibility notes.
    pub accessibility: String,
}

impl From<PlacementTranslationFormBody> for PlacementTranslationForm {
    fn from(b: PlacementTranslationFormBody) -> Self {
        PlacementTranslationForm {
            lang: b.lang,
            title: b.title,
            description: b.description,
            practical: b.practical,
            accessibility: b.accessibility,
        }
    }
}

impl From<PlacementTranslationForm> for PlacementTranslationFormBody {
    fn from(f: PlacementTranslationForm) -> Self {
        PlacementTranslationFormBody {
            lang: f.lang,
            title: f.title,
            description: f.description,
            practical: f.practical,
            accessibility: f.accessibility,
        }
    }
}

/// A list of placements as asked for in a query string (all text, checked here).
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct PlacementQueryParams {
    /// Theme key.
    pub theme: Option<String>,
    /// City slug.
    pub city: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Working language code.
    pub language: Option<String>,
    /// Possible on or after this day (YYYY-MM-DD).
    #[param(schema_with = crate::web::api::day_or_empty)]
    pub from: Option<String>,
    /// Possible on or before this day (YYYY-MM-DD).
    #[param(schema_with = crate::web::api::day_or_empty)]
    pub to: Option<String>,
    /// Host organisation slug.
    pub organisation: Option<String>,
    /// Page size (1–200, default 50).
    pub limit: Option<i64>,
    /// Items skipped.
    pub offset: Option<i64>,
}

impl From<PlacementQueryParams> for PlacementQuery {
    fn from(b: PlacementQueryParams) -> Self {
        PlacementQuery {
            theme: b.theme,
            city: b.city,
            country: b.country,
            language: b.language,
            from: b.from,
            to: b.to,
            organisation: b.organisation,
            limit: b.limit,
            offset: b.offset,
            open_only: false,
        }
    }
}
