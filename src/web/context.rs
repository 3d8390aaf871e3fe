//! What every page needs to know about its request: the locale from the URL, the signed-in
//! account, the form token, and where the language switcher should point. Also the form-token
//! cookie middleware and the `CsrfForm` extractor that refuses forms without a valid token.

use axum::extract::{FromRequest, FromRequestParts, OriginalUri, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::de::DeserializeOwned;

use crate::app::{App, CurrentUser};
use crate::domain::{Actor, FieldErrors, Locale};
use crate::i18n;

use super::error::HtmlError;
use super::reader::{Reader, Via};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "passerelle_session";
/// The form-token cookie's name: a random key the form tokens are derived from.
pub const CSRF_COOKIE: &str = "passerelle_csrf";

#[derive(Clone)]
struct CsrfKey(String);

/// Gives every browser a form-token key cookie on its first visit.
pub async fn csrf_cookie(
    axum::extract::State(app): axum::extract::State<App>,
    mut req: Request,
    next: Next,
) -> Response {
    let jar = CookieJar::from_headers(req.headers());
    if let Some(c) = jar.get(CSRF_COOKIE).filter(|c| c.value().len() == 32) {
        let key = CsrfKey(c.value().to_owned());
        req.extensions_mut().insert(key);
        return next.run(req).await;
    }
    let key = crate::app::random_key();
    req.extensions_mut().insert(CsrfKey(key.clone()));
    let mut response = next.run(req).await;
    let cookie = Cookie::build((CSRF_COOKIE, key))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(app.config().secure_cookies)
        .build();
    if let Ok(v) = cookie.to_string().parse() {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

/// A session cookie for `token` (or, with `None`, one that clears it).
pub fn session_cookie(app: &App, token: Option<String>) -> Cookie<'static> {
    let clear = token.is_none();
    let mut c = Cookie::build((SESSION_COOKIE, token.unwrap_or_default()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(app.config().secure_cookies)
        .build();
    if clear {
        c.make_removal();
    } else {
        c.set_max_age(time::Duration::days(crate::app::SESSION_DAYS));
    }
    c
}

/// The request as pages see it.
#[derive(Clone)]
pub struct Ctx {
    /// Interface language, from the URL.
    pub locale: Locale,
    /// The signed-in account.
    pub user: Option<CurrentUser>,
    /// The session token, for sign-out and password changes.
    pub session: Option<String>,
    /// The form token to put in every form.
    pub csrf: String,
    /// Path and query after the locale prefix (`/organisations?city=metz`).
    pub rest: String,
    /// The client's address, for the sign-in limit.
    pub client: String,
    /// The browser's form-token key (for forms read by hand, like uploads).
    pub csrf_key: String,
}

pub(crate) fn locale_of(path: &str) -> Option<Locale> {
    path.trim_start_matches('/')
        .split('/')
        .next()
        .and_then(Locale::from_code)
}

impl FromRequestParts<App> for Ctx {
    type Rejection = HtmlError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, HtmlError> {
        let uri = parts
            .extensions
            .get::<OriginalUri>()
            .map(|u| u.0.clone())
            .unwrap_or_else(|| parts.uri.clone());
        let locale = locale_of(uri.path()).unwrap_or(Locale::En);
        let prefix_len = 1 + locale.code().len();
        let rest = uri
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/")
            .get(prefix_len..)
            .unwrap_or("/")
            .to_owned();
        let reader = parts
            .extensions
            .get::<Reader>()
            .cloned()
            .unwrap_or_else(Reader::anonymous);
        // Pages know only the session cookie; API tokens are for the API.
        let (user, session) = match reader.via {
            Via::Cookie => (reader.user, reader.session),
            _ => (None, None),
        };
        let key = parts
            .extensions
            .get::<CsrfKey>()
            .map(|k| k.0.clone())
            .unwrap_or_default();
        Ok(Ctx {
            locale,
            session,
            user,
            csrf: app.csrf_token(&key),
            csrf_key: key,
            rest: if rest.is_empty() {
                "/".to_owned()
            } else {
                rest
            },
            client: reader.client,
        })
    }
}

impl Ctx {
    /// Whether a form token read by hand (from a multipart upload) belongs to this browser.
    pub fn csrf_matches(&self, app: &App, token: &str) -> bool {
        app.csrf_valid(&self.csrf_key, token)
    }

    /// Who acts.
    pub fn actor(&self) -> Actor {
        self.user
            .as_ref()
            .map(|u| u.actor.clone())
            .unwrap_or(Actor::Anonymous)
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.locale, key)
    }

    /// A colon after a label, spaced as the page's language writes it ("Statut :" in French).
    pub fn colon(&self) -> &'static str {
        i18n::colon(self.locale)
    }

    /// A day in prose in the page's language ("7. Dezember 2026").
    pub fn day(&self, d: time::Date) -> String {
        i18n::day(self.locale, d)
    }

    /// The day of a moment (UTC seconds) in the network's local time, in prose.
    pub fn day_of(&self, seconds: i64) -> String {
        crate::domain::local_time::local(seconds)
            .map(|t| self.day(t.date()))
            .unwrap_or_default()
    }

    /// A moment (UTC seconds) in the network's local time, in the page's language.
    pub fn moment(&self, seconds: i64) -> String {
        i18n::moment(self.locale, seconds)
    }

    /// A moment (UTC seconds) for a `<time datetime>` attribute.
    pub fn machine_time(&self, seconds: i64) -> String {
        time::OffsetDateTime::from_unix_timestamp(seconds)
            .ok()
            .and_then(|t| {
                t.format(&time::format_description::well_known::Rfc3339)
                    .ok()
            })
            .unwrap_or_default()
    }

    /// The message `key` with one argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.t_args(key, &[(name, value.to_owned())])
    }

    /// The message `key` with arguments (numbers among them select plural variants).
    pub fn t_args(&self, key: &str, args: &[(&str, String)]) -> String {
        i18n::t_args(self.locale, key, args)
    }

    /// An account as pages name it: its address, or "former member" once it was erased.
    pub fn who(&self, email: &str) -> String {
        if crate::domain::accounts::is_former_member(email) {
            self.t("former-member")
        } else {
            email.to_owned()
        }
    }

    /// The page's language code.
    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    /// A link inside the current language: `href("/organisations")` → `/de/organisations`.
    pub fn href(&self, path: &str) -> String {
        format!("/{}{}", self.locale.code(), path)
    }

    /// A link to `prefix` + `id` + `suffix` inside the current language (ids come from the data).
    pub fn link(&self, prefix: &str, id: &str, suffix: &str) -> String {
        format!("/{}{prefix}{id}{suffix}", self.locale.code())
    }

    /// The same page in another language (by code), for the switcher.
    pub fn switch_href(&self, code: &str) -> String {
        format!("/{code}{}", self.rest)
    }

    /// Whether `code` is the page's language.
    pub fn is_locale(&self, code: &str) -> bool {
        self.locale.code() == code
    }

    /// A message whose key is `prefix` + `suffix` (`kind-` + `association`).
    pub fn tk(&self, prefix: &str, suffix: &str) -> String {
        i18n::t(self.locale, &format!("{prefix}{suffix}"))
    }

    /// The name of a file type (`application/pdf` → "PDF").
    pub fn mime_label(&self, mime: &str) -> String {
        self.tk("mime-", &mime.replace(['/', '.'], "-"))
    }

    /// Whether the navigation shows the invitation link.
    pub fn can_invite(&self) -> bool {
        self.can(crate::domain::Action::Invite {
            role: crate::domain::Role::Member,
        })
    }

    /// Whether the navigation shows the accounts link.
    pub fn can_manage_accounts(&self) -> bool {
        self.can(crate::domain::Action::ManageAccounts)
    }

    /// Whether the current path starts with `section` (for `aria-current` in the navigation).
    pub fn in_section(&self, section: &str) -> bool {
        self.rest == section
            || self.rest.starts_with(&format!("{section}/"))
            || self.rest.starts_with(&format!("{section}?"))
    }

    /// Whether the page's address narrows a list (any parameter but the page and the order), so
    /// that a folded filter panel opens to show what narrows it.
    pub fn filtered(&self) -> bool {
        self.rest.split_once('?').is_some_and(|(_, query)| {
            query.split('&').any(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                !value.is_empty() && !matches!(name, "page" | "sort")
            })
        })
    }

    /// The reader's unread notices (none for the public).
    pub fn unread(&self) -> i64 {
        self.user.as_ref().map_or(0, |u| u.unread)
    }

    /// The unread count as a badge shows it ("99+" past 99, so that the header keeps its row).
    pub fn unread_badge(&self) -> String {
        match self.unread() {
            n if n > 99 => "99+".to_owned(),
            n => n.to_string(),
        }
    }

    /// What the menu button says of unread notices ("3 unread notices").
    pub fn notices_label(&self) -> String {
        self.t1("nav-notices-unread", "count", &self.unread().to_string())
    }

    /// Whether someone is signed in.
    pub fn signed_in(&self) -> bool {
        self.user.is_some()
    }

    /// Refuses (401 for the public, 403 for members) unless the actor may do `action`.
    pub fn require(&self, action: crate::domain::Action) -> Result<(), HtmlError> {
        crate::app::authorize(&self.actor(), action).map_err(|e| HtmlError::new(self.locale, e))
    }

    /// Whether the actor may do `action`.
    pub fn can(&self, action: crate::domain::Action) -> bool {
        crate::domain::can(&self.actor(), action)
    }

    /// Field errors as sentences in the page's language.
    pub fn errors(&self, errors: &FieldErrors) -> super::html::Errors {
        super::html::Errors::new(self.locale, errors)
    }
}

/// A form body whose `_csrf` field matches the browser's form-token cookie; otherwise 403.
pub struct CsrfForm<T>(pub T);

#[derive(serde::Deserialize)]
struct CsrfOnly {
    #[serde(default, rename = "_csrf")]
    csrf: String,
}

impl<T: DeserializeOwned> FromRequest<App> for CsrfForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, app: &App) -> Result<Self, Response> {
        let headers: HeaderMap = req.headers().clone();
        let locale = locale_of(
            req.extensions()
                .get::<OriginalUri>()
                .map(|u| u.0.path())
                .unwrap_or(req.uri().path()),
        )
        .unwrap_or(Locale::En);
        let key = req
            .extensions()
            .get::<CsrfKey>()
            .map(|k| k.0.clone())
            .unwrap_or_default();
        let bytes = axum::body::Bytes::from_request(req, app)
            .await
            .map_err(|r| {
                let error = match r.status() {
                    axum::http::StatusCode::PAYLOAD_TOO_LARGE => crate::app::Error::TooLarge,
                    _ => crate::app::Error::Invalid(FieldErrors::new()),
                };
                HtmlError::new(locale, error).into_response()
            })?;
        let is_form = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let token = serde_html_form::from_bytes::<CsrfOnly>(&bytes)
            .map(|c| c.csrf)
            .unwrap_or_default();
        if !is_form || !app.csrf_valid(&key, &token) {
            return Err(HtmlError::new(locale, crate::app::Error::Forbidden)
                .csrf()
                .into_response());
        }
        serde_html_form::from_bytes::<T>(&bytes)
            .map(CsrfForm)
            .map_err(|_| {
                HtmlError::new(locale, crate::app::Error::Invalid(FieldErrors::new()))
                    .into_response()
            })
    }
}
