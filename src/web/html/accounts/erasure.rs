//! The admins' erasure of a person: a page that says what goes and what stays, and asks for the
//! address (or the name) typed again before anything is removed.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::app::{App, Erasure, ErasurePlan, Error};
use crate::domain::FieldErrors;

use crate::web::html::{Errors, HtmlResult, OrPage, done};
use crate::web::{CsrfForm, Ctx};

/// Routes of the erasure pages.
pub fn router() -> Router<App> {
    Router::new()
        .route(
            "/admin/users/{id}/erase",
            get(account_form).post(erase_account),
        )
        .route("/people/{slug}/erase", get(person_form).post(erase_person))
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/erase.html")]
struct ErasePage {
    ctx: Ctx,
    /// The form's address.
    action: String,
    /// What goes, one line each.
    removed: Vec<String>,
    /// What stays, one line each.
    kept: Vec<String>,
    /// The unfinished work that ends, one line each.
    ended: Vec<String>,
    /// What the admin types (the account's address, or the entry's name): also whom the page is
    /// about.
    confirm_with: String,
    /// What they typed.
    confirm: String,
    errors: Errors,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EraseForm {
    confirm: String,
}

fn page(ctx: Ctx, plan: ErasurePlan, action: String, confirm: String, errors: Errors) -> ErasePage {
    let mut removed = Vec::new();
    if let Some(a) = &plan.account {
        removed.push(ctx.t1("erase-removes-account", "email", &a.email));
    }
    for p in &plan.people {
        removed.push(ctx.t_args(
            "erase-removes-person",
            &[
                ("name", p.name.clone()),
                ("organisation", p.organisation_name.clone()),
            ],
        ));
    }
    let lines = |prefix: &str, counts: &[(&str, i64)]| -> Vec<String> {
        counts
            .iter()
            .map(|(kind, n)| ctx.t_args(&format!("{prefix}{kind}"), &[("count", n.to_string())]))
            .collect()
    };
    let (kept, ended) = (
        lines("erase-keeps-", &plan.kept),
        lines("erase-ends-", &plan.ended),
    );
    ErasePage {
        action,
        removed,
        kept,
        ended,
        confirm_with: plan.confirm_with,
        confirm,
        errors,
        ctx,
    }
}

async fn form(ctx: Ctx, app: &App, target: Erasure, action: String) -> HtmlResult<Response> {
    let plan = app
        .erasure_plan(&ctx.actor(), &target)
        .await
        .or_page(&ctx)?;
    let errors = ctx.errors(&FieldErrors::new());
    Ok(page(ctx, plan, action, String::new(), errors).into_response())
}

async fn erase(
    ctx: Ctx,
    app: &App,
    target: Erasure,
    action: String,
    confirm: String,
) -> HtmlResult<Response> {
    match app.erase(&ctx.actor(), &target, &confirm).await {
        Ok(_) => Ok(done(&ctx, "/admin/users", "erased")),
        Err(Error::Invalid(errors)) => {
            let plan = app
                .erasure_plan(&ctx.actor(), &target)
                .await
                .or_page(&ctx)?;
            let errors = ctx.errors(&errors);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page(ctx, plan, action, confirm, errors),
            )
                .into_response())
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn account_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
) -> HtmlResult<Response> {
    let action = ctx.link("/admin/users/", &id.to_string(), "/erase");
    form(ctx, &app, Erasure::Account(id), action).await
}

async fn erase_account(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<EraseForm>,
) -> HtmlResult<Response> {
    let action = ctx.link("/admin/users/", &id.to_string(), "/erase");
    erase(ctx, &app, Erasure::Account(id), action, f.confirm).await
}

async fn person_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> HtmlResult<Response> {
    let action = ctx.link("/people/", &slug, "/erase");
    form(ctx, &app, Erasure::Person(slug), action).await
}

async fn erase_person(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(f): CsrfForm<EraseForm>,
) -> HtmlResult<Response> {
    let action = ctx.link("/people/", &slug, "/erase");
    erase(ctx, &app, Erasure::Person(slug), action, f.confirm).await
}
