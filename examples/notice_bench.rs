//! Notices and the desk under load, on an embedded SQLite database with the demo network:
//!
//! - fan-out: the network gets `COORDINATORS` more coordinators (500 by default), then an editor
//!   hands in practices; each step writes one notice per coordinator in its transaction. Prints
//!   the step's time and checks that every recipient got exactly one notice;
//! - the desk: the demo member (Saarbrücken) gets 200 practices from Metz waiting for a
//!   reviewer (200 tasks on their desk) and 1,000 unread notices; prints the server time of
//!   their home page (`/en/`) and of `/en/notices`, signed in, so no page cache helps.
//!
//! `cargo run --release --example notice_bench [-- COORDINATORS]`

use std::time::Instant;

use axum::body::Body;
use axum::http::Request;
use passerelle::app::{App, OpinionForm};
use passerelle::config::Config;
use passerelle::domain::catalogue::practice::{PracticeForm, Transition};
use tower::ServiceExt;

const EDITOR: (&str, &str) = ("redaktion.dounia@passerelle.example", "demo-editor-2026");
const MEMBER: (&str, &str) = ("mitglied.zib@passerelle.example", "demo-member-2026");

fn form(n: usize) -> PracticeForm {
    PracticeForm {
        title: format!("Jardins partagés numéro {n}"),
        summary: "Des voisins cultivent ensemble des parcelles au pied des immeubles. Les nouveaux arrivants y trouvent des contacts.".into(),
        lang: "fr".into(),
        city: "metz".into(),
        organisations: vec!["association-dounia".into()],
        themes: vec!["participation".into()],
        period_start: "2019".into(),
        ongoing: "true".into(),
        ..Default::default()
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn page_times(app: &App, token: &str, path: &str, rounds: usize) -> anyhow::Result<Vec<f64>> {
    let router = passerelle::web::router(app.clone());
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let req = Request::builder()
            .uri(path)
            .header("cookie", format!("passerelle_session={token}"))
            .body(Body::empty())?;
        let start = Instant::now();
        let res = router.clone().oneshot(req).await?;
        let body = http_body_util::BodyExt::collect(res.into_body()).await?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        anyhow::ensure!(!body.to_bytes().is_empty(), "an empty page");
    }
    times.sort_by(f64::total_cmp);
    Ok(times)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let coordinators: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(500);
    let dir = tempfile::tempdir()?;
    let app = App::new(Config::for_data_dir(dir.path())).await?;
    app.load_demo().await?;
    let start = Instant::now();
    for n in 0..coordinators {
        app.add_user(
            &format!("coordination-{n}@bench.example"),
            "coordinator",
            None,
            false,
        )
        .await?;
    }
    eprintln!(
        "{coordinators} coordinators added in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let (_, editor) = app.login(EDITOR.0, EDITOR.1, "bench").await?;
    let none = OpinionForm::default();

    // Fan-out: each hand-in tells every coordinator and administrator.
    let mut steps = Vec::new();
    let mut slugs = Vec::new();
    for n in 0..200 {
        let slug = app.create_practice(&editor.actor, &form(n)).await?;
        let start = Instant::now();
        app.practice_step(&editor.actor, slug.as_str(), Transition::Submit, &none)
            .await?;
        steps.push(start.elapsed().as_secs_f64() * 1000.0);
        slugs.push(slug);
    }
    steps.sort_by(f64::total_cmp);
    let pool = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}",
        dir.path().join("passerelle.db").display()
    ))
    .await?;
    let (notices, people, most): (i64, i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COUNT(DISTINCT user_id), \
         (SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM notices WHERE kind = 'practice' AND step = 'submit' \
          AND subject = (SELECT MIN(subject) FROM notices WHERE step = 'submit' AND subject LIKE 'jardins-partages-numero-%') GROUP BY user_id) x) \
         FROM notices WHERE kind = 'practice' AND step = 'submit' AND subject LIKE 'jardins-partages-numero-%'",
    )
    .fetch_one(&pool)
    .await?;
    println!(
        "fan-out: a hand-in to {} recipients: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms over {} steps; \
         {notices} notices for {people} people, at most {most} per person and step",
        people,
        percentile(&steps, 0.5),
        percentile(&steps, 0.95),
        steps[steps.len() - 1],
        steps.len()
    );

    // The member's desk: 200 practices waiting for a reviewer from another city, 1,000 unread
    // notices.
    let (token, member) = app.login(MEMBER.0, MEMBER.1, "bench").await?;
    let user = member.actor.user_id().unwrap_or_default();
    let mut tx = pool.begin().await?;
    for n in 0..1000 {
        sqlx::query(
            "INSERT INTO notices (user_id, change_seq, kind, subject, step, status, title, delivery, created_at) \
             VALUES ($1, $2, 'practice', $3, 'publish', 'published', 'Bench', 'app', $4)",
        )
        .bind(user)
        .bind(-1 - n as i64)
        .bind(slugs[n % slugs.len()].as_str())
        .bind(passerelle::app::now())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    let desk = app.desk(&member.actor, "en").await?;
    eprintln!("the member's desk has {} tasks", desk.tasks.len());
    let mut desk_times = Vec::new();
    for _ in 0..100 {
        let start = Instant::now();
        app.desk(&member.actor, "en").await?;
        desk_times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    desk_times.sort_by(f64::total_cmp);
    for status in ["submitted", "in_review", "changes_requested", "draft"] {
        let filter = passerelle::storage::PracticeFilter {
            status: Some(status.to_owned()),
            ..Default::default()
        };
        let start = Instant::now();
        let page = app
            .practices(&member.actor, &filter, "en", Some(200), None)
            .await?;
        eprintln!(
            "  {status}: {} rows in {:.2} ms",
            page.items.len(),
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    let start = Instant::now();
    app.showcase(&member.actor, "en").await?;
    eprintln!(
        "  showcase: {:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    println!(
        "App::desk alone: p50 {:.2} ms, p95 {:.2} ms",
        percentile(&desk_times, 0.5),
        percentile(&desk_times, 0.95)
    );
    for path in ["/en/", "/en/notices"] {
        page_times(&app, &token, path, 20).await?;
        let t = page_times(&app, &token, path, 200).await?;
        println!(
            "{path} as the member (200 tasks, 1,000 unread notices): p50 {:.2} ms, p95 {:.2} ms",
            percentile(&t, 0.5),
            percentile(&t, 0.95)
        );
    }
    Ok(())
}
