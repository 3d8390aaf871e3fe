//! The request form of a visit: for a placement, or open to any host.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::{App, Error};
use crate::domain::exchange::visit::RequestForm;
use crate::domain::{Action, FieldErrors};
use crate::web::{CsrfForm, Ctx};

use crate::web::html::exchange::placements::period;
use crate::web::html::{
    Choice, Errors, HtmlResult, OrPage, form_status, language_choices, term_choices,
};

/// Routes of the request form.
pub fn router() -> Router<App> {
    Router::new()
        .route("/visits", post(create))
        .route("/visits/new", get(new_form))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct NewParams {
    placement: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/visits/form.html")]
struct FormPage {
    ctx: Ctx,
    form: RequestForm,
    errors: Errors,
    placement: Option<(String, String, String, Vec<String>)>,
    themes: Vec<Choice>,
    cities: Vec<Choice>,
    languages: Vec<Choice>,
}

async fn form_page(
    ctx: Ctx,
    app: &App,
    form: RequestForm,
    errors: &FieldErrors,
) -> HtmlResult<Response> {
    let actor = ctx.actor();
    if !ctx.can(Action::RequestVisit) {
        return Err(Error::Unauthorized).or_page(&ctx);
    }
    let placement = match form.placement.trim() {
        "" => None,
        slug => {
            let p = app.placement(&actor, slug).await.or_page(&ctx)?;
            Some((
                ctx.link("/placements/", &p.row.slug, ""),
                p.row.title.clone(),
                p.row.lang.clone(),
                p.windows
                    .iter()
                    .map(|w| period(&ctx, w.start, w.end))
                    .collect(),
            ))
        }
    };
    let themes = app.themes().await.or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let status = form_status(errors);
    let page = FormPage {
        errors: ctx.errors(errors),
        placement,
        themes: term_choices(&themes, ctx.locale, &form.themes),
        cities: crate::web::html::city_choices(&cities, ctx.locale, &form.cities),
        languages: language_choices(ctx.locale, &form.languages),
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn new_form(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<NewParams>,
) -> HtmlResult<Response> {
    let mut form = RequestForm {
        placement: p.placement,
        length_days: "2".to_owned(),
        languages: vec![ctx.lang().to_owned()],
        ..Default::default()
    };
    if !form.placement.is_empty()
        && let Ok(pl) = app.placement(&ctx.actor(), &form.placement).await
        && let Some(w) = pl.windows.iter().find(|w| w.end >= crate::app::today())
    {
        form.start = w.start.max(crate::app::today()).to_string();
        form.end = w.end.to_string();
        form.themes = pl.themes();
    }
    form_page(ctx, &app, form, &FieldErrors::new()).await
}

async fn create(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<RequestForm>,
) -> HtmlResult<Response> {
    match app.request_visit(&ctx.actor(), &form).await {
        Ok(id) => Ok(crate::web::html::done(
            &ctx,
            &format!("/visits/{id}"),
            "requested",
        )),
        Err(Error::Invalid(errors)) => form_page(ctx, &app, form, &errors).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}
