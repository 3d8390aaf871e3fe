//! Learning reports: the visitor's form, the host's view, the list and the report page.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::{App, Error};
use crate::domain::FieldErrors;
use crate::domain::exchange::visit::{Intention, ReportForm, Step};
use crate::web::{CsrfForm, Ctx};

use super::visits::*;
use crate::app::Pick;
use crate::web::html::{Choice, Errors, HtmlResult, OrPage, Pager, Picker, form_status};

/// Routes of the learning reports.
pub fn router() -> Router<App> {
    Router::new()
        .route("/visits/{id}/report", get(report_form).post(save_report))
        .route("/visits/{id}/host-view", post(host_view))
        .route("/reports", get(reports))
        .route("/reports/{id}", get(report))
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/visits/report_form.html")]
struct ReportFormPage {
    ctx: Ctx,
    form: ReportForm,
    errors: Errors,
    title: String,
    lang: String,
    back: String,
    intentions: Vec<Choice>,
    langs: Vec<Choice>,
    practices: Picker,
    follow_up: bool,
    sections: Vec<(&'static str, String)>,
}

async fn report_page(
    ctx: Ctx,
    app: &App,
    id: i64,
    form: Option<ReportForm>,
    errors: &FieldErrors,
) -> HtmlResult<Response> {
    let v = app.visit(&ctx.actor(), id).await.or_page(&ctx)?;
    if !v.may(Step::Report) {
        return Err(Error::Forbidden).or_page(&ctx);
    }
    let form = form.unwrap_or_else(|| match &v.report {
        Some(r) => ReportForm {
            lang: r.lang.clone(),
            saw: r.saw.clone(),
            worked: r.worked.clone(),
            take_home: r.take_home.clone(),
            practices: crate::app::split_list(&r.practices),
            intention: r.intention.clone(),
            outcome: r.outcome.clone(),
            published: r.published == 1,
        },
        None => ReportForm {
            lang: ctx.lang().to_owned(),
            intention: Intention::Consider.as_str().to_owned(),
            ..Default::default()
        },
    });
    let status = form_status(errors);
    let page = ReportFormPage {
        errors: ctx.errors(errors),
        title: v.row.placement_title.clone().unwrap_or_default(),
        lang: v.row.placement_lang.clone().unwrap_or_default(),
        back: ctx.link("/visits/", &id.to_string(), ""),
        intentions: Intention::ALL
            .iter()
            .map(|i| Choice {
                value: i.as_str().to_owned(),
                label: ctx.tk("intention-", i.as_str()),
                selected: form.intention == i.as_str(),
            })
            .collect(),
        langs: crate::web::html::content_lang_choices(ctx.locale, &form.lang, None),
        practices: Picker::new(
            app,
            &ctx,
            Pick::Practice,
            ("practices", false),
            &form.practices,
        )
        .await
        .or_page(&ctx)?,
        follow_up: v.report.is_some(),
        sections: vec![
            ("saw", form.saw.clone()),
            ("worked", form.worked.clone()),
            ("take_home", form.take_home.clone()),
        ],
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn report_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
) -> HtmlResult<Response> {
    report_page(ctx, &app, id, None, &FieldErrors::new()).await
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct PostedReport {
    lang: String,
    saw: String,
    worked: String,
    take_home: String,
    practices: Vec<String>,
    intention: String,
    outcome: String,
    published: Option<String>,
}

async fn save_report(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<PostedReport>,
) -> HtmlResult<Response> {
    let form = ReportForm {
        lang: f.lang,
        saw: f.saw,
        worked: f.worked,
        take_home: f.take_home,
        practices: crate::web::html::picked(f.practices),
        intention: f.intention,
        outcome: f.outcome,
        published: f.published.is_some(),
    };
    match app.save_report(&ctx.actor(), id, &form).await {
        Ok(()) => Ok(crate::web::html::done(
            &ctx,
            &format!("/visits/{id}"),
            "report",
        )),
        Err(Error::Invalid(errors)) => report_page(ctx, &app, id, Some(form), &errors).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct HostViewForm {
    host_view: String,
}

async fn host_view(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<HostViewForm>,
) -> HtmlResult<Response> {
    match app.add_host_view(&ctx.actor(), id, &f.host_view).await {
        Ok(()) => Ok(crate::web::html::done(
            &ctx,
            &format!("/visits/{id}"),
            "host-view",
        )),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, id, None, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// A report in the list.
struct ReportItem {
    href: String,
    title: String,
    lang: String,
    host: String,
    visitor: String,
    intention: String,
    when: String,
    published: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/visits/reports.html")]
struct ReportsPage {
    ctx: Ctx,
    items: Vec<ReportItem>,
    count: String,
    pager: Pager,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct PageParam {
    page: Option<i64>,
}

async fn reports(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<PageParam>,
) -> HtmlResult<ReportsPage> {
    let page = p.page.unwrap_or(1).max(1);
    let limit = crate::app::page_size(Some(20));
    let list = app
        .reports(
            &ctx.actor(),
            Some(limit),
            Some(crate::web::html::page_offset(page, limit)),
        )
        .await
        .or_page(&ctx)?;
    Ok(ReportsPage {
        items: list
            .items
            .iter()
            .map(|r| ReportItem {
                href: ctx.link("/reports/", &r.visit_id.to_string(), ""),
                title: r.placement_title.clone(),
                lang: r.placement_lang.clone(),
                host: r.host_name.clone(),
                visitor: r.visitor_organisation_name.clone().unwrap_or_default(),
                intention: ctx.tk("intention-", &r.intention),
                when: ctx.day_of(r.created_at),
                published: r.published == 1,
            })
            .collect(),
        count: ctx.t1("reports-count", "count", &list.total.to_string()),
        pager: Pager::new(&ctx.href("/reports"), "", list.total, limit, page),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/visits/report.html")]
struct ReportPage {
    ctx: Ctx,
    title: String,
    lang: String,
    host: String,
    visitor: String,
    placement_href: Option<String>,
    visit_href: Option<String>,
    days: Option<String>,
    r: ReportShown,
}

async fn report(ctx: Ctx, State(app): State<App>, Path(id): Path<i64>) -> HtmlResult<ReportPage> {
    let actor = ctx.actor();
    let (row, r) = app.report(&actor, id).await.or_page(&ctx)?;
    let visit_href = app
        .visit(&actor, id)
        .await
        .ok()
        .map(|_| ctx.link("/visits/", &id.to_string(), ""));
    Ok(ReportPage {
        title: row.placement_title.clone().unwrap_or_default(),
        lang: row.placement_lang.clone().unwrap_or_default(),
        host: row.host_name.clone().unwrap_or_default(),
        visitor: row.visitor_organisation_name.clone().unwrap_or_default(),
        placement_href: row
            .placement_slug
            .as_ref()
            .map(|s| ctx.link("/placements/", s, "")),
        visit_href,
        days: span_label(&ctx, row.start_date.as_deref(), row.end_date.as_deref()),
        r: report_shown(&ctx, &app, &r).await.or_page(&ctx)?,
        ctx,
    })
}
