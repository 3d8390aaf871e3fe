//! Countries and cities: lists and pages linking to their organisations.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;

use crate::app::App;

use super::{HtmlResult, OrPage, city_name, country_name};
use crate::web::Ctx;

/// Routes of the place pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/countries", get(countries))
        .route("/countries/{code}", get(country))
        .route("/cities", get(cities))
        .route("/cities/{slug}", get(city))
}

/// A place in a list: link target, name, and a count or country.
struct PlaceItem {
    href: String,
    name: String,
    detail: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "places/list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    items: Vec<PlaceItem>,
}

async fn countries(ctx: Ctx, State(app): State<App>) -> HtmlResult<ListPage> {
    let rows = app.countries().await.or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let items = rows
        .iter()
        .map(|c| PlaceItem {
            href: ctx.href(&format!("/countries/{}", c.code)),
            name: country_name(c, ctx.locale).to_owned(),
            detail: ctx.t1(
                "count-cities",
                "count",
                &cities
                    .iter()
                    .filter(|x| x.country == c.code)
                    .count()
                    .to_string(),
            ),
        })
        .collect();
    Ok(ListPage {
        title: ctx.t("nav-countries"),
        items,
        ctx,
    })
}

async fn cities(ctx: Ctx, State(app): State<App>) -> HtmlResult<ListPage> {
    let rows = app.cities(None).await.or_page(&ctx)?;
    let items = rows
        .iter()
        .map(|c| PlaceItem {
            href: ctx.href(&format!("/cities/{}", c.slug)),
            name: city_name(c, ctx.locale).to_owned(),
            detail: ctx.t1("count-organisations", "count", &c.organisations.to_string()),
        })
        .collect();
    Ok(ListPage {
        title: ctx.t("nav-cities"),
        items,
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "places/country.html")]
struct CountryPage {
    ctx: Ctx,
    name: String,
    code: String,
    cities: Vec<PlaceItem>,
}

async fn country(
    ctx: Ctx,
    State(app): State<App>,
    Path(code): Path<String>,
) -> HtmlResult<CountryPage> {
    let (country, cities) = app.country(&code).await.or_page(&ctx)?;
    let cities = cities
        .iter()
        .map(|c| PlaceItem {
            href: ctx.href(&format!("/cities/{}", c.slug)),
            name: city_name(c, ctx.locale).to_owned(),
            detail: ctx.t1("count-organisations", "count", &c.organisations.to_string()),
        })
        .collect();
    Ok(CountryPage {
        name: country_name(&country, ctx.locale).to_owned(),
        code: country.code.clone(),
        cities,
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "places/city.html")]
struct CityPage {
    ctx: Ctx,
    name: String,
    own_name: String,
    country_code: String,
    country: String,
    coordinates: Option<String>,
    organisations: Vec<PlaceItem>,
}

async fn city(ctx: Ctx, State(app): State<App>, Path(slug): Path<String>) -> HtmlResult<CityPage> {
    let (city, country, orgs) = app.city(&slug).await.or_page(&ctx)?;
    let organisations = orgs
        .iter()
        .map(|o| PlaceItem {
            href: ctx.href(&format!("/organisations/{}", o.slug)),
            name: o.name.clone(),
            detail: ctx.t(&format!("kind-{}", o.kind)),
        })
        .collect();
    Ok(CityPage {
        name: city_name(&city, ctx.locale).to_owned(),
        own_name: city.name.clone(),
        country_code: country.code.clone(),
        country: country_name(&country, ctx.locale).to_owned(),
        coordinates: city
            .lat
            .zip(city.lon)
            .map(|(lat, lon)| format!("{lat:.4}, {lon:.4}")),
        organisations,
        ctx,
    })
}
