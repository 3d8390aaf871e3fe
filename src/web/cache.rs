//! How responses may be cached, here and by browsers and proxies.
//!
//! - A micro-cache of what anonymous readers get: a successful HTML or JSON GET without a session
//!   or token is kept, headers and all, and served again until the change log moves
//!   or the embedding model ends a pass over the catalogue (`App::content_version`). It is keyed on the path and the query string, and only when every query
//!   parameter is one that some page reads ([`KNOWN_PARAMETERS`]): `?x=1`, `?x=2`… are answered
//!   but never kept. It holds at most [`MAX_BYTES`], dropping the least recently used entries;
//!   responses over [`MAX_BODY`], or of unknown length, pass through untouched.
//! - `Cache-Control` on every response: `private, no-store` whenever it depends on the reader
//!   (a session or token came with it, it sets a cookie, or it holds a form token) or its
//!   handler said `no-store` (a search the embedding model had no time for), else
//!   `no-cache` (shared caches may keep it but must ask again); `Vary: Cookie` always.
//!
//! Nothing personal or session-bound is ever shared, and every entry can be dropped at any time.

use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use lru::LruCache;

use crate::app::{App, ContentVersion};

use super::reader::{Reader, Via};

/// The cache holds at most this many bytes of bodies, headers and keys.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;
/// Bodies larger than this are not kept.
pub const MAX_BODY: usize = 512 * 1024;
/// Query parameters that pages and the API read; an address with any other is not kept.
pub const KNOWN_PARAMETERS: &[&str] = &[
    "circle",
    "city",
    "country",
    "domain",
    "done",
    "from",
    "in",
    "kind",
    "lang",
    "language",
    "letter",
    "limit",
    "most",
    "next",
    "offset",
    "organisation",
    "page",
    "placement",
    "q",
    "reader",
    "sort",
    "status",
    "target_group",
    "text",
    "theme",
    "to",
    "type",
    "without",
];

struct Entry {
    generation: ContentVersion,
    headers: HeaderMap,
    body: Bytes,
}

impl Entry {
    fn weight(&self, key: &str) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len())
            .sum();
        key.len() + headers + self.body.len()
    }
}

struct Store {
    entries: LruCache<String, Entry>,
    bytes: usize,
}

/// The cache and the application whose generation validates it.
#[derive(Clone)]
pub struct PageCache {
    app: App,
    store: Arc<Mutex<Store>>,
}

impl PageCache {
    /// An empty cache for `app`.
    pub fn new(app: App) -> Self {
        Self {
            app,
            store: Arc::new(Mutex::new(Store {
                entries: LruCache::unbounded(),
                bytes: 0,
            })),
        }
    }

    fn get(&self, key: &str, generation: ContentVersion) -> Option<(HeaderMap, Bytes)> {
        self.store
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(key, generation)
    }

    fn put(&self, key: String, entry: Entry) {
        self.store
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .put(key, entry);
    }
}

impl Store {
    fn get(&mut self, key: &str, generation: ContentVersion) -> Option<(HeaderMap, Bytes)> {
        let entry = self.entries.get(key)?;
        if entry.generation == generation {
            return Some((entry.headers.clone(), entry.body.clone()));
        }
        let stale = self.entries.pop(key)?;
        self.bytes -= stale.weight(key);
        None
    }

    /// Keeps `entry`, dropping the least recently used ones until everything fits.
    fn put(&mut self, key: String, entry: Entry) {
        let weight = entry.weight(&key);
        if let Some(old) = self.entries.pop(&key) {
            self.bytes -= old.weight(&key);
        }
        while self.bytes + weight > MAX_BYTES {
            let Some((k, old)) = self.entries.pop_lru() else {
                break;
            };
            self.bytes -= old.weight(&k);
        }
        self.bytes += weight;
        self.entries.put(key, entry);
    }
}

/// Whether the answer is the reader's own: `identify` recognised a session or a token (a bad
/// token too), decided from what it parsed, not from the raw header, so that no spelling of the
/// cookie (`passerelle%5Fsession=`, a space before `=`) can pass a member's answer off as public.
fn personal(req: &Request) -> bool {
    req.extensions()
        .get::<Reader>()
        .is_none_or(|r| r.via != Via::Nobody)
        || req.headers().contains_key(header::AUTHORIZATION)
}

/// The cache key of an anonymous GET: its address when every parameter is known, with the
/// language the API answers in.
fn key_of(req: &Request) -> Option<String> {
    let uri = req.uri();
    let known = uri.query().is_none_or(|q| {
        serde_html_form::from_str::<Vec<(String, String)>>(q).is_ok_and(|pairs| {
            pairs
                .iter()
                .all(|(k, _)| KNOWN_PARAMETERS.contains(&k.as_str()))
        })
    });
    let language = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .filter(|_| uri.path().starts_with("/api/"))
        .unwrap_or("");
    known.then(|| format!("{uri}|{language}"))
}

fn mark(response: &mut Response, cache_control: &'static str, keep_handlers: bool) {
    let headers = response.headers_mut();
    if !(keep_handlers && headers.contains_key(header::CACHE_CONTROL)) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(cache_control),
        );
    }
    headers.append(header::VARY, HeaderValue::from_static("Cookie"));
}

/// Serves kept responses, keeps fresh ones that qualify, and says how each may be cached.
pub async fn layer(State(cache): State<PageCache>, req: Request, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/static/");
    if personal(&req) {
        let mut response = next.run(req).await;
        if !is_static {
            mark(&mut response, "private, no-store", false);
        }
        return response;
    }
    let key = (req.method() == Method::GET)
        .then(|| key_of(&req))
        .flatten();
    let generation = cache.app.content_version();
    if let Some((headers, body)) = key.as_ref().and_then(|k| cache.get(k, generation)) {
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = headers;
        return response;
    }
    let response = next.run(req).await;
    let textual = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html") || t.starts_with("application/json"));
    let small = response
        .body()
        .size_hint()
        .upper()
        .is_some_and(|n| n <= MAX_BODY as u64);
    // A handler may say that this answer is not to be kept (a search the embedding model had
    // no time for).
    let kept_by_handler = response
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| !v.contains("no-store"));
    let shareable = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && textual
        && kept_by_handler;
    if !(shareable && small) {
        let mut response = response;
        let control = if shareable {
            "no-cache"
        } else {
            "private, no-store"
        };
        mark(&mut response, control, true);
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        // The body said it was small and was not, or failed: nothing is left to send.
        return Response::builder()
            .status(StatusCode::INTERNAL_SERVER_ERROR)
            .body(Body::empty())
            .unwrap_or_default();
    };
    let mut response = Response::from_parts(parts, Body::from(bytes.clone()));
    // A page with a form token belongs to one browser.
    if bytes.windows(12).any(|w| w == b"name=\"_csrf\"") {
        mark(&mut response, "private, no-store", false);
        return response;
    }
    mark(&mut response, "no-cache", true);
    if let Some(key) = key {
        cache.put(
            key,
            Entry {
                generation,
                headers: response.headers().clone(),
                body: bytes,
            },
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(uri: &str) -> Request {
        Request::builder()
            .uri(uri)
            .body(Body::empty())
            .expect("request")
    }

    #[test]
    fn the_cache_stays_within_its_bytes_and_drops_the_least_recently_used() {
        let mut store = Store {
            entries: LruCache::unbounded(),
            bytes: 0,
        };
        let body = Bytes::from(vec![b'x'; MAX_BODY]);
        let entry = |generation| Entry {
            generation,
            headers: HeaderMap::new(),
            body: body.clone(),
        };
        store.put("/first".into(), entry((1, 0, 0)));
        for n in 0..200 {
            // The first page is read between writes, so it stays.
            assert!(store.get("/first", (1, 0, 0)).is_some(), "after {n} others");
            store.put(format!("/en/practices?q={n}"), entry((1, 0, 0)));
            assert!(store.bytes <= MAX_BYTES, "{} bytes after {n}", store.bytes);
        }
        assert!(store.get("/en/practices?q=0", (1, 0, 0)).is_none());
        assert!(store.get("/en/practices?q=199", (1, 0, 0)).is_some());
        // A newer generation makes an entry stale, and it is dropped.
        assert!(store.get("/first", (2, 0, 0)).is_none());
        assert!(store.get("/first", (1, 0, 0)).is_none());
        // So does the end of a pass of the embedding model.
        store.put("/second".into(), entry((2, 0, 0)));
        assert!(store.get("/second", (2, 1, 0)).is_none());
        // And a new day (calls close, the home page's lists move on).
        store.put("/third".into(), entry((2, 1, 0)));
        assert!(store.get("/third", (2, 1, 1)).is_none());
    }

    #[test]
    fn only_addresses_with_known_parameters_have_a_key() {
        assert!(key_of(&request("/en/practices?city=trier&page=2")).is_some());
        assert!(key_of(&request("/en/practices")).is_some());
        assert!(key_of(&request("/en/practices?x=1")).is_none());
        assert!(key_of(&request("/en/practices?city=trier&utm_source=mail")).is_none());
    }
}
