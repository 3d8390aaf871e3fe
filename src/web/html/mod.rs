//! HTML pages, one module per resource. Every page struct carries the [`Ctx`] and is rendered by
//! an askama template under `templates/`; every string comes from the Fluent files.

mod accounts;
mod catalogue;
mod directory;
mod exchange;
mod language;
pub(crate) mod workspace;

pub use workspace::home;

use axum::Router;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::app::{App, Error};
use crate::app::{CityRow, CountryRow, TermRow};
use crate::domain::{FieldErrors, LanguageCode, Locale};
use crate::i18n;

use super::{Ctx, HtmlError};

/// The sections every page links to, in the order of the menu: what the network knows, what it
/// offers for exchanges, and who is in it. Each is a path and the message naming it.
pub const NAVIGATION: [(&str, &str); 10] = [
    ("/practices", "nav-practices"),
    ("/reports", "nav-reports"),
    ("/glossary", "nav-glossary"),
    ("/placements", "nav-placements"),
    ("/calls", "nav-calls"),
    ("/exchange", "nav-exchange"),
    ("/organisations", "nav-organisations"),
    ("/people", "nav-people"),
    ("/cities", "nav-cities"),
    ("/countries", "nav-countries"),
];

/// The pages of one language (nested under `/de`, `/fr` and `/en`).
pub fn router() -> Router<App> {
    Router::new()
        .route("/", get(home))
        .merge(directory::router())
        .merge(catalogue::router())
        .merge(accounts::router())
        .merge(language::router())
        .merge(exchange::router())
        .merge(workspace::router())
}

/// A page's query string: a value of the wrong form (`?page=abc`) gets the error page in the
/// reader's language naming the parameter, instead of axum's plain-text 400.
pub struct HtmlQuery<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> axum::extract::FromRequestParts<S>
    for HtmlQuery<T>
{
    type Rejection = HtmlError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, HtmlError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(q)) => Ok(HtmlQuery(q)),
            Err(rejection) => {
                let path = parts
                    .extensions
                    .get::<axum::extract::OriginalUri>()
                    .map(|u| u.0.path().to_owned())
                    .unwrap_or_else(|| parts.uri.path().to_owned());
                let locale = super::context::locale_of(&path).unwrap_or(Locale::En);
                // axum names the parameter: "Failed to deserialize query string: page: invalid digit …".
                let text = rejection.body_text();
                let detail = text.split_once(": ").map_or(text.as_str(), |(_, d)| d);
                let message =
                    i18n::t_args(locale, "error-api-query", &[("detail", detail.to_owned())]);
                Err(HtmlError::new(locale, Error::Invalid(FieldErrors::new()))
                    .with_message(message))
            }
        }
    }
}

/// A form with nothing but its form token (a button).
#[derive(Debug, Default, serde::Deserialize)]
pub struct Empty {}

/// Results of page handlers.
pub type HtmlResult<T> = Result<T, HtmlError>;

/// Adds the locale to use-case errors.
pub trait OrPage<T> {
    /// Wraps the error for rendering as a page.
    fn or_page(self, ctx: &Ctx) -> HtmlResult<T>;
}

impl<T> OrPage<T> for Result<T, Error> {
    fn or_page(self, ctx: &Ctx) -> HtmlResult<T> {
        self.map_err(|e| HtmlError::new(ctx.locale, e))
    }
}

/// Field errors as sentences, looked up by field name in templates.
#[derive(Debug, Clone, Default)]
pub struct Errors(Vec<(String, String)>);

impl Errors {
    /// Localizes every field error.
    pub fn new(locale: Locale, errors: &FieldErrors) -> Self {
        Errors(
            errors
                .iter()
                .map(|(f, e)| (f.to_string(), i18n::field_error(locale, f, e)))
                .collect(),
        )
    }

    /// The first message of a field.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    /// Whether a field has an error.
    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    /// Every (field, message), for the error summary.
    pub fn list(&self) -> &[(String, String)] {
        &self.0
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One option of a select or checkbox group.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Shown label.
    pub label: String,
    /// Whether it is selected.
    pub selected: bool,
}

/// The name of a country in the reader's language.
pub fn country_name(c: &CountryRow, locale: Locale) -> &str {
    match locale {
        Locale::De => &c.name_de,
        Locale::Fr => &c.name_fr,
        Locale::En => &c.name_en,
    }
}

/// The name of a city in the reader's language, or its own name.
pub fn city_name(c: &CityRow, locale: Locale) -> &str {
    let localized = match locale {
        Locale::De => c.name_de.as_deref(),
        Locale::Fr => c.name_fr.as_deref(),
        Locale::En => c.name_en.as_deref(),
    };
    localized.unwrap_or(&c.name)
}

/// The name of the city with `id` among `cities`, in the reader's language (empty if unknown).
pub fn city_name_of(cities: &[CityRow], id: i64, locale: Locale) -> String {
    cities
        .iter()
        .find(|c| c.id == id)
        .map(|c| city_name(c, locale).to_owned())
        .unwrap_or_default()
}

/// A filter or form value, trimmed; `None` when blank.
/// Markdown as one line of plain text of at most `max` characters, cut after a word ("…"): the
/// meta description of a page.
pub fn plain_excerpt(markdown: &str, max: usize) -> String {
    let plain: String = markdown
        .chars()
        .map(|c| {
            if matches!(c, '*' | '_' | '#' | '`' | '>' | '[' | ']') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        if out.chars().count() + word.chars().count() + 1 > max {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

pub fn nonempty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// A theme's label in the reader's language.
pub fn term_label(t: &TermRow, locale: Locale) -> &str {
    match locale {
        Locale::De => &t.label_de,
        Locale::Fr => &t.label_fr,
        Locale::En => &t.label_en,
    }
}

/// The content languages as choices (leaving out `except`, an original's language), `selected`
/// selected.
pub fn content_lang_choices(locale: Locale, selected: &str, except: Option<&str>) -> Vec<Choice> {
    crate::domain::ContentLang::ALL
        .iter()
        .filter(|l| Some(l.code()) != except)
        .map(|l| Choice {
            value: l.code().to_owned(),
            label: i18n::t(locale, &format!("language-{}", l.code())),
            selected: l.code() == selected,
        })
        .collect()
}

/// The cities as choices, those in `selected` selected.
pub fn city_choices(cities: &[CityRow], locale: Locale, selected: &[String]) -> Vec<Choice> {
    cities
        .iter()
        .map(|c| Choice {
            value: c.slug.clone(),
            label: city_name(c, locale).to_owned(),
            selected: selected.contains(&c.slug),
        })
        .collect()
}

/// Theme choices with `selected` ticked.
pub fn term_choices(themes: &[TermRow], locale: Locale, selected: &[String]) -> Vec<Choice> {
    themes
        .iter()
        .map(|t| Choice {
            value: t.key.clone(),
            label: term_label(t, locale).to_owned(),
            selected: selected.contains(&t.key),
        })
        .collect()
}

/// Labels of stored theme keys.
pub fn term_labels(themes: &[TermRow], locale: Locale, keys: &[String]) -> Vec<String> {
    keys.iter()
        .map(|k| {
            themes
                .iter()
                .find(|t| &t.key == k)
                .map(|t| term_label(t, locale).to_owned())
                .unwrap_or_else(|| k.clone())
        })
        .collect()
}

/// Language choices (all known languages) with `selected` ticked.
pub fn language_choices(locale: Locale, selected: &[String]) -> Vec<Choice> {
    LanguageCode::all()
        .map(|l| Choice {
            value: l.code().to_owned(),
            label: i18n::t(locale, &format!("language-{}", l.code())),
            selected: selected.iter().any(|s| s == l.code()),
        })
        .collect()
}

/// Labels of stored language codes.
pub fn language_labels(locale: Locale, codes: &[String]) -> Vec<String> {
    codes
        .iter()
        .map(|c| i18n::t(locale, &format!("language-{c}")))
        .collect()
}

/// Renders markdown safely: no raw HTML, scripts, event handlers or `javascript:` links survive.
pub fn markdown(text: &str) -> String {
    let parser =
        pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&html)
        .to_string()
}

/// The non-empty filters of a list as a query string, for its page links.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let present: Vec<(&str, &str)> = pairs
        .iter()
        .copied()
        .filter(|(_, v)| !v.is_empty())
        .collect();
    serde_html_form::to_string(present).unwrap_or_default()
}

/// A picker as a form shows it: one text box per chosen item, by name, and one or two empty
/// ones to add more; browsers complete names from the `<datalist>` of `options` (none for
/// practices, which are too many: their boxes take a title).
#[derive(Debug, Clone)]
pub struct Picker {
    /// The field's name.
    pub name: &'static str,
    /// The chosen items' names, then empty boxes.
    pub values: Vec<String>,
    /// The names offered.
    pub options: Vec<String>,
    /// Whether at least one is needed.
    pub required: bool,
}

impl Picker {
    /// A picker of `pick` for `field`, showing `chosen` (slugs, or names as typed) by name.
    pub async fn new(
        app: &App,
        ctx: &Ctx,
        pick: crate::app::Pick,
        (field, required): (&'static str, bool),
        chosen: &[String],
    ) -> Result<Picker, Error> {
        let (mut values, options) = app.picker(pick, chosen, ctx.locale).await?;
        values.retain(|v| !v.trim().is_empty());
        let empty = if values.is_empty() { 2 } else { 1 };
        values.extend(std::iter::repeat_n(String::new(), empty));
        Ok(Picker {
            name: field,
            values,
            options,
            required,
        })
    }

    /// A picker of one item.
    pub async fn one(
        app: &App,
        ctx: &Ctx,
        pick: crate::app::Pick,
        field: &'static str,
        chosen: &str,
    ) -> Result<Picker, Error> {
        let mut p = Picker::new(app, ctx, pick, (field, false), &[chosen.to_owned()]).await?;
        p.values.truncate(1);
        Ok(p)
    }
}

/// What a picker's boxes sent, without the empty ones.
pub fn picked(values: Vec<String>) -> Vec<String> {
    values
        .into_iter()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The items before page `page` (counted from 1) of `limit` items; a page number far past the
/// end (or below 1) gives an offset past everything, or none, instead of overflowing.
pub fn page_offset(page: i64, limit: i64) -> i64 {
    page.max(1).saturating_sub(1).saturating_mul(limit)
}

/// Pagination links for a list page.
#[derive(Debug, Clone)]
pub struct Pager {
    /// Link to the previous page.
    pub prev: Option<String>,
    /// Link to the next page.
    pub next: Option<String>,
    /// Current page number (1-based).
    pub page: i64,
    /// Number of pages.
    pub pages: i64,
}

impl Pager {
    /// Builds links from a base query (without `page`).
    pub fn new(base: &str, query: &str, total: i64, limit: i64, page: i64) -> Pager {
        let pages = ((total + limit - 1) / limit).max(1);
        let link = |p: i64| {
            let sep = if query.is_empty() { "" } else { "&" };
            format!("{base}?{query}{sep}page={p}")
        };
        Pager {
            prev: (page > 1).then(|| link(page - 1)),
            next: (page < pages).then(|| link(page + 1)),
            page,
            pages,
        }
    }
}

/// 200 for a fresh form, 422 for one that comes back with errors.
pub fn form_status(errors: &FieldErrors) -> axum::http::StatusCode {
    if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// A 303 redirect after a successful form, with a `done` notice key for the next page.
pub fn done(ctx: &Ctx, path: &str, notice: &str) -> Response {
    Redirect::to(&format!("{}?done={notice}", ctx.href(path))).into_response()
}

/// The `?done=` parameter of a page shown after a form.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct DoneParam {
    /// The notice key.
    pub done: Option<String>,
}

/// The notice keys that a `?done=` parameter may show.
pub fn notice(ctx: &Ctx, done: Option<&str>) -> Option<String> {
    let key = match done? {
        "saved" => "notice-saved",
        "created" => "notice-created",
        "deleted" => "notice-deleted",
        "signed-in" => "notice-signed-in",
        "signed-out" => "notice-signed-out",
        "password" => "notice-password-changed",
        "translated" => "notice-translated",
        "revoked" => "notice-token-revoked",
        "welcome" => "notice-welcome",
        "erased" => "notice-erased",
        "review-taken" => "notice-review-taken",
        "review-assigned" => "notice-review-assigned",
        "step-submit" => "notice-step-submit",
        "step-start_review" => "notice-review-taken",
        "step-request_changes" => "notice-step-request-changes",
        "step-recommend" => "notice-step-recommend",
        "step-publish" => "notice-step-publish",
        "step-archive" => "notice-step-archive",
        "step-republish" => "notice-step-republish",
        "locked-submitted" => "practice-locked-submitted",
        "locked-review" => "practice-locked-review",
        "locked-published" => "practice-locked-published",
        _ => return None,
    };
    Some(ctx.t(key))
}

/// The localized 404 page for any unknown address.
pub async fn not_found(uri: axum::http::Uri) -> Response {
    let locale = uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .and_then(Locale::from_code)
        .unwrap_or(Locale::En);
    if uri.path().starts_with("/api/") {
        return super::ApiError {
            locale,
            error: Error::NotFound,
        }
        .into_response();
    }
    HtmlError::new(locale, Error::NotFound).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meta_description_is_plain_and_short() {
        assert_eq!(
            plain_excerpt("Ein **wöchentliches** Treffen\n\n- im Stadtteil", 80),
            "Ein wöchentliches Treffen - im Stadtteil"
        );
        assert_eq!(plain_excerpt("one two three", 8), "one two…");
    }

    #[test]
    fn hostile_markdown_loses_its_scripts() {
        let cases = [
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "[y](JaVaScRiPt:alert(1) \"t\")",
            "<img src=x onerror=alert(1)>",
            "<a href=\"#\" onclick=\"alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
        ];
        for case in cases {
            let html = markdown(case).to_lowercase();
            for bad in [
                "<script",
                "href=\"javascript:",
                "onerror",
                "onclick",
                "<iframe",
            ] {
                assert!(!html.contains(bad), "{case} rendered as {html}");
            }
        }
    }

    #[test]
    fn the_pager_links_neighbours() {
        let p = Pager::new("/de/organisations", "city=metz", 120, 50, 2);
        assert_eq!(
            p.prev.as_deref(),
            Some("/de/organisations?city=metz&page=1")
        );
        assert_eq!(
            p.next.as_deref(),
            Some("/de/organisations?city=metz&page=3")
        );
        assert_eq!(p.pages, 3);
    }
}
