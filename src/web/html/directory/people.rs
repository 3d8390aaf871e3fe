//! People pages: the list, a person's page (e-mail for members only), and the form.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::app::{App, Error};
use crate::app::{PeopleFilter, PersonRow, split_list};
use crate::domain::FieldErrors;
use crate::domain::directory::PersonForm;

use crate::web::html::{
    Choice, Errors, HtmlResult, OrPage, Pager, done, language_choices, language_labels, notice,
    term_choices, term_labels,
};
use crate::web::{CsrfForm, Ctx};

/// Routes of the people pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/people", get(list).post(create))
        .route("/people/new", get(new_form))
        .route("/people/{slug}", get(show).post(update))
        .route("/people/{slug}/edit", get(edit_form))
        .route("/people/{slug}/delete", post(delete))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    q: String,
    page: Option<i64>,
    organisation: String,
    city: String,
    language: String,
    done: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/people/list.html")]
struct ListPage {
    ctx: Ctx,
    items: Vec<PersonRow>,
    total: i64,
    q: String,
    organisation: String,
    cities: Vec<Choice>,
    languages: Vec<Choice>,
    pager: Pager,
    notice: Option<String>,
}

async fn list(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(q): HtmlQuery<ListQuery>,
) -> HtmlResult<ListPage> {
    let page = q.page.unwrap_or(1).max(1);
    let limit = crate::app::page_size(None);
    let nonempty = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let filter = PeopleFilter {
        organisation: nonempty(&q.organisation),
        city: nonempty(&q.city),
        language: nonempty(&q.language),
        q: nonempty(&q.q),
    };
    let result = app
        .people(
            &ctx.actor(),
            &filter,
            Some(limit),
            Some(crate::web::html::page_offset(page, limit)),
        )
        .await
        .or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let query = crate::web::html::query_string(&[
        ("q", q.q.as_str()),
        ("organisation", q.organisation.as_str()),
        ("city", q.city.as_str()),
        ("language", q.language.as_str()),
    ]);
    let mut languages = language_choices(ctx.locale, std::slice::from_ref(&q.language));
    languages.sort_by(|a, b| a.label.cmp(&b.label));
    Ok(ListPage {
        pager: Pager::new(&ctx.href("/people"), &query, result.total, limit, page),
        items: result.items,
        total: result.total,
        cities: crate::web::html::city_choices(&cities, ctx.locale, std::slice::from_ref(&q.city)),
        languages,
        organisation: q.organisation.clone(),
        q: q.q,
        notice: notice(&ctx, q.done.as_deref()),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/people/show.html")]
struct ShowPage {
    ctx: Ctx,
    person: PersonRow,
    languages: Vec<String>,
    themes: Vec<String>,
    can_edit: bool,
    notice: Option<String>,
}

async fn show(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    HtmlQuery(q): HtmlQuery<ListQuery>,
) -> HtmlResult<ShowPage> {
    let person = app.person(&ctx.actor(), &slug).await.or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    Ok(ShowPage {
        languages: language_labels(ctx.locale, &split_list(&person.row.languages)),
        themes: term_labels(&themes, ctx.locale, &split_list(&person.row.themes)),
        can_edit: person.can_edit,
        person: person.row,
        notice: notice(&ctx, q.done.as_deref()),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/people/form.html")]
struct FormPage {
    ctx: Ctx,
    form: PersonForm,
    errors: Errors,
    action: String,
    is_new: bool,
    organisations: Vec<Choice>,
    languages: Vec<Choice>,
    themes: Vec<Choice>,
}

async fn form_page(
    ctx: Ctx,
    app: &App,
    form: PersonForm,
    errors: &FieldErrors,
    slug: Option<&str>,
) -> Result<Response, Error> {
    let themes = app.themes().await?;
    // Only the organisations this person may edit people of are offered.
    let all = app
        .organisations(&Default::default(), Some(200), None)
        .await?;
    let organisations = all
        .items
        .iter()
        .filter(|o| {
            ctx.can(crate::domain::Action::EditPeople {
                organisation_id: o.id,
            })
        })
        .map(|o| Choice {
            value: o.slug.clone(),
            label: o.name.clone(),
            selected: o.slug == form.organisation,
        })
        .collect();
    let status = crate::web::html::form_status(errors);
    let page = FormPage {
        errors: ctx.errors(errors),
        action: match slug {
            Some(s) => ctx.href(&format!("/people/{s}")),
            None => ctx.href("/people"),
        },
        is_new: slug.is_none(),
        organisations,
        languages: language_choices(ctx.locale, &form.languages),
        themes: term_choices(&themes, ctx.locale, &form.themes),
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn new_form(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(q): HtmlQuery<ListQuery>,
) -> HtmlResult<Response> {
    if !ctx.signed_in() {
        return Err(Error::Unauthorized).or_page(&ctx);
    }
    let form = PersonForm {
        organisation: q.organisation,
        ..Default::default()
    };
    form_page(ctx.clone(), &app, form, &FieldErrors::new(), None)
        .await
        .or_page(&ctx)
}

async fn create(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<PersonForm>,
) -> HtmlResult<Response> {
    match app.create_person(&ctx.actor(), &form).await {
        Ok(slug) => Ok(done(&ctx, &format!("/people/{slug}"), "created")),
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
    let form = app.person_form(&ctx.actor(), &slug).await.or_page(&ctx)?;
    form_page(ctx.clone(), &app, form, &FieldErrors::new(), Some(&slug))
        .await
        .or_page(&ctx)
}

async fn update(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<PersonForm>,
) -> HtmlResult<Response> {
    match app.update_person(&ctx.actor(), &slug, &form).await {
        Ok(new_slug) => Ok(done(&ctx, &format!("/people/{new_slug}"), "saved")),
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
    app.delete_person(&ctx.actor(), &slug).await.or_page(&ctx)?;
    Ok(done(&ctx, "/people", "deleted"))
}
