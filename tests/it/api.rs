//! The JSON API: listing with filters and pages, authentication by cookie or personal token,
//! permissions, field errors as 422 JSON, malformed JSON as 400, and the OpenAPI document.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

async fn token_for(t: &TestApp, who: (&str, &str)) -> String {
    let mut c = t.signed_in(who.0, who.1).await;
    c.get("/en/account").await;
    let r = c
        .post_form(
            "/en/account/tokens",
            &[("name", "script"), ("expires", "30")],
        )
        .await;
    r.assert(StatusCode::OK);
    r.body
        .split("class=\"token\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("token shown once")
        .to_owned()
}

fn bearer(t: &TestApp, token: &str) -> Client {
    let mut c = t.client();
    c.headers
        .push(("authorization".into(), format!("Bearer {token}")));
    c
}

fn org(name: &str) -> serde_json::Value {
    json!({"name": name, "kind": "association", "city": "saarbruecken", "lang": "de",
           "languages": ["de", "tr"], "themes": ["language"], "description": "Sprachcafé im Stadtteil."})
}

both! {
    async fn organisations_are_listed_with_filters_and_pages(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        let all = c.get("/api/v1/organisations?limit=5").await.assert(StatusCode::OK).json();
        assert_eq!(all["items"].as_array().map(Vec::len), Some(5));
        let total = all["total"].as_i64().expect("total");
        assert!(total >= 12, "{total}");
        let next = c.get("/api/v1/organisations?limit=5&offset=5").await.json();
        assert_ne!(all["items"][0]["slug"], next["items"][0]["slug"]);
        let metz = c.get("/api/v1/organisations?city=metz&circle=extended").await.json();
        let slugs: Vec<&str> = metz["items"].as_array().expect("items").iter().filter_map(|o| o["slug"].as_str()).collect();
        assert!(slugs.contains(&"association-dounia") && !slugs.contains(&"ville-de-metz"), "{slugs:?}");
        let one = c.get("/api/v1/organisations/association-dounia").await.assert(StatusCode::OK).json();
        assert_eq!(one["circle"], "extended");
        assert_eq!(one["descriptions"].as_array().map(Vec::len), Some(3));
        c.get("/api/v1/organisations/nope").await.assert(StatusCode::NOT_FOUND).json();
        c.get("/api/v1/cities").await.assert(StatusCode::OK);
        let lu = c.get("/api/v1/countries/lu").await.assert(StatusCode::OK).json();
        assert_eq!(lu["names"]["de"], "Luxemburg");
    }

    async fn the_public_api_never_shows_email_addresses(db) {
        let t = TestApp::demo(db).await;
        let public = t.client().get("/api/v1/people?limit=200").await.assert(StatusCode::OK).body.clone();
        assert!(!public.contains("@"), "an address leaked: {public}");
        let org = t.client().get("/api/v1/organisations/auslaenderbeirat-trier").await.body.clone();
        assert!(!org.contains(".example"), "{org}");
        let token = token_for(&t, MEMBER).await;
        let member = bearer(&t, &token).get("/api/v1/people/vorsitz-auslaenderbeirat-trier").await.json();
        assert_eq!(member["email"], "vorsitz@auslaenderbeirat-trier.example");
    }

    async fn target_groups_come_from_a_taxonomy_that_files_free_text_and_keeps_the_rest(db) {
        let t = TestApp::demo(db).await;
        // A practice written before the taxonomy: its free text is filed at the next migration.
        let url = t.app.config().database_url();
        let pool = sqlx::AnyPool::connect(&url).await.expect("database");
        sqlx::query("UPDATE practices SET target_groups = $1, target_group_note = '' WHERE slug = 'cafe-baer-qualifizierung-trier-west'")
            .bind(r#"["Arbeitsuchende","Neu  zugewanderte","Ausländerbeirat"]"#).execute(&pool).await.expect("legacy");
        sqlx::query("INSERT INTO target_groups_to_sort (practice_id) SELECT id FROM practices WHERE slug = 'cafe-baer-qualifizierung-trier-west'")
            .execute(&pool).await.expect("listed");
        passerelle::storage::Store::connect(&url).await.expect("store").migrate().await.expect("migrate");
        let mut public = t.client();
        let one = public.get("/api/v1/practices/cafe-baer-qualifizierung-trier-west").await.json();
        assert_eq!(one["target_groups"], json!(["jobseekers", "newcomers"]));
        assert_eq!(one["target_group_note"], "Ausländerbeirat");

        // The taxonomy, with its names in every language and its other names.
        let list = public.get("/api/v1/target-groups").await.assert(StatusCode::OK).json();
        let refugees = list.as_array().expect("list").iter().find(|g| g["key"] == "refugees").expect("refugees").clone();
        assert_eq!(refugees["labels"]["fr"], "Personnes réfugiées");
        assert!(refugees["synonyms"].as_array().expect("names").iter().any(|n| n == "Geflüchtete in Gemeinschaftsunterkünften"));
        public.get("/fr/target-groups").await.assert(StatusCode::OK).contains("Personnes réfugiées").lacks("name=\"synonyms\"");

        // Coordinators extend it (API and page); a wrong form names its fields and comes back filled in.
        let group = json!({"label_de": "Beiräte", "label_fr": "Conseils consultatifs", "label_en": "Advisory councils",
            "synonyms": "Ausländerbeirat; Integrationsbeirat"});
        bearer(&t, &token_for(&t, EDITOR).await).json(Method::PUT, "/api/v1/target-groups/advisory-councils", &group).await.assert(StatusCode::FORBIDDEN);
        let coord_token = token_for(&t, COORDINATOR).await;
        let mut api = bearer(&t, &coord_token);
        let bad = api.json(Method::PUT, "/api/v1/target-groups/Advisory%20Councils", &json!({"label_de": "Beiräte"})).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields = bad.json()["error"]["fields"].clone();
        assert!(fields["key"].is_string() && fields["label_fr"].is_string(), "{fields}");
        api.json(Method::PUT, "/api/v1/target-groups/advisory-councils", &group).await.assert(StatusCode::NO_CONTENT);
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/de/target-groups").await.contains("name=\"synonyms\"").contains("Ausländerbeirat; Integrationsbeirat");
        coord.post_form("/de/target-groups", &[("key", "x y"), ("label_de", "Lehrkräfte"), ("synonyms", "Lehrer")]).await
            .assert(StatusCode::UNPROCESSABLE_ENTITY).contains("value=\"Lehrkräfte\"").contains(">Lehrer</textarea>").contains("href=\"#key\"");

        // A practice written through the API names groups in any language: names are filed under
        // their keys (the new group's other names included), the rest becomes the note.
        let editor = token_for(&t, EDITOR).await;
        let body = json!({"title": "Sprachcafé", "summary": "Ehrenamtliche leiten Gesprächsrunden. Alle üben in ihrem Tempo.",
            "lang": "fr", "city": "metz", "organisations": ["association-dounia"],
            "target_groups": ["Primo-arrivants", "women", "Integrationsbeirat", "Personnes sans domicile"],
            "target_group_note": "Familles du quartier; Réfugiés"});
        let created = bearer(&t, &editor).json(Method::POST, "/api/v1/practices", &body).await.assert(StatusCode::CREATED).json();
        // A group named in the note is filed too.
        assert_eq!(created["target_groups"], json!(["newcomers", "women", "advisory-councils", "refugees"]));
        assert_eq!(created["target_group_note"], "Familles du quartier; Personnes sans domicile");
        coord.get("/en/practices/sprachcafe").await.contains("<li class=\"tag\">Advisory councils</li>")
            .contains("<p class=\"meta\" lang=\"fr\">Familles du quartier; Personnes sans domicile</p>");
        // A bad name is the groups' error, not the note's; too many names are refused before any
        // is looked at.
        let mut bad = body.clone();
        bad["title"] = json!("Sprachcafé 3");
        bad["target_groups"] = json!(["a\u{1}b"]);
        let r = bearer(&t, &editor).json(Method::POST, "/api/v1/practices", &bad).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        let fields = r.json()["error"]["fields"].clone();
        assert!(fields["target_groups"].is_string() && fields["target_group_note"].is_null(), "{fields}");
        bad["target_groups"] = json!(["Line\nbreak"]);
        let r = bearer(&t, &editor).json(Method::POST, "/api/v1/practices", &bad).await;
        assert!(r.assert(StatusCode::UNPROCESSABLE_ENTITY).json()["error"]["fields"]["target_groups"].is_string(), "{}", r.body);
        // Empty values do not count, and do not keep the rest from being filed.
        let mut padded: Vec<String> = vec![String::new(); 200];
        padded.extend(["Migranten".to_owned(), "Grandparents".to_owned()]);
        bad["target_groups"] = json!(padded);
        let r = bearer(&t, &editor).json(Method::POST, "/api/v1/practices", &bad).await;
        let created = r.assert(StatusCode::CREATED).json();
        assert_eq!((created["target_groups"].clone(), created["target_group_note"].clone()), (json!(["migrants", "refugees"]), json!("Familles du quartier; Grandparents")));
        // Names the note cannot hold are the groups' error, not the note's.
        bad["title"] = json!("Sprachcafé 5");
        bad["target_groups"] = json!((0..30).map(|i| format!("Eine lange, unbekannte Gruppe Nummer {i}")).collect::<Vec<_>>());
        let r = bearer(&t, &editor).json(Method::POST, "/api/v1/practices", &bad).await;
        let fields = r.assert(StatusCode::UNPROCESSABLE_ENTITY).json()["error"]["fields"].clone();
        assert!(fields["target_groups"].is_string() && fields["target_group_note"].is_null(), "{fields}");
        bad["title"] = json!("Sprachcafé 4");
        bad["target_groups"] = json!((0..5000).map(|i| format!("g{i}")).collect::<Vec<_>>());
        let r = bearer(&t, &editor).json(Method::POST, "/api/v1/practices", &bad).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["error"]["fields"]["target_groups"].as_str().expect("named").contains("20"), "{}", r.body);

        // A key or name another group has is refused, naming it; a key always files under its group.
        let r = api.json(Method::PUT, "/api/v1/target-groups/eltern", &json!({"label_de": "Elterncafé", "label_fr": "Café des parents",
            "label_en": "Parents' café", "synonyms": ""})).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["error"]["fields"]["key"].as_str().expect("key").contains("families"), "{}", r.body);
        let r = api.json(Method::PUT, "/api/v1/target-groups/girls", &json!({"label_de": "Mädchen", "label_fr": "Filles",
            "label_en": "Women", "synonyms": "Jugendliche"})).await;
        let fields = r.assert(StatusCode::UNPROCESSABLE_ENTITY).json()["error"]["fields"].clone();
        assert!(fields["label_en"].is_string() && fields["synonyms"].is_string() && fields["label_de"].is_null(), "{fields}");
        // Renaming keeps what it is not told to change only when the form says so: "Change"
        // fills the form with the group as it is, other names included.
        coord.get("/en/target-groups?edit=advisory-councils").await
            .contains("value=\"advisory-councils\"").contains(">Ausländerbeirat; Integrationsbeirat</textarea>");
    }

    async fn writes_need_the_right_role(db) {
        let t = TestApp::demo(db).await;
        t.client().json(Method::POST, "/api/v1/organisations", &org("Sprachcafé Malstatt")).await.assert(StatusCode::UNAUTHORIZED).json();
        let member = token_for(&t, MEMBER).await;
        let r = bearer(&t, &member).json(Method::POST, "/api/v1/organisations", &org("Sprachcafé Malstatt")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(r.json()["error"]["code"], "forbidden");
        let coord = token_for(&t, COORDINATOR).await;
        let mut c = bearer(&t, &coord);
        let created = c.json(Method::POST, "/api/v1/organisations", &org("Sprachcafé Malstatt")).await.assert(StatusCode::CREATED).json();
        assert_eq!(created["slug"], "sprachcafe-malstatt");
        let mut changed = org("Sprachcafé Malstatt e.V.");
        changed["slug"] = json!("sprachcafe-malstatt");
        let updated = c.json(Method::PUT, "/api/v1/organisations/sprachcafe-malstatt", &changed).await.assert(StatusCode::OK).json();
        assert_eq!(updated["name"], "Sprachcafé Malstatt e.V.");
        let editor = token_for(&t, EDITOR).await;
        bearer(&t, &editor).json(Method::PUT, "/api/v1/organisations/sprachcafe-malstatt", &changed).await.assert(StatusCode::FORBIDDEN);
        bearer(&t, &editor).json(Method::DELETE, "/api/v1/organisations/sprachcafe-malstatt", &json!({})).await.assert(StatusCode::FORBIDDEN);
        c.json(Method::DELETE, "/api/v1/organisations/sprachcafe-malstatt", &json!({})).await.assert(StatusCode::NO_CONTENT);
        c.get("/api/v1/organisations/sprachcafe-malstatt").await.assert(StatusCode::NOT_FOUND);
    }

    async fn bad_input_gets_field_errors_in_the_callers_language(db) {
        let t = TestApp::demo(db).await;
        let coord = token_for(&t, COORDINATOR).await;
        let mut c = bearer(&t, &coord);
        c.headers.push(("accept-language".into(), "fr".into()));
        let before = c.get("/api/v1/organisations?limit=1").await.json()["total"].clone();
        let cases = [
            (json!({}), vec!["name", "kind", "city", "lang"]),
            (json!({"name": "x", "kind": "club", "city": "trier", "lang": "de"}), vec!["kind"]),
            (json!({"name": "x", "kind": "other", "city": "atlantis", "lang": "de"}), vec!["city"]),
            (json!({"name": "x", "kind": "other", "city": "trier", "lang": "de", "website": "ftp://x"}), vec!["website"]),
            (json!({"name": "x", "kind": "other", "city": "trier", "lang": "de", "themes": ["cooking"]}), vec!["themes"]),
            (json!({"name": "x", "kind": "other", "city": "trier", "lang": "de", "languages": ["klingon"]}), vec!["languages"]),
            (json!({"name": "Association Dounia", "kind": "other", "city": "trier", "lang": "de"}), vec!["slug"]),
        ];
        for (body, fields) in cases {
            let r = c.json(Method::POST, "/api/v1/organisations", &body).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {}", r.body);
            let json = r.json();
            assert_eq!(json["error"]["code"], "invalid");
            for f in fields {
                let msg = json["error"]["fields"][f].as_str().unwrap_or_else(|| panic!("{body}: no error for {f}: {json}"));
                assert!(msg.contains(&passerelle::i18n::t(passerelle::domain::Locale::Fr, &format!("field-{f}"))), "{msg}");
            }
        }
        let after = c.get("/api/v1/organisations?limit=1").await.json()["total"].clone();
        assert_eq!(before, after, "nothing was written");
    }

    async fn malformed_requests_get_json_errors_not_500(db) {
        let t = TestApp::demo(db).await;
        let coord = token_for(&t, COORDINATOR).await;
        let mut c = bearer(&t, &coord);
        let r = c.raw(Method::POST, "/api/v1/organisations", "application/json", b"{\"name\": ").await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert_eq!(r.json()["error"]["code"], "bad_request");
        let r = c.raw(Method::POST, "/api/v1/organisations", "application/json", b"{\"name\": 5}").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = c.raw(Method::POST, "/api/v1/organisations", "text/plain", b"name=x").await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        r.json();
        let r = c.get("/api/v1/nothing-here").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        r.json();
        // A path id of the wrong form names nothing: 404 in JSON, not axum's plain-text 400.
        for path in ["/api/v1/visits/99999999999999999999", "/api/v1/visits/abc", "/api/v1/calls/x/allocation/-1.5"] {
            let r = c.json(Method::PUT, path, &json!({})).await;
            let r = if r.status == StatusCode::METHOD_NOT_ALLOWED { c.get(path).await } else { r };
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
            assert_eq!(r.json()["error"]["code"], "not_found", "{path}");
        }
        let r = bearer(&t, "psl_not_a_token").get("/api/v1/organisations").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        r.json();
    }

    async fn a_revoked_token_stops_working(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.signed_in(MEMBER.0, MEMBER.1).await;
        c.get("/en/account").await;
        let r = c.post_form("/en/account/tokens", &[("name", "laptop"), ("expires", "90")]).await;
        let token = r.body.split("class=\"token\">").nth(1).and_then(|s| s.split('<').next()).expect("token").to_owned();
        assert!(token.starts_with("psl_"));
        bearer(&t, &token).get("/api/v1/people/vorsitz-auslaenderbeirat-trier").await.assert(StatusCode::OK).contains("@");
        let page = c.get("/en/account").await;
        page.contains("laptop").lacks(&token);
        let id = page.body.split("/en/account/tokens/").nth(1).and_then(|s| s.split('/').next()).expect("revoke form").to_owned();
        c.post_form(&format!("/en/account/tokens/{id}/delete"), &[]).await.assert(StatusCode::SEE_OTHER);
        bearer(&t, &token).get("/api/v1/people").await.assert(StatusCode::UNAUTHORIZED);
    }

    async fn people_and_cities_through_the_api(db) {
        let t = TestApp::demo(db).await;
        let editor = token_for(&t, EDITOR).await;
        let mut c = bearer(&t, &editor);
        let p = json!({"name": "Médiation, Association Dounia", "organisation": "association-dounia", "languages": ["fr", "ar"], "email": "mediation@dounia.example"});
        let created = c.json(Method::POST, "/api/v1/people", &p).await.assert(StatusCode::CREATED).json();
        assert_eq!(created["slug"], "mediation-association-dounia");
        let elsewhere = json!({"name": "X", "organisation": "stadt-trier"});
        c.json(Method::POST, "/api/v1/people", &elsewhere).await.assert(StatusCode::FORBIDDEN);
        c.json(Method::POST, "/api/v1/cities", &json!({"name": "Esch-sur-Alzette", "country": "LU"})).await.assert(StatusCode::FORBIDDEN);
        let coord = token_for(&t, COORDINATOR).await;
        let mut k = bearer(&t, &coord);
        let city = k.json(Method::POST, "/api/v1/cities", &json!({"name": "Esch-sur-Alzette", "country": "lu", "lat": "49.4958", "lon": "5.9806"})).await.assert(StatusCode::CREATED).json();
        assert_eq!(city["slug"], "esch-sur-alzette");
        k.json(Method::POST, "/api/v1/cities", &json!({"name": "Atlantis", "country": "ZZ"})).await.assert(StatusCode::UNPROCESSABLE_ENTITY);
        c.json(Method::DELETE, "/api/v1/people/mediation-association-dounia", &json!({})).await.assert(StatusCode::NO_CONTENT);
        let renamed = k.json(Method::PUT, "/api/v1/cities/esch-sur-alzette", &json!({"name": "Esch-sur-Alzette", "country": "LU", "name_de": "Esch an der Alzette"})).await.assert(StatusCode::OK).json();
        assert_eq!(renamed["names"]["de"], "Esch an der Alzette");
        let be = k.json(Method::PUT, "/api/v1/countries/be", &json!({"name_de": "Belgien", "name_fr": "Belgique", "name_en": "Belgium"})).await.assert(StatusCode::OK).json();
        assert_eq!(be["code"], "BE");
        c.json(Method::PUT, "/api/v1/countries/be", &json!({"name_de": "x", "name_fr": "x", "name_en": "x"})).await.assert(StatusCode::FORBIDDEN);
        let people = t.client().get("/api/v1/people?city=metz&language=ar").await.json();
        let speaks_arabic = |p: &serde_json::Value| p["languages"].as_array().is_some_and(|l| l.contains(&json!("ar")));
        assert!(people["items"].as_array().is_some_and(|a| !a.is_empty() && a.iter().all(speaks_arabic)), "{people}");
    }

    async fn a_place_still_in_use_cannot_be_deleted(db) {
        let t = TestApp::demo(db).await;
        let coord = token_for(&t, COORDINATOR).await;
        let mut c = bearer(&t, &coord);
        c.headers.push(("accept-language".into(), "de".into()));
        let r = c.json(Method::DELETE, "/api/v1/cities/metz", &json!({})).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        let body = r.json();
        assert_eq!(body["error"]["code"], "conflict");
        assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("Organisationen")), "{body}");
        c.json(Method::DELETE, "/api/v1/countries/fr", &json!({})).await.assert(StatusCode::CONFLICT);
        // A city nothing refers to yet can go; its country stays while another city is in it.
        c.json(Method::POST, "/api/v1/cities", &json!({"name": "Namur", "country": "BE"})).await.assert(StatusCode::CREATED);
        c.json(Method::DELETE, "/api/v1/cities/namur", &json!({})).await.assert(StatusCode::NO_CONTENT);
        c.get("/api/v1/cities/namur").await.assert(StatusCode::NOT_FOUND);
        c.json(Method::DELETE, "/api/v1/countries/be", &json!({})).await.assert(StatusCode::CONFLICT);
    }

    async fn practices_through_the_api(db) {
        let t = TestApp::demo(db).await;
        let mut public = t.client();
        let page = public.get("/api/v1/practices?limit=50").await.assert(StatusCode::OK).json();
        assert_eq!(page["total"], 26, "only published practices are public");
        let one = public.get("/api/v1/practices/ref/qp-2008-01").await.assert(StatusCode::OK).json();
        assert_eq!(one["slug"], "vernetzte-stadtteilarbeit-trier-nord");
        assert_eq!(one["texts"]["fr"]["title"]["status"], "human");
        assert!(one.get("contacts").is_none(), "contacts are for members");
        public.get("/api/v1/practices/integrationskonzept-trier").await.assert(StatusCode::NOT_FOUND);

        let editor = token_for(&t, EDITOR).await;
        let mut e = bearer(&t, &editor);
        let body = json!({"title": "Sprachcafé", "summary": "Ehrenamtliche leiten Gesprächsrunden. Alle üben in ihrem Tempo.",
            "lang": "de", "city": "metz", "organisations": ["association-dounia"], "ref": "api-1"});
        let created = e.json(Method::POST, "/api/v1/practices", &body).await.assert(StatusCode::CREATED).json();
        assert_eq!((created["status"].as_str(), created["version"].as_i64()), (Some("draft"), Some(1)));
        let again = e.json(Method::POST, "/api/v1/practices", &json!({"title": "Sprachcafé 2", "summary": body["summary"], "lang": "de",
            "city": "metz", "organisations": ["association-dounia"], "ref": "api-1"})).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.json()["error"]["fields"]["ref"].is_string());

        let mut v1 = body.clone();
        v1["version"] = json!(1);
        v1["context"] = json!("Erste Fassung.");
        e.json(Method::PUT, "/api/v1/practices/sprachcafe", &v1).await.assert(StatusCode::OK);
        v1["context"] = json!("Konkurrierende Fassung.");
        let conflict = e.json(Method::PUT, "/api/v1/practices/sprachcafe", &v1).await;
        assert_eq!(conflict.status, StatusCode::CONFLICT);
        let c = conflict.json();
        assert_eq!(c["error"]["current_version"], 2);
        assert_eq!(c["error"]["current"]["texts"]["de"]["context"]["text"], "Erste Fassung.");

        let tr = json!({"lang": "fr", "fields": {"title": "Café des langues", "summary": "Des bénévoles animent. Chacun progresse."}});
        let translated = e.json(Method::PUT, "/api/v1/practices/sprachcafe/translations", &tr).await.assert(StatusCode::OK).json();
        assert_eq!(translated["texts"]["fr"]["title"]["status"], "human");
        let bad = json!({"lang": "de", "fields": {"recipe": "x"}});
        let r = e.json(Method::PUT, "/api/v1/practices/sprachcafe/translations", &bad).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields = r.json()["error"]["fields"].clone();
        assert!(fields["lang"].is_string() && fields["fields"].is_string(), "{fields}");

        e.json(Method::POST, "/api/v1/practices/sprachcafe/transitions", &json!({"step": "submit"})).await.assert(StatusCode::OK);
        let r = e.json(Method::POST, "/api/v1/practices/sprachcafe/transitions", &json!({"step": "publish"})).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = e.json(Method::POST, "/api/v1/practices/sprachcafe/transitions", &json!({"step": "fly"})).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let coord = token_for(&t, COORDINATOR).await;
        let mut k = bearer(&t, &coord);
        let r = k.json(Method::POST, "/api/v1/practices/sprachcafe/transitions", &json!({"step": "assign_review", "reviewer": MEMBER.0})).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["status"], "in_review");
        let member = token_for(&t, MEMBER).await;
        let mut m = bearer(&t, &member);
        m.json(Method::POST, "/api/v1/practices/sprachcafe/transitions", &json!({"step": "recommend", "opinion": "Gut.", "public": "true"})).await.assert(StatusCode::OK);
        let published = k.json(Method::POST, "/api/v1/practices/sprachcafe/transitions", &json!({"step": "publish"})).await.assert(StatusCode::OK).json();
        assert_eq!(published["status"], "published");
        let r = k.json(Method::POST, "/api/v1/practices/sprachcafe/transitions", &json!({"step": "publish"})).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "publishing twice is refused");
        let mut german = t.client();
        german.headers.push(("accept-language".into(), "de".into()));
        let mut french = t.client();
        french.headers.push(("accept-language".into(), "fr".into()));
        german.get("/api/v1/practices/sprachcafe").await;
        let de = german.get("/api/v1/practices/sprachcafe").await.json();
        let fr_title = french.get("/api/v1/practices/sprachcafe").await.json()["title"].clone();
        assert_eq!((de["title"].as_str(), fr_title.as_str()), (Some("Sprachcafé"), Some("Café des langues")), "cached per language");
        let fr = public.get("/api/v1/practices?reader=fr&city=metz").await.json();
        assert!(fr["items"].as_array().is_some_and(|a| a.iter().any(|p| p["title"] == "Café des langues")), "{fr}");
    }
}

#[tokio::test]
async fn the_openapi_document_describes_the_directory() {
    let t = TestApp::new(Db::Sqlite).await;
    let doc = t
        .client()
        .get("/api/v1/openapi.json")
        .await
        .assert(StatusCode::OK)
        .json();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    for path in [
        "/api/v1/organisations",
        "/api/v1/organisations/{slug}",
        "/api/v1/people",
        "/api/v1/cities",
        "/api/v1/countries",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    assert!(doc["components"]["schemas"]["OrganisationForm"].is_object());
}
