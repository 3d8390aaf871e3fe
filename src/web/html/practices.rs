//! Practice pages: the catalogue with filters, a practice in the reader's language with its
//! workflow panel, the form (with the conflict page when someone saved first), and revisions.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::app::{App, Error, OpinionForm, Practice};
use crate::domain::practice::{PracticeForm, PracticeStatus, Transition};
use crate::domain::{Action, FieldErrors};
use crate::storage::{PracticeFilter, PracticeSort, RevisionRow, split_list};

use super::organisations::urlencode;
use super::{
    Choice, Errors, HtmlResult, OrPage, Pager, city_name, country_name, done, form_status,
    markdown, notice, theme_choices, theme_labels,
};
use crate::web::{CsrfForm, Ctx};

/// Routes of the practice pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/practices", get(list).post(create))
        .route("/practices.atom", get(feed))
        .route("/practices/import", get(import_form).post(import))
        .route("/practices/export.jsonl", get(export_jsonl))
        .route("/practices/export.csv", get(export_csv))
        .route("/practices/new", get(new_form))
        .route("/practices/{slug}", get(show).post(update))
        .route("/practices/{slug}/edit", get(edit_form))
        .route("/practices/{slug}/revisions", get(revisions))
        .route(
            "/practices/{slug}/translate",
            get(translate_form).post(translate),
        )
        .route(
            "/practices/{slug}/translate/machine",
            get(back_to_practice).post(machine_translate),
        )
        .route(
            "/practices/{slug}/attachments",
            get(back_to_practice).post(attach),
        )
        .route("/practices/{slug}/attachments/{id}", get(download))
        .route("/practices/{slug}/attachments/{id}/delete", post(detach))
        .route(
            "/practices/{slug}/review",
            get(back_to_practice).post(take_review),
        )
        .route(
            "/practices/{slug}/assign",
            get(back_to_practice).post(assign_review),
        )
        .route(
            "/practices/{slug}/step/{step}",
            get(back_to_practice_step).post(step),
        )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    target_group: String,
    sort: String,
    city: String,
    country: String,
    theme: String,
    lang: String,
    status: String,
    organisation: String,
    page: Option<i64>,
    done: Option<String>,
}

struct Item {
    slug: String,
    title: String,
    title_lang: String,
    summary: String,
    summary_lang: String,
    city: String,
    themes: Vec<String>,
    status: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "practices/list.html")]
struct ListPage {
    ctx: Ctx,
    items: Vec<Item>,
    total: i64,
    pager: Pager,
    cities: Vec<Choice>,
    countries: Vec<Choice>,
    themes: Vec<Choice>,
    langs: Vec<Choice>,
    statuses: Vec<Choice>,
    target_groups: Vec<Choice>,
    sorts: Vec<Choice>,
    organisation: String,
    can_create: bool,
    can_import: bool,
    notice: Option<String>,
}

/// Facet values with their counts in the label, the current one kept even when it has none.
fn counted(
    facet: &[(String, i64)],
    label: impl Fn(&str) -> Option<String>,
    current: &str,
) -> Vec<Choice> {
    let mut out: Vec<Choice> = facet
        .iter()
        .filter_map(|(k, n)| {
            label(k).map(|l| Choice {
                value: k.clone(),
                label: format!("{l} ({n})"),
                selected: k == current,
            })
        })
        .collect();
    if !current.is_empty() && !out.iter().any(|c| c.selected) {
        out.push(Choice {
            value: current.to_owned(),
            label: label(current).unwrap_or_else(|| current.to_owned()),
            selected: true,
        });
    }
    out
}

fn nonempty(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

fn choices(items: impl Iterator<Item = (String, String)>, current: &str) -> Vec<Choice> {
    items
        .map(|(value, label)| Choice {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

async fn list(
    ctx: Ctx,
    State(app): State<App>,
    Query(q): Query<ListQuery>,
) -> HtmlResult<ListPage> {
    let filter = PracticeFilter {
        city: nonempty(&q.city),
        country: nonempty(&q.country).map(|c| c.to_ascii_uppercase()),
        theme: nonempty(&q.theme),
        lang: nonempty(&q.lang),
        status: nonempty(&q.status),
        organisation: nonempty(&q.organisation),
        target_group: nonempty(&q.target_group),
        sort: if q.sort == "title" {
            PracticeSort::Title
        } else {
            PracticeSort::Newest
        },
    };
    let facets = app
        .practice_facets(&ctx.actor(), &filter)
        .await
        .or_page(&ctx)?;
    let page = q.page.unwrap_or(1).max(1);
    let limit = crate::app::page_size(None);
    let result = app
        .practices(
            &ctx.actor(),
            &filter,
            ctx.lang(),
            Some(limit),
            Some((page - 1) * limit),
        )
        .await
        .or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let countries = app.countries().await.or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let items = result
        .items
        .iter()
        .map(|p| Item {
            slug: p.slug.clone(),
            title: p.title.clone(),
            title_lang: p.title_lang.clone(),
            summary: p.summary.clone(),
            summary_lang: p.summary_lang.clone(),
            city: cities
                .iter()
                .find(|c| c.id == p.city_id)
                .map(|c| city_name(c, ctx.locale).to_owned())
                .unwrap_or_default(),
            themes: theme_labels(&themes, ctx.locale, &split_list(&p.themes)),
            status: (p.status != PracticeStatus::Published.as_str())
                .then(|| ctx.tk("practice-status-", &p.status)),
        })
        .collect();
    let query: String = [
        ("city", &q.city),
        ("country", &q.country),
        ("theme", &q.theme),
        ("lang", &q.lang),
        ("status", &q.status),
        ("organisation", &q.organisation),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}={}", urlencode(v)))
    .collect::<Vec<_>>()
    .join("&");
    Ok(ListPage {
        pager: Pager::new(&ctx.href("/practices"), &query, result.total, limit, page),
        total: result.total,
        items,
        cities: counted(
            &facets.cities,
            |k| {
                cities
                    .iter()
                    .find(|c| c.slug == k)
                    .map(|c| city_name(c, ctx.locale).to_owned())
            },
            &q.city,
        ),
        countries: counted(
            &facets.countries,
            |k| {
                countries
                    .iter()
                    .find(|c| c.code == k)
                    .map(|c| country_name(c, ctx.locale).to_owned())
            },
            &q.country.to_ascii_uppercase(),
        ),
        themes: counted(
            &facets.themes,
            |k| {
                themes
                    .iter()
                    .find(|t| t.key == k)
                    .map(|t| super::theme_label(t, ctx.locale).to_owned())
            },
            &q.theme,
        ),
        langs: counted(&facets.langs, |k| Some(ctx.tk("language-", k)), &q.lang),
        statuses: if ctx.signed_in() {
            counted(
                &facets.statuses,
                |k| Some(ctx.tk("practice-status-", k)),
                &q.status,
            )
        } else {
            Vec::new()
        },
        target_groups: counted(
            &facets.target_groups,
            |k| Some(k.to_owned()),
            &q.target_group,
        ),
        sorts: choices(
            [
                ("newest", ctx.t("sort-newest")),
                ("title", ctx.t("sort-title")),
            ]
            .into_iter()
            .map(|(k, l)| (k.to_owned(), l)),
            if q.sort == "title" { "title" } else { "newest" },
        ),
        organisation: q.organisation.clone(),
        can_create: ctx.signed_in()
            && matches!(
                ctx.actor().role(),
                Some(
                    crate::domain::Role::Editor
                        | crate::domain::Role::Coordinator
                        | crate::domain::Role::Admin
                )
            ),
        can_import: ctx.can(Action::CreatePractice {
            organisation_id: -1,
        }),
        notice: notice(&ctx, q.done.as_deref()),
        ctx,
    })
}

/// One section of a practice as shown.
struct Section {
    field: &'static str,
    html: String,
    lang: String,
    status: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "practices/show.html")]
struct ShowPage {
    ctx: Ctx,
    p: Practice,
    title: String,
    title_lang: String,
    summary: Option<Section>,
    sections: Vec<Section>,
    lang_notice: Option<String>,
    /// For machine or outdated translations: the page in the original's language, when it has one.
    original_link: Option<(String, String)>,
    city: String,
    period: Option<String>,
    themes: Vec<String>,
    target_groups: Vec<String>,
    links: Vec<String>,
    status_label: String,
    opinion_html: Option<String>,
    steps: Vec<(String, String)>,
    /// Other practices of the same organisations: (slug, title, title language).
    others: Vec<(String, String, String)>,
    errors: Errors,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ShowQuery {
    done: Option<String>,
}

async fn show_page(
    ctx: Ctx,
    app: &App,
    slug: &str,
    errors: &FieldErrors,
    done: Option<&str>,
) -> HtmlResult<Response> {
    let p = app
        .practice(&ctx.actor(), slug, ctx.lang())
        .await
        .or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let section = |(field, text): &(&'static str, Option<crate::app::Localized>)| {
        text.as_ref().map(|t| Section {
            field,
            html: markdown(&t.text),
            lang: t.lang.clone(),
            status: t.status.clone(),
        })
    };
    let title = p.texts[0]
        .1
        .as_ref()
        .map(|t| (t.text.clone(), t.lang.clone()))
        .unwrap_or_default();
    let lang_notice = p.texts[1].1.as_ref().and_then(|t| {
        let original = ctx.tk("language-", &t.lang);
        if t.fallback {
            Some(ctx.t1("lang-notice-untranslated", "original", &original))
        } else if t.status == "machine" {
            Some(ctx.t("lang-notice-machine"))
        } else if t.status == "outdated" {
            Some(ctx.t("lang-notice-outdated"))
        } else {
            None
        }
    });
    let original_link = p.texts[1]
        .1
        .as_ref()
        .filter(|t| t.status == "machine" || t.status == "outdated")
        .and_then(|_| crate::domain::Locale::from_code(&p.row.original_lang))
        .map(|l| {
            (
                format!("/{}/practices/{}", l.code(), p.row.slug),
                ctx.t1("lang-original-link", "lang", &ctx.tk("language-", l.code())),
            )
        });
    let period = match (&p.row.period_start, &p.row.period_end, p.row.ongoing == 1) {
        (Some(s), _, true) => Some(ctx.t1("practice-period-since", "start", s)),
        (Some(s), Some(e), false) => Some(format!("{s} – {e}")),
        (Some(s), None, false) => Some(s.clone()),
        (None, Some(e), _) => Some(ctx.t1("practice-period-until", "end", e)),
        (None, None, true) => Some(ctx.t("practice-period-ongoing")),
        (None, None, false) => None,
    };
    let mut others = Vec::new();
    for owner in &p.owners {
        let filter = PracticeFilter {
            organisation: Some(owner.slug.clone()),
            ..Default::default()
        };
        let page = app
            .practices(&ctx.actor(), &filter, ctx.lang(), Some(10), None)
            .await
            .or_page(&ctx)?;
        for o in page.items.into_iter().filter(|o| o.slug != p.row.slug) {
            if !others
                .iter()
                .any(|(s, _, _): &(String, String, String)| *s == o.slug)
            {
                others.push((o.slug, o.title, o.title_lang));
            }
        }
    }
    let steps = p
        .steps
        .iter()
        .map(|t| (t.as_str().to_owned(), ctx.tk("practice-step-", t.as_str())))
        .collect();
    let page = ShowPage {
        title: title.0,
        title_lang: title.1,
        summary: section(&p.texts[1]),
        sections: p.texts[2..].iter().filter_map(section).collect(),
        lang_notice,
        original_link,
        city: cities
            .iter()
            .find(|c| c.id == p.row.city_id)
            .map(|c| city_name(c, ctx.locale).to_owned())
            .unwrap_or_default(),
        period,
        themes: theme_labels(&themes, ctx.locale, &split_list(&p.row.themes)),
        target_groups: serde_json::from_str(&p.row.target_groups).unwrap_or_default(),
        links: serde_json::from_str(&p.row.links).unwrap_or_default(),
        status_label: ctx.tk("practice-status-", &p.row.status),
        opinion_html: p
            .show_opinion
            .then(|| markdown(p.row.review_opinion.as_deref().unwrap_or(""))),
        steps,
        others,
        errors: ctx.errors(errors),
        notice: notice(&ctx, done),
        p,
        ctx,
    };
    Ok((form_status(errors), page).into_response())
}

async fn show(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    Query(q): Query<ShowQuery>,
) -> HtmlResult<Response> {
    show_page(ctx, &app, &slug, &FieldErrors::new(), q.done.as_deref()).await
}

/// The form as typed: lists are comma-, semicolon- or line-separated text.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PracticeHtmlForm {
    slug: String,
    #[serde(rename = "ref")]
    reference: String,
    lang: String,
    title: String,
    summary: String,
    context: String,
    approach: String,
    results: String,
    evaluation: String,
    resources: String,
    transferability: String,
    period_start: String,
    period_end: String,
    ongoing: String,
    city: String,
    organisations: String,
    contacts: String,
    themes: Vec<String>,
    target_groups: String,
    links: String,
    source: String,
    version: i64,
}

fn split(s: &str, sep: char) -> Vec<String> {
    s.split(sep)
        .map(|x| x.trim().to_owned())
        .filter(|x| !x.is_empty())
        .collect()
}

impl PracticeHtmlForm {
    fn into_form(self) -> (PracticeForm, i64) {
        let form = PracticeForm {
            slug: self.slug,
            reference: self.reference,
            lang: self.lang,
            title: self.title,
            summary: self.summary,
            context: self.context,
            approach: self.approach,
            results: self.results,
            evaluation: self.evaluation,
            resources: self.resources,
            transferability: self.transferability,
            period_start: self.period_start,
            period_end: self.period_end,
            ongoing: self.ongoing,
            city: self.city,
            organisations: split(&self.organisations, ','),
            contacts: split(&self.contacts, ','),
            themes: self.themes,
            target_groups: split(&self.target_groups, ';'),
            links: split(&self.links, '\n'),
            source: self.source,
        };
        (form, self.version)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "practices/form.html")]
struct FormPage {
    ctx: Ctx,
    form: PracticeForm,
    version: i64,
    errors: Errors,
    action: String,
    is_new: bool,
    cities: Vec<Choice>,
    langs: Vec<Choice>,
    themes: Vec<Choice>,
    /// When someone saved first: their version, shown beside this one.
    stored: Option<PracticeForm>,
}

impl FormPage {
    fn joined(&self, items: &[String], sep: &str) -> String {
        items.join(sep)
    }

    /// The long Markdown fields with their values, in form order.
    fn long_fields(&self) -> [(&'static str, &str); 6] {
        let f = &self.form;
        [
            ("context", f.context.as_str()),
            ("approach", f.approach.as_str()),
            ("results", f.results.as_str()),
            ("evaluation", f.evaluation.as_str()),
            ("resources", f.resources.as_str()),
            ("transferability", f.transferability.as_str()),
        ]
    }
}

async fn form_page(
    ctx: Ctx,
    app: &App,
    form: PracticeForm,
    version: i64,
    errors: &FieldErrors,
    slug: Option<&str>,
    stored: Option<PracticeForm>,
) -> Result<Response, Error> {
    let cities = app.cities(None).await?;
    let themes = app.themes().await?;
    let status = if stored.is_some() {
        axum::http::StatusCode::CONFLICT
    } else {
        form_status(errors)
    };
    let page = FormPage {
        errors: ctx.errors(errors),
        action: match slug {
            Some(s) => ctx.link("/practices/", s, ""),
            None => ctx.href("/practices"),
        },
        is_new: slug.is_none(),
        cities: choices(
            cities
                .iter()
                .map(|c| (c.slug.clone(), city_name(c, ctx.locale).to_owned())),
            &form.city,
        ),
        langs: choices(
            crate::domain::ContentLang::ALL
                .iter()
                .map(|l| (l.code().to_owned(), ctx.tk("language-", l.code()))),
            &form.lang,
        ),
        themes: theme_choices(&themes, ctx.locale, &form.themes),
        version,
        stored,
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn new_form(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    let org = match ctx.actor() {
        crate::domain::Actor::User {
            organisation_id, ..
        } => organisation_id,
        _ => None,
    };
    // Editors write for their organisation; coordinators and admins for any (-1: none of theirs).
    ctx.require(Action::CreatePractice {
        organisation_id: org.unwrap_or(-1),
    })?;
    let mut form = PracticeForm {
        lang: ctx.lang().to_owned(),
        ..Default::default()
    };
    if let Some(org) = org {
        let (slug, city) = app.organisation_slug(org).await.or_page(&ctx)?;
        form.organisations = vec![slug];
        form.city = city;
    }
    form_page(ctx.clone(), &app, form, 0, &FieldErrors::new(), None, None)
        .await
        .or_page(&ctx)
}

async fn create(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(html): CsrfForm<PracticeHtmlForm>,
) -> HtmlResult<Response> {
    let (form, _) = html.into_form();
    match app.create_practice(&ctx.actor(), &form).await {
        Ok(slug) => Ok(done(&ctx, &format!("/practices/{slug}"), "created")),
        Err(Error::Invalid(errors)) => form_page(ctx.clone(), &app, form, 0, &errors, None, None)
            .await
            .or_page(&ctx),
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn edit_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> HtmlResult<Response> {
    let (form, version) = app.practice_form(&ctx.actor(), &slug).await.or_page(&ctx)?;
    form_page(
        ctx.clone(),
        &app,
        form,
        version,
        &FieldErrors::new(),
        Some(&slug),
        None,
    )
    .await
    .or_page(&ctx)
}

async fn update(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(html): CsrfForm<PracticeHtmlForm>,
) -> HtmlResult<Response> {
    let (form, version) = html.into_form();
    match app
        .update_practice(&ctx.actor(), &slug, &form, version)
        .await
    {
        Ok(new_slug) => Ok(done(&ctx, &format!("/practices/{new_slug}"), "saved")),
        Err(Error::Invalid(errors)) => {
            form_page(ctx.clone(), &app, form, version, &errors, Some(&slug), None)
                .await
                .or_page(&ctx)
        }
        Err(Error::Conflict("error-practice-changed")) => {
            // Someone saved first: show both versions; saving again now merges onto theirs.
            let (stored, current) = app.practice_form(&ctx.actor(), &slug).await.or_page(&ctx)?;
            form_page(
                ctx.clone(),
                &app,
                form,
                current,
                &FieldErrors::new(),
                Some(&slug),
                Some(stored),
            )
            .await
            .or_page(&ctx)
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// One line of a compared field: `-` removed, `+` added, ` ` kept.
struct DiffLine {
    sign: char,
    text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "practices/revisions.html")]
struct RevisionsPage {
    ctx: Ctx,
    slug: String,
    title: String,
    revisions: Vec<(RevisionRow, String, Vec<String>)>,
    versions: Vec<i64>,
    from: i64,
    to: i64,
    /// The fields that differ between `from` and `to`, line by line.
    diff: Vec<(String, Vec<DiffLine>)>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CompareQuery {
    from: Option<i64>,
    to: Option<i64>,
}

/// A field of a saved form as text (lists one item per line).
fn field_text(form: &PracticeForm, field: &str) -> String {
    let json = serde_json::to_value(form).unwrap_or_default();
    match &json[field] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.to_string(),
    }
}

async fn revisions(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    Query(q): Query<CompareQuery>,
) -> HtmlResult<RevisionsPage> {
    let p = app
        .practice(&ctx.actor(), &slug, ctx.lang())
        .await
        .or_page(&ctx)?;
    let rows = app
        .practice_revisions(&ctx.actor(), &slug)
        .await
        .or_page(&ctx)?;
    // What each revision changed against the one before it, by field.
    let forms: Vec<Option<PracticeForm>> = rows
        .iter()
        .map(|r| serde_json::from_str(&r.snapshot).ok())
        .collect();
    let revisions = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let changed = match (
                forms.get(i).cloned().flatten(),
                forms.get(i + 1).cloned().flatten(),
            ) {
                (Some(now), Some(before)) => changed_fields(&before, &now)
                    .into_iter()
                    .map(|f| ctx.tk("field-", f))
                    .collect(),
                _ => Vec::new(),
            };
            let when = time::OffsetDateTime::from_unix_timestamp(r.at)
                .ok()
                .and_then(|t| {
                    t.format(&time::format_description::well_known::Rfc3339)
                        .ok()
                })
                .unwrap_or_default();
            (r.clone(), when, changed)
        })
        .collect();
    // Any two versions compared (by default the newest with the one before it).
    let versions: Vec<i64> = rows.iter().map(|r| r.version).collect();
    let newest = versions.first().copied().unwrap_or(1);
    let to = q.to.filter(|v| versions.contains(v)).unwrap_or(newest);
    let from = q
        .from
        .filter(|v| versions.contains(v))
        .unwrap_or_else(|| versions.get(1).copied().unwrap_or(to));
    let form_of = |v: i64| {
        rows.iter()
            .position(|r| r.version == v)
            .and_then(|i| forms[i].clone())
    };
    let diff = match (form_of(from), form_of(to)) {
        (Some(a), Some(b)) => changed_fields(&a, &b)
            .into_iter()
            .map(|f| {
                let (old, new) = (field_text(&a, f), field_text(&b, f));
                let lines = similar::TextDiff::from_lines(&old, &new)
                    .iter_all_changes()
                    .map(|c| DiffLine {
                        sign: match c.tag() {
                            similar::ChangeTag::Delete => '-',
                            similar::ChangeTag::Insert => '+',
                            similar::ChangeTag::Equal => ' ',
                        },
                        text: c.value().trim_end_matches('\n').to_owned(),
                    })
                    .collect();
                (ctx.tk("field-", f), lines)
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(RevisionsPage {
        title: p.row.title.clone(),
        slug,
        revisions,
        versions,
        from,
        to,
        diff,
        ctx,
    })
}

/// The fields that differ between two saved forms.
fn changed_fields(a: &PracticeForm, b: &PracticeForm) -> Vec<&'static str> {
    let (ja, jb) = (
        serde_json::to_value(a).unwrap_or_default(),
        serde_json::to_value(b).unwrap_or_default(),
    );
    const FIELDS: [&str; 21] = [
        "title",
        "summary",
        "context",
        "approach",
        "results",
        "evaluation",
        "resources",
        "transferability",
        "slug",
        "ref",
        "lang",
        "period_start",
        "period_end",
        "ongoing",
        "city",
        "organisations",
        "contacts",
        "themes",
        "target_groups",
        "links",
        "source",
    ];
    FIELDS.into_iter().filter(|f| ja[*f] != jb[*f]).collect()
}

#[derive(Deserialize)]
struct Empty {}

async fn take_review(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HtmlResult<Response> {
    app.take_review(&ctx.actor(), &slug).await.or_page(&ctx)?;
    Ok(done(&ctx, &format!("/practices/{slug}"), "saved"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AssignForm {
    reviewer: String,
}

async fn assign_review(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(f): CsrfForm<AssignForm>,
) -> HtmlResult<Response> {
    match app.assign_review(&ctx.actor(), &slug, &f.reviewer).await {
        Ok(()) => Ok(done(&ctx, &format!("/practices/{slug}"), "saved")),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, &slug, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn step(
    ctx: Ctx,
    State(app): State<App>,
    Path((slug, step)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<OpinionForm>,
) -> HtmlResult<Response> {
    let t = Transition::parse(&step)
        .ok_or(Error::NotFound)
        .or_page(&ctx)?;
    match app.practice_step(&ctx.actor(), &slug, t, &f).await {
        Ok(()) => Ok(done(&ctx, &format!("/practices/{slug}"), "saved")),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, &slug, &errors, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// One field of the translation editor: the original beside the translation.
struct TranslateRow {
    field: &'static str,
    original_html: String,
    translation: String,
    status: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "practices/translate.html")]
struct TranslatePage {
    ctx: Ctx,
    slug: String,
    title: String,
    original_lang: String,
    lang: String,
    langs: Vec<Choice>,
    rows: Vec<TranslateRow>,
    errors: Errors,
    machine: bool,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TranslateQuery {
    lang: String,
}

async fn translate_page(
    ctx: Ctx,
    app: &App,
    slug: &str,
    lang: &str,
    typed: Option<&std::collections::BTreeMap<String, String>>,
    errors: &FieldErrors,
    notice: Option<String>,
) -> HtmlResult<Response> {
    let p = app
        .practice(&ctx.actor(), slug, ctx.lang())
        .await
        .or_page(&ctx)?;
    ctx.require(Action::TranslatePractice(p.facts))?;
    let original = p.row.original_lang.clone();
    let lang = if lang.is_empty() || lang == original {
        crate::domain::ContentLang::ALL
            .iter()
            .map(|l| l.code())
            .find(|c| *c != original && *c == ctx.lang())
            .or_else(|| {
                crate::domain::ContentLang::ALL
                    .iter()
                    .map(|l| l.code())
                    .find(|c| *c != original)
            })
            .unwrap_or("en")
            .to_owned()
    } else {
        lang.to_owned()
    };
    let rows = crate::domain::practice::TEXT_FIELDS
        .iter()
        .map(|field| {
            let text = |l: &str| {
                p.all_texts
                    .iter()
                    .find(|t| t.field == *field && t.lang == l)
            };
            let existing = text(&lang);
            TranslateRow {
                field,
                original_html: markdown(
                    &text(&original).map(|t| t.body.clone()).unwrap_or_default(),
                ),
                translation: typed
                    .and_then(|m| m.get(*field).cloned())
                    .or_else(|| existing.map(|t| t.body.clone()))
                    .unwrap_or_default(),
                status: existing.map(|t| ctx.tk("status-", &t.status)),
            }
        })
        .collect();
    let page = TranslatePage {
        slug: p.row.slug.clone(),
        title: p.row.title.clone(),
        langs: choices(
            crate::domain::ContentLang::ALL
                .iter()
                .filter(|l| l.code() != original)
                .map(|l| (l.code().to_owned(), ctx.tk("language-", l.code()))),
            &lang,
        ),
        original_lang: original,
        lang,
        rows,
        errors: ctx.errors(errors),
        machine: app.can_machine_translate(),
        notice,
        ctx,
    };
    Ok((form_status(errors), page).into_response())
}

async fn translate_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    Query(q): Query<TranslateQuery>,
) -> HtmlResult<Response> {
    translate_page(ctx, &app, &slug, &q.lang, None, &FieldErrors::new(), None).await
}

async fn translate(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(mut fields): CsrfForm<std::collections::BTreeMap<String, String>>,
) -> HtmlResult<Response> {
    fields.remove("_csrf");
    let lang = fields.remove("lang").unwrap_or_default();
    let form = crate::app::PracticeTranslationForm {
        lang: lang.clone(),
        fields: fields.clone(),
    };
    match app.translate_practice(&ctx.actor(), &slug, &form).await {
        Ok(()) => Ok(done(&ctx, &format!("/practices/{slug}"), "translated")),
        Err(Error::Invalid(errors)) => {
            translate_page(ctx, &app, &slug, &lang, Some(&fields), &errors, None).await
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// The newest published practices as an Atom 1.0 feed, in the feed's language where translated.
async fn feed(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
    let filter = PracticeFilter {
        status: Some(PracticeStatus::Published.as_str().to_owned()),
        ..Default::default()
    };
    let page = app
        .practices(
            &crate::domain::Actor::Anonymous,
            &filter,
            ctx.lang(),
            Some(50),
            None,
        )
        .await
        .or_page(&ctx)?;
    let base = app.config().base_url.clone();
    let date = |ts: i64| {
        time::OffsetDateTime::from_unix_timestamp(ts)
            .ok()
            .and_then(|t| {
                t.format(&time::format_description::well_known::Rfc3339)
                    .ok()
            })
            .and_then(|s| FixedDateTime::parse_from_rfc3339(&s).ok())
            .unwrap_or_default()
    };
    let entries: Vec<Entry> = page
        .items
        .iter()
        .map(|p| {
            let url = format!("{base}{}", ctx.link("/practices/", &p.slug, ""));
            let mut summary = Text::plain(p.summary.clone());
            summary.lang = Some(p.summary_lang.clone());
            let mut title = Text::plain(p.title.clone());
            title.lang = Some(p.title_lang.clone());
            Entry {
                id: url.clone(),
                title,
                updated: date(p.updated_at),
                published: p.published_at.map(date),
                summary: Some(summary),
                links: vec![Link {
                    href: url,
                    rel: "alternate".into(),
                    mime_type: Some("text/html".into()),
                    ..Default::default()
                }],
                content: None::<Content>,
                ..Default::default()
            }
        })
        .collect();
    let self_url = format!("{base}{}", ctx.href("/practices.atom"));
    let feed = Feed {
        id: self_url.clone(),
        title: Text::plain(format!("{} · Passerelle", ctx.t("practices-title"))),
        updated: page
            .items
            .iter()
            .map(|p| date(p.updated_at))
            .max()
            .unwrap_or_else(|| date(0)),
        authors: vec![Person {
            name: "Passerelle".into(),
            ..Default::default()
        }],
        links: vec![
            Link {
                href: self_url,
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Default::default()
            },
            Link {
                href: format!("{base}{}", ctx.href("/practices")),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
        ],
        lang: Some(ctx.lang().to_owned()),
        entries,
        ..Default::default()
    };
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            "application/atom+xml; charset=utf-8",
        )],
        feed.to_string(),
    )
        .into_response())
}

/// One problem of an import, as shown.
struct ProblemRow {
    line: usize,
    message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "practices/import.html")]
struct ImportPage {
    ctx: Ctx,
    report: Option<crate::app::ImportReport>,
    problems: Vec<ProblemRow>,
    file_error: Option<String>,
}

async fn import_form(ctx: Ctx) -> HtmlResult<Response> {
    ctx.require(Action::CreatePractice {
        organisation_id: -1,
    })?;
    Ok(ImportPage {
        ctx,
        report: None,
        problems: Vec::new(),
        file_error: None,
    }
    .into_response())
}

/// Reads the upload (file, dry run, publish), checks the form token, imports, shows the report.
async fn import(
    ctx: Ctx,
    State(app): State<App>,
    mut multipart: axum::extract::Multipart,
) -> HtmlResult<Response> {
    ctx.require(Action::CreatePractice {
        organisation_id: -1,
    })?;
    let (mut token, mut name, mut text, mut dry_run, mut publish) =
        (String::new(), String::new(), None, false, false);
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name().unwrap_or("") {
            "_csrf" => token = field.text().await.unwrap_or_default(),
            "dry_run" => dry_run = true,
            "publish" => publish = true,
            "file" => {
                name = field.file_name().unwrap_or("").to_owned();
                text = field
                    .bytes()
                    .await
                    .ok()
                    .map(|b| String::from_utf8(b.to_vec()));
            }
            _ => {}
        }
    }
    if !ctx.csrf_matches(&app, &token) {
        return Err(crate::web::HtmlError::new(ctx.locale, Error::Forbidden).csrf());
    }
    let format = crate::app::Format::parse(&name);
    let (text, format) = match (text, format) {
        (Some(Ok(t)), Some(f)) if !t.trim().is_empty() => (t, f),
        (Some(Err(_)), _) => {
            let file_error = Some(ctx.t("import-not-utf8"));
            return Ok((
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                ImportPage {
                    ctx,
                    report: None,
                    problems: Vec::new(),
                    file_error,
                },
            )
                .into_response());
        }
        _ => {
            let file_error = Some(ctx.t("import-choose-file"));
            return Ok((
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                ImportPage {
                    ctx,
                    report: None,
                    problems: Vec::new(),
                    file_error,
                },
            )
                .into_response());
        }
    };
    let report = app
        .import_practices(
            &ctx.actor(),
            &text,
            format,
            crate::app::ImportOptions { dry_run, publish },
            &|_, _| {},
        )
        .await
        .or_page(&ctx)?;
    let problems = report
        .problems
        .iter()
        .map(|p| ProblemRow {
            line: p.line,
            message: crate::i18n::field_error(ctx.locale, &p.field, &p.error),
        })
        .collect();
    let status = if report.problems.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        ImportPage {
            ctx,
            report: Some(report),
            problems,
            file_error: None,
        },
    )
        .into_response())
}

async fn export(
    ctx: Ctx,
    app: App,
    format: crate::app::Format,
    name: &str,
    mime: &'static str,
) -> HtmlResult<Response> {
    let body = app
        .export_practices(&ctx.actor(), format)
        .await
        .or_page(&ctx)?;
    let disposition = format!("attachment; filename=\"{name}\"");
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, mime.to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

async fn export_jsonl(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    export(
        ctx,
        app,
        crate::app::Format::JsonLines,
        "practices.jsonl",
        "application/x-ndjson; charset=utf-8",
    )
    .await
}

async fn export_csv(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    export(
        ctx,
        app,
        crate::app::Format::Csv,
        "practices.csv",
        "text/csv; charset=utf-8",
    )
    .await
}

/// Receives a file for a practice (multipart: `_csrf`, `file`).
async fn attach(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    mut multipart: axum::extract::Multipart,
) -> HtmlResult<Response> {
    let (mut token, mut name, mut bytes) = (String::new(), String::new(), None);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name().unwrap_or("") {
                "_csrf" => token = field.text().await.unwrap_or_default(),
                "file" => {
                    name = field.file_name().unwrap_or("").to_owned();
                    match field.bytes().await {
                        Ok(b) => bytes = Some(b),
                        Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                            return Ok(axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response());
                        }
                        Err(_) => bytes = None,
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return Ok(axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response());
            }
            Err(_) => break,
        }
    }
    if !ctx.csrf_matches(&app, &token) {
        return Err(crate::web::HtmlError::new(ctx.locale, Error::Forbidden).csrf());
    }
    let result = match bytes {
        Some(b) => app.attach(&ctx.actor(), &slug, &name, &b).await.map(|_| ()),
        None => Err(Error::Invalid(FieldErrors::one(
            "file",
            crate::domain::FieldError::new("error-file-empty"),
        ))),
    };
    match result {
        Ok(()) => Ok(done(&ctx, &format!("/practices/{slug}"), "saved")),
        Err(Error::Invalid(errors)) => {
            // Too large is 413, with the message on the page.
            let too_large = errors
                .get("file")
                .is_some_and(|e| e.key == "error-file-too-large");
            let mut page = show_page(ctx, &app, &slug, &errors, None).await?;
            if too_large {
                *page.status_mut() = axum::http::StatusCode::PAYLOAD_TOO_LARGE;
            }
            Ok(page)
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// Serves an attachment as a download with the type detected at upload, never inline as a page.
async fn download(
    ctx: Ctx,
    State(app): State<App>,
    Path((slug, id)): Path<(String, i64)>,
) -> HtmlResult<Response> {
    let (a, bytes) = app
        .attachment(&ctx.actor(), &slug, id)
        .await
        .or_page(&ctx)?;
    let encoded: String = a
        .filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let ascii: String = a
        .filename
        .chars()
        .map(|c| {
            if c.is_ascii() && !c.is_ascii_control() {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, a.mime.clone()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
            (
                axum::http::header::CACHE_CONTROL,
                "private, max-age=3600".to_owned(),
            ),
        ],
        bytes,
    )
        .into_response())
}

async fn detach(
    ctx: Ctx,
    State(app): State<App>,
    Path((slug, id)): Path<(String, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HtmlResult<Response> {
    app.detach(&ctx.actor(), &slug, id).await.or_page(&ctx)?;
    Ok(done(&ctx, &format!("/practices/{slug}"), "deleted"))
}

/// Addresses that only take forms lead back to the practice when opened (from the language
/// switcher of a page shown after a form).
async fn back_to_practice(ctx: Ctx, Path(slug): Path<String>) -> axum::response::Redirect {
    axum::response::Redirect::to(&ctx.link("/practices/", &slug, ""))
}

async fn back_to_practice_step(
    ctx: Ctx,
    Path((slug, _)): Path<(String, String)>,
) -> axum::response::Redirect {
    axum::response::Redirect::to(&ctx.link("/practices/", &slug, ""))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MachineForm {
    lang: String,
}

/// Asks the configured machine translation service for drafts of missing or outdated fields.
async fn machine_translate(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(f): CsrfForm<MachineForm>,
) -> HtmlResult<Response> {
    let n = app
        .machine_translate(&ctx.actor(), &slug, &f.lang)
        .await
        .or_page(&ctx)?;
    let notice = ctx.t1("notice-machine-drafts", "count", &n.to_string());
    translate_page(
        ctx,
        &app,
        &slug,
        &f.lang,
        None,
        &FieldErrors::new(),
        Some(notice),
    )
    .await
}
