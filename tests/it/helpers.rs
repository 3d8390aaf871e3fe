//! `TestApp`: the whole router over a fresh database (a temporary SQLite file, or a new database
//! on the test PostgreSQL server), driven in-process with `tower::ServiceExt::oneshot`, and a
//! `Client` that keeps cookies and form tokens like a browser does.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use passerelle::app::App;
use passerelle::config::Config;
use sqlx::Connection;
use tower::ServiceExt;

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// Runs each listed test on SQLite and on PostgreSQL.
macro_rules! both {
    ($(async fn $name:ident($db:ident) $body:block)*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() { run($crate::helpers::Db::Sqlite).await }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() { run($crate::helpers::Db::Postgres).await }
            async fn run($db: $crate::helpers::Db) $body
        }
    )*};
}

/// The URL of a new, empty PostgreSQL database on the test server.
pub async fn fresh_postgres_database() -> String {
    let admin = std::env::var("TEST_DATABASE_URL").expect(
        "TEST_DATABASE_URL is not set: the PostgreSQL half of the suite needs a server. Run scripts/test, which starts one.",
    );
    let name = format!("passerelle_test_{}", uuid_like());
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("connect to TEST_DATABASE_URL");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .expect("create database");
    conn.close().await.ok();
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
    format!("{base}/{name}")
}

fn uuid_like() -> String {
    let mut b = [0u8; 8];
    getrandom::fill(&mut b).expect("random");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A running application over a fresh database.
pub struct TestApp {
    pub app: App,
    pub router: Router,
    _dir: tempfile::TempDir,
}

impl TestApp {
    /// An empty network.
    pub async fn new(db: Db) -> TestApp {
        Self::with_config(db, |_| {}).await
    }

    /// An empty network with settings changed by `tweak`.
    pub async fn with_config(db: Db, tweak: impl FnOnce(&mut Config)) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config::for_data_dir(dir.path());
        if db == Db::Postgres {
            config.database_url = Some(fresh_postgres_database().await);
        }
        tweak(&mut config);
        let app = App::new(config).await.expect("app starts");
        let router = passerelle::web::router(app.clone());
        TestApp {
            app,
            router,
            _dir: dir,
        }
    }

    /// The demo network with its accounts.
    pub async fn demo(db: Db) -> TestApp {
        let t = Self::new(db).await;
        t.app.load_demo().await.expect("demo loads");
        t
    }

    /// A browser-like client without cookies.
    pub fn client(&self) -> Client {
        Client {
            router: self.router.clone(),
            cookies: Arc::new(std::sync::Mutex::new(HashMap::new())),
            csrf: String::new(),
            headers: Vec::new(),
            ip: None,
        }
    }

    /// A client signed in with a demo account.
    pub async fn signed_in(&self, email: &str, password: &str) -> Client {
        let mut c = self.client();
        c.get("/en/login").await.assert(StatusCode::OK);
        let r = c
            .post_form("/en/login", &[("email", email), ("password", password)])
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "sign-in of {email} failed: {}",
            r.body
        );
        c
    }
}

/// A response with its body read.
#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    pub fn assert(&self, status: StatusCode) -> &Self {
        assert_eq!(
            self.status,
            status,
            "unexpected status; body:\n{}",
            &self.body[..self.body.len().min(3000)]
        );
        self
    }

    /// Asserts the body contains `needle`.
    #[track_caller]
    pub fn contains(&self, needle: &str) -> &Self {
        if !self.body.contains(needle) {
            // The page's main part tells more than its head.
            let from = self.body.find("<main").unwrap_or(0);
            let shown: String = self.body[from..].chars().take(6000).collect();
            panic!("body lacks {needle:?}:\n{shown}");
        }
        self
    }

    /// Asserts the body does not contain `needle`.
    #[track_caller]
    pub fn lacks(&self, needle: &str) -> &Self {
        assert!(
            !self.body.contains(needle),
            "body should not contain {needle:?}"
        );
        self
    }

    /// The body as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

/// Keeps cookies and the last page's form token, like a browser.
#[derive(Clone)]
pub struct Client {
    router: Router,
    cookies: Arc<std::sync::Mutex<HashMap<String, String>>>,
    pub csrf: String,
    pub headers: Vec<(String, String)>,
    /// The peer address the server sees (as a real connection would give it).
    pub ip: Option<std::net::SocketAddr>,
}

impl Client {
    async fn send(
        &mut self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Resp {
        let mut req = Request::builder().method(method).uri(path);
        let cookie = {
            let jar = self.cookies.lock().expect("jar");
            jar.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        };
        if !cookie.is_empty() {
            req = req.header(header::COOKIE, cookie);
        }
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        for (k, v) in &self.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        let mut req = req.body(Body::from(body)).expect("request");
        if let Some(ip) = self.ip {
            req.extensions_mut().insert(axum::extract::ConnectInfo(ip));
        }
        let response = self.router.clone().oneshot(req).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        for set in headers.get_all(header::SET_COOKIE) {
            let s = set.to_str().expect("cookie header");
            let pair = s.split(';').next().unwrap_or("");
            if let Some((k, v)) = pair.split_once('=') {
                let mut jar = self.cookies.lock().expect("jar");
                if v.is_empty() || s.contains("Max-Age=0") {
                    jar.remove(k);
                } else {
                    jar.insert(k.to_owned(), v.to_owned());
                }
            }
        }
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        let body = String::from_utf8_lossy(&bytes).into_owned();
        if let Some(i) = body.find("name=\"_csrf\" value=\"") {
            let rest = &body[i + 20..];
            self.csrf = rest[..rest.find('"').unwrap_or(0)].to_owned();
        }
        Resp {
            status,
            headers,
            body,
        }
    }

    /// The value of a cookie the server set.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().expect("jar").get(name).cloned()
    }

    /// GET a path.
    pub async fn get(&mut self, path: &str) -> Resp {
        self.send(Method::GET, path, None, Vec::new()).await
    }

    /// POST a form with the last page's form token.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let mut all: Vec<(&str, &str)> = vec![("_csrf", "")];
        let token = self.csrf.clone();
        all[0].1 = &token;
        all.extend_from_slice(fields);
        self.post_raw_form(path, &all).await
    }

    /// POST a form exactly as given (no token added).
    pub async fn post_raw_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body = serde_html_form::to_string(fields).expect("form");
        self.send(
            Method::POST,
            path,
            Some("application/x-www-form-urlencoded"),
            body.into_bytes(),
        )
        .await
    }

    /// POSTs a multipart form (`(name, file name, content)`), with the last page's form token.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        parts: &[(&str, Option<&str>, &str)],
    ) -> Resp {
        let boundary = "passerelle-test-boundary";
        let mut body = String::new();
        let token = self.csrf.clone();
        let all = std::iter::once(("_csrf", None, token.as_str())).chain(parts.iter().copied());
        for (name, file, content) in all {
            body.push_str(&format!("--{boundary}\r\n"));
            match file {
                Some(f) => body.push_str(&format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )),
                None => body.push_str(&format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n")),
            }
            body.push_str(content);
            body.push_str("\r\n");
        }
        body.push_str(&format!("--{boundary}--\r\n"));
        let content_type = format!("multipart/form-data; boundary={boundary}");
        self.send(Method::POST, path, Some(&content_type), body.into_bytes())
            .await
    }

    /// Sends JSON with a method.
    pub async fn json(&mut self, method: Method, path: &str, body: &serde_json::Value) -> Resp {
        self.send(
            method,
            path,
            Some("application/json"),
            serde_json::to_vec(body).expect("json"),
        )
        .await
    }

    /// Sends raw bytes with a content type.
    pub async fn raw(
        &mut self,
        method: Method,
        path: &str,
        content_type: &str,
        body: &[u8],
    ) -> Resp {
        self.send(method, path, Some(content_type), body.to_vec())
            .await
    }
}

/// Demo accounts.
pub const ADMIN: (&str, &str) = ("admin@passerelle.example", "demo-admin-2026");
pub const COORDINATOR: (&str, &str) = ("koordination@passerelle.example", "demo-coordinator-2026");
pub const EDITOR: (&str, &str) = ("redaktion.dounia@passerelle.example", "demo-editor-2026");
pub const MEMBER: (&str, &str) = ("mitglied.zib@passerelle.example", "demo-member-2026");
/// The editor of Café Bär in Trier, host of the application-training placement.
pub const HOST: (&str, &str) = ("team.cafe-baer@passerelle.example", "demo-host-2026");

/// The actor of a demo account, signed in through the application.
pub async fn signed_in_actor(app: &App, who: (&str, &str)) -> passerelle::domain::Actor {
    app.login(who.0, who.1, "test")
        .await
        .expect("sign in")
        .1
        .actor
}
