//! What an outside security review found, each as a regression test: sign-in limits that hold
//! under concurrency and do not let unknown accounts lock an office out, cookie-authenticated API
//! calls only from this site, responses that depend on the reader never cacheable, bodies bounded
//! per reader before they are read, a page cache that passes large answers through, and slow
//! clients disconnected by a real server.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use passerelle::app::{Format, ImportOptions};
use passerelle::domain::Actor;
use serde_json::json;

use crate::helpers::*;

/// A client whose connections come from `ip`.
fn from(t: &TestApp, ip: &str) -> Client {
    let mut c = t.client();
    c.ip = Some(format!("{ip}:40000").parse().expect("addr"));
    c
}

both! {
    async fn parallel_wrong_passwords_are_counted_before_any_is_checked(db) {
        let t = TestApp::demo(db).await;
        let mut first = from(&t, "192.0.2.10");
        first.get("/en/login").await;
        let mut tries = tokio::task::JoinSet::new();
        for _ in 0..30 {
            let mut c = first.clone();
            tries.spawn(async move {
                c.post_form("/en/login", &[("email", ADMIN.0), ("password", "not the password")]).await.status
            });
        }
        let statuses = tries.join_all().await;
        let checked = statuses.iter().filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY).count();
        let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
        assert_eq!((checked, refused), (5, 25), "{statuses:?}");
    }

    async fn guessing_unknown_accounts_does_not_lock_an_office_out(db) {
        let t = TestApp::demo(db).await;
        // Everyone behind the city hall's proxy shares one address.
        let mut guesser = from(&t, "192.0.2.20");
        guesser.get("/en/login").await;
        for i in 0..8 {
            let email = format!("nobody{i}@passerelle.example");
            let r = guesser.post_form("/en/login", &[("email", &email), ("password", "guess")]).await;
            r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        }
        let mut admin = from(&t, "192.0.2.20");
        admin.get("/en/login").await;
        admin.post_form("/en/login", &[("email", ADMIN.0), ("password", ADMIN.1)]).await.assert(StatusCode::SEE_OTHER);
        // One unknown address guessed again and again is still limited.
        for _ in 0..5 {
            guesser.post_form("/en/login", &[("email", "nobody0@passerelle.example"), ("password", "guess")]).await;
        }
        guesser.post_form("/en/login", &[("email", "nobody0@passerelle.example"), ("password", "guess")]).await.assert(StatusCode::TOO_MANY_REQUESTS);
        // A client whose address is blocked is blocked for every address it tries, existing or
        // not, so the answers never tell which addresses have accounts.
        let mut prober = from(&t, "192.0.2.22");
        prober.get("/en/login").await;
        for _ in 0..5 {
            prober.post_form("/en/login", &[("email", HOST.0), ("password", "wrong")]).await.assert(StatusCode::UNPROCESSABLE_ENTITY);
        }
        prober.post_form("/en/login", &[("email", "nobody-else@passerelle.example"), ("password", "x")]).await.assert(StatusCode::TOO_MANY_REQUESTS);
        prober.post_form("/en/login", &[("email", ADMIN.0), ("password", "x")]).await.assert(StatusCode::TOO_MANY_REQUESTS);
        // Guessing without end is bounded all the same: 50 unknown addresses a minute per client.
        let mut sprayer = from(&t, "192.0.2.23");
        sprayer.get("/en/login").await;
        for i in 0..50 {
            let email = format!("spray{i}@passerelle.example");
            sprayer.post_form("/en/login", &[("email", &email), ("password", "x")]).await.assert(StatusCode::UNPROCESSABLE_ENTITY);
        }
        sprayer.post_form("/en/login", &[("email", "spray-last@passerelle.example"), ("password", "x")]).await.assert(StatusCode::TOO_MANY_REQUESTS);
        // A success is no failure: signing in five times in a row stays possible.
        let mut member = from(&t, "192.0.2.21");
        for _ in 0..6 {
            member.get("/en/login").await;
            member.post_form("/en/login", &[("email", MEMBER.0), ("password", MEMBER.1)]).await.assert(StatusCode::SEE_OTHER);
        }
    }

    async fn api_changes_by_session_cookie_must_come_from_this_site(db) {
        let t = TestApp::demo(db).await;
        let coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let close = "/api/v1/calls/hospitationen-2027/close";
        // A body-less POST, as a cross-site form or `fetch(…, {mode: "no-cors"})` sends it.
        let mut c = coordinator.clone();
        let r = c.raw(Method::POST, close, "text/plain", b"").await;
        r.assert(StatusCode::FORBIDDEN);
        assert_eq!(r.json()["error"]["code"], "csrf");
        for (name, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site"), ("sec-fetch-site", "same-site")] {
            let mut c = coordinator.clone();
            c.headers.push((name.into(), value.into()));
            let r = c.json(Method::POST, close, &json!({})).await;
            r.assert(StatusCode::FORBIDDEN);
            assert_eq!(r.json()["error"]["code"], "csrf", "{name}: {value}");
        }
        for path in ["/api/v1/calls/hospitationen-2027/allocation", "/api/v1/calls/hospitationen-2027/publish"] {
            let mut c = coordinator.clone();
            c.raw(Method::POST, path, "application/x-www-form-urlencoded", b"").await.assert(StatusCode::FORBIDDEN);
        }
        // From this site's pages: same origin, JSON, or the form token in a header.
        let mut c = coordinator.clone();
        c.headers.push(("origin".into(), "http://127.0.0.1:8080".into()));
        c.headers.push(("sec-fetch-site".into(), "same-origin".into()));
        let r = c.json(Method::POST, close, &json!({})).await;
        assert_ne!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        let mut c = coordinator.clone();
        c.get("/en/calls").await;
        let token = c.csrf.clone();
        c.headers.push(("x-csrf-token".into(), token));
        let r = c.raw(Method::POST, close, "text/plain", b"").await;
        assert_ne!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        // Reading is not a change, and a personal token carries no ambient credential.
        let mut c = coordinator.clone();
        c.headers.push(("origin".into(), "https://evil.example".into()));
        c.get("/api/v1/calls").await.assert(StatusCode::OK);
    }

    async fn responses_that_depend_on_the_reader_are_never_cacheable(db) {
        let t = TestApp::demo(db).await;
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        for path in ["/en/people", "/en/account", "/api/v1/people", "/en/practices"] {
            let r = member.get(path).await;
            r.assert(StatusCode::OK);
            assert_eq!(r.header("cache-control"), "private, no-store", "{path}");
            assert!(r.headers.get_all("vary").iter().any(|v| v.to_str().unwrap_or("").contains("Cookie")), "{path}: Vary");
        }
        let mut anonymous = t.client();
        let r = anonymous.get("/en/cities").await;
        r.assert(StatusCode::OK);
        assert_eq!(r.header("cache-control"), "no-cache");
        // A page with a form token belongs to one browser.
        let r = anonymous.get("/en/login").await;
        assert_eq!(r.header("cache-control"), "private, no-store");
        assert_eq!(r.header("strict-transport-security"), "", "plain HTTP sends no HSTS");
        let https = TestApp::with_config(db, |c| c.base_url = "https://passerelle.example".into()).await;
        let r = https.client().get("/en/cities").await;
        assert_eq!(r.header("strict-transport-security"), "max-age=31536000");
    }

    async fn bodies_are_bounded_per_reader_before_they_are_read(db) {
        let t = TestApp::demo(db).await;
        // Anonymous: a declared 19 MB body is refused without being read (the stream below would
        // never end), as JSON on the API and as a page elsewhere.
        for (path, json) in [("/api/v1/organisations", true), ("/en/login", false)] {
            let (tx, rx) = tokio::sync::mpsc::channel::<Result<axum::body::Bytes, std::io::Error>>(1);
            tx.send(Ok(axum::body::Bytes::from(vec![b'{'; 1024]))).await.expect("first chunk");
            let body = axum::body::Body::from_stream(tokio_stream_of(rx));
            let req = axum::http::Request::post(path)
                .header("content-type", if json { "application/json" } else { "application/x-www-form-urlencoded" })
                .header("content-length", "19000000")
                .body(body)
                .expect("request");
            let response = tokio::time::timeout(Duration::from_secs(20), tower::ServiceExt::oneshot(t.router.clone(), req))
                .await
                .expect("answered without reading the body")
                .expect("infallible");
            assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE, "{path}");
            let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
            assert!(kind.starts_with(if json { "application/json" } else { "text/html" }), "{path}: {kind}");
            drop(tx);
        }
        // Anonymous without a declared length: read no further than the small allowance.
        let mut anonymous = t.client();
        anonymous.get("/en/login").await;
        let big = "x".repeat(100 * 1024);
        anonymous.post_form("/en/login", &[("email", "a@b.example"), ("password", &big)]).await.assert(StatusCode::PAYLOAD_TOO_LARGE);
        // Members get the body limit: 3 MiB of JSON is refused as JSON naming the rule.
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let r = coordinator.json(Method::POST, "/api/v1/organisations", &json!({"name": "x".repeat(3 << 20)})).await;
        r.assert(StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(r.json()["error"]["code"], "payload_too_large");
        // … and a form of ordinary size goes through.
        let r = coordinator.json(Method::POST, "/api/v1/organisations", &json!({"name": "Kleiner Verein", "kind": "association", "city": "trier", "lang": "de"})).await;
        assert_ne!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    }

    async fn filters_match_keys_exactly_and_the_same_on_both_databases(db) {
        let t = TestApp::demo(db).await;
        let total = |r: Resp| r.json()["total"].as_i64().expect("total");
        let mut c = t.client();
        let all = total(c.get("/api/v1/practices").await);
        let youth = total(c.get("/api/v1/practices?theme=youth").await);
        assert!(all > youth && youth > 0, "{all} practices, {youth} on youth");
        assert_eq!(total(c.get("/api/v1/practices?theme=YOUTH").await), youth, "keys are matched without case");
        for wild in ["%25", "_outh", "%25outh", "you%25", "youth,language", "%5C"] {
            assert_eq!(total(c.get(&format!("/api/v1/practices?theme={wild}")).await), 0, "theme={wild}");
            assert_eq!(total(c.get(&format!("/api/v1/organisations?theme={wild}")).await), 0, "organisations theme={wild}");
            assert_eq!(total(c.get(&format!("/api/v1/organisations?language={wild}")).await), 0, "language={wild}");
            assert_eq!(total(c.get(&format!("/api/v1/placements?theme={wild}")).await), 0, "placements theme={wild}");
            assert_eq!(total(c.get(&format!("/api/v1/placements?language={wild}")).await), 0, "placements language={wild}");
        }
        assert!(total(c.get("/api/v1/organisations?language=fr").await) > 0);
        assert_eq!(
            total(c.get("/api/v1/organisations?language=FR").await),
            total(c.get("/api/v1/organisations?language=fr").await)
        );
        // Target groups are taxonomy keys: one group, exactly its key.
        let before = total(c.get("/api/v1/practices?target_group=students").await);
        let line = r#"{"ref":"tg-1","title":"Gruppe","summary":"Eins. Zwei.","lang":"de","city":"Trier","country":"DE","target_groups":["Studierende","Junge Eltern"]}"#;
        t.app.import_practices(&Actor::System, &format!("{line}\n"), Format::JsonLines, ImportOptions { dry_run: false, publish: true }, &|_, _| {}).await.expect("import");
        assert_eq!(total(c.get("/api/v1/practices?target_group=students").await), before + 1);
        assert_eq!(total(c.get("/api/v1/practices?target_group=Students").await), 0);
        assert_eq!(total(c.get("/api/v1/practices?target_group=student").await), 0);
        assert_eq!(total(c.get("/api/v1/practices?target_group=Junge%20Eltern").await), 0, "a note is no group");
        assert_eq!(total(c.get("/api/v1/practices?target_group=%25").await), 0);
    }

    async fn api_tokens_expire_and_end_with_a_password_change_unless_kept(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.signed_in(MEMBER.0, MEMBER.1).await;
        c.get("/en/account").await.contains("Valid for").contains("one year");
        let r = c.post_form("/en/account/tokens", &[("name", "script"), ("expires", "3650")]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("Valid for: choose 30 days, 90 days or one year.");
        let make = |c: &mut Client, name: &'static str| {
            let mut c = c.clone();
            async move {
                c.get("/en/account").await;
                let r = c.post_form("/en/account/tokens", &[("name", name), ("expires", "30")]).await;
                r.assert(StatusCode::OK);
                r.body.split("class=\"token\">").nth(1).and_then(|s| s.split('<').next()).expect("token").to_owned()
            }
        };
        let bearer = |token: &str| {
            let mut b = t.client();
            b.headers.push(("authorization".into(), format!("Bearer {token}")));
            b
        };
        let first = make(&mut c, "first").await;
        bearer(&first).get("/api/v1/people").await.assert(StatusCode::OK);
        let page = c.get("/en/account").await;
        // In words, on the day it ends where the network is (a day later from 23:00 UTC).
        let in_30_days = time::OffsetDateTime::now_utc().date() + time::Duration::days(30);
        let words = |d| passerelle::i18n::day(passerelle::domain::Locale::En, d);
        let next = in_30_days.next_day().expect("a next day");
        assert!(page.body.contains(&words(in_30_days)) || page.body.contains(&words(next)), "{}", page.body);
        page.contains("Last used");
        // A changed password ends the tokens, unless the owner keeps them on purpose.
        c.post_form("/en/account/password", &[("current_password", MEMBER.1), ("password", "a new secret 1"), ("password_confirm", "a new secret 1")]).await.assert(StatusCode::SEE_OTHER);
        bearer(&first).get("/api/v1/people").await.assert(StatusCode::UNAUTHORIZED);
        let second = make(&mut c, "second").await;
        c.get("/en/account").await;
        c.post_form("/en/account/password", &[("current_password", "a new secret 1"), ("password", "a new secret 2"), ("password_confirm", "a new secret 2"), ("keep_tokens", "true")]).await.assert(StatusCode::SEE_OTHER);
        bearer(&second).get("/api/v1/people").await.assert(StatusCode::OK);
        // Past its day, a token stops working and the page says so.
        let pool = sqlx::AnyPool::connect(&t.app.config().database_url()).await.expect("database");
        sqlx::query("UPDATE api_tokens SET expires_at = expires_at - 31 * 86400").execute(&pool).await.expect("age");
        bearer(&second).get("/api/v1/people").await.assert(StatusCode::UNAUTHORIZED);
        c.get("/en/account").await.contains("expired on");
    }

    async fn calendar_feed_tokens_are_stored_hashed(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.signed_in(MEMBER.0, MEMBER.1).await;
        c.get("/en/visits").await;
        let made = c.post_form("/en/visits/calendar", &[]).await;
        let token = made.body.split("/en/calendar/").nth(1).and_then(|s| s.split(".ics").next()).expect("address").to_owned();
        t.client().get(&format!("/en/calendar/{token}.ics")).await.assert(StatusCode::OK);
        let pool = sqlx::AnyPool::connect(&t.app.config().database_url()).await.expect("database");
        let stored: Vec<(String,)> = sqlx::query_as("SELECT token_hash FROM calendar_tokens").fetch_all(&pool).await.expect("rows");
        assert_eq!(stored.len(), 1);
        assert_ne!(stored[0].0, token, "the token itself is not stored");
        assert!(!stored[0].0.contains(&token));
    }

    async fn editors_keep_to_their_own_organisation_city_and_unpublished_texts(db) {
        let t = TestApp::demo(db).await;
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        // Owners edit a practice and read its drafts: an editor adds no other organisation.
        let body = json!({"title": "Sprachcafé", "summary": "Ehrenamtliche leiten Gesprächsrunden. Alle üben in ihrem Tempo.",
            "lang": "de", "city": "metz", "organisations": ["association-dounia", "zib-saarbruecken"]});
        let r = editor.json(Method::POST, "/api/v1/practices", &body).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["error"]["fields"]["organisations"].as_str().unwrap_or("").contains("coordinators"), "{}", r.body);
        let mut own = body.clone();
        own["organisations"] = json!(["association-dounia"]);
        editor.json(Method::POST, "/api/v1/practices", &own).await.assert(StatusCode::CREATED);
        for owners in [json!(["association-dounia", "zib-saarbruecken"]), json!(["zib-saarbruecken"]), json!([])] {
            let mut change = own.clone();
            change["organisations"] = owners.clone();
            change["version"] = json!(1);
            let r = editor.json(Method::PUT, "/api/v1/practices/sprachcafe", &change).await;
            r.assert(StatusCode::UNPROCESSABLE_ENTITY);
            assert!(r.json()["error"]["fields"]["organisations"].is_string(), "{owners}: {}", r.body);
        }
        let mut member_of_zib = t.signed_in(MEMBER.0, MEMBER.1).await;
        member_of_zib.get("/api/v1/practices/sprachcafe").await.assert(StatusCode::NOT_FOUND);
        // Coordinators may share a practice between organisations.
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let mut shared = own.clone();
        shared["organisations"] = json!(["association-dounia", "zib-saarbruecken"]);
        shared["version"] = json!(1);
        coordinator.json(Method::PUT, "/api/v1/practices/sprachcafe", &shared).await.assert(StatusCode::OK);

        // The city decides who may review: an editor cannot move their organisation.
        let org = editor.get("/api/v1/organisations/association-dounia").await.json();
        let moved = json!({"slug": "association-dounia", "name": org["name"], "kind": org["kind"], "city": "trier", "lang": org["lang"]});
        let r = editor.json(Method::PUT, "/api/v1/organisations/association-dounia", &moved).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["error"]["fields"]["city"].is_string(), "{}", r.body);
        let same = json!({"slug": "association-dounia", "name": "Association Dounia", "kind": org["kind"], "city": org["city"], "lang": org["lang"]});
        editor.json(Method::PUT, "/api/v1/organisations/association-dounia", &same).await.assert(StatusCode::OK);

        // A published practice is changed by those who published it.
        let mut host = t.signed_in(HOST.0, HOST.1).await;
        let p = host.get("/api/v1/practices/cafe-baer-qualifizierung-trier-west").await.json();
        let change = json!({"title": "Neu", "summary": p["texts"]["de"]["summary"]["text"], "lang": "de", "city": "trier",
            "organisations": p["organisations"], "version": p["version"]});
        host.json(Method::PUT, "/api/v1/practices/cafe-baer-qualifizierung-trier-west", &change).await.assert(StatusCode::FORBIDDEN);
    }

    async fn the_reviewer_is_from_another_city_at_every_step_and_it_is_recorded(db) {
        let t = TestApp::demo(db).await;
        // Trier's integration concept is in review by Saarbrücken's member.
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let zib = coordinator.get("/api/v1/organisations/zib-saarbruecken").await.json();
        let put_city = |city: &str| json!({"slug": "zib-saarbruecken", "name": zib["name"], "kind": zib["kind"], "city": city, "lang": zib["lang"]});
        coordinator.json(Method::PUT, "/api/v1/organisations/zib-saarbruecken", &put_city("trier")).await.assert(StatusCode::OK);
        let mut reviewer = t.signed_in(MEMBER.0, MEMBER.1).await;
        let step = json!({"step": "recommend", "opinion": "Ein klarer, übertragbarer Ansatz."});
        reviewer.json(Method::POST, "/api/v1/practices/integrationskonzept-trier/transitions", &step).await.assert(StatusCode::FORBIDDEN);
        coordinator.json(Method::PUT, "/api/v1/organisations/zib-saarbruecken", &put_city("saarbruecken")).await.assert(StatusCode::OK);
        reviewer.json(Method::POST, "/api/v1/practices/integrationskonzept-trier/transitions", &step).await.assert(StatusCode::OK);
        let pool = sqlx::AnyPool::connect(&t.app.config().database_url()).await.expect("database");
        let (city,): (String,) = sqlx::query_as(
            "SELECT c.slug FROM practice_events e JOIN cities c ON c.id = e.reviewer_city_id WHERE e.step = 'recommend' ORDER BY e.id DESC LIMIT 1",
        ).fetch_one(&pool).await.expect("the step is recorded with the reviewer's city");
        assert_eq!(city, "saarbruecken");
    }

    async fn the_practice_list_shows_exactly_what_the_permission_rule_lets_each_reader_read(db) {
        let t = TestApp::demo(db).await;
        let all: Vec<String> = t.app.practices(&Actor::System, &passerelle::storage::PracticeFilter::default(), "en", Some(200), None)
            .await.expect("all").items.into_iter().map(|p| p.slug).collect();
        assert!(all.len() >= 8, "{all:?}");
        let mut readers = vec![("anonymous", Actor::Anonymous)];
        for who in [ADMIN, COORDINATOR, EDITOR, MEMBER, HOST] {
            let user = t.app.login(who.0, who.1, "test").await.expect("sign in").1;
            readers.push((who.0, user.actor));
        }
        for (name, reader) in &readers {
            let listed: std::collections::BTreeSet<String> = t.app
                .practices(reader, &passerelle::storage::PracticeFilter::default(), "en", Some(200), None)
                .await.expect("list").items.into_iter().map(|p| p.slug).collect();
            for slug in &all {
                let readable = t.app.practice(reader, slug, "en").await.is_ok();
                assert_eq!(listed.contains(slug), readable, "{name} and {slug}: listed {}, readable {readable}", listed.contains(slug));
            }
        }
    }

    async fn titles_sort_the_same_on_both_databases(db) {
        let t = TestApp::new(db).await;
        let titles = ["Zebrastreifen", "Ölprojekt", "apfelgarten", "Äpfelernte", "ober", "Émile et les autres", "Ecole ouverte", "10 Jahre"];
        let file: Vec<String> = titles.iter().enumerate().map(|(i, title)| json!({
            "ref": format!("s-{i}"), "title": title, "summary": "Eins. Zwei.", "lang": "de", "city": "Trier", "country": "DE"
        }).to_string()).collect();
        let report = t.app.import_practices(&Actor::System, &file.join("\n"), Format::JsonLines, ImportOptions { dry_run: false, publish: true }, &|_, _| {}).await.expect("import");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let page = t.client().get("/api/v1/practices?sort=title&limit=50&reader=de").await.json();
        let order: Vec<&str> = page["items"].as_array().expect("items").iter().map(|p| p["title"].as_str().unwrap_or("")).collect();
        // Folded as in a dictionary (DIN 5007-1): "Ä" sorts as "a", "É" as "e", digits first.
        let expected = ["10 Jahre", "Äpfelernte", "apfelgarten", "Ecole ouverte", "Émile et les autres", "ober", "Ölprojekt", "Zebrastreifen"];
        assert_eq!(order, expected);
        // Titles stored before the keys existed get theirs when the migrations run.
        let pool = sqlx::AnyPool::connect(&t.app.config().database_url()).await.expect("database");
        sqlx::query("UPDATE practice_texts SET sort_key = NULL").execute(&pool).await.expect("forget the keys");
        let again = passerelle::app::App::new(t.app.config().clone()).await.expect("the app starts again");
        let rows = again.practices(&Actor::Anonymous, &passerelle::storage::PracticeFilter { sort: passerelle::storage::PracticeSort::Title, ..Default::default() }, "de", Some(50), None)
            .await.expect("list").items;
        let order: Vec<&str> = rows.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(order, expected);
    }

    async fn a_file_uploaded_through_one_server_is_downloaded_through_another(db) {
        let t = TestApp::demo(db).await;
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let page = "/en/practices/rencontres-interculturelles-dounia-metz";
        coordinator.get(page).await;
        // Larger than one stored chunk, so that the pieces must come back in order.
        let text: String = (0..40_000).map(|i| format!("Zeile {i}\n")).collect();
        coordinator.post_multipart(&format!("{page}/attachments"), &[("file", Some("notes.txt"), text.as_str())]).await.assert(StatusCode::SEE_OTHER);
        // A second server: the same database, a data directory of its own.
        let other_dir = tempfile::tempdir().expect("dir");
        let mut config = t.app.config().clone();
        config.data_dir = other_dir.path().to_owned();
        config.database_url = Some(t.app.config().database_url());
        let second = passerelle::app::App::new(config).await.expect("second server");
        let router = passerelle::web::router(second.clone());
        let shown = coordinator.get(page).await;
        let end = shown.body.find("\" download>").expect("a download link");
        let start = shown.body[..end].rfind("href=\"").expect("href") + 6;
        let href = shown.body[start..end].to_owned();
        let req = axum::http::Request::get(&href)
            .header("cookie", format!("passerelle_session={}", coordinator.cookie("passerelle_session").expect("session")))
            .body(axum::body::Body::empty())
            .expect("request");
        let response = tower::ServiceExt::oneshot(router, req).await.expect("infallible");
        assert_eq!(response.status(), StatusCode::OK);
        let body = http_body_util::BodyExt::collect(response.into_body()).await.expect("body").to_bytes();
        assert_eq!(body.len(), text.len());
        assert!(body == text.as_bytes(), "the same bytes through the other server");
        // Removing the attachment removes the bytes that nothing else uses.
        let id: i64 = href.rsplit('/').next().and_then(|s| s.parse().ok()).expect("attachment id");
        let pool = sqlx::AnyPool::connect(&t.app.config().database_url()).await.expect("database");
        let count = || async { sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM file_chunks").fetch_one(&pool).await.expect("count").0 };
        assert!(count().await >= 2);
        let actor = t.app.login(COORDINATOR.0, COORDINATOR.1, "test").await.expect("sign in").1.actor;
        t.app.detach(&actor, "rencontres-interculturelles-dounia-metz", id).await.expect("detach");
        assert_eq!(count().await, 0);
    }

    async fn a_change_behind_another_servers_long_write_waits_then_is_told_busy(db) {
        let t = TestApp::with_config(db, |c| c.write_wait = Duration::from_secs(2)).await;
        t.app.load_demo().await.expect("demo loads");
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        // Another process holds the database's write lock, as a server running a large import does.
        let url = t.app.config().database_url();
        let mut other = <sqlx::AnyConnection as sqlx::Connection>::connect(&url).await.expect("connect");
        let (hold, release) = match db {
            Db::Sqlite => ("BEGIN IMMEDIATE", "ROLLBACK"),
            Db::Postgres => ("SELECT pg_advisory_lock(7041)", "SELECT pg_advisory_unlock(7041)"),
        };
        sqlx::raw_sql(hold).execute(&mut other).await.expect("hold the write lock");
        let body = json!({"name": "Geduldiger Verein", "kind": "association", "city": "trier", "lang": "de"});
        let r = coordinator.json(Method::POST, "/api/v1/organisations", &body).await;
        r.assert(StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(r.json()["error"]["code"], "busy");
        assert_eq!(r.header("retry-after"), "30");
        coordinator.get("/fr/organisations/new").await;
        let page = coordinator.post_form("/fr/organisations", &[("name", "Association patiente"), ("kind", "association"), ("city", "metz"), ("lang", "fr")]).await;
        page.assert(StatusCode::SERVICE_UNAVAILABLE).contains("Occupé pour l’instant");
        assert!(t.app.organisation(&Actor::System, "geduldiger-verein", "de").await.is_err(), "nothing written");
        // A lock released within the wait: the change waits for it and is written.
        let released = tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(500)).await;
            sqlx::raw_sql(release).execute(&mut other).await.expect("release");
            other
        });
        coordinator.json(Method::POST, "/api/v1/organisations", &body).await.assert(StatusCode::CREATED);
        drop(released.await.expect("released"));
    }

    async fn the_audit_log_says_who_changed_what_when_and_from_where(db) {
        let t = TestApp::demo(db).await;
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coordinator.ip = Some("192.0.2.30:40000".parse().expect("addr"));
        let org = coordinator.get("/api/v1/organisations/association-dounia").await.json();
        let same = json!({"slug": "association-dounia", "name": "Association Dounia", "kind": org["kind"], "city": org["city"], "lang": org["lang"]});
        coordinator.json(Method::PUT, "/api/v1/organisations/association-dounia", &same).await.assert(StatusCode::OK);
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        let log = admin.get(&format!("/api/v1/audit?person={}&entity=organisation", COORDINATOR.0)).await;
        log.assert(StatusCode::OK);
        let log = log.json();
        let first = &log["items"][0];
        assert_eq!(first["actor"], COORDINATOR.0, "{log}");
        assert_eq!(first["origin"], "192.0.2.30");
        assert_eq!((first["entity"].as_str(), first["kind"].as_str()), (Some("organisation"), Some("update")));
        assert!(first["at"].as_str().unwrap_or("").ends_with('Z'), "{first}");
        // By day: today has it, a day long past has nothing; a malformed day names its field.
        let today = time::OffsetDateTime::now_utc().date();
        let total = |v: serde_json::Value| v["total"].as_i64().expect("total");
        assert!(total(admin.get(&format!("/api/v1/audit?since={today}&until={today}")).await.json()) >= 1);
        assert_eq!(total(admin.get("/api/v1/audit?until=2001-01-01").await.json()), 0);
        let bad = admin.get("/api/v1/audit?since=yesterday").await;
        bad.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.json()["error"]["fields"]["since"].is_string());
        // The page, for admins only.
        admin.get("/de/admin/audit?entity=organisation").await.assert(StatusCode::OK).contains("192.0.2.30").contains("geändert");
        coordinator.get("/en/admin/audit").await.assert(StatusCode::FORBIDDEN);
        coordinator.get("/api/v1/audit").await.assert(StatusCode::FORBIDDEN);
        t.client().get("/api/v1/audit").await.assert(StatusCode::UNAUTHORIZED);
    }

    async fn a_member_downloads_everything_the_platform_holds_about_them(db) {
        let t = TestApp::demo(db).await;
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/en/account").await.contains("/en/account/data");
        let data = member.get("/api/v1/me/data").await;
        data.assert(StatusCode::OK);
        let data = data.json();
        assert_eq!(data["account"], MEMBER.0);
        let tables = data["tables"].as_object().expect("tables");
        assert_eq!(tables["users"][0]["email"], MEMBER.0);
        assert!(tables["users"][0].get("password_hash").is_none(), "no secrets");
        assert!(tables["sessions"].as_array().is_some_and(|s| !s.is_empty()) && tables["sessions"][0].get("token_hash").is_none());
        // The demo member asked for visits and sits in a call: those rows are theirs.
        assert!(tables.contains_key("visits") && tables.contains_key("call_requests"), "{:?}", tables.keys().collect::<Vec<_>>());
        // The demo member reviews Trier's integration concept: the practices they review are theirs too.
        let reviewed = tables["practices_reviewed"].as_array().expect("practices reviewed");
        assert!(reviewed.iter().any(|p| p["slug"] == "integrationskonzept-trier"), "{reviewed:?}");
        member.get("/en/account/data").await.contains("Practices you reviewed");
        // Nobody else's rows.
        let ids: Vec<i64> = tables["visits"].as_array().expect("visits").iter().map(|v| v["visitor_id"].as_i64().expect("id")).collect();
        let own = tables["users"][0]["id"].as_i64().expect("id");
        assert!(ids.iter().all(|i| *i == own), "{ids:?}");
        // The same as a readable page in the reader's language, and as a file.
        member.get("/fr/account/data").await.assert(StatusCode::OK).contains("Votre compte").contains(MEMBER.0);
        let file = member.get("/en/account/data.json").await;
        file.assert(StatusCode::OK);
        assert!(file.header("content-disposition").starts_with("attachment"));
        assert_eq!(file.header("cache-control"), "private, no-store");
        t.client().get("/api/v1/me/data").await.assert(StatusCode::UNAUTHORIZED);
        t.client().get("/en/account/data").await.assert(StatusCode::UNAUTHORIZED);
    }

    async fn large_public_answers_pass_the_page_cache_whole(db) {
        let t = TestApp::demo(db).await;
        let long = "Öäü öäü äöü ÄÖÜ. ".repeat(1200);
        let long = &long[..long.char_indices().nth(19_900).map_or(long.len(), |(i, _)| i)];
        let fields = |lang: &str| json!({"title": format!("Lange Praxis {lang}"), "summary": "Ein langer Text. Er ist sehr lang.", "context": long, "approach": long, "results": long, "evaluation": long, "resources": long, "transferability": long});
        let mut record = fields("de");
        record["ref"] = json!("long-1");
        record["lang"] = json!("de");
        record["city"] = json!("Trier");
        record["country"] = json!("DE");
        record["translations"] = json!({"fr": fields("fr"), "en": fields("en")});
        let line = format!("{record}\n");
        let report = t.app.import_practices(&Actor::System, &line, Format::JsonLines, ImportOptions { dry_run: false, publish: true }, &|_, _| {}).await.expect("import");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        for _ in 0..2 {
            let r = t.client().get("/api/v1/practices/ref/long-1").await;
            r.assert(StatusCode::OK);
            assert!(r.body.len() > 512 * 1024, "the answer is large: {} bytes", r.body.len());
            r.json();
        }
    }
}

/// A stream of the chunks sent into `rx`, ending when the sender is dropped.
fn tokio_stream_of(
    mut rx: tokio::sync::mpsc::Receiver<Result<axum::body::Bytes, std::io::Error>>,
) -> impl futures_util::Stream<Item = Result<axum::body::Bytes, std::io::Error>> {
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}
