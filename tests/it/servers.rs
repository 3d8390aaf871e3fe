//! The search index as separate `passerelle serve` processes see it: a server killed with
//! `kill -9` between a database commit and the index commit catches up on restart, and two servers
//! on one PostgreSQL database each find what was published through the other; a slow client is
//! cut off and connections are capped.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::helpers::{Db, fresh_postgres_database};

/// A `passerelle` command over `dir` and, for PostgreSQL, `database`.
fn passerelle(dir: &Path, database: Option<&str>) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_passerelle"));
    cmd.env("PASSERELLE_DATA_DIR", dir)
        .env("NO_COLOR", "1")
        .env("PASSERELLE_LOG", "info,sqlx=warn")
        .env_remove(passerelle::app::PAUSE_BEFORE_INDEX_COMMIT)
        .current_dir(dir);
    match database {
        Some(url) => cmd.env("DATABASE_URL", url),
        None => cmd.env_remove("DATABASE_URL"),
    };
    cmd
}

/// Runs a command to its end; panics with its output when it fails.
fn finish(mut cmd: Command) -> String {
    let out = cmd.output().expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// A running server, killed with SIGKILL when dropped.
struct Server {
    child: Child,
    base: String,
    /// Every line the server writes to standard error.
    stderr: mpsc::Receiver<String>,
    http: reqwest::Client,
}

impl Server {
    /// Starts `passerelle serve` on a free port and waits until it listens.
    fn start(mut cmd: Command) -> Server {
        let mut child = cmd
            .args(["serve", "--bind", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let (tx, stderr) = mpsc::channel();
        let err = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Standard output is read on a thread, so that a server that never says where it
        // listens fails the test after a minute instead of hanging it.
        let out = child.stdout.take().expect("stdout");
        let (said, heard) = mpsc::channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(out);
            let mut line = String::new();
            while out.read_line(&mut line).unwrap_or(0) > 0 {
                if let Some(rest) = line.trim().strip_prefix("Passerelle is running on ") {
                    let _ = said.send(rest.trim_end_matches('/').to_owned());
                }
                line.clear();
            }
        });
        let base = match heard.recv_timeout(Duration::from_secs(60)) {
            Ok(base) => base,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                let said: Vec<String> = stderr.try_iter().collect();
                panic!("the server did not start listening:\n{}", said.join("\n"));
            }
        };
        Server {
            child,
            base,
            stderr,
            http: reqwest::Client::new(),
        }
    }

    /// Tries to sign in through the sign-in page, as a browser does (its form-token cookie and
    /// token from the page); returns the answer's status.
    async fn sign_in(&self, email: &str, password: &str) -> reqwest::StatusCode {
        let page = self
            .http
            .get(format!("{}/en/login", self.base))
            .send()
            .await
            .expect("the sign-in page answers");
        let cookies: Vec<String> = page
            .headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
            .collect();
        let html = page.text().await.expect("the page");
        let token = html
            .split("name=\"_csrf\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a form token")
            .to_owned();
        self.http
            .post(format!("{}/en/login", self.base))
            .header(reqwest::header::COOKIE, cookies.join("; "))
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body(
                serde_html_form::to_string([
                    ("_csrf", token.as_str()),
                    ("email", email),
                    ("password", password),
                ])
                .expect("form"),
            )
            .send()
            .await
            .expect("the sign-in answers")
            .status()
    }

    /// Waits for a line on standard error containing `needle`; returns it.
    fn wait_for_stderr(&self, needle: &str, within: Duration) -> String {
        let until = Instant::now() + within;
        let mut seen = Vec::new();
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            match self.stderr.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return line,
                Ok(line) => seen.push(line),
                Err(_) => break,
            }
        }
        panic!(
            "no {needle:?} on standard error; it said:\n{}",
            seen.join("\n")
        );
    }

    /// The number of public practices the search API finds for `q` (one plain word), and their
    /// refs.
    async fn practices_found(&self, q: &str) -> (u64, Vec<String>) {
        let body: serde_json::Value = self
            .http
            .get(format!(
                "{}/api/v1/search?type=practice&lang=en&q={q}",
                self.base
            ))
            .send()
            .await
            .expect("search answers")
            .json()
            .await
            .expect("search JSON");
        let refs = body["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["ref"].as_str().unwrap_or_default().to_owned())
            .collect();
        (body["total"].as_u64().expect("total"), refs)
    }

    /// Kills the process as `kill -9` does.
    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reaped");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A JSON Lines file of practices: (ref, title) each, published by the import.
fn practices_file(dir: &Path, name: &str, practices: &[(&str, &str)]) -> String {
    let lines: Vec<String> = practices
        .iter()
        .map(|(reference, title)| {
            serde_json::json!({
                "ref": reference,
                "lang": "en",
                "title": title,
                "summary": "Residents and staff meet every week. The meetings are open to all.",
                "approach": "Open meetings, advice and common activities.",
                "city": "trier",
                "country": "DE",
                "themes": ["neighbourhood"],
                "ongoing": true,
            })
            .to_string()
        })
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n")).expect("write practices");
    path.to_string_lossy().into_owned()
}

both! {
    async fn killed_between_database_and_index_commit_catches_up(db) {
        let dir = tempfile::tempdir().expect("dir");
        let url = match db {
            Db::Postgres => Some(fresh_postgres_database().await),
            Db::Sqlite => None,
        };
        let url = url.as_deref();
        let cmd = || passerelle(dir.path(), url);
        finish({
            let mut c = cmd();
            c.arg("demo-data");
            c
        });
        let first = practices_file(dir.path(), "first.jsonl", &[("crash-1", "Kingfisher walks")]);
        finish({
            let mut c = cmd();
            c.args(["import", "practices", &first, "--publish"]);
            c
        });

        // The server builds its index at start (with the first practice), then pauses before
        // the commit of the next batch of changes it follows.
        let mut paused = cmd();
        paused.env(passerelle::app::PAUSE_BEFORE_INDEX_COMMIT, "1");
        let server = Server::start(paused);
        assert_eq!(server.practices_found("kingfisher").await.0, 1);
        let second = practices_file(
            dir.path(),
            "second.jsonl",
            &[("crash-1", "Heron walks"), ("crash-2", "Woodpecker workshops")],
        );
        finish({
            let mut c = cmd();
            c.args(["import", "practices", &second, "--publish"]);
            c
        });
        server.wait_for_stderr("paused before the index commit", Duration::from_secs(10));
        server.kill();

        // On restart the index is the one left behind, at the change before the crash; it
        // applies what it missed, once.
        let server = Server::start(cmd());
        let line = server.wait_for_stderr("search index open", Duration::from_secs(30));
        assert!(line.contains("existing"), "{line}");
        assert!(!line.contains("applied=0"), "the lost batch is applied: {line}");
        assert_eq!(server.practices_found("woodpecker").await, (1, vec!["crash-2".to_owned()]));
        assert_eq!(server.practices_found("heron").await, (1, vec!["crash-1".to_owned()]));
        assert_eq!(server.practices_found("kingfisher").await.0, 0, "the old title is gone");
        server.kill();
    }
}

/// Two servers share one PostgreSQL database and each keeps its own index: what a coordinator
/// archives or publishes through one is seen so through the other within two seconds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_postgres_find_each_others_publications() {
    let url = fresh_postgres_database().await;
    let (dir_a, dir_b) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    finish({
        let mut c = passerelle(dir_a.path(), Some(&url));
        c.arg("demo-data");
        c
    });
    let a = Server::start(passerelle(dir_a.path(), Some(&url)));
    let b = Server::start(passerelle(dir_b.path(), Some(&url)));

    let token = coordinator_token({
        let mut config = passerelle::config::Config::for_data_dir(&dir_a.path().join("tokens"));
        config.database_url = Some(url.clone());
        config
    })
    .await;

    // Café Bär's practice is published: both servers find it, and B keeps its public page in
    // its page cache.
    let cafe = "qp-2008-02".to_owned();
    let found = async |server: &Server| server.practices_found("Bär").await.1.contains(&cafe);
    assert!(found(&a).await && found(&b).await);
    let page = format!("{}/api/v1/practices/ref/{cafe}", b.base);
    let status = async || b.http.get(&page).send().await.expect("answers").status();
    assert_eq!(status().await, reqwest::StatusCode::OK);
    assert_eq!(status().await, reqwest::StatusCode::OK);

    // Archived through A, it leaves B's index within two seconds.
    step(&a, &token, "archive").await;
    let archived = Instant::now();
    while found(&b).await {
        assert!(
            archived.elapsed() < Duration::from_secs(2),
            "server B still finds the practice archived through server A"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // B's cached page followed the change log too: the archived practice is no longer public.
    assert_eq!(status().await, reqwest::StatusCode::NOT_FOUND);

    // Published again through B, A finds it within two seconds.
    step(&b, &token, "republish").await;
    let published = Instant::now();
    while !found(&a).await {
        assert!(
            published.elapsed() < Duration::from_secs(2),
            "server A did not find the practice published through server B within 2 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // The sign-in limit is one for the whole instance: five wrong passwords spread over both
    // servers lock the account on both.
    let mut statuses = Vec::new();
    for server in [&a, &b, &a, &b, &a, &b, &a] {
        statuses.push(
            server
                .sign_in("koordination@passerelle.example", "wrong")
                .await,
        );
    }
    let unprocessable = reqwest::StatusCode::UNPROCESSABLE_ENTITY;
    let limited = reqwest::StatusCode::TOO_MANY_REQUESTS;
    assert_eq!(
        statuses,
        [[unprocessable; 5].as_slice(), &[limited; 2]].concat(),
        "{statuses:?}"
    );
}

/// A personal API token of the demo coordinator, made the way the account page makes it, through
/// an app on `config`'s database.
async fn coordinator_token(config: passerelle::config::Config) -> String {
    let app = passerelle::app::App::new(config).await.expect("app");
    let (_, coordinator) = app
        .login(
            "koordination@passerelle.example",
            "demo-coordinator-2026",
            "test",
        )
        .await
        .expect("coordinator signs in");
    app.create_api_token(&coordinator.actor, "tests", "30")
        .await
        .expect("token")
        .token
}

/// Takes a workflow step on Café Bär's practice through `server`'s API.
async fn step(server: &Server, token: &str, step: &str) {
    let response = server
        .http
        .post(format!(
            "{}/api/v1/practices/cafe-baer-qualifizierung-trier-west/transitions",
            server.base
        ))
        .bearer_auth(token)
        .json(&serde_json::json!({ "step": step }))
        .send()
        .await
        .expect("the step answers");
    assert!(
        response.status().is_success(),
        "{step}: {}",
        response.text().await.unwrap_or_default()
    );
}

/// A slow client cannot hold connections: a request whose headers are not complete within the
/// header timeout is closed, and with every connection place taken by such clients, a real
/// request waits for a place instead of being served beyond the cap.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off_and_connections_are_capped() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let dir = tempfile::tempdir().expect("dir");
    let mut cmd = passerelle(dir.path(), None);
    cmd.env("PASSERELLE_MAX_CONNECTIONS", "2");
    let server = Server::start(cmd);
    let address = server.base.trim_start_matches("http://").to_owned();
    let started = Instant::now();
    // One client says nothing at all, the other sends half a request.
    let mut slow = Vec::new();
    for half in [&b""[..], &b"GET /healthz HTTP/1.1\r\nHost: x\r\n"[..]] {
        let mut s = tokio::net::TcpStream::connect(&address)
            .await
            .expect("connect");
        s.write_all(half).await.expect("half a request");
        slow.push(s);
    }
    // A third client with a whole request waits for one of the two places.
    let whole = tokio::spawn({
        let url = format!("{}/healthz", server.base);
        async move {
            let answer = reqwest::get(url).await.expect("answered").text().await;
            (answer.expect("body"), Instant::now())
        }
    });
    for (silent, mut s) in [true, false].into_iter().zip(slow) {
        // The silent client never sends a byte; the other keeps sending a header line now and
        // then. Both are cut off.
        let mut buf = [0u8; 256];
        let closed = tokio::time::timeout(Duration::from_secs(30), async {
            loop {
                if !silent {
                    let _ = s.write_all(b"X-Slow: 1\r\n").await;
                }
                match tokio::time::timeout(Duration::from_secs(2), s.read(&mut buf)).await {
                    Ok(Ok(0)) | Ok(Err(_)) => return,
                    _ => {}
                }
            }
        })
        .await;
        assert!(
            closed.is_ok(),
            "a slow client was still connected after 30 s"
        );
    }
    let cut_after = started.elapsed();
    assert!(
        cut_after >= passerelle::web::HEADER_READ_TIMEOUT - Duration::from_secs(1),
        "cut after {cut_after:?}, before the header timeout"
    );
    let (body, answered) = tokio::time::timeout(Duration::from_secs(30), whole)
        .await
        .expect("the whole request is answered once a place is free")
        .expect("task");
    assert_eq!(body, "ok");
    assert!(
        answered.duration_since(started)
            >= passerelle::web::HEADER_READ_TIMEOUT - Duration::from_secs(1),
        "the third connection was served beside two others: the cap did not hold"
    );
}

/// schemathesis (from PyPI, installed by `scripts/test`; its path in `SCHEMATHESIS`) against the
/// OpenAPI document of a real demo server: its examples, coverage and fuzzing phases find no
/// server error, no undocumented status, no answer that breaks its schema and no request
/// accepted against the schema, for the public and for a coordinator with a personal token.
/// `scripts/schemathesis.toml` says why a 422 is an acceptable answer to schema-valid data.
#[tokio::test]
async fn schemathesis_finds_nothing_for_the_public_and_a_coordinator() {
    let st = std::env::var("SCHEMATHESIS").unwrap_or_else(|_| "st".into());
    let dir = tempfile::tempdir().expect("dir");
    finish({
        let mut c = passerelle(dir.path(), None);
        c.arg("demo-data");
        c
    });
    let token = coordinator_token(passerelle::config::Config::for_data_dir(dir.path())).await;
    let server = Server::start(passerelle(dir.path(), None));
    let config = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/schemathesis.toml");
    let schema = format!("{}/api/v1/openapi.json", server.base);
    let bearer = format!("Authorization: Bearer {token}");
    for (who, auth) in [
        ("the public", None),
        ("a coordinator", Some(bearer.as_str())),
    ] {
        let mut cmd = Command::new(&st);
        cmd.args(["--config-file", config, "run", &schema])
            .args(["--phases", "examples,coverage,fuzzing"])
            .args(["--max-examples", "20", "--workers", "1", "--seed", "1"])
            .env("NO_COLOR", "1")
            .current_dir(dir.path());
        if let Some(header) = auth {
            cmd.args(["--header", header]);
        }
        let out = tokio::task::spawn_blocking(move || cmd.output())
            .await
            .expect("joined")
            .unwrap_or_else(|e| {
                panic!("schemathesis ({st}) cannot run: {e}; scripts/test installs it from PyPI")
            });
        assert!(
            out.status.success(),
            "schemathesis found problems as {who}:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
