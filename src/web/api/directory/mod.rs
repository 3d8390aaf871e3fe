//! Directory endpoints: organisations, people, cities and countries.

pub(crate) mod bodies;
mod organisations;
mod people;

pub(crate) use organisations::*;
pub(crate) use people::*;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::App;
use crate::app::{CityRow, CountryRow};
use crate::domain::directory::terms::split_synonyms;
use crate::domain::directory::{CityForm, CountryForm, Taxonomy, TermForm};
use crate::web::api::directory::bodies::TermFormBody;

use crate::web::ApiError;
use crate::web::api::{ApiCtx, ApiJson, Path};

/// Directory routes.
pub fn router() -> Router<App> {
    Router::new()
        .route(
            "/organisations",
            get(list_organisations).post(create_organisation),
        )
        .route(
            "/organisations/{slug}",
            get(get_organisation)
                .put(update_organisation)
                .delete(delete_organisation),
        )
        .route(
            "/organisations/{slug}/translations",
            axum::routing::put(put_translation),
        )
        .route("/people", get(list_people).post(create_person))
        .route(
            "/people/{slug}",
            get(get_person).put(update_person).delete(delete_person),
        )
        .route("/cities", get(list_cities).post(create_city))
        .route(
            "/cities/{slug}",
            get(get_city).put(update_city).delete(delete_city),
        )
        .route("/themes", get(list_themes))
        .route("/themes/{key}", axum::routing::put(put_theme))
        .route("/target-groups", get(list_target_groups))
        .route("/target-groups/{key}", axum::routing::put(put_target_group))
        .route("/countries", get(list_countries))
        .route(
            "/countries/{code}",
            get(get_country).put(put_country).delete(delete_country),
        )
}

type ApiResult<T> = Result<T, ApiError>;

/// A page of results.
#[derive(Serialize, ToSchema)]
pub struct PageJson<T> {
    /// How many match in all.
    pub total: i64,
    /// Page size.
    pub limit: i64,
    /// Items skipped.
    pub offset: i64,
    /// This page.
    pub items: Vec<T>,
}

/// A city.
#[derive(Serialize, ToSchema)]
pub struct CityJson {
    /// URL name.
    pub slug: String,
    /// Country code.
    pub country: String,
    /// Own name.
    pub name: String,
    /// Names per language.
    pub names: std::collections::BTreeMap<String, String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Number of organisations.
    pub organisations: i64,
}

/// A country.
#[derive(Serialize, ToSchema)]
pub struct CountryJson {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Names per language.
    pub names: std::collections::BTreeMap<String, String>,
}

pub(super) fn rfc3339(ts: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(ts)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

fn city_json(c: &CityRow) -> CityJson {
    let names = [("de", &c.name_de), ("fr", &c.name_fr), ("en", &c.name_en)]
        .into_iter()
        .filter_map(|(l, n)| n.clone().map(|n| (l.to_owned(), n)))
        .collect();
    CityJson {
        slug: c.slug.clone(),
        country: c.country.clone(),
        name: c.name.clone(),
        names,
        lat: c.lat,
        lon: c.lon,
        organisations: c.organisations,
    }
}

fn country_json(c: &CountryRow) -> CountryJson {
    let names = [("de", &c.name_de), ("fr", &c.name_fr), ("en", &c.name_en)]
        .into_iter()
        .map(|(l, n)| (l.to_owned(), n.clone()))
        .collect();
    CountryJson {
        code: c.code.clone(),
        names,
    }
}

/// Lists cities.
#[utoipa::path(get, path = "/api/v1/cities", tag = "directory", responses((status = 200, body = Vec<CityJson>)))]
async fn list_cities(api: ApiCtx, State(app): State<App>) -> ApiResult<Json<Vec<CityJson>>> {
    let cities = app.cities(None).await.map_err(|e| api.err(e))?;
    Ok(Json(cities.iter().map(city_json).collect()))
}

/// Gets a city.
#[utoipa::path(get, path = "/api/v1/cities/{slug}", tag = "directory", responses((status = 200, body = CityJson), (status = 404)))]
async fn get_city(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<Json<CityJson>> {
    let (city, _, _) = app.city(&slug).await.map_err(|e| api.err(e))?;
    Ok(Json(city_json(&city)))
}

/// Adds a city (coordinators and admins).
#[utoipa::path(post, path = "/api/v1/cities", tag = "directory", request_body = crate::web::api::directory::bodies::CityFormBody,
    responses((status = 201, body = CityJson), (status = 422, description = "Field errors")))]

async fn create_city(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<crate::web::api::directory::bodies::CityFormBody>,
) -> ApiResult<Response> {
    let form = CityForm::from(form);
    let slug = app
        .create_city(&api.actor, &form)
        .await
        .map_err(|e| api.err(e))?;
    let (city, _, _) = app.city(slug.as_str()).await.map_err(|e| api.err(e))?;
    Ok((StatusCode::CREATED, Json(city_json(&city))).into_response())
}

/// Changes a city (coordinators and admins).
#[utoipa::path(put, path = "/api/v1/cities/{slug}", tag = "directory", request_body = crate::web::api::directory::bodies::CityFormBody,
    responses((status = 200, body = CityJson), (status = 422, description = "Field errors"), (status = 404)))]

async fn update_city(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<crate::web::api::directory::bodies::CityFormBody>,
) -> ApiResult<Json<CityJson>> {
    let form = CityForm::from(form);
    let slug = app
        .update_city(&api.actor, &slug, &form)
        .await
        .map_err(|e| api.err(e))?;
    let (city, _, _) = app.city(slug.as_str()).await.map_err(|e| api.err(e))?;
    Ok(Json(city_json(&city)))
}

/// Adds or renames a country (coordinators and admins); the code comes from the path.
#[utoipa::path(put, path = "/api/v1/countries/{code}", tag = "directory", request_body = crate::web::api::directory::bodies::CountryFormBody,
    responses((status = 200, body = CountryJson), (status = 422, description = "Field errors")))]

async fn put_country(
    api: ApiCtx,
    State(app): State<App>,
    Path(code): Path<String>,
    ApiJson(form): ApiJson<crate::web::api::directory::bodies::CountryFormBody>,
) -> ApiResult<Json<CountryJson>> {
    let form = CountryForm::from(form);
    let form = CountryForm { code, ..form };
    let code = app
        .put_country(&api.actor, &form)
        .await
        .map_err(|e| api.err(e))?;
    let (country, _) = app.country(&code).await.map_err(|e| api.err(e))?;
    Ok(Json(country_json(&country)))
}

/// Deletes a city without organisations (coordinators and admins); 409 while it has some.
#[utoipa::path(delete, path = "/api/v1/cities/{slug}", tag = "directory", responses((status = 204), (status = 404), (status = 409)))]
async fn delete_city(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<StatusCode> {
    app.delete_city(&api.actor, &slug)
        .await
        .map_err(|e| api.err(e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes a country without cities (coordinators and admins); 409 while it has some.
#[utoipa::path(delete, path = "/api/v1/countries/{code}", tag = "directory", responses((status = 204), (status = 404), (status = 409)))]
async fn delete_country(
    api: ApiCtx,
    State(app): State<App>,
    Path(code): Path<String>,
) -> ApiResult<StatusCode> {
    app.delete_country(&api.actor, &code)
        .await
        .map_err(|e| api.err(e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// A term of a taxonomy (a theme or a target group) with its labels.
#[derive(Serialize, ToSchema)]
pub struct TermJson {
    /// Key.
    pub key: String,
    /// language → label.
    pub labels: std::collections::BTreeMap<String, String>,
    /// Other names, in any language.
    pub synonyms: Vec<String>,
}

async fn list_terms(api: &ApiCtx, app: &App, taxonomy: Taxonomy) -> ApiResult<Json<Vec<TermJson>>> {
    let terms = app.terms(taxonomy).await.map_err(|e| api.err(e))?;
    Ok(Json(
        terms
            .into_iter()
            .map(|t| TermJson {
                synonyms: split_synonyms(&t.synonyms)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                key: t.key,
                labels: [("de", t.label_de), ("fr", t.label_fr), ("en", t.label_en)]
                    .into_iter()
                    .map(|(l, n)| (l.to_owned(), n))
                    .collect(),
            })
            .collect(),
    ))
}

async fn put_term(
    api: &ApiCtx,
    app: &App,
    taxonomy: Taxonomy,
    key: String,
    form: TermFormBody,
) -> ApiResult<StatusCode> {
    let form = TermForm::from(form);
    app.put_term(&api.actor, taxonomy, &TermForm { key, ..form })
        .await
        .map_err(|e| api.err(e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lists the theme taxonomy.
#[utoipa::path(get, path = "/api/v1/themes", tag = "directory", responses((status = 200, body = Vec<TermJson>)))]
async fn list_themes(api: ApiCtx, State(app): State<App>) -> ApiResult<Json<Vec<TermJson>>> {
    list_terms(&api, &app, Taxonomy::Themes).await
}

/// Adds or renames a theme (coordinators and admins); the key comes from the path.
#[utoipa::path(put, path = "/api/v1/themes/{key}", tag = "directory", request_body = TermFormBody,
    responses((status = 204), (status = 422, description = "Field errors")))]
async fn put_theme(
    api: ApiCtx,
    State(app): State<App>,
    Path(key): Path<String>,
    ApiJson(form): ApiJson<TermFormBody>,
) -> ApiResult<StatusCode> {
    put_term(&api, &app, Taxonomy::Themes, key, form).await
}

/// Lists the target group taxonomy.
#[utoipa::path(get, path = "/api/v1/target-groups", tag = "directory", responses((status = 200, body = Vec<TermJson>)))]
async fn list_target_groups(api: ApiCtx, State(app): State<App>) -> ApiResult<Json<Vec<TermJson>>> {
    list_terms(&api, &app, Taxonomy::TargetGroups).await
}

/// Adds or renames a target group (coordinators and admins); the key comes from the path.
#[utoipa::path(put, path = "/api/v1/target-groups/{key}", tag = "directory", request_body = TermFormBody,
    responses((status = 204), (status = 422, description = "Field errors")))]
async fn put_target_group(
    api: ApiCtx,
    State(app): State<App>,
    Path(key): Path<String>,
    ApiJson(form): ApiJson<TermFormBody>,
) -> ApiResult<StatusCode> {
    put_term(&api, &app, Taxonomy::TargetGroups, key, form).await
}

/// Lists countries.
#[utoipa::path(get, path = "/api/v1/countries", tag = "directory", responses((status = 200, body = Vec<CountryJson>)))]
async fn list_countries(api: ApiCtx, State(app): State<App>) -> ApiResult<Json<Vec<CountryJson>>> {
    let countries = app.countries().await.map_err(|e| api.err(e))?;
    Ok(Json(countries.iter().map(country_json).collect()))
}

/// Gets a country.
#[utoipa::path(get, path = "/api/v1/countries/{code}", tag = "directory", responses((status = 200, body = CountryJson), (status = 404)))]
async fn get_country(
    api: ApiCtx,
    State(app): State<App>,
    Path(code): Path<String>,
) -> ApiResult<Json<CountryJson>> {
    let (country, _) = app.country(&code).await.map_err(|e| api.err(e))?;
    Ok(Json(country_json(&country)))
}

impl<T> PageJson<T> {
    /// A page of use-case results, each item turned into its JSON shape.
    pub fn of<R>(page: &crate::app::Page<R>, to_json: impl Fn(&R) -> T) -> Self {
        PageJson {
            total: page.total,
            limit: page.limit,
            offset: page.offset,
            items: page.items.iter().map(to_json).collect(),
        }
    }
}
