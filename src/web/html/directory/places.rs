//! Countries and cities: lists and pages linking to their organisations.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::app::{App, Error};
use crate::domain::directory::{CityForm, CountryForm, Taxonomy};
use crate::domain::{Action, FieldErrors};

use crate::web::CsrfForm;
use crate::web::Ctx;
use crate::web::html::{Choice, Errors, HtmlResult, OrPage, city_name, country_name, done};

/// Routes of the place pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/countries", get(countries).post(create_country))
        .route("/countries/new", get(new_country))
        .route("/countries/{code}", get(country).post(update_country))
        .route("/countries/{code}/edit", get(edit_country))
        .route(
            "/countries/{code}/delete",
            axum::routing::post(delete_country),
        )
        .route("/themes", get(themes).post(put_theme))
        .route("/target-groups", get(target_groups).post(put_target_group))
        .route("/cities", get(cities).post(create_city))
        .route("/cities/new", get(new_city))
        .route("/cities/{slug}", get(city).post(update_city))
        .route("/cities/{slug}/edit", get(edit_city))
        .route("/cities/{slug}/delete", axum::routing::post(delete_city))
}

/// A place in a list: link target, name, and a count or country.
struct PlaceItem {
    href: String,
    name: String,
    detail: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/places/list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    items: Vec<PlaceItem>,
    new_href: Option<String>,
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
        new_href: ctx
            .can(Action::EditPlaces)
            .then(|| ctx.href("/countries/new")),
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
        new_href: ctx.can(Action::EditPlaces).then(|| ctx.href("/cities/new")),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/places/country.html")]
struct CountryPage {
    ctx: Ctx,
    can_edit: bool,
    /// Whether deleting it is possible now (no cities).
    deletable: bool,
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
    let cities: Vec<PlaceItem> = cities
        .iter()
        .map(|c| PlaceItem {
            href: ctx.href(&format!("/cities/{}", c.slug)),
            name: city_name(c, ctx.locale).to_owned(),
            detail: ctx.t1("count-organisations", "count", &c.organisations.to_string()),
        })
        .collect();
    Ok(CountryPage {
        can_edit: ctx.can(Action::EditPlaces),
        deletable: cities.is_empty(),
        name: country_name(&country, ctx.locale).to_owned(),
        code: country.code.clone(),
        cities,
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/places/city.html")]
struct CityPage {
    ctx: Ctx,
    can_edit: bool,
    /// Whether deleting it is possible now (nothing in it).
    deletable: bool,
    city_slug: String,
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
        can_edit: ctx.can(Action::EditPlaces),
        deletable: city.organisations == 0 && city.in_use == 0,
        city_slug: city.slug.clone(),
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

#[derive(Template, WebTemplate)]
#[template(path = "directory/places/city_form.html")]
struct CityFormPage {
    ctx: Ctx,
    form: CityForm,
    errors: Errors,
    action: String,
    is_new: bool,
    countries: Vec<Choice>,
}

async fn city_page(
    ctx: Ctx,
    app: &App,
    form: CityForm,
    errors: &FieldErrors,
    slug: Option<&str>,
) -> HtmlResult<Response> {
    ctx.require(Action::EditPlaces)?;
    let countries = app.countries().await.or_page(&ctx)?;
    let status = crate::web::html::form_status(errors);
    let page = CityFormPage {
        errors: ctx.errors(errors),
        action: match slug {
            Some(s) => ctx.link("/cities/", s, ""),
            None => ctx.href("/cities"),
        },
        is_new: slug.is_none(),
        countries: countries
            .iter()
            .map(|c| Choice {
                value: c.code.clone(),
                label: country_name(c, ctx.locale).to_owned(),
                selected: c.code == form.country,
            })
            .collect(),
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn new_city(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    city_page(ctx, &app, CityForm::default(), &FieldErrors::new(), None).await
}

async fn create_city(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<CityForm>,
) -> HtmlResult<Response> {
    match app.create_city(&ctx.actor(), &form).await {
        Ok(slug) => Ok(done(&ctx, &format!("/cities/{slug}"), "created")),
        Err(Error::Invalid(errors)) => city_page(ctx, &app, form, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn edit_city(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> HtmlResult<Response> {
    let form = app.city_form(&ctx.actor(), &slug).await.or_page(&ctx)?;
    city_page(ctx, &app, form, &FieldErrors::new(), Some(&slug)).await
}

async fn update_city(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<CityForm>,
) -> HtmlResult<Response> {
    match app.update_city(&ctx.actor(), &slug, &form).await {
        Ok(new_slug) => Ok(done(&ctx, &format!("/cities/{new_slug}"), "saved")),
        Err(Error::Invalid(errors)) => city_page(ctx, &app, form, &errors, Some(&slug)).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/places/country_form.html")]
struct CountryFormPage {
    ctx: Ctx,
    form: CountryForm,
    errors: Errors,
    action: String,
    is_new: bool,
}

fn country_page(
    ctx: Ctx,
    form: CountryForm,
    errors: &FieldErrors,
    code: Option<&str>,
) -> HtmlResult<Response> {
    ctx.require(Action::EditPlaces)?;
    let status = crate::web::html::form_status(errors);
    let page = CountryFormPage {
        errors: ctx.errors(errors),
        action: match code {
            Some(c) => ctx.link("/countries/", c, ""),
            None => ctx.href("/countries"),
        },
        is_new: code.is_none(),
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn new_country(ctx: Ctx) -> HtmlResult<Response> {
    country_page(ctx, CountryForm::default(), &FieldErrors::new(), None)
}

async fn create_country(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<CountryForm>,
) -> HtmlResult<Response> {
    match app.put_country(&ctx.actor(), &form).await {
        Ok(code) => Ok(done(&ctx, &format!("/countries/{code}"), "saved")),
        Err(Error::Invalid(errors)) => country_page(ctx, form, &errors, None),
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn edit_country(
    ctx: Ctx,
    State(app): State<App>,
    Path(code): Path<String>,
) -> HtmlResult<Response> {
    let form = app.country_form(&ctx.actor(), &code).await.or_page(&ctx)?;
    country_page(ctx, form, &FieldErrors::new(), Some(&code))
}

/// The code in the address wins over the form: a country is renamed, never re-coded.
async fn update_country(
    ctx: Ctx,
    State(app): State<App>,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<CountryForm>,
) -> HtmlResult<Response> {
    app.country_form(&ctx.actor(), &code).await.or_page(&ctx)?;
    let form = CountryForm {
        code: code.to_ascii_uppercase(),
        ..form
    };
    match app.put_country(&ctx.actor(), &form).await {
        Ok(code) => Ok(done(&ctx, &format!("/countries/{code}"), "saved")),
        Err(Error::Invalid(errors)) => country_page(ctx, form, &errors, Some(&code)),
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn delete_city(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.delete_city(&ctx.actor(), &slug).await.or_page(&ctx)?;
    Ok(done(&ctx, "/cities", "deleted"))
}

async fn delete_country(
    ctx: Ctx,
    State(app): State<App>,
    Path(code): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.delete_country(&ctx.actor(), &code)
        .await
        .or_page(&ctx)?;
    Ok(done(&ctx, "/countries", "deleted"))
}

/// A term as the taxonomy page lists it.
struct TermItem {
    key: String,
    label: String,
    labels: [String; 3],
    synonyms: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/places/themes.html")]
struct TermsPage {
    ctx: Ctx,
    /// Title, introduction, table caption, form heading, form introduction.
    texts: [String; 5],
    /// The page's address (`/themes`) and the practice filter it links to (`theme`).
    path: &'static str,
    filter: &'static str,
    terms: Vec<TermItem>,
    can_edit: bool,
    form: crate::domain::directory::TermForm,
    errors: Errors,
    notice: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct DoneQuery {
    done: Option<String>,
    /// The key of a term whose form to fill in (taxonomy pages).
    edit: Option<String>,
}

async fn terms_page(
    ctx: Ctx,
    app: &App,
    taxonomy: Taxonomy,
    form: crate::domain::directory::TermForm,
    errors: &FieldErrors,
    done: Option<&str>,
) -> HtmlResult<Response> {
    let rows = app.terms(taxonomy).await.or_page(&ctx)?;
    let terms = rows
        .iter()
        .map(|t| TermItem {
            key: t.key.clone(),
            label: crate::web::html::term_label(t, ctx.locale).to_owned(),
            labels: [t.label_de.clone(), t.label_fr.clone(), t.label_en.clone()],
            synonyms: t.synonyms.clone(),
        })
        .collect();
    let (texts, path, filter) = match taxonomy {
        Taxonomy::Themes => (
            [
                ctx.t("themes-title"),
                ctx.t("themes-intro"),
                ctx.t("themes-caption"),
                ctx.t("themes-add"),
                ctx.t("themes-add-intro"),
            ],
            "/themes",
            "theme",
        ),
        Taxonomy::TargetGroups => (
            [
                ctx.t("target-groups-title"),
                ctx.t("target-groups-intro"),
                ctx.t("target-groups-caption"),
                ctx.t("target-groups-add"),
                ctx.t("target-groups-add-intro"),
            ],
            "/target-groups",
            "target_group",
        ),
    };
    let page = TermsPage {
        texts,
        path,
        filter,
        terms,
        can_edit: ctx.can(Action::EditTaxonomy),
        form,
        errors: ctx.errors(errors),
        notice: crate::web::html::notice(&ctx, done),
        ctx,
    };
    Ok((crate::web::html::form_status(errors), page).into_response())
}

async fn show_terms(ctx: Ctx, app: App, taxonomy: Taxonomy, q: DoneQuery) -> HtmlResult<Response> {
    // "Change" fills the form with the term as it is, other names included.
    let form = match q.edit {
        Some(key) => app
            .terms(taxonomy)
            .await
            .or_page(&ctx)?
            .into_iter()
            .find(|t| t.key == key)
            .map(|t| crate::domain::directory::TermForm {
                key: t.key,
                label_de: t.label_de,
                label_fr: t.label_fr,
                label_en: t.label_en,
                synonyms: t.synonyms,
            })
            .unwrap_or_default(),
        None => Default::default(),
    };
    terms_page(
        ctx,
        &app,
        taxonomy,
        form,
        &FieldErrors::new(),
        q.done.as_deref(),
    )
    .await
}

async fn save_term(
    ctx: Ctx,
    app: App,
    taxonomy: Taxonomy,
    form: crate::domain::directory::TermForm,
) -> HtmlResult<Response> {
    match app.put_term(&ctx.actor(), taxonomy, &form).await {
        Ok(_) => {
            let path = match taxonomy {
                Taxonomy::Themes => "/themes",
                Taxonomy::TargetGroups => "/target-groups",
            };
            Ok(done(&ctx, path, "saved"))
        }
        Err(Error::Invalid(errors)) => terms_page(ctx, &app, taxonomy, form, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn themes(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(q): HtmlQuery<DoneQuery>,
) -> HtmlResult<Response> {
    show_terms(ctx, app, Taxonomy::Themes, q).await
}

async fn put_theme(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<crate::domain::directory::TermForm>,
) -> HtmlResult<Response> {
    save_term(ctx, app, Taxonomy::Themes, form).await
}

async fn target_groups(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(q): HtmlQuery<DoneQuery>,
) -> HtmlResult<Response> {
    show_terms(ctx, app, Taxonomy::TargetGroups, q).await
}

async fn put_target_group(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<crate::domain::directory::TermForm>,
) -> HtmlResult<Response> {
    save_term(ctx, app, Taxonomy::TargetGroups, form).await
}
