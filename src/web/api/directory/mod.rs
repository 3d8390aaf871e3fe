//! Directory endpoints: organisations, people, cities and countries.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::{App, Organisation};
use crate::domain::Circle;
use crate::domain::directory::{
    CityForm, CountryForm, OrgKind, OrganisationForm, PersonForm, TranslationForm,
};
use crate::storage::{
    CityRow, CountryRow, OrgFilter, OrganisationRow, PeopleFilter, PersonRow, split_list,
};

use crate::web::ApiError;
use crate::web::api::{ApiCtx, ApiJson, ApiQuery, Path};

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

/// An organisation in lists.
#[derive(Serialize, ToSchema)]
pub struct OrganisationJson {
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
pub struct TextJson {
    /// Language.
    pub lang: String,
    /// Markdown.
    pub description: String,
    /// `original`, `human`, `machine` or `outdated`.
    pub status: String,
}

/// An organisation with its descriptions and people.
#[derive(Serialize, ToSchema)]
pub struct OrganisationDetailJson {
    /// The record.
    #[serde(flatten)]
    pub organisation: OrganisationJson,
    /// Every language version of the description.
    pub descriptions: Vec<TextJson>,
    /// Its people.
    pub people: Vec<PersonJson>,
}

/// A person. `email` appears only for members.
#[derive(Serialize, ToSchema)]
pub struct PersonJson {
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

fn org_json(o: &OrganisationRow) -> OrganisationJson {
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

fn detail_json(o: Organisation) -> OrganisationDetailJson {
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

fn person_json(p: &PersonRow) -> PersonJson {
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

/// Filters and paging of the organisation list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct OrgQuery {
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
async fn list_organisations(
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
async fn get_organisation(
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

async fn organisation_response(
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
#[utoipa::path(post, path = "/api/v1/organisations", tag = "directory", request_body = OrganisationForm,
    responses((status = 201, body = OrganisationDetailJson), (status = 422, description = "Field errors"), (status = 401), (status = 403)))]
async fn create_organisation(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<OrganisationForm>,
) -> ApiResult<Response> {
    let slug = app
        .create_organisation(&api.actor, &form)
        .await
        .map_err(|e| api.err(e))?;
    organisation_response(&api, &app, slug.as_str(), StatusCode::CREATED).await
}

/// Replaces an organisation's fields (its editors, coordinators, admins).
#[utoipa::path(put, path = "/api/v1/organisations/{slug}", tag = "directory", request_body = OrganisationForm,
    responses((status = 200, body = OrganisationDetailJson), (status = 422, description = "Field errors"), (status = 404)))]
async fn update_organisation(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<OrganisationForm>,
) -> ApiResult<Response> {
    let slug = app
        .update_organisation(&api.actor, &slug, &form)
        .await
        .map_err(|e| api.err(e))?;
    organisation_response(&api, &app, slug.as_str(), StatusCode::OK).await
}

/// Writes a human translation of the description.
#[utoipa::path(put, path = "/api/v1/organisations/{slug}/translations", tag = "directory", request_body = TranslationForm,
    responses((status = 200, body = OrganisationDetailJson), (status = 422, description = "Field errors")))]
async fn put_translation(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<TranslationForm>,
) -> ApiResult<Response> {
    app.translate_organisation(&api.actor, &slug, &form)
        .await
        .map_err(|e| api.err(e))?;
    organisation_response(&api, &app, &slug, StatusCode::OK).await
}

/// Deletes an organisation with its people (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/organisations/{slug}", tag = "directory", responses((status = 204), (status = 404)))]
async fn delete_organisation(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<StatusCode> {
    app.delete_organisation(&api.actor, &slug)
        .await
        .map_err(|e| api.err(e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Paging and search of the people list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct PeopleQuery {
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
async fn list_people(
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
async fn get_person(
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
#[utoipa::path(post, path = "/api/v1/people", tag = "directory", request_body = PersonForm,
    responses((status = 201, body = PersonJson), (status = 422, description = "Field errors")))]
async fn create_person(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<PersonForm>,
) -> ApiResult<Response> {
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
#[utoipa::path(put, path = "/api/v1/people/{slug}", tag = "directory", request_body = PersonForm,
    responses((status = 200, body = PersonJson), (status = 422, description = "Field errors")))]
async fn update_person(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<PersonForm>,
) -> ApiResult<Json<PersonJson>> {
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
async fn delete_person(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> ApiResult<StatusCode> {
    app.delete_person(&api.actor, &slug)
        .await
        .map_err(|e| api.err(e))?;
    Ok(StatusCode::NO_CONTENT)
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
#[utoipa::path(post, path = "/api/v1/cities", tag = "directory", request_body = CityForm,
    responses((status = 201, body = CityJson), (status = 422, description = "Field errors")))]
async fn create_city(
    api: ApiCtx,
    State(app): State<App>,
    ApiJson(form): ApiJson<CityForm>,
) -> ApiResult<Response> {
    let slug = app
        .create_city(&api.actor, &form)
        .await
        .map_err(|e| api.err(e))?;
    let (city, _, _) = app.city(slug.as_str()).await.map_err(|e| api.err(e))?;
    Ok((StatusCode::CREATED, Json(city_json(&city))).into_response())
}

/// Changes a city (coordinators and admins).
#[utoipa::path(put, path = "/api/v1/cities/{slug}", tag = "directory", request_body = CityForm,
    responses((status = 200, body = CityJson), (status = 422, description = "Field errors"), (status = 404)))]
async fn update_city(
    api: ApiCtx,
    State(app): State<App>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<CityForm>,
) -> ApiResult<Json<CityJson>> {
    let slug = app
        .update_city(&api.actor, &slug, &form)
        .await
        .map_err(|e| api.err(e))?;
    let (city, _, _) = app.city(slug.as_str()).await.map_err(|e| api.err(e))?;
    Ok(Json(city_json(&city)))
}

/// Adds or renames a country (coordinators and admins); the code comes from the path.
#[utoipa::path(put, path = "/api/v1/countries/{code}", tag = "directory", request_body = CountryForm,
    responses((status = 200, body = CountryJson), (status = 422, description = "Field errors")))]
async fn put_country(
    api: ApiCtx,
    State(app): State<App>,
    Path(code): Path<String>,
    ApiJson(form): ApiJson<CountryForm>,
) -> ApiResult<Json<CountryJson>> {
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

/// A theme with its labels.
#[derive(Serialize, ToSchema)]
pub struct ThemeJson {
    /// Key.
    pub key: String,
    /// language → label.
    pub labels: std::collections::BTreeMap<String, String>,
}

/// Lists the theme taxonomy.
#[utoipa::path(get, path = "/api/v1/themes", tag = "directory", responses((status = 200, body = Vec<ThemeJson>)))]
async fn list_themes(api: ApiCtx, State(app): State<App>) -> ApiResult<Json<Vec<ThemeJson>>> {
    let themes = app.themes().await.map_err(|e| api.err(e))?;
    Ok(Json(
        themes
            .into_iter()
            .map(|t| ThemeJson {
                key: t.key,
                labels: [("de", t.label_de), ("fr", t.label_fr), ("en", t.label_en)]
                    .into_iter()
                    .map(|(l, n)| (l.to_owned(), n))
                    .collect(),
            })
            .collect(),
    ))
}

/// Adds or renames a theme (coordinators and admins); the key comes from the path.
#[utoipa::path(put, path = "/api/v1/themes/{key}", tag = "directory", request_body = crate::domain::directory::ThemeForm,
    responses((status = 204), (status = 422, description = "Field errors")))]
async fn put_theme(
    api: ApiCtx,
    State(app): State<App>,
    Path(key): Path<String>,
    ApiJson(form): ApiJson<crate::domain::directory::ThemeForm>,
) -> ApiResult<StatusCode> {
    app.put_theme(
        &api.actor,
        &crate::domain::directory::ThemeForm { key, ..form },
    )
    .await
    .map_err(|e| api.err(e))?;
    Ok(StatusCode::NO_CONTENT)
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
