//! A micro-cache of what anonymous readers get: a successful GET without a session or token is
//! kept by its address and served again until the change log moves (`App::generation`). Pages
//! that carry a form token, set a cookie or answer a signed-in reader are never kept, so nothing
//! personal or session-bound is ever shared. The cache is an optimisation only: every entry can
//! be dropped at any time.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::App;

use super::SESSION_COOKIE;

/// At most this many addresses are kept; past it the cache starts afresh.
const MAX_ENTRIES: usize = 2_000;
/// Bodies larger than this are not kept.
const MAX_BODY: usize = 512 * 1024;

struct Entry {
    generation: i64,
    content_type: HeaderValue,
    body: Bytes,
}

/// The cache and the application whose generation validates it.
#[derive(Clone)]
pub struct PageCache {
    app: App,
    entries: Arc<Mutex<HashMap<String, Entry>>>,
}

impl PageCache {
    /// An empty cache for `app`.
    pub fn new(app: App) -> Self {
        Self {
            app,
            entries: Arc::new(Mutex::new(HashMap::new())),
        }
    }
}

fn anonymous_get(req: &Request) -> bool {
    let signed_in = req.headers().get_all(header::COOKIE).iter().any(|v| {
        v.to_str()
            .is_ok_and(|c| c.contains(&format!("{SESSION_COOKIE}=")))
    });
    req.method() == Method::GET && !signed_in && !req.headers().contains_key(header::AUTHORIZATION)
}

/// Serves kept responses, and keeps fresh ones that qualify.
pub async fn layer(State(cache): State<PageCache>, req: Request, next: Next) -> Response {
    if !anonymous_get(&req) {
        return next.run(req).await;
    }
    // The API answers in the language of Accept-Language, so that header is part of the key.
    let language = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let key = format!("{}|{language}", req.uri());
    let generation = cache.app.generation();
    {
        let entries = cache.entries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(e) = entries.get(&key).filter(|e| e.generation == generation) {
            return (
                [(header::CONTENT_TYPE, e.content_type.clone())],
                e.body.clone(),
            )
                .into_response();
        }
    }
    let response = next.run(req).await;
    let content_type = response.headers().get(header::CONTENT_TYPE).cloned();
    let keepable = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && content_type
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html") || t.starts_with("application/json"));
    let Some(content_type) = content_type.filter(|_| keepable) else {
        return response;
    };
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "response too large to buffer",
        )
            .into_response();
    };
    // A page with a form token belongs to one browser.
    if !bytes.windows(12).any(|w| w == b"name=\"_csrf\"") {
        let mut entries = cache.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(
            key,
            Entry {
                generation,
                content_type,
                body: bytes.clone(),
            },
        );
    }
    Response::from_parts(parts, Body::from(bytes))
}
