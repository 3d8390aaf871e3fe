//! `/notices`: the reader's notices, newest first, unread ones marked; opening one marks it read
//! and leads to where to act; "mark all as read"; and how the reader hears of each kind (in the
//! app only, by e-mail at once, or in a daily digest), offered only when the site can send mail.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use crate::app::workspace::notices::{NOTICES_PER_PAGE, NoticeView};
use crate::app::{App, Error};
use crate::domain::FieldErrors;
use crate::domain::workspace::notices::{Delivery, NoticeChoicesForm, NoticeKind};
use crate::web::html::{Choice, Errors, HtmlQuery, HtmlResult, OrPage, Pager, done, form_status};
use crate::web::{CsrfForm, Ctx};

/// One kind's delivery choice as the form shows it.
pub struct KindChoice {
    /// The kind's form name.
    name: &'static str,
    /// The three deliveries.
    choices: Vec<Choice>,
}

#[derive(Template, WebTemplate)]
#[template(path = "workspace/notices.html")]
pub struct NoticesPage {
    ctx: Ctx,
    items: Vec<NoticeView>,
    /// How many there are, and how many are unread, in a sentence.
    summary: String,
    unread: i64,
    /// The newest notice ("mark all as read" stops there: later ones came after the page).
    newest: i64,
    pager: Pager,
    /// Whether the site can send e-mail.
    mail: bool,
    kinds: Vec<KindChoice>,
    errors: Errors,
    notice: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ListParams {
    page: Option<i64>,
    done: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ReadAllForm {
    upto: String,
}

/// The delivery choice of each kind (`None`: nothing selected).
fn kinds(chosen: Vec<(NoticeKind, Option<Delivery>)>) -> Vec<KindChoice> {
    chosen
        .into_iter()
        .map(|(kind, delivery)| KindChoice {
            name: kind.as_str(),
            choices: Delivery::ALL
                .into_iter()
                .map(|d| Choice {
                    value: d.as_str().to_owned(),
                    label: String::new(),
                    selected: Some(d) == delivery,
                })
                .collect(),
        })
        .collect()
}

/// The choices as the form sent them (an unknown value selects nothing).
fn sent(form: &NoticeChoicesForm) -> Vec<(NoticeKind, Option<Delivery>)> {
    [
        (NoticeKind::Practice, &form.practice),
        (NoticeKind::Visit, &form.visit),
        (NoticeKind::Call, &form.call),
        (NoticeKind::Report, &form.report),
    ]
    .into_iter()
    .map(|(k, v)| (k, Delivery::parse(v)))
    .collect()
}

async fn page(
    ctx: Ctx,
    app: &App,
    number: i64,
    chosen: Option<Vec<(NoticeKind, Option<Delivery>)>>,
    errors: &FieldErrors,
    done: Option<&str>,
) -> HtmlResult<NoticesPage> {
    let number = number.max(1);
    let (list, unread, newest) = app
        .notices(
            &ctx.actor(),
            ctx.locale,
            crate::web::html::page_offset(number, NOTICES_PER_PAGE),
        )
        .await
        .or_page(&ctx)?;
    let chosen = match chosen {
        Some(sent) => sent,
        None => app
            .notice_choices(&ctx.actor())
            .await
            .or_page(&ctx)?
            .into_iter()
            .map(|(k, d)| (k, Some(d)))
            .collect(),
    };
    let notice = match done {
        Some("read") => Some(ctx.t("inbox-all-read")),
        other => crate::web::html::notice(&ctx, other),
    };
    Ok(NoticesPage {
        newest,
        pager: Pager::new(&ctx.href("/notices"), "", list.total, list.limit, number),
        summary: ctx.t_args(
            "inbox-summary",
            &[
                ("count", list.total.to_string()),
                ("unread", unread.to_string()),
            ],
        ),
        items: list.items,
        unread,
        mail: app.can_mail(),
        kinds: kinds(chosen),
        errors: ctx.errors(errors),
        notice,
        ctx,
    })
}

pub async fn list(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<ListParams>,
) -> HtmlResult<NoticesPage> {
    page(
        ctx,
        &app,
        p.page.unwrap_or(1),
        None,
        &FieldErrors::new(),
        p.done.as_deref(),
    )
    .await
}

/// Marks a notice read and goes where it leads.
pub async fn open(ctx: Ctx, State(app): State<App>, Path(id): Path<i64>) -> HtmlResult<Response> {
    let path = app
        .open_notice(&ctx.actor(), ctx.locale, id)
        .await
        .or_page(&ctx)?;
    Ok(Redirect::to(&path).into_response())
}

pub async fn read_all(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(f): CsrfForm<ReadAllForm>,
) -> HtmlResult<Response> {
    let upto = f.upto.trim().parse::<i64>().unwrap_or(i64::MAX);
    app.read_all_notices(&ctx.actor(), upto)
        .await
        .or_page(&ctx)?;
    Ok(done(&ctx, "/notices", "read"))
}

pub async fn choose(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(f): CsrfForm<NoticeChoicesForm>,
) -> HtmlResult<Response> {
    match app.set_notice_choices(&ctx.actor(), &f).await {
        Ok(()) => Ok(done(&ctx, "/notices", "saved")),
        Err(Error::Invalid(errors)) => {
            let status = form_status(&errors);
            let body = page(ctx, &app, 1, Some(sent(&f)), &errors, None).await?;
            Ok((status, body).into_response())
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}
