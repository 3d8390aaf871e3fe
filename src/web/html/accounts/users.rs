//! The admins' page of accounts and their roles.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::UserRow;
use crate::app::{App, Error};
use crate::domain::{FieldErrors, Role};

use super::*;
use crate::web::html::{Choice, HtmlResult, OrPage, done, notice};
use crate::web::{CsrfForm, Ctx};

pub(super) struct UserItem {
    row: UserRow,
    roles: Vec<Choice>,
    error: Option<String>,
    /// Erased: shown as a former member, with nothing to change.
    former: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/users.html")]
pub(super) struct UsersPage {
    ctx: Ctx,
    users: Vec<UserItem>,
    organisations: Vec<Choice>,
    notice: Option<String>,
    /// The lexicon's size: 0 when search cannot cross languages beyond the glossary.
    lexicon: i64,
    /// Whether the site can send e-mail.
    mail: bool,
    /// Practices with vectors of the embedding model, when one is configured.
    vectors: Option<usize>,
    /// The model is still reading the catalogue.
    embedding: bool,
    /// Its last pass over the catalogue gave up.
    embedding_failed: bool,
}

pub(super) async fn users_page(
    ctx: Ctx,
    app: &App,
    failed: Option<(i64, FieldErrors)>,
    done: Option<&str>,
) -> HtmlResult<Response> {
    let rows = app.users(&ctx.actor()).await.or_page(&ctx)?;
    let orgs = app
        .organisations(&Default::default(), Some(200), None)
        .await
        .or_page(&ctx)?;
    let organisations = orgs
        .items
        .iter()
        .map(|o| Choice {
            value: o.slug.clone(),
            label: o.name.clone(),
            selected: false,
        })
        .collect();
    let users = rows
        .into_iter()
        .map(|row| {
            let roles = Role::ALL
                .iter()
                .map(|r| Choice {
                    value: r.as_str().to_owned(),
                    label: ctx.t(&format!("role-{}", r.as_str())),
                    selected: row.role == r.as_str(),
                })
                .collect();
            let error = failed
                .as_ref()
                .filter(|(id, _)| *id == row.id)
                .map(|(_, e)| {
                    ctx.errors(e)
                        .list()
                        .iter()
                        .map(|(_, m)| m.clone())
                        .collect::<Vec<_>>()
                        .join(" ")
                });
            let former = crate::domain::accounts::is_former_member(&row.email);
            UserItem {
                row,
                roles,
                error,
                former,
            }
        })
        .collect();
    let status = if failed.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        UsersPage {
            users,
            organisations,
            notice: notice(&ctx, done),
            lexicon: app.lexicon_size().await.or_page(&ctx)?,
            mail: app.can_mail(),
            vectors: app.embedding_model().map(|_| app.vector_counts().0),
            embedding: app.embedding_in_progress(),
            embedding_failed: app.embedding_failed(),
            ctx,
        },
    )
        .into_response())
}

pub(super) async fn users(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(q): HtmlQuery<DoneQuery>,
) -> HtmlResult<Response> {
    users_page(ctx, &app, None, q.done.as_deref()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RoleForm {
    role: String,
    organisation: String,
}

pub(super) async fn set_role(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> HtmlResult<Response> {
    match app
        .set_role(&ctx.actor(), id, &form.role, &form.organisation)
        .await
    {
        Ok(()) => Ok(done(&ctx, "/admin/users", "saved")),
        Err(Error::Invalid(errors)) => users_page(ctx, &app, Some((id, errors)), None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}
