//! The practice catalogue's workflow, on both databases: an author in Metz, a reviewer in Trier,
//! a coordinator who publishes; same-city reviews refused; two editors never overwrite each other.

use passerelle::app::{App, Error, NewAccount, OpinionForm};
use passerelle::domain::Actor;
use passerelle::domain::catalogue::practice::{PracticeForm, Transition};
use passerelle::storage::PracticeFilter;

use axum::http::StatusCode;
use passerelle::domain::Locale;
use passerelle::i18n::t as msg;

use crate::helpers::*;

async fn actor(app: &App, email: &str, password: &str) -> Actor {
    signed_in_actor(app, (email, password)).await
}

/// An account for `organisation`, signed in.
async fn member_of(app: &App, email: &str, organisation: &str) -> Actor {
    let NewAccount::Password(password) = app
        .add_user(email, "member", Some(organisation), false)
        .await
        .expect("account")
    else {
        panic!("a password was expected")
    };
    actor(app, email, &password).await
}

fn form() -> PracticeForm {
    PracticeForm {
        title: "Rencontres interculturelles du quartier".into(),
        summary: "Des habitants de toutes origines se retrouvent chaque mois. Ils préparent ensemble une fête de quartier.".into(),
        lang: "fr".into(),
        city: "metz".into(),
        organisations: vec!["association-dounia".into()],
        themes: vec!["participation".into(), "culture".into()],
        target_groups: vec!["habitants".into()],
        period_start: "2006".into(),
        ongoing: "true".into(),
        approach: "Un **repas** partagé.".into(),
        ..Default::default()
    }
}

fn opinion(text: &str) -> OpinionForm {
    OpinionForm {
        opinion: text.into(),
        public: "true".into(),
    }
}

both! {
    async fn a_practice_goes_from_metz_through_review_in_trier_to_publication(db) {
        let t = TestApp::demo(db).await;
        let app = &t.app;
        let author = actor(app, EDITOR.0, EDITOR.1).await;
        let coordinator = actor(app, COORDINATOR.0, COORDINATOR.1).await;
        let trier = member_of(app, "beirat@trier.example", "auslaenderbeirat-trier").await;
        let metz = member_of(app, "mairie@metz.example", "ville-de-metz").await;

        let slug = app.create_practice(&author, &form()).await.expect("draft");
        assert!(matches!(app.practice(&Actor::Anonymous, slug.as_str(), "de").await, Err(Error::NotFound)), "drafts are not public");
        assert!(matches!(app.practice(&trier, slug.as_str(), "de").await, Err(Error::NotFound)), "nor for other organisations");
        let seen = app.practice(&author, slug.as_str(), "de").await.expect("the author sees it");
        assert_eq!(seen.steps, [Transition::Submit]);
        assert!(seen.texts[0].1.as_ref().is_some_and(|t| t.fallback && t.lang == "fr"), "German readers get the French original");

        app.practice_step(&author, slug.as_str(), Transition::Submit, &OpinionForm::default()).await.expect("submit");
        let for_metz = app.practice(&metz, slug.as_str(), "fr").await;
        assert!(matches!(for_metz, Err(Error::NotFound)), "a submitted practice is not shown to everyone");
        assert!(matches!(app.take_review(&metz, slug.as_str()).await, Err(Error::NotFound | Error::Forbidden)), "nobody reviews their own city");
        assert!(matches!(app.take_review(&author, slug.as_str()).await, Err(Error::Forbidden)), "nor their own practice");
        let listed = |who: Actor| {
            let slug = slug.clone();
            async move {
                let mine = PracticeFilter { organisation: Some("association-dounia".into()), status: Some("submitted".into()), ..Default::default() };
                app.practices(&who, &mine, "de", None, None).await.expect("list").items.iter().any(|p| p.slug == slug.as_str())
            }
        };
        assert!(listed(trier.clone()).await, "open for review in other cities");
        assert!(!listed(metz.clone()).await, "not in its own city");
        app.take_review(&trier, slug.as_str()).await.expect("a reviewer from Trier");
        assert!(matches!(app.take_review(&trier, slug.as_str()).await, Err(Error::Forbidden)), "taken once");

        let r = app.practice_step(&trier, slug.as_str(), Transition::RequestChanges, &opinion("")).await;
        assert!(matches!(r, Err(Error::Invalid(ref e)) if e.get("opinion").is_some()), "an opinion is needed: {r:?}");
        app.practice_step(&trier, slug.as_str(), Transition::RequestChanges, &opinion("Bitte Ergebnisse ergänzen.")).await.expect("changes");
        let (mut f, version) = app.practice_form(&author, slug.as_str()).await.expect("form");
        f.results = "Trente familles participent.".into();
        app.update_practice(&author, slug.as_str(), &f, version).await.expect("revise");
        app.practice_step(&author, slug.as_str(), Transition::Submit, &OpinionForm::default()).await.expect("resubmit");
        app.take_review(&trier, slug.as_str()).await.expect("review again");
        let r = app.practice_step(&coordinator, slug.as_str(), Transition::Publish, &OpinionForm::default()).await;
        assert!(matches!(r, Err(Error::Forbidden)), "not before a recommendation: {r:?}");
        app.practice_step(&trier, slug.as_str(), Transition::Recommend, &opinion("Sehr gut übertragbar.")).await.expect("recommend");
        app.practice_step(&coordinator, slug.as_str(), Transition::Publish, &OpinionForm::default()).await.expect("publish");

        let public = app.practice(&Actor::Anonymous, slug.as_str(), "fr").await.expect("public now");
        assert!(public.show_opinion, "the public opinion is shown with the published practice");
        assert_eq!(public.row.review_opinion.as_deref(), Some("Sehr gut übertragbar."));
        assert!(public.contacts.is_empty());
        let steps: Vec<&str> = public.events.iter().map(|e| e.step.as_str()).collect();
        assert_eq!(steps, ["submit", "start_review", "request_changes", "submit", "start_review", "recommend", "publish"]);
        let listed = app.practices(&Actor::Anonymous, &PracticeFilter { city: Some("metz".into()), ..Default::default() }, "de", None, None).await.expect("list");
        assert!(listed.items.iter().any(|p| p.slug == slug.as_str()));
    }

    async fn two_editors_never_overwrite_each_other(db) {
        let t = TestApp::demo(db).await;
        let app = &t.app;
        let author = actor(app, EDITOR.0, EDITOR.1).await;
        let coordinator = actor(app, COORDINATOR.0, COORDINATOR.1).await;
        let slug = app.create_practice(&author, &form()).await.expect("draft");
        let (mut mine, v1) = app.practice_form(&author, slug.as_str()).await.expect("form");
        let (mut theirs, v1b) = app.practice_form(&coordinator, slug.as_str()).await.expect("form");
        assert_eq!(v1, v1b);
        mine.context = "Version de l'autrice.".into();
        theirs.context = "Version de la coordination.".into();
        app.update_practice(&author, slug.as_str(), &mine, v1).await.expect("first save");
        let second = app.update_practice(&coordinator, slug.as_str(), &theirs, v1).await;
        assert!(matches!(second, Err(Error::Conflict("error-practice-changed"))), "{second:?}");
        let (stored, v2) = app.practice_form(&author, slug.as_str()).await.expect("form");
        assert_eq!((stored.context.as_str(), v2), ("Version de l'autrice.", v1 + 1), "the first save stands");
        theirs.context = format!("{} {}", stored.context, "Complété par la coordination.");
        app.update_practice(&coordinator, slug.as_str(), &theirs, v2).await.expect("merged save");
        let revisions = app.practice_revisions(&author, slug.as_str()).await.expect("revisions");
        assert_eq!(revisions.iter().map(|r| r.version).collect::<Vec<_>>(), [3, 2, 1]);
    }

    async fn a_reviewer_from_the_practices_own_city_cannot_be_assigned(db) {
        let t = TestApp::demo(db).await;
        let app = &t.app;
        let author = actor(app, EDITOR.0, EDITOR.1).await;
        let coordinator = actor(app, COORDINATOR.0, COORDINATOR.1).await;
        member_of(app, "mairie@metz.example", "ville-de-metz").await;
        let slug = app.create_practice(&author, &form()).await.expect("draft");
        app.practice_step(&author, slug.as_str(), Transition::Submit, &OpinionForm::default()).await.expect("submit");
        let r = app.assign_review(&coordinator, slug.as_str(), "mairie@metz.example").await;
        assert!(matches!(r, Err(Error::Invalid(ref e)) if e.get("reviewer").is_some()), "{r:?}");
        let r = app.assign_review(&coordinator, slug.as_str(), "nobody@nowhere.example").await;
        assert!(matches!(r, Err(Error::Invalid(_))), "{r:?}");
        app.assign_review(&coordinator, slug.as_str(), MEMBER.0).await.expect("a Saarbrücken member may review");
        let seen = app.practice(&actor(app, MEMBER.0, MEMBER.1).await, slug.as_str(), "de").await.expect("the reviewer sees it");
        assert!(seen.facts.reviewer);
        assert_eq!(seen.steps, [Transition::RequestChanges, Transition::Recommend]);
    }

    async fn a_bad_practice_is_reported_whole_and_not_written(db) {
        let t = TestApp::demo(db).await;
        let app = &t.app;
        let author = actor(app, EDITOR.0, EDITOR.1).await;
        let mut bad = form();
        bad.city = "atlantis".into();
        bad.organisations = vec!["association-dounia".into(), "club-inconnu".into()];
        bad.themes = vec!["cooking".into()];
        bad.contacts = vec!["nobody".into()];
        let Err(Error::Invalid(errors)) = app.create_practice(&author, &bad).await else { panic!("should be refused") };
        for field in ["city", "organisations", "themes", "contacts"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        let mut foreign = form();
        foreign.organisations = vec!["cafe-baer-trier-west".into()];
        let Err(Error::Invalid(errors)) = app.create_practice(&author, &foreign).await else { panic!("not their organisation") };
        assert!(errors.get("organisations").is_some());
        let mine = PracticeFilter { organisation: Some("association-dounia".into()), ..Default::default() };
        let all = app.practices(&Actor::System, &mine, "fr", None, None).await.expect("list");
        assert_eq!(all.total, 2, "nothing was written besides the demo's own two practices");
    }

    async fn the_demo_catalogue_has_every_status_and_a_real_history(db) {
        let t = TestApp::demo(db).await;
        let app = &t.app;
        let all = app.practices(&Actor::System, &PracticeFilter::default(), "en", None, None).await.expect("list");
        assert_eq!(all.total, 32);
        let mut statuses: Vec<String> = all.items.iter().map(|p| p.status.clone()).collect();
        statuses.sort();
        statuses.dedup();
        assert_eq!(statuses, ["changes_requested", "draft", "in_review", "published", "submitted"]);
        let public = app.practices(&Actor::Anonymous, &PracticeFilter::default(), "en", None, None).await.expect("list");
        assert_eq!(public.total, 26, "only the published ones are public");
        let p = app.practice(&Actor::Anonymous, "vernetzte-stadtteilarbeit-trier-nord", "fr").await.expect("published");
        assert!(p.texts[0].1.as_ref().is_some_and(|t| t.lang == "fr" && !t.fallback), "French readers get the translation");
        assert_eq!(p.events.len(), 4);
        let cafe = app.practice(&Actor::Anonymous, "cafe-baer-qualifizierung-trier-west", "fr").await.expect("published");
        assert!(cafe.texts[0].1.as_ref().is_some_and(|t| t.status == "outdated"), "an outdated translation is marked");
        assert!(t.app.load_demo().await.expect("again").practices == 0, "loading twice adds nothing");
    }

    async fn the_catalogue_pages_show_practices_in_the_readers_language(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        let list = c.get("/fr/practices").await;
        list.assert(StatusCode::OK).contains("Travail de quartier en réseau").lacks("Accès à la langue");
        c.get("/de/practices?city=metz").await.assert(StatusCode::OK).lacks("Stadtteilarbeit");
        let page = c.get("/en/practices/vernetzte-stadtteilarbeit-trier-nord").await;
        page.assert(StatusCode::OK).contains("<h1 lang=\"en\">").contains("Peer review").lacks("Review and publication");
        c.get("/de/practices/conseil-communal-des-jeunes-ville-de-luxembourg").await.assert(StatusCode::OK).lacks("class=\"lang-notice\"");
        c.get("/en/practices/cafe-baer-qualifizierung-trier-west").await.contains("Original in German").contains("<div class=\"prose lead\" lang=\"de\">");
        c.get("/en/practices/integrationskonzept-trier").await.assert(StatusCode::NOT_FOUND);
        // Earlier versions are for the practice's own organisations, staff, and a reviewer while
        // the review runs: not for any member.
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/en/practices/cafe-baer-qualifizierung-trier-west/revisions").await.assert(StatusCode::FORBIDDEN);
        member.get("/en/practices/cafe-baer-qualifizierung-trier-west").await.lacks("/revisions\"");
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor.get("/en/practices/cafe-social-chibanis-immigres-ages-dounia-metz").await.contains("/revisions\"").lacks("/edit\"");
        editor.get("/en/practices/cafe-social-chibanis-immigres-ages-dounia-metz/revisions").await.assert(StatusCode::OK);
        // Saarbrücken's city hall owns two practices, one not public yet.
        c.get("/en/practices/zuwanderungs-und-integrationsbuero-saarbruecken").await.lacks("Other practices");
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/en/practices/zuwanderungs-und-integrationsbuero-saarbruecken").await
            .contains("Other practices of these organisations").contains("zugewanderte-in-stadtentwicklungsprojekte-einbinden");
        c.get("/fr/practices/cafe-baer-qualifizierung-trier-west").await.contains(&msg(Locale::Fr, "lang-notice-outdated"));
        c.get("/fr/practices/zugewanderte-in-stadtentwicklungsprojekte-einbinden").await.assert(StatusCode::NOT_FOUND);
    }

    async fn an_editor_writes_submits_and_sees_a_conflict_instead_of_losing_work(db) {
        let t = TestApp::demo(db).await;
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor.get("/fr/practices/new").await.assert(StatusCode::OK).contains("value=\"Association Dounia\"");
        let bad = editor.post_form("/fr/practices", &[("lang", "fr"), ("title", "Cafés linguistiques"), ("summary", "Une seule phrase."),
            ("city", "metz"), ("organisations", "association-dounia"), ("period_start", "2008-13")]).await;
        bad.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("value=\"Cafés linguistiques\"").contains("href=\"#summary\"").contains("href=\"#period_start\"");
        let ok = editor.post_form("/fr/practices", &[("lang", "fr"), ("title", "Cafés linguistiques"),
            ("summary", "Des bénévoles animent des cafés de conversation. Chacun pratique le français à son rythme."),
            ("city", "metz"), ("organisations", "association-dounia"), ("themes", "language"), ("target_groups", "newcomers"), ("target_groups", "families"), ("target_group_note", "adultes en formation"),
            ("links", "https://metz.fr\nhttps://www.quattropole.org"), ("ongoing", "true"), ("period_start", "2009")]).await;
        ok.assert(StatusCode::SEE_OTHER);
        let page = editor.get("/fr/practices/cafes-linguistiques").await;
        page.assert(StatusCode::OK).contains("Brouillon").contains("/step/submit")
            .contains("<ul class=\"tags\"><li class=\"tag\">Primo-arrivants</li><li class=\"tag\">Parents et familles</li></ul><p class=\"meta\" lang=\"fr\">adultes en formation</p>");
        // The form comes back with the groups ticked and the note kept.
        editor.get("/fr/practices/cafes-linguistiques/edit").await
            .contains("name=\"target_groups\" value=\"newcomers\" checked").contains("value=\"adultes en formation\"");
        t.client().get("/fr/practices/cafes-linguistiques").await.assert(StatusCode::NOT_FOUND);

        // Two people open the same version; the second save shows both versions instead of overwriting.
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let form = editor.get("/fr/practices/cafes-linguistiques/edit").await;
        form.assert(StatusCode::OK).contains("name=\"version\" value=\"1\"");
        let editor_csrf = editor.csrf.clone();
        coord.get("/fr/practices/cafes-linguistiques/edit").await;
        let fields = |context: &'static str| vec![("version", "1"), ("lang", "fr"), ("title", "Cafés linguistiques"),
            ("summary", "Des bénévoles animent des cafés de conversation. Chacun pratique le français à son rythme."),
            ("city", "metz"), ("organisations", "association-dounia"), ("context", context)];
        let mut theirs = fields("Contexte de la coordination.");
        theirs.push(("target_groups", "women"));
        coord.post_form("/fr/practices/cafes-linguistiques", &theirs).await.assert(StatusCode::SEE_OTHER);
        editor.csrf = editor_csrf;
        let conflict = editor.post_form("/fr/practices/cafes-linguistiques", &fields("Contexte de l’autrice.")).await;
        // Every field the two versions differ in is shown, groups by name.
        conflict.assert(StatusCode::CONFLICT).contains("Contexte de la coordination.").contains("Contexte de l’autrice.")
            .contains("<tr><th scope=\"row\">Publics cibles</th><td>Femmes</td><td></td></tr>")
            .lacks("<tr><th scope=\"row\">Organisations</th>")
            .contains("name=\"version\" value=\"2\"");
        let merged = editor.post_form("/fr/practices/cafes-linguistiques", &[("version", "2"), ("lang", "fr"), ("title", "Cafés linguistiques"),
            ("summary", "Des bénévoles animent des cafés de conversation. Chacun pratique le français à son rythme."),
            ("city", "metz"), ("organisations", "association-dounia"), ("context", "Contexte de la coordination. Contexte de l’autrice.")]).await;
        merged.assert(StatusCode::SEE_OTHER);
        let revisions = editor.get("/fr/practices/cafes-linguistiques/revisions").await;
        revisions.assert(StatusCode::OK).contains("<td>3</td>").contains("Contexte et problème");
        let diff = editor.get("/fr/practices/cafes-linguistiques/revisions?from=1&to=3").await;
        diff.assert(StatusCode::OK).contains("<ins>").contains("Contexte de l’autrice.")
            // Target groups by their names in the reader's language, texts marked with theirs.
            .contains("<del>Primo-arrivants</del>").lacks("<del>newcomers</del>").contains("<div class=\"diff\" lang=\"fr\">");
        // The versions either way round, and a version that is not a number, are no error.
        let back = editor.get("/fr/practices/cafes-linguistiques/revisions?from=3&to=1").await;
        let compared = |body: &str| body[body.find("id=\"compare\"").expect("the comparison")..].to_owned();
        assert_eq!(compared(&back.body), compared(&diff.body));
        editor.get("/fr/practices/cafes-linguistiques/revisions?from=abc").await.assert(StatusCode::OK);
        editor.get("/fr/practices/cafes-linguistiques/revisions?from=1&from=2&to=x").await.assert(StatusCode::OK);
        // A paragraph added from a browser (CRLF line ends): the paragraph before it is unchanged.
        editor.get("/fr/practices/cafes-linguistiques/edit").await;
        editor.post_form("/fr/practices/cafes-linguistiques", &[("version", "3"), ("lang", "fr"), ("title", "Cafés linguistiques"),
            ("summary", "Des bénévoles animent des cafés de conversation. Chacun pratique le français à son rythme."),
            ("city", "metz"), ("organisations", "association-dounia"),
            ("context", "Contexte de la coordination. Contexte de l’autrice.\r\n\r\nUn second paragraphe.\r\n")]).await.assert(StatusCode::SEE_OTHER);
        let diff = editor.get("/fr/practices/cafes-linguistiques/revisions?from=3&to=4").await;
        diff.assert(StatusCode::OK).contains("1 paragraphe inchangé").contains("Un second paragraphe.</ins>").lacks("<del>");

        editor.get("/fr/practices/cafes-linguistiques").await;
        let r = editor.post_form("/fr/practices/cafes-linguistiques/step/submit", &[]).await;
        r.assert(StatusCode::SEE_OTHER);
        // The notice says what happened, not just "saved".
        let next = r.header("location").to_owned();
        assert!(next.ends_with("?done=step-submit"), "{next}");
        editor.get(&next).await.contains("Soumise\u{a0}: quelqu’un d’une autre ville va la relire");
        editor.get("/fr/practices/cafes-linguistiques").await.contains("Soumise à relecture");
        let mut reviewer = t.signed_in(MEMBER.0, MEMBER.1).await;
        reviewer.get("/de/practices/cafes-linguistiques").await.assert(StatusCode::OK).contains("/review");
        reviewer.post_form("/de/practices/cafes-linguistiques/review", &[]).await.assert(StatusCode::SEE_OTHER);
        // Taken, not yet judged: no empty opinion panel, an empty box that will be public.
        reviewer.get("/de/practices/cafes-linguistiques").await
            .lacks("id=\"opinion-title\"").contains("name=\"public\" value=\"true\" checked");
        let r = reviewer.post_form("/de/practices/cafes-linguistiques/step/recommend", &[("opinion", "")]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("href=\"#opinion\"");
        // One opinion box for both choices, kept as typed after an error.
        let r = reviewer.post_form("/de/practices/cafes-linguistiques/step/request_changes", &[("opinion", &"x".repeat(20_001))]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.body.matches("<textarea").count(), 1, "{}", r.body);
        assert!(r.body.contains("formaction=\"/de/practices/cafes-linguistiques/step/recommend\""), "{}", r.body);
        reviewer.post_form("/de/practices/cafes-linguistiques/step/recommend", &[("opinion", "Gut übertragbar."), ("public", "true")]).await.assert(StatusCode::SEE_OTHER);
        // The authors see why they cannot change it now, on the practice and from its form.
        let r = editor.get("/en/practices/cafes-linguistiques/edit").await;
        assert_eq!(r.header("location"), "/en/practices/cafes-linguistiques?done=locked-review");
        editor.get("/en/practices/cafes-linguistiques?done=locked-review").await
            .contains("with a reviewer from another city")
            .contains("Files can be added or removed while the practice can be edited");
        // Coordinators find it among those ready to publish (with the demo's own); publishing
        // asks first.
        let ready = coord.get("/en/practices?status=ready").await;
        ready.contains("Ready to publish (2)").contains("href=\"/en/practices/cafes-linguistiques\"");
        coord.get("/en/practices?status=in_review").await.lacks("Ready to publish (0)");
        let page = coord.get("/en/practices/cafes-linguistiques").await;
        page.contains("href=\"/en/practices/cafes-linguistiques/step/publish\"");
        coord.get("/en/practices/cafes-linguistiques/step/publish").await.assert(StatusCode::OK)
            .contains("Publish “").contains("action=\"/en/practices/cafes-linguistiques/step/publish\"");
        coord.post_form("/en/practices/cafes-linguistiques/step/publish", &[]).await.assert(StatusCode::SEE_OTHER);
        // Once published, the question is no longer asked.
        let r = coord.get("/en/practices/cafes-linguistiques/step/publish").await;
        assert_eq!(r.header("location"), "/en/practices/cafes-linguistiques");
        t.client().get("/en/practices/cafes-linguistiques").await.assert(StatusCode::OK).contains("Gut übertragbar.");
    }

    async fn a_translation_is_written_beside_the_original(db) {
        let t = TestApp::demo(db).await;
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        let page = editor.get("/de/practices/rencontres-interculturelles-dounia-metz/translate").await;
        page.assert(StatusCode::OK).contains("name=\"lang\" value=\"de\"").contains("<div class=\"prose\" lang=\"fr\">");
        let r = editor.post_form("/de/practices/rencontres-interculturelles-dounia-metz/translate", &[("lang", "de"),
            ("title", "x".repeat(200).as_str()), ("summary", "Nachbarn treffen sich. Sie feiern zusammen.")]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("Nachbarn treffen sich.");
        editor.post_form("/de/practices/rencontres-interculturelles-dounia-metz/translate", &[("lang", "de"),
            ("title", "Interkulturelle Begegnungen"), ("summary", "Nachbarn treffen sich. Sie feiern zusammen.")]).await.assert(StatusCode::SEE_OTHER);
        let page = editor.get("/de/practices/rencontres-interculturelles-dounia-metz").await;
        page.contains("<h1 lang=\"de\">Interkulturelle Begegnungen</h1>");
        // Title and summary are in German now, the other parts still only in French: the page says so.
        page.contains("Teilweise ins Deutsche übersetzt").contains("<p class=\"badge badge-muted\">Nur auf Französisch</p>\n<div class=\"prose\" lang=\"fr\">");
        assert!(!page.body.contains("noch keine deutsche Übersetzung"));
        // A reader of English sees the original throughout: no partial note.
        let en = editor.get("/en/practices/rencontres-interculturelles-dounia-metz").await;
        en.contains("no translation into English yet");
        assert!(!en.body.contains("Only in French"));
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/de/practices/rencontres-interculturelles-dounia-metz/translate?lang=fr").await.assert(StatusCode::OK).contains("name=\"lang\" value=\"de\"");
        t.signed_in(MEMBER.0, MEMBER.1).await.get("/de/practices/rencontres-interculturelles-dounia-metz/translate").await.assert(StatusCode::FORBIDDEN);
    }

    async fn each_language_has_an_atom_feed_of_published_practices(db) {
        let t = TestApp::demo(db).await;
        let r = t.client().get("/fr/practices.atom").await;
        r.assert(StatusCode::OK);
        assert!(r.header("content-type").starts_with("application/atom+xml"));
        let feed: atom_syndication::Feed = r.body.parse().expect("valid Atom");
        assert_eq!(feed.entries().len(), 26);
        assert_eq!(feed.lang(), Some("fr"));
        let trier = feed.entries().iter().find(|e| e.id().ends_with("/fr/practices/vernetzte-stadtteilarbeit-trier-nord")).expect("entry");
        assert!(trier.title().as_str().starts_with("Travail de quartier"), "{}", trier.title().as_str());
        assert!(feed.entries().iter().all(|e| !e.id().contains("integrationskonzept")), "no practice in review");
        let de: atom_syndication::Feed = t.client().get("/de/practices.atom").await.body.parse().expect("valid Atom");
        assert!(de.entries().iter().any(|e| e.title().as_str().starts_with("Vernetzte Stadtteilarbeit")));
    }

    async fn the_catalogue_counts_its_facets_and_sorts(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        let page = c.get("/en/practices").await;
        page.assert(StatusCode::OK).contains(">Trier (7)</option>").contains(">Germany (14)</option>").contains(">Neighbourhood (");
        page.lacks("Draft (");
        // Target groups come from the taxonomy, labelled in the reader's language whatever the
        // practice's language (the demo's free text was filed under them; the rest is a note).
        page.contains("<option value=\"families\">Parents and families (7)</option>");
        c.get("/de/practices").await.contains("<option value=\"families\">Eltern und Familien (7)</option>");
        c.get("/en/practices?target_group=families").await.contains("7 practices").contains("vernetzte-stadtteilarbeit-trier-nord")
            .lacks("zuwanderungs-und-integrationsbuero-saarbruecken");
        c.get("/en/practices/zuwanderungs-und-integrationsbuero-saarbruecken").await
            .contains("<li class=\"tag\">Migrants</li>").contains("<p class=\"meta\" lang=\"de\">Ausländerbeirat</p>");
        assert_eq!(
            passerelle::web::html::query_string(&[("city", "trier"), ("q", ""), ("sort", "title"), ("target_group", "Bewohner & Familien")]),
            "city=trier&sort=title&target_group=Bewohner+%26+Familien",
            "page links keep every filter, encoded"
        );
        let by_title = c.get("/en/practices?sort=title").await;
        let cafe = by_title.body.find("cafe-baer-qualifizierung").expect("Café Bär listed");
        let zib = by_title.body.find("zuwanderungs-und-integrationsbuero").expect("ZIB listed");
        assert!(cafe < zib, "sorted by title");
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/en/practices").await.contains(">Draft (2)</option>");
        let facets = t.app.practice_facets(&Actor::Anonymous, &PracticeFilter { city: Some("trier".into()), ..Default::default() }).await.expect("facets");
        assert_eq!(facets.cities, [("trier".to_owned(), 7)]);
    }

    async fn coordinators_extend_the_theme_taxonomy(db) {
        let t = TestApp::demo(db).await;
        t.client().get("/de/themes").await.assert(StatusCode::OK).contains("Stadtentwicklung").lacks("name=\"label_de\"");
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/en/themes").await;
        let r = coord.post_form("/en/themes", &[("key", "Interpreting"), ("label_de", "Dolmetschen"), ("label_fr", ""), ("label_en", "Interpreting")]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("value=\"Dolmetschen\"").contains("href=\"#key\"").contains("href=\"#label_fr\"");
        coord.post_form("/en/themes", &[("key", "interpreting"), ("label_de", "Dolmetschen"), ("label_fr", "Interprétariat"), ("label_en", "Interpreting")]).await.assert(StatusCode::SEE_OTHER);
        t.client().get("/fr/themes").await.contains("Interprétariat");
        let author = actor(&t.app, EDITOR.0, EDITOR.1).await;
        let mut f = form();
        f.themes = vec!["interpreting".into()];
        t.app.create_practice(&author, &f).await.expect("the new theme can be used at once");
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/en/themes").await;
        member.post_form("/en/themes", &[("key", "x"), ("label_de", "x"), ("label_fr", "x"), ("label_en", "x")]).await.assert(StatusCode::FORBIDDEN);
    }

    async fn changing_an_original_field_outdates_only_its_translations(db) {
        let t = TestApp::demo(db).await;
        let coord = actor(&t.app, COORDINATOR.0, COORDINATOR.1).await;
        let slug = "vernetzte-stadtteilarbeit-trier-nord";
        let (mut f, version) = t.app.practice_form(&coord, slug).await.expect("form");
        f.results = format!("{} Neu ergänzt.", f.results);
        t.app.update_practice(&coord, slug, &f, version).await.expect("save");
        let p = t.app.practice(&Actor::Anonymous, slug, "fr").await.expect("practice");
        let status = |field: &str| p.all_texts.iter().find(|x| x.lang == "fr" && x.field == field).map(|x| x.status.clone());
        assert_eq!(status("results").as_deref(), Some("outdated"));
        assert_eq!(status("title").as_deref(), Some("human"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_step_is_mailed_to_those_concerned_in_their_own_language() {
    let smtp = crate::smtp::Receiver::start().await;
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let t = TestApp::with_config(Db::Sqlite, |c| c.smtp_url = Some(url)).await;
    t.app.load_demo().await.expect("demo");
    // Signing in on a page remembers the language: the editor reads French, the coordinator German.
    let sign_in = |locale: &'static str, who: (&'static str, &'static str)| {
        let mut c = t.client();
        async move {
            c.get(&format!("/{locale}/login")).await;
            c.post_form(
                &format!("/{locale}/login"),
                &[("email", who.0), ("password", who.1)],
            )
            .await
            .assert(StatusCode::SEE_OTHER);
            c
        }
    };
    let mut editor = sign_in("fr", EDITOR).await;
    sign_in("de", COORDINATOR).await;
    let author = actor(&t.app, EDITOR.0, EDITOR.1).await;
    let slug = t
        .app
        .create_practice(&author, &form())
        .await
        .expect("draft");
    editor.get(&format!("/fr/practices/{slug}")).await;
    editor
        .post_form(&format!("/fr/practices/{slug}/step/submit"), &[])
        .await
        .assert(StatusCode::SEE_OTHER);
    let mut to_staff = Vec::new();
    for _ in 0..2 {
        to_staff.push(smtp.next_message().await);
    }
    let to_coordinator = to_staff
        .iter()
        .find(|m| m.recipients.iter().any(|r| r.contains(COORDINATOR.0)))
        .expect("the coordinator is told");
    let body = to_coordinator.data.replace("=\n", "");
    assert!(
        body.contains("/de/practices/") && body.contains("Begutachtung"),
        "German for the coordinator: {body}"
    );
    assert!(
        to_staff
            .iter()
            .all(|m| !m.recipients.iter().any(|r| r.contains(EDITOR.0))),
        "the author took the step herself"
    );
    let reviewer = actor(&t.app, MEMBER.0, MEMBER.1).await;
    t.app
        .take_review(&reviewer, slug.as_str())
        .await
        .expect("review");
    let to_author = smtp.next_message().await;
    assert!(
        to_author.recipients.iter().any(|r| r.contains(EDITOR.0)),
        "{:?}",
        to_author.recipients
    );
    let body = to_author.data.replace("=\n", "");
    assert!(
        body.contains("/fr/practices/") && body.contains("Bonjour"),
        "French for the author: {body}"
    );
}

#[tokio::test]
async fn attachments_are_checked_by_content_stored_by_hash_and_served_as_downloads() {
    let t = TestApp::with_config(Db::Sqlite, |c| c.max_upload_bytes = 50_000).await;
    t.app.load_demo().await.expect("demo");
    let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
    let page = "/fr/practices/rencontres-interculturelles-dounia-metz";
    // Submitted practices are locked for their authors; a coordinator may attach files.
    let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
    coord
        .get(page)
        .await
        .contains("enctype=\"multipart/form-data\"");
    let pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let r = coord
        .post_multipart(
            &format!("{page}/attachments"),
            &[("file", Some("../programme.pdf"), pdf)],
        )
        .await;
    r.assert(StatusCode::SEE_OTHER);
    let shown = coord.get(page).await;
    shown.contains("programme.pdf").contains("(PDF, 1 Ko)");
    let end = shown.body.find("\" download>").expect("a download link");
    let start = shown.body[..end].rfind("href=\"").expect("href") + 6;
    let href = shown.body[start..end].to_owned();
    let hash = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(pdf.as_bytes()))
    };
    let pool = sqlx::AnyPool::connect(&t.app.config().database_url())
        .await
        .expect("database");
    let (chunks,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM file_chunks WHERE sha256 = $1")
        .bind(&hash)
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(chunks, 1, "stored in the database under its SHA-256");
    // A file an older version kept in the data directory is moved into the database at start.
    sqlx::query("DELETE FROM file_chunks")
        .execute(&pool)
        .await
        .expect("forget");
    let legacy = t.app.config().data_dir.join("files").join(&hash[..2]);
    std::fs::create_dir_all(&legacy).expect("dir");
    std::fs::write(legacy.join(&hash), pdf).expect("legacy file");
    passerelle::app::App::new(t.app.config().clone())
        .await
        .expect("starts again");
    let (chunks,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM file_chunks WHERE sha256 = $1")
        .bind(&hash)
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(chunks, 1, "moved into the database");
    let file = coord.get(&href).await;
    file.assert(StatusCode::OK);
    assert_eq!(file.header("content-type"), "application/pdf");
    assert!(
        file.header("content-disposition")
            .starts_with("attachment; filename=\"programme.pdf\"")
    );
    assert_eq!(file.header("x-content-type-options"), "nosniff");
    assert_eq!(file.body, pdf);
    t.client().get(&href).await.assert(StatusCode::NOT_FOUND);

    let html_as_pdf = "<!DOCTYPE html><html><script>alert(1)</script></html>";
    coord.get(page).await;
    let r = coord
        .post_multipart(
            &format!("{page}/attachments"),
            &[("file", Some("report.pdf"), html_as_pdf)],
        )
        .await;
    r.assert(StatusCode::UNPROCESSABLE_ENTITY)
        .contains("n’est pas accepté");
    // The language switcher of a page shown after a POST leads back to the practice.
    let back = coord
        .get("/de/practices/rencontres-interculturelles-dounia-metz/attachments")
        .await;
    assert_eq!(
        back.header("location"),
        "/de/practices/rencontres-interculturelles-dounia-metz"
    );
    coord.get(page).await;
    let big = "x".repeat(60_000);
    coord
        .post_multipart(
            &format!("{page}/attachments"),
            &[("file", Some("big.txt"), big.as_str())],
        )
        .await
        .assert(StatusCode::PAYLOAD_TOO_LARGE);
    // Uploads pass through files of their own, removed once the request is answered.
    let spooled = std::fs::read_dir(t.app.config().data_dir.join("uploads")).expect("spool");
    assert_eq!(spooled.count(), 0, "no upload is left behind");
    editor.get(page).await;
    editor
        .post_multipart(
            &format!("{page}/attachments"),
            &[("file", Some("x.txt"), "Hallo")],
        )
        .await
        .assert(StatusCode::FORBIDDEN);
}

/// A small server that speaks LibreTranslate's `/translate` contract: it "translates" by
/// prefixing the target language, and insists on the API key.
async fn translation_server() -> String {
    use axum::Json;
    use axum::routing::post;
    async fn translate(
        Json(body): Json<serde_json::Value>,
    ) -> Result<Json<serde_json::Value>, StatusCode> {
        if body["api_key"] != "secret"
            || body["format"] != "text"
            || body["source"].as_str().is_none()
        {
            return Err(StatusCode::FORBIDDEN);
        }
        let text = format!(
            "[{}] {}",
            body["target"].as_str().unwrap_or("?"),
            body["q"].as_str().unwrap_or("")
        );
        Ok(Json(serde_json::json!({ "translatedText": text })))
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        axum::serve(
            listener,
            axum::Router::new().route("/translate", post(translate)),
        )
        .await
        .ok()
    });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn machine_drafts_fill_missing_fields_and_stay_marked_until_a_person_saves_them() {
    let url = translation_server().await;
    let t = TestApp::with_config(Db::Sqlite, |c| {
        c.translate_url = Some(url);
        c.translate_key = Some("secret".into());
    })
    .await;
    t.app.load_demo().await.expect("demo");
    let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
    let page = "/en/practices/cafe-baer-qualifizierung-trier-west";
    coord
        .get(&format!("{page}/translate?lang=fr"))
        .await
        .assert(StatusCode::OK)
        .contains("/translate/machine");
    let r = coord
        .post_form(&format!("{page}/translate/machine"), &[("lang", "fr")])
        .await;
    r.assert(StatusCode::OK)
        .contains("drafted by the machine")
        .contains("[fr] ");
    let p = t
        .app
        .practice(
            &Actor::Anonymous,
            "cafe-baer-qualifizierung-trier-west",
            "fr",
        )
        .await
        .expect("practice");
    let title = p.texts[0].1.as_ref().expect("title");
    assert_eq!(
        (title.status.as_str(), title.text.starts_with("[fr] ")),
        ("machine", true),
        "the outdated title was redrafted"
    );
    t.client()
        .get("/fr/practices/cafe-baer-qualifizierung-trier-west")
        .await
        .contains(&msg(Locale::Fr, "lang-notice-machine"))
        .contains("href=\"/de/practices/cafe-baer-qualifizierung-trier-west\"");
    // A person saves the form: the drafts become human translations.
    let fields: Vec<(String, String)> = p
        .all_texts
        .iter()
        .filter(|t| t.lang == "fr")
        .map(|t| (t.field.clone(), t.body.clone()))
        .collect();
    let mut form: Vec<(&str, &str)> = vec![("lang", "fr")];
    form.extend(fields.iter().map(|(f, b)| (f.as_str(), b.as_str())));
    coord.get(&format!("{page}/translate?lang=fr")).await;
    coord
        .post_form(&format!("{page}/translate"), &form)
        .await
        .assert(StatusCode::SEE_OTHER);
    let p = t
        .app
        .practice(
            &Actor::Anonymous,
            "cafe-baer-qualifizierung-trier-west",
            "fr",
        )
        .await
        .expect("practice");
    assert_eq!(
        p.texts[0].1.as_ref().map(|t| t.status.as_str()),
        Some("human")
    );
    // Without a configured service, nothing is offered.
    let plain = TestApp::demo(Db::Sqlite).await;
    let mut c = plain.signed_in(COORDINATOR.0, COORDINATOR.1).await;
    c.get(&format!("{page}/translate?lang=fr"))
        .await
        .lacks("/translate/machine");
}
