//! The directory as people see it: pages in three languages, filters, translations and
//! fallbacks, visibility of e-mail addresses, editing with form errors, on both databases.

use axum::http::StatusCode;

use passerelle::domain::Locale;
use passerelle::i18n::t as msg;

use crate::helpers::*;

both! {
    async fn the_root_redirects_by_accept_language(db) {
        let t = TestApp::new(db).await;
        let mut c = t.client();
        c.headers.push(("accept-language".into(), "fr-LU,fr;q=0.9,de;q=0.8".into()));
        let r = c.get("/").await;
        assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/fr/"));
        let r = t.client().get("/").await;
        assert_eq!(r.header("location"), "/en/", "English without Accept-Language");
    }

    async fn unknown_pages_get_a_localized_404(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        c.get("/xx/organisations").await.assert(StatusCode::NOT_FOUND);
        c.get("/de/organisations/gibt-es-nicht").await.assert(StatusCode::NOT_FOUND).contains("Seite nicht gefunden").contains("lang=\"de\"");
        c.get("/fr/organisations/nexiste-pas").await.assert(StatusCode::NOT_FOUND).contains("lang=\"fr\"");
    }

    async fn every_directory_page_renders_in_three_languages(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        for locale in ["de", "fr", "en"] {
            for path in ["/", "/organisations", "/organisations/association-dounia", "/people", "/cities", "/cities/trier",
                         "/countries", "/countries/LU", "/login"] {
                let r = c.get(&format!("/{locale}{path}")).await;
                r.assert(StatusCode::OK).contains(&format!("<html lang=\"{locale}\">")).contains("href=\"#main\"");
            }
        }
        c.get("/de/cities/saarbruecken").await.contains("Saarbrücken");
        c.get("/fr/cities/saarbruecken").await.contains("Sarrebruck");
        c.get("/fr/cities/trier").await.contains("Trèves");
    }

    async fn the_language_switcher_keeps_the_page(db) {
        let t = TestApp::demo(db).await;
        let r = t.client().get("/de/organisations?city=metz").await;
        r.contains("href=\"/fr/organisations?city=metz\"").contains("href=\"/en/organisations?city=metz\"");
    }

    async fn the_list_filters_by_city_kind_circle_and_language(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        c.get("/en/organisations?city=metz").await.contains("Association Dounia").lacks("Café Bär");
        c.get("/en/organisations?kind=housing_cooperative").await.contains("Am Beutelweg").lacks("Dounia");
        c.get("/en/organisations?circle=inner").await.contains("Ville de Metz").lacks("Association Dounia");
        c.get("/en/organisations?circle=extended").await.contains("Association Dounia").lacks("Ville de Metz");
        c.get("/en/organisations?language=ar").await.contains("Association Dounia").lacks("Stadt Trier");
        c.get("/en/organisations?country=DE&theme=employment").await.contains("Café Bär").lacks("Dounia");
        c.get("/en/organisations?q=BAR").await.contains("Café Bär");
        c.get("/en/organisations?q=saarbrucken").await.contains("Saarbrücken");
        c.get("/en/organisations?q=100%25").await.assert(StatusCode::OK).contains("0 organisations");
    }

    async fn a_translated_description_is_shown_in_the_readers_language(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        c.get("/de/organisations/association-dounia").await.contains("Dounia ist ein Metzer Verein").lacks("lang-notice");
        c.get("/fr/organisations/association-dounia").await.contains("Dounia est une association messine");
    }

    async fn an_untranslated_description_shows_the_original_with_a_notice(db) {
        let t = TestApp::demo(db).await;
        let r = t.client().get("/en/organisations/wohnungsgenossenschaft-am-beutelweg").await;
        r.contains("class=\"lang-notice\"").contains("Original in German").contains("<div class=\"prose\" lang=\"de\">");
    }

    async fn email_addresses_are_for_members_only(db) {
        let t = TestApp::demo(db).await;
        let mut public = t.client();
        public.get("/en/people/vorsitz-auslaenderbeirat-trier").await.assert(StatusCode::OK).lacks("@auslaenderbeirat-trier.example");
        public.get("/en/organisations/auslaenderbeirat-trier").await.lacks("@auslaenderbeirat-trier.example");
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/en/people/vorsitz-auslaenderbeirat-trier").await.contains("vorsitz@auslaenderbeirat-trier.example");
    }

    async fn an_editor_edits_their_own_organisation_only(db) {
        let t = TestApp::demo(db).await;
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        let form = editor.get("/fr/organisations/association-dounia/edit").await;
        form.assert(StatusCode::OK).contains("value=\"Association Dounia\"");
        let r = editor.post_form("/fr/organisations/association-dounia", &[
            ("name", "Association Dounia Metz"), ("slug", "association-dounia"), ("kind", "association"), ("city", "metz"),
            ("languages", "fr"), ("languages", "ar"), ("themes", "culture"), ("lang", "fr"), ("description", "Nouveau texte."),
        ]).await;
        r.assert(StatusCode::SEE_OTHER);
        editor.get("/fr/organisations/association-dounia").await.contains("Association Dounia Metz").contains("Nouveau texte.");
        editor.get("/fr/organisations/cafe-baer-trier-west/edit").await.assert(StatusCode::FORBIDDEN);
        let r = editor.post_form("/fr/organisations/cafe-baer-trier-west", &[("name", "x"), ("kind", "association"), ("city", "trier"), ("lang", "de")]).await;
        r.assert(StatusCode::FORBIDDEN);
        t.client().get("/fr/organisations/association-dounia/edit").await.assert(StatusCode::UNAUTHORIZED);
    }

    async fn a_changed_original_marks_translations_outdated(db) {
        let t = TestApp::demo(db).await;
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor.get("/en/organisations/association-dounia/edit").await;
        editor.post_form("/en/organisations/association-dounia", &[
            ("name", "Association Dounia"), ("kind", "association"), ("city", "metz"), ("lang", "fr"), ("description", "Texte modifié."),
        ]).await.assert(StatusCode::SEE_OTHER);
        let r = editor.get("/en/organisations/association-dounia").await;
        r.contains("outdated (the original has changed)");
        editor.get("/en/organisations/association-dounia/translate?lang=en").await;
        editor.post_form("/en/organisations/association-dounia/translate", &[("lang", "en"), ("description", "Changed text.")]).await.assert(StatusCode::SEE_OTHER);
        let r = editor.get("/en/organisations/association-dounia").await;
        r.contains("Changed text.").contains("translated by a person");
    }

    async fn a_bad_form_comes_back_filled_in_with_localized_messages(db) {
        let t = TestApp::demo(db).await;
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/de/organisations/new").await.assert(StatusCode::OK);
        let r = coord.post_form("/de/organisations", &[
            ("name", "Neuer Verein Trier"), ("kind", "verein"), ("city", "atlantis"), ("website", "javascript:alert(1)"),
            ("languages", "xx"), ("lang", "de"), ("description", "Beschreibung bleibt erhalten"),
        ]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY)
            .contains("value=\"Neuer Verein Trier\"")
            .contains("Beschreibung bleibt erhalten")
            .contains("class=\"error-summary\"")
            .contains("href=\"#kind\"")
            .contains(&format!("{}: ", msg(Locale::De, "field-kind")))
            .contains(&format!("{}: ", msg(Locale::De, "field-city")))
            .contains(&format!("{}: ", msg(Locale::De, "field-website")))
            .contains("aria-invalid=\"true\"");
        let none = passerelle::i18n::t_args(Locale::De, "count-organisations", &[("count", "0".into())]);
        coord.get("/de/organisations?q=Neuer").await.contains(&none);
    }

    async fn a_coordinator_creates_and_deletes_an_organisation(db) {
        let t = TestApp::demo(db).await;
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/en/organisations/new").await;
        let r = coord.post_form("/en/organisations", &[
            ("name", "Maison des Associations Metz"), ("kind", "association"), ("city", "metz"), ("lang", "fr"),
            ("themes", "participation"), ("description", "Un lieu **ouvert**."),
        ]).await;
        r.assert(StatusCode::SEE_OTHER);
        assert_eq!(r.header("location"), "/en/organisations/maison-des-associations-metz?done=created");
        coord.get("/en/organisations/maison-des-associations-metz").await.contains("<strong>ouvert</strong>");
        let r = coord.post_form("/en/organisations", &[("name", "Maison des Associations Metz"), ("kind", "association"), ("city", "metz"), ("lang", "fr")]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("already used");
        coord.post_form("/en/organisations/maison-des-associations-metz/delete", &[]).await.assert(StatusCode::SEE_OTHER);
        coord.get("/en/organisations/maison-des-associations-metz").await.assert(StatusCode::NOT_FOUND);
    }

    async fn people_are_added_and_removed_by_their_organisations_editor(db) {
        let t = TestApp::demo(db).await;
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor.get("/en/people/new?organisation=association-dounia").await.assert(StatusCode::OK).contains("<option value=\"association-dounia\" selected>");
        let r = editor.post_form("/en/people", &[("name", "Accueil, Association Dounia"), ("role", "Accueil"), ("organisation", "association-dounia"), ("languages", "fr"), ("email", "accueil@dounia.example")]).await;
        r.assert(StatusCode::SEE_OTHER);
        editor.get("/en/organisations/association-dounia").await.contains("Accueil, Association Dounia");
        let r = editor.post_form("/en/people", &[("name", "Someone"), ("organisation", "cafe-baer-trier-west")]).await;
        r.assert(StatusCode::FORBIDDEN);
        editor.get("/en/people/accueil-association-dounia").await;
        editor.post_form("/en/people/accueil-association-dounia/delete", &[]).await.assert(StatusCode::SEE_OTHER);
        editor.get("/en/people/accueil-association-dounia").await.assert(StatusCode::NOT_FOUND);
    }

    async fn markdown_in_descriptions_is_sanitized(db) {
        let t = TestApp::demo(db).await;
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/en/organisations/new").await;
        coord.post_form("/en/organisations", &[
            ("name", "Hostile Test"), ("kind", "other"), ("city", "trier"), ("lang", "en"),
            ("description", "<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>"),
        ]).await.assert(StatusCode::SEE_OTHER);
        let r = coord.get("/en/organisations/hostile-test").await;
        r.lacks("<script>alert").lacks("href=\"javascript:").lacks("onerror");
    }

    async fn people_are_filtered_by_city_language_and_organisation(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        c.get("/en/people?city=metz").await.assert(StatusCode::OK).contains("Dounia").lacks("Café Bär");
        c.get("/en/people?organisation=cafe-baer-trier-west").await.contains("Café Bär").lacks("Dounia");
        let r = c.get("/en/people?language=pt").await;
        r.assert(StatusCode::OK).contains("Ausländerbeirat Trier");
    }

    async fn coordinators_add_and_rename_cities_and_countries(db) {
        let t = TestApp::demo(db).await;
        let mut editor = t.signed_in(EDITOR.0, EDITOR.1).await;
        editor.get("/en/cities/new").await.assert(StatusCode::FORBIDDEN);
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/en/cities").await.contains("/en/cities/new");
        coord.get("/en/cities/new").await.assert(StatusCode::OK);
        let r = coord.post_form("/en/cities", &[("name", "Esch-sur-Alzette"), ("country", "LU"), ("lat", "95"), ("name_de", "Esch an der Alzette")]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("value=\"Esch an der Alzette\"").contains("Latitude: must be between");
        let r = coord.post_form("/en/cities", &[("name", "Esch-sur-Alzette"), ("country", "LU"), ("lat", "49.4958"), ("lon", "5.9806"), ("name_de", "Esch an der Alzette")]).await;
        r.assert(StatusCode::SEE_OTHER);
        coord.get("/de/cities/esch-sur-alzette").await.contains("Esch an der Alzette").contains("Esch-sur-Alzette");
        coord.get("/en/cities/esch-sur-alzette/edit").await.assert(StatusCode::OK).contains("value=\"49.4958\"");
        coord.post_form("/en/cities/esch-sur-alzette", &[("name", "Esch-sur-Alzette"), ("slug", "esch"), ("country", "LU")]).await.assert(StatusCode::SEE_OTHER);
        coord.get("/en/cities/esch").await.assert(StatusCode::OK);
        coord.get("/en/countries/new").await.assert(StatusCode::OK);
        coord.post_form("/en/countries", &[("code", "nl"), ("name_de", "Niederlande"), ("name_fr", "Pays-Bas"), ("name_en", "")]).await.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("English name: this field is required");
        coord.post_form("/en/countries", &[("code", "nl"), ("name_de", "Niederlande"), ("name_fr", "Pays-Bas"), ("name_en", "Netherlands")]).await.assert(StatusCode::SEE_OTHER);
        coord.get("/fr/countries/NL").await.assert(StatusCode::OK).contains("Pays-Bas");
        coord.get("/en/countries/NL/edit").await;
        coord.post_form("/en/countries/NL", &[("code", "XX"), ("name_de", "Holland"), ("name_fr", "Pays-Bas"), ("name_en", "Netherlands")]).await.assert(StatusCode::SEE_OTHER);
        coord.get("/de/countries/NL").await.contains("Holland");
    }

    async fn cached_pages_follow_every_change_and_never_cross_sessions(db) {
        let t = TestApp::demo(db).await;
        let mut public = t.client();
        public.get("/en/organisations/association-dounia").await;
        public.get("/en/organisations/association-dounia").await.lacks("Dounia Metz-Borny");
        public.get("/en/people/vorsitz-auslaenderbeirat-trier").await.lacks(".example");
        // A member reading the same address gets their own page, with e-mail addresses.
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/en/people/vorsitz-auslaenderbeirat-trier").await.contains("vorsitz@auslaenderbeirat-trier.example");
        public.get("/en/people/vorsitz-auslaenderbeirat-trier").await.lacks(".example");
        // A change through this server is visible at once.
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/en/organisations/association-dounia/edit").await;
        coord.post_form("/en/organisations/association-dounia", &[
            ("name", "Association Dounia Metz-Borny"), ("slug", "association-dounia"), ("kind", "association"), ("city", "metz"), ("lang", "fr"),
        ]).await.assert(StatusCode::SEE_OTHER);
        public.get("/en/organisations/association-dounia").await.contains("Dounia Metz-Borny");
        public.get("/en/organisations?city=metz").await.contains("Dounia Metz-Borny");
        // A change written by another process is picked up when the server catches up; until
        // then the kept page is served (which shows that pages are kept at all).
        public.get("/en/cities").await.lacks("Thionville");
        let other = passerelle::app::App::new(t.app.config().clone()).await.expect("second process");
        let form = passerelle::domain::directory::CityForm { name: "Thionville".into(), country: "FR".into(), ..Default::default() };
        other.create_city(&passerelle::domain::Actor::System, &form).await.expect("city");
        public.get("/en/cities").await.lacks("Thionville");
        t.app.catch_up().await.expect("catch up");
        public.get("/en/cities").await.contains("Thionville");
    }
}
