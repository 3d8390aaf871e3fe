//! Placements of the exchange programme: hosts publish them with their periods through the form
//! and the API, anyone finds the open ones with filters and in the calendar feed, on both
//! databases.

use axum::http::{Method, StatusCode};

use crate::helpers::*;

/// The form fields of a placement by Dounia (the demo editor's association in Metz).
fn dounia_form<'a>(title: &'a str, windows: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("organisation", "association-dounia"),
        ("lang", "fr"),
        ("title", title),
        (
            "description",
            "Deux jours avec l'équipe : accueil, permanence, atelier interculturel.",
        ),
        (
            "practical",
            "Gare de Metz à 10 minutes à pied ; repas pris en charge.",
        ),
        ("length_days", "2"),
        ("capacity", "2"),
        ("languages", "fr"),
        ("languages", "de"),
        ("themes", "participation"),
        ("status", "open"),
    ];
    for (start, end) in windows {
        f.push(("window_start", start));
        f.push(("window_end", end));
    }
    f
}

both! {
    async fn a_host_publishes_a_placement_through_the_form(db) {
        let t = TestApp::demo(db).await;
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor.get("/fr/placements/new").await.assert(StatusCode::OK);
        // A period that ends before it begins: the form comes back filled in, with the rule.
        let r = editor
            .post_form(
                "/fr/placements",
                &dounia_form("Rencontres à Dounia", &[("2027-05-20", "2027-05-10")]),
            )
            .await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("la période 1 se termine avant de commencer")
            .contains("value=\"Rencontres à Dounia\"")
            .contains("value=\"2027-05-20\"");
        let r = editor
            .post_form(
                "/fr/placements",
                &dounia_form(
                    "Rencontres à Dounia",
                    &[("2027-05-10", "2027-05-28"), ("", ""), ("2027-09-01", "2027-09-30")],
                ),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.header("location"), "/fr/placements/rencontres-a-dounia?done=created");
        let mut anyone = t.client();
        anyone
            .get("/de/placements/rencontres-a-dounia")
            .await
            .assert(StatusCode::OK)
            .contains("lang=\"fr\">Rencontres à Dounia")
            .contains("10. Mai 2027 bis 28. Mai 2027")
            .contains("1. September 2027 bis 30. September 2027")
            .contains("Association Dounia");
        // Its editor may change it; a member of another organisation may not.
        editor
            .get("/fr/placements/rencontres-a-dounia/edit")
            .await
            .assert(StatusCode::OK)
            .contains("value=\"2027-09-01\"");
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member
            .get("/en/placements/rencontres-a-dounia/edit")
            .await
            .assert(StatusCode::FORBIDDEN);
    }

    async fn anyone_finds_open_placements_by_theme_place_language_and_dates(db) {
        let t = TestApp::demo(db).await;
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor.get("/fr/placements/new").await;
        let r = editor
            .post_form("/fr/placements", &dounia_form("Atelier d'été", &[("2027-07-01", "2027-07-31")]))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mut c = t.client();
        let found = |body: &str| body.contains("Atelier d&#39;été") || body.contains("Atelier d'été");
        for (query, expected) in [
            ("", true),
            ("?theme=participation", true),
            ("?theme=health", false),
            ("?city=metz", true),
            ("?country=DE", false),
            ("?language=de", true),
            ("?language=pt", false),
            ("?from=2027-07-15&to=2027-08-15", true),
            ("?from=2027-08-01", false),
            ("?to=2027-06-30", false),
        ] {
            let r = c.get(&format!("/en/placements{query}")).await;
            r.assert(StatusCode::OK);
            assert_eq!(found(&r.body), expected, "{query}");
        }
        // A malformed number in the address gets the page in the reader's language, naming it.
        c.get("/de/placements?page=abc")
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("<html lang=\"de\">")
            .contains("page: invalid digit");
        c.get("/en/placements?from=July")
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("Possible from: write a day like 2027-05-03.");
        // The calendar feed has the period as whole days, linking back to the page.
        let r = c.get("/en/placements.ics").await;
        r.assert(StatusCode::OK);
        assert!(r.header("content-type").starts_with("text/calendar"));
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(r.body.as_bytes()));
        let cal = parser.next().expect("a calendar").expect("it parses");
        let event = cal
            .events
            .iter()
            .find(|e| e.properties.iter().any(|p| p.name == "URL"
                && p.value.as_deref().is_some_and(|v| v.ends_with("/en/placements/atelier-d-ete"))))
            .expect("the placement's period");
        let value = |name: &str| {
            event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
        };
        assert_eq!((value("DTSTART"), value("DTEND")), ("20270701".to_owned(), "20270801".to_owned()));
    }

    async fn the_api_checks_placements_whole_and_hides_closed_ones(db) {
        let t = TestApp::demo(db).await;
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let good = serde_json::json!({
            "organisation": "cafe-baer-trier-west",
            "lang": "de",
            "title": "Zwei Tage im Bewerbungstraining",
            "description": "Sie begleiten das Team beim Bewerbungstraining.",
            "length_days": "2",
            "capacity": "1",
            "languages": ["de"],
            "themes": ["employment"],
            "windows": [{"start": "2027-03-01", "end": "2027-03-12"}],
            "status": "closed"
        });
        let mut bad = good.clone();
        bad["length_days"] = "40".into();
        bad["windows"] = serde_json::json!([{"start": "2027-03-12", "end": "2027-03-01"}]);
        let r = coordinator.json(Method::POST, "/api/v1/placements", &bad).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        let fields = &r.json()["error"]["fields"];
        assert!(fields["length_days"].is_string() && fields["windows"].is_string(), "{fields}");
        let mut unknown = good.clone();
        unknown["themes"] = serde_json::json!(["no-such-theme"]);
        let r = coordinator.json(Method::POST, "/api/v1/placements", &unknown).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["error"]["fields"]["themes"].is_string());
        let r = coordinator.json(Method::POST, "/api/v1/placements", &good).await;
        r.assert(StatusCode::CREATED);
        let json = r.json();
        assert_eq!(json["slug"], "zwei-tage-im-bewerbungstraining");
        assert_eq!(json["windows"][0]["end"], "2027-03-12");
        // The same title again gets a slug of its own.
        let r = coordinator.json(Method::POST, "/api/v1/placements", &good).await;
        assert_eq!(r.json()["slug"], "zwei-tage-im-bewerbungstraining-2");
        // Closed: members see it, the public does not.
        let mut anyone = t.client();
        let slugs = |v: serde_json::Value| -> Vec<String> {
            v["items"].as_array().into_iter().flatten()
                .filter_map(|i| i["slug"].as_str().map(str::to_owned)).collect()
        };
        let ours = "zwei-tage-im-bewerbungstraining".to_owned();
        anyone.get("/api/v1/placements/zwei-tage-im-bewerbungstraining").await.assert(StatusCode::NOT_FOUND);
        assert!(!slugs(anyone.get("/api/v1/placements").await.json()).contains(&ours));
        // The demo's closed ZIB placement too.
        anyone.get("/api/v1/placements/hospitation-zib-saarbruecken").await.assert(StatusCode::NOT_FOUND);
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/api/v1/placements/zwei-tage-im-bewerbungstraining").await.assert(StatusCode::OK);
        // Nobody writes for an organisation that is not theirs.
        let r = member.json(Method::POST, "/api/v1/placements", &good).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["error"]["fields"]["organisation"].is_string());
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        let r = editor.json(Method::PUT, "/api/v1/placements/zwei-tage-im-bewerbungstraining", &good).await;
        r.assert(StatusCode::FORBIDDEN);
        anyone.json(Method::POST, "/api/v1/placements", &good).await.assert(StatusCode::UNAUTHORIZED);
        // A malformed parameter is a JSON field error, not a plain-text 400.
        let r = anyone.get("/api/v1/placements?limit=abc").await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["error"]["fields"]["limit"].is_string(), "{}", r.body);
        // Opened by a coordinator, the public finds it.
        let mut open = good.clone();
        open["status"] = "open".into();
        coordinator
            .json(Method::PUT, "/api/v1/placements/zwei-tage-im-bewerbungstraining", &open)
            .await
            .assert(StatusCode::OK);
        let de = slugs(anyone.get("/api/v1/placements?country=DE").await.json());
        assert!(de.contains(&ours) && de.contains(&"buergerhaus-trier-nord".to_owned()), "{de:?}");
        assert!(!slugs(anyone.get("/api/v1/placements?country=LU").await.json()).contains(&ours));
    }
}

both! {
    async fn placements_are_found_by_search_through_the_change_log(db) {
        let t = TestApp::demo(db).await;
        t.app.seed_glossary().await.expect("glossary");
        t.app.open_search().await.expect("index");
        let mut anyone = t.client();
        // The demo's open placement at the Luxembourg youth council, found from German words.
        let r = anyone.get("/api/v1/search?q=Jugendgemeinderat&type=placement&lang=de").await;
        r.assert(StatusCode::OK);
        let urls: Vec<String> = r.json()["results"].as_array().into_iter().flatten()
            .filter_map(|h| h["url"].as_str().map(str::to_owned)).collect();
        assert!(urls.iter().any(|u| u.ends_with("/placements/seance-conseil-communal-des-jeunes")), "{urls:?}");
        // A compound is marked once in a snippet, not once per part.
        let r = anyone.get("/api/v1/search?q=Jugendgemeinderat&lang=de&type=organisation").await;
        assert!(r.body.contains("<mark>Jugendgemeinderat</mark>") && !r.body.contains("</mark><mark>"), "{}", r.body);
        // The closed one is for members only.
        let closed = |v: serde_json::Value| v["results"].as_array().into_iter().flatten()
            .any(|h| h["url"].as_str().is_some_and(|u| u.ends_with("/placements/hospitation-zib-saarbruecken")));
        assert!(!closed(anyone.get("/api/v1/search?q=Hospitation&type=placement").await.json()));
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        assert!(closed(member.get("/api/v1/search?q=Hospitation&type=placement").await.json()));
        // A new placement is found as soon as it is saved.
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor.get("/fr/placements/new").await;
        let r = editor
            .post_form("/fr/placements", &dounia_form("Théâtre-forum interculturel", &[("2027-10-04", "2027-10-29")]))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = anyone.get("/api/v1/search?q=th%C3%A9%C3%A2tre-forum&type=placement&lang=fr").await;
        assert_eq!(r.json()["total"], 1, "{}", r.body);
    }
}

both! {
    async fn a_host_translates_its_placement_and_readers_get_their_language(db) {
        let t = TestApp::demo(db).await;
        t.app.open_search().await.expect("index");
        let slug = "bewerbungstraining-cafe-baer";
        let page = format!("/fr/placements/{slug}/translate");
        let mut host = t.signed_in(HOST.0, HOST.1).await;
        host.get(&page).await.assert(StatusCode::OK);
        // Not into the original's language; a translation needs a title; values are kept.
        host.post_form(&page, &[("lang", "de"), ("title", "Titel"), ("description", "Text")])
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("modifiez plutôt le stage");
        host.post_form(&page, &[("lang", "fr"), ("title", ""), ("description", "Deux jours d'atelier.")])
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("href=\"#title\"")
            .contains("Deux jours d&#39;atelier.</textarea>");
        let fields = [
            ("lang", "fr"),
            ("title", "Deux jours à l'atelier candidatures du Café Bär"),
            ("description", "Vous accompagnez l'équipe pendant l'atelier de candidatures."),
        ];
        host.post_form(&page, &fields).await.assert(StatusCode::SEE_OTHER);
        // French readers get the French version, with a link to the German original.
        let mut anyone = t.client();
        anyone
            .get(&format!("/fr/placements/{slug}"))
            .await
            .assert(StatusCode::OK)
            .contains("<h1 lang=\"fr\">Deux jours à l&#39;atelier candidatures du Café Bär</h1>")
            .contains("Lire l’original (allemand)");
        anyone
            .get(&format!("/fr/placements/{slug}?text=de"))
            .await
            .assert(StatusCode::OK)
            .contains("<h1 lang=\"de\">");
        anyone
            .get(&format!("/en/placements/{slug}"))
            .await
            .assert(StatusCode::OK)
            .contains("no translation into English yet");
        anyone.get("/fr/placements").await.assert(StatusCode::OK).contains("Deux jours à l&#39;atelier");
        // The translation is searched in its own language.
        let r = anyone.get("/api/v1/search?q=atelier%20candidatures&type=placement&lang=fr").await;
        assert!(r.body.contains(&format!("/placements/{slug}")), "{}", r.body);
        // A change to the original marks it outdated.
        let mut placement = anyone.get(&format!("/api/v1/placements/{slug}")).await.json();
        assert_eq!(placement["translations"][0]["status"], "human");
        placement["description"] = "Zwei Tage, jetzt mit Probegesprächen.".into();
        let mut form = serde_json::json!({});
        for key in ["organisation", "lang", "title", "description", "practical", "accessibility", "length_days",
                    "capacity", "languages", "themes", "practices", "contact", "windows", "status"] {
            form[key] = placement[key].clone();
        }
        form["organisation"] = "cafe-baer-trier-west".into();
        let r = host.json(Method::PUT, &format!("/api/v1/placements/{slug}"), &form).await;
        r.assert(StatusCode::OK);
        assert_eq!(r.json()["translations"][0]["status"], "outdated");
        anyone
            .get(&format!("/fr/placements/{slug}"))
            .await
            .assert(StatusCode::OK)
            .contains("L’original a été modifié depuis cette traduction.");
        // Only its hosts and coordinators translate it.
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member
            .json(Method::PUT, &format!("/api/v1/placements/{slug}/translation"), &serde_json::json!({"lang": "en", "title": "x", "description": "y"}))
            .await
            .assert(StatusCode::FORBIDDEN);
    }
}
