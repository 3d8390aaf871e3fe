//! Writing a practice: the form, the conflict page when someone saved first, and revisions.

use super::*;
use crate::app::Pick;
use crate::domain::catalogue::revision::{self, Change, Mark};
use crate::web::html::Picker;

/// The form as typed: lists are comma-, semicolon- or line-separated text.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct PracticeHtmlForm {
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
    organisations: Vec<String>,
    contacts: Vec<String>,
    themes: Vec<String>,
    target_groups: Vec<String>,
    target_group_note: String,
    links: String,
    source: String,
    version: i64,
}

pub(super) fn split(s: &str, sep: char) -> Vec<String> {
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
            organisations: crate::web::html::picked(self.organisations),
            contacts: crate::web::html::picked(self.contacts),
            themes: self.themes,
            target_groups: self.target_groups,
            target_group_note: self.target_group_note,
            links: split(&self.links, '\n'),
            source: self.source,
        };
        (form, self.version)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "catalogue/practices/form.html")]
pub(super) struct FormPage {
    ctx: Ctx,
    form: PracticeForm,
    version: i64,
    errors: Errors,
    action: String,
    is_new: bool,
    cities: Vec<Choice>,
    langs: Vec<Choice>,
    themes: Vec<Choice>,
    target_groups: Vec<Choice>,
    organisations: Picker,
    contacts: Picker,
    /// When someone saved first: their version, shown beside this one.
    stored: Option<PracticeForm>,
    /// Then: each field where the two differ, with theirs and this one as text.
    conflict: Vec<(String, String, String)>,
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

pub(super) async fn form_page(
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
    let target_groups = app.target_groups().await?;
    let status = if stored.is_some() {
        axum::http::StatusCode::CONFLICT
    } else {
        form_status(errors)
    };
    // Where someone saved first, every field the two versions differ in, themes and target
    // groups by name.
    let conflict = match &stored {
        Some(theirs) => {
            // Organisations and contacts by name too: the form holds names, the store slugs.
            let mut names = Vec::new();
            for f in [theirs, &form] {
                let (orgs, _) = app
                    .picker(Pick::Organisation, &f.organisations, ctx.locale)
                    .await?;
                let (people, _) = app.picker(Pick::Person, &f.contacts, ctx.locale).await?;
                names.push(PracticeForm {
                    themes: named_terms(&themes, ctx.locale, &f.themes),
                    target_groups: named_terms(&target_groups, ctx.locale, &f.target_groups),
                    organisations: orgs,
                    contacts: people,
                    ..f.clone()
                });
            }
            let (theirs, mine) = (&names[0], &names[1]);
            changed_fields(theirs, mine)
                .into_iter()
                .map(|f| {
                    (
                        ctx.tk("field-", f),
                        field_text(theirs, f),
                        field_text(mine, f),
                    )
                })
                .collect()
        }
        None => Vec::new(),
    };
    let page = FormPage {
        conflict,
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
        themes: term_choices(&themes, ctx.locale, &form.themes),
        target_groups: term_choices(&target_groups, ctx.locale, &form.target_groups),
        organisations: Picker::new(
            app,
            &ctx,
            Pick::Organisation,
            ("organisations", true),
            &form.organisations,
        )
        .await?,
        contacts: Picker::new(app, &ctx, Pick::Person, ("contacts", false), &form.contacts).await?,
        version,
        stored,
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

pub(super) async fn new_form(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
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

pub(super) async fn create(
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

pub(super) async fn edit_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
) -> HtmlResult<Response> {
    let (form, version) = match app.practice_form(&ctx.actor(), &slug).await {
        Ok(found) => found,
        // Its own people, while it is with a reviewer or published, are shown why, on the
        // practice, instead of a bare "not allowed".
        Err(Error::Forbidden) => {
            let p = app
                .practice(&ctx.actor(), &slug, ctx.lang())
                .await
                .or_page(&ctx)?;
            let why = match (super::show::locked_note(&ctx, &p), p.facts.status) {
                (Some(_), PracticeStatus::Published) => "locked-published",
                (Some(_), PracticeStatus::Submitted) => "locked-submitted",
                (Some(_), _) => "locked-review",
                (None, _) => return Err(Error::Forbidden).or_page(&ctx),
            };
            return Ok(done(&ctx, &format!("/practices/{slug}"), why));
        }
        Err(e) => return Err(e).or_page(&ctx),
    };
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

pub(super) async fn update(
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

/// One step of a compared field, for the template: `same` (with `count`), `removed`, `added`
/// (the paragraph in `runs`) or `changed` (its runs of words, each `kept`, `removed` or `added`).
pub(super) struct DiffPart {
    kind: &'static str,
    count: usize,
    runs: Vec<(&'static str, String)>,
}

impl From<Change> for DiffPart {
    fn from(c: Change) -> Self {
        let part = |kind, runs| DiffPart {
            kind,
            count: 0,
            runs,
        };
        match c {
            Change::Same(count) => DiffPart {
                kind: "same",
                count,
                runs: Vec::new(),
            },
            Change::Removed(text) => part("removed", vec![("removed", text)]),
            Change::Added(text) => part("added", vec![("added", text)]),
            Change::Changed(runs) => part(
                "changed",
                runs.into_iter()
                    .map(|(m, text)| {
                        let mark = match m {
                            Mark::Kept => "kept",
                            Mark::Removed => "removed",
                            Mark::Added => "added",
                        };
                        (mark, text)
                    })
                    .collect(),
            ),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "catalogue/practices/revisions.html")]
pub(super) struct RevisionsPage {
    ctx: Ctx,
    slug: String,
    title: String,
    /// The language of the title shown.
    title_lang: String,
    revisions: Vec<(RevisionRow, (String, String), Vec<String>)>,
    versions: Vec<i64>,
    from: i64,
    to: i64,
    /// The fields that differ between `from` and `to`, paragraph by paragraph, each with the
    /// language its text is in (the practice's texts; none for lists shown in the reader's).
    diff: Vec<(String, Option<String>, Vec<DiffPart>)>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct CompareQuery {
    // Lists, so that a repeated parameter is no error: the first usable value counts.
    from: Vec<String>,
    to: Vec<String>,
}

/// A field of a saved form as text (lists one item per paragraph).
pub(super) fn field_text(form: &PracticeForm, field: &str) -> String {
    let json = serde_json::to_value(form).unwrap_or_default();
    match &json[field] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join("\n\n"),
        other => other.to_string(),
    }
}

pub(super) async fn revisions(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> HtmlResult<RevisionsPage> {
    // Read leniently: a repeated or malformed version is ignored, not an error page.
    let q: CompareQuery =
        serde_html_form::from_str(query.as_deref().unwrap_or_default()).unwrap_or_default();
    let p = app
        .practice(&ctx.actor(), &slug, ctx.lang())
        .await
        .or_page(&ctx)?;
    let rows = app
        .practice_revisions(&ctx.actor(), &slug)
        .await
        .or_page(&ctx)?;
    // What each revision changed against the one before it, by field; themes and target
    // groups by their names in the reader's language.
    let (themes, groups) = (
        app.themes().await.or_page(&ctx)?,
        app.target_groups().await.or_page(&ctx)?,
    );
    let forms: Vec<Option<PracticeForm>> = rows
        .iter()
        .map(|r| {
            serde_json::from_str::<PracticeForm>(&r.snapshot)
                .ok()
                .map(|f| PracticeForm {
                    themes: named_terms(&themes, ctx.locale, &f.themes),
                    target_groups: named_terms(&groups, ctx.locale, &f.target_groups),
                    ..f
                })
        })
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
            let when = (ctx.machine_time(r.at), ctx.moment(r.at));
            (r.clone(), when, changed)
        })
        .collect();
    // Any two versions compared (by default the newest with the one before it).
    let versions: Vec<i64> = rows.iter().map(|r| r.version).collect();
    let newest = versions.first().copied().unwrap_or(1);
    let chosen = |v: Vec<String>| {
        v.iter()
            .filter_map(|v| v.trim().parse::<i64>().ok())
            .find(|v| versions.contains(v))
    };
    let to = chosen(q.to).unwrap_or(newest);
    let from = chosen(q.from).unwrap_or_else(|| versions.get(1).copied().unwrap_or(to));
    // The older one is always "from".
    let (from, to) = (from.min(to), from.max(to));
    let form_of = |v: i64| {
        rows.iter()
            .position(|r| r.version == v)
            .and_then(|i| forms[i].clone())
    };
    let diff = match (form_of(from), form_of(to)) {
        (Some(a), Some(b)) => changed_fields(&a, &b)
            .into_iter()
            .map(|f| {
                let parts = revision::compare(&field_text(&a, f), &field_text(&b, f));
                // Texts are in the practice's language; lists of names in the reader's.
                let lang = (!matches!(f, "themes" | "target_groups" | "ongoing" | "lang"))
                    .then(|| b.lang.clone());
                (
                    ctx.tk("field-", f),
                    lang,
                    parts.into_iter().map(DiffPart::from).collect(),
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(RevisionsPage {
        title: p.row.title.clone(),
        title_lang: p.row.title_lang.clone(),
        slug,
        revisions,
        versions,
        from,
        to,
        diff,
        ctx,
    })
}

/// Taxonomy keys as their names in `locale` (a key no longer in the taxonomy as it is).
fn named_terms(
    terms: &[crate::storage::TermRow],
    locale: crate::domain::Locale,
    keys: &[String],
) -> Vec<String> {
    keys.iter()
        .map(|k| {
            terms.iter().find(|t| &t.key == k).map_or_else(
                || k.clone(),
                |t| crate::web::html::term_label(t, locale).to_owned(),
            )
        })
        .collect()
}

/// The fields that differ between two saved forms.
pub(super) fn changed_fields(a: &PracticeForm, b: &PracticeForm) -> Vec<&'static str> {
    let (ja, jb) = (
        serde_json::to_value(a).unwrap_or_default(),
        serde_json::to_value(b).unwrap_or_default(),
    );
    const FIELDS: [&str; 22] = [
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
        "target_group_note",
        "links",
        "source",
    ];
    FIELDS
        .into_iter()
        .filter(|f| {
            ja[*f] != jb[*f] && !revision::compare(&field_text(a, f), &field_text(b, f)).is_empty()
        })
        .collect()
}
