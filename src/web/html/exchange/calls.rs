//! Call pages of the exchange programme: the calls, a call with its placements and the member's
//! request form (up to five ranked preferences), the coordinators' form, and the allocation
//! review (reasons, alternatives, each city's share, changes by hand, publication).

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::{App, CallView, Error, NotPlaced, Review};
use crate::domain::exchange::Unplaceable;
use crate::domain::exchange::call::{CallForm, CallRequestForm, PREFERENCES_MAX};
use crate::domain::{Action, FieldErrors};
use crate::web::{CsrfForm, Ctx};

use crate::web::html::exchange::placements::{day_label, period};
use crate::web::html::exchange::visits::reason_text;
use crate::web::html::{
    Choice, DoneParam, Errors, HtmlResult, OrPage, Pager, city_name_of, form_status,
    language_choices, markdown, theme_choices,
};

/// Routes of the call pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/calls", get(list).post(create))
        .route("/calls/new", get(new_form))
        .route("/calls/{slug}", get(show))
        .route("/calls/{slug}/request", post(submit_request))
        .route("/calls/{slug}/close", post(close))
        .route("/calls/{slug}/allocation", get(review).post(run))
        .route("/calls/{slug}/assign", post(assign))
        .route("/calls/{slug}/publish", post(publish))
        .route("/exchange", get(matrix))
}

fn call_notice(ctx: &Ctx, done: Option<&str>) -> Option<String> {
    match done? {
        d @ ("requested" | "closed" | "allocated" | "assigned" | "published") => {
            Some(ctx.tk("call-done-", d))
        }
        other => crate::web::html::notice(ctx, Some(other)),
    }
}

/// A call in the list.
struct Item {
    href: String,
    title: String,
    deadline: String,
    status: String,
    counts: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/calls/list.html")]
struct ListPage {
    ctx: Ctx,
    items: Vec<Item>,
    pager: Pager,
    can_manage: bool,
    notice: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct ListParams {
    page: Option<i64>,
    done: Option<String>,
}

fn deadline_label(ctx: &Ctx, deadline: &str) -> String {
    crate::domain::exchange::placement::parse_day(deadline)
        .map(|d| day_label(ctx, d))
        .unwrap_or_default()
}

async fn list(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<ListParams>,
) -> HtmlResult<ListPage> {
    let page = p.page.unwrap_or(1).max(1);
    let limit = crate::app::page_size(Some(20));
    let calls = app
        .calls(Some(limit), Some((page - 1) * limit))
        .await
        .or_page(&ctx)?;
    Ok(ListPage {
        items: calls
            .items
            .iter()
            .map(|c| Item {
                href: ctx.link("/calls/", &c.slug, ""),
                title: c.title.clone(),
                deadline: deadline_label(&ctx, &c.deadline),
                status: ctx.tk("call-status-", &c.status),
                counts: crate::i18n::t_args(
                    ctx.locale,
                    "call-counts",
                    &[
                        ("placements", c.placements.to_string()),
                        ("requests", c.requests.to_string()),
                    ],
                ),
            })
            .collect(),
        pager: Pager::new(&ctx.href("/calls"), "", calls.total, limit, page),
        can_manage: ctx.can(Action::ManageCalls),
        notice: call_notice(&ctx, p.done.as_deref()),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/calls/form.html")]
struct FormPage {
    ctx: Ctx,
    form: CallForm,
    errors: Errors,
    placements: Vec<Choice>,
}

async fn form_page(
    ctx: Ctx,
    app: &App,
    form: CallForm,
    errors: &FieldErrors,
) -> HtmlResult<Response> {
    ctx.require(Action::ManageCalls)?;
    let query = crate::app::PlacementQuery {
        limit: Some(200),
        ..Default::default()
    };
    let open = app
        .placements(&crate::domain::Actor::Anonymous, &query)
        .await
        .or_page(&ctx)?;
    let status = form_status(errors);
    let page = FormPage {
        placements: open
            .items
            .iter()
            .map(|p| Choice {
                value: p.row.slug.clone(),
                label: format!("{} – {}", p.row.title, p.row.organisation_name),
                selected: form.placements.contains(&p.row.slug),
            })
            .collect(),
        errors: ctx.errors(errors),
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn new_form(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    let form = CallForm {
        deadline: (crate::app::today() + time::Duration::days(30)).to_string(),
        ..Default::default()
    };
    form_page(ctx, &app, form, &FieldErrors::new()).await
}

async fn create(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<CallForm>,
) -> HtmlResult<Response> {
    match app.create_call(&ctx.actor(), &form).await {
        Ok(slug) => Ok(crate::web::html::done(
            &ctx,
            &format!("/calls/{slug}"),
            "created",
        )),
        Err(Error::Invalid(errors)) => form_page(ctx, &app, form, &errors).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// A placement of the call as shown.
struct Included {
    href: String,
    title: String,
    lang: String,
    host: String,
    periods: Vec<String>,
}

/// One preference select.
struct Preference {
    n: usize,
    choices: Vec<Choice>,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/calls/show.html")]
struct ShowPage {
    ctx: Ctx,
    c: CallView,
    description: String,
    deadline: String,
    status: String,
    included: Vec<Included>,
    form: CallRequestForm,
    preferences: Vec<Preference>,
    languages: Vec<Choice>,
    themes: Vec<Choice>,
    errors: Errors,
    notice: Option<String>,
    action: String,
}

async fn show_page(
    ctx: Ctx,
    app: &App,
    slug: &str,
    form: Option<CallRequestForm>,
    errors: &FieldErrors,
    done: Option<&str>,
) -> HtmlResult<Response> {
    let c = app.call(&ctx.actor(), slug).await.or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let form = form
        .or_else(|| c.mine.clone())
        .unwrap_or_else(|| CallRequestForm {
            languages: vec![ctx.lang().to_owned()],
            ..Default::default()
        });
    let preferences = (0..PREFERENCES_MAX)
        .map(|i| Preference {
            n: i + 1,
            choices: c
                .placements
                .iter()
                .map(|p| Choice {
                    value: p.row.slug.clone(),
                    label: format!("{} – {}", p.row.title, p.row.organisation_name),
                    selected: form.preferences.get(i) == Some(&p.row.slug),
                })
                .collect(),
        })
        .collect();
    let status = form_status(errors);
    let page = ShowPage {
        description: markdown(&c.row.description),
        deadline: day_label(&ctx, c.deadline),
        status: ctx.tk("call-status-", c.status.as_str()),
        included: c
            .placements
            .iter()
            .map(|p| Included {
                href: ctx.link("/placements/", &p.row.slug, ""),
                title: p.row.title.clone(),
                lang: p.row.lang.clone(),
                host: p.row.organisation_name.clone(),
                periods: p
                    .windows
                    .iter()
                    .map(|w| period(&ctx, w.start, w.end))
                    .collect(),
            })
            .collect(),
        preferences,
        languages: language_choices(ctx.locale, &form.languages),
        themes: theme_choices(&themes, ctx.locale, &form.themes),
        form,
        errors: ctx.errors(errors),
        notice: call_notice(&ctx, done),
        action: ctx.link("/calls/", slug, ""),
        c,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn show(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    HtmlQuery(d): HtmlQuery<DoneParam>,
) -> HtmlResult<Response> {
    show_page(
        ctx,
        &app,
        &slug,
        None,
        &FieldErrors::new(),
        d.done.as_deref(),
    )
    .await
}

async fn submit_request(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<CallRequestForm>,
) -> HtmlResult<Response> {
    match app.submit_call_request(&ctx.actor(), &slug, &form).await {
        Ok(()) => Ok(crate::web::html::done(
            &ctx,
            &format!("/calls/{slug}"),
            "requested",
        )),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, &slug, Some(form), &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn close(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.close_call(&ctx.actor(), &slug).await.or_page(&ctx)?;
    Ok(crate::web::html::done(
        &ctx,
        &format!("/calls/{slug}"),
        "closed",
    ))
}

async fn run(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.run_allocation(&ctx.actor(), &slug)
        .await
        .or_page(&ctx)?;
    Ok(crate::web::html::done(
        &ctx,
        &format!("/calls/{slug}/allocation"),
        "allocated",
    ))
}

/// One request in the review as shown.
struct Row {
    id: i64,
    who: String,
    city: String,
    possible: String,
    preferences: Vec<String>,
    placed: Option<(String, String, i64, Vec<String>)>,
    by_hand: bool,
    options: Vec<Choice>,
    not_placed: Vec<String>,
}

/// A city's share as shown.
struct Share {
    city: String,
    requested: usize,
    granted: usize,
    rate: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/calls/review.html")]
struct ReviewPage {
    ctx: Ctx,
    title: String,
    call_href: String,
    action: String,
    rows: Vec<Row>,
    shares: Vec<Share>,
    summary: String,
    allocatable: bool,
    proposed: bool,
    published: bool,
    notice: Option<String>,
}

fn why(ctx: &Ctx, n: NotPlaced) -> String {
    match n {
        NotPlaced::Cannot(Unplaceable::OwnOrganisation) => ctx.t("call-why-own"),
        NotPlaced::Cannot(Unplaceable::LongerThanWindows) => ctx.t("call-why-longer"),
        NotPlaced::Cannot(Unplaceable::NoWindowInDates) => ctx.t("call-why-dates"),
        NotPlaced::Taken => ctx.t("call-why-taken"),
    }
}

fn review_page(
    ctx: Ctx,
    r: Review,
    cities: &[crate::app::CityRow],
    themes: &[crate::app::ThemeRow],
    done: Option<&str>,
) -> ReviewPage {
    let p = &r.call.placements;
    let rows = r
        .rows
        .iter()
        .map(|row| {
            let place_label = |o: &crate::app::Place| {
                format!(
                    "{} – {}",
                    p[o.placement].row.title,
                    period(&ctx, o.window.start, o.window.end)
                )
            };
            Row {
                id: row.request.id,
                who: row
                    .request
                    .visitor_organisation_name
                    .clone()
                    .unwrap_or_else(|| ctx.who(&row.request.visitor_email)),
                city: row
                    .request
                    .visitor_city_id
                    .map(|c| city_name_of(cities, c, ctx.locale))
                    .unwrap_or_default(),
                possible: crate::domain::exchange::placement::parse_day(
                    &row.request.possible_start,
                )
                .zip(crate::domain::exchange::placement::parse_day(
                    &row.request.possible_end,
                ))
                .map(|(a, b)| period(&ctx, a, b))
                .unwrap_or_default(),
                preferences: row
                    .preferences
                    .iter()
                    .map(|i| p[*i].row.title.clone())
                    .collect(),
                placed: row.placed.map(|o| {
                    let o = &row.options[o];
                    (
                        place_label(o),
                        ctx.t1("reason-preference", "rank", &o.rank.to_string()),
                        o.points,
                        o.reasons
                            .iter()
                            .filter(|r| {
                                !matches!(r, crate::domain::exchange::Reason::Preference { .. })
                            })
                            .map(|x| reason_text(&ctx, themes, x))
                            .collect(),
                    )
                }),
                by_hand: row.by_hand,
                options: row
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| Choice {
                        value: format!("{}|{}", p[o.placement].row.slug, o.window.start),
                        label: format!(
                            "{} ({})",
                            place_label(o),
                            ctx.t1("visit-fit-points", "points", &o.points.to_string())
                        ),
                        selected: row.placed == Some(i),
                    })
                    .collect(),
                not_placed: row
                    .not_placed
                    .iter()
                    .map(|(i, n)| format!("{}: {}", p[*i].row.title, why(&ctx, *n)))
                    .collect(),
            }
        })
        .collect();
    let shares = r
        .cities
        .iter()
        .map(|c| Share {
            city: c
                .city_id
                .map(|id| city_name_of(cities, id, ctx.locale))
                .unwrap_or_else(|| ctx.t("call-no-city")),
            requested: c.requested,
            granted: c.granted,
            rate: format!(
                "{} %",
                (c.granted * 100).checked_div(c.requested).unwrap_or(0)
            ),
        })
        .collect();
    ReviewPage {
        title: r.call.row.title.clone(),
        call_href: ctx.link("/calls/", &r.call.row.slug, ""),
        action: ctx.link("/calls/", &r.call.row.slug, ""),
        rows,
        shares,
        summary: crate::i18n::t_args(
            ctx.locale,
            "call-summary",
            &[
                ("granted", r.granted.to_string()),
                ("requests", r.rows.len().to_string()),
                ("fit", r.fit.to_string()),
            ],
        ),
        allocatable: r.call.allocatable,
        proposed: r.call.status == crate::domain::exchange::call::CallStatus::Proposed,
        published: r.call.status == crate::domain::exchange::call::CallStatus::Published,
        notice: call_notice(&ctx, done),
        ctx,
    }
}

async fn review(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    HtmlQuery(d): HtmlQuery<DoneParam>,
) -> HtmlResult<ReviewPage> {
    let r = app
        .review_allocation(&ctx.actor(), &slug)
        .await
        .or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    Ok(review_page(ctx, r, &cities, &themes, d.done.as_deref()))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct AssignForm {
    request: i64,
    choice: String,
}

async fn assign(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(f): CsrfForm<AssignForm>,
) -> HtmlResult<Response> {
    let choice = f.choice.split_once('|');
    app.assign_by_hand(&ctx.actor(), &slug, f.request, choice)
        .await
        .or_page(&ctx)?;
    Ok(crate::web::html::done(
        &ctx,
        &format!("/calls/{slug}/allocation"),
        "assigned",
    ))
}

async fn publish(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.publish_call(&ctx.actor(), &slug).await.or_page(&ctx)?;
    Ok(crate::web::html::done(
        &ctx,
        &format!("/calls/{slug}"),
        "published",
    ))
}

/// One cell of the matrix as drawn.
struct Cell {
    x: i64,
    y: i64,
    fill: &'static str,
    ink: &'static str,
    text: String,
    label: String,
}

/// One city label as drawn.
struct Label {
    x: i64,
    y: i64,
    name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/calls/matrix.html")]
struct MatrixPage {
    ctx: Ctx,
    width: i64,
    height: i64,
    rows: Vec<Label>,
    columns: Vec<Label>,
    cells: Vec<Cell>,
    /// Table rows: city, then per column (done, planned).
    table: Vec<(String, Vec<(i64, i64)>)>,
    names: Vec<String>,
    totals: String,
}

/// Cell size and margins of the drawing, in SVG units.
const CELL_W: i64 = 120;
const CELL_H: i64 = 56;
const LEFT: i64 = 150;
const TOP: i64 = 36;

async fn matrix(ctx: Ctx, State(app): State<App>) -> HtmlResult<MatrixPage> {
    let m = app.exchange_matrix().await.or_page(&ctx)?;
    let names: Vec<String> = m
        .cities
        .iter()
        .map(|c| crate::web::html::city_name(c, ctx.locale).to_owned())
        .collect();
    let n = names.len() as i64;
    let most = m
        .done
        .iter()
        .zip(&m.planned)
        .flat_map(|(d, p)| d.iter().zip(p).map(|(a, b)| a + b))
        .max()
        .unwrap_or(0)
        .max(1);
    let mut cells = Vec::new();
    for (i, from) in names.iter().enumerate() {
        for (j, to) in names.iter().enumerate() {
            let (done, planned) = (m.done[i][j], m.planned[i][j]);
            let share = (done + planned) * 4 / most;
            // Four steps from pale to dark; dark cells take white text (contrast over 4.5:1).
            let (fill, ink) = match (done + planned, share) {
                (0, _) => ("#f4f6f7", "#3c494e"),
                (_, 0 | 1) => ("#d3ebef", "#0b3d4a"),
                (_, 2) => ("#8cc8d3", "#0b3d4a"),
                _ => ("#0b4653", "#ffffff"),
            };
            cells.push(Cell {
                x: LEFT + j as i64 * CELL_W,
                y: TOP + i as i64 * CELL_H,
                fill,
                ink,
                text: format!("{done} · {planned}"),
                label: crate::i18n::t_args(
                    ctx.locale,
                    "matrix-cell",
                    &[
                        ("from", from.clone()),
                        ("to", to.clone()),
                        ("done", done.to_string()),
                        ("planned", planned.to_string()),
                    ],
                ),
            });
        }
    }
    Ok(MatrixPage {
        width: LEFT + n * CELL_W + 4,
        height: TOP + n * CELL_H + 4,
        rows: names
            .iter()
            .enumerate()
            .map(|(i, name)| Label {
                x: LEFT - 10,
                y: TOP + i as i64 * CELL_H + CELL_H / 2 + 5,
                name: name.clone(),
            })
            .collect(),
        columns: names
            .iter()
            .enumerate()
            .map(|(j, name)| Label {
                x: LEFT + j as i64 * CELL_W + CELL_W / 2,
                y: TOP - 12,
                name: name.clone(),
            })
            .collect(),
        cells,
        table: names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                (
                    name.clone(),
                    (0..names.len())
                        .map(|j| (m.done[i][j], m.planned[i][j]))
                        .collect(),
                )
            })
            .collect(),
        totals: crate::i18n::t_args(
            ctx.locale,
            "matrix-totals",
            &[
                ("done", m.done.iter().flatten().sum::<i64>().to_string()),
                (
                    "planned",
                    m.planned.iter().flatten().sum::<i64>().to_string(),
                ),
            ],
        ),
        names,
        ctx,
    })
}
