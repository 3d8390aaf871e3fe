//! The coordinators' settings of the agreement checklist every visit goes through.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::{App, Error};
use crate::app::{ChecklistItemRow, ChecklistLine};
use crate::domain::exchange::visit::ChecklistItemForm;
use crate::domain::exchange::visit::Side;
use crate::domain::{Action, FieldErrors};
use crate::web::{CsrfForm, Ctx};

use crate::web::html::{DoneParam, Errors, HtmlResult, OrPage, form_status};

/// Routes of the checklist settings.
pub fn router() -> Router<App> {
    Router::new()
        .route(
            "/exchange/checklist",
            get(checklist).post(add_checklist_item),
        )
        .route("/exchange/checklist/{id}", post(toggle_checklist_item))
}

/// A checklist item in the coordinators' settings.
struct SettingItem {
    action: String,
    label: String,
    active: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/visits/checklist.html")]
struct ChecklistPage {
    ctx: Ctx,
    items: Vec<SettingItem>,
    form: ChecklistItemForm,
    errors: Errors,
    notice: Option<String>,
}

async fn checklist_page(
    ctx: Ctx,
    app: &App,
    form: ChecklistItemForm,
    errors: &FieldErrors,
    done: Option<&str>,
) -> HtmlResult<Response> {
    ctx.require(Action::EditChecklist)?;
    let items: Vec<ChecklistItemRow> = app.checklist().await.or_page(&ctx)?;
    let status = form_status(errors);
    let page = ChecklistPage {
        items: items
            .iter()
            .map(|i| SettingItem {
                action: ctx.link("/exchange/checklist/", &i.id.to_string(), ""),
                label: label_of(
                    &ctx,
                    i.item_key.as_deref(),
                    [&i.label_de, &i.label_fr, &i.label_en],
                ),
                active: i.active == 1,
            })
            .collect(),
        form,
        errors: ctx.errors(errors),
        notice: crate::web::html::notice(&ctx, done),
        ctx,
    };
    Ok((status, page).into_response())
}

async fn checklist(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(d): HtmlQuery<DoneParam>,
) -> HtmlResult<Response> {
    checklist_page(
        ctx,
        &app,
        ChecklistItemForm::default(),
        &FieldErrors::new(),
        d.done.as_deref(),
    )
    .await
}

async fn add_checklist_item(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<ChecklistItemForm>,
) -> HtmlResult<Response> {
    match app.add_checklist_item(&ctx.actor(), &form).await {
        Ok(_) => Ok(crate::web::html::done(&ctx, "/exchange/checklist", "saved")),
        Err(Error::Invalid(errors)) => checklist_page(ctx, &app, form, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct ToggleForm {
    active: String,
}

async fn toggle_checklist_item(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ToggleForm>,
) -> HtmlResult<Response> {
    app.set_checklist_item_active(&ctx.actor(), id, f.active == "1")
        .await
        .or_page(&ctx)?;
    Ok(crate::web::html::done(&ctx, "/exchange/checklist", "saved"))
}

/// A checklist item as shown.
pub(super) struct CheckLine {
    pub(super) id: i64,
    pub(super) label: String,
    pub(super) visitor: bool,
    pub(super) host: bool,
    pub(super) mine: bool,
}

pub(super) fn label_of(ctx: &Ctx, key: Option<&str>, labels: [&str; 3]) -> String {
    match key {
        Some(k) => ctx.tk("checklist-item-", k),
        None => crate::app::label_in(ctx.locale, labels),
    }
}

pub(super) fn check_line(ctx: &Ctx, l: &ChecklistLine, side: Option<Side>) -> CheckLine {
    CheckLine {
        id: l.id,
        label: label_of(
            ctx,
            l.key.as_deref(),
            [&l.labels[0], &l.labels[1], &l.labels[2]],
        ),
        visitor: l.visitor,
        host: l.host,
        mine: match side {
            Some(Side::Visitor) => l.visitor,
            Some(Side::Host) => l.host,
            None => false,
        },
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(super) struct ConfirmForm {
    item: Vec<String>,
}

pub(super) async fn confirm(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ConfirmForm>,
) -> HtmlResult<Response> {
    let items: Vec<i64> = f.item.iter().filter_map(|s| s.parse().ok()).collect();
    app.confirm_checklist(&ctx.actor(), id, &items)
        .await
        .or_page(&ctx)?;
    Ok(crate::web::html::done(
        &ctx,
        &format!("/visits/{id}"),
        "checklist",
    ))
}
