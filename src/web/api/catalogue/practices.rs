//! Practice endpoints: the catalogue with filters, a practice with all its texts, writing with
//! version checks (409 when someone saved first), workflow steps and translations.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::{App, Error, OpinionForm, Practice};
use crate::app::{PracticeFilter, PracticeRow, split_list};
use crate::domain::catalogue::practice::{PracticeForm, Transition};

use crate::web::ApiError;
use crate::web::api::directory::PageJson;
use crate::web::api::{ApiCtx, ApiJson, ApiQuery, Path};

/// Practice routes.
pub fn router() -> Router<App> {
    Router::new()
        .route("/practices", get(list).post(create))
        .route("/practices/ref/{reference}", get(get_by_ref))
        .route("/practices/{slug}", get(get_one).put(update))
        .route("/practices/{slug}/transitions", post(transition))
        .route("/practices/{slug}/translations", put(translate))
}

type ApiResult<T> = Result<T, ApiError>;

/// A practice in lists.
#[derive(Serialize, ToSchema)]
pub struct PracticeSummaryJson {
    /// URL name.
    pub slug: String,
    /// External identifier.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// Title in the requested language, or the original.
    pub title: String,
    /// Language of `title`.
    pub title_lang: String,
    /// Original language.
    pub lang: String,
    /// Workflow status.
    pub status: String,
    /// City slug.
    pub city: String,
    /// Country code.
    pub country: String,
    /// Theme keys.
    pub themes: Vec<String>,
    /// Version.
    pub version: i64,
}

/// One text of a practice.
#[derive(Serialize, ToSchema)]
pub struct PracticeTextJson {
    /// Markdown.
    pub text: String,
    /// `original`, `human`, `machine` or `outdated`.
    pub status: String,
}

/// A practice with every text, keyed by language and field.
#[derive(Serialize, ToSchema)]
pub struct PracticeJson {
    /// The record.
    #[serde(flatten)]
    pub summary: PracticeSummaryJson,
    /// Period start.
    pub period_start: Option<String>,
    /// Period end.
    pub period_end: Option<String>,
    /// Still running.
    pub ongoing: bool,
    /// Target group keys (see `/api/v1/target-groups`).
    pub target_groups: Vec<String>,
    /// Target groups the taxonomy lacks, in the original language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_group_note: Option<String>,
    /// Links.
    pub links: Vec<String>,
    /// Source.
    pub source: Option<String>,
    /// Owner organisation slugs.
    pub organisations: Vec<String>,
    /// Contact person slugs (members only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<String>,
    /// language → field → text.
    pub texts: BTreeMap<String, BTreeMap<String, PracticeTextJson>>,
    /// The review opinion, where the reader may see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_opinion: Option<String>,
}

fn summary(p: &PracticeRow) -> PracticeSummaryJson {
    PracticeSummaryJson {
        slug: p.slug.clone(),
        reference: p.reference.clone(),
        title: p.title.clone(),
        title_lang: p.title_lang.clone(),
        lang: p.original_lang.clone(),
        status: p.status.clone(),
        city: p.city_slug.clone(),
        country: p.country.clone(),
        themes: split_list(&p.themes),
        version: p.version,
    }
}

fn practice_json(p: Practice) -> PracticeJson {
    let mut texts: BTreeMap<String, BTreeMap<String, PracticeTextJson>> = BTreeMap::new();
    for t in &p.all_texts {
        texts.entry(t.lang.clone()).or_default().insert(
            t.field.clone(),
            PracticeTextJson {
                text: t.body.clone(),
                status: t.status.clone(),
            },
        );
    }
    PracticeJson {
        period_start: p.row.period_start.clone(),
        period_end: p.row.period_end.clone(),
        ongoing: p.row.ongoing == 1,
        target_groups: serde_json::from_str(&p.row.target_groups).unwrap_or_default(),
        target_group_note: Some(p.row.target_group_note.clone()).filter(|n| !n.is_empty()),
        links: serde_json::from_str(&p.row.links).unwrap_or_default(),
        source: p.row.source.clone(),
        organisations: p.owners.iter().map(|o| o.slug.clone()).collect(),
        contacts: p.contacts.iter().map(|c| c.slug.clone()).collect(),
        review_opinion: if p.show_opinion {
            p.row.review_opinion.clone()
        } else {
            None
        },
        summary: summary(&p.row),
        texts,
    }
}

/// Filters and paging of the catalogue.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct PracticeQuery {
    /// City slug.
    city: Option<String>,
    /// Country code.
    country: Option<String>,
    /// Theme key.
    theme: Option<String>,
    /// Original language.
    lang: Option<String>,
    /// Status (members see more than published ones); `ready` is in review and recommended for
    /// publication.
    status: Option<String>,
    /// Owner organisation slug.
    organisation: Option<String>,
    /// A target group key.
    target_group: Option<String>,
    /// `newest` (default) or `title`.
    sort: Option<String>,
    /// Language of the titles (default: Accept-Language).
    reader: Option<String>,
    /// Page size, 1–200.
    limit: Option<i64>,
    /// Items to skip.
    offset: Option<i64>,
}

/// Lists the practices the caller may see, newest first.
#[utoipa::path(get, path = "/api/v1/practices", params(PracticeQuery), tag = "practices",
    responses((status = 200, description = "A page of practices", body = PageJson<PracticeSummaryJson>)))]
async fn list(
    api: ApiCtx,
    State(app): State<App>,
    ApiQuery(q): ApiQuery<PracticeQuery>,
) -> ApiResult<Json<PageJson<PracticeSummaryJson>>> {
    let filter = PracticeFilter {
        city: q.city,
        country: q.country.map(|c| c.to_ascii_uppercase()),
        theme: q.theme,
        lang: q.lang,
        status: q.status,
        organisation: q.organisation,
        target_group: q.target_group,
        sort: if q.sort.as_deref() == Some("title") {
            crate::app::PracticeSort::Title
        } else {
            crate::app::PracticeSort::Newest
        },
    };
    let reader = q.reader.unwrap_or_else(|| api.locale.code().to_owned());
    let page = app
        .practices(&api.actor, &filter, &reader, q.limit, q.offset)
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(PageJson::of(&page, summary)))
}

/// Gets a practice with all its texts.
#[utoipa::path(get, path = "/api/v1/practices/{slug}", tag = "practices", responses((status = 200, body = PracticeJson), (status = 404)))]
async fn get_one(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<Json<PracticeJson>> {
    let p = app
        .practice(&api.actor, &slug, api.locale.code())
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(practice_json(p)))
}

/// Gets a practice by its external reference.
#[utoipa::path(get, path = "/api/v1/practices/ref/{reference}", tag = "practices", responses((status = 200, body = PracticeJson), (status = 404)))]
async fn get_by_ref(
    api: ApiCtx,
    State(app): State<App>,
    Path(reference): Path<String>,
) -> ApiResult<Json<PracticeJson>> {
    let slug = app
        .practice_slug_by_ref(&reference)
        .await
        .map_err(|e| api.err(e))?;
    get_one(api, State(app), Path(slug)).await
}

async fn respond(api: &ApiCtx, app: &App, slug: &str, status: StatusCode) -> ApiResult<Response> {
    let p = app
        .practice(&api.actor, slug, api.locale.code())
        .await
        .map_err(|e| api.err(e))?;
    Ok((status, Json(practice_json(p))).into_response())
}

/// Writes a new practice as a draft.
#[utoipa::path(post, path = "/api/v1/practices", tag = "practices", request_body = crate::web::api::catalogue::bodies::PracticeFormBody,
    responses((status = 201, body = PracticeJson), (status = 422, description = "Field errors")))]
async fn create(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<crate::web::api::catalogue::bodies::PracticeFormBody>,
) -> ApiResult<Response> {
    let form = PracticeForm::from(form);
    let slug = app
        .create_practice(&api.actor, &form)
        .await
        .map_err(|e| api.err(e))?;
    respond(&api, &app, slug.as_str(), StatusCode::CREATED).await
}

/// A new version of a practice: the fields and the version they were based on.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct PracticeUpdate {
    /// The version the changes were made from (409 when it is no longer current).
    pub version: i64,
    /// The fields.
    #[serde(flatten)]
    pub form: crate::web::api::catalogue::bodies::PracticeFormBody,
}

/// Saves a new version; 409 with the current version when someone saved first.
#[utoipa::path(put, path = "/api/v1/practices/{slug}", tag = "practices", request_body = PracticeUpdate,
    responses((status = 200, body = PracticeJson), (status = 409, description = "Saved by someone else since `version`"), (status = 422)))]
async fn update(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(u): ApiJson<PracticeUpdate>,
) -> ApiResult<Response> {
    match app
        .update_practice(&api.actor, &slug, &u.form.into(), u.version)
        .await
    {
        Ok(new_slug) => respond(&api, &app, new_slug.as_str(), StatusCode::OK).await,
        Err(Error::Conflict(why)) => {
            let current = app
                .practice(&api.actor, &slug, api.locale.code())
                .await
                .map_err(|e| api.err(e))?;
            let body = serde_json::json!({"error": {"code": "conflict", "message": crate::i18n::t(api.locale, why),
                "fields": {}, "current_version": current.row.version, "current": practice_json(current)}});
            Ok((StatusCode::CONFLICT, Json(body)).into_response())
        }
        Err(e) => Err(api.err(e)),
    }
}

/// A workflow step.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct TransitionRequest {
    /// `submit`, `take_review`, `assign_review`, `request_changes`, `recommend`, `publish`, `archive`, `republish`.
    #[schema(
        required = true,
        pattern = "^(submit|take_review|assign_review|request_changes|recommend|publish|archive|republish)$"
    )]
    pub step: String,
    /// The opinion (for `request_changes` and `recommend`).
    pub opinion: String,
    /// Whether the opinion may be published ("true").
    pub public: String,
    /// The reviewer's e-mail address (for `assign_review`).
    pub reviewer: String,
}

/// Moves a practice along the workflow.
#[utoipa::path(post, path = "/api/v1/practices/{slug}/transitions", tag = "practices", request_body = TransitionRequest,
    responses((status = 200, body = PracticeJson), (status = 403), (status = 409, description = "Not possible in this status"), (status = 422)))]
async fn transition(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(r): ApiJson<TransitionRequest>,
) -> ApiResult<Response> {
    let result = match r.step.as_str() {
        "take_review" => app.take_review(&api.actor, &slug).await,
        "assign_review" => app.assign_review(&api.actor, &slug, &r.reviewer).await,
        other => match Transition::parse(other).filter(|t| *t != Transition::StartReview) {
            Some(t) => {
                app.practice_step(
                    &api.actor,
                    &slug,
                    t,
                    &OpinionForm {
                        opinion: r.opinion,
                        public: r.public,
                    },
                )
                .await
            }
            None => Err(Error::Invalid(crate::domain::FieldErrors::one(
                "step",
                crate::domain::FieldError::new("error-choice"),
            ))),
        },
    };
    result.map_err(|e| api.err(e))?;
    respond(&api, &app, &slug, StatusCode::OK).await
}

/// Writes a person's translation of some fields.
#[utoipa::path(put, path = "/api/v1/practices/{slug}/translations", tag = "practices", request_body = crate::web::api::catalogue::bodies::PracticeTranslationFormBody,
    responses((status = 200, body = PracticeJson), (status = 422)))]
async fn translate(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(f): ApiJson<crate::web::api::catalogue::bodies::PracticeTranslationFormBody>,
) -> ApiResult<Response> {
    let f = crate::app::PracticeTranslationForm::from(f);
    app.translate_practice(&api.actor, &slug, &f)
        .await
        .map_err(|e| api.err(e))?;
    respond(&api, &app, &slug, StatusCode::OK).await
}
