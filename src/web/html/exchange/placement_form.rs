//! The placement form: create and edit, with its periods.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use crate::app::OrgFilter;
use crate::app::{App, Error};
use crate::domain::exchange::placement::PlacementForm;
use crate::domain::{Action, FieldErrors};
use crate::web::{CsrfForm, Ctx};

use crate::app::Pick;
use crate::web::html::{
    Choice, Errors, HtmlResult, OrPage, Picker, done, form_status, language_choices, term_choices,
};

/// The form as posted: periods as parallel lists of first and last days.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(super) struct PostedForm {
    pub(super) organisation: String,
    pub(super) lang: String,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) practical: String,
    pub(super) accessibility: String,
    pub(super) length_days: String,
    pub(super) capacity: String,
    pub(super) languages: Vec<String>,
    pub(super) themes: Vec<String>,
    pub(super) practices: Vec<String>,
    pub(super) contact: String,
    pub(super) status: String,
    pub(super) window_start: Vec<String>,
    pub(super) window_end: Vec<String>,
}

/// One row of period inputs.
pub(super) struct PeriodRow {
    n: usize,
    start: String,
    end: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/placements/form.html")]
pub(super) struct FormPage {
    ctx: Ctx,
    form: PlacementForm,
    errors: Errors,
    organisations: Vec<Choice>,
    langs: Vec<Choice>,
    statuses: Vec<Choice>,
    themes: Vec<Choice>,
    languages: Vec<Choice>,
    periods: Vec<PeriodRow>,
    practices: Picker,
    contact: Picker,
    action: String,
    title: String,
}

pub(super) async fn form_page(
    ctx: Ctx,
    app: &App,
    form: PlacementForm,
    errors: &FieldErrors,
    slug: Option<&str>,
) -> HtmlResult<Response> {
    if ctx.actor().role().is_none() {
        return Err(Error::Unauthorized).or_page(&ctx);
    }
    let orgs = app
        .organisations(&OrgFilter::default(), Some(200), None)
        .await
        .or_page(&ctx)?;
    let organisations: Vec<Choice> = orgs
        .items
        .iter()
        .filter(|o| {
            ctx.can(Action::EditPlacement {
                organisation_id: o.id,
            })
        })
        .map(|o| Choice {
            value: o.slug.clone(),
            label: o.name.clone(),
            selected: o.slug == form.organisation,
        })
        .collect();
    if organisations.is_empty() {
        return Err(Error::Forbidden).or_page(&ctx);
    }
    let themes = app.themes().await.or_page(&ctx)?;
    let mut periods: Vec<PeriodRow> = form
        .windows
        .iter()
        .map(|w| PeriodRow {
            n: 0,
            start: w.start.clone(),
            end: w.end.clone(),
        })
        .collect();
    while periods.len() < form.windows.len() + 3 && periods.len() < 12 {
        periods.push(PeriodRow {
            n: 0,
            start: String::new(),
            end: String::new(),
        });
    }
    for (i, p) in periods.iter_mut().enumerate() {
        p.n = i + 1;
    }
    let status = form_status(errors);
    let page = FormPage {
        errors: ctx.errors(errors),
        organisations,
        langs: crate::web::html::content_lang_choices(ctx.locale, &form.lang, None),
        statuses: ["open", "closed"]
            .iter()
            .map(|s| Choice {
                value: (*s).to_owned(),
                label: ctx.tk("placement-status-", s),
                selected: form.status == *s || (form.status.is_empty() && *s == "open"),
            })
            .collect(),
        themes: term_choices(&themes, ctx.locale, &form.themes),
        languages: language_choices(ctx.locale, &form.languages),
        periods,
        practices: Picker::new(
            app,
            &ctx,
            Pick::Practice,
            ("practices", false),
            &form.practices,
        )
        .await
        .or_page(&ctx)?,
        contact: Picker::one(app, &ctx, Pick::Person, "contact", &form.contact)
            .await
            .or_page(&ctx)?,
        action: match slug {
            Some(s) => ctx.link("/placements/", s, ""),
            None => ctx.href("/placements"),
        },
        title: match slug {
            Some(_) => ctx.t("placement-edit"),
            None => ctx.t("placements-new"),
        },
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

pub(super) async fn new_form(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    let form = PlacementForm {
        lang: ctx.lang().to_owned(),
        length_days: "2".to_owned(),
        capacity: "1".to_owned(),
        ..Default::default()
    };
    form_page(ctx, &app, form, &FieldErrors::new(), None).await
}

pub(super) async fn edit_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> HtmlResult<Response> {
    let p = app.placement(&ctx.actor(), &slug).await.or_page(&ctx)?;
    if !p.can_edit {
        return Err(Error::Forbidden).or_page(&ctx);
    }
    form_page(ctx, &app, p.form(), &FieldErrors::new(), Some(&slug)).await
}

pub(super) async fn create(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(posted): CsrfForm<PostedForm>,
) -> HtmlResult<Response> {
    let form = posted.into_form("");
    match app.save_placement(&ctx.actor(), None, &form).await {
        Ok(slug) => Ok(done(&ctx, &format!("/placements/{slug}"), "created")),
        Err(Error::Invalid(errors)) => form_page(ctx, &app, form, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

pub(super) async fn update(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(posted): CsrfForm<PostedForm>,
) -> HtmlResult<Response> {
    let form = posted.into_form(&slug);
    match app.save_placement(&ctx.actor(), Some(&slug), &form).await {
        Ok(slug) => Ok(done(&ctx, &format!("/placements/{slug}"), "saved")),
        Err(Error::Invalid(errors)) => form_page(ctx, &app, form, &errors, Some(&slug)).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}
