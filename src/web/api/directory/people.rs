//! People in the API.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::App;
use crate::app::{PeopleFilter, PersonRow, split_list};
use crate::domain::directory::PersonForm;

use super::*;
use crate::web::api::{ApiCtx, ApiJson, ApiQuery, Path};

/// A person. `email` appears only for members.
#[derive(Serialize, ToSchema)]
pub(crate) struct PersonJson {
    /// URL name.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Role or title.
    pub role: Option<String>,
    /// Organisation slug.
    pub organisation: String,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Theme keys.
    pub themes: Vec<String>,
    /// E-mail address (members only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

pub(crate) fn person_json(p: &PersonRow) -> PersonJson {
    PersonJson {
        slug: p.slug.clone(),
        name: p.name.clone(),
        role: p.role_title.clone(),
        organisation: p.organisation_slug.clone(),
        languages: split_list(&p.languages),
        themes: split_list(&p.themes),
        email: p.email.clone(),
    }
}

/// Paging and search of the people list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub(crate) struct PeopleQuery {
    /// Part of the name.
    q: Option<String>,
    /// Organisation slug.
    organisation: Option<String>,
    /// City slug of the organisation.
    city: Option<String>,
    /// A language the person speaks.
    language: Option<String>,
    /// Page size, 1–200.
    limit: Option<i64>,
    /// Items to skip.
    offset: Option<i64>,
}

/// Lists people.
#[utoipa::path(get, path = "/api/v1/people", params(PeopleQuery), tag = "directory", responses((status = 200, body = PageJson<PersonJson>)))]
pub(crate) async fn list_people(
    api: ApiCtx,
    State(app): State<App>,
    ApiQuery(q): ApiQuery<PeopleQuery>,
) -> ApiResult<Json<PageJson<PersonJson>>> {
    let filter = PeopleFilter {
        organisation: q.organisation,
        city: q.city,
        language: q.language,
        q: q.q.filter(|s| !s.trim().is_empty()),
    };
    let page = app
        .people(&api.actor, &filter, q.limit, q.offset)
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(PageJson::of(&page, person_json)))
}

/// Gets a person.
#[utoipa::path(get, path = "/api/v1/people/{slug}", tag = "directory", responses((status = 200, body = PersonJson), (status = 404)))]
pub(crate) async fn get_person(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<Json<PersonJson>> {
    let p = app
        .person(&api.actor, &slug)
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(person_json(&p.row)))
}

/// Adds a person (editors of the organisation, coordinators, admins).
#[utoipa::path(post, path = "/api/v1/people", tag = "directory", request_body = crate::web::api::directory::bodies::PersonFormBody,
    responses((status = 201, body = PersonJson), (status = 422, description = "Field errors")))]

pub(crate) async fn create_person(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<crate::web::api::directory::bodies::PersonFormBody>,
) -> ApiResult<Response> {
    let form = PersonForm::from(form);
    let slug = app
        .create_person(&api.actor, &form)
        .await
        .map_err(|e| api.err(e))?;
    let p = app
        .person(&api.actor, slug.as_str())
        .await
        .map_err(|e| api.err(e))?;
    Ok((StatusCode::CREATED, Json(person_json(&p.row))).into_response())
}

/// Replaces a person's fields.
#[utoipa::path(put, path = "/api/v1/people/{slug}", tag = "directory", request_body = crate::web::api::directory::bodies::PersonFormBody,
    responses((status = 200, body = PersonJson), (status = 422, description = "Field errors")))]

pub(crate) async fn update_person(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<crate::web::api::directory::bodies::PersonFormBody>,
) -> ApiResult<Json<PersonJson>> {
    let form = PersonForm::from(form);
    let slug = app
        .update_person(&api.actor, &slug, &form)
        .await
        .map_err(|e| api.err(e))?;
    let p = app
        .person(&api.actor, slug.as_str())
        .await
        .map_err(|e| api.err(e))?;
    Ok(Json(person_json(&p.row)))
}

/// Removes a person.
#[utoipa::path(delete, path = "/api/v1/people/{slug}", tag = "directory", responses((status = 204), (status = 404)))]
pub(crate) async fn delete_person(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<StatusCode> {
    app.delete_person(&api.actor, &slug)
        .await
        .map_err(|e| api.err(e))?;
    Ok(StatusCode::NO_CONTENT)
}
