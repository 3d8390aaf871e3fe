//! Call pages of the exchange programme: the calls, a call with its placements and the member's
//! request form (up to five ranked preferences), the coordinators' form, and the allocation
//! review (reasons, alternatives, each city's share, changes by hand, publication).

use super::allocation::*;
use super::matrix::*;
use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::exchange::visits::today;
use crate::app::{App, CallView, Error};
use crate::domain::exchange::call::{CallForm, CallRequestForm, CallStatus, PREFERENCES_MAX};
use crate::domain::{Action, FieldErrors};
use crate::web::{CsrfForm, Ctx};

use crate::web::html::exchange::placements::period;
use crate::web::html::{
    Choice, DoneParam, Errors, HtmlResult, OrPage, Pager, form_status, language_choices, markdown,
    term_choices,
};

/// Routes of the call pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/calls", get(list).post(create))
        .route("/calls/new", get(new_form))
        .route("/calls/{slug}", get(show).post(update))
        .route("/calls/{slug}/edit", get(edit_form))
        .route("/calls/{slug}/request", post(submit_request))
        .route("/calls/{slug}/close", get(confirm_close).post(close))
        .route("/calls/{slug}/allocation", get(review).post(run))
        .route("/calls/{slug}/assign", post(assign))
        .route("/calls/{slug}/publish", get(confirm_publish).post(publish))
        .route("/exchange", get(matrix))
}

pub(super) fn call_notice(ctx: &Ctx, done: Option<&str>) -> Option<String> {
    match done? {
        d @ ("requested" | "closed" | "allocated" | "assigned" | "published") => {
            Some(ctx.tk("call-done-", d))
        }
        other => crate::web::html::notice(ctx, Some(other)),
    }
}

/// A call in the list.
pub(super) struct Item {
    href: String,
    title: String,
    deadline: String,
    status: String,
    counts: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/calls/list.html")]
pub(super) struct ListPage {
    ctx: Ctx,
    items: Vec<Item>,
    pager: Pager,
    can_manage: bool,
    notice: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(super) struct ListParams {
    page: Option<i64>,
    done: Option<String>,
}

pub(super) fn deadline_label(ctx: &Ctx, deadline: &str) -> String {
    crate::domain::exchange::placement::parse_day(deadline)
        .map(|d| ctx.day(d))
        .unwrap_or_default()
}

pub(super) async fn list(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<ListParams>,
) -> HtmlResult<ListPage> {
    let page = p.page.unwrap_or(1).max(1);
    let limit = crate::app::page_size(Some(20));
    let calls = app
        .calls(
            Some(limit),
            Some(crate::web::html::page_offset(page, limit)),
        )
        .await
        .or_page(&ctx)?;
    Ok(ListPage {
        items: calls
            .items
            .iter()
            .map(|c| Item {
                href: ctx.link("/calls/", &c.slug, ""),
                title: c.title.clone(),
                deadline: deadline_label(&ctx, &c.deadline),
                status: {
                    let (status, deadline) = App::call_status(c);
                    status_label(&ctx, status, status.takes_requests(deadline, today()))
                },
                counts: crate::i18n::t_args(
                    ctx.locale,
                    "call-counts",
                    &[
                        ("placements", c.placements.to_string()),
                        ("requests", c.requests.to_string()),
                    ],
                ),
            })
            .collect(),
        pager: Pager::new(&ctx.href("/calls"), "", calls.total, limit, page),
        can_manage: ctx.can(Action::ManageCalls),
        notice: call_notice(&ctx, p.done.as_deref()),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/calls/form.html")]
pub(super) struct FormPage {
    ctx: Ctx,
    form: CallForm,
    errors: Errors,
    placements: Vec<Choice>,
    /// The call being changed (its slug), or none for a new one.
    editing: Option<String>,
}

pub(super) async fn form_page(
    ctx: Ctx,
    app: &App,
    form: CallForm,
    errors: &FieldErrors,
    editing: Option<&str>,
) -> HtmlResult<Response> {
    ctx.require(Action::ManageCalls)?;
    let query = crate::app::PlacementQuery {
        limit: Some(200),
        ..Default::default()
    };
    let mut offered = app
        .placements(&crate::domain::Actor::Anonymous, &query)
        .await
        .or_page(&ctx)?
        .items;
    // A call being changed keeps offering what it includes, open or not.
    if let Some(slug) = editing {
        let call = app.call(&ctx.actor(), slug).await.or_page(&ctx)?;
        for p in call.placements {
            if !offered.iter().any(|o| o.row.id == p.row.id) {
                offered.push(p);
            }
        }
    }
    let status = form_status(errors);
    let page = FormPage {
        placements: offered
            .iter()
            .map(|p| Choice {
                value: p.row.slug.clone(),
                label: format!("{} – {}", p.row.title, p.row.organisation_name),
                selected: form.placements.contains(&p.row.slug),
            })
            .collect(),
        errors: ctx.errors(errors),
        editing: editing.map(str::to_owned),
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

pub(super) async fn new_form(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    let form = CallForm {
        deadline: (crate::app::today() + time::Duration::days(30)).to_string(),
        ..Default::default()
    };
    form_page(ctx, &app, form, &FieldErrors::new(), None).await
}

pub(super) async fn edit_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> HtmlResult<Response> {
    let form = match app.call_form(&ctx.actor(), &slug).await {
        Ok(form) => form,
        // A call that no longer takes requests is shown, saying so, instead of a dead end.
        Err(Error::Conflict(_)) => {
            return Ok(
                axum::response::Redirect::to(&ctx.link("/calls/", &slug, "")).into_response(),
            );
        }
        Err(e) => return Err(e).or_page(&ctx),
    };
    form_page(ctx, &app, form, &FieldErrors::new(), Some(&slug)).await
}

pub(super) async fn update(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<CallForm>,
) -> HtmlResult<Response> {
    match app.update_call(&ctx.actor(), &slug, &form).await {
        Ok(()) => Ok(crate::web::html::done(
            &ctx,
            &format!("/calls/{slug}"),
            "saved",
        )),
        Err(Error::Invalid(errors)) => form_page(ctx, &app, form, &errors, Some(&slug)).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// Asks before closing a call early; a call that no longer takes requests leads back to it.
pub(super) async fn confirm_close(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> HtmlResult<Response> {
    let c = app.call(&ctx.actor(), &slug).await.or_page(&ctx)?;
    let back = ctx.link("/calls/", &slug, "");
    if !c.can_manage || !c.takes_requests {
        return Ok(axum::response::Redirect::to(&back).into_response());
    }
    Ok(crate::web::html::workspace::confirm::page(
        ctx.clone(),
        crate::web::html::workspace::confirm::Question {
            title: ctx.t1("call-confirm-close", "title", &c.row.title),
            body: ctx.t("call-confirm-close-body"),
            action: ctx.link("/calls/", &slug, "/close"),
            button: ctx.t("call-close-now"),
            back,
        },
    ))
}

pub(super) async fn create(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<CallForm>,
) -> HtmlResult<Response> {
    match app.create_call(&ctx.actor(), &form).await {
        Ok(slug) => Ok(crate::web::html::done(
            &ctx,
            &format!("/calls/{slug}"),
            "created",
        )),
        Err(Error::Invalid(errors)) => form_page(ctx, &app, form, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// A placement of the call as shown.
pub(super) struct Included {
    href: String,
    title: String,
    lang: String,
    host: String,
    periods: Vec<String>,
}

/// One preference select.
pub(super) struct Preference {
    n: usize,
    choices: Vec<Choice>,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/calls/show.html")]
pub(super) struct ShowPage {
    ctx: Ctx,
    c: CallView,
    description: String,
    deadline: String,
    status: String,
    included: Vec<Included>,
    form: CallRequestForm,
    preferences: Vec<Preference>,
    languages: Vec<Choice>,
    themes: Vec<Choice>,
    errors: Errors,
    notice: Option<String>,
    action: String,
}

pub(super) async fn show_page(
    ctx: Ctx,
    app: &App,
    slug: &str,
    form: Option<CallRequestForm>,
    errors: &FieldErrors,
    done: Option<&str>,
) -> HtmlResult<Response> {
    let c = app.call(&ctx.actor(), slug).await.or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let form = form
        .or_else(|| c.mine.clone())
        .unwrap_or_else(|| CallRequestForm {
            languages: vec![ctx.lang().to_owned()],
            ..Default::default()
        });
    let preferences = (0..PREFERENCES_MAX)
        .map(|i| Preference {
            n: i + 1,
            choices: c
                .placements
                .iter()
                .map(|p| Choice {
                    value: p.row.slug.clone(),
                    label: format!("{} – {}", p.row.title, p.row.organisation_name),
                    selected: form.preferences.get(i) == Some(&p.row.slug),
                })
                .collect(),
        })
        .collect();
    let status = form_status(errors);
    let page = ShowPage {
        description: markdown(&c.row.description),
        deadline: ctx.day(c.deadline),
        status: status_label(&ctx, c.status, c.takes_requests),
        included: c
            .placements
            .iter()
            .map(|p| Included {
                href: ctx.link("/placements/", &p.row.slug, ""),
                title: p.row.title.clone(),
                lang: p.row.lang.clone(),
                host: p.row.organisation_name.clone(),
                periods: p
                    .windows
                    .iter()
                    .map(|w| period(&ctx, w.start, w.end))
                    .collect(),
            })
            .collect(),
        preferences,
        languages: language_choices(ctx.locale, &form.languages),
        themes: term_choices(&themes, ctx.locale, &form.themes),
        form,
        errors: ctx.errors(errors),
        notice: call_notice(&ctx, done),
        action: ctx.link("/calls/", slug, ""),
        c,
        ctx,
    };
    Ok((status, page).into_response())
}

pub(super) async fn show(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    HtmlQuery(d): HtmlQuery<DoneParam>,
) -> HtmlResult<Response> {
    show_page(
        ctx,
        &app,
        &slug,
        None,
        &FieldErrors::new(),
        d.done.as_deref(),
    )
    .await
}

pub(super) async fn submit_request(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<CallRequestForm>,
) -> HtmlResult<Response> {
    match app.submit_call_request(&ctx.actor(), &slug, &form).await {
        Ok(()) => Ok(crate::web::html::done(
            &ctx,
            &format!("/calls/{slug}"),
            "requested",
        )),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, &slug, Some(form), &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

pub(super) async fn close(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.close_call(&ctx.actor(), &slug).await.or_page(&ctx)?;
    Ok(crate::web::html::done(
        &ctx,
        &format!("/calls/{slug}"),
        "closed",
    ))
}

/// A call's state as its badge says it: an open call whose deadline has passed (or that was
/// closed early) is "closed for requests", not "open".
fn status_label(ctx: &Ctx, status: CallStatus, takes_requests: bool) -> String {
    if status == CallStatus::Open && !takes_requests {
        ctx.t("call-status-closed")
    } else {
        ctx.tk("call-status-", status.as_str())
    }
}
