//! The request and response bodies and query parameters of the API that mirror app and
//! domain types: the OpenAPI documentation belongs here, to the API, and each converts
//! field by field.

use crate::app::SearchQuery;

/// A search as asked by a reader (query string, form or API).
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct SearchQueryParams {
    /// What to look for (at most 200 characters).
    #[param(required = false, max_length = 200)]
    pub q: String,
    /// The reader's language (de, fr, en, lb); the page's language when absent.
    #[param(pattern = "^(de|fr|en|lb)?$")]
    pub lang: Option<String>,
    /// Only one kind: practice, placement, organisation, person or report.
    #[serde(rename = "type")]
    #[param(pattern = "^(practice|placement|organisation|person|report)?$")]
    pub kind: Option<String>,
    /// Only this city (slug).
    pub city: Option<String>,
    /// Only this country (code).
    pub country: Option<String>,
    /// Only this theme (key).
    pub theme: Option<String>,
    /// Only content available in this language.
    #[serde(rename = "in")]
    pub content_lang: Option<String>,
    /// Page size (1–50, default 10).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<usize>,
    /// Results skipped (at most 10,000).
    #[param(maximum = 10_000)]
    pub offset: Option<usize>,
    /// Translations not to use, as `lang:text` separated by `;` (at most 20), e.g.
    /// `de:Wohnung;fr:logement`; the answer's `translations` names those used.
    #[param(max_length = 2_100)]
    pub without: Option<String>,
    /// `true`: keep to the documents holding most of the query's words whenever any does;
    /// `false`: every document holding any of them; absent: the former when at least ten do
    /// (the answer's `most` says when the results are those).
    pub most: Option<bool>,
}

impl From<SearchQueryParams> for SearchQuery {
    fn from(b: SearchQueryParams) -> Self {
        SearchQuery {
            q: b.q,
            lang: b.lang,
            kind: b.kind,
            city: b.city,
            country: b.country,
            theme: b.theme,
            content_lang: b.content_lang,
            limit: b.limit,
            offset: b.offset,
            without: b.without,
            most: b.most,
        }
    }
}
