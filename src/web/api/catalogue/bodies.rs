//! The request and response bodies of the API that mirror domain forms: the OpenAPI schema
//! (field documentation, required fields, patterns) belongs here, to the API, and each body
//! converts to and from its domain form field by field.

use crate::app::PracticeTranslationForm;
use crate::domain::catalogue::practice::PracticeForm;

/// A practice as typed into a form or sent to the API.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = PracticeForm)]
#[serde(default)]
pub struct PracticeFormBody {
    /// URL name; made from the title when empty.
    pub slug: String,
    /// External identifier, unique when given.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Language of the texts (de, fr, en, lb).
    #[schema(required = true)]
    pub lang: String,
    /// Title, at most 150 characters.
    #[schema(required = true)]
    pub title: String,
    /// Two to four sentences.
    #[schema(required = true)]
    pub summary: String,
    /// Context and problem (Markdown).
    pub context: String,
    /// How it works (Markdown).
    pub approach: String,
    /// Results and evidence, including the target group's view (Markdown).
    pub results: String,
    /// What worked, what did not; do's and don'ts (Markdown).
    pub evaluation: String,
    /// Resources and funding (Markdown).
    pub resources: String,
    /// What another city needs to copy it (Markdown).
    pub transferability: String,
    /// Start: YYYY, YYYY-MM or YYYY-MM-DD.
    pub period_start: String,
    /// End: YYYY, YYYY-MM or YYYY-MM-DD; empty when ongoing.
    pub period_end: String,
    /// Whether it still runs ("true", "on" or "1" in forms).
    pub ongoing: String,
    /// City slug.
    #[schema(required = true)]
    pub city: String,
    /// Slugs of the owner organisations.
    pub organisations: Vec<String>,
    /// Slugs of contact people.
    pub contacts: Vec<String>,
    /// Theme keys.
    pub themes: Vec<String>,
    /// Target groups: keys of `/api/v1/target-groups`, or names (a label or other name in any
    /// language) that are filed under their key; names that match no group are added to
    /// `target_group_note`.
    pub target_groups: Vec<String>,
    /// Target groups the taxonomy lacks, in the practice's language.
    pub target_group_note: String,
    /// Web links.
    pub links: Vec<String>,
    /// Where an imported record came from.
    pub source: String,
}

impl From<PracticeFormBody> for PracticeForm {
    fn from(b: PracticeFormBody) -> Self {
        PracticeForm {
            slug: b.slug,
            reference: b.reference,
            lang: b.lang,
            title: b.title,
            summary: b.summary,
            context: b.context,
            approach: b.approach,
            results: b.results,
            evaluation: b.evaluation,
            resources: b.resources,
            transferability: b.transferability,
            period_start: b.period_start,
            period_end: b.period_end,
            ongoing: b.ongoing,
            city: b.city,
            organisations: b.organisations,
            contacts: b.contacts,
            themes: b.themes,
            target_groups: b.target_groups,
            target_group_note: b.target_group_note,
            links: b.links,
            source: b.source,
        }
    }
}

impl From<PracticeForm> for PracticeFormBody {
    fn from(f: PracticeForm) -> Self {
        PracticeFormBody {
            slug: f.slug,
            reference: f.reference,
            lang: f.lang,
            title: f.title,
            summary: f.summary,
            context: f.context,
            approach: f.approach,
            results: f.results,
            evaluation: f.evaluation,
            resources: f.resources,
            transferability: f.transferability,
            period_start: f.period_start,
            period_end: f.period_end,
            ongoing: f.ongoing,
            city: f.city,
            organisations: f.organisations,
            contacts: f.contacts,
            themes: f.themes,
            target_groups: f.target_groups,
            target_group_note: f.target_group_note,
            links: f.links,
            source: f.source,
        }
    }
}

/// A translation of some fields of a practice, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[schema(as = PracticeTranslationForm)]
#[serde(default)]
pub struct PracticeTranslationFormBody {
    /// Target language (de, fr, en, lb); not the original.
    pub lang: String,
    /// Field name → translated text; empty texts are left out.
    pub fields: std::collections::BTreeMap<String, String>,
}

impl From<PracticeTranslationFormBody> for PracticeTranslationForm {
    fn from(b: PracticeTranslationFormBody) -> Self {
        PracticeTranslationForm {
            lang: b.lang,
            fields: b.fields,
        }
    }
}

impl From<PracticeTranslationForm> for PracticeTranslationFormBody {
    fn from(f: PracticeTranslationForm) -> Self {
        PracticeTranslationFormBody {
            lang: f.lang,
            fields: f.fields,
        }
    }
}
