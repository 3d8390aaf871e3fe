//! The `passerelle` binary's commands, run as a user would run them.

use std::process::Command;

fn passerelle(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(args)
        .env("PASSERELLE_DATA_DIR", dir)
        .env_remove("DATABASE_URL")
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

#[test]
fn migrate_demo_data_and_add_user() {
    let dir = tempfile::tempdir().expect("dir");
    let out = passerelle(dir.path(), &["migrate"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = passerelle(dir.path(), &["demo-data"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("27 organisations"),
        "{text}"
    );
    let out = passerelle(dir.path(), &["demo-data"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("0 organisations"),
        "loading twice adds nothing"
    );
    let out = passerelle(
        dir.path(),
        &[
            "admin",
            "add-user",
            "--email",
            "zib@saarbruecken.example",
            "--role",
            "editor",
            "--organisation",
            "zib-saarbruecken",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("One-time password: "),
        "{text}"
    );
    let out = passerelle(
        dir.path(),
        &[
            "admin",
            "add-user",
            "--email",
            "neu@trier.example",
            "--role",
            "member",
            "--invite",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("http://127.0.0.1:8080/en/invitations/"),
        "{text}"
    );
    let out = passerelle(
        dir.path(),
        &[
            "admin",
            "add-user",
            "--email",
            "not-an-address",
            "--role",
            "king",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("E-mail address") && err.contains("Role"),
        "{err}"
    );
    // An operator erases the account at its owner's request; twice is an error, not a crash.
    let erase = ["admin", "erase", "--email", "ZIB@saarbruecken.example"];
    let out = passerelle(dir.path(), &erase);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("former-member.invalid"),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = passerelle(dir.path(), &erase);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code() == Some(1) && err.contains("no account with the address"),
        "{err}"
    );
    // The command line is nobody's account, so it could erase the only admin: it may not.
    let out = passerelle(
        dir.path(),
        &["admin", "erase", "--email", "admin@passerelle.example"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code() == Some(1) && err.contains("last admin") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().expect("dir");
    for args in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["demo-data", "--help"],
        &["admin", "add-user", "--help"],
        &["admin", "erase", "--help"],
    ] {
        let out = passerelle(dir.path(), args);
        assert!(out.status.success() && !out.stdout.is_empty(), "{args:?}");
    }
}

#[tokio::test]
async fn practices_are_imported_and_exported_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    assert!(passerelle(dir.path(), &["demo-data"]).status.success());
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, "{\"ref\":\"cli-1\",\"title\":\"Lesepaten\",\"summary\":\"Eins. Zwei.\",\"lang\":\"de\",\"city\":\"Trier\",\"country\":\"DE\"}\n")
        .expect("write");
    let out = passerelle(
        dir.path(),
        &[
            "import",
            "practices",
            good.to_str().expect("path"),
            "--dry-run",
        ],
    );
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("dry run"),
        "{out:?}"
    );
    // A pipe is read twice too (it is copied to a file first).
    let piped = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args([
            "import",
            "practices",
            "/dev/stdin",
            "--format",
            "jsonl",
            "--dry-run",
        ])
        .env("PASSERELLE_DATA_DIR", dir.path())
        .env_remove("DATABASE_URL")
        .current_dir(dir.path())
        .stdin(std::fs::File::open(&good).expect("file"))
        .output()
        .expect("the binary runs");
    assert!(
        piped.status.success()
            && String::from_utf8_lossy(&piped.stdout).contains("1 records checked"),
        "{piped:?}"
    );
    let out = passerelle(
        dir.path(),
        &[
            "import",
            "practices",
            good.to_str().expect("path"),
            "--publish",
        ],
    );
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("1 new"),
        "{out:?}"
    );
    // The audit log says the import came from the command line.
    {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect(&format!(
            "sqlite://{}?mode=ro",
            dir.path().join("passerelle.db").display()
        ))
        .await
        .expect("open");
        let (origin,): (Option<String>,) = sqlx::query_as(
            "SELECT origin FROM changes WHERE entity = 'practice' ORDER BY seq DESC LIMIT 1",
        )
        .fetch_one(&mut conn)
        .await
        .expect("a change");
        assert_eq!(origin.as_deref(), Some("command line"));
    }
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "title,lang,city,country,summary\n,de,Trier,DE,Eins. Zwei.\nX,de,Trier,ZZ,Eins. Zwei.\n",
    )
    .expect("write");
    let out = passerelle(
        dir.path(),
        &["import", "practices", bad.to_str().expect("path")],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("line 2: Title") && err.contains("line 3: Country"),
        "{err}"
    );
    let csv = dir.path().join("all.csv");
    let out = passerelle(
        dir.path(),
        &[
            "export",
            "practices",
            "--format",
            "csv",
            "--output",
            csv.to_str().expect("path"),
        ],
    );
    assert!(out.status.success());
    let text = std::fs::read_to_string(&csv).expect("exported");
    assert!(
        text.starts_with("\"ref\",\"slug\",\"status\",\"lang\",\"title\",\"summary\",")
            && text.contains("\"cli-1\",\"lesepaten\",\"published\""),
        "{text}"
    );
}

#[test]
fn command_line_errors_are_one_message_and_an_exit_code_never_a_stack_trace() {
    let dir = tempfile::tempdir().expect("dir");
    let bad_json = dir.path().join("bad.jsonl");
    std::fs::write(&bad_json, "{\"title\":\"x\"\n").expect("write");
    let missing = dir.path().join("missing.jsonl");
    let cases: [&[&str]; 4] = [
        &["import", "practices", missing.to_str().expect("path")],
        &["import", "practices", bad_json.to_str().expect("path")],
        &[
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
            "migrate",
        ],
        &["glossary", "import", missing.to_str().expect("path")],
    ];
    for args in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_passerelle"))
            .args(args)
            .env("PASSERELLE_DATA_DIR", dir.path())
            .env("RUST_BACKTRACE", "1")
            .env("RUST_LIB_BACKTRACE", "1")
            .env_remove("DATABASE_URL")
            .current_dir(dir.path())
            .output()
            .expect("the binary runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            !err.contains("stack backtrace")
                && !err.contains("Stack backtrace")
                && !err.contains(".rs:"),
            "{args:?} printed a stack trace:\n{err}"
        );
        assert!(
            err.lines().any(|l| l.starts_with("passerelle: ")),
            "{args:?}: {err}"
        );
    }
}

/// Every table of a SQLite database, each row written out by SQLite's own `quote()`, sorted.
async fn every_row(path: &std::path::Path) -> std::collections::BTreeMap<String, Vec<String>> {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}?mode=ro", path.display()))
        .await
        .expect("open");
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await
    .expect("tables");
    let mut out = std::collections::BTreeMap::new();
    for (table,) in tables {
        let columns: Vec<(i64, String, String, i64, Option<String>, i64)> = sqlx::query_as(
            sqlx::AssertSqlSafe(format!("PRAGMA table_info(\"{table}\")")),
        )
        .fetch_all(&mut conn)
        .await
        .expect("columns");
        let row = columns
            .iter()
            .map(|c| format!("quote(\"{}\")", c.1))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let mut rows: Vec<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {row} FROM \"{table}\""
        )))
        .fetch_all(&mut conn)
        .await
        .expect("rows");
        rows.sort();
        out.insert(table, rows.into_iter().map(|r| r.0).collect());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_restores_every_table_and_file() {
    let live = tempfile::tempdir().expect("dir");
    {
        // A network with an attached file, written through the library as a server would.
        let app = passerelle::app::App::new(passerelle::config::Config::for_data_dir(live.path()))
            .await
            .expect("app");
        app.load_demo().await.expect("demo");
        let pdf = live.path().join("programme.pdf");
        std::fs::write(&pdf, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").expect("pdf");
        app.attach(
            &passerelle::domain::Actor::System,
            "rencontres-interculturelles-dounia-metz",
            "programme.pdf",
            &pdf,
        )
        .await
        .expect("attach");
    }
    let file = live.path().join("backup.db");
    let out = passerelle(live.path(), &["backup", file.to_str().expect("path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = passerelle(live.path(), &["backup", file.to_str().expect("path")]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "an existing file is not overwritten"
    );

    let fresh = tempfile::tempdir().expect("dir");
    let out = passerelle(fresh.path(), &["restore", file.to_str().expect("path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = every_row(&live.path().join("passerelle.db")).await;
    let after = every_row(&fresh.path().join("passerelle.db")).await;
    assert!(before.contains_key("file_chunks") && !before["file_chunks"].is_empty());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (table, rows) in &before {
        assert!(
            after[table] == *rows,
            "table {table} differs after the round trip"
        );
    }
    // A second restore into the same directory, or of something that is no backup, is refused.
    let out = passerelle(fresh.path(), &["restore", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let junk = live.path().join("junk.db");
    std::fs::write(&junk, "not a database").expect("write");
    let empty = tempfile::tempdir().expect("dir");
    let out = passerelle(empty.path(), &["restore", junk.to_str().expect("path")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code() == Some(1) && err.contains("not a"),
        "{err}"
    );
    assert!(
        !empty.path().join("passerelle.db").exists(),
        "nothing is written"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasing_from_the_command_line_tells_the_hosts_of_cancelled_visits() {
    let dir = tempfile::tempdir().expect("dir");
    assert!(passerelle(dir.path(), &["demo-data"]).status.success());
    let smtp = crate::smtp::Receiver::start().await;
    let (path, url) = (
        dir.path().to_owned(),
        format!("smtp://127.0.0.1:{}", smtp.port),
    );
    // The demo member has a visit requested of Café Bär's placement.
    let out = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_passerelle"))
            .args([
                "admin",
                "erase",
                "--email",
                "mitglied.zib@passerelle.example",
            ])
            .env("PASSERELLE_DATA_DIR", &path)
            .env("PASSERELLE_SMTP_URL", &url)
            .env_remove("DATABASE_URL")
            .current_dir(&path)
            .output()
            .expect("the binary runs")
    })
    .await
    .expect("joined");
    assert!(out.status.success(), "{out:?}");
    let mail = smtp.next_message().await;
    assert!(
        mail.recipients.iter().any(|r| r.contains("cafe-baer")),
        "the host is told: {mail:?}"
    );
    assert!(
        !mail.recipients.iter().any(|r| r.contains("former-member")),
        "{mail:?}"
    );
}
