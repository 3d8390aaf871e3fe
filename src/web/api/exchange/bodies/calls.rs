//! Calls in the API: the call form, a request in a call, and a city's share of an allocation.

use crate::app::CityShare;
use crate::domain::exchange::call::CallForm;
use crate::domain::exchange::call::CallRequestForm;

/// A call as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = CallForm)]
#[serde(default)]
pub struct CallFormBody {
    /// Title.
    #[schema(required = true)]
    pub title: String,
    /// What the call is for (Markdown).
    pub description: String,
    /// Last day to send requests (YYYY-MM-DD).
    #[schema(required = true)]
    pub deadline: String,
    /// The placements included (slugs).
    #[schema(required = true)]
    pub placements: Vec<String>,
}

impl From<CallFormBody> for CallForm {
    fn from(b: CallFormBody) -> Self {
        CallForm {
            title: b.title,
            description: b.description,
            deadline: b.deadline,
            placements: b.placements,
        }
    }
}

impl From<CallForm> for CallFormBody {
    fn from(f: CallForm) -> Self {
        CallFormBody {
            title: f.title,
            description: f.description,
            deadline: f.deadline,
            placements: f.placements,
        }
    }
}

/// A member's request in a call as typed: preferences in rank order (empty ones skipped).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = CallRequestForm)]
#[serde(default)]
pub struct CallRequestFormBody {
    /// Placement slugs, first choice first (at most five).
    pub preferences: Vec<String>,
    /// First possible day.
    pub start: String,
    /// Last possible day.
    pub end: String,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Themes of interest.
    pub themes: Vec<String>,
    /// What the member wants to learn.
    pub goal: String,
}

impl From<CallRequestFormBody> for CallRequestForm {
    fn from(b: CallRequestFormBody) -> Self {
        CallRequestForm {
            preferences: b.preferences,
            start: b.start,
            end: b.end,
            languages: b.languages,
            themes: b.themes,
            goal: b.goal,
        }
    }
}

impl From<CallRequestForm> for CallRequestFormBody {
    fn from(f: CallRequestForm) -> Self {
        CallRequestFormBody {
            preferences: f.preferences,
            start: f.start,
            end: f.end,
            languages: f.languages,
            themes: f.themes,
            goal: f.goal,
        }
    }
}

/// A city's share of the granted requests.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
#[schema(as = CityShare)]
pub struct CityShareBody {
    /// The city (id).
    pub city_id: Option<i64>,
    /// Requests from it.
    pub requested: usize,
    /// Granted ones.
    pub granted: usize,
}

impl From<CityShareBody> for CityShare {
    fn from(b: CityShareBody) -> Self {
        CityShare {
            city_id: b.city_id,
            requested: b.requested,
            granted: b.granted,
        }
    }
}

impl From<CityShare> for CityShareBody {
    fn from(f: CityShare) -> Self {
        CityShareBody {
            city_id: f.city_id,
            requested: f.requested,
            granted: f.granted,
        }
    }
}
