//! "Forgot your password?": asking for a link, using it, and the link an administrator makes
//! when the site sends no e-mail.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::{App, Error};
use crate::domain::FieldErrors;
use crate::web::html::{Errors, HtmlResult, OrPage, form_status};
use crate::web::{CsrfForm, Ctx};

#[derive(Template, WebTemplate)]
#[template(path = "accounts/forgot.html")]
pub(super) struct ForgotPage {
    ctx: Ctx,
    /// Whether the site sends e-mail (otherwise an administrator makes the link).
    mail: bool,
    email: String,
    errors: Errors,
    /// A link was asked for.
    sent: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ForgotForm {
    email: String,
}

fn forgot_page(ctx: Ctx, app: &App, email: String, errors: &FieldErrors, sent: bool) -> Response {
    let status = form_status(errors);
    let page = ForgotPage {
        mail: app.resets_by_mail(),
        email,
        errors: ctx.errors(errors),
        sent,
        ctx,
    };
    (status, page).into_response()
}

pub(super) async fn forgot_form(ctx: Ctx, State(app): State<App>) -> Response {
    forgot_page(ctx, &app, String::new(), &FieldErrors::new(), false)
}

pub(super) async fn forgot(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> HtmlResult<Response> {
    match app
        .request_password_reset(&form.email, &ctx.client, ctx.locale)
        .await
    {
        Ok(()) => Ok(forgot_page(
            ctx,
            &app,
            String::new(),
            &FieldErrors::new(),
            true,
        )),
        Err(Error::Invalid(errors)) => Ok(forgot_page(ctx, &app, form.email, &errors, false)),
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/reset.html")]
pub(super) struct ResetPage {
    ctx: Ctx,
    email: String,
    errors: Errors,
    /// The link is unknown, used or expired.
    gone: bool,
}

async fn reset_page(
    ctx: Ctx,
    app: &App,
    token: &str,
    errors: &FieldErrors,
) -> HtmlResult<Response> {
    let (email, status) = match app.password_reset(token).await {
        Ok(email) => (email, form_status(errors)),
        // Said in words, with the way to a new link, instead of a bare "not found".
        Err(Error::NotFound) => (String::new(), axum::http::StatusCode::NOT_FOUND),
        Err(e) => return Err(e).or_page(&ctx),
    };
    let page = ResetPage {
        gone: email.is_empty(),
        email,
        errors: ctx.errors(errors),
        ctx,
    };
    // The token is in the URL: keep it out of Referer headers.
    Ok((status, [(header::REFERRER_POLICY, "no-referrer")], page).into_response())
}

pub(super) async fn reset_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(token): Path<String>,
) -> HtmlResult<Response> {
    reset_page(ctx, &app, &token, &FieldErrors::new()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ResetForm {
    password: String,
    password_confirm: String,
}

pub(super) async fn reset(
    ctx: Ctx,
    State(app): State<App>,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> HtmlResult<Response> {
    match app
        .reset_password(&token, &form.password, &form.password_confirm)
        .await
    {
        Ok(session) => Ok(super::signed_in_to(
            &app,
            session,
            &ctx.href("/account?done=password"),
        )),
        Err(Error::Invalid(errors)) => reset_page(ctx, &app, &token, &errors).await,
        Err(Error::NotFound) => reset_page(ctx, &app, &token, &FieldErrors::new()).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/reset_issued.html")]
pub(super) struct IssuedPage {
    ctx: Ctx,
    email: String,
    link: String,
}

/// An administrator makes a reset link for an account, shown once to be passed on.
pub(super) async fn issue(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    let (email, link) = app
        .issue_password_reset(&ctx.actor(), id, ctx.locale)
        .await
        .or_page(&ctx)?;
    Ok(IssuedPage { ctx, email, link }.into_response())
}
