//! The home page: the showcase for the public, the desk for members.

use axum::http::StatusCode;

use crate::helpers::*;

/// The tasks section of a desk page.
fn tasks(body: &str) -> String {
    let start = body.find("id=\"desk-tasks\"").expect("a desk");
    let end = body[start..]
        .find("</section>")
        .map_or(body.len(), |e| start + e);
    body[start..end].to_owned()
}

/// The links of a desk's tasks.
fn task_links(body: &str) -> Vec<String> {
    tasks(body)
        .split("<a href=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or("").to_owned())
        .collect()
}

both! {
    async fn the_public_home_says_what_passerelle_is_and_shows_only_what_is_public(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        let home = c.get("/en/").await;
        home.assert(StatusCode::OK)
            .contains("learning from each other across borders")
            .contains("What are you looking for?")
            .contains("<input id=\"home-q\" name=\"q\" type=\"search\"")
            .contains("New practices")
            .contains("href=\"/en/practices/refugee-student-buddies")
            .contains("Open placements")
            .contains("href=\"/en/placements/buergerhaus-trier-nord\"")
            .contains("Cities of the network")
            .lacks("id=\"desk-tasks\"");
        // A draft and a practice in review stay out of the public's home.
        home.lacks("Accès à la langue et à la formation").lacks("Rencontres interculturelles");
        c.get("/fr/").await.assert(StatusCode::OK).contains("Que cherchez-vous\u{a0}?").contains("Nouvelles pratiques");
        c.get("/de/").await.assert(StatusCode::OK).contains("Wonach suchen Sie?").contains("Offene Hospitationen");
    }

    async fn a_new_instance_has_a_home_that_says_there_is_nothing_yet(db) {
        let t = TestApp::new(db).await;
        t.client().get("/en/").await.assert(StatusCode::OK)
            .contains("No practice is published yet.")
            .contains("No placement is offered at the moment.")
            .contains("No call is open.");
    }

    async fn a_members_desk_lists_what_awaits_them_and_every_task_leads_somewhere(db) {
        let t = TestApp::demo(db).await;
        // A coordinator is asked to find a reviewer; a member of another city to finish a review
        // and write the report of a visit that took place.
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let desk = coordinator.get("/en/").await;
        desk.assert(StatusCode::OK).contains("My desk");
        let list = tasks(&desk.body);
        assert!(list.contains("Rencontres interculturelles") && list.contains("waits for a reviewer from another city"), "{list}");
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        let desk = member.get("/en/").await;
        let list = tasks(&desk.body);
        assert!(list.contains("your opinion is due"), "{list}");
        assert!(list.contains("visit done: write the learning report") && list.contains("/report\""), "{list}");
        // The host's editor is asked to confirm the agreement, not to review their own practice.
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        let desk = editor.get("/fr/").await;
        desk.assert(StatusCode::OK).contains("Mon espace de travail");
        let list = tasks(&desk.body);
        assert!(list.contains("tâche vous attend") && list.contains("liste de contrôle"), "{list}");
        assert!(!list.contains("Rencontres interculturelles"), "{list}");
        // Every task leads to a page its reader may open.
        for (client, lang) in [(&mut coordinator, "en"), (&mut member, "en"), (&mut editor, "fr")] {
            let desk = client.get(&format!("/{lang}/")).await;
            let links = task_links(&desk.body);
            assert!(!links.is_empty());
            for link in links {
                client.get(&link).await.assert(StatusCode::OK);
            }
        }
        // The administrator belongs to no organisation: what waits is the demo's practice that its
        // reviewer recommends, to publish.
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        let desk = admin.get("/en/").await;
        let list = tasks(&desk.body);
        assert!(list.contains("ready to publish") && list.contains("Kaiserslautern"), "{list}");
    }

    async fn no_button_offers_what_cannot_be_done_now(db) {
        let t = TestApp::demo(db).await;
        // Visit 5 is scheduled for a day in 2027: nobody may record yet that it took place.
        let mut visitor = t.signed_in(EDITOR.0, EDITOR.1).await;
        visitor.get("/en/visits/5").await.assert(StatusCode::OK).contains("Scheduled").lacks("value=\"complete\"");
        let api = visitor.get("/api/v1/visits/5").await;
        assert!(!api.body.contains("\"complete\""), "{}", api.body);
        visitor.get("/en/visits/5").await;
        visitor.post_form("/en/visits/5/step", &[("step", "complete")]).await
            .assert(StatusCode::CONFLICT).contains("The visit has not started yet.");
        // A call closed early is shown closed for requests, on its page and in the list.
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let deadline = (time::OffsetDateTime::now_utc().date() + time::Duration::days(5)).to_string();
        let body = serde_json::json!({"title": "Herbst", "deadline": deadline, "placements": ["buergerhaus-trier-nord"]});
        let r = coordinator.json(axum::http::Method::POST, "/api/v1/calls", &body).await;
        r.assert(StatusCode::CREATED);
        let slug = r.json()["slug"].as_str().expect("slug").to_owned();
        let page = format!("/en/calls/{slug}");
        coordinator.get(&page).await.assert(StatusCode::OK).contains("<span class=\"badge\">Open</span>");
        coordinator.json(axum::http::Method::POST, &format!("/api/v1/calls/{slug}/close"), &serde_json::json!({})).await.assert(StatusCode::OK);
        let closed = "<span class=\"badge\">Closed for requests, allocation to come</span>";
        coordinator.get(&page).await.assert(StatusCode::OK).contains(closed);
        coordinator.get("/en/calls").await.assert(StatusCode::OK).contains(closed);
    }

    async fn administrators_write_the_imprint_and_privacy_notice_in_each_language(db) {
        let t = TestApp::new(db).await;
        let mut anyone = t.client();
        // A new instance shows the built-in texts, linked from every page's footer.
        let home = anyone.get("/de/").await;
        home.assert(StatusCode::OK).contains("href=\"/de/imprint\"").contains("href=\"/de/privacy\"");
        anyone.get("/de/privacy").await.assert(StatusCode::OK).contains("Was Passerelle speichert").contains("passerelle_session");
        anyone.get("/fr/imprint").await.assert(StatusCode::OK).contains("Mentions légales").contains("pas encore écrit le sien").lacks("/fr/imprint/edit");
        anyone.get("/en/imprint/edit").await.assert(StatusCode::UNAUTHORIZED);
        let passerelle::app::NewAccount::Password(password) = t.app.add_user("root@example.org", "admin", None, false).await.expect("admin") else {
            panic!("a password was expected")
        };
        let mut admin = t.signed_in("root@example.org", &password).await;
        admin.get("/en/imprint").await.contains("href=\"/en/imprint/edit\"");
        admin.get("/en/imprint/edit").await.assert(StatusCode::OK);
        // Too long: the form comes back filled in, naming the language; nothing is written.
        let long = "x".repeat(20_001);
        admin.post_form("/en/imprint/edit", &[("de", "Stadt Trier"), ("fr", long.as_str()), ("en", "")]).await
            .assert(StatusCode::UNPROCESSABLE_ENTITY).contains("Stadt Trier").contains("id=\"fr-error\"").contains("French: at most 20000 characters").lacks("Unknown localization key");
        anyone.get("/de/imprint").await.lacks("Stadt Trier");
        let r = admin.post_form("/en/imprint/edit", &[("de", "Betrieben von der **Stadt Trier**. <script>x</script>"), ("fr", "Exploité par la ville de Trèves."), ("en", "")]).await;
        r.assert(StatusCode::SEE_OTHER);
        anyone.get("/de/imprint").await.assert(StatusCode::OK).contains("<strong>Stadt Trier</strong>").lacks("<script>x").lacks("noch keinen eigenen");
        // English has none of its own: the first written language shows, marked as such.
        anyone.get("/en/imprint").await.assert(StatusCode::OK).contains("class=\"prose\" lang=\"de\"").contains("Stadt Trier");
        // An empty language goes back to the built-in text once every language is empty.
        admin.post_form("/en/imprint/edit", &[("de", ""), ("fr", ""), ("en", "")]).await.assert(StatusCode::SEE_OTHER);
        anyone.get("/de/imprint").await.contains("noch keinen eigenen");
    }
}

both! {
    async fn forms_name_organisations_people_and_practices_never_by_slug(db) {
        let t = TestApp::demo(db).await;
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        // The editor's organisation is chosen by its name; names are offered as one types.
        editor.get("/fr/practices/new").await.assert(StatusCode::OK)
            .contains("value=\"Association Dounia\"").lacks("value=\"association-dounia\"")
            .contains("<datalist id=\"organisations-options\">").contains("list=\"contacts-options\"")
            .contains("<option value=\"Projektleitung, Café Bär Trier-West\">");
        let fields = |contact: &'static str| vec![("lang", "fr"), ("title", "Jardins du Sablon"),
            ("summary", "Des voisins cultivent ensemble des parcelles. Les nouveaux arrivants y trouvent des contacts."),
            ("city", "metz"), ("organisations", "association dounia"), ("organisations", ""),
            ("contacts", contact), ("contacts", ""), ("period_start", "2019"), ("ongoing", "true")];
        // A name that is nobody's comes back named, in the reader's language, the form filled in.
        let bad = editor.post_form("/fr/practices", &fields("Fatima Benali")).await;
        bad.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("href=\"#contacts\"")
            .contains("rien ne s’appelle «\u{a0}Fatima Benali\u{a0}»").contains("value=\"Fatima Benali\"")
            .contains("value=\"association dounia\"");
        // Part of a name is not the name.
        editor.post_form("/fr/practices", &fields("Projektleitung")).await.assert(StatusCode::UNPROCESSABLE_ENTITY);
        // A name with a comma in it is one person, found whatever its case and however its
        // umlaut is spelled.
        editor.post_form("/fr/practices", &fields("projektleitung, cafe baer trier-west")).await.assert(StatusCode::SEE_OTHER);
        let page = editor.get("/fr/practices/jardins-du-sablon").await;
        page.assert(StatusCode::OK).contains(">Projektleitung, Café Bär Trier-West</a>").contains(">Association Dounia</a>");
        editor.get("/fr/practices/jardins-du-sablon/edit").await
            .contains("value=\"Projektleitung, Café Bär Trier-West\"").lacks("value=\"projektleitung-cafe-baer\"");
        // A namesake joins the directory: both are offered and shown with their address, the form
        // that names the first saves again, and the bare name says it is ambiguous.
        let namesake = passerelle::domain::directory::PersonForm {
            name: "Projektleitung, Café Bär Trier-West".into(),
            organisation: "association-dounia".into(),
            ..Default::default()
        };
        let other = t.app.create_person(&passerelle::domain::Actor::System, &namesake).await.expect("namesake");
        editor.get("/fr/practices/jardins-du-sablon/edit").await
            .contains("value=\"Projektleitung, Café Bär Trier-West (projektleitung-cafe-baer)\"")
            .contains(&format!("<option value=\"Projektleitung, Café Bär Trier-West ({other})\">"));
        let mut again = fields("Projektleitung, Café Bär Trier-West (projektleitung-cafe-baer)");
        again.push(("version", "1"));
        editor.post_form("/fr/practices/jardins-du-sablon", &again).await.assert(StatusCode::SEE_OTHER);
        let mut bare = fields("Projektleitung, Café Bär Trier-West");
        bare.push(("version", "2"));
        editor.post_form("/fr/practices/jardins-du-sablon", &bare).await.assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("value=\"Projektleitung, Café Bär Trier-West\"");
        editor.get("/fr/practices/jardins-du-sablon").await.contains("href=\"/fr/people/projektleitung-cafe-baer\"");

        // A coordinator chooses a reviewer among those who may review it (from another city).
        editor.post_form("/fr/practices/jardins-du-sablon/step/submit", &[]).await.assert(StatusCode::SEE_OTHER);
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let page = coordinator.get("/en/practices/jardins-du-sablon").await;
        page.contains("<select id=\"reviewer\" name=\"reviewer\" required>")
            .contains(&format!("<option value=\"{}\">", MEMBER.0))
            .lacks(&format!("<option value=\"{}\">", EDITOR.0));
        coordinator.post_form("/en/practices/jardins-du-sablon/assign", &[("reviewer", MEMBER.0)]).await.assert(StatusCode::SEE_OTHER);

        // Related practices are shown and chosen by their titles.
        let placement = t.client().get("/en/placements/bewerbungstraining-cafe-baer").await;
        placement.assert(StatusCode::OK)
            .contains(">Café Bär in Trier-West: Qualifizierung, Beratung und Begegnung unter einem Dach</a>")
            .lacks(">cafe-baer-qualifizierung-trier-west<");
        coordinator.get("/de/placements/bewerbungstraining-cafe-baer/edit").await.assert(StatusCode::OK)
            .contains("value=\"Café Bär in Trier-West: Qualifizierung, Beratung und Begegnung unter einem Dach\"")
            // The contact has a namesake now (above): shown with its address.
            .contains("value=\"Projektleitung, Café Bär Trier-West (projektleitung-cafe-baer)\"");
    }
}

both! {
    async fn a_page_number_far_past_the_end_is_an_empty_page_not_an_error(db) {
        let t = TestApp::demo(db).await;
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        for list in ["notices", "practices", "reports", "calls", "visits", "placements", "people", "organisations", "admin/audit"] {
            admin.get(&format!("/en/{list}?page={}", i64::MAX)).await.assert(StatusCode::OK);
        }
    }
}

both! {
    async fn the_desk_says_what_is_new_since_the_last_visit(db) {
        let t = TestApp::demo(db).await;
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&t.app.config().database_url()).await.expect("database");
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        // First seen now: what is new is the last week's, the whole demo.
        let desk = member.get("/en/").await;
        desk.assert(StatusCode::OK).contains("New since").contains("practices published")
            .contains("<a href=\"/en/reports\">").contains("new learning report");
        // A visit that ended two hours ago, before which nothing new came: nothing new since.
        let two_hours_ago = passerelle::storage::now() - 7_200;
        for sql in [
            format!("UPDATE users SET seen_at = {two_hours_ago} WHERE email = '{}'", MEMBER.0),
            format!("UPDATE practices SET published_at = {} WHERE published_at IS NOT NULL", two_hours_ago - 60),
            format!("UPDATE placements SET created_at = {}", two_hours_ago - 60),
            format!("UPDATE calls SET created_at = {}", two_hours_ago - 60),
            format!("UPDATE visit_reports SET created_at = {}", two_hours_ago - 60),
        ] {
            // Numbers and a constant address only.
            sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&pool).await.expect("age");
        }
        member.get("/fr/").await.contains("Nouveau depuis le").contains("Rien de nouveau dans le réseau depuis");
        // A coordinator opens a call: the member's desk says so, with a link to the calls, for
        // the rest of this visit.
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let placement = "bewerbungstraining-cafe-baer";
        coordinator
            .json(axum::http::Method::POST, "/api/v1/calls", &serde_json::json!({"title": "Neu", "deadline": (passerelle::app::today() + time::Duration::days(20)).to_string(), "placements": [placement]}))
            .await
            .assert(StatusCode::CREATED);
        for _ in 0..2 {
            let desk = member.get("/de/").await;
            desk.contains("1 neue Ausschreibung").contains("href=\"/de/calls\"");
        }
    }
}
