//! Notices: every event a person should hear of is one record, which the in-app list, the
//! e-mail sent at once and the daily digest all read; nothing is lost without a mail server,
//! and two servers never mail the same notice.

use std::time::Duration;

use axum::http::StatusCode;
use passerelle::app::{App, NewAccount};
use passerelle::domain::catalogue::practice::PracticeForm;

use crate::helpers::*;

const TITLE: &str = "Jardins partagés du Sablon";

fn draft() -> PracticeForm {
    PracticeForm {
        title: TITLE.into(),
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

/// The number of unread notices a notices page states.
fn unread(page: &Resp) -> i64 {
    let at = page.body.find(" unread.").expect("a summary");
    page.body[..at]
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number")
}

/// The link of the notice whose text contains `text`.
fn notice_link(page: &Resp, text: &str) -> String {
    let at = page.body.find(text).expect("the notice");
    let start = page.body[..at].rfind("href=\"").expect("a link") + 6;
    page.body[start..]
        .split('"')
        .next()
        .expect("href")
        .to_owned()
}

both! {
    async fn a_step_is_a_notice_for_each_person_it_concerns_kept_in_the_app_without_mail(db) {
        let t = TestApp::demo(db).await;
        let author = signed_in_actor(&t.app, EDITOR).await;
        let slug = t.app.create_practice(&author, &draft()).await.expect("draft").as_str().to_owned();
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor.get(&format!("/en/practices/{slug}")).await;
        editor.post_form(&format!("/en/practices/{slug}/step/submit"), &[]).await.assert(StatusCode::SEE_OTHER);
        let told = format!("“{TITLE}” was handed in for review.");

        // The coordinators hear of it (they find a reviewer); the author took the step herself,
        // and a member has nothing to do with it yet.
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let page = coordinator.get("/en/notices").await;
        page.assert(StatusCode::OK).contains(&told).contains("class=\"unread\"")
            .contains("This site sends no e-mail").lacks("name=\"practice\"");
        let before = unread(&page);
        assert!(before >= 1);
        coordinator.get("/en/").await.contains(&format!("{before} unread notification"));
        editor.get("/en/notices").await.assert(StatusCode::OK).lacks(&told);
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/en/notices").await.lacks(&told);

        // Opening it marks it read and leads to the practice, in the page's language.
        let link = notice_link(&page, &told);
        member.get(&link).await.assert(StatusCode::NOT_FOUND);
        let r = coordinator.get(&link).await;
        r.assert(StatusCode::SEE_OTHER);
        assert_eq!(r.header("location"), format!("/en/practices/{slug}"));
        let page = coordinator.get("/en/notices").await;
        assert_eq!(unread(&page), before - 1);
        let fr = coordinator.get(&link.replace("/en/", "/fr/")).await;
        assert_eq!(fr.header("location"), format!("/fr/practices/{slug}"));

        // The reviewer's step reaches the author, in the language of the page she reads.
        let mut reviewer = t.signed_in(MEMBER.0, MEMBER.1).await;
        reviewer.get(&format!("/en/practices/{slug}")).await;
        reviewer.post_form(&format!("/en/practices/{slug}/review"), &[]).await.assert(StatusCode::SEE_OTHER);
        editor.get("/de/notices").await.contains(&format!("„{TITLE}“ wird jetzt begutachtet."))
            .contains("Neu");

        // "Mark all as read" stops at the newest notice shown.
        let page = coordinator.get("/en/notices").await;
        let newest = page.body.split("name=\"upto\" value=\"").nth(1).and_then(|s| s.split('"').next()).expect("upto").to_owned();
        coordinator.post_form("/en/notices/read", &[("upto", newest.as_str())]).await.assert(StatusCode::SEE_OTHER);
        let page = coordinator.get("/en/notices?done=read").await;
        page.contains("All notifications are marked as read.").lacks("class=\"unread\"");
        assert_eq!(unread(&page), 0);
        coordinator.get("/en/").await.lacks("unread notification");

        // The administrators learn that mail is off; the public has no notices.
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        admin.get("/en/admin/users").await.contains("E-mail is off");
        t.client().get("/en/notices").await.assert(StatusCode::UNAUTHORIZED);
        t.client().get(&link).await.assert(StatusCode::UNAUTHORIZED);
    }

    async fn choosing_how_to_hear_of_notices_is_checked_and_kept(db) {
        let t = TestApp::with_config(db, |c| c.smtp_url = Some("smtp://127.0.0.1:9".into())).await;
        t.app.load_demo().await.expect("demo");
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        let page = member.get("/fr/notices").await;
        page.assert(StatusCode::OK).contains("name=\"practice\"").lacks("n’envoie pas d’e-mail");
        let bad = member.post_form("/fr/notices/choices", &[("practice", "digest"), ("visit", "fax"), ("call", "app"), ("report", "email")]).await;
        bad.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("href=\"#visit\"").contains("aria-describedby=\"visit-error\"");
        // The form comes back as it was sent.
        assert!(bad.body.contains("<option value=\"digest\" selected>"), "{}", bad.body);
        member.post_form("/fr/notices/choices", &[("practice", "digest"), ("visit", "app"), ("call", "app"), ("report", "email")])
            .await.assert(StatusCode::SEE_OTHER);
        let page = member.get("/fr/notices").await;
        page.contains("<option value=\"digest\" selected>").contains("<option value=\"app\" selected>");
    }
}

/// With a mail server: the coordinator is mailed at once, the administrator who chose the
/// digest gets one e-mail the next morning with the same notice, and never twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_and_digest_read_the_same_notice_and_send_it_once() {
    let smtp = crate::smtp::Receiver::start().await;
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let t = TestApp::with_config(Db::Sqlite, |c| c.smtp_url = Some(url)).await;
    t.app.load_demo().await.expect("demo");
    // Demo steps are the command line's: kept in the app, never mailed.
    assert!(
        smtp.until_quiet(Duration::from_millis(500))
            .await
            .is_empty()
    );
    let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
    admin.get("/en/notices").await;
    admin
        .post_form(
            "/en/notices/choices",
            &[
                ("practice", "digest"),
                ("visit", "email"),
                ("call", "email"),
                ("report", "email"),
            ],
        )
        .await
        .assert(StatusCode::SEE_OTHER);
    let author = signed_in_actor(&t.app, EDITOR).await;
    let slug = t
        .app
        .create_practice(&author, &draft())
        .await
        .expect("draft")
        .as_str()
        .to_owned();
    t.app
        .practice_step(
            &author,
            &slug,
            passerelle::domain::catalogue::practice::Transition::Submit,
            &Default::default(),
        )
        .await
        .expect("submitted");
    let now = smtp.until_quiet(Duration::from_secs(2)).await;
    assert_eq!(
        now.len(),
        1,
        "only the coordinator is mailed at once: {now:?}"
    );
    assert!(now[0].recipients.iter().any(|r| r.contains(COORDINATOR.0)));
    assert!(now[0].data.replace("=\n", "").contains(&slug));

    // The next morning (after seven in the network), one digest with the notice.
    // Ten o'clock on the network's next day: its local day, not UTC's (between 23:00 and 24:00
    // UTC in winter the network's day has already turned, and a UTC "tomorrow" is its today).
    let now = passerelle::app::now();
    let clock = passerelle::domain::local_time::local(now)
        .expect("local time")
        .time();
    let since_midnight =
        i64::from(clock.hour()) * 3600 + i64::from(clock.minute()) * 60 + i64::from(clock.second());
    let tomorrow = now - since_midnight + 86_400 + 10 * 3600;
    assert_eq!(t.app.send_digests(tomorrow).await.expect("digest"), 1);
    let digest = smtp.next_message().await;
    assert!(digest.recipients.iter().any(|r| r.contains(ADMIN.0)));
    let body = digest.data.replace("=\n", "");
    assert!(body.contains("1 notification"), "{body}");
    assert!(body.contains(&format!("/practices/{slug}")), "{body}");
    assert!(body.contains("/notices"), "{body}");
    // The same record is the administrator's in-app notice.
    admin
        .get("/en/notices")
        .await
        .contains(&format!("“{TITLE}” was handed in for review."));
    assert_eq!(t.app.send_digests(tomorrow + 60).await.expect("again"), 0);
    assert_eq!(t.app.deliver_notices().await.expect("again"), 0);
    assert!(
        smtp.until_quiet(Duration::from_millis(500))
            .await
            .is_empty()
    );
}

/// Two servers on one PostgreSQL database deliver at the same moment: every recipient of a
/// step gets its e-mail exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_never_mail_the_same_notice_twice() {
    let smtp = crate::smtp::Receiver::start().await;
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let database = fresh_postgres_database().await;
    let (db1, url1) = (database.clone(), url.clone());
    let one = TestApp::with_config(Db::Sqlite, move |c| {
        c.database_url = Some(db1);
        c.smtp_url = Some(url1);
    })
    .await;
    one.app.load_demo().await.expect("demo");
    let two = TestApp::with_config(Db::Sqlite, move |c| {
        c.database_url = Some(database);
        c.smtp_url = Some(url);
    })
    .await;
    for n in 0..8 {
        let made = one
            .app
            .add_user(
                &format!("coordination-{n}@passerelle.example"),
                "coordinator",
                None,
                false,
            )
            .await
            .expect("account");
        assert!(matches!(made, NewAccount::Password(_)));
    }
    let author = signed_in_actor(&one.app, EDITOR).await;
    let slug = one
        .app
        .create_practice(&author, &draft())
        .await
        .expect("draft")
        .as_str()
        .to_owned();
    let (a, b): (&App, &App) = (&one.app, &two.app);
    let no_opinion = Default::default();
    let step = a.practice_step(
        &author,
        &slug,
        passerelle::domain::catalogue::practice::Transition::Submit,
        &no_opinion,
    );
    let (stepped, _, _) = tokio::join!(step, b.deliver_notices(), b.deliver_notices());
    stepped.expect("submitted");
    let _ = tokio::join!(a.deliver_notices(), b.deliver_notices());
    let mails = smtp.until_quiet(Duration::from_secs(2)).await;
    let mut to: Vec<String> = mails.iter().flat_map(|m| m.recipients.clone()).collect();
    to.sort();
    let n = to.len();
    to.dedup();
    assert_eq!(n, to.len(), "nobody is mailed twice: {to:?}");
    assert_eq!(
        n, 10,
        "eight new coordinators, the demo's coordinator and admin: {to:?}"
    );
}
