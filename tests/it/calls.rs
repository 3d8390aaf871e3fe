//! Calls for exchanges: a coordinator opens a call, members rank placements, the allocation is
//! optimal and fair, explained, changed by hand and published as accepted visits; the exchange
//! matrix counts the visits between cities. On both databases.

use axum::http::{Method, StatusCode};
use passerelle::app::{App, today};
use passerelle::domain::Actor;
use passerelle::domain::exchange::placement::{PlacementForm, WindowForm};
use serde_json::json;

use crate::helpers::*;

fn day(n: i64) -> String {
    (today() + time::Duration::days(n)).to_string()
}

/// A placement of one capacity for `organisation`, possible from 10 to 40 days from today.
async fn placement(app: &App, organisation: &str, title: &str) -> String {
    let form = PlacementForm {
        organisation: organisation.into(),
        lang: "de".into(),
        title: title.into(),
        description: "Zwei Tage Hospitation.".into(),
        length_days: "2".into(),
        capacity: "1".into(),
        languages: vec!["de".into(), "fr".into()],
        themes: vec!["participation".into()],
        windows: vec![WindowForm {
            start: day(10),
            end: day(40),
        }],
        status: "open".into(),
        ..Default::default()
    };
    app.save_placement(&Actor::System, None, &form)
        .await
        .expect("placement")
        .as_str()
        .to_owned()
}

fn request(preferences: &[&str], start: i64, end: i64) -> serde_json::Value {
    json!({
        "preferences": preferences,
        "start": day(start),
        "end": day(end),
        "languages": ["de", "fr"],
        "themes": ["participation"],
        "goal": "Voneinander lernen."
    })
}

both! {
    async fn a_call_is_changed_until_it_closes_and_closing_asks_first(db) {
        let t = TestApp::demo(db).await;
        let a = placement(&t.app, "cafe-baer-trier-west", "Café Bär A").await;
        let b = placement(&t.app, "wohnungsgenossenschaft-am-beutelweg", "Beutelweg B").await;
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let r = coordinator
            .json(Method::POST, "/api/v1/calls", &json!({"title": "Frühjahr", "deadline": day(20), "placements": [a, b]}))
            .await;
        r.assert(StatusCode::CREATED);
        let slug = r.json()["slug"].as_str().expect("slug").to_owned();
        let page = format!("/en/calls/{slug}");
        // Offered as links: the form, and the question before closing.
        coordinator.get(&page).await.contains(&format!("{page}/edit")).contains(&format!("href=\"{page}/close\""));
        coordinator.get(&format!("{page}/edit")).await.assert(StatusCode::OK).contains("value=\"Frühjahr\"");
        // Someone asks for B: B stays in the call, said so by name, and the form comes back filled in.
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.json(Method::PUT, &format!("/api/v1/calls/{slug}/request"), &request(&[&b], 5, 60)).await.assert(StatusCode::OK);
        let r = coordinator
            .post_form(&page, &[("title", "Frühjahr 2027"), ("description", ""), ("deadline", &day(25)), ("placements", &a)])
            .await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("Beutelweg B").contains("value=\"Frühjahr 2027\"");
        // The same placement twice is one placement.
        coordinator
            .post_form(&page, &[("title", "Frühjahr"), ("description", ""), ("deadline", &day(20)), ("placements", &a), ("placements", &format!(" {a} ")), ("placements", &b)])
            .await
            .assert(StatusCode::SEE_OTHER);
        // A deadline in the past is refused as when opening.
        coordinator
            .post_form(&page, &[("title", "Frühjahr 2027"), ("description", ""), ("deadline", &day(-2)), ("placements", &a), ("placements", &b)])
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY);
        coordinator
            .post_form(&page, &[("title", "Frühjahr 2027"), ("description", "Neu."), ("deadline", &day(25)), ("placements", &b)])
            .await
            .assert(StatusCode::SEE_OTHER);
        let shown = coordinator.get(&page).await;
        shown.contains("Frühjahr 2027").lacks("Café Bär A");
        // Members cannot change it.
        member.get(&format!("{page}/edit")).await.assert(StatusCode::FORBIDDEN);
        member.post_form(&page, &[("title", "x"), ("deadline", &day(25)), ("placements", &b)]).await.assert(StatusCode::FORBIDDEN);
        // Closing asks first; afterwards the call says so and is no longer offered for change.
        coordinator.get(&format!("{page}/close")).await.assert(StatusCode::OK).contains("Close “Frühjahr 2027” now?");
        coordinator.post_form(&format!("{page}/close"), &[]).await.assert(StatusCode::SEE_OTHER);
        let closed = coordinator.get(&page).await;
        closed.contains("Closed for requests").lacks(&format!("{page}/edit"));
        let r = coordinator.get(&format!("{page}/edit")).await;
        assert_eq!(r.header("location"), page, "a closed call is shown, not a dead end");
        let back = coordinator.get(&format!("{page}/close")).await;
        assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    }

    async fn a_call_is_allocated_fairly_explained_changed_by_hand_and_published(db) {
        let t = TestApp::demo(db).await;
        let a = placement(&t.app, "cafe-baer-trier-west", "Café Bär A").await;
        let b = placement(&t.app, "wohnungsgenossenschaft-am-beutelweg", "Beutelweg B").await;
        let c = placement(&t.app, "conseil-communal-des-jeunes-luxembourg", "Conseil C").await;
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        // A deadline in the past and an unknown placement are refused, field by field.
        let r = coordinator
            .json(Method::POST, "/api/v1/calls", &json!({"title": "Herbst", "deadline": day(-1), "placements": [a, "nowhere"]}))
            .await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        let fields = r.json()["error"]["fields"].clone();
        assert!(fields["deadline"].is_string() && fields["placements"].is_string(), "{}", r.body);
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor
            .json(Method::POST, "/api/v1/calls", &json!({"title": "Herbst", "deadline": day(5), "placements": [a]}))
            .await
            .assert(StatusCode::FORBIDDEN);
        let r = coordinator
            .json(Method::POST, "/api/v1/calls", &json!({"title": "Herbst 2027", "deadline": day(5), "placements": [a, b, c]}))
            .await;
        r.assert(StatusCode::CREATED);
        let slug = r.json()["slug"].as_str().expect("slug").to_owned();
        let request_path = format!("/api/v1/calls/{slug}/request");
        // Requests: Dounia (Metz) would like A, then B; the ZIB member (Saarbrücken) only A;
        // Café Bär (Trier) C. Greedy in order would give A to Dounia and leave the ZIB out.
        editor.json(Method::PUT, &request_path, &request(&[&a, &b], 5, 60)).await.assert(StatusCode::OK);
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        // Bad requests: the same placement twice, six of them, one not in the call.
        for prefs in [vec![a.as_str(), a.as_str()], vec![a.as_str(), b.as_str(), c.as_str(), "x", "y", "z"], vec!["bewerbungstraining-cafe-baer"]] {
            let r = member.json(Method::PUT, &request_path, &request(&prefs, 5, 60)).await;
            r.assert(StatusCode::UNPROCESSABLE_ENTITY);
            assert!(r.json()["error"]["fields"]["preferences"].is_string(), "{}", r.body);
        }
        member.json(Method::PUT, &request_path, &request(&[&a], 5, 60)).await.assert(StatusCode::OK);
        let mut host = t.signed_in(HOST.0, HOST.1).await;
        let r = host.json(Method::PUT, &request_path, &request(&[&a], 5, 60)).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("own organisation"), "{}", r.body);
        host.json(Method::PUT, &request_path, &request(&[&c], 5, 60)).await.assert(StatusCode::OK);
        // The coordinator asks for A with dates outside every period: it cannot be placed.
        coordinator.json(Method::PUT, &request_path, &request(&[&a], 100, 120)).await.assert(StatusCode::OK);

        // Not before the deadline; closing the call opens the allocation.
        let allocation = format!("/api/v1/calls/{slug}/allocation");
        coordinator.json(Method::POST, &allocation, &json!({})).await.assert(StatusCode::CONFLICT);
        coordinator.json(Method::POST, &format!("/api/v1/calls/{slug}/close"), &json!({})).await.assert(StatusCode::OK);
        member.json(Method::PUT, &request_path, &request(&[&a], 5, 60)).await.assert(StatusCode::CONFLICT);
        let r = coordinator.json(Method::POST, &allocation, &json!({})).await;
        r.assert(StatusCode::OK);
        let result = r.json();
        assert_eq!(result["granted"], 3, "{}", r.body);
        let row = |who: &str| -> serde_json::Value {
            result["requests"].as_array().expect("rows").iter()
                .find(|r| r["organisation"].as_str().is_some_and(|o| o.contains(who)))
                .cloned().unwrap_or_else(|| panic!("a request from {who}"))
        };
        assert_eq!(row("Dounia")["placed"]["placement"], b.as_str());
        assert_eq!(row("Dounia")["placed"]["rank"], 2);
        assert_eq!(row("Zuwanderungs")["placed"]["placement"], a.as_str());
        assert_eq!(row("Café Bär")["placed"]["placement"], c.as_str());
        let left = row("QuattroPole");
        assert!(left["placed"].is_null());
        assert_eq!(left["not_placed"][0][1], "no_window_in_dates", "{left}");
        let taken = row("Dounia");
        assert_eq!(taken["not_placed"][0], json!([a, "taken"]));

        // The review page explains it, in French, with each city's share.
        coordinator
            .get(&format!("/fr/calls/{slug}/allocation"))
            .await
            .assert(StatusCode::OK)
            .contains("Votre choix numéro 2")
            .contains("aucune période dans les dates du demandeur")
            .contains("Part des demandes retenues par ville");
        member.get(&format!("/fr/calls/{slug}/allocation")).await.assert(StatusCode::FORBIDDEN);

        // By hand: Dounia cannot go to A (full), nor to C (not among her preferences); she can
        // be taken out.
        let dounia = taken["request"].as_i64().expect("id");
        let by_hand = format!("{allocation}/{dounia}");
        coordinator
            .json(Method::PUT, &by_hand, &json!({"placement": a, "window_start": day(10)}))
            .await
            .assert(StatusCode::CONFLICT);
        coordinator
            .json(Method::PUT, &by_hand, &json!({"placement": c, "window_start": day(10)}))
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY);
        let r = coordinator.json(Method::PUT, &by_hand, &json!({"placement": null})).await;
        r.assert(StatusCode::OK);
        assert_eq!(r.json()["granted"], 2);
        coordinator
            .post_form(&format!("/en/calls/{slug}/assign"), &[("request", &dounia.to_string()), ("choice", &format!("{b}|{}", day(10)))])
            .await
            .assert(StatusCode::SEE_OTHER);
        let r = coordinator.get(&allocation).await;
        assert_eq!(r.json()["granted"], 3);
        assert!(r.body.contains("\"by_hand\":true"));

        // The page asks before publishing, saying who gets a place; members are not asked.
        coordinator.get(&format!("/en/calls/{slug}/allocation")).await
            .contains(&format!("href=\"/en/calls/{slug}/publish\"")).lacks(&format!("action=\"/en/calls/{slug}/publish\""));
        coordinator.get(&format!("/en/calls/{slug}/publish")).await.assert(StatusCode::OK)
            .contains("Publish the allocation of “Herbst 2027”?").contains("3 of 4 requests get a place")
            .contains(&format!("action=\"/en/calls/{slug}/publish\""));
        member.get(&format!("/en/calls/{slug}/publish")).await.assert(StatusCode::FORBIDDEN);
        // Publishing makes accepted visits and tells each requester where they stand.
        let r = coordinator.json(Method::POST, &format!("/api/v1/calls/{slug}/publish"), &json!({})).await;
        r.assert(StatusCode::OK);
        assert_eq!(r.json()["status"], "published");
        let r = member.get(&format!("/api/v1/calls/{slug}")).await;
        let visit = r.json()["my_visit"].as_i64().expect("the member's visit");
        let r = member.get(&format!("/api/v1/visits/{visit}")).await;
        r.assert(StatusCode::OK);
        assert_eq!(r.json()["status"], "accepted");
        assert_eq!(r.json()["placement"], a.as_str());
        coordinator.json(Method::POST, &format!("/api/v1/calls/{slug}/publish"), &json!({})).await.assert(StatusCode::CONFLICT);
        coordinator.json(Method::POST, &allocation, &json!({})).await.assert(StatusCode::CONFLICT);
        // Once published, the question leads back to the allocation.
        let r = coordinator.get(&format!("/en/calls/{slug}/publish")).await;
        assert_eq!(r.header("location"), format!("/en/calls/{slug}/allocation"));
        member
            .get(&format!("/de/calls/{slug}"))
            .await
            .assert(StatusCode::OK)
            .contains("Sie haben einen Platz.")
            .contains(&format!("/de/visits/{visit}"));
        coordinator
            .get(&format!("/en/calls/{slug}"))
            .await
            .assert(StatusCode::OK)
            .contains("Requests until");
        let mut anyone = t.client();
        anyone.get("/en/calls").await.assert(StatusCode::OK).contains("Herbst 2027");
        let doc = anyone.get("/api/v1/openapi.json").await.json();
        for path in ["/api/v1/calls", "/api/v1/calls/{slug}/allocation", "/api/v1/calls/{slug}/publish"] {
            assert!(doc["paths"][path].is_object(), "{path}");
        }
    }

    async fn members_send_requests_through_the_call_page(db) {
        let t = TestApp::demo(db).await;
        let a = placement(&t.app, "cafe-baer-trier-west", "Café Bär A").await;
        let coordinator = t.app.login(COORDINATOR.0, COORDINATOR.1, "test").await.expect("sign in").1.actor;
        let form = passerelle::domain::exchange::call::CallForm {
            title: "Winter".into(),
            deadline: day(3),
            placements: vec![a.clone()],
            ..Default::default()
        };
        let slug = t.app.create_call(&coordinator, &form).await.expect("call").as_str().to_owned();
        // Coordinators open calls through the form as well.
        let mut coordinator_page = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coordinator_page.get("/en/calls/new").await.assert(StatusCode::OK);
        let deadline = day(4);
        let r = coordinator_page
            .post_form("/en/calls", &[("title", "Spring"), ("deadline", deadline.as_str()), ("placements", a.as_str())])
            .await;
        assert_eq!(r.header("location"), "/en/calls/spring?done=created", "{}", r.body);
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        let page = format!("/de/calls/{slug}");
        member.get(&page).await.assert(StatusCode::OK).contains("Wahl 1");
        let (start, end) = (day(5), day(50));
        let mut fields = vec![("preferences", ""), ("start", start.as_str()), ("end", end.as_str()), ("languages", "de"), ("goal", "Lernen")];
        member
            .post_form(&format!("{page}/request"), &fields)
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("href=\"#preferences\"")
            .contains(&format!("value=\"{start}\""));
        fields[0] = ("preferences", a.as_str());
        member.post_form(&format!("{page}/request"), &fields).await.assert(StatusCode::SEE_OTHER);
        member
            .get(&page)
            .await
            .assert(StatusCode::OK)
            .contains("Ihre Anfrage ändern")
            .contains(&format!("<option value=\"{a}\" selected>"));
        // The exchange matrix counts the demo's visits between cities, as a drawing and a table.
        let mut anyone = t.client();
        anyone
            .get("/en/exchange")
            .await
            .assert(StatusCode::OK)
            .contains("role=\"img\"")
            .contains("From Saarbrücken to Trier: 1 done")
            .contains(">Visits from the visitor");
    }
}

/// Publishing a call tells the requesters: the granted one gets the visit, the other one "no
/// place this time".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishing_a_call_tells_every_requester() {
    let smtp = crate::smtp::Receiver::start().await;
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let t = TestApp::with_config(Db::Sqlite, |c| c.smtp_url = Some(url)).await;
    t.app.load_demo().await.expect("demo");
    let a = placement(&t.app, "cafe-baer-trier-west", "Nur ein Platz").await;
    let login = |who: (&'static str, &'static str)| {
        let app = t.app.clone();
        async move {
            app.login(who.0, who.1, "test")
                .await
                .expect("sign in")
                .1
                .actor
        }
    };
    let coordinator = login(COORDINATOR).await;
    let form = passerelle::domain::exchange::call::CallForm {
        title: "Ein Platz".into(),
        deadline: day(3),
        placements: vec![a.clone()],
        ..Default::default()
    };
    let slug = t
        .app
        .create_call(&coordinator, &form)
        .await
        .expect("call")
        .as_str()
        .to_owned();
    for who in [EDITOR, MEMBER] {
        let r = passerelle::domain::exchange::call::CallRequestForm {
            preferences: vec![a.clone()],
            start: day(5),
            end: day(60),
            languages: vec!["de".into()],
            goal: "Lernen".into(),
            ..Default::default()
        };
        t.app
            .submit_call_request(&login(who).await, &slug, &r)
            .await
            .expect("request");
    }
    t.app.close_call(&coordinator, &slug).await.expect("closed");
    t.app
        .run_allocation(&coordinator, &slug)
        .await
        .expect("allocated");
    // Two clicks at once publish it once.
    let (first, second) = tokio::join!(
        t.app.publish_call(&coordinator, &slug),
        t.app.publish_call(&coordinator, &slug)
    );
    let published: Vec<usize> = [&first, &second]
        .iter()
        .filter_map(|r| r.as_ref().ok().copied())
        .collect();
    assert_eq!(published, [1], "{first:?} {second:?}");
    let mut to = Vec::new();
    for _ in 0..3 {
        let m = smtp.next_message().await;
        let body = m.data.replace("=\r\n", "").replace("=\n", "");
        to.push((m.recipients.join(","), body));
    }
    let not_granted = to
        .iter()
        .filter(|(_, b)| b.contains("/calls/ein-platz"))
        .count();
    assert_eq!(not_granted, 1, "{to:?}");
    assert!(
        to.iter()
            .any(|(r, b)| r.contains(HOST.0) && b.contains("/visits/")),
        "the host is told: {to:?}"
    );
}
