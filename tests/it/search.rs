//! Search over the demo network: cross-lingual retrieval through the glossary, facets, the
//! permission filter, following the change log (also after a crash) and glossary files.

#![allow(clippy::unwrap_used)] // JSON shapes are the assertion: a missing field should fail the test.

use passerelle::app::App;
use passerelle::app::language::glossary_io::GlossaryFormat;
use passerelle::domain::Actor;

use crate::helpers::*;

async fn ready(db: Db) -> TestApp {
    let t = TestApp::demo(db).await;
    t.app.seed_glossary().await.expect("glossary loads");
    t.app.open_search().await.expect("index opens");
    t
}

/// Waits until `app`'s background pass has given every practice its vectors.
async fn wait_for_vectors(app: &App) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    while app.embedding_in_progress() {
        assert!(
            std::time::Instant::now() < deadline,
            "not embedded: {:?}",
            app.vector_counts()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

pub(crate) fn refs(v: &serde_json::Value) -> Vec<String> {
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ref"].as_str().unwrap_or_default().to_string())
        .collect()
}

both! {
    async fn a_query_finds_practices_written_in_another_language(db) {
        let t = ready(db).await;
        let mut c = t.client();
        // English and German queries find the French write-up of Luxembourg's youth council.
        for q in ["youth council", "Jugendgemeinderat", "Gemeinderat Jugend", "conseil communal des jeunes"] {
            let r = c.get(&format!("/api/v1/search?q={}&lang=en&type=practice", urlencode(q))).await;
            r.assert(axum::http::StatusCode::OK);
            let v = r.json();
            assert!(refs(&v).contains(&"qp-2008-03".to_string()), "{q}: {v}");
        }
        // Accents and umlauts are optional; the hit is in the reader's language or badged.
        let v = c.get("/api/v1/search?q=auslanderbeirat&lang=fr").await.json();
        assert!(v["total"].as_u64().unwrap() > 0, "{v}");
        let v = c.get("/api/v1/search?q=Stadtteilarbeit&lang=fr&type=practice").await.json();
        let hit = &v["results"][0];
        assert_eq!(hit["ref"], "qp-2008-01");
        // Shown in the reader's translation, with the original's language named.
        assert_eq!(hit["lang"], "fr");
        assert_eq!(hit["original_lang"], "de");
        assert!(!hit["snippet"].as_str().unwrap().is_empty(), "{hit}");
        assert!(hit["url"].as_str().unwrap().ends_with("/fr/practices/vernetzte-stadtteilarbeit-trier-nord"));
        // Facets count the whole result set.
        let facets = &v["facets"];
        assert_eq!(facets["type"]["practice"], v["total"]);
        assert!(facets["city"]["trier"].as_u64().unwrap() >= 1, "{facets}");
    }

    async fn did_you_mean_offers_only_words_the_reader_may_read(db) {
        let t = ready(db).await;
        // "Fahrtkosten" is written only in the closed ZIB placement, which is for members.
        let mut public = t.client();
        let v = public.get("/api/v1/search?q=Fahrtkostem&lang=de").await.json();
        assert_eq!(v["total"], 0, "{v}");
        assert!(!v["did_you_mean"].as_str().unwrap_or("").contains("fahrtkosten"), "leaked to the public: {v}");
        let page = public.get("/de/search?q=Fahrtkostem").await;
        page.lacks("fahrtkosten");
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        let v = member.get("/api/v1/search?q=Fahrtkostem&lang=de").await.json();
        assert_eq!(refs(&v), ["hospitation-zib-saarbruecken"], "members may read it: {v}");
        // A typo two edits away is past the search's tolerance: members are offered the word.
        let v = member.get("/api/v1/search?q=Fahrtkostn&lang=de").await.json();
        let offered = v["did_you_mean"].as_str().unwrap_or("").to_owned();
        let v = public.get("/api/v1/search?q=Fahrtkostn&lang=de").await.json();
        assert!(!v["did_you_mean"].as_str().unwrap_or("").contains("fahrtkosten"), "leaked to the public: {v}");
        assert!(offered.is_empty() || offered == "fahrtkosten", "{offered}");
    }

    async fn drafts_and_people_never_reach_the_public(db) {
        let t = ready(db).await;
        let mut public = t.client();
        // The draft about newcomers in Metz and the submitted Dounia practice are not public.
        for q in ["nouveaux arrivants formation", "Dounia rencontres interculturelles"] {
            let v = public.get(&format!("/api/v1/search?q={}&type=practice", urlencode(q))).await.json();
            assert!(!refs(&v).iter().any(|r| r == "qp-2008-07" || r == "qp-2008-06"), "{q}: {v}");
        }
        let v = public.get("/api/v1/search?q=Vorsitz%20Ausl%C3%A4nderbeirat").await.json();
        assert!(v["results"].as_array().unwrap().iter().all(|r| r["type"] != "person"), "{v}");
        assert!(v["facets"]["type"].get("person").is_none(), "{v}");
        let v = public.get("/api/v1/search?q=Vorsitz&type=person").await.json();
        assert_eq!(v["total"], 0);
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        let v = member.get("/api/v1/search?q=Vorsitz%20Ausl%C3%A4nderbeirat&type=person").await.json();
        assert!(v["total"].as_u64().unwrap() >= 2, "{v}");
        // Bad parameters are field errors, not failures.
        let r = public.get("/api/v1/search?q=x&type=recipe&limit=500").await;
        r.assert(axum::http::StatusCode::UNPROCESSABLE_ENTITY);
        let fields = r.json()["error"]["fields"].clone();
        assert!(fields.get("type").is_some() && fields.get("limit").is_some(), "{fields}");
    }

    async fn the_index_catches_up_with_changes_it_missed(db) {
        let t = ready(db).await;
        let before = t.app.search(&Actor::Anonymous, &query("Zuwanderungsbüro"), "de").await.unwrap().total;
        // Another process (no index of its own, as after a crash between the database commit and
        // the index commit) renames an organisation.
        let other = App::new(t.app.config().clone()).await.expect("second process");
        let mut form = other.organisation_form(&Actor::System, "zib-saarbruecken").await.expect("org");
        form.name = "Quokkabüro für Zuwanderung".into();
        other.update_organisation(&Actor::System, "zib-saarbruecken", &form).await.expect("saved");
        // This server sees the change log move and applies it once, however often it is asked.
        t.app.catch_up().await.unwrap();
        assert!(t.app.sync_index().await.unwrap() >= 1);
        assert_eq!(t.app.sync_index().await.unwrap(), 0);
        let r = t.app.search(&Actor::Anonymous, &query("Quokkabüro"), "de").await.unwrap();
        // The organisation, and its practice (owners' names are searchable with it).
        assert!(r.hits.iter().any(|h| h.slug == "zib-saarbruecken"), "{:?}", r.hits);
        assert!(r.hits.iter().any(|h| h.reference.as_deref() == Some("qp-2008-04")), "{:?}", r.hits);
        // A fresh start on the same index directory finds what was committed, nothing twice.
        let after = t.app.search(&Actor::Anonymous, &query("Zuwanderungsbüro"), "de").await.unwrap().total;
        assert!(after <= before);
    }

    async fn an_index_away_longer_than_the_audit_retention_is_rebuilt(db) {
        let t = TestApp::demo(db).await;
        {
            // A server builds its index, then stops.
            let server = App::new(t.app.config().clone()).await.expect("server");
            server.open_search().await.expect("index opens");
        }
        // While it is down, an organisation is renamed and something else changes after it; the
        // audit retention then purges every change but the newest.
        let mut form = t.app.organisation_form(&Actor::System, "zib-saarbruecken").await.expect("org");
        form.name = "Quokkabüro für Zuwanderung".into();
        t.app.update_organisation(&Actor::System, "zib-saarbruecken", &form).await.expect("saved");
        let mut other = t.app.organisation_form(&Actor::System, "association-dounia").await.expect("org");
        other.website = "https://dounia.example".into();
        t.app.update_organisation(&Actor::System, "association-dounia", &other).await.expect("saved");
        let purger = App::new({
            let mut c = t.app.config().clone();
            c.audit_retention_days = -1;
            c
        })
        .await
        .expect("purger");
        assert!(purger.purge_audit_log().await.expect("purged") >= 2);
        // Back up, the server cannot follow changes the log lost: it rebuilds, and finds the rename.
        let server = App::new(t.app.config().clone()).await.expect("server");
        server.open_search().await.expect("index opens");
        let r = server.search(&Actor::Anonymous, &query("Quokkabüro"), "de").await.unwrap();
        assert!(r.hits.iter().any(|h| h.slug == "zib-saarbruecken"), "{:?}", r.hits);
    }

    async fn glossary_files_round_trip(db) {
        let t = ready(db).await;
        let csv = t.app.export_glossary(GlossaryFormat::Csv).await.unwrap();
        let ttl = t.app.export_glossary(GlossaryFormat::Skos).await.unwrap();
        assert!(t.app.glossary().await.unwrap().concepts.len() >= 500);
        let fresh = TestApp::new(db).await;
        let report = fresh.app.import_glossary(&Actor::System, &ttl, GlossaryFormat::Skos, false).await.unwrap();
        assert!(report.problems.is_empty(), "{:?}", &report.problems[..report.problems.len().min(3)]);
        assert_eq!(fresh.app.export_glossary(GlossaryFormat::Csv).await.unwrap(), csv);
        // A bad file names every bad line and writes nothing.
        let bad = format!("{csv}Bad Key,cooking,,,,,,,,nowhere\n");
        let report = fresh.app.import_glossary(&Actor::System, &bad, GlossaryFormat::Csv, false).await.unwrap();
        assert!(!report.written && report.problems.len() >= 3, "{:?}", report.problems);
        // Members may not edit the glossary.
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/en/glossary/new").await.assert(axum::http::StatusCode::FORBIDDEN);
    }
}

fn query(q: &str) -> passerelle::app::SearchQuery {
    passerelle::app::SearchQuery {
        q: q.to_string(),
        ..Default::default()
    }
}

pub(crate) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_search_and_glossary_pages_work_without_javascript() {
    let t = ready(Db::Sqlite).await;
    let mut c = t.client();
    let r = c.get("/fr/search?q=youth+council").await;
    r.assert(axum::http::StatusCode::OK);
    assert!(r.body.contains("<mark>"), "{}", r.body);
    assert!(
        r.body
            .contains("conseil-communal-des-jeunes-ville-de-luxembourg")
    );
    let r = c.get("/de/search?q=Trir").await;
    assert!(r.body.contains("?q=trier"), "did you mean: {}", r.body);
    // Results kept to the documents with most of the words keep to them in their facet links
    // and pages, and say so in the API; a facet's count is what choosing it shows.
    let any = c.get("/api/v1/search?q=youth+council&lang=en").await.json();
    let most = c
        .get("/api/v1/search?q=youth+council&lang=en&most=true")
        .await
        .json();
    assert_eq!(
        (any["most"].as_bool(), most["most"].as_bool()),
        (Some(false), Some(true)),
        "{most}"
    );
    let (any_total, most_total) = (
        any["total"].as_u64().unwrap(),
        most["total"].as_u64().unwrap(),
    );
    assert!(
        0 < most_total && most_total < any_total,
        "{most_total} / {any_total}"
    );
    let (city, count) = most["facets"]["city"]
        .as_object()
        .unwrap()
        .iter()
        .next()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .unwrap();
    let chosen = c
        .get(&format!(
            "/api/v1/search?q=youth+council&lang=en&most=true&city={city}"
        ))
        .await
        .json();
    assert_eq!(chosen["total"].as_u64(), Some(count), "{chosen}");
    // The page's links say it as the API does, so an address works in both; `1` is read too.
    let r = c.get("/en/search?q=youth+council&most=1").await;
    assert!(r.body.contains("most=true"), "{}", r.body);
    let r = c.get("/en/search?q=youth+council").await;
    assert!(!r.body.contains("most=true"), "{}", r.body);
    // Every match, when asked: counted whole, and its links keep asking.
    let every = c
        .get("/api/v1/search?q=youth+council&lang=en&most=false")
        .await
        .json();
    assert_eq!(
        (every["most"].as_bool(), every["total"].as_u64()),
        (Some(false), Some(any_total))
    );
    let r = c.get("/en/search?q=youth+council&most=true").await;
    assert!(
        r.body
            .contains("Also show results with only some of your words")
            && r.body.contains("most=false"),
        "{}",
        r.body
    );
    c.get("/api/v1/search?q=youth&most=maybe")
        .await
        .assert(axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    let r = c.get("/de/glossary?in=fr&letter=M").await;
    r.assert(axum::http::StatusCode::OK);
    assert!(r.body.contains("mères de quartier"), "{}", r.body);
    let r = c.get("/en/glossary/neighbourhood-mothers").await;
    assert!(r.body.contains("Stadtteilmütter") && r.body.contains("lang=\"fr\""));
    c.get("/en/glossary/export.ttl")
        .await
        .assert(axum::http::StatusCode::OK);
}

/// A practice page lists the glossary terms of its text with their other languages, in a
/// disclosure that needs no script; the reader's term comes first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_practice_shows_the_glossary_terms_of_its_text() {
    let t = ready(Db::Sqlite).await;
    let mut c = t.client();
    let r = c
        .get("/en/practices/conseil-communal-des-jeunes-ville-de-luxembourg")
        .await;
    r.assert(axum::http::StatusCode::OK)
        .contains("Terms from the glossary in this text")
        .contains("<details>")
        .contains("<span lang=\"en\">youth council</span>")
        .contains("<dd lang=\"de\">Jugendgemeinderat · Jugendparlament")
        .contains("href=\"/en/glossary/youth-council\"");
    let r = c
        .get("/de/practices/conseil-communal-des-jeunes-ville-de-luxembourg")
        .await;
    r.contains("<span lang=\"de\">Jugendgemeinderat</span>")
        .contains("Glossarbegriffe in diesem Text");
}

both! {
    async fn with_an_embedding_model_a_paraphrase_finds_its_practice_and_vectors_are_kept(db) {
        let model = passerelle::search::embed::test_model_dir()
            .expect("the embedding model: run scripts/embeddings/fetch (scripts/test does)");
        let dir = model.clone();
        let t = TestApp::with_config(db, move |c| c.embeddings = Some(dir)).await;
        t.app.load_demo().await.expect("demo loads");
        t.app.seed_glossary().await.expect("glossary loads");
        t.app.open_search().await.expect("index opens");
        // The server answers while the model reads the catalogue, and the admin page says so.
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        let page = admin.get("/en/admin/users").await;
        // Said while the pass runs (when the page came after it, the pass is over).
        assert!(
            page.body.contains("still reading the catalogue") || !t.app.embedding_in_progress(),
            "{}",
            page.body
        );
        wait_for_vectors(&t.app).await;
        let (indexed, embedded) = t.app.vector_counts();
        assert_eq!(indexed, 26, "every published practice has vectors");
        assert!(embedded >= 26, "{embedded} texts embedded");
        admin.get("/en/admin/users").await.lacks("still reading the catalogue");

        let mut public = t.client();
        // No word in common with the German practice (and no lexicon here): only the meaning
        // finds "Hausaufgabenhilfe mit Studierenden"; without the model this finds nothing of it.
        let v = public
            .get("/api/v1/search?q=university%20students%20help%20children%20with%20schoolwork&lang=en&type=practice")
            .await
            .json();
        assert!(refs(&v)[..3].contains(&"qp-2008-13".to_string()), "{v}");
        assert!(v["total"].as_u64().unwrap() >= 3, "{v}");
        assert_eq!(v["meaning"], true, "{v}");
        // Results that hold none of the words say they were found by meaning, in the API and on
        // the page.
        let by_meaning: Vec<&serde_json::Value> =
            v["results"].as_array().unwrap().iter().filter(|h| h["by_meaning"] == true).collect();
        assert!(!by_meaning.is_empty(), "{v}");
        assert!(by_meaning.iter().all(|h| !h["snippet"].as_str().unwrap().contains("<mark>")), "{v}");
        public
            .get("/en/search?q=university+students+help+children+with+schoolwork&type=practice")
            .await
            .contains("found by its meaning, without your words");
        // A result that holds the words is not said to be found by meaning.
        let v = public.get("/api/v1/search?q=Hausaufgabenhilfe&lang=de&type=practice").await.json();
        assert_eq!(refs(&v)[0], "qp-2008-13", "{v}");
        assert_eq!(v["results"][0]["by_meaning"], false, "{v}");
        // The permission filter holds on the semantic side too: the draft and the submitted
        // practice stay out, whatever their meaning.
        for q in ["accès à la langue et à la formation pour les nouveaux arrivants", "rencontres interculturelles Dounia"] {
            let v = public.get(&format!("/api/v1/search?q={}&type=practice", urlencode(q))).await.json();
            assert!(!refs(&v).iter().any(|r| r == "qp-2008-07" || r == "qp-2008-06"), "{q}: {v}");
        }

        // Another server on the same database reads the stored vectors instead of computing them.
        let other = tempfile::tempdir().unwrap();
        let mut config = passerelle::config::Config::for_data_dir(other.path());
        config.database_url = Some(t.app.config().database_url());
        config.embeddings = Some(model);
        let second = App::new(config).await.expect("second server starts");
        second.open_search().await.expect("its index opens");
        wait_for_vectors(&second).await;
        assert_eq!(second.vector_counts(), (26, 0), "nothing embedded again");
        // Similar practices use the practice's own stored vector.
        public
            .get("/en/practices/hausaufgabenhilfe-studierende-grundschulen-trier-nord")
            .await
            .contains("id=\"similar\"");
    }
}

both! {
    async fn a_practice_page_lists_similar_practices_in_other_languages_that_the_reader_may_read(db) {
        let t = ready(db).await;
        let mut public = t.client();
        let page = public.get("/en/practices/stadtteilmuetter-trier-hausbesuche-muetter-kleine-kinder").await;
        page.assert(axum::http::StatusCode::OK);
        let similar = page
            .body
            .split("id=\"similar\"")
            .nth(1)
            .and_then(|s| s.split("</section>").next())
            .expect("a section of similar practices")
            .to_string();
        // The French workshops where mothers learn French, through the glossary's "mothers".
        assert!(similar.contains("/en/practices/ateliers-sociolinguistiques-meres-metz-borny"), "{similar}");
        assert!(!similar.contains("stadtteilmuetter-trier"), "never itself: {similar}");
        assert!(similar.matches("<li>").count() <= 5, "{similar}");
        // A draft about mothers learning French would be similar, but only its authors may read it.
        for draft in ["acces-langue-formation-nouveaux-arrivants-metz", "rencontres-interculturelles-dounia-metz"] {
            assert!(!similar.contains(draft), "{draft} leaked: {similar}");
        }
    }
}

both! {
    async fn an_import_is_embedded_in_the_background_and_then_found_by_meaning(db) {
        let model = passerelle::search::embed::test_model_dir()
            .expect("the embedding model: run scripts/embeddings/fetch (scripts/test does)");
        let t = TestApp::with_config(db, move |c| c.embeddings = Some(model)).await;
        t.app.load_demo().await.expect("demo loads");
        t.app.open_search().await.expect("index opens");
        wait_for_vectors(&t.app).await;
        assert_eq!(t.app.vector_counts().0, 26);
        // More practices than the change-log follower embeds at once.
        let mut file = String::new();
        for i in 0..60 {
            file.push_str(&format!(
                "{{\"ref\":\"bulk-{i}\",\"title\":\"Gemeinschaftsgarten Nummer {i}\",\"summary\":\"Nachbarn pflanzen Gemüse auf einer Brache.\",\"lang\":\"de\",\"city\":\"Trier\",\"country\":\"DE\"}}\n"
            ));
        }
        let report = t
            .app
            .import_practices(
                &Actor::System,
                file.as_str(),
                passerelle::app::Format::JsonLines,
                passerelle::app::ImportOptions { dry_run: false, publish: true },
                &|_, _| {},
            )
            .await
            .expect("imports");
        assert_eq!(report.created, 60, "{report:?}");
        t.app.sync_index().await.expect("follows the log");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
        while t.app.vector_counts().0 < 86 {
            assert!(std::time::Instant::now() < deadline, "not embedded: {:?}", t.app.vector_counts());
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        // Found in English by meaning alone (no lexicon here).
        let v = t.client().get("/api/v1/search?q=urban%20vegetable%20allotment&lang=en&type=practice").await.json();
        assert!(refs(&v).iter().any(|r| r.starts_with("bulk-")), "{v}");
    }
}
