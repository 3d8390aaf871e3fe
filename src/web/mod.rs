//! The web layer: axum routers for the HTML pages (`/de/…`, `/fr/…`, `/en/…`) and the JSON API
//! (`/api/v1/…`), and the middleware every response passes: security headers, a body limit,
//! compression and the form-token cookie. Handlers are thin: they call one `App` method.

pub mod api;
mod cache;
mod context;
mod error;
pub mod html;
mod reader;
mod upload;

pub use context::{CsrfForm, Ctx, SESSION_COOKIE};
pub use error::{ApiError, HtmlError};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::app::App;
use crate::domain::Locale;

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'; connect-src 'self'";

/// The whole application as one router.
pub fn router(app: App) -> Router {
    let api = api::router().layer(middleware::from_fn_with_state(
        app.clone(),
        reader::api_same_site,
    ));
    let mut router = Router::new()
        .route("/", get(root))
        .route("/healthz", get(|| async { "ok" }))
        .route("/static/style.css", get(style))
        .route("/static/favicon.svg", get(favicon))
        .route("/static/passerelle.js", get(script))
        .route("/favicon.ico", get(favicon))
        .route("/robots.txt", get(robots))
        .nest("/api/v1", api);
    for locale in Locale::ALL {
        // A nested "/" answers "/de" only; the home page lives at "/de/" too.
        router = router
            .route(&format!("/{}/", locale.code()), get(html::home))
            .nest(&format!("/{}", locale.code()), html::router());
    }
    // Layers run from the last added to the first: headers and compression outermost, then
    // who reads (which decides the body limit), then the form-token cookie and the page cache.
    let hsts = app
        .config()
        .base_url
        .starts_with("https://")
        .then(|| HeaderValue::from_static("max-age=31536000"));
    router
        .fallback(html::not_found)
        .layer(middleware::from_fn_with_state(
            cache::PageCache::new(app.clone()),
            cache::layer,
        ))
        .layer(middleware::from_fn_with_state(
            app.clone(),
            context::csrf_cookie,
        ))
        // Bodies are bounded by `limit_body`, per reader, before any extractor reads them.
        .layer(DefaultBodyLimit::disable())
        .layer(middleware::from_fn_with_state(
            app.clone(),
            reader::limit_body,
        ))
        .layer(middleware::from_fn_with_state(
            app.clone(),
            reader::identify,
        ))
        .layer(middleware::from_fn(log_errors))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        // Pages with a secret in their address (invitations, reset links) ask for none at all.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            hsts,
        ))
        .with_state(app)
}

/// Serves the router on `listener` until Ctrl-C or SIGTERM.
pub async fn serve(app: App, listener: tokio::net::TcpListener) -> anyhow::Result<()> {
    // Uploads left behind by a server that stopped in the middle of a request.
    if let Ok(entries) = std::fs::read_dir(app.config().data_dir.join("uploads")) {
        for entry in entries.flatten() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    // Follow changes written by other processes (other servers, the command line) so that
    // cached pages, reference data and the search index are refreshed within a quarter of a
    // second (two small queries per tick when nothing changed).
    let follower = app.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_millis(250));
        for n in 0u64.. {
            tick.tick().await;
            if let Err(e) = follower.catch_up().await {
                tracing::warn!(error = %e, "reading the change log failed");
            }
            if let Err(e) = follower.sync_index().await {
                tracing::warn!(error = %e, "updating the search index failed");
            }
            if n % (4 * 3600) == 0
                && let Err(e) = follower.purge_sessions().await
            {
                tracing::warn!(error = %e, "removing expired sessions failed");
            }
            if n % (4 * 3600) == 30
                && let Err(e) = follower.purge_audit_log().await
            {
                tracing::warn!(error = %e, "purging the audit log failed");
            }
            if n % (4 * 60) == 90 {
                // Every minute: notices another server wrote or whose mail failed, and the
                // daily digest once the morning has come (each claimed in the database first).
                let app = follower.clone();
                tokio::spawn(async move {
                    if let Err(e) = app.deliver_notices().await {
                        tracing::warn!(error = %e, "sending notices failed");
                    }
                    if let Err(e) = app.send_digests(crate::app::now()).await {
                        tracing::warn!(error = %e, "sending digests failed");
                    }
                });
            }
            if n % (4 * 3600) == 60 {
                // In a task of its own, so that a slow mail server holds nothing up.
                let app = follower.clone();
                tokio::spawn(async move {
                    if let Err(e) = app.send_follow_ups(crate::app::now()).await {
                        tracing::warn!(error = %e, "sending report follow-ups failed");
                    }
                });
            }
        }
    });
    let max_connections = app.config().max_connections;
    let trusted = app.config().trusted_proxies.clone();
    serve_connections(router(app), listener, max_connections, trusted).await
}

/// How long a client may take to send a request's headers (counted from the connection's start
/// for its first request) before its connection is closed.
pub const HEADER_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);
/// How long one connection may stay open in all: a slow body or an idle keep-alive cannot hold
/// a connection place for longer (a 20 MB upload at 1 Mbit/s takes under three minutes).
pub const CONNECTION_LIFETIME: std::time::Duration = std::time::Duration::from_secs(300);
/// Connections one client address may hold at once (trusted proxies excepted).
pub const CONNECTIONS_PER_CLIENT: usize = 64;

/// Accepts connections and serves HTTP/1.1 on them, with these bounds:
/// - at most `max_connections` at once (further ones wait in the listen queue), and at most
///   [`CONNECTIONS_PER_CLIENT`] per client address;
/// - a connection whose first bytes do not come within [`HEADER_READ_TIMEOUT`], or whose request
///   headers take longer than that, is closed (a slow client cannot hold it by sending a header
///   line now and then);
/// - no connection lives longer than [`CONNECTION_LIFETIME`].
///
/// On Ctrl-C or SIGTERM it stops accepting and lets open requests finish (up to 30 s).
async fn serve_connections(
    router: Router,
    listener: tokio::net::TcpListener,
    max_connections: usize,
    trusted: Vec<std::net::IpAddr>,
) -> anyhow::Result<()> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    use hyper_util::rt::{TokioIo, TokioTimer};

    let permits = Arc::new(tokio::sync::Semaphore::new(max_connections));
    let per_client: Arc<Mutex<HashMap<std::net::IpAddr, usize>>> = Arc::default();
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
    let mut stop = std::pin::pin!(shutdown());
    loop {
        let permit = tokio::select! {
            p = permits.clone().acquire_owned() => p?,
            () = &mut stop => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let ip = peer.ip();
        let counted = !trusted.contains(&ip);
        if counted {
            let mut open = per_client.lock().unwrap_or_else(|p| p.into_inner());
            let n = open.entry(ip).or_insert(0);
            if *n >= CONNECTIONS_PER_CLIENT {
                // Closed at once: this address holds its share already.
                continue;
            }
            *n += 1;
        }
        let router = router.clone();
        let service =
            hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo(peer));
                tower::ServiceExt::oneshot(router.clone(), req)
            });
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        let per_client = per_client.clone();
        tokio::spawn(async move {
            match tokio::time::timeout(CONNECTION_LIFETIME, connection).await {
                Ok(Err(e)) => tracing::debug!(error = %e, "connection ended"),
                Err(_) => tracing::debug!("connection closed after its lifetime"),
                Ok(Ok(())) => {}
            }
            if counted {
                let mut open = per_client.lock().unwrap_or_else(|p| p.into_inner());
                if let Some(n) = open.get_mut(&ip) {
                    *n -= 1;
                    if *n == 0 {
                        open.remove(&ip);
                    }
                }
            }
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(std::time::Duration::from_secs(30), graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("open requests did not finish within 30 s of the stop signal");
    }
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// `/` sends the browser to its best language.
async fn root(headers: axum::http::HeaderMap) -> Redirect {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    Redirect::to(&format!("/{}/", Locale::negotiate(accept).code()))
}

/// A file compiled into the binary, cached by browsers for an hour (`public`: the same for all).
fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn style() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("../../static/style.css"),
    )
}

/// The one script: it opens on wide screens the disclosures CSS already shows there.
async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../../static/passerelle.js"),
    )
}

/// The site's icon: a bridge (a "passerelle") over the border, drawn in the header's colours.
async fn favicon() -> Response {
    asset("image/svg+xml", include_str!("../../static/favicon.svg"))
}

/// What crawlers may read: the public pages, not the forms, accounts and API. (Members' pages
/// answer a crawler as they answer anyone signed out; this only spares the server the asking.)
async fn robots() -> Response {
    let mut text = String::from("User-agent: *\n");
    for locale in Locale::ALL {
        for path in [
            "/login",
            "/account",
            "/admin/",
            "/invitations/",
            "/search",
            "/visits",
        ] {
            text.push_str(&format!("Disallow: /{}{path}\n", locale.code()));
        }
    }
    text.push_str("Disallow: /api/\n");
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        text,
    )
        .into_response()
}

/// Logs server errors once, here, whatever produced them.
async fn log_errors(req: Request, next: Next) -> Response {
    let (method, path) = (req.method().clone(), req.uri().path().to_owned());
    let response = next.run(req).await;
    if response.status() == StatusCode::INTERNAL_SERVER_ERROR {
        let detail = response
            .extensions()
            .get::<error::InternalDetail>()
            .map(|d| d.0.as_str())
            .unwrap_or("");
        tracing::error!(%method, %path, detail, "internal error");
    }
    response
}
