//! Organisation pages: the filtered list, the detail page with the description in the reader's
//! language, the create/edit form, translation and deletion.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::app::{App, Error};
use crate::app::{OrgFilter, PersonRow, split_list};
use crate::domain::directory::{OrganisationForm, TranslationForm};
use crate::domain::{Action, Circle, ContentLang, FieldErrors, OrgKind};

use crate::web::html::{
    Choice, Errors, HtmlResult, OrPage, Pager, city_name, country_name, done, language_choices,
    language_labels, markdown, nonempty, notice, term_choices, term_labels,
};
use crate::web::{CsrfForm, Ctx};

/// Routes of the organisation pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/organisations", get(list).post(create))
        .route("/organisations/new", get(new_form))
        .route("/organisations/{slug}", get(show).post(update))
        .route("/organisations/{slug}/edit", get(edit_form))
        .route("/organisations/{slug}/delete", post(delete))
        .route(
            "/organisations/{slug}/translate",
            get(translate_form).post(translate),
        )
}

/// The list's query string.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    city: String,
    country: String,
    kind: String,
    circle: String,
    language: String,
    theme: String,
    q: String,
    page: Option<i64>,
    done: Option<String>,
}

struct OrgItem {
    slug: String,
    name: String,
    kind: String,
    city: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/organisations/list.html")]
struct ListPage {
    ctx: Ctx,
    items: Vec<OrgItem>,
    total: i64,
    pager: Pager,
    q: String,
    cities: Vec<Choice>,
    countries: Vec<Choice>,
    kinds: Vec<Choice>,
    circles: Vec<Choice>,
    languages: Vec<Choice>,
    themes: Vec<Choice>,
    notice: Option<String>,
    can_create: bool,
}

fn select(items: impl Iterator<Item = (String, String)>, current: &str) -> Vec<Choice> {
    items
        .map(|(value, label)| Choice {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

fn kind_choices(ctx: &Ctx, current: &str) -> Vec<Choice> {
    select(
        OrgKind::ALL.iter().map(|k| {
            (
                k.as_str().to_owned(),
                ctx.t(&format!("kind-{}", k.as_str())),
            )
        }),
        current,
    )
}

async fn list(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(q): HtmlQuery<ListQuery>,
) -> HtmlResult<ListPage> {
    let filter = OrgFilter {
        city: nonempty(&q.city),
        country: nonempty(&q.country).map(|c| c.to_ascii_uppercase()),
        kind: nonempty(&q.kind),
        inner_circle: Circle::from_str_opt(&q.circle).map(|c| c == Circle::Inner),
        language: nonempty(&q.language),
        theme: nonempty(&q.theme),
        q: nonempty(&q.q),
    };
    let page = q.page.unwrap_or(1).max(1);
    let limit = crate::app::page_size(None);
    let result = app
        .organisations(
            &filter,
            Some(limit),
            Some(crate::web::html::page_offset(page, limit)),
        )
        .await
        .or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let countries = app.countries().await.or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let items = result
        .items
        .iter()
        .map(|o| OrgItem {
            slug: o.slug.clone(),
            name: o.name.clone(),
            kind: ctx.t(&format!("kind-{}", o.kind)),
            city: crate::web::html::city_name_of(&cities, o.city_id, ctx.locale),
        })
        .collect();
    let query = crate::web::html::query_string(&[
        ("q", q.q.as_str()),
        ("city", q.city.as_str()),
        ("country", q.country.as_str()),
        ("kind", q.kind.as_str()),
        ("circle", q.circle.as_str()),
        ("language", q.language.as_str()),
        ("theme", q.theme.as_str()),
    ]);
    let mut language_options = language_choices(ctx.locale, std::slice::from_ref(&q.language));
    language_options.sort_by(|a, b| a.label.cmp(&b.label));
    Ok(ListPage {
        pager: Pager::new(
            &ctx.href("/organisations"),
            &query,
            result.total,
            limit,
            page,
        ),
        total: result.total,
        items,
        cities: select(
            cities
                .iter()
                .map(|c| (c.slug.clone(), city_name(c, ctx.locale).to_owned())),
            &q.city,
        ),
        countries: select(
            countries
                .iter()
                .map(|c| (c.code.clone(), country_name(c, ctx.locale).to_owned())),
            &q.country.to_ascii_uppercase(),
        ),
        kinds: kind_choices(&ctx, &q.kind),
        circles: select(
            [Circle::Inner, Circle::Extended].iter().map(|c| {
                (
                    c.as_str().to_owned(),
                    ctx.t(&format!("circle-{}", c.as_str())),
                )
            }),
            &q.circle,
        ),
        languages: language_options,
        themes: term_choices(&themes, ctx.locale, std::slice::from_ref(&q.theme)),
        q: q.q.clone(),
        notice: notice(&ctx, q.done.as_deref()),
        can_create: ctx.can(Action::CreateOrganisation),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/organisations/show.html")]
struct ShowPage {
    ctx: Ctx,
    slug: String,
    name: String,
    original_lang: String,
    kind: String,
    circle: String,
    city_slug: String,
    city: String,
    country_code: String,
    country: String,
    website: Option<String>,
    languages: Vec<String>,
    themes: Vec<String>,
    description_html: Option<String>,
    description_lang: String,
    lang_notice: Option<String>,
    translations: Vec<(String, String)>,
    people: Vec<PersonRow>,
    can_edit: bool,
    can_delete: bool,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn show(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    HtmlQuery(q): HtmlQuery<DoneQuery>,
) -> HtmlResult<ShowPage> {
    let org = app
        .organisation(&ctx.actor(), &slug, ctx.lang())
        .await
        .or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let kind = OrgKind::try_from(org.row.kind.as_str()).unwrap_or(OrgKind::Other);
    let lang_notice = org.description.as_ref().filter(|d| d.fallback).map(|d| {
        let original = ctx.t(&format!("language-{}", d.lang));
        ctx.t1("lang-notice-untranslated", "original", &original)
    });
    let translations = org
        .texts
        .iter()
        .map(|t| {
            (
                ctx.t(&format!("language-{}", t.lang)),
                ctx.t(&format!("status-{}", t.status)),
            )
        })
        .collect();
    Ok(ShowPage {
        slug: org.row.slug.clone(),
        name: org.row.name.clone(),
        original_lang: org.row.original_lang.clone(),
        kind: ctx.t(&format!("kind-{}", kind.as_str())),
        circle: ctx.t(&format!("circle-{}", kind.circle().as_str())),
        city_slug: org.city.slug.clone(),
        city: city_name(&org.city, ctx.locale).to_owned(),
        country_code: org.country.code.clone(),
        country: country_name(&org.country, ctx.locale).to_owned(),
        website: org.row.website.clone(),
        languages: language_labels(ctx.locale, &split_list(&org.row.languages)),
        themes: term_labels(&themes, ctx.locale, &split_list(&org.row.themes)),
        description_html: org.description.as_ref().map(|d| markdown(&d.text)),
        description_lang: org
            .description
            .as_ref()
            .map(|d| d.lang.clone())
            .unwrap_or_else(|| ctx.lang().to_owned()),
        lang_notice,
        translations,
        people: org.people,
        can_edit: org.can_edit,
        can_delete: org.can_delete,
        notice: notice(&ctx, q.done.as_deref()),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/organisations/form.html")]
struct FormPage {
    ctx: Ctx,
    form: OrganisationForm,
    errors: Errors,
    action: String,
    is_new: bool,
    cities: Vec<Choice>,
    kinds: Vec<Choice>,
    content_langs: Vec<Choice>,
    languages: Vec<Choice>,
    themes: Vec<Choice>,
}

fn content_lang_choices(ctx: &Ctx, current: &str) -> Vec<Choice> {
    select(
        ContentLang::ALL.iter().map(|l| {
            (
                l.code().to_owned(),
                ctx.t(&format!("language-{}", l.code())),
            )
        }),
        current,
    )
}

async fn form_page(
    ctx: Ctx,
    app: &App,
    form: OrganisationForm,
    errors: &FieldErrors,
    slug: Option<&str>,
) -> Result<Response, Error> {
    let cities = app.cities(None).await?;
    let themes = app.themes().await?;
    let status = crate::web::html::form_status(errors);
    let page = FormPage {
        errors: ctx.errors(errors),
        action: match slug {
            Some(s) => ctx.href(&format!("/organisations/{s}")),
            None => ctx.href("/organisations"),
        },
        is_new: slug.is_none(),
        cities: select(
            cities
                .iter()
                .map(|c| (c.slug.clone(), city_name(c, ctx.locale).to_owned())),
            &form.city,
        ),
        kinds: kind_choices(&ctx, &form.kind),
        content_langs: content_lang_choices(&ctx, &form.lang),
        languages: language_choices(ctx.locale, &form.languages),
        themes: term_choices(&themes, ctx.locale, &form.themes),
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn new_form(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    ctx.require(Action::CreateOrganisation)?;
    let form = OrganisationForm {
        lang: ctx.lang().to_owned(),
        ..Default::default()
    };
    form_page(ctx.clone(), &app, form, &FieldErrors::new(), None)
        .await
        .or_page(&ctx)
}

async fn create(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<OrganisationForm>,
) -> HtmlResult<Response> {
    match app.create_organisation(&ctx.actor(), &form).await {
        Ok(slug) => Ok(done(&ctx, &format!("/organisations/{slug}"), "created")),
        Err(Error::Invalid(errors)) => form_page(ctx.clone(), &app, form, &errors, None)
            .await
            .or_page(&ctx),
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn edit_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> HtmlResult<Response> {
    let form = app
        .organisation_form(&ctx.actor(), &slug)
        .await
        .or_page(&ctx)?;
    form_page(ctx.clone(), &app, form, &FieldErrors::new(), Some(&slug))
        .await
        .or_page(&ctx)
}

async fn update(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<OrganisationForm>,
) -> HtmlResult<Response> {
    match app.update_organisation(&ctx.actor(), &slug, &form).await {
        Ok(new_slug) => Ok(done(&ctx, &format!("/organisations/{new_slug}"), "saved")),
        Err(Error::Invalid(errors)) => form_page(ctx.clone(), &app, form, &errors, Some(&slug))
            .await
            .or_page(&ctx),
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn delete(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.delete_organisation(&ctx.actor(), &slug)
        .await
        .or_page(&ctx)?;
    Ok(done(&ctx, "/organisations", "deleted"))
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/organisations/translate.html")]
struct TranslatePage {
    ctx: Ctx,
    slug: String,
    name: String,
    original_lang: String,
    original_html: String,
    form: TranslationForm,
    langs: Vec<Choice>,
    errors: Errors,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TranslateQuery {
    lang: String,
}

async fn translate_page(
    ctx: Ctx,
    app: &App,
    slug: &str,
    form: TranslationForm,
    errors: &FieldErrors,
) -> Result<Response, Error> {
    let org = app.organisation(&ctx.actor(), slug, &form.lang).await?;
    crate::app::authorize(
        &ctx.actor(),
        Action::EditOrganisation {
            organisation_id: org.row.id,
        },
    )?;
    let original = org
        .texts
        .iter()
        .find(|t| t.lang == org.row.original_lang)
        .map(|t| t.description.clone())
        .unwrap_or_default();
    let existing = org
        .texts
        .iter()
        .find(|t| t.lang == form.lang)
        .map(|t| t.description.clone());
    let form = TranslationForm {
        description: if form.description.is_empty() {
            existing.unwrap_or_default()
        } else {
            form.description
        },
        ..form
    };
    let langs = crate::web::html::content_lang_choices(
        ctx.locale,
        &form.lang,
        Some(&org.row.original_lang),
    );
    let status = crate::web::html::form_status(errors);
    let page = TranslatePage {
        slug: org.row.slug.clone(),
        name: org.row.name.clone(),
        original_lang: org.row.original_lang.clone(),
        original_html: markdown(&original),
        form,
        langs,
        errors: ctx.errors(errors),
        ctx,
    };
    Ok((status, page).into_response())
}

async fn translate_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    HtmlQuery(q): HtmlQuery<TranslateQuery>,
) -> HtmlResult<Response> {
    let org = app
        .organisation(&ctx.actor(), &slug, ctx.lang())
        .await
        .or_page(&ctx)?;
    let lang = if !q.lang.is_empty() {
        q.lang
    } else if org.row.original_lang != ctx.lang() {
        ctx.lang().to_owned()
    } else {
        ContentLang::ALL
            .iter()
            .map(|l| l.code())
            .find(|c| *c != org.row.original_lang)
            .unwrap_or("en")
            .to_owned()
    };
    let form = TranslationForm {
        lang,
        description: String::new(),
    };
    translate_page(ctx.clone(), &app, &slug, form, &FieldErrors::new())
        .await
        .or_page(&ctx)
}

async fn translate(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<TranslationForm>,
) -> HtmlResult<Response> {
    match app.translate_organisation(&ctx.actor(), &slug, &form).await {
        Ok(()) => Ok(done(&ctx, &format!("/organisations/{slug}"), "translated")),
        Err(Error::Invalid(errors)) => translate_page(ctx.clone(), &app, &slug, form, &errors)
            .await
            .or_page(&ctx),
        Err(e) => Err(e).or_page(&ctx),
    }
}
