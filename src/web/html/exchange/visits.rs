//! Visit pages of the exchange programme: my visits (as visitor and as host) with my private
//! calendar, and the visit page with its timeline, the steps each side may take, the agreement
//! checklist and the schedule. The request form, the learning reports and the checklist settings
//! have modules of their own beside this one.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::{App, Error, VisitQuery, VisitView};
use crate::app::{ReportRow, TermRow, VisitRow};
use crate::domain::FieldErrors;
use crate::domain::exchange::placement::parse_day;
use crate::domain::exchange::visit::{ScheduleForm, Step, VisitStatus};
use crate::domain::exchange::{Reason, Span};
use crate::web::{CsrfForm, Ctx};

use super::checklist::{CheckLine, check_line};
use crate::web::html::exchange::placements::period;
use crate::web::html::{
    Choice, DoneParam, Errors, HtmlResult, OrPage, Pager, city_name, form_status, language_labels,
    markdown, term_labels,
};

/// Routes of the visit pages, with the checklist confirmations and the private calendar.
pub fn router() -> Router<App> {
    use super::calendar::{private_feed, reset_calendar};
    use super::checklist::confirm;
    Router::new()
        .route("/visits", get(list))
        .route("/visits/calendar", post(reset_calendar))
        .route("/visits/{id}", get(show))
        .route("/visits/{id}/step", post(step))
        .route("/visits/{id}/choose", post(choose))
        .route("/visits/{id}/checklist", post(confirm))
        .route("/visits/{id}/schedule", post(schedule))
        .route("/calendar/{file}", get(private_feed))
}

/// The notices the visit pages show after a form.
pub(super) fn visit_notice(ctx: &Ctx, done: Option<&str>) -> Option<String> {
    match done? {
        "requested" | "accept" | "decline" | "complete" | "cancel" | "schedule" | "report"
        | "checklist" | "host-view" | "calendar" => Some(ctx.tk("visit-done-", done?)),
        other => crate::web::html::notice(ctx, Some(other)),
    }
}

pub(crate) fn status_label(ctx: &Ctx, status: &str) -> String {
    ctx.tk("visit-status-", status)
}

pub(super) fn span_label(ctx: &Ctx, a: Option<&str>, b: Option<&str>) -> Option<String> {
    let (a, b) = (parse_day(a?)?, parse_day(b?)?);
    Some(period(ctx, a, b))
}

/// A reason as a sentence.
pub(crate) fn reason_text(ctx: &Ctx, themes: &[TermRow], r: &Reason) -> String {
    match r {
        Reason::SharedThemes { themes: keys } => ctx.t1(
            "reason-themes",
            "themes",
            &term_labels(themes, ctx.locale, keys).join(", "),
        ),
        Reason::SharedLanguage { languages } => ctx.t1(
            "reason-language",
            "languages",
            &language_labels(ctx.locale, languages).join(", "),
        ),
        Reason::PreferredCity => ctx.t("reason-city"),
        Reason::CrossBorder => ctx.t("reason-cross-border"),
        Reason::FewVisits { visits } => ctx.t1("reason-few-visits", "visits", &visits.to_string()),
        Reason::Preference { rank } => ctx.t1("reason-preference", "rank", &rank.to_string()),
    }
}

pub(crate) fn dates_reason(ctx: &Ctx, days: Span) -> String {
    ctx.t1("reason-dates", "period", &period(ctx, days.start, days.end))
}

/// A visit in a list.
pub(super) struct Item {
    href: String,
    title: String,
    lang: String,
    host: String,
    visitor: String,
    status: String,
    status_key: String,
    dates: String,
    mine: bool,
}

pub(super) fn item(ctx: &Ctx, row: &VisitRow) -> Item {
    let dates = span_label(ctx, row.start_date.as_deref(), row.end_date.as_deref())
        .or_else(|| {
            span_label(
                ctx,
                Some(row.possible_start.as_str()),
                Some(row.possible_end.as_str()),
            )
        })
        .unwrap_or_default();
    Item {
        href: ctx.link("/visits/", &row.id.to_string(), ""),
        title: row
            .placement_title
            .clone()
            .unwrap_or_else(|| ctx.t("visit-open-request")),
        lang: row
            .placement_lang
            .clone()
            .unwrap_or_else(|| ctx.lang().to_owned()),
        host: row.host_name.clone().unwrap_or_default(),
        visitor: row.visitor_organisation_name.clone().unwrap_or_default(),
        status: status_label(ctx, &row.status),
        status_key: row.status.clone(),
        dates,
        mine: ctx.actor().user_id() == Some(row.visitor_id),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(super) struct ListParams {
    pub(super) status: String,
    pub(super) page: Option<i64>,
    pub(super) done: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/visits/list.html")]
pub(super) struct ListPage {
    ctx: Ctx,
    as_visitor: Vec<Item>,
    as_host: Vec<Item>,
    statuses: Vec<Choice>,
    count: String,
    pager: Pager,
    /// The private calendar address, only right after it was made.
    feed: Option<String>,
    /// When the member made the address they have, in their words.
    feed_made: Option<String>,
    notice: Option<String>,
}

pub(super) async fn list(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<ListParams>,
) -> HtmlResult<Response> {
    list_page(ctx, &app, p, None).await
}

/// The list, and the calendar address when `fresh_token` was just made.
pub(super) async fn list_page(
    ctx: Ctx,
    app: &App,
    p: ListParams,
    fresh_token: Option<String>,
) -> HtmlResult<Response> {
    let actor = ctx.actor();
    let page = p.page.unwrap_or(1).max(1);
    let limit = crate::app::page_size(Some(50));
    let query = VisitQuery {
        status: crate::web::html::nonempty(&p.status),
        limit: Some(limit),
        offset: Some(crate::web::html::page_offset(page, limit)),
        own: false,
    };
    let visits = app.visits(&actor, &query).await.or_page(&ctx)?;
    let made = app.calendar_address_made(&actor).await.or_page(&ctx)?;
    let (as_visitor, as_host): (Vec<Item>, Vec<Item>) = visits
        .items
        .iter()
        .map(|r| item(&ctx, r))
        .partition(|i| i.mine);
    let qs = crate::web::html::query_string(&[("status", p.status.as_str())]);
    let page = ListPage {
        statuses: VisitStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().to_owned(),
                label: status_label(&ctx, s.as_str()),
                selected: p.status == s.as_str(),
            })
            .collect(),
        count: ctx.t1("visits-count", "count", &visits.total.to_string()),
        pager: Pager::new(&ctx.href("/visits"), &qs, visits.total, limit, page),
        feed: fresh_token.map(|token| {
            format!(
                "{}{}",
                app.config().base_url.trim_end_matches('/'),
                ctx.link("/calendar/", &format!("{token}.ics"), "")
            )
        }),
        feed_made: made
            .and_then(|at| time::OffsetDateTime::from_unix_timestamp(at).ok())
            .map(|at| ctx.day(at.date())),
        notice: visit_notice(&ctx, p.done.as_deref()),
        as_visitor,
        as_host,
        ctx,
    };
    Ok(page.into_response())
}

/// A timeline entry as shown.
pub(super) struct Event {
    when: String,
    what: String,
    who: String,
    message: String,
}

/// A suggestion as shown.
pub(super) struct Shown {
    href: String,
    slug: String,
    title: String,
    lang: String,
    host: String,
    reasons: Vec<String>,
    points: i64,
}

/// The learning report as shown.
pub(super) struct ReportShown {
    pub(super) lang: String,
    pub(super) saw: String,
    pub(super) worked: String,
    pub(super) take_home: String,
    pub(super) practices: Vec<(String, String)>,
    pub(super) intention: String,
    pub(super) outcome: String,
    pub(super) host_view: String,
    pub(super) published: bool,
}

/// A report as pages show it; related practices by their titles (published ones only).
pub(super) async fn report_shown(
    ctx: &Ctx,
    app: &App,
    r: &ReportRow,
) -> Result<ReportShown, Error> {
    let practices = app
        .practice_titles(&crate::app::split_list(&r.practices), ctx.locale)
        .await?;
    Ok(ReportShown {
        lang: r.lang.clone(),
        saw: markdown(&r.saw),
        worked: markdown(&r.worked),
        take_home: markdown(&r.take_home),
        practices: practices
            .into_iter()
            .map(|(s, title)| (ctx.link("/practices/", &s, ""), title))
            .collect(),
        intention: ctx.tk("intention-", &r.intention),
        outcome: markdown(&r.outcome),
        host_view: markdown(&r.host_view),
        published: r.published == 1,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/visits/show.html")]
pub(super) struct ShowPage {
    ctx: Ctx,
    v: VisitView,
    title: String,
    lang: String,
    status: String,
    possible: String,
    window: Option<String>,
    days: Option<String>,
    times: Option<String>,
    agenda: String,
    themes: Vec<String>,
    languages: Vec<String>,
    cities: Vec<String>,
    events: Vec<Event>,
    checklist: Vec<CheckLine>,
    suggestions: Vec<Shown>,
    report: Option<ReportShown>,
    schedule: ScheduleForm,
    errors: Errors,
    notice: Option<String>,
    action: String,
}

pub(super) async fn show_page(
    ctx: Ctx,
    app: &App,
    id: i64,
    schedule: Option<ScheduleForm>,
    errors: &FieldErrors,
    done: Option<&str>,
) -> HtmlResult<Response> {
    let actor = ctx.actor();
    let v = app.visit(&actor, id).await.or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let suggestions = app
        .suggestions(&actor, id)
        .await
        .or_page(&ctx)?
        .into_iter()
        .map(|s| {
            let mut reasons = vec![dates_reason(&ctx, s.days)];
            reasons.extend(s.reasons.iter().map(|r| reason_text(&ctx, &themes, r)));
            Shown {
                href: ctx.link("/placements/", &s.placement.row.slug, ""),
                slug: s.placement.row.slug.clone(),
                title: s.placement.row.title.clone(),
                lang: s.placement.row.lang.clone(),
                host: s.placement.row.organisation_name.clone(),
                reasons,
                points: s.points,
            }
        })
        .collect();
    let r = &v.row;
    let schedule = schedule.unwrap_or_else(|| ScheduleForm {
        start: r
            .start_date
            .clone()
            .or_else(|| {
                v.window()
                    .map(|w| w.start.max(crate::app::today()).to_string())
            })
            .unwrap_or_default(),
        end: r.end_date.clone().unwrap_or_default(),
        start_time: r.start_time.clone().unwrap_or_default(),
        end_time: r.end_time.clone().unwrap_or_default(),
        meeting_point: r.meeting_point.clone(),
        agenda: r.agenda.clone(),
    });
    let wanted = crate::app::split_list(&r.cities);
    let status = form_status(errors);
    let page = ShowPage {
        title: r
            .placement_title
            .clone()
            .unwrap_or_else(|| ctx.t("visit-open-request")),
        lang: r
            .placement_lang
            .clone()
            .unwrap_or_else(|| ctx.lang().to_owned()),
        status: status_label(&ctx, &r.status),
        possible: span_label(
            &ctx,
            Some(r.possible_start.as_str()),
            Some(r.possible_end.as_str()),
        )
        .unwrap_or_default(),
        window: v.window().map(|w| period(&ctx, w.start, w.end)),
        days: v.days().map(|d| period(&ctx, d.start, d.end)),
        times: r
            .start_time
            .as_ref()
            .zip(r.end_time.as_ref())
            .map(|(a, b)| {
                crate::i18n::t_args(
                    ctx.locale,
                    "visit-times",
                    &[("start", a.clone()), ("end", b.clone())],
                )
            }),
        agenda: markdown(&r.agenda),
        themes: term_labels(&themes, ctx.locale, &crate::app::split_list(&r.themes)),
        languages: language_labels(ctx.locale, &crate::app::split_list(&r.languages)),
        cities: cities
            .iter()
            .filter(|c| wanted.contains(&c.slug))
            .map(|c| city_name(c, ctx.locale).to_owned())
            .collect(),
        events: v
            .events
            .iter()
            .map(|e| Event {
                when: ctx.moment(e.at),
                what: ctx.tk("visit-event-", &e.step),
                who: e.actor_organisation.clone().unwrap_or_default(),
                message: e.message.clone(),
            })
            .collect(),
        checklist: v
            .checklist
            .iter()
            .map(|l| check_line(&ctx, l, v.confirms))
            .collect(),
        suggestions,
        report: match &v.report {
            Some(r) => Some(report_shown(&ctx, app, r).await.or_page(&ctx)?),
            None => None,
        },
        schedule,
        errors: ctx.errors(errors),
        notice: visit_notice(&ctx, done),
        action: ctx.link("/visits/", &id.to_string(), ""),
        v,
        ctx,
    };
    Ok((status, page).into_response())
}

pub(super) async fn show(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    HtmlQuery(d): HtmlQuery<DoneParam>,
) -> HtmlResult<Response> {
    show_page(ctx, &app, id, None, &FieldErrors::new(), d.done.as_deref()).await
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(super) struct StepForm {
    step: String,
    message: String,
}

pub(super) async fn step(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<StepForm>,
) -> HtmlResult<Response> {
    let Some(step) = Step::parse(&f.step) else {
        return Err(Error::Conflict("error-visit-step-not-possible")).or_page(&ctx);
    };
    match app.step_visit(&ctx.actor(), id, step, &f.message).await {
        Ok(()) => Ok(crate::web::html::done(
            &ctx,
            &format!("/visits/{id}"),
            step.as_str(),
        )),
        Err(Error::Invalid(mut errors)) => {
            // The message box belongs to the step's own form on the page.
            let field = match step {
                Step::Cancel => "cancel_message",
                _ => "step_message",
            };
            let moved = errors.iter().map(|(_, e)| e.clone()).collect::<Vec<_>>();
            errors = FieldErrors::new();
            for e in moved {
                errors.add(field, e);
            }
            show_page(ctx, &app, id, None, &errors, None).await
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(super) struct ChooseForm {
    placement: String,
}

pub(super) async fn choose(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ChooseForm>,
) -> HtmlResult<Response> {
    match app.choose_placement(&ctx.actor(), id, &f.placement).await {
        Ok(()) => Ok(crate::web::html::done(
            &ctx,
            &format!("/visits/{id}"),
            "requested",
        )),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, id, None, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

pub(super) async fn schedule(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ScheduleForm>,
) -> HtmlResult<Response> {
    match app.schedule_visit(&ctx.actor(), id, &form).await {
        Ok(()) => Ok(crate::web::html::done(
            &ctx,
            &format!("/visits/{id}"),
            "schedule",
        )),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, id, Some(form), &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}
