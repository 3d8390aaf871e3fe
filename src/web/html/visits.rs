//! Visit pages of the exchange programme: my visits (as visitor and as host) with my private
//! calendar, the request form (for a placement or open), the visit page with its timeline, the
//! steps each side may take, the agreement checklist and the schedule, the learning report form,
//! the reports, and the coordinators' checklist settings.

use super::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::{App, ChecklistLine, Error, VisitQuery, VisitView};
use crate::domain::exchange::{Reason, Span};
use crate::domain::placement::parse_day;
use crate::domain::visit::{
    ChecklistItemForm, Intention, ReportForm, RequestForm, ScheduleForm, Side, Step, VisitStatus,
};
use crate::domain::{Action, FieldErrors};
use crate::storage::{ChecklistItemRow, ReportRow, ThemeRow, VisitRow};
use crate::web::{CsrfForm, Ctx};

use super::placements::{day_label, period};
use super::{
    Choice, DoneParam, Errors, HtmlResult, OrPage, Pager, city_name, form_status, language_choices,
    language_labels, markdown, theme_choices, theme_labels,
};

/// Routes of the visit pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/visits", get(list).post(create))
        .route("/visits/new", get(new_form))
        .route("/visits/calendar", post(reset_calendar))
        .route("/visits/{id}", get(show))
        .route("/visits/{id}/step", post(step))
        .route("/visits/{id}/choose", post(choose))
        .route("/visits/{id}/checklist", post(confirm))
        .route("/visits/{id}/schedule", post(schedule))
        .route("/visits/{id}/report", get(report_form).post(save_report))
        .route("/visits/{id}/host-view", post(host_view))
        .route("/calendar/{file}", get(private_feed))
        .route("/reports", get(reports))
        .route("/reports/{id}", get(report))
        .route(
            "/exchange/checklist",
            get(checklist).post(add_checklist_item),
        )
        .route("/exchange/checklist/{id}", post(toggle_checklist_item))
}

/// The notices the visit pages show after a form.
fn visit_notice(ctx: &Ctx, done: Option<&str>) -> Option<String> {
    match done? {
        "requested" | "accept" | "decline" | "complete" | "cancel" | "schedule" | "report"
        | "checklist" | "host-view" | "calendar" => Some(ctx.tk("visit-done-", done?)),
        other => super::notice(ctx, Some(other)),
    }
}

pub(super) fn status_label(ctx: &Ctx, status: &str) -> String {
    ctx.tk("visit-status-", status)
}

fn span_label(ctx: &Ctx, a: Option<&str>, b: Option<&str>) -> Option<String> {
    let (a, b) = (parse_day(a?)?, parse_day(b?)?);
    Some(period(ctx, a, b))
}

fn moment(ctx: &Ctx, at: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(at)
        .map(|t| day_label(ctx, t.date()))
        .unwrap_or_default()
}

/// A reason as a sentence.
pub(super) fn reason_text(ctx: &Ctx, themes: &[ThemeRow], r: &Reason) -> String {
    match r {
        Reason::SharedThemes { themes: keys } => ctx.t1(
            "reason-themes",
            "themes",
            &theme_labels(themes, ctx.locale, keys).join(", "),
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

pub(super) fn dates_reason(ctx: &Ctx, days: Span) -> String {
    ctx.t1("reason-dates", "period", &period(ctx, days.start, days.end))
}

/// A visit in a list.
struct Item {
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

fn item(ctx: &Ctx, row: &VisitRow) -> Item {
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
struct ListParams {
    status: String,
    page: Option<i64>,
    done: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "visits/list.html")]
struct ListPage {
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

async fn list(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<ListParams>,
) -> HtmlResult<Response> {
    list_page(ctx, &app, p, None).await
}

/// The list, and the calendar address when `fresh_token` was just made.
async fn list_page(
    ctx: Ctx,
    app: &App,
    p: ListParams,
    fresh_token: Option<String>,
) -> HtmlResult<Response> {
    let actor = ctx.actor();
    let page = p.page.unwrap_or(1).max(1);
    let limit = crate::app::page_size(Some(50));
    let query = VisitQuery {
        status: super::nonempty(&p.status),
        limit: Some(limit),
        offset: Some((page - 1) * limit),
    };
    let visits = app.visits(&actor, &query).await.or_page(&ctx)?;
    let made = app.calendar_address_made(&actor).await.or_page(&ctx)?;
    let (as_visitor, as_host): (Vec<Item>, Vec<Item>) = visits
        .items
        .iter()
        .map(|r| item(&ctx, r))
        .partition(|i| i.mine);
    let qs = super::query_string(&[("status", p.status.as_str())]);
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
            .map(|at| super::placements::day_label(&ctx, at.date())),
        notice: visit_notice(&ctx, p.done.as_deref()),
        as_visitor,
        as_host,
        ctx,
    };
    Ok(page.into_response())
}

async fn reset_calendar(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> HtmlResult<Response> {
    let token = app.reset_calendar_token(&ctx.actor()).await.or_page(&ctx)?;
    // Shown on this answer only, never put into an address (where logs would keep it).
    let params = ListParams {
        done: Some("calendar".to_owned()),
        ..ListParams::default()
    };
    list_page(ctx, &app, params, Some(token)).await
}

/// The private calendar feed: `/{lang}/calendar/{token}.ics`.
async fn private_feed(
    ctx: Ctx,
    State(app): State<App>,
    Path(file): Path<String>,
) -> HtmlResult<Response> {
    let token = file.strip_suffix(".ics").unwrap_or("");
    let text = app.calendar_feed(token).await.or_page(&ctx)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        text,
    )
        .into_response())
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct NewParams {
    placement: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "visits/form.html")]
struct FormPage {
    ctx: Ctx,
    form: RequestForm,
    errors: Errors,
    placement: Option<(String, String, String, Vec<String>)>,
    themes: Vec<Choice>,
    cities: Vec<Choice>,
    languages: Vec<Choice>,
}

async fn form_page(
    ctx: Ctx,
    app: &App,
    form: RequestForm,
    errors: &FieldErrors,
) -> HtmlResult<Response> {
    let actor = ctx.actor();
    if !ctx.can(Action::RequestVisit) {
        return Err(Error::Unauthorized).or_page(&ctx);
    }
    let placement = match form.placement.trim() {
        "" => None,
        slug => {
            let p = app.placement(&actor, slug).await.or_page(&ctx)?;
            Some((
                ctx.link("/placements/", &p.row.slug, ""),
                p.row.title.clone(),
                p.row.lang.clone(),
                p.windows
                    .iter()
                    .map(|w| period(&ctx, w.start, w.end))
                    .collect(),
            ))
        }
    };
    let themes = app.themes().await.or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let status = form_status(errors);
    let page = FormPage {
        errors: ctx.errors(errors),
        placement,
        themes: theme_choices(&themes, ctx.locale, &form.themes),
        cities: super::city_choices(&cities, ctx.locale, &form.cities),
        languages: language_choices(ctx.locale, &form.languages),
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn new_form(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<NewParams>,
) -> HtmlResult<Response> {
    let mut form = RequestForm {
        placement: p.placement,
        length_days: "2".to_owned(),
        languages: vec![ctx.lang().to_owned()],
        ..Default::default()
    };
    if !form.placement.is_empty()
        && let Ok(pl) = app.placement(&ctx.actor(), &form.placement).await
        && let Some(w) = pl.windows.iter().find(|w| w.end >= crate::app::today())
    {
        form.start = w.start.max(crate::app::today()).to_string();
        form.end = w.end.to_string();
        form.themes = pl.themes();
    }
    form_page(ctx, &app, form, &FieldErrors::new()).await
}

async fn create(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<RequestForm>,
) -> HtmlResult<Response> {
    match app.request_visit(&ctx.actor(), &form).await {
        Ok(id) => Ok(super::done(&ctx, &format!("/visits/{id}"), "requested")),
        Err(Error::Invalid(errors)) => form_page(ctx, &app, form, &errors).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// A checklist item as shown.
struct CheckLine {
    id: i64,
    label: String,
    visitor: bool,
    host: bool,
    mine: bool,
}

fn label_of(ctx: &Ctx, key: Option<&str>, labels: [&str; 3]) -> String {
    match key {
        Some(k) => ctx.tk("checklist-item-", k),
        None => crate::app::label_in(ctx.locale, labels),
    }
}

fn check_line(ctx: &Ctx, l: &ChecklistLine, side: Option<Side>) -> CheckLine {
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

/// A timeline entry as shown.
struct Event {
    when: String,
    what: String,
    who: String,
    message: String,
}

/// A suggestion as shown.
struct Shown {
    href: String,
    slug: String,
    title: String,
    lang: String,
    host: String,
    reasons: Vec<String>,
    points: i64,
}

/// The learning report as shown.
struct ReportShown {
    lang: String,
    saw: String,
    worked: String,
    take_home: String,
    practices: Vec<(String, String)>,
    intention: String,
    outcome: String,
    host_view: String,
    published: bool,
}

fn report_shown(ctx: &Ctx, r: &ReportRow) -> ReportShown {
    ReportShown {
        lang: r.lang.clone(),
        saw: markdown(&r.saw),
        worked: markdown(&r.worked),
        take_home: markdown(&r.take_home),
        practices: crate::storage::split_list(&r.practices)
            .into_iter()
            .map(|s| (ctx.link("/practices/", &s, ""), s))
            .collect(),
        intention: ctx.tk("intention-", &r.intention),
        outcome: markdown(&r.outcome),
        host_view: markdown(&r.host_view),
        published: r.published == 1,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "visits/show.html")]
struct ShowPage {
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

async fn show_page(
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
    let wanted = crate::storage::split_list(&r.cities);
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
        themes: theme_labels(&themes, ctx.locale, &crate::storage::split_list(&r.themes)),
        languages: language_labels(ctx.locale, &crate::storage::split_list(&r.languages)),
        cities: cities
            .iter()
            .filter(|c| wanted.contains(&c.slug))
            .map(|c| city_name(c, ctx.locale).to_owned())
            .collect(),
        events: v
            .events
            .iter()
            .map(|e| Event {
                when: moment(&ctx, e.at),
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
        report: v.report.as_ref().map(|r| report_shown(&ctx, r)),
        schedule,
        errors: ctx.errors(errors),
        notice: visit_notice(&ctx, done),
        action: ctx.link("/visits/", &id.to_string(), ""),
        v,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn show(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    HtmlQuery(d): HtmlQuery<DoneParam>,
) -> HtmlResult<Response> {
    show_page(ctx, &app, id, None, &FieldErrors::new(), d.done.as_deref()).await
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct StepForm {
    step: String,
    message: String,
}

async fn step(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<StepForm>,
) -> HtmlResult<Response> {
    let Some(step) = Step::parse(&f.step) else {
        return Err(Error::Conflict("error-visit-step-not-possible")).or_page(&ctx);
    };
    match app.step_visit(&ctx.actor(), id, step, &f.message).await {
        Ok(()) => Ok(super::done(&ctx, &format!("/visits/{id}"), step.as_str())),
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
struct ChooseForm {
    placement: String,
}

async fn choose(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ChooseForm>,
) -> HtmlResult<Response> {
    match app.choose_placement(&ctx.actor(), id, &f.placement).await {
        Ok(()) => Ok(super::done(&ctx, &format!("/visits/{id}"), "requested")),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, id, None, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct ConfirmForm {
    item: Vec<String>,
}

async fn confirm(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ConfirmForm>,
) -> HtmlResult<Response> {
    let items: Vec<i64> = f.item.iter().filter_map(|s| s.parse().ok()).collect();
    app.confirm_checklist(&ctx.actor(), id, &items)
        .await
        .or_page(&ctx)?;
    Ok(super::done(&ctx, &format!("/visits/{id}"), "checklist"))
}

async fn schedule(
    ctx: Ctx,
    State(app): State<App>,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ScheduleForm>,
) -> HtmlResult<Response> {
    match app.schedule_visit(&ctx.actor(), id, &form).await {
        Ok(()) => Ok(super::done(&ctx, &format!("/visits/{id}"), "schedule")),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, id, Some(form), &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "visits/report_form.html")]
struct ReportFormPage {
    ctx: Ctx,
    form: ReportForm,
    errors: Errors,
    title: String,
    lang: String,
    back: String,
    intentions: Vec<Choice>,
    langs: Vec<Choice>,
    practices: String,
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
            practices: crate::storage::split_list(&r.practices),
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
        langs: super::content_lang_choices(ctx.locale, &form.lang, None),
        practices: form.practices.join(", "),
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
    practices: String,
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
        practices: f
            .practices
            .split([',', '\n'])
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        intention: f.intention,
        outcome: f.outcome,
        published: f.published.is_some(),
    };
    match app.save_report(&ctx.actor(), id, &form).await {
        Ok(()) => Ok(super::done(&ctx, &format!("/visits/{id}"), "report")),
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
        Ok(()) => Ok(super::done(&ctx, &format!("/visits/{id}"), "host-view")),
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
#[template(path = "visits/reports.html")]
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
        .reports(&ctx.actor(), Some(limit), Some((page - 1) * limit))
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
                when: moment(&ctx, r.created_at),
                published: r.published == 1,
            })
            .collect(),
        count: ctx.t1("reports-count", "count", &list.total.to_string()),
        pager: Pager::new(&ctx.href("/reports"), "", list.total, limit, page),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "visits/report.html")]
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
        r: report_shown(&ctx, &r),
        ctx,
    })
}

/// A checklist item in the coordinators' settings.
struct SettingItem {
    action: String,
    label: String,
    active: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "visits/checklist.html")]
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
        notice: super::notice(&ctx, done),
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
        Ok(_) => Ok(super::done(&ctx, "/exchange/checklist", "saved")),
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
    Ok(super::done(&ctx, "/exchange/checklist", "saved"))
}
