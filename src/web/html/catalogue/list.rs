//! The catalogue: the list with facets, the Atom feed, and import and export.

use super::*;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ListQuery {
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

pub(super) struct Item {
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
#[template(path = "catalogue/practices/list.html")]
pub(super) struct ListPage {
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

pub(super) async fn list(
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
            Some(crate::web::html::page_offset(page, limit)),
        )
        .await
        .or_page(&ctx)?;
    let cities = app.cities(None).await.or_page(&ctx)?;
    let countries = app.countries().await.or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let target_groups = app.target_groups().await.or_page(&ctx)?;
    let items = result
        .items
        .iter()
        .map(|p| Item {
            slug: p.slug.clone(),
            title: p.title.clone(),
            title_lang: p.title_lang.clone(),
            summary: p.summary.clone(),
            summary_lang: p.summary_lang.clone(),
            city: crate::web::html::city_name_of(&cities, p.city_id, ctx.locale),
            themes: term_labels(&themes, ctx.locale, &split_list(&p.themes)),
            status: (p.status != PracticeStatus::Published.as_str())
                .then(|| ctx.tk("practice-status-", &p.status)),
        })
        .collect();
    let query = crate::web::html::query_string(&[
        ("city", q.city.as_str()),
        ("country", q.country.as_str()),
        ("theme", q.theme.as_str()),
        ("lang", q.lang.as_str()),
        ("status", q.status.as_str()),
        ("organisation", q.organisation.as_str()),
        ("target_group", q.target_group.as_str()),
        ("sort", q.sort.as_str()),
    ]);
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
        themes: term_facet(&facets.themes, &themes, ctx.locale, &q.theme),
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
        target_groups: term_facet(
            &facets.target_groups,
            &target_groups,
            ctx.locale,
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

/// The newest published practices as an Atom 1.0 feed, in the feed's language where translated.
pub(super) async fn feed(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
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
pub(super) struct ProblemRow {
    line: usize,
    message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "catalogue/practices/import.html")]
pub(super) struct ImportPage {
    ctx: Ctx,
    report: Option<crate::app::ImportReport>,
    problems: Vec<ProblemRow>,
    warnings: Vec<ProblemRow>,
    file_error: Option<String>,
}

pub(super) async fn import_form(ctx: Ctx) -> HtmlResult<Response> {
    ctx.require(Action::CreatePractice {
        organisation_id: -1,
    })?;
    Ok(ImportPage {
        ctx,
        report: None,
        problems: Vec::new(),
        warnings: Vec::new(),
        file_error: None,
    }
    .into_response())
}

/// Reads the upload (file, dry run, publish), checks the form token, imports, shows the report.
pub(super) async fn import(
    ctx: Ctx,
    State(app): State<App>,
    mut multipart: axum::extract::Multipart,
) -> HtmlResult<Response> {
    ctx.require(Action::CreatePractice {
        organisation_id: -1,
    })?;
    let (mut token, mut name, mut upload, mut dry_run, mut publish) =
        (String::new(), String::new(), None, false, false);
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name().unwrap_or("") {
            "_csrf" => token = field.text().await.unwrap_or_default(),
            "dry_run" => dry_run = true,
            "publish" => publish = true,
            "file" => {
                // The form token is the form's first field: checked before the file is written.
                if !ctx.csrf_matches(&app, &token) {
                    return Err(crate::web::HtmlError::new(ctx.locale, Error::Forbidden).csrf());
                }
                name = field.file_name().unwrap_or("").to_owned();
                upload = crate::web::upload::spool(&app, field)
                    .await
                    .map_err(|e| crate::web::HtmlError::new(ctx.locale, e))?;
            }
            _ => {}
        }
    }
    if !ctx.csrf_matches(&app, &token) {
        return Err(crate::web::HtmlError::new(ctx.locale, Error::Forbidden).csrf());
    }
    let format = crate::app::Format::parse(&name);
    let sniff = match &upload {
        Some(path) => Some(crate::app::sniff_file(path).await.or_page(&ctx)?),
        None => None,
    };
    let (path, format) = match (&upload, sniff, format) {
        (Some(path), Some(s), Some(f)) if s.is_text() && s.size() > 0 => (path, f),
        (Some(_), Some(s), _) if !s.is_text() => {
            let file_error = Some(ctx.t("import-not-utf8"));
            return Ok((
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                ImportPage {
                    ctx,
                    report: None,
                    problems: Vec::new(),
                    warnings: Vec::new(),
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
                    warnings: Vec::new(),
                    file_error,
                },
            )
                .into_response());
        }
    };
    let report = app
        .import_practices(
            &ctx.actor(),
            &**path,
            format,
            crate::app::ImportOptions { dry_run, publish },
            &|_, _| {},
        )
        .await
        .or_page(&ctx)?;
    let rows = |list: &[crate::app::ImportProblem]| {
        list.iter()
            .map(|p| ProblemRow {
                line: p.line,
                message: crate::i18n::field_error(ctx.locale, &p.field, &p.error),
            })
            .collect::<Vec<_>>()
    };
    let (problems, warnings) = (rows(&report.problems), rows(&report.warnings));
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
            warnings,
            file_error: None,
        },
    )
        .into_response())
}

/// The export as a download that is written while it is sent: the server holds one page of
/// practices at a time. If the export fails part-way, the connection is broken off rather than
/// ended, so the reader's browser reports an incomplete download instead of keeping half a file.
pub(super) async fn export(
    ctx: Ctx,
    app: App,
    format: crate::app::Format,
    name: &str,
    mime: &'static str,
) -> HtmlResult<Response> {
    use futures_util::StreamExt;
    use tokio::io::AsyncReadExt;
    let (mut writer, reader) = tokio::io::duplex(64 * 1024);
    let (done, outcome) = tokio::sync::oneshot::channel();
    let actor = ctx.actor();
    tokio::spawn(async move {
        let result = app.export_practices(&actor, format, &mut writer).await;
        drop(writer);
        let _ = done.send(result);
    });
    let chunks = futures_util::stream::unfold(reader, |mut reader| async move {
        let mut buf = vec![0u8; 64 * 1024];
        match reader.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok(axum::body::Bytes::from(buf)), reader))
            }
            Err(e) => Some((Err(e), reader)),
        }
    });
    let end = futures_util::stream::once(async move {
        match outcome.await {
            Ok(Ok(())) => None,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "the export failed part-way");
                Some(Err(std::io::Error::other("the export failed")))
            }
            Err(_) => Some(Err(std::io::Error::other("the export stopped"))),
        }
    })
    .filter_map(futures_util::future::ready);
    let disposition = format!("attachment; filename=\"{name}\"");
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, mime.to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        axum::body::Body::from_stream(chunks.chain(end)),
    )
        .into_response())
}

pub(super) async fn export_jsonl(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    export(
        ctx,
        app,
        crate::app::Format::JsonLines,
        "practices.jsonl",
        "application/x-ndjson; charset=utf-8",
    )
    .await
}

pub(super) async fn export_csv(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    export(
        ctx,
        app,
        crate::app::Format::Csv,
        "practices.csv",
        "text/csv; charset=utf-8",
    )
    .await
}
