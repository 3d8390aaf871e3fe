//! `GET /api/v1/search`: the search over practices, organisations and (for members) people,
//! in any language, with facets.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::App;
use crate::search::DocKind;
use crate::web::ApiError;

use crate::web::api::{ApiCtx, ApiQuery};

/// Search routes.
pub fn router() -> Router<App> {
    Router::new().route("/search", get(search))
}

/// One result.
#[derive(Serialize, ToSchema)]
pub struct SearchHitJson {
    /// `practice`, `organisation` or `person`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Id.
    pub id: String,
    /// External reference (practices) or URL name.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Title in `lang`.
    pub title: String,
    /// Language of title and snippet: the reader's when translated, else the original.
    pub lang: String,
    /// Language of the original.
    pub original_lang: String,
    /// Relevance.
    pub score: f32,
    /// Text around the matches, HTML-escaped, the matched words in `<mark>`.
    pub snippet: String,
    /// The page (in the reader's language).
    pub url: String,
    /// Found by the embedding model alone: none of the query's words, translations or glossary
    /// terms occur in it (only with a model configured).
    pub by_meaning: bool,
}

/// Search results.
#[derive(Serialize, ToSchema)]
pub struct SearchJson {
    /// The matches: those holding most of the query's words (three quarters of its word
    /// groups) when at least ten do (or any does, with `most=true`), and then the results are
    /// only those; otherwise (or with `most=false`) every document holding any of its words.
    /// The facets count the same documents.
    pub total: usize,
    /// True when the results are only the documents holding most of the query's words.
    pub most: bool,
    /// The reader's language.
    pub lang: String,
    /// The language the query was read in.
    pub query_lang: String,
    /// The query's meaning was searched too: an embedding model is configured and was free for
    /// this query within a quarter of a second (else the words alone were searched).
    pub meaning: bool,
    /// This page.
    pub results: Vec<SearchHitJson>,
    /// Counts per facet (`type`, `city`, `country`, `theme`, `lang`): value → count.
    pub facets: BTreeMap<String, BTreeMap<String, u64>>,
    /// A corrected query when nothing was found.
    pub did_you_mean: Option<String>,
    /// Glossary concepts the query was expanded through.
    pub concepts: Vec<String>,
    /// Translations of the query's words from the lexicon that the search used.
    pub translations: Vec<TranslationJson>,
}

/// A translation of a query word that the search used.
#[derive(Serialize, ToSchema)]
pub struct TranslationJson {
    /// The word as typed.
    pub word: String,
    /// The translation's language.
    pub lang: String,
    /// The translation.
    pub text: String,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Searches in every language; a query in one finds texts written in the others.
#[utoipa::path(get, path = "/api/v1/search", params(crate::web::api::language::bodies::SearchQueryParams), tag = "search",
    responses((status = 200, description = "Results with facets", body = SearchJson),
        (status = 422, description = "A parameter breaks a rule (too long, unknown type, limit out of range)")))]
async fn search(
    api: ApiCtx,
    State(app): State<App>,
    ApiQuery(q): ApiQuery<crate::web::api::language::bodies::SearchQueryParams>,
) -> Result<(axum::http::HeaderMap, Json<SearchJson>), ApiError> {
    let q = crate::app::SearchQuery::from(q);
    let reader = q
        .lang
        .clone()
        .unwrap_or_else(|| api.locale.code().to_string());
    let results = app
        .search(&api.actor, &q, api.locale.code())
        .await
        .map_err(|e| api.err(e))?;
    // Not kept by shared caches when the model had no time for this query.
    let mut headers = axum::http::HeaderMap::new();
    if !q.q.trim().is_empty() && app.meaning_missed(&results) {
        headers.insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
    }
    let base = app.config().base_url.trim_end_matches('/').to_string();
    let page_lang = if ["de", "fr", "en"].contains(&reader.as_str()) {
        reader.clone()
    } else {
        api.locale.code().to_string()
    };
    let hits = results
        .hits
        .iter()
        .map(|h| {
            let path = match h.kind {
                DocKind::Practice => "practices",
                DocKind::Organisation => "organisations",
                DocKind::Person => "people",
                DocKind::Placement => "placements",
                DocKind::Report => "reports",
            };
            SearchHitJson {
                kind: h.kind.as_str().to_string(),
                id: h.id.clone(),
                reference: h.reference.clone().unwrap_or_else(|| h.slug.clone()),
                title: h.title.clone(),
                lang: h.lang.clone(),
                original_lang: h.original_lang.clone(),
                score: h.score,
                snippet: h
                    .snippet
                    .iter()
                    .map(|s| {
                        if s.mark {
                            format!("<mark>{}</mark>", escape(&s.text))
                        } else {
                            escape(&s.text)
                        }
                    })
                    .collect(),
                url: format!("{base}/{page_lang}/{path}/{}", h.slug),
                by_meaning: h.meaning_only,
            }
        })
        .collect();
    let f = &results.facets;
    let facets = [
        ("type", &f.kinds),
        ("city", &f.city),
        ("country", &f.country),
        ("theme", &f.theme),
        ("lang", &f.lang),
    ]
    .into_iter()
    .map(|(name, values)| (name.to_string(), values.iter().cloned().collect()))
    .collect();
    Ok((
        headers,
        Json(SearchJson {
            total: results.total,
            most: results.most_words,
            lang: reader,
            query_lang: results.query_lang,
            meaning: results.meaning,
            results: hits,
            facets,
            did_you_mean: results.suggestion,
            concepts: results.concepts,
            translations: results
                .translations
                .into_iter()
                .map(|t| TranslationJson {
                    word: t.word,
                    lang: t.lang,
                    text: t.text,
                })
                .collect(),
        }),
    ))
}
