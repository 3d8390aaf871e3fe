//! Who is reading, decided once per request before any handler runs, and what follows from it:
//! how large a body the request may carry (nothing past that is read, and an anonymous writer
//! gets a small allowance, so nobody unauthenticated can make the server buffer megabytes), and
//! whether a state change on the API that the session cookie authenticates really comes from
//! this site's own pages. `Ctx` and `ApiCtx` take the reader from here; how responses may be
//! cached is the page cache's business (`cache`).

use std::net::IpAddr;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;

use crate::app::{App, CurrentUser, Error};
use crate::domain::Locale;

use super::context::{CSRF_COOKIE, locale_of};
use super::{ApiError, HtmlError, SESSION_COOKIE};

/// Largest body an anonymous request may send: sign-in and invitation forms are far smaller.
pub const ANONYMOUS_BODY_BYTES: usize = 64 * 1024;
/// Room for a multipart upload's other fields and part headers beside the file itself.
const MULTIPART_OVERHEAD: usize = 64 * 1024;

/// How a request says who it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Neither a session cookie nor a token (or a cookie of no live session).
    Nobody,
    /// The session cookie of a live session.
    Cookie,
    /// A valid personal API token.
    Token,
    /// An `Authorization: Bearer` header with no valid token behind it.
    BadToken,
}

/// The reader of one request.
#[derive(Debug, Clone)]
pub struct Reader {
    /// The signed-in account, by cookie or by token.
    pub user: Option<CurrentUser>,
    /// The session token, when the cookie named a live session.
    pub session: Option<String>,
    /// How the reader was recognised.
    pub via: Via,
    /// The client's address (the peer, or what a trusted proxy says the client was).
    pub client: String,
}

impl Reader {
    /// Nobody, from nowhere in particular (a request that did not pass `identify`).
    pub fn anonymous() -> Self {
        Reader {
            user: None,
            session: None,
            via: Via::Nobody,
            client: "local".to_owned(),
        }
    }
}

/// The client's address: the peer's, unless the peer is a trusted proxy; then the nearest
/// address in `X-Forwarded-For` that is not itself a trusted proxy.
pub fn client_address(headers: &HeaderMap, peer: Option<IpAddr>, trusted: &[IpAddr]) -> String {
    let Some(peer) = peer else {
        return "local".to_owned();
    };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    forwarded
        .iter()
        .rev()
        .find(|a| !trusted.contains(a))
        .copied()
        .unwrap_or(peer)
        .to_string()
}

/// Resolves the reader once and puts it into the request; a storage failure is answered here,
/// as a page or as API JSON.
pub async fn identify(State(app): State<App>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    let client = client_address(req.headers(), peer, &app.config().trusted_proxies);
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_owned());
    let cookie = CookieJar::from_headers(req.headers())
        .get(SESSION_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty());
    let resolved = match (bearer, cookie) {
        (Some(token), _) => app.api_token_user(&token).await.map(|user| {
            let via = if user.is_some() {
                Via::Token
            } else {
                Via::BadToken
            };
            (user, None, via)
        }),
        (None, Some(token)) => app.session(&token).await.map(|user| match user {
            Some(u) => (Some(u), Some(token), Via::Cookie),
            None => (None, None, Via::Nobody),
        }),
        (None, None) => Ok((None, None, Via::Nobody)),
    };
    match resolved {
        Ok((user, session, via)) => {
            req.extensions_mut().insert(Reader {
                user,
                session,
                via,
                client: client.clone(),
            });
            // Every change this request writes records where it came from (the audit log).
            crate::app::ORIGIN.scope(client, next.run(req)).await
        }
        Err(error) if req.uri().path().starts_with("/api/") => ApiError {
            locale: super::api::locale_of(req.headers()),
            error,
        }
        .into_response(),
        Err(error) => {
            HtmlError::new(locale_of(req.uri().path()).unwrap_or(Locale::En), error).into_response()
        }
    }
}

/// A 413 in the form the address answers in: JSON for the API, a page otherwise.
pub fn too_large(path: &str, headers: &HeaderMap) -> Response {
    if path.starts_with("/api/") {
        ApiError {
            locale: super::api::locale_of(headers),
            error: Error::TooLarge,
        }
        .into_response()
    } else {
        HtmlError::new(locale_of(path).unwrap_or(Locale::En), Error::TooLarge).into_response()
    }
}

/// Reads no more of a body than the reader may send: a small allowance for anonymous requests,
/// the body limit for members, the upload limit for members' multipart uploads to the upload
/// addresses (attachments, the practice import). A declared
/// length above it is refused before anything is read.
pub async fn limit_body(State(app): State<App>, req: Request, next: Next) -> Response {
    let config = app.config();
    let signed_in = req
        .extensions()
        .get::<Reader>()
        .is_some_and(|r| r.user.is_some());
    let path = req.uri().path();
    let upload_route = path.ends_with("/attachments") || path.ends_with("/practices/import");
    let multipart = upload_route
        && req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
    let limit = match (signed_in, multipart) {
        (false, _) => ANONYMOUS_BODY_BYTES.min(config.max_body_bytes),
        (true, false) => config.max_body_bytes,
        (true, true) => config.max_upload_bytes.max(config.max_body_bytes) + MULTIPART_OVERHEAD,
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return too_large(req.uri().path(), req.headers());
    }
    let (parts, body) = req.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}

/// Whether the request's `Origin` is this site: the configured base address, or the host the
/// request was sent to.
fn same_origin(origin: &str, headers: &HeaderMap, base_url: &str) -> bool {
    let base_origin = base_url
        .splitn(4, '/')
        .take(3)
        .collect::<Vec<_>>()
        .join("/");
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin == base_origin
        || (!host.is_empty()
            && (origin == format!("http://{host}") || origin == format!("https://{host}")))
}

/// Refuses a state change on the API authenticated by the session cookie unless it comes from
/// this site: a cross-site `Sec-Fetch-Site` or a foreign `Origin` is refused, and the call must
/// be JSON or carry the form token in `X-CSRF-Token` (both of which a cross-site form or a
/// simple cross-origin request cannot send). Token-authenticated calls carry no ambient
/// credential and pass.
pub async fn api_same_site(State(app): State<App>, req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(
        *req.method(),
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    );
    // Decided by how `identify` recognised the reader: any Authorization header other than our
    // own Bearer token (Basic, Negotiate…) leaves the session cookie in charge.
    let by_cookie = req
        .extensions()
        .get::<Reader>()
        .is_some_and(|r| r.via == Via::Cookie);
    let headers = req.headers();
    if !(unsafe_method && by_cookie) {
        return next.run(req).await;
    }
    let text = |name: header::HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let site_ok = text(header::HeaderName::from_static("sec-fetch-site"))
        .is_none_or(|s| s == "same-origin" || s == "none");
    let origin_ok =
        text(header::ORIGIN).is_none_or(|o| same_origin(&o, headers, &app.config().base_url));
    let json = text(header::CONTENT_TYPE).is_some_and(|t| t.starts_with("application/json"));
    let key = CookieJar::from_headers(headers)
        .get(CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    let token_ok = text(header::HeaderName::from_static("x-csrf-token"))
        .is_some_and(|t| app.csrf_valid(&key, &t));
    if site_ok && origin_ok && (json || token_ok) {
        return next.run(req).await;
    }
    let locale = super::api::locale_of(headers);
    let body = serde_json::json!({"error": {"code": "csrf",
        "message": crate::i18n::t(locale, "error-api-csrf"), "fields": {}}});
    (axum::http::StatusCode::FORBIDDEN, axum::Json(body)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trusted_proxy_names_the_client_and_others_cannot() {
        let proxy: IpAddr = "10.0.0.1".parse().expect("ip");
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "203.0.113.9, 198.51.100.7".parse().expect("value"),
        );
        assert_eq!(
            client_address(&headers, Some(proxy), &[proxy]),
            "198.51.100.7"
        );
        assert_eq!(client_address(&headers, Some(proxy), &[]), "10.0.0.1");
        let stranger: IpAddr = "192.0.2.5".parse().expect("ip");
        assert_eq!(
            client_address(&headers, Some(stranger), &[proxy]),
            "192.0.2.5"
        );
        assert_eq!(
            client_address(&HeaderMap::new(), Some(proxy), &[proxy]),
            "10.0.0.1"
        );
    }

    #[test]
    fn the_origin_is_the_base_address_or_the_requested_host() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, "127.0.0.1:8080".parse().expect("host"));
        let base = "https://passerelle.example/network";
        assert!(same_origin("https://passerelle.example", &headers, base));
        assert!(same_origin("http://127.0.0.1:8080", &headers, base));
        assert!(!same_origin("https://evil.example", &headers, base));
        assert!(!same_origin("null", &headers, base));
    }
}
