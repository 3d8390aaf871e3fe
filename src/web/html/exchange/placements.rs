//! Placement pages of the exchange programme: the list with filters (theme, city, country,
//! working language, dates), a placement, the hosts' form, and the public calendar of the open
//! placements' periods.

use super::placement_form::*;
use super::placement_translate::*;
use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::app::exchange::ical::{Entry, Purpose, When, calendar};
use crate::app::{App, Error, PlacementQuery, PlacementView};
use crate::domain::exchange::placement::{PlacementForm, WindowForm};
use crate::domain::{Action, FieldErrors};
use crate::web::Ctx;

use crate::web::html::{
    Choice, Errors, HtmlResult, OrPage, Pager, city_name_of, country_name, form_status,
    language_choices, language_labels, markdown, nonempty, notice, query_string, term_choices,
    term_labels,
};

/// Routes of the placement pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/placements", get(list).post(create))
        .route("/placements.ics", get(feed))
        .route("/placements/new", get(new_form))
        .route("/placements/{slug}", get(show).post(update))
        .route("/placements/{slug}/edit", get(edit_form))
        .route(
            "/placements/{slug}/translate",
            get(translate_form).post(translate),
        )
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(super) struct ListParams {
    theme: String,
    city: String,
    country: String,
    language: String,
    from: String,
    to: String,
    page: Option<i64>,
    done: Option<String>,
}

/// A placement in the list.
pub(super) struct Item {
    href: String,
    title: String,
    lang: String,
    host: String,
    city: String,
    periods: Vec<String>,
    closed: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/placements/list.html")]
pub(super) struct ListPage {
    ctx: Ctx,
    items: Vec<Item>,
    count: String,
    pager: Pager,
    themes: Vec<Choice>,
    cities: Vec<Choice>,
    countries: Vec<Choice>,
    languages: Vec<Choice>,
    from: String,
    to: String,
    errors: Errors,
    new_href: Option<String>,
    notice: Option<String>,
}

/// A day as the reader writes it: 10.05.2027, 10/05/2027, or 2027-05-10 in English.
pub(crate) fn period(ctx: &Ctx, start: time::Date, end: time::Date) -> String {
    crate::i18n::t_args(
        ctx.locale,
        "placement-period",
        &[("start", ctx.day(start)), ("end", ctx.day(end))],
    )
}

/// Whether the actor may publish placements for some organisation (staff, or an editor for
/// their own).
pub(super) fn may_host(actor: &crate::domain::Actor) -> bool {
    match actor {
        crate::domain::Actor::User {
            organisation_id: Some(o),
            ..
        } => crate::domain::can(
            actor,
            Action::EditPlacement {
                organisation_id: *o,
            },
        ),
        other => crate::domain::can(
            other,
            Action::EditPlacement {
                organisation_id: -1,
            },
        ),
    }
}

pub(super) async fn list(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<ListParams>,
) -> HtmlResult<Response> {
    let page = p.page.unwrap_or(1).max(1);
    let limit = crate::app::page_size(Some(20));
    let query = PlacementQuery {
        theme: nonempty(&p.theme),
        city: nonempty(&p.city),
        country: nonempty(&p.country),
        language: nonempty(&p.language),
        from: nonempty(&p.from),
        to: nonempty(&p.to),
        organisation: None,
        limit: Some(limit),
        offset: Some(crate::web::html::page_offset(page, limit)),
        open_only: false,
    };
    let (result, errors) = match app.placements(&ctx.actor(), &query).await {
        Ok(r) => (Some(r), FieldErrors::new()),
        Err(Error::Invalid(errors)) => (None, errors),
        Err(e) => return Err(e).or_page(&ctx),
    };
    let themes = app.themes().await.or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let countries = app.countries().await.or_page(&ctx)?;
    let (items, total) = match &result {
        Some(r) => (
            r.items
                .iter()
                .map(|v| Item {
                    href: ctx.link("/placements/", &v.row.slug, ""),
                    title: v.texts_in(ctx.lang()).title.to_owned(),
                    lang: v.texts_in(ctx.lang()).lang.to_owned(),
                    host: v.row.organisation_name.clone(),
                    city: city_name_of(&cities, v.row.city_id, ctx.locale),
                    periods: v
                        .windows
                        .iter()
                        .map(|w| period(&ctx, w.start, w.end))
                        .collect(),
                    closed: v.row.status != "open",
                })
                .collect(),
            r.total,
        ),
        None => (Vec::new(), 0),
    };
    let qs = query_string(&[
        ("theme", p.theme.as_str()),
        ("city", p.city.as_str()),
        ("country", p.country.as_str()),
        ("language", p.language.as_str()),
        ("from", p.from.as_str()),
        ("to", p.to.as_str()),
    ]);
    let status = form_status(&errors);
    let has_organisations = may_host(&ctx.actor())
        && app
            .organisations(&crate::storage::OrgFilter::default(), Some(1), None)
            .await
            .or_page(&ctx)?
            .total
            > 0;
    let page = ListPage {
        count: ctx.t1("placements-count", "count", &total.to_string()),
        pager: Pager::new(&ctx.href("/placements"), &qs, total, limit, page),
        items,
        themes: term_choices(&themes, ctx.locale, std::slice::from_ref(&p.theme)),
        cities: crate::web::html::city_choices(&cities, ctx.locale, std::slice::from_ref(&p.city)),
        countries: countries
            .iter()
            .map(|c| Choice {
                value: c.code.clone(),
                label: country_name(c, ctx.locale).to_owned(),
                selected: c.code.eq_ignore_ascii_case(&p.country),
            })
            .collect(),
        languages: language_choices(ctx.locale, std::slice::from_ref(&p.language)),
        from: p.from.clone(),
        to: p.to.clone(),
        errors: ctx.errors(&errors),
        // Placements belong to organisations: none to offer one for, no form to open.
        new_href: (may_host(&ctx.actor()) && has_organisations)
            .then(|| ctx.href("/placements/new")),
        notice: notice(&ctx, p.done.as_deref()),
        ctx,
    };
    Ok((status, page).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/placements/show.html")]
pub(super) struct ShowPage {
    ctx: Ctx,
    p: PlacementView,
    /// Language and title of the texts shown.
    lang: String,
    title: String,
    /// A note on the language of the texts shown, and a link to the original.
    lang_notice: Option<String>,
    original_link: Option<(String, String)>,
    /// Language versions (for its hosts): language, status.
    translations: Vec<(String, String)>,
    description: String,
    practical: String,
    accessibility: String,
    city: String,
    themes: Vec<String>,
    languages: Vec<String>,
    periods: Vec<String>,
    practices: Vec<(String, String)>,
    notice: Option<String>,
    /// Requests for it (for its hosts): link, visitor, status.
    requests: Vec<(String, String, String)>,
    /// Open requests that would fit (for its hosts): visitor, address, goal, reasons.
    suggested: Vec<(String, String, String, Vec<String>)>,
}

/// `?text=de`: the language version to show; the reader's by default.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(super) struct ShowParams {
    done: Option<String>,
    text: Option<String>,
}

pub(super) async fn show(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    HtmlQuery(d): HtmlQuery<ShowParams>,
) -> HtmlResult<ShowPage> {
    let actor = ctx.actor();
    let p = app.placement(&actor, &slug).await.or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let requests = app
        .placement_visits(&actor, &slug)
        .await
        .or_page(&ctx)?
        .iter()
        .map(|v| {
            (
                ctx.link("/visits/", &v.id.to_string(), ""),
                v.visitor_organisation_name
                    .clone()
                    .unwrap_or_else(|| ctx.who(&v.visitor_email)),
                crate::web::html::exchange::visits::status_label(&ctx, &v.status),
            )
        })
        .collect();
    let suggested = app
        .request_suggestions(&actor, &slug)
        .await
        .or_page(&ctx)?
        .iter()
        .map(|s| {
            let mut reasons = vec![crate::web::html::exchange::visits::dates_reason(
                &ctx, s.days,
            )];
            reasons.extend(
                s.reasons
                    .iter()
                    .map(|r| crate::web::html::exchange::visits::reason_text(&ctx, &themes, r)),
            );
            (
                s.visit
                    .visitor_organisation_name
                    .clone()
                    .unwrap_or_default(),
                s.visit.visitor_email.clone(),
                s.visit.goal.clone(),
                reasons,
            )
        })
        .collect();
    let wanted = d.text.clone().unwrap_or_else(|| ctx.lang().to_owned());
    let shown = p.texts_in(&wanted);
    let language = |code: &str| ctx.tk("language-", code);
    let lang_notice = match shown.status {
        Some("machine") => Some(ctx.t("lang-notice-machine")),
        Some("outdated") => Some(ctx.t("lang-notice-outdated")),
        Some(_) => None,
        None if shown.lang != wanted => Some(ctx.t1(
            "lang-notice-untranslated",
            "original",
            &language(shown.lang),
        )),
        None => None,
    };
    let original_link = shown.status.map(|_| {
        (
            format!(
                "{}?text={}",
                ctx.link("/placements/", &p.row.slug, ""),
                p.row.lang
            ),
            ctx.t1("lang-original-link", "lang", &language(&p.row.lang)),
        )
    });
    let translations = p
        .texts
        .iter()
        .map(|t| (language(&t.lang), ctx.tk("status-", &t.status)))
        .collect();
    Ok(ShowPage {
        requests,
        suggested,
        lang: shown.lang.to_owned(),
        title: shown.title.to_owned(),
        lang_notice,
        original_link,
        translations,
        description: markdown(shown.description),
        practical: markdown(shown.practical),
        accessibility: markdown(shown.accessibility),
        city: city_name_of(&cities, p.row.city_id, ctx.locale),
        themes: term_labels(&themes, ctx.locale, &p.themes()),
        languages: language_labels(ctx.locale, &p.languages()),
        periods: p
            .windows
            .iter()
            .map(|w| period(&ctx, w.start, w.end))
            .collect(),
        practices: app
            .practice_titles(&p.practices(), ctx.locale)
            .await
            .or_page(&ctx)?
            .into_iter()
            .map(|(s, title)| (ctx.link("/practices/", &s, ""), title))
            .collect(),
        notice: notice(&ctx, d.done.as_deref()),
        p,
        ctx,
    })
}

/// The open placements' periods as an iCalendar feed (whole days), each linking to its page.
pub(super) async fn feed(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    let query = PlacementQuery {
        limit: Some(200),
        ..Default::default()
    };
    let page = app
        .placements(&crate::domain::Actor::Anonymous, &query)
        .await
        .or_page(&ctx)?;
    let base = app.config().base_url.trim_end_matches('/').to_owned();
    let host = reqwest::Url::parse(&base)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "passerelle".to_owned());
    let mut entries = Vec::new();
    for p in &page.items {
        for (i, w) in p.windows.iter().enumerate() {
            entries.push(Entry {
                uid: format!("placement-{}-{i}@{host}", p.row.id),
                sequence: u32::try_from(p.row.version).unwrap_or(0),
                summary: format!("{} – {}", p.row.title, p.row.organisation_name),
                description: ctx.t1(
                    "placement-feed-entry",
                    "days",
                    &p.row.length_days.to_string(),
                ),
                location: String::new(),
                url: format!("{base}{}", ctx.link("/placements/", &p.row.slug, "")),
                when: When::Days {
                    first: w.start,
                    last: w.end,
                },
                cancelled: false,
                stamp: time::OffsetDateTime::from_unix_timestamp(p.row.updated_at)
                    .unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
                organizer: None,
                attendees: Vec::new(),
            });
        }
    }
    let text = calendar(&ctx.t("placements-title"), &entries, Purpose::Feed);
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        text,
    )
        .into_response())
}

impl PostedForm {
    pub(super) fn into_form(self, slug: &str) -> PlacementForm {
        let windows = self
            .window_start
            .iter()
            .zip(self.window_end.iter())
            .map(|(s, e)| WindowForm {
                start: s.clone(),
                end: e.clone(),
            })
            .collect();
        PlacementForm {
            slug: slug.to_owned(),
            organisation: self.organisation,
            lang: self.lang,
            title: self.title,
            description: self.description,
            practical: self.practical,
            accessibility: self.accessibility,
            length_days: self.length_days,
            capacity: self.capacity,
            languages: self.languages,
            themes: self.themes,
            practices: crate::web::html::picked(self.practices),
            contact: self.contact.trim().to_owned(),
            windows,
            status: self.status,
        }
    }
}
