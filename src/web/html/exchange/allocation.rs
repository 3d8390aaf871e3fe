//! A call's allocation pages: running it, the coordinator's review with the reasons, changes by hand, publication.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::Response;

use crate::app::{App, NotPlaced, Review};
use crate::domain::exchange::Unplaceable;
use crate::web::{CsrfForm, Ctx};

use super::calls::*;
use crate::web::html::exchange::placements::period;
use crate::web::html::exchange::visits::reason_text;
use crate::web::html::{Choice, DoneParam, HtmlResult, OrPage, city_name_of};

pub(super) async fn run(
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
pub(super) struct Row {
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
pub(super) struct Share {
    city: String,
    requested: usize,
    granted: usize,
    rate: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/calls/review.html")]
pub(super) struct ReviewPage {
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

pub(super) fn why(ctx: &Ctx, n: NotPlaced) -> String {
    match n {
        NotPlaced::Cannot(Unplaceable::OwnOrganisation) => ctx.t("call-why-own"),
        NotPlaced::Cannot(Unplaceable::LongerThanWindows) => ctx.t("call-why-longer"),
        NotPlaced::Cannot(Unplaceable::NoWindowInDates) => ctx.t("call-why-dates"),
        NotPlaced::Taken => ctx.t("call-why-taken"),
    }
}

pub(super) fn review_page(
    ctx: Ctx,
    r: Review,
    cities: &[crate::app::CityRow],
    themes: &[crate::app::TermRow],
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
                    .map(|(i, n)| format!("{}{} {}", p[*i].row.title, ctx.colon(), why(&ctx, *n)))
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

pub(super) async fn review(
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
pub(super) struct AssignForm {
    request: i64,
    choice: String,
}

pub(super) async fn assign(
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

/// The question before publishing an allocation: who gets a place, who does not, and that
/// everyone is told. Once it is no longer a proposal, the allocation page.
pub(super) async fn confirm_publish(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> HtmlResult<Response> {
    let r = app
        .review_allocation(&ctx.actor(), &slug)
        .await
        .or_page(&ctx)?;
    let back = ctx.link("/calls/", &slug, "/allocation");
    if r.call.status != crate::domain::exchange::call::CallStatus::Proposed {
        return Ok(axum::response::IntoResponse::into_response(
            axum::response::Redirect::to(&back),
        ));
    }
    Ok(crate::web::html::workspace::confirm::page(
        ctx.clone(),
        crate::web::html::workspace::confirm::Question {
            title: ctx.t1("call-confirm-publish", "title", &r.call.row.title),
            body: format!(
                "{} {}",
                ctx.t_args(
                    "call-confirm-publish-body",
                    &[
                        ("granted", r.granted.to_string()),
                        ("count", r.rows.len().to_string()),
                    ],
                ),
                ctx.t("call-confirm-publish-after")
            ),
            action: ctx.link("/calls/", &slug, "/publish"),
            button: ctx.t("call-publish"),
            back,
        },
    ))
}

pub(super) async fn publish(
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
