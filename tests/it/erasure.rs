//! The right to erasure, end to end: an admin erases a person; their account, sessions, tokens
//! and directory entry go, their name leaves practices' histories, search and its "did you
//! mean"; what they contributed stays as a former member's.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

/// A client whose connections come from `ip`.
fn from_address(t: &TestApp, ip: &str) -> Client {
    let mut c = t.client();
    c.ip = Some(format!("{ip}:40000").parse().expect("addr"));
    c
}

/// The id of the signed-in account, from its own data.
async fn own_id(c: &mut Client) -> i64 {
    let data = c.get("/api/v1/me/data").await.assert(StatusCode::OK).json();
    data["tables"]["users"][0]["id"].as_i64().expect("id")
}

both! {
    async fn an_erased_person_leaves_no_name_and_their_contributions_stay(db) {
        let t = TestApp::demo(db).await;
        t.app.open_search().await.expect("index opens");
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        // The editor's directory entry carries the address of their account, and they name
        // themselves as the contact of a practice they write.
        admin
            .json(Method::POST, "/api/v1/people", &json!({"name": "Fatima Benaliova", "role": "Projektleitung",
                "organisation": "association-dounia", "languages": ["fr", "ar"], "themes": [], "email": EDITOR.0}))
            .await
            .assert(StatusCode::CREATED);
        // A colleague's entry lands in the same index segment, so that the erased entry's words
        // stay in the term dictionary beside live ones until a merge.
        admin
            .json(Method::POST, "/api/v1/people", &json!({"name": "Karim Oubellane", "organisation": "association-dounia",
                "languages": ["fr"], "themes": []}))
            .await
            .assert(StatusCode::CREATED);
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        let editor_id = own_id(&mut editor).await;
        let practice = json!({"title": "Café des mères", "summary": "Des mères se retrouvent chaque semaine. Elles apprennent ensemble.",
            "lang": "fr", "city": "metz", "organisations": ["association-dounia"], "contacts": ["fatima-benaliova"]});
        editor.json(Method::POST, "/api/v1/practices", &practice).await.assert(StatusCode::CREATED);
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        let found = member.get("/api/v1/search?q=Benaliova&type=person").await.json();
        assert_eq!(found["total"], 1, "{found}");

        // The editor asks for a place in a call that is still open, and recommends a Trier
        // practice they were asked to review. In the demo they also have visits under way
        // (accepted and scheduled).
        let mut coordinator = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let deadline = (time::OffsetDateTime::now_utc().date() + time::Duration::days(5)).to_string();
        let call = coordinator
            .json(Method::POST, "/api/v1/calls", &json!({"title": "Herbst 2027", "deadline": deadline, "placements": ["buergerhaus-trier-nord"]}))
            .await
            .assert(StatusCode::CREATED)
            .json();
        let call = call["slug"].as_str().expect("slug").to_owned();
        editor
            .json(Method::PUT, &format!("/api/v1/calls/{call}/request"), &json!({"preferences": ["buergerhaus-trier-nord"],
                "start": "2027-03-01", "end": "2027-06-30", "languages": ["fr"], "themes": [], "goal": "Voir comment Trèves accueille."}))
            .await
            .assert(StatusCode::OK);
        let trier = json!({"title": "Lesepaten in Trier", "summary": "Ehrenamtliche lesen Kindern vor. Die Kinder erzählen nach.",
            "lang": "de", "city": "trier", "organisations": ["stadt-trier"]});
        let reviewed = coordinator.json(Method::POST, "/api/v1/practices", &trier).await.assert(StatusCode::CREATED).json();
        let reviewed = format!("/api/v1/practices/{}/transitions", reviewed["slug"].as_str().expect("slug"));
        coordinator.json(Method::POST, &reviewed, &json!({"step": "submit"})).await.assert(StatusCode::OK);
        coordinator.json(Method::POST, &reviewed, &json!({"step": "assign_review", "reviewer": EDITOR.0})).await.assert(StatusCode::OK);
        editor.json(Method::POST, &reviewed, &json!({"step": "recommend", "opinion": "Très bien.", "public": "true"})).await.assert(StatusCode::OK);
        let pool = sqlx::AnyPool::connect(&t.app.config().database_url()).await.expect("database");
        let review = || sqlx::query_as::<_, (String, Option<i64>, i64)>("SELECT status, reviewer_id, recommended FROM practices WHERE slug = 'lesepaten-in-trier'")
            .fetch_one(&pool);
        assert_eq!(review().await.expect("practice"), ("in_review".to_owned(), Some(editor_id), 1));

        // The confirmation page says what goes, what ends and what stays.
        let page = admin.get(&format!("/en/admin/users/{editor_id}/erase")).await;
        page.assert(StatusCode::OK).contains("Fatima Benaliova").contains(EDITOR.0).contains("1 practice they wrote")
            .contains("1 review they had taken goes back to waiting for a reviewer")
            .contains("visits they asked for are cancelled")
            .contains("1 request in a call not yet allocated is withdrawn")
            .contains("1 workflow step they took on a practice").contains("1 request in a call<");
        // Nothing happens without the address typed again, and nobody erases themselves.
        let wrong = admin.post_form(&format!("/en/admin/users/{editor_id}/erase"), &[("confirm", "someone@else.example")]).await;
        wrong.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("aria-describedby=\"confirm-error\"").contains("someone@else.example");
        editor.get("/en/account").await.assert(StatusCode::OK);
        let admin_id = own_id(&mut admin).await;
        admin.get(&format!("/en/admin/users/{admin_id}/erase")).await;
        admin.post_form(&format!("/en/admin/users/{admin_id}/erase"), &[("confirm", ADMIN.0)]).await.assert(StatusCode::UNPROCESSABLE_ENTITY);
        // Only admins erase.
        coordinator.get(&format!("/en/admin/users/{editor_id}/erase")).await.assert(StatusCode::FORBIDDEN);
        coordinator
            .json(Method::POST, &format!("/api/v1/users/{editor_id}/erase"), &json!({"confirm": EDITOR.0}))
            .await
            .assert(StatusCode::FORBIDDEN);

        admin.get(&format!("/en/admin/users/{editor_id}/erase")).await;
        let done = admin.post_form(&format!("/en/admin/users/{editor_id}/erase"), &[("confirm", &EDITOR.0.to_uppercase())]).await;
        done.assert(StatusCode::SEE_OTHER);
        assert_eq!(done.header("location"), "/en/admin/users?done=erased");

        // The account is gone: its session, its sign-in, its address.
        editor.get("/api/v1/me/data").await.assert(StatusCode::UNAUTHORIZED);
        let mut again = t.client();
        again.get("/en/login").await;
        again.post_form("/en/login", &[("email", EDITOR.0), ("password", EDITOR.1)]).await.assert(StatusCode::UNPROCESSABLE_ENTITY);
        admin.get("/en/admin/users").await.assert(StatusCode::OK).lacks(EDITOR.0).contains("former member");
        // The directory entry, its name in search and in "did you mean" are gone.
        admin.get("/api/v1/people/fatima-benaliova").await.assert(StatusCode::NOT_FOUND);
        let found = member.get("/api/v1/search?q=Benaliova").await.json();
        assert_eq!(found["total"], 0, "{found}");
        let typo = member.get("/api/v1/search?q=Benaliovo").await.json();
        assert!(!typo["did_you_mean"].as_str().unwrap_or("").contains("benaliova"), "{typo}");
        // The practice stays, and no version of it names the contact any more.
        let kept = admin.get("/api/v1/practices/cafe-des-meres").await.assert(StatusCode::OK).json();
        assert_eq!(kept["title"], "Café des mères");
        admin.get("/en/practices/cafe-des-meres/revisions").await.assert(StatusCode::OK).lacks("benaliova").lacks("Benaliova");
        // The audit log keeps what the account did, without its address or where it came from.
        let former = format!("erased-{editor_id}@former-member.invalid");
        let log = admin.get(&format!("/api/v1/audit?person={former}")).await.assert(StatusCode::OK).json();
        let entries = log["items"].as_array().expect("items");
        assert!(!entries.is_empty(), "{log}");
        assert!(entries.iter().all(|e| e["actor"].is_null() && e["origin"].is_null()), "{log}");
        let all = admin.get("/api/v1/audit").await.json();
        assert!(!all.to_string().contains(EDITOR.0), "{all}");
        assert!(all["items"].as_array().expect("items").iter().any(|e| e["kind"] == "erase" && e["entity"] == "user"), "{all}");
        admin.get(&format!("/en/admin/audit?person={former}")).await.assert(StatusCode::OK).contains("former account");
        // Every kind of entry has its label (erase, withdraw and the others), in every language.
        for lang in ["de", "fr", "en"] {
            admin.get(&format!("/{lang}/admin/audit")).await.assert(StatusCode::OK).lacks("Unknown localization key");
        }
        admin.get("/en/admin/audit?entity=user").await.contains("erased (personal data)");
        // Their unfinished work ended: the review waits for another reviewer without their
        // opinion, no visit of theirs is under way, and the open call holds no request of theirs.
        assert_eq!(review().await.expect("practice"), ("submitted".to_owned(), None, 0));
        admin.get("/en/practices/lesepaten-in-trier").await.assert(StatusCode::OK).contains("Review handed back");
        let live: Vec<(String,)> = sqlx::query_as("SELECT status FROM visits WHERE visitor_id = $1 AND status IN ('open', 'requested', 'accepted', 'scheduled')")
            .bind(editor_id).fetch_all(&pool).await.expect("visits");
        assert!(live.is_empty(), "{live:?}");
        let cancelled: Vec<(String,)> = sqlx::query_as("SELECT status FROM visits WHERE visitor_id = $1 AND status = 'cancelled'")
            .bind(editor_id).fetch_all(&pool).await.expect("visits");
        assert!(cancelled.len() >= 2, "the accepted and the scheduled visit: {cancelled:?}");
        let open = coordinator.get(&format!("/api/v1/calls/{call}")).await.assert(StatusCode::OK).json();
        assert_eq!(open["requests"], 0, "{open}");
        // Erased once is erased.
        admin
            .json(Method::POST, &format!("/api/v1/users/{editor_id}/erase"), &json!({"confirm": EDITOR.0}))
            .await
            .assert(StatusCode::NOT_FOUND);
    }

    async fn a_directory_entry_without_an_account_is_erased_by_name(db) {
        let t = TestApp::demo(db).await;
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        admin
            .json(Method::POST, "/api/v1/people", &json!({"name": "Jean Quenneville", "organisation": "association-dounia",
                "languages": ["fr"], "themes": []}))
            .await
            .assert(StatusCode::CREATED);
        admin.get("/en/people/jean-quenneville").await.assert(StatusCode::OK).contains("/en/people/jean-quenneville/erase");
        let refused = admin
            .json(Method::POST, "/api/v1/people/jean-quenneville/erase", &json!({"confirm": "Jean"}))
            .await;
        refused.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.json()["error"]["fields"]["confirm"].is_string(), "{}", refused.body);
        let done = admin
            .json(Method::POST, "/api/v1/people/jean-quenneville/erase", &json!({"confirm": "jean quenneville"}))
            .await
            .assert(StatusCode::OK)
            .json();
        assert_eq!(done, json!({"account": null, "people_removed": 1}));
        admin.get("/en/people/jean-quenneville").await.assert(StatusCode::NOT_FOUND);
    }

    async fn an_invited_member_erased_leaves_no_address_in_the_log(db) {
        let t = TestApp::demo(db).await;
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        admin.get("/en/invitations/new").await;
        // Nobody takes an address that looks erased (or any that cannot receive mail).
        admin
            .post_form("/en/invitations", &[("email", "erased-1@former-member.invalid"), ("role", "member")])
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY);
        let r = admin.post_form("/en/invitations", &[("email", "Neu@Metz.example"), ("role", "member")]).await;
        let link = r.body.split("class=\"token\">").nth(1).and_then(|s| s.split('<').next()).expect("link shown").to_owned();
        let path = link.trim_start_matches("http://127.0.0.1:8080").to_owned();
        let mut invitee = from_address(&t, "198.51.100.7");
        invitee.get(&path).await.assert(StatusCode::OK);
        invitee
            .post_form(&path, &[("password", "ein langes Passwort"), ("password_confirm", "ein langes Passwort")])
            .await
            .assert(StatusCode::SEE_OTHER);
        let id = own_id(&mut invitee).await;
        // A directory entry's name does not confirm the erasure of the account of its address.
        admin
            .json(Method::POST, "/api/v1/people", &json!({"name": "Neu Metz", "organisation": "association-dounia",
                "languages": ["fr"], "themes": [], "email": "NEU@metz.example"}))
            .await
            .assert(StatusCode::CREATED);
        admin
            .json(Method::POST, "/api/v1/people/neu-metz/erase", &json!({"confirm": "Neu Metz"}))
            .await
            .assert(StatusCode::UNPROCESSABLE_ENTITY);
        let done = admin
            .json(Method::POST, "/api/v1/people/neu-metz/erase", &json!({"confirm": "neu@metz.example"}))
            .await
            .assert(StatusCode::OK)
            .json();
        assert_eq!(done, json!({"account": format!("erased-{id}@former-member.invalid"), "people_removed": 1}));
        let log = admin.get("/api/v1/audit?limit=200").await.assert(StatusCode::OK).json().to_string();
        assert!(!log.to_lowercase().contains("neu@metz.example"), "{log}");
        assert!(!log.contains("198.51.100.7"), "{log}");
    }
}
