//! Visits of the exchange programme: requests (for a placement, or open with suggestions), the
//! lifecycle from request to learning report through the pages and the API, the agreement
//! checklist, capacity under concurrent acceptance, e-mail notices with calendar invitations,
//! the private calendar feed and the report follow-up, on both databases.

use axum::http::{Method, StatusCode};
use passerelle::app::{App, today};
use passerelle::domain::Actor;
use passerelle::domain::exchange::placement::{PlacementForm, WindowForm};
use passerelle::domain::exchange::visit::{ReportForm, RequestForm, ScheduleForm, Step};

use crate::helpers::*;

/// A day counted from today, as YYYY-MM-DD.
fn day(n: i64) -> String {
    (today() + time::Duration::days(n)).to_string()
}

async fn actor(app: &App, who: (&str, &str)) -> Actor {
    signed_in_actor(app, who).await
}

/// A Café Bär placement (Trier) with the given periods (days from today) and capacity.
async fn cafe_placement(app: &App, title: &str, windows: &[(i64, i64)], capacity: u32) -> String {
    let form = PlacementForm {
        organisation: "cafe-baer-trier-west".into(),
        lang: "de".into(),
        title: title.into(),
        description: "Zwei Tage im Bewerbungstraining des Café Bär.".into(),
        length_days: "2".into(),
        capacity: capacity.to_string(),
        languages: vec!["de".into(), "fr".into()],
        themes: vec!["employment".into(), "youth".into()],
        windows: windows
            .iter()
            .map(|(a, b)| WindowForm {
                start: day(*a),
                end: day(*b),
            })
            .collect(),
        status: "open".into(),
        ..Default::default()
    };
    app.save_placement(&Actor::System, None, &form)
        .await
        .expect("placement")
        .as_str()
        .to_owned()
}

fn request(placement: &str, start: i64, end: i64) -> RequestForm {
    RequestForm {
        placement: placement.into(),
        start: day(start),
        end: day(end),
        length_days: "2".into(),
        languages: vec!["fr".into(), "de".into()],
        themes: vec!["employment".into()],
        goal: "Voir comment l'entraînement aux candidatures est organisé.".into(),
        ..Default::default()
    }
}

/// The id in a `/xx/visits/{id}?done=…` redirect.
fn visit_id(location: &str) -> i64 {
    location
        .split("/visits/")
        .nth(1)
        .and_then(|s| s.split('?').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("a visit address: {location}"))
}

both! {
    async fn a_visit_goes_from_request_to_report_through_the_pages(db) {
        let t = TestApp::demo(db).await;
        let slug = cafe_placement(&t.app, "Bewerbungstraining erleben", &[(-3, 30)], 2).await;
        let mut visitor = t.signed_in(EDITOR.0, EDITOR.1).await;
        visitor
            .get(&format!("/fr/visits/new?placement={slug}"))
            .await
            .assert(StatusCode::OK)
            .contains("Bewerbungstraining erleben");
        // Dates outside every period: the form comes back filled in, naming the rule.
        let mut fields = vec![
            ("placement", slug.as_str()),
            ("languages", "fr"),
            ("goal", "Voir l'entraînement aux candidatures."),
        ];
        let (far_start, far_end) = (day(60), day(70));
        fields.extend([("start", far_start.as_str()), ("end", far_end.as_str())]);
        visitor
            .post_form("/fr/visits", &fields)
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("vos dates ne contiennent pas 2 jours dans une période du stage")
            .contains("entraînement aux candidatures.</textarea>")
            .contains(&format!("value=\"{far_start}\""));
        let (start, end) = (day(0), day(10));
        fields.truncate(3);
        fields.extend([("start", start.as_str()), ("end", end.as_str())]);
        let r = visitor.post_form("/fr/visits", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = visit_id(r.header("location"));
        let page = format!("/fr/visits/{id}");
        visitor.get(&page).await.assert(StatusCode::OK).contains("Demandée");

        // The host sees the request on its placement and in its visits, and accepts it.
        let mut host = t.signed_in(HOST.0, HOST.1).await;
        host.get(&format!("/de/placements/{slug}"))
            .await
            .assert(StatusCode::OK)
            .contains("Anfragen für diese Hospitation")
            .contains("Association Dounia");
        host.get("/de/visits").await.assert(StatusCode::OK).contains("Gast von Association Dounia");
        // Someone else may not even see it.
        let mut other = t.signed_in(MEMBER.0, MEMBER.1).await;
        other.get(&page).await.assert(StatusCode::NOT_FOUND);
        host.get(&format!("/de/visits/{id}")).await.assert(StatusCode::OK).contains("Zusagen");
        host.post_form(&format!("/de/visits/{id}/step"), &[("step", "accept"), ("message", "Willkommen!")])
            .await
            .assert(StatusCode::SEE_OTHER);
        // Scheduling waits for the agreement checklist of both sides.
        let second = day(1);
        let fields: Vec<(&str, &str)> = vec![
            ("start", start.as_str()),
            ("end", second.as_str()),
            ("start_time", "09:00"),
            ("end_time", "16:00"),
            ("meeting_point", "Café Bär, Eingang Hofseite"),
            ("agenda", "- Bewerbungsmappen\n- Probegespräche"),
        ];
        host.post_form(&format!("/de/visits/{id}/schedule"), &fields)
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("Zuerst müssen beide Seiten jeden Punkt bestätigen")
            .contains("Café Bär, Eingang Hofseite");
        let items: Vec<String> = t.app.checklist().await.expect("checklist").iter().map(|i| i.id.to_string()).collect();
        let confirm: Vec<(&str, &str)> = items.iter().map(|i| ("item", i.as_str())).collect();
        for who in [&mut visitor, &mut host] {
            who.post_form(&format!("/en/visits/{id}/checklist"), &confirm)
                .await
                .assert(StatusCode::SEE_OTHER);
        }
        // Days outside the period held are refused; days inside it schedule the visit.
        let outside = day(40);
        let mut wrong = fields.clone();
        wrong[1] = ("end", outside.as_str());
        host.post_form(&format!("/de/visits/{id}/schedule"), &wrong)
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("Der Besuch muss im reservierten Zeitraum liegen");
        host.post_form(&format!("/de/visits/{id}/schedule"), &fields)
            .await
            .assert(StatusCode::SEE_OTHER);
        visitor
            .get(&page)
            .await
            .assert(StatusCode::OK)
            .contains("Programmée")
            .contains("Café Bär, Eingang Hofseite")
            .contains("de 09:00 à 16:00")
            .contains("<li>Probegespräche</li>");

        // It took place; the visitor writes the report (first with a section missing).
        visitor
            .post_form(&format!("/fr/visits/{id}/step"), &[("step", "complete")])
            .await
            .assert(StatusCode::SEE_OTHER);
        let report_page = format!("/fr/visits/{id}/report");
        visitor.get(&report_page).await.assert(StatusCode::OK);
        let mut report = vec![
            ("lang", "fr"),
            ("saw", "Des simulations d'entretien."),
            ("worked", ""),
            ("take_home", "Un accueil sans rendez-vous."),
            ("practices", "cafe-baer-qualifizierung-trier-west"),
            ("intention", "pilot"),
        ];
        visitor
            .post_form(&report_page, &report)
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("href=\"#worked\"")
            .contains("simulations d&#39;entretien.</textarea>");
        report[2] = ("worked", "Le café ouvert à tous.");
        report.push(("published", "1"));
        visitor.post_form(&report_page, &report).await.assert(StatusCode::SEE_OTHER);
        visitor
            .get(&page)
            .await
            .assert(StatusCode::OK)
            .contains("Rapport rédigé")
            .contains("En test")
            .contains("Demande envoyée")
            .contains("Willkommen!");
        // The host adds its view; the published report is public.
        host.post_form(&format!("/de/visits/{id}/host-view"), &[("host_view", "Ein guter Austausch.")])
            .await
            .assert(StatusCode::SEE_OTHER);
        let mut anyone = t.client();
        anyone
            .get(&format!("/en/reports/{id}"))
            .await
            .assert(StatusCode::OK)
            .contains("lang=\"fr\">")
            .contains("Le café ouvert à tous.")
            .contains("Ein guter Austausch.");
        anyone.get("/en/reports").await.assert(StatusCode::OK).contains("Bewerbungstraining erleben");
        anyone.get(&page).await.assert(StatusCode::UNAUTHORIZED);

        // The private calendar feed has the visit with its local times in Trier's zone.
        // The address is shown once, when it is made; only its hash is stored.
        let page = visitor.get("/en/visits").await;
        page.assert(StatusCode::OK).lacks("/en/calendar/").contains("Make my private calendar address");
        let made = visitor.post_form("/en/visits/calendar", &[]).await;
        made.assert(StatusCode::OK);
        let token = made.body.split("/en/calendar/").nth(1).and_then(|s| s.split(".ics").next()).expect("the new address").to_owned();
        visitor.get("/en/visits").await.lacks(&token).contains("You made your private address on");
        let r = anyone.get(&format!("/en/calendar/{token}.ics")).await;
        r.assert(StatusCode::OK);
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(r.body.as_bytes()));
        let cal = parser.next().expect("a calendar").expect("it parses");
        let event = cal.events.iter().find(|e| e.properties.iter().any(|p| p.name == "UID"
            && p.value.as_deref().is_some_and(|v| v.starts_with(&format!("visit-{id}@"))))).expect("the visit");
        let start = event.properties.iter().find(|p| p.name == "DTSTART").expect("DTSTART");
        let tzid = start.params.as_ref().and_then(|ps| ps.iter().find(|(k, _)| k == "TZID")).map(|(_, v)| v[0].clone());
        assert_eq!(tzid.as_deref(), Some("Europe/Berlin"));
        assert_eq!(start.value.as_deref(), Some(format!("{}T090000", day(0).replace('-', "")).as_str()));
        // A new address retires the old one.
        visitor.post_form("/en/visits/calendar", &[]).await.assert(StatusCode::OK).lacks(&token);
        anyone.get(&format!("/en/calendar/{token}.ics")).await.assert(StatusCode::NOT_FOUND);
    }

    async fn capacity_holds_when_two_hosts_accept_at_once(db) {
        let t = TestApp::demo(db).await;
        let host = actor(&t.app, HOST).await;
        let coordinator = actor(&t.app, COORDINATOR).await;
        let editor = actor(&t.app, EDITOR).await;
        let member = actor(&t.app, MEMBER).await;
        // One period with one place: of two acceptances at the same moment, exactly one wins.
        for round in 0..5 {
            let slug = cafe_placement(&t.app, &format!("Ein Platz {round}"), &[(5, 20)], 1).await;
            let a = t.app.request_visit(&editor, &request(&slug, 5, 20)).await.expect("request a");
            let b = t.app.request_visit(&member, &request(&slug, 5, 20)).await.expect("request b");
            let (ra, rb) = tokio::join!(
                t.app.step_visit(&host, a, Step::Accept, ""),
                t.app.step_visit(&coordinator, b, Step::Accept, "")
            );
            let won = [&ra, &rb].iter().filter(|r| r.is_ok()).count();
            assert_eq!(won, 1, "round {round}: {ra:?} {rb:?}");
            let lost = if ra.is_ok() { rb } else { ra };
            assert!(
                matches!(lost, Err(passerelle::app::Error::Conflict("error-window-full"))),
                "{lost:?}"
            );
        }
        // With a second period that fits, the second visitor gets a place there instead.
        let slug = cafe_placement(&t.app, "Zwei Zeiträume", &[(5, 10), (20, 30)], 1).await;
        let a = t.app.request_visit(&editor, &request(&slug, 5, 30)).await.expect("a");
        let b = t.app.request_visit(&member, &request(&slug, 5, 30)).await.expect("b");
        t.app.step_visit(&host, a, Step::Accept, "").await.expect("a accepted");
        t.app.step_visit(&host, b, Step::Accept, "").await.expect("b accepted elsewhere");
        let va = t.app.visit(&host, a).await.expect("a");
        let vb = t.app.visit(&host, b).await.expect("b");
        assert_eq!(va.row.window_start.as_deref(), Some(day(5).as_str()));
        assert_eq!(vb.row.window_start.as_deref(), Some(day(20).as_str()));
        // A third finds both full.
        let coord_req = t.app.request_visit(&coordinator, &request(&slug, 5, 30)).await.expect("c");
        assert!(matches!(
            t.app.step_visit(&host, coord_req, Step::Accept, "").await,
            Err(passerelle::app::Error::Conflict("error-window-full"))
        ));
    }

    async fn the_api_explains_what_cannot_be(db) {
        let t = TestApp::demo(db).await;
        let slug = cafe_placement(&t.app, "API-Hospitation", &[(5, 20)], 1).await;
        let mut anyone = t.client();
        anyone
            .json(Method::POST, "/api/v1/visits", &serde_json::json!({"placement": slug}))
            .await
            .assert(StatusCode::UNAUTHORIZED);
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        let body = |start: i64, end: i64| serde_json::json!({
            "placement": slug, "start": day(start), "end": day(end),
            "languages": ["fr"], "goal": "Apprendre."
        });
        let fields = |r: &Resp| r.json()["error"]["fields"].clone();
        // Outside every period, and a stay longer than the dates.
        let r = editor.json(Method::POST, "/api/v1/visits", &body(30, 40)).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(fields(&r)["start"].is_string(), "{}", r.body);
        // The host's own staff cannot ask it.
        let mut host = t.signed_in(HOST.0, HOST.1).await;
        let r = host.json(Method::POST, "/api/v1/visits", &body(5, 20)).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(fields(&r)["placement"].as_str().is_some_and(|m| m.contains("own organisation")), "{}", r.body);
        // A closed placement takes no requests.
        let mut closed = body(5, 20);
        closed["placement"] = "hospitation-zib-saarbruecken".into();
        let r = editor.json(Method::POST, "/api/v1/visits", &closed).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(fields(&r)["placement"].is_string(), "{}", r.body);
        // A good one, then steps that are not possible or not allowed.
        let r = editor.json(Method::POST, "/api/v1/visits", &body(5, 20)).await;
        r.assert(StatusCode::CREATED);
        let id = r.json()["id"].as_i64().expect("id");
        assert_eq!(r.json()["status"], "requested");
        assert_eq!(r.json()["steps"], serde_json::json!(["cancel"]));
        let steps = format!("/api/v1/visits/{id}/steps");
        editor
            .json(Method::POST, &steps, &serde_json::json!({"step": "accept"}))
            .await
            .assert(StatusCode::FORBIDDEN);
        let r = editor.json(Method::POST, &steps, &serde_json::json!({"step": "cancel", "message": " "})).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(fields(&r)["message"].is_string(), "{}", r.body);
        host.json(Method::POST, &steps, &serde_json::json!({"step": "complete"}))
            .await
            .assert(StatusCode::CONFLICT);
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get(&format!("/api/v1/visits/{id}")).await.assert(StatusCode::NOT_FOUND);
        let r = host.json(Method::POST, &steps, &serde_json::json!({"step": "decline", "message": "Leider voll."})).await;
        r.assert(StatusCode::OK);
        assert_eq!(r.json()["status"], "declined");
        assert_eq!(r.json()["events"][1]["message"], "Leider voll.");
        host.json(Method::POST, &steps, &serde_json::json!({"step": "accept"}))
            .await
            .assert(StatusCode::CONFLICT);
        // Lists: the visitor's own; a bad status filter is a 422 naming the parameter.
        let r = editor.get("/api/v1/visits").await;
        r.assert(StatusCode::OK);
        assert!(r.json()["items"].as_array().is_some_and(|a| a.iter().any(|v| v["id"] == id)));
        editor.get("/api/v1/visits?status=lost").await.assert(StatusCode::UNPROCESSABLE_ENTITY);
        editor.get("/api/v1/visits?limit=x").await.assert(StatusCode::UNPROCESSABLE_ENTITY);
        // The document describes the visit endpoints.
        let doc = anyone.get("/api/v1/openapi.json").await.json();
        for path in ["/api/v1/visits", "/api/v1/visits/{id}/steps", "/api/v1/visits/{id}/schedule", "/api/v1/visits/{id}/report"] {
            assert!(doc["paths"][path].is_object(), "{path}");
        }
    }

    async fn an_open_request_gets_ranked_suggestions_with_reasons(db) {
        let t = TestApp::demo(db).await;
        let fitting = cafe_placement(&t.app, "Passt gut", &[(10, 40)], 2).await;
        // Outside the request's dates: not suggested.
        cafe_placement(&t.app, "Zu spät", &[(200, 220)], 2).await;
        let member = actor(&t.app, MEMBER).await;
        let open = RequestForm {
            start: day(5),
            end: day(60),
            length_days: "1".into(),
            themes: vec!["employment".into(), "youth".into()],
            cities: vec!["trier".into()],
            languages: vec!["de".into()],
            goal: "Jugendliche in Ausbildung begleiten.".into(),
            ..Default::default()
        };
        let id = t.app.request_visit(&member, &open).await.expect("open request");
        let mut c = t.signed_in(MEMBER.0, MEMBER.1).await;
        let r = c.get(&format!("/api/v1/visits/{id}/suggestions")).await;
        r.assert(StatusCode::OK);
        let list = r.json();
        let list = list.as_array().expect("a list");
        assert!(list.iter().all(|s| s["title"] != "Zu spät"));
        let best = list.iter().find(|s| s["placement"] == fitting.as_str()).expect("suggested");
        let reasons: Vec<&str> = best["reasons"].as_array().expect("reasons").iter().filter_map(|r| r["reason"].as_str()).collect();
        for want in ["shared_themes", "shared_language", "preferred_city"] {
            assert!(reasons.contains(&want), "{want} in {reasons:?}");
        }
        assert!(!reasons.contains(&"cross_border"), "Saarbrücken and Trier are both in Germany");
        assert_eq!(best["days"]["start"], day(10));
        // The page shows them with their reasons, and the host sees the open request.
        c.get(&format!("/de/visits/{id}"))
            .await
            .assert(StatusCode::OK)
            .contains("Passende Hospitationen")
            .contains("Gemeinsame Themen: ")
            .contains("In einer Stadt, die Sie bevorzugen");
        let mut host = t.signed_in(HOST.0, HOST.1).await;
        host.get(&format!("/de/placements/{fitting}"))
            .await
            .assert(StatusCode::OK)
            .contains("Offene Anfragen, die passen würden")
            .contains("Jugendliche in Ausbildung begleiten.");
        // Choosing one sends the request to its host.
        c.post_form(&format!("/de/visits/{id}/choose"), &[("placement", fitting.as_str())])
            .await
            .assert(StatusCode::SEE_OTHER);
        let v = t.app.visit(&member, id).await.expect("visit");
        assert_eq!(v.row.status, "requested");
        assert_eq!(v.row.window_start.as_deref(), Some(day(10).as_str()));
        assert_eq!(v.row.length_days, 2, "the stay is the placement's length");
        // The page's form makes open requests too, its numbers typed as text.
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        let (start, end) = (day(5), day(60));
        let r = editor
            .post_form("/fr/visits", &[("start", start.as_str()), ("end", end.as_str()), ("length_days", "3"),
                ("cities", "trier"), ("languages", "fr"), ("themes", "youth"), ("goal", "Apprendre.")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let own = t.app.visit(&actor(&t.app, EDITOR).await, visit_id(r.header("location"))).await.expect("open request");
        assert_eq!((own.row.status.as_str(), own.row.length_days, own.row.cities.as_str()), ("open", 3, "trier"));
    }

    async fn reports_are_found_by_search_through_the_change_log(db) {
        let t = TestApp::demo(db).await;
        t.app.open_search().await.expect("index");
        let found = |v: serde_json::Value| -> Vec<String> {
            v["results"].as_array().into_iter().flatten()
                .filter(|h| h["type"] == "report")
                .filter_map(|h| h["url"].as_str().map(str::to_owned)).collect()
        };
        // The demo's published report (in French) is public.
        let mut anyone = t.client();
        let urls = found(anyone.get("/api/v1/search?q=simulations%20d%27entretien&type=report").await.json());
        assert!(urls.iter().any(|u| u.contains("/reports/")), "{urls:?}");
        // A report written and kept for members is found by members only, as soon as it is saved.
        let slug = cafe_placement(&t.app, "Bericht gesucht", &[(-3, 30)], 2).await;
        let editor = actor(&t.app, EDITOR).await;
        let host = actor(&t.app, HOST).await;
        let id = t.app.request_visit(&editor, &request(&slug, 0, 10)).await.expect("request");
        t.app.step_visit(&host, id, Step::Accept, "").await.expect("accept");
        let items: Vec<i64> = t.app.checklist().await.expect("items").iter().map(|i| i.id).collect();
        t.app.confirm_checklist(&editor, id, &items).await.expect("visitor");
        t.app.confirm_checklist(&host, id, &items).await.expect("host");
        let plan = ScheduleForm { start: day(0), end: day(1), meeting_point: "Café".into(), ..Default::default() };
        t.app.schedule_visit(&host, id, &plan).await.expect("schedule");
        t.app.step_visit(&editor, id, Step::Complete, "").await.expect("done");
        let report = ReportForm {
            lang: "fr".into(),
            saw: "Une permanence juridique itinérante.".into(),
            worked: "b".into(),
            take_home: "c".into(),
            intention: "consider".into(),
            ..Default::default()
        };
        t.app.save_report(&editor, id, &report).await.expect("report");
        assert!(found(anyone.get("/api/v1/search?q=permanence%20itin%C3%A9rante&type=report").await.json()).is_empty());
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        let urls = found(member.get("/api/v1/search?q=permanence%20itin%C3%A9rante&type=report").await.json());
        assert!(urls.iter().any(|u| u.ends_with(&format!("/reports/{id}"))), "{urls:?}");
    }

    async fn coordinators_set_the_checklist_and_the_demo_has_every_state(db) {
        let t = TestApp::demo(db).await;
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coordinator
            .get("/fr/exchange/checklist")
            .await
            .assert(StatusCode::OK)
            .contains("L’employeur du visiteur approuve la visite.");
        coordinator
            .post_form("/fr/exchange/checklist", &[("text_de", ""), ("text_fr", " ")])
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("ce champ est obligatoire.")
            .contains("href=\"#text_de\"");
        coordinator
            .post_form("/fr/exchange/checklist", &[("text_fr", "Le visiteur a lu la charte du réseau.")])
            .await
            .assert(StatusCode::SEE_OTHER);
        let items = t.app.checklist().await.expect("items");
        assert_eq!(items.len(), 5);
        let insurance = items.iter().find(|i| i.item_key.as_deref() == Some("insurance")).expect("insurance");
        coordinator
            .post_form(&format!("/fr/exchange/checklist/{}", insurance.id), &[("active", "0")])
            .await
            .assert(StatusCode::SEE_OTHER);
        // The English page shows the added item in French, the only language it was written in.
        coordinator
            .get("/en/exchange/checklist")
            .await
            .assert(StatusCode::OK)
            .contains("Le visiteur a lu la charte du réseau.")
            .contains("No longer asked for");
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor.get("/en/exchange/checklist").await.assert(StatusCode::FORBIDDEN);
        // The demo has a visit in every state; coordinators see them all.
        let r = coordinator.get("/api/v1/visits?limit=200").await;
        r.assert(StatusCode::OK);
        let mut states: Vec<String> = r.json()["items"].as_array().expect("items").iter()
            .map(|v| v["status"].as_str().unwrap_or_default().to_owned()).collect();
        states.sort();
        states.dedup();
        assert_eq!(states, ["accepted", "cancelled", "declined", "done", "open", "reported", "requested", "scheduled"]);
        coordinator.get("/de/visits").await.assert(StatusCode::OK).contains("Storniert");
        // The same through the API.
        let r = coordinator.json(Method::POST, "/api/v1/visits/checklist", &serde_json::json!({"text_en": "The visitor has read the network's charter."})).await;
        r.assert(StatusCode::CREATED);
        assert_eq!(r.json().as_array().map(Vec::len), Some(6));
        editor
            .json(Method::POST, "/api/v1/visits/checklist", &serde_json::json!({"text_en": "x"}))
            .await
            .assert(StatusCode::FORBIDDEN);
        let r = coordinator
            .json(Method::PUT, &format!("/api/v1/visits/checklist/{}", insurance.id), &serde_json::json!({"active": true}))
            .await;
        r.assert(StatusCode::OK);
        assert!(r.json().as_array().is_some_and(|items| items.iter().all(|i| i["active"] == true)));
        let mut anyone = t.client();
        anyone.headers.push(("accept-language".into(), "de".into()));
        let r = anyone.get("/api/v1/visits/checklist").await;
        assert!(r.body.contains("Der Arbeitgeber des Gastes ist mit dem Besuch einverstanden."), "{}", r.body);
        // The matrix as data: the demo's Saarbrücken → Trier visit is done.
        let m = anyone.get("/api/v1/visits/matrix").await.json();
        let at = |slug: &str| m["cities"].as_array().and_then(|c| c.iter().position(|c| c["slug"] == slug)).expect("city");
        assert_eq!(m["done"][at("saarbruecken")][at("trier")], 1, "{m}");
    }
}

/// The steps of a visit are mailed to the other side in their language; a scheduled visit comes
/// with a calendar invitation, and its cancellation with METHOD:CANCEL for the same UID.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_step_is_mailed_with_the_calendar_entry_when_there_is_one() {
    let smtp = crate::smtp::Receiver::start().await;
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let t = TestApp::with_config(Db::Sqlite, |c| c.smtp_url = Some(url)).await;
    t.app.load_demo().await.expect("demo");
    let slug = cafe_placement(&t.app, "Mit Einladung", &[(5, 30)], 2).await;
    let editor = actor(&t.app, EDITOR).await;
    let host = actor(&t.app, HOST).await;
    let id = t
        .app
        .request_visit(&editor, &request(&slug, 5, 30))
        .await
        .expect("request");
    let to_host = smtp.next_message().await;
    assert!(
        to_host.recipients.iter().any(|r| r.contains(HOST.0)),
        "{to_host:?}"
    );
    assert!(to_host.data.contains(&format!("/visits/{id}")));
    t.app
        .step_visit(&host, id, Step::Accept, "Bienvenue")
        .await
        .expect("accept");
    let to_visitor = smtp.next_message().await;
    assert!(to_visitor.recipients.iter().any(|r| r.contains(EDITOR.0)));
    let items: Vec<i64> = t
        .app
        .checklist()
        .await
        .expect("items")
        .iter()
        .map(|i| i.id)
        .collect();
    t.app
        .confirm_checklist(&editor, id, &items)
        .await
        .expect("visitor confirms");
    t.app
        .confirm_checklist(&host, id, &items)
        .await
        .expect("host confirms");
    let plan = ScheduleForm {
        start: day(6),
        end: day(7),
        start_time: "09:30".into(),
        end_time: "16:00".into(),
        meeting_point: "Café Bär; Eingang, Hof".into(),
        agenda: String::new(),
    };
    t.app
        .schedule_visit(&host, id, &plan)
        .await
        .expect("schedule");
    let invitation = smtp.next_message().await;
    let ics = calendar_part(&invitation.data);
    assert!(ics.contains("METHOD:REQUEST"), "{ics}");
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = parser.next().expect("a calendar").expect("it parses");
    let event = &cal.events[0];
    let value = |name: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        value("UID").split('@').next(),
        Some(format!("visit-{id}").as_str())
    );
    assert_eq!(value("LOCATION"), "Café Bär\\; Eingang\\, Hof");
    let sequence = value("SEQUENCE");
    t.app
        .step_visit(&editor, id, Step::Cancel, "Krank.")
        .await
        .expect("cancel");
    let cancellation = smtp.next_message().await;
    assert!(cancellation.recipients.iter().any(|r| r.contains(HOST.0)));
    let ics = calendar_part(&cancellation.data);
    assert!(
        ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED"),
        "{ics}"
    );
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = parser.next().expect("a calendar").expect("it parses");
    let later = cal.events[0]
        .properties
        .iter()
        .find(|p| p.name == "SEQUENCE")
        .and_then(|p| p.value.clone())
        .unwrap_or_default();
    assert!(
        later.parse::<u32>().unwrap_or(0) > sequence.parse::<u32>().unwrap_or(0),
        "{sequence} then {later}"
    );
    let body = cancellation.data.replace("=\n", "").replace("=\r\n", "");
    assert!(
        body.contains("Krank."),
        "the reason is in the notice: {body}"
    );
}

/// The text/calendar part of a MIME message, decoded when it was sent as quoted-printable or
/// base64.
fn calendar_part(data: &str) -> String {
    let data = data.replace("\r\n", "\n");
    let start = data
        .find("Content-Type: text/calendar")
        .expect("a calendar part");
    let part = &data[start..];
    let header_end = part.find("\n\n").expect("part headers");
    let headers = &part[..header_end];
    let body = &part[header_end + 2..];
    let body = &body[..body.find("\n--").unwrap_or(body.len())];
    if headers.contains("base64") {
        use base64::Engine;
        let joined: String = body.split_whitespace().collect();
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(joined)
                .expect("base64"),
        )
        .expect("utf-8")
    } else if headers.contains("quoted-printable") {
        quoted_printable::decode(body.as_bytes(), quoted_printable::ParseMode::Robust)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .expect("quoted-printable")
    } else {
        body.to_owned()
    }
}

/// Three months after a report, the visitor is asked what came of it, once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_visitor_is_asked_what_came_of_it_three_months_later() {
    let smtp = crate::smtp::Receiver::start().await;
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let t = TestApp::with_config(Db::Sqlite, |c| c.smtp_url = Some(url)).await;
    t.app.load_demo().await.expect("demo");
    let now = passerelle::storage::now();
    assert_eq!(t.app.send_follow_ups(now).await.expect("none due"), 0);
    // The demo's reported visit is Dounia's; ninety-two days on, it is due.
    let later = now + 92 * 86_400;
    assert_eq!(t.app.send_follow_ups(later).await.expect("sent"), 1);
    let mail = smtp.next_message().await;
    assert!(mail.recipients.iter().any(|r| r.contains(EDITOR.0)));
    let body = mail.data.replace("=\n", "").replace("=\r\n", "");
    assert!(body.contains("/report"), "{body}");
    assert_eq!(t.app.send_follow_ups(later).await.expect("not twice"), 0);
    // Saying what came of it is part of the report form.
    let editor = actor(&t.app, EDITOR).await;
    let visits = t
        .app
        .visits(&editor, &Default::default())
        .await
        .expect("visits");
    let reported = visits
        .items
        .iter()
        .find(|v| v.status == "reported")
        .expect("reported");
    let mut form = ReportForm {
        lang: "fr".into(),
        saw: "a".into(),
        worked: "b".into(),
        take_home: "c".into(),
        intention: "adopt".into(),
        outcome: "Nous avons lancé les simulations d'entretien.".into(),
        ..Default::default()
    };
    t.app
        .save_report(&editor, reported.id, &form)
        .await
        .expect("outcome saved");
    let (_, r) = t.app.report(&editor, reported.id).await.expect("report");
    assert_eq!(r.intention, "adopt");
    form.intention = "maybe".into();
    assert!(matches!(
        t.app.save_report(&editor, reported.id, &form).await,
        Err(passerelle::app::Error::Invalid(_))
    ));
}

/// Two servers on one PostgreSQL database run the follow-up job at the same moment: the
/// question goes out once, because each is claimed in the database before it is sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_ask_the_follow_up_question_once() {
    let smtp = crate::smtp::Receiver::start().await;
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let a = TestApp::with_config(Db::Postgres, |c| c.smtp_url = Some(url)).await;
    a.app.load_demo().await.expect("demo");
    let b = passerelle::app::App::new(a.app.config().clone())
        .await
        .expect("second server");
    let later = passerelle::storage::now() + 92 * 86_400;
    let (from_a, from_b) = tokio::join!(a.app.send_follow_ups(later), b.send_follow_ups(later));
    assert_eq!(
        from_a.expect("server A") + from_b.expect("server B"),
        1,
        "the one due question, sent by one of the two"
    );
    smtp.next_message().await;
    assert!(
        tokio::time::timeout(std::time::Duration::from_secs(2), smtp.next_message())
            .await
            .is_err(),
        "a second message arrived"
    );
}
