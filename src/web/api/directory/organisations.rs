//! Organisations in the API.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::{App, Organisation};
use crate::app::{OrgFilter, OrganisationRow, split_list};
use crate::domain::Circle;
use crate::domain::directory::{OrgKind, OrganisationForm, TranslationForm};

use super::*;
use crate::web::api::{ApiCtx, ApiJson, ApiQuery, Path};

/// An organisation in lists.
#[derive(Serialize, ToSchema)]
pub(crate) struct OrganisationJson {
    /// URL name.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: String,
    /// `inner` (city halls) or `extended`.
    pub circle: String,
    /// City slug.
    pub city: String,
    /// Country code.
    pub country: String,
    /// Website.
    pub website: Option<String>,
    /// Languages used.
    pub languages: Vec<String>,
    /// Theme keys.
    pub themes: Vec<String>,
    /// Original language of the description.
    pub lang: String,
    /// Last change (RFC 3339).
    pub updated_at: String,
}

/// One language version of a description.
#[derive(Serialize, ToSchema)]
pub(crate) struct TextJson {
    /// Language.
    pub lang: String,
    /// Markdown.
    pub description: String,
    /// `original`, `human`, `machine` or `outdated`.
    pub status: String,
}

/// An organisation with its descriptions and people.
#[derive(Serialize, ToSchema)]
pub(crate) struct OrganisationDetailJson {
    /// The record.
    #[serde(flatten)]
    pub organisation: OrganisationJson,
    /// Every language version of the description.
    pub descriptions: Vec<TextJson>,
    /// Its people.
    pub people: Vec<PersonJson>,
}

pub(crate) fn org_json(o: &OrganisationRow) -> OrganisationJson {
    let circle = OrgKind::try_from(o.kind.as_str())
        .map(|k| k.circle())
        .unwrap_or(Circle::Extended);
    OrganisationJson {
        slug: o.slug.clone(),
        name: o.name.clone(),
        kind: o.kind.clone(),
        circle: circle.as_str().to_owned(),
        city: o.city_slug.clone(),
        country: o.country.clone(),
        website: o.website.clone(),
        languages: split_list(&o.languages),
        themes: split_list(&o.themes),
        lang: o.original_lang.clone(),
        updated_at: rfc3339(o.updated_at),
    }
}

pub(crate) fn detail_json(o: Organisation) -> OrganisationDetailJson {
    OrganisationDetailJson {
        organisation: org_json(&o.row),
        descriptions: o
            .texts
            .into_iter()
            .map(|t| TextJson {
                lang: t.lang,
                description: t.description,
                status: t.status,
            })
            .collect(),
        people: o.people.iter().map(person_json).collect(),
    }
}

/// Filters and paging of the organisation list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub(crate) struct OrgQuery {
    /// City slug.
    city: Option<String>,
    /// Country code.
    country: Option<String>,
    /// Kind.
    kind: Option<String>,
    /// `inner` or `extended`.
    circle: Option<String>,
    /// A language code the organisation uses.
    language: Option<String>,
    /// A theme key.
    theme: Option<String>,
    /// Part of the name.
    q: Option<String>,
    /// Page size, 1–200 (default 50).
    limit: Option<i64>,
    /// Items to skip.
    offset: Option<i64>,
}

/// Lists organisations.
#[utoipa::path(get, path = "/api/v1/organisations", params(OrgQuery), tag = "directory",
    responses((status = 200, description = "A page of organisations", body = PageJson<OrganisationJson>)))]

pub(crate) async fn list_organisations(
    api: ApiCtx,
    State(app): State<App>,
    ApiQuery(q): ApiQuery<OrgQuery>,
) -> ApiResult<Json<PageJson<OrganisationJson>>> {
    let filter = OrgFilter {
        city: q.city,
        country: q.country.map(|c| c.to_ascii_uppercase()),
        kind: q.kind,
        inner_circle: q
            .circle
            .as_deref()
            .and_then(Circle::from_str_opt)
            .map(|c| c == Circle::Inner),
        language: q.language,
        theme: q.theme,
        q: q.q.filter(|s| !s.trim().is_empty()),
    };
    let page = app
        .organisations(&filter, q.limit, q.offset)
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(PageJson::of(&page, org_json)))
}

/// Gets one organisation with its descriptions and people.
#[utoipa::path(get, path = "/api/v1/organisations/{slug}", tag = "directory",
    responses((status = 200, body = OrganisationDetailJson), (status = 404, description = "Unknown slug")))]

pub(crate) async fn get_organisation(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<Json<OrganisationDetailJson>> {
    let org = app
        .organisation(&api.actor, &slug, api.locale.code())
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(detail_json(org)))
}

pub(crate) async fn organisation_response(
    api: &ApiCtx,
    app: &App,
    slug: &str,
    status: StatusCode,
) -> ApiResult<Response> {
    let org = app
        .organisation(&api.actor, slug, api.locale.code())
        .await
        .map_err(|e| api.err(e))?;
    Ok((status, Json(detail_json(org))).into_response())
}

/// Creates an organisation (coordinators and admins).
#[utoipa::path(post, path = "/api/v1/organisations", tag = "directory", request_body = crate::web::api::directory::bodies::OrganisationFormBody,
    responses((status = 201, body = OrganisationDetailJson), (status = 422, description = "Field errors"), (status = 401), (status = 403)))]

pub(crate) async fn create_organisation(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<crate::web::api::directory::bodies::OrganisationFormBody>,
) -> ApiResult<Response> {
    let form = OrganisationForm::from(form);
    let slug = app
        .create_organisation(&api.actor, &form)
        .await
        .map_err(|e| api.err(e))?;
    organisation_response(&api, &app, slug.as_str(), StatusCode::CREATED).await
}

/// Replaces an organisation's fields (its editors, coordinators, admins).
#[utoipa::path(put, path = "/api/v1/organisations/{slug}", tag = "directory", request_body = crate::web::api::directory::bodies::OrganisationFormBody,
    responses((status = 200, body = OrganisationDetailJson), (status = 422, description = "Field errors"), (status = 404)))]

pub(crate) async fn update_organisation(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<crate::web::api::directory::bodies::OrganisationFormBody>,
) -> ApiResult<Response> {
    let form = OrganisationForm::from(form);
    let slug = app
        .update_organisation(&api.actor, &slug, &form)
        .await
        .map_err(|e| api.err(e))?;
    organisation_response(&api, &app, slug.as_str(), StatusCode::OK).await
}

/// Writes a human translation of the description.
#[utoipa::path(put, path = "/api/v1/organisations/{slug}/translations", tag = "directory", request_body = crate::web::api::directory::bodies::TranslationFormBody,
    responses((status = 200, body = OrganisationDetailJson), (status = 422, description = "Field errors")))]

pub(crate) async fn put_translation(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<crate::web::api::directory::bodies::TranslationFormBody>,
) -> ApiResult<Response> {
    let form = TranslationForm::from(form);
    app.translate_organisation(&api.actor, &slug, &form)
        .await
        .map_err(|e| api.err(e))?;
    organisation_response(&api, &app, &slug, StatusCode::OK).await
}

/// Deletes an organisation with its people (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/organisations/{slug}", tag = "directory", responses((status = 204), (status = 404)))]
pub(crate) async fn delete_organisation(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<StatusCode> {
    app.delete_organisation(&api.actor, &slug)
        .await
        .map_err(|e| api.err(e))?;
    Ok(StatusCode::NO_CONTENT)
}
