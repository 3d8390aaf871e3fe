//! The search page: one box for practices, organisations and (for members) people, in any
//! language; facets as links with counts, pages, "did you mean" and the glossary terms the query
//! was expanded through.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use crate::app::{App, Error, SearchQuery, parse_without, without_param};
use crate::search::{DocKind, SearchResults, Segment};
use crate::web::Ctx;

use crate::web::html::{Errors, HtmlResult, OrPage, Pager, city_name, query_string};

/// Routes of the search page.
pub fn router() -> Router<App> {
    Router::new().route("/search", get(search))
}

/// One result as shown.
struct ResultItem {
    href: String,
    title: String,
    kind: String,
    /// The language of title and snippet when it differs from the page's.
    lang: Option<String>,
    /// "Original in …" or "in …" badge.
    badge: Option<String>,
    place: String,
    snippet: Vec<Segment>,
    /// Found by the embedding model, with none of the query's words.
    by_meaning: bool,
}

/// A facet value as a link that adds or removes it.
struct FacetLink {
    href: String,
    label: String,
    count: u64,
    active: bool,
}

/// A translation of a query word: shown, with a link that searches again without it (or, for one
/// left out, with it again).
struct TranslationLink {
    text: String,
    lang: String,
    /// "without “Wohnung”" or "search for “Wohnung” again".
    action: String,
    href: String,
    /// For those who may correct the lexicon: its page for the query word translated.
    correct: Option<String>,
}

/// A facet: its heading and values.
struct FacetGroup {
    name: String,
    links: Vec<FacetLink>,
}

#[derive(Template, WebTemplate)]
#[template(path = "language/search.html")]
struct SearchPage {
    ctx: Ctx,
    q: String,
    searched: bool,
    total: String,
    results: Vec<ResultItem>,
    facets: Vec<FacetGroup>,
    suggestion: Option<(String, String)>,
    concepts: Vec<(String, String)>,
    /// When the results are the good matches only: the same search for every match.
    every_match: Option<String>,
    translations: Vec<TranslationLink>,
    removed: Vec<TranslationLink>,
    pager: Pager,
    errors: Errors,
}

/// Results per page.
const PAGE: usize = 10;

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct Params {
    q: String,
    #[serde(rename = "type")]
    kind: String,
    city: String,
    country: String,
    theme: String,
    #[serde(rename = "in")]
    content_lang: String,
    page: Option<usize>,
    without: String,
    most: String,
}

async fn search(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<Params>,
) -> HtmlResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let page = p.page.unwrap_or(1).clamp(1, 1000);
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let query = SearchQuery {
        q: p.q.clone(),
        lang: Some(ctx.locale.code().to_string()),
        kind: some(&p.kind),
        city: some(&p.city),
        country: some(&p.country),
        theme: some(&p.theme),
        content_lang: some(&p.content_lang),
        limit: Some(PAGE),
        offset: Some((page - 1) * PAGE),
        without: some(&p.without),
        // `true`/`false` as the API has them (the page's links use these); `1`/`0` as well.
        most: match p.most.as_str() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => None,
        },
    };
    let (results, errors) = match app.search(&ctx.actor(), &query, ctx.locale.code()).await {
        Ok(r) => (r, Errors::default()),
        Err(Error::Invalid(e)) => (SearchResults::default(), ctx.errors(&e)),
        Err(e) => return Err(e).or_page(&ctx),
    };
    let cities = app.cities(None).await.or_page(&ctx)?;
    let themes = app.themes().await.or_page(&ctx)?;
    let countries = app.countries().await.or_page(&ctx)?;
    let base = ctx.href("/search");
    let current: Vec<(&str, &str)> = vec![
        ("q", p.q.as_str()),
        ("type", p.kind.as_str()),
        ("city", p.city.as_str()),
        ("country", p.country.as_str()),
        ("theme", p.theme.as_str()),
        ("in", p.content_lang.as_str()),
        ("without", p.without.as_str()),
        // Facets and pages of results that kept to the good matches keep to them too, so that
        // a facet's count is what choosing it shows; so do those of every match asked for.
        (
            "most",
            if results.most_words {
                "true"
            } else if matches!(p.most.as_str(), "false" | "0") {
                "false"
            } else {
                ""
            },
        ),
    ];
    let toggle = |name: &str, value: &str| {
        let pairs: Vec<(&str, &str)> = current
            .iter()
            .map(|(k, v)| {
                if *k == name {
                    (*k, if *v == value { "" } else { value })
                } else {
                    (*k, *v)
                }
            })
            .collect();
        format!("{base}?{}", query_string(&pairs))
    };
    let active = |name: &str| {
        current
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| *v)
    };
    let group = |name: &str, values: &[(String, u64)], label: &dyn Fn(&str) -> String| FacetGroup {
        name: ctx.tk("search-facet-", name),
        links: values
            .iter()
            .map(|(v, count)| FacetLink {
                href: toggle(name, v),
                label: label(v),
                count: *count,
                active: active(name) == v,
            })
            .collect(),
    };
    let f = &results.facets;
    let facets: Vec<FacetGroup> = vec![
        group("type", &f.kinds, &|v| ctx.tk("search-type-", v)),
        group("city", &f.city, &|v| {
            cities
                .iter()
                .find(|c| c.slug == v)
                .map(|c| city_name(c, ctx.locale).to_string())
                .unwrap_or_else(|| v.to_string())
        }),
        group("country", &f.country, &|v| {
            countries
                .iter()
                .find(|c| c.code == v)
                .map(|c| crate::web::html::country_name(c, ctx.locale).to_string())
                .unwrap_or_else(|| v.to_string())
        }),
        group("theme", &f.theme, &|v| {
            themes
                .iter()
                .find(|t| t.key == v)
                .map(|t| match ctx.locale {
                    crate::domain::Locale::De => t.label_de.clone(),
                    crate::domain::Locale::Fr => t.label_fr.clone(),
                    crate::domain::Locale::En => t.label_en.clone(),
                })
                .unwrap_or_else(|| v.to_string())
        }),
        group("in", &f.lang, &|v| ctx.tk("language-", v)),
    ]
    .into_iter()
    .filter(|g| !g.links.is_empty())
    .collect();
    let reader = ctx.locale.code();
    let items = results
        .hits
        .iter()
        .map(|h| {
            let path = match h.kind {
                DocKind::Practice => "/practices/",
                DocKind::Organisation => "/organisations/",
                DocKind::Person => "/people/",
                DocKind::Placement => "/placements/",
                DocKind::Report => "/reports/",
            };
            let badge = (h.lang != reader).then(|| {
                if h.lang == h.original_lang {
                    ctx.t1(
                        "search-badge-original",
                        "lang",
                        &ctx.tk("language-", &h.lang),
                    )
                } else {
                    ctx.t1("search-badge-in", "lang", &ctx.tk("language-", &h.lang))
                }
            });
            ResultItem {
                href: ctx.link(path, &h.slug, ""),
                title: h.title.clone(),
                kind: ctx.tk("search-type-", h.kind.as_str()),
                lang: (h.lang != reader).then(|| h.lang.clone()),
                badge,
                place: h
                    .city
                    .as_deref()
                    .and_then(|slug| cities.iter().find(|c| c.slug == slug))
                    .map(|c| city_name(c, ctx.locale).to_string())
                    .unwrap_or_default(),
                snippet: h.snippet.clone(),
                by_meaning: h.meaning_only,
            }
        })
        .collect();
    let pairs: Vec<(&str, &str)> = current.clone();
    let pager = Pager::new(
        &base,
        &query_string(&pairs),
        results.total as i64,
        PAGE as i64,
        page as i64,
    );
    let glossary = app.glossary().await.or_page(&ctx)?;
    let lang = crate::domain::ContentLang::from(ctx.locale);
    let concepts = results
        .concepts
        .iter()
        .filter_map(|k| glossary.get(k))
        .map(|c| {
            (
                ctx.link("/glossary/", c.key.as_str(), ""),
                c.preferred(lang).unwrap_or(c.key.as_str()).to_string(),
            )
        })
        .collect();
    // The translations used, each with a link leaving it out; those left out, each with a link
    // taking it back. Links keep every other parameter.
    let left_out = parse_without(&p.without).unwrap_or_default();
    let with_without = |pairs: &[(String, String)]| {
        let param = without_param(pairs);
        let mut all = current.clone();
        if let Some(w) = all.iter_mut().find(|(k, _)| *k == "without") {
            w.1 = param.as_str();
        }
        format!("{base}?{}", query_string(&all))
    };
    let mut translations: Vec<TranslationLink> = Vec::new();
    for t in &results.translations {
        if translations
            .iter()
            .any(|x| x.lang == t.lang && x.text == t.text)
        {
            continue;
        }
        let mut pairs = left_out.clone();
        pairs.push((t.lang.clone(), t.text.clone()));
        let correct = ctx.can(crate::domain::Action::EditGlossary).then(|| {
            let params =
                query_string(&[("src_lang", t.from.as_str()), ("src_word", t.word.as_str())]);
            format!("{}?{params}", ctx.href("/lexicon"))
        });
        translations.push(TranslationLink {
            action: ctx.t1("search-translation-remove", "text", &t.text),
            href: with_without(&pairs),
            correct,
            text: t.text.clone(),
            lang: t.lang.clone(),
        });
    }
    let removed = left_out
        .iter()
        .map(|(lang, text)| {
            let pairs: Vec<(String, String)> = left_out
                .iter()
                .filter(|(l, x)| !(l == lang && x == text))
                .cloned()
                .collect();
            TranslationLink {
                action: ctx.t1("search-translation-restore", "text", text),
                href: with_without(&pairs),
                correct: None,
                text: text.clone(),
                lang: lang.clone(),
            }
        })
        .collect();
    let every_match = results.most_words.then(|| {
        let mut pairs = current.clone();
        if let Some(m) = pairs.iter_mut().find(|(k, _)| *k == "most") {
            m.1 = "false";
        }
        format!("{base}?{}", query_string(&pairs))
    });
    let suggestion = results.suggestion.as_ref().map(|s| {
        let mut pairs = current.clone();
        pairs[0] = ("q", s.as_str());
        (format!("{base}?{}", query_string(&pairs)), s.clone())
    });
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let searched = !p.q.trim().is_empty() && errors.is_empty();
    let mut headers = axum::http::HeaderMap::new();
    if searched && app.meaning_missed(&results) {
        headers.insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
    }
    Ok((
        status,
        headers,
        SearchPage {
            total: ctx.t1("search-total", "count", &results.total.to_string()),
            q: p.q,
            searched,
            results: items,
            facets,
            suggestion,
            concepts,
            every_match,
            translations,
            removed,
            pager,
            errors,
            ctx,
        },
    )
        .into_response())
}
