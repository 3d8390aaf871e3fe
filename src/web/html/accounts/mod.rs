//! Sign-in and sign-out, the account page (password, API tokens), invitations and the admins'
//! role management.

pub(crate) mod audit;
pub(crate) mod erasure;
mod invitations;
mod resets;
mod users;

use invitations::*;
use users::*;

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::app::ApiTokenRow;
use crate::app::{App, Error};
use crate::domain::FieldErrors;
use crate::web::context::session_cookie;

use crate::web::html::{Choice, Errors, HtmlResult, OrPage, done, notice};
use crate::web::{CsrfForm, Ctx};

/// Sets a new session's cookie and leads to `href` (after accepting an invitation or using a
/// reset link).
fn signed_in_to(app: &App, session: String, href: &str) -> Response {
    let cookie = session_cookie(app, Some(session)).to_string();
    ([(header::SET_COOKIE, cookie)], Redirect::to(href)).into_response()
}

/// Routes of the account pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/account", get(account))
        .route("/account/password", post(change_password))
        .route("/account/tokens", post(create_token))
        .route("/account/data", get(my_data))
        .route("/account/data.json", get(my_data_file))
        .route("/account/tokens/{id}/delete", post(revoke_token))
        .route("/invitations/new", get(invite_form))
        .route("/invitations", post(invite))
        .route("/invitations/{token}", get(accept_form).post(accept))
        .route("/admin/users", get(users))
        .route("/admin/users/{id}", post(set_role))
        .route("/admin/users/{id}/reset", post(resets::issue))
        .route(
            "/password/forgot",
            get(resets::forgot_form).post(resets::forgot),
        )
        .route(
            "/password/reset/{token}",
            get(resets::reset_form).post(resets::reset),
        )
        .merge(audit::router())
        .merge(erasure::router())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct LoginForm {
    email: String,
    password: String,
    next: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/login.html")]
pub(super) struct LoginPage {
    ctx: Ctx,
    email: String,
    next: String,
    errors: Errors,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct LoginQuery {
    next: String,
    done: Option<String>,
}

pub(super) async fn login_form(ctx: Ctx, HtmlQuery(q): HtmlQuery<LoginQuery>) -> LoginPage {
    LoginPage {
        notice: notice(&ctx, q.done.as_deref()),
        email: String::new(),
        next: q.next,
        errors: Errors::default(),
        ctx,
    }
}

pub(super) async fn login(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> HtmlResult<Response> {
    let page = |ctx: Ctx, errors: &FieldErrors, status: StatusCode| {
        let errors = ctx.errors(errors);
        (
            status,
            LoginPage {
                email: form.email.clone(),
                next: form.next.clone(),
                errors,
                notice: None,
                ctx,
            },
        )
            .into_response()
    };
    match app.login(&form.email, &form.password, &ctx.client).await {
        Ok((token, user)) => {
            app.remember_locale(&user, ctx.locale).await.or_page(&ctx)?;
            let target = crate::domain::accounts::local_path(&form.next)
                .map(str::to_owned)
                .unwrap_or_else(|| ctx.href("/?done=signed-in"));
            let cookie = session_cookie(&app, Some(token)).to_string();
            Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&target)).into_response())
        }
        Err(Error::Invalid(errors)) => Ok(page(ctx, &errors, StatusCode::UNPROCESSABLE_ENTITY)),
        Err(Error::TooManyRequests) => {
            let errors = FieldErrors::one(
                "email",
                crate::domain::FieldError::new("error-login-rate-limited"),
            );
            Ok(page(ctx, &errors, StatusCode::TOO_MANY_REQUESTS))
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

pub(super) async fn logout(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    if let Some(token) = &ctx.session {
        app.logout(token).await.or_page(&ctx)?;
    }
    let cookie = session_cookie(&app, None).to_string();
    Ok((
        [(header::SET_COOKIE, cookie)],
        Redirect::to(&ctx.href("/login?done=signed-out")),
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/account.html")]
pub(super) struct AccountPage {
    ctx: Ctx,
    email: String,
    role: String,
    tokens: Vec<TokenView>,
    lifetimes: Vec<Choice>,
    new_token: Option<String>,
    errors: Errors,
    token_errors: Errors,
    notice: Option<String>,
}

/// An API token as its owner sees it.
pub(super) struct TokenView {
    id: i64,
    name: String,
    /// The day it was last used, or "never".
    last_used: String,
    /// The day it stops (or stopped) working.
    expires: String,
    expired: bool,
}

pub(super) fn token_view(ctx: &Ctx, row: ApiTokenRow) -> TokenView {
    let day = |at: i64| ctx.day_of(at);
    TokenView {
        id: row.id,
        last_used: row
            .last_used_at
            .map_or_else(|| ctx.t("account-token-never"), day),
        expires: day(row.expires_at),
        expired: row.expires_at <= crate::app::now(),
        name: row.name,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct DoneQuery {
    done: Option<String>,
}

pub(super) async fn account_page(
    ctx: Ctx,
    app: &App,
    new_token: Option<String>,
    errors: &FieldErrors,
    token_errors: &FieldErrors,
    done: Option<&str>,
) -> HtmlResult<Response> {
    let user = ctx.user.clone().ok_or(Error::Unauthorized).or_page(&ctx)?;
    let tokens = app.api_tokens(&user.actor).await.or_page(&ctx)?;
    let status = if errors.is_empty() && token_errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let role = user
        .actor
        .role()
        .map(|r| ctx.t(&format!("role-{}", r.as_str())))
        .unwrap_or_default();
    let lifetimes = crate::domain::accounts::TOKEN_LIFETIMES
        .iter()
        .map(|days| Choice {
            value: days.to_string(),
            label: ctx.t(&format!("account-token-days-{days}")),
            selected: *days == 90,
        })
        .collect();
    let page = AccountPage {
        email: user.email.clone(),
        role,
        tokens: tokens.into_iter().map(|t| token_view(&ctx, t)).collect(),
        lifetimes,
        new_token,
        errors: ctx.errors(errors),
        token_errors: ctx.errors(token_errors),
        notice: notice(&ctx, done),
        ctx,
    };
    Ok((status, page).into_response())
}

pub(super) async fn account(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(q): HtmlQuery<DoneQuery>,
) -> HtmlResult<Response> {
    account_page(
        ctx,
        &app,
        None,
        &FieldErrors::new(),
        &FieldErrors::new(),
        q.done.as_deref(),
    )
    .await
}

/// One table of "my data" as the page shows it.
pub(super) struct DataSection {
    title: String,
    rows: Vec<Vec<(String, String)>>,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/data.html")]
pub(super) struct DataPage {
    ctx: Ctx,
    sections: Vec<DataSection>,
}

/// Everything the platform holds about the reader, readable.
pub(super) async fn my_data(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    let user = ctx.user.clone().ok_or(Error::Unauthorized).or_page(&ctx)?;
    let data = app.personal_data(&user).await.or_page(&ctx)?;
    let sections = data["tables"]
        .as_object()
        .map(|tables| {
            tables
                .iter()
                .map(|(table, rows)| DataSection {
                    title: ctx.tk("data-table-", table),
                    rows: rows
                        .as_array()
                        .map(|rows| {
                            rows.iter()
                                .filter_map(|r| r.as_object())
                                .map(|r| {
                                    r.iter()
                                        .map(|(k, v)| {
                                            let v = match v {
                                                serde_json::Value::String(s) => s.clone(),
                                                serde_json::Value::Null => "—".to_owned(),
                                                other => other.to_string(),
                                            };
                                            (k.clone(), v)
                                        })
                                        .collect()
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(DataPage { ctx, sections }.into_response())
}

/// The same as a JSON file to keep.
pub(super) async fn my_data_file(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    let user = ctx.user.clone().ok_or(Error::Unauthorized).or_page(&ctx)?;
    let data = app.personal_data(&user).await.or_page(&ctx)?;
    let body = serde_json::to_string_pretty(&data).unwrap_or_default();
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"passerelle-my-data.json\"",
            ),
        ],
        body,
    )
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct PasswordForm {
    current_password: String,
    password: String,
    password_confirm: String,
    /// Present when the API tokens should go on working with the new password.
    keep_tokens: Option<String>,
}

pub(super) async fn change_password(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> HtmlResult<Response> {
    let user = ctx.user.clone().ok_or(Error::Unauthorized).or_page(&ctx)?;
    match app
        .change_password(
            &user,
            ctx.session.as_deref(),
            &form.current_password,
            &form.password,
            &form.password_confirm,
            form.keep_tokens.is_some(),
        )
        .await
    {
        Ok(()) => Ok(done(&ctx, "/account", "password")),
        Err(Error::Invalid(errors)) => {
            account_page(ctx, &app, None, &errors, &FieldErrors::new(), None).await
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct TokenForm {
    name: String,
    expires: String,
}

pub(super) async fn create_token(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> HtmlResult<Response> {
    match app
        .create_api_token(&ctx.actor(), &form.name, &form.expires)
        .await
    {
        Ok(created) => {
            account_page(
                ctx,
                &app,
                Some(created.token),
                &FieldErrors::new(),
                &FieldErrors::new(),
                None,
            )
            .await
        }
        Err(Error::Invalid(errors)) => {
            account_page(ctx, &app, None, &FieldErrors::new(), &errors, None).await
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

pub(super) async fn revoke_token(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.revoke_api_token(&ctx.actor(), id).await.or_page(&ctx)?;
    Ok(done(&ctx, "/account", "revoked"))
}
