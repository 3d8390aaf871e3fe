//! The invitation pages: inviting someone, and accepting an invitation.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::{App, Error};
use crate::domain::accounts::InvitationForm;
use crate::domain::{Action, FieldErrors, Role};

use crate::web::html::{Choice, Errors, HtmlResult, OrPage};
use crate::web::{CsrfForm, Ctx};

#[derive(Template, WebTemplate)]
#[template(path = "accounts/invite.html")]
pub(super) struct InvitePage {
    ctx: Ctx,
    form: InvitationForm,
    roles: Vec<Choice>,
    organisations: Vec<Choice>,
    errors: Errors,
    link: Option<String>,
    emailed: bool,
    invited: String,
}

pub(super) async fn invite_page(
    ctx: Ctx,
    app: &App,
    form: InvitationForm,
    errors: &FieldErrors,
    created: Option<crate::app::InvitationCreated>,
) -> HtmlResult<Response> {
    let actor = ctx.actor();
    ctx.require(Action::Invite { role: Role::Member })?;
    let roles = Role::ALL
        .iter()
        .filter(|r| crate::domain::can(&actor, Action::Invite { role: **r }))
        .map(|r| Choice {
            value: r.as_str().to_owned(),
            label: ctx.t(&format!("role-{}", r.as_str())),
            selected: form.role == r.as_str(),
        })
        .collect();
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
            selected: o.slug == form.organisation,
        })
        .collect();
    let status = crate::web::html::form_status(errors);
    let page = InvitePage {
        roles,
        organisations,
        errors: ctx.errors(errors),
        emailed: created.as_ref().is_some_and(|c| c.emailed),
        invited: created
            .as_ref()
            .map(|c| c.email.clone())
            .unwrap_or_default(),
        link: created.map(|c| c.link),
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

pub(super) async fn invite_form(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    let form = InvitationForm {
        role: "member".into(),
        ..Default::default()
    };
    invite_page(ctx, &app, form, &FieldErrors::new(), None).await
}

pub(super) async fn invite(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<InvitationForm>,
) -> HtmlResult<Response> {
    match app.invite(&ctx.actor(), &form, ctx.locale).await {
        Ok(created) => {
            let fresh = InvitationForm {
                role: "member".into(),
                ..Default::default()
            };
            invite_page(ctx, &app, fresh, &FieldErrors::new(), Some(created)).await
        }
        Err(Error::Invalid(errors)) => invite_page(ctx, &app, form, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/accept.html")]
pub(super) struct AcceptPage {
    ctx: Ctx,
    email: String,
    role: String,
    organisation: Option<String>,
    errors: Errors,
}

pub(super) async fn accept_page(
    ctx: Ctx,
    app: &App,
    token: &str,
    errors: &FieldErrors,
) -> HtmlResult<Response> {
    let inv = app.invitation(token).await.or_page(&ctx)?;
    let status = crate::web::html::form_status(errors);
    let page = AcceptPage {
        email: inv.email,
        role: ctx.t(&format!("role-{}", inv.role.as_str())),
        organisation: inv.organisation,
        errors: ctx.errors(errors),
        ctx,
    };
    // The token is in the URL: keep it out of Referer headers.
    Ok((status, [(header::REFERRER_POLICY, "no-referrer")], page).into_response())
}

pub(super) async fn accept_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(token): Path<String>,
) -> HtmlResult<Response> {
    accept_page(ctx, &app, &token, &FieldErrors::new()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct AcceptForm {
    password: String,
    password_confirm: String,
}

pub(super) async fn accept(
    ctx: Ctx,
    State(app): State<App>,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<AcceptForm>,
) -> HtmlResult<Response> {
    match app
        .accept_invitation(&token, &form.password, &form.password_confirm)
        .await
    {
        Ok(session) => Ok(super::signed_in_to(
            &app,
            session,
            &ctx.href("/account?done=welcome"),
        )),
        Err(Error::Invalid(errors)) => accept_page(ctx, &app, &token, &errors).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}
