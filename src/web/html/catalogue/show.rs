//! A practice as a reader sees it, its workflow steps, and its attachments.

use super::*;

/// One section of a practice as shown.
pub(super) struct Section {
    field: &'static str,
    html: String,
    lang: String,
    status: String,
    /// The reader's language is missing here while other parts are translated: names the language.
    only_in: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "catalogue/practices/show.html")]
pub(super) struct ShowPage {
    ctx: Ctx,
    p: Practice,
    title: String,
    title_lang: String,
    /// When the title is left in the original while other parts are translated: names it.
    title_only_in: Option<String>,
    summary: Option<Section>,
    /// The summary as plain text, for search engines and link previews.
    description: String,
    sections: Vec<Section>,
    lang_notice: Option<String>,
    /// For machine or outdated translations: the page in the original's language, when it has one.
    original_link: Option<(String, String)>,
    city: String,
    period: Option<String>,
    themes: Vec<String>,
    /// Target groups' labels in the reader's language.
    target_groups: Vec<String>,
    /// Target groups the taxonomy lacks, in the original language.
    target_group_note: Option<String>,
    links: Vec<String>,
    status_label: String,
    opinion_html: Option<String>,
    /// Steps that are one button each: (step, label).
    steps: Vec<(String, String)>,
    /// The reviewer's steps, which share one opinion box: (step, label).
    opinion_steps: Vec<(String, String)>,
    /// The opinion box's text and public flag (as typed, or the opinion given so far).
    opinion: String,
    opinion_public: bool,
    /// Why the practice's own people cannot change it now, when they cannot.
    locked: Option<String>,
    /// Whether the workflow panel says it (not when the notice at the top already does).
    locked_in_panel: bool,
    /// Other practices of the same organisations: (slug, title, title language).
    others: Vec<(String, String, String)>,
    /// Practices like this one, in any language.
    similar: Vec<Similar>,
    /// Glossary concepts named in the texts shown.
    terms: Vec<TermInText>,
    /// Whom a coordinator may ask to review it.
    reviewers: Vec<Choice>,
    errors: Errors,
    notice: Option<String>,
}

/// A glossary concept found in a practice's text, shown with its terms in every language.
pub(super) struct TermInText {
    key: String,
    /// The words as they stand in the text, and the text's language.
    words: String,
    lang: String,
    /// The reader's preferred term, when the text is in another language.
    translation: Option<String>,
    /// (language name, language code, terms joined), the reader's language first.
    terms: Vec<(String, &'static str, String)>,
    /// The definition and its language.
    definition: Option<(String, &'static str)>,
}

/// At most this many glossary concepts are listed under a practice.
const TERMS_SHOWN: usize = 24;

/// The glossary concepts named in `texts` ((language, text) each), in order of appearance.
async fn terms_in_texts(
    ctx: &Ctx,
    app: &App,
    texts: &[(&str, &str)],
) -> crate::app::Result<Vec<TermInText>> {
    let reader = ContentLang::from(ctx.locale);
    let mut order = vec![reader];
    order.extend(ContentLang::ALL.into_iter().filter(|l| *l != reader));
    let mut out: Vec<TermInText> = Vec::new();
    for (lang, text) in texts {
        for (concept, words) in app.glossary_terms_in(lang, text).await? {
            if out.len() == TERMS_SHOWN || out.iter().any(|t| t.key == concept.key.as_str()) {
                continue;
            }
            let translation = concept
                .preferred(reader)
                .filter(|_| *lang != reader.code())
                .map(str::to_owned);
            let terms = order
                .iter()
                .filter(|l| !concept.terms_in(**l).is_empty())
                .map(|l| {
                    (
                        ctx.tk("language-", l.code()),
                        l.code(),
                        concept.terms_in(*l).join(" · "),
                    )
                })
                .collect();
            let definition = order
                .iter()
                .map(|l| (concept.definition(*l), l.code()))
                .find(|(d, _)| !d.is_empty())
                .map(|(d, l)| (d.to_owned(), l));
            out.push(TermInText {
                key: concept.key.as_str().to_owned(),
                words,
                lang: (*lang).to_owned(),
                translation,
                terms,
                definition,
            });
        }
    }
    Ok(out)
}

/// A practice like the one shown.
pub(super) struct Similar {
    href: String,
    title: String,
    /// Language of the title.
    lang: String,
    /// Names the language when it is not the reader's.
    badge: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ShowQuery {
    done: Option<String>,
}

pub(super) async fn show_page(
    ctx: Ctx,
    app: &App,
    slug: &str,
    errors: &FieldErrors,
    done: Option<&str>,
    typed: Option<&OpinionForm>,
) -> HtmlResult<Response> {
    let p = app
        .practice(&ctx.actor(), slug, ctx.lang())
        .await
        .or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    // A partly translated practice says so, and marks each part left in the original.
    let shown: Vec<&crate::app::Localized> =
        p.texts.iter().filter_map(|(_, t)| t.as_ref()).collect();
    let partly = shown.iter().any(|t| t.fallback) && shown.iter().any(|t| !t.fallback);
    let section = |(field, text): &(&'static str, Option<crate::app::Localized>)| {
        text.as_ref().map(|t| Section {
            field,
            html: markdown(&t.text),
            lang: t.lang.clone(),
            status: t.status.clone(),
            only_in: (partly && t.fallback).then(|| {
                ctx.t1(
                    "lang-section-original",
                    "lang",
                    &ctx.tk("language-", &t.lang),
                )
            }),
        })
    };
    let title = p.texts[0]
        .1
        .as_ref()
        .map(|t| (t.text.clone(), t.lang.clone()))
        .unwrap_or_default();
    // What the reader should know of the languages: partly or not translated, and whether a
    // translation shown is a machine's or older than the original (each part is marked too).
    let lang_notice = p.texts[1].1.as_ref().and_then(|t| {
        let original = ctx.tk("language-", &p.row.original_lang);
        let mut said = Vec::new();
        if partly {
            said.push(ctx.t1("lang-notice-partly", "original", &original));
        } else if t.fallback {
            said.push(ctx.t1("lang-notice-untranslated", "original", &original));
        }
        if shown.iter().any(|t| t.status == "machine") {
            said.push(ctx.t("lang-notice-machine"));
        }
        if shown.iter().any(|t| t.status == "outdated") {
            said.push(ctx.t("lang-notice-outdated"));
        }
        (!said.is_empty()).then(|| said.join(" "))
    });
    let title_only_in = p.texts[0]
        .1
        .as_ref()
        .filter(|t| partly && t.fallback)
        .map(|t| {
            ctx.t1(
                "lang-section-original",
                "lang",
                &ctx.tk("language-", &t.lang),
            )
        });
    let original_link = p.texts[1]
        .1
        .as_ref()
        .filter(|_| {
            shown
                .iter()
                .any(|t| t.status == "machine" || t.status == "outdated")
        })
        .and_then(|_| crate::domain::Locale::from_code(&p.row.original_lang))
        .map(|l| {
            (
                format!("/{}/practices/{}", l.code(), p.row.slug),
                ctx.t1("lang-original-link", "lang", &ctx.tk("language-", l.code())),
            )
        });
    let point = |text: &str| crate::i18n::period_point(ctx.locale, text);
    let period = match (&p.row.period_start, &p.row.period_end, p.row.ongoing == 1) {
        (Some(s), _, true) => Some(ctx.t1("practice-period-since", "start", &point(s))),
        (Some(s), Some(e), false) => Some(format!("{} – {}", point(s), point(e))),
        (Some(s), None, false) => Some(point(s)),
        (None, Some(e), _) => Some(ctx.t1("practice-period-until", "end", &point(e))),
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
    let reader = ctx.lang().to_string();
    let similar = app
        .similar_practices(&ctx.actor(), p.row.id, &title.0, &title.1, &reader)
        .await
        .or_page(&ctx)?
        .into_iter()
        .map(|h| {
            let badge = (h.lang != reader).then(|| {
                let key = if h.lang == h.original_lang {
                    "search-badge-original"
                } else {
                    "search-badge-in"
                };
                ctx.t1(key, "lang", &ctx.tk("language-", &h.lang))
            });
            Similar {
                href: ctx.link("/practices/", &h.slug, ""),
                title: h.title,
                lang: h.lang,
                badge,
            }
        })
        .collect();
    let shown: Vec<(&str, &str)> = p
        .texts
        .iter()
        .filter_map(|(_, t)| t.as_ref().map(|t| (t.lang.as_str(), t.text.as_str())))
        .collect();
    let terms = terms_in_texts(&ctx, app, &shown).await.or_page(&ctx)?;
    let labelled = |t: &Transition| (t.as_str().to_owned(), ctx.tk("practice-step-", t.as_str()));
    let opinion_step =
        |t: &&Transition| matches!(t, Transition::RequestChanges | Transition::Recommend);
    let opinion_steps = p.steps.iter().filter(opinion_step).map(labelled).collect();
    let steps = p
        .steps
        .iter()
        .filter(|t| !opinion_step(t))
        .map(labelled)
        .collect();
    let (opinion, opinion_public) = match typed {
        Some(f) => (f.opinion.clone(), crate::app::truthy(&f.public)),
        // No opinion yet (taking a review leaves it empty): the box is empty and public is ticked.
        None => match p
            .row
            .review_opinion
            .as_deref()
            .filter(|o| !o.trim().is_empty())
        {
            Some(o) => (o.to_owned(), p.row.opinion_public == 1),
            None => (String::new(), true),
        },
    };
    let locked = locked_note(&ctx, &p);
    let notice = notice(&ctx, done);
    // Said once: at the top when the edit address led here, otherwise in the workflow panel.
    let locked_in_panel = locked.is_some() && notice != locked;
    let reviewers = if p.can_assign_review {
        app.review_candidates(&ctx.actor(), slug)
            .await
            .or_page(&ctx)?
            .into_iter()
            .map(|(value, label)| Choice {
                value,
                label,
                selected: false,
            })
            .collect()
    } else {
        Vec::new()
    };
    let page = ShowPage {
        reviewers,
        title: title.0,
        title_lang: title.1,
        title_only_in,
        summary: section(&p.texts[1]),
        description: p.texts[1]
            .1
            .as_ref()
            .map(|t| crate::web::html::plain_excerpt(&t.text, 160))
            .unwrap_or_default(),
        sections: p.texts[2..].iter().filter_map(section).collect(),
        lang_notice,
        original_link,
        city: crate::web::html::city_name_of(&cities, p.row.city_id, ctx.locale),
        period,
        themes: term_labels(&themes, ctx.locale, &split_list(&p.row.themes)),
        target_groups: term_labels(
            &app.target_groups().await.or_page(&ctx)?,
            ctx.locale,
            &serde_json::from_str::<Vec<String>>(&p.row.target_groups).unwrap_or_default(),
        ),
        target_group_note: Some(p.row.target_group_note.clone()).filter(|n| !n.is_empty()),
        links: serde_json::from_str(&p.row.links).unwrap_or_default(),
        status_label: ctx.tk("practice-status-", &p.row.status),
        opinion_html: p
            .show_opinion
            .then(|| markdown(p.row.review_opinion.as_deref().unwrap_or(""))),
        steps,
        opinion_steps,
        opinion,
        opinion_public,
        locked,
        others,
        similar,
        terms,
        errors: ctx.errors(errors),
        notice,
        locked_in_panel,
        p,
        ctx,
    };
    Ok((form_status(errors), page).into_response())
}

pub(super) async fn show(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    Query(q): Query<ShowQuery>,
) -> HtmlResult<Response> {
    show_page(
        ctx,
        &app,
        &slug,
        &FieldErrors::new(),
        q.done.as_deref(),
        None,
    )
    .await
}

/// Why the practice's own organisation cannot change it now: it is with a reviewer, or published
/// (then only coordinators change it). `None` when they can, or when the reader is not theirs.
pub(super) fn locked_note(ctx: &Ctx, p: &Practice) -> Option<String> {
    if p.can_edit || !p.facts.own_organisation {
        return None;
    }
    match p.facts.status {
        PracticeStatus::Submitted => Some(ctx.t("practice-locked-submitted")),
        PracticeStatus::InReview => Some(ctx.t("practice-locked-review")),
        PracticeStatus::Published => Some(ctx.t("practice-locked-published")),
        _ => None,
    }
}

pub(super) async fn take_review(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.take_review(&ctx.actor(), &slug).await.or_page(&ctx)?;
    Ok(done(&ctx, &format!("/practices/{slug}"), "review-taken"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct AssignForm {
    reviewer: String,
}

pub(super) async fn assign_review(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(f): CsrfForm<AssignForm>,
) -> HtmlResult<Response> {
    match app.assign_review(&ctx.actor(), &slug, &f.reviewer).await {
        Ok(()) => Ok(done(&ctx, &format!("/practices/{slug}"), "review-assigned")),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, &slug, &errors, None, None).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

pub(super) async fn step(
    ctx: Ctx,
    State(app): State<App>,
    Path((slug, step)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<OpinionForm>,
) -> HtmlResult<Response> {
    let t = Transition::parse(&step)
        .ok_or(Error::NotFound)
        .or_page(&ctx)?;
    match app.practice_step(&ctx.actor(), &slug, t, &f).await {
        Ok(()) => Ok(done(
            &ctx,
            &format!("/practices/{slug}"),
            &format!("step-{}", t.as_str()),
        )),
        Err(Error::Invalid(errors)) => show_page(ctx, &app, &slug, &errors, None, Some(&f)).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// Asks before a step that changes what everyone sees (publish, archive); other steps have no
/// question and lead back to the practice.
pub(super) async fn confirm_step(
    ctx: Ctx,
    State(app): State<App>,
    Path((slug, step)): Path<(String, String)>,
) -> HtmlResult<Response> {
    let back = ctx.link("/practices/", &slug, "");
    let t = Transition::parse(&step)
        .ok_or(Error::NotFound)
        .or_page(&ctx)?;
    let p = app
        .practice(&ctx.actor(), &slug, ctx.lang())
        .await
        .or_page(&ctx)?;
    if !matches!(t, Transition::Publish | Transition::Archive) || !p.steps.contains(&t) {
        return Ok(axum::response::Redirect::to(&back).into_response());
    }
    let title = p.texts[0]
        .1
        .as_ref()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    Ok(crate::web::html::workspace::confirm::page(
        ctx.clone(),
        crate::web::html::workspace::confirm::Question {
            title: ctx.t1(&format!("practice-confirm-{}", t.as_str()), "title", &title),
            body: ctx.t(&format!("practice-confirm-{}-body", t.as_str())),
            action: ctx.link("/practices/", &slug, &format!("/step/{}", t.as_str())),
            button: ctx.tk("practice-step-", t.as_str()),
            back,
        },
    ))
}

/// Receives a file for a practice (multipart: `_csrf`, `file`).
pub(super) async fn attach(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    mut multipart: axum::extract::Multipart,
) -> HtmlResult<Response> {
    // Who may attach, and the form token (the form's first field), are checked before a byte of
    // the file is written anywhere.
    app.may_attach(&ctx.actor(), &slug).await.or_page(&ctx)?;
    let (mut token, mut name, mut upload) = (String::new(), String::new(), None);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name().unwrap_or("") {
                "_csrf" => token = field.text().await.unwrap_or_default(),
                "file" => {
                    if !ctx.csrf_matches(&app, &token) {
                        return Err(crate::web::HtmlError::new(ctx.locale, Error::Forbidden).csrf());
                    }
                    name = field.file_name().unwrap_or("").to_owned();
                    upload = crate::web::upload::spool(&app, field)
                        .await
                        .map_err(|e| crate::web::HtmlError::new(ctx.locale, e))?;
                }
                _ => {}
            },
            Ok(None) => break,
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(crate::web::HtmlError::new(ctx.locale, Error::TooLarge));
            }
            Err(_) => break,
        }
    }
    if !ctx.csrf_matches(&app, &token) {
        return Err(crate::web::HtmlError::new(ctx.locale, Error::Forbidden).csrf());
    }
    let result = match &upload {
        Some(path) => app
            .attach(&ctx.actor(), &slug, &name, path)
            .await
            .map(|_| ()),
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
            let mut page = show_page(ctx, &app, &slug, &errors, None, None).await?;
            if too_large {
                *page.status_mut() = axum::http::StatusCode::PAYLOAD_TOO_LARGE;
            }
            Ok(page)
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// Serves an attachment as a download with the type detected at upload, never inline as a page.
pub(super) async fn download(
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
            (axum::http::header::CONTENT_LENGTH, a.size.to_string()),
        ],
        axum::body::Body::from_stream(bytes),
    )
        .into_response())
}

pub(super) async fn detach(
    ctx: Ctx,
    State(app): State<App>,
    Path((slug, id)): Path<(String, i64)>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.detach(&ctx.actor(), &slug, id).await.or_page(&ctx)?;
    Ok(done(&ctx, &format!("/practices/{slug}"), "deleted"))
}
