//! The lexicon of the language bridge: a file is checked whole and written in one transaction
//! (a truncated or malformed file writes nothing), and its translations carry a query into the
//! other languages in every direction, while a draft stays out of every public result.

#![allow(clippy::unwrap_used)] // JSON shapes are the assertion: a missing field should fail the test.

use std::io::Write;

use passerelle::app::{Format, ImportOptions};
use passerelle::domain::Actor;

use crate::helpers::*;
use crate::search::urlencode;

fn none(_: u64, _: u64) {}

/// Three practices, one per language, each on its own subject; no word is shared between them.
const CORPUS: &str = r#"{"ref":"lx-de","title":"Wohnungen für Familien","summary":"Die Stadt vermittelt Wohnungen. Vermieter werden beraten.","lang":"de","city":"Trier","country":"DE"}
{"ref":"lx-fr","title":"Soutien scolaire au quartier","summary":"Des bénévoles donnent du soutien scolaire. Les enfants progressent.","lang":"fr","city":"Metz","country":"FR"}
{"ref":"lx-en","title":"Bicycle lessons for women","summary":"Volunteers teach cycling. Women gain mobility.","lang":"en","city":"Luxembourg","country":"LU"}
"#;

/// Translations between the three subjects' words, as `scripts/lexicon` writes them.
const LEXICON: &str = "src_lang\tsrc_word\tdst_lang\tdst_word\tweight
# housing
de\tWohnung\tfr\tlogement\t2.5
de\tWohnung\ten\tflat\t2.4
de\tWohnung\ten\tapartment\t2.2
fr\tlogement\tde\tWohnung\t2.5
fr\tlogement\ten\thousing\t2.5
en\thousing\tde\tWohnung\t2.3
en\thousing\tfr\tlogement\t2.5
# tutoring
fr\tsoutien scolaire\ten\ttutoring\t2.0
de\tNachhilfe\tfr\tsoutien scolaire\t2.4
de\tNachhilfe\ten\ttutoring\t2.4
en\ttutoring\tfr\tsoutien scolaire\t2.2
en\ttutoring\tde\tNachhilfe\t2.2
# cycling
de\tFahrrad\ten\tbicycle\t2.6
fr\tvélo\ten\tbicycle\t2.6
fr\tvélo\tde\tFahrrad\t2.6
en\tbicycle\tde\tFahrrad\t2.6
en\tbicycle\tfr\tvélo\t2.6
";

fn file(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn gzip(text: &str) -> Vec<u8> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(text.as_bytes()).expect("gzip");
    z.finish().expect("gzip")
}

async fn refs(c: &mut Client, q: &str, lang: &str) -> Vec<String> {
    let v = c
        .get(&format!(
            "/api/v1/search?q={}&lang={lang}&type=practice",
            urlencode(q)
        ))
        .await
        .json();
    crate::search::refs(&v)
}

both! {
    async fn a_lexicon_file_is_checked_whole_and_written_at_once(db) {
        let t = TestApp::new(db).await;
        let dir = tempfile::tempdir().expect("dir");
        // Written from a gzip file, and read back by every form of a word.
        let good = file(dir.path(), "lexicon.tsv.gz", &gzip(LEXICON));
        let dry = t.app.import_lexicon(&Actor::System, &good, true, &none).await.expect("dry run");
        assert!(dry.problems.is_empty() && !dry.written, "{dry:?}");
        assert_eq!(t.app.lexicon_size().await.expect("size"), 0, "a dry run writes nothing");
        let report = t.app.import_lexicon(&Actor::System, &good, false, &none).await.expect("import");
        assert!(report.written && report.problems.is_empty(), "{report:?}");
        // "soutien scolaire" is two words: no search looks it up, so it is left out.
        assert_eq!(report.records, 17);
        assert_eq!(report.skipped, 1);
        assert_eq!(t.app.lexicon_size().await.expect("size"), 16);
        // A truncated gzip file, and a file of bad lines: every problem with its line, nothing written.
        let bytes = gzip(&LEXICON.replace("src_lang\tsrc_word\tdst_lang\tdst_word\tweight\n", "").repeat(50));
        let truncated = file(dir.path(), "truncated.tsv.gz", &bytes[..bytes.len() / 2]);
        let report = t.app.import_lexicon(&Actor::System, &truncated, false, &none).await.expect("report");
        assert!(!report.written);
        assert_eq!(report.problems.iter().map(|p| (p.field.as_str(), p.error.key)).collect::<Vec<_>>(), [("file", "error-lexicon-unreadable")]);
        let bad = file(dir.path(), "bad.tsv", "de\tWohnung\tfr\tlogement\t1\nde\tWohnung\tfr\n\nxx\tWort\tde\tWort\t-1\nde\t\ten\tword\t1\n".as_bytes());
        let report = t.app.import_lexicon(&Actor::System, &bad, false, &none).await.expect("report");
        let found: Vec<(usize, &str, &str)> = report.problems.iter().map(|p| (p.line, p.field.as_str(), p.error.key)).collect();
        assert_eq!(found, [
            (2, "file", "error-lexicon-columns"),
            (4, "src_lang", "error-choice"),
            (4, "weight", "error-lexicon-weight"),
            (5, "src_word", "error-required"),
        ]);
        let empty = file(dir.path(), "empty.tsv", b"# nothing\n");
        let report = t.app.import_lexicon(&Actor::System, &empty, false, &none).await.expect("report");
        assert_eq!(report.problems[0].error.key, "error-lexicon-empty");
        assert_eq!(t.app.lexicon_size().await.expect("size"), 16, "the lexicon is as it was");
        // Only those who may edit the glossary replace the lexicon.
        assert!(t.app.import_lexicon(&Actor::Anonymous, &good, false, &none).await.is_err());
    }

    async fn translations_carry_a_query_into_every_other_language(db) {
        let t = TestApp::new(db).await;
        t.app.load_demo_network().await.expect("directory");
        let report = t.app.import_practices(&Actor::System, CORPUS, Format::JsonLines, ImportOptions { dry_run: false, publish: true }, &none).await.expect("import");
        assert!(report.written, "{report:?}");
        // A draft that the lexicon would find: never in a public result.
        let draft = r#"{"ref":"lx-draft","title":"Logement d'urgence","summary":"Un brouillon. Pas encore publié.","lang":"fr","city":"Metz","country":"FR"}"#;
        t.app.import_practices(&Actor::System, draft, Format::JsonLines, ImportOptions::default(), &none).await.expect("draft");
        t.app.open_search().await.expect("index opens");
        let mut c = t.client();
        // Without the lexicon, each language keeps to itself, and the admin is told.
        assert!(refs(&mut c, "housing", "en").await.is_empty());
        t.app.load_demo().await.expect("demo accounts");
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        admin.get("/en/admin/users").await.contains("The lexicon is not installed");
        let dir = tempfile::tempdir().expect("dir");
        let path = file(dir.path(), "lexicon.tsv", LEXICON.as_bytes());
        t.app.import_lexicon(&Actor::System, &path, false, &none).await.expect("lexicon");
        admin.get("/en/admin/users").await.contains("a lexicon of 16 translations").lacks("not installed");
        for (q, lang, want) in [
            ("housing", "en", "lx-de"),            // en → de
            ("logements", "fr", "lx-de"),          // fr → de, another form of the word
            ("Nachhilfe", "de", "lx-fr"),          // de → fr, a two-word translation
            ("tutoring", "en", "lx-fr"),           // en → fr
            ("Fahrrad", "de", "lx-en"),            // de → en
            ("vélo", "fr", "lx-en"),               // fr → en
        ] {
            let found = refs(&mut c, q, lang).await;
            assert_eq!(found.first().map(String::as_str), Some(want), "{q}: {found:?}");
            assert!(!found.contains(&"lx-draft".to_string()), "{q}: a draft in a public result");
        }
        // A misspelt word that no language's lexicon knows borrows its closest key's translations.
        assert_eq!(refs(&mut c, "Fahrad", "de").await.first().map(String::as_str), Some("lx-en"));
        // A word that occurs nowhere does not empty a query: the others still find.
        assert_eq!(refs(&mut c, "Fahrrad Zeppelinwerft", "de").await.first().map(String::as_str), Some("lx-en"));
        // The results say which translations were used, and one can be left out.
        let v = c.get("/api/v1/search?q=housing&lang=en&type=practice").await.json();
        let used = v["translations"].as_array().unwrap();
        assert!(used.iter().any(|t| t["lang"] == "de" && t["text"] == "Wohnung"), "{v}");
        let v = c.get("/api/v1/search?q=housing&lang=en&type=practice&without=de%3AWohnung").await.json();
        assert!(!v["translations"].as_array().unwrap().iter().any(|t| t["text"] == "Wohnung"), "{v}");
        assert!(!v["results"].as_array().unwrap().iter().any(|r| r["ref"] == "lx-de"), "without its translation the German practice is not found: {v}");
        let r = c.get("/api/v1/search?q=housing&lang=en&without=Wohnung").await;
        r.assert(axum::http::StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["error"]["fields"]["without"].is_string(), "{}", r.body);
        // The page says so too, in the reader's language, and each translation can be left out
        // and taken back with a link (no script).
        let page = c.get("/fr/search?q=housing").await;
        page.assert(axum::http::StatusCode::OK).contains("Recherche élargie").contains("<span lang=\"de\">Wohnung</span>");
        let start = page.body.find("rechercher sans «\u{a0}Wohnung\u{a0}»").expect("a link leaving Wohnung out");
        let href_start = page.body[..start].rfind("href=\"").expect("href") + 6;
        let href = page.body[href_start..start].split('"').next().expect("href").replace("&#38;", "&").replace("&amp;", "&");
        let without = c.get(&href).await;
        without.assert(axum::http::StatusCode::OK).contains("Écartées à votre demande").contains("rechercher de nouveau «\u{a0}Wohnung\u{a0}»").lacks("vermittelt");
    }

    async fn of_a_words_senses_those_sharing_documents_with_the_other_words_are_used(db) {
        let t = TestApp::new(db).await;
        t.app.load_demo_network().await.expect("directory");
        let corpus = r#"{"ref":"se-home","title":"Die erste eigene Wohnung","summary":"Nach der Anerkennung sucht jeder Flüchtling eine Wohnung. Paten helfen.","lang":"de","city":"Trier","country":"DE"}
{"ref":"se-roof","title":"Flache Dächer begrünen","summary":"Flach gebaute Dächer werden bepflanzt. Das kühlt die Stadt.","lang":"de","city":"Trier","country":"DE"}"#;
        let report = t.app.import_practices(&Actor::System, corpus, Format::JsonLines, ImportOptions { dry_run: false, publish: true }, &none).await.expect("import");
        assert!(report.written, "{report:?}");
        // A person (members only) whose role puts "Flachland" beside the refugees: what a reader
        // may not see weighs nothing in the choice.
        let person = passerelle::domain::directory::PersonForm { name: "Flachland für Flüchtlinge".into(), role: "Flachland, Flüchtlinge".into(), organisation: "wohnungsgenossenschaft-am-beutelweg".into(), ..Default::default() };
        t.app.create_person(&Actor::System, &person).await.expect("person");
        // "flat" as a general dictionary ranks it: the flat roof first, the flat one lives in last.
        let lexicon = "src_lang\tsrc_word\tdst_lang\tdst_word\tweight
en\tflat\tde\tflach\t2.6
en\tflat\tde\teben\t2.5
en\tflat\tde\tEbene\t2.4
en\tflat\tde\tFlachland\t2.3
en\tflat\tde\tWohnung\t2.2
en\trefugee\tde\tFlüchtling\t2.6
";
        let dir = tempfile::tempdir().expect("dir");
        let path = file(dir.path(), "lexicon.tsv", lexicon.as_bytes());
        t.app.import_lexicon(&Actor::System, &path, false, &none).await.expect("lexicon");
        t.app.open_search().await.expect("index opens");
        let mut c = t.client();
        let v = c.get("/api/v1/search?q=flat%20for%20refugees&lang=en&type=practice").await.json();
        let used: Vec<&str> = v["translations"].as_array().unwrap().iter().filter(|t| t["word"] == "flat").map(|t| t["text"].as_str().unwrap()).collect();
        assert_eq!(used, ["Wohnung", "flach", "eben"], "{v}");
        assert_eq!(crate::search::refs(&v).first().map(String::as_str), Some("se-home"), "{v}");
        // Without a kind, the same for the public; a member, who sees the person, gets
        // "Flachland" first: the test can tell the two apart.
        let v = c.get("/api/v1/search?q=flat%20for%20refugees&lang=en").await.json();
        let used: Vec<&str> = v["translations"].as_array().unwrap().iter().filter(|t| t["word"] == "flat").map(|t| t["text"].as_str().unwrap()).collect();
        assert_eq!(used, ["Wohnung", "flach", "eben"], "{v}");
        t.app.load_demo().await.expect("demo accounts");
        let mut member = t.signed_in(ADMIN.0, ADMIN.1).await;
        let v = member.get("/api/v1/search?q=flat%20for%20refugees&lang=en").await.json();
        let used: Vec<&str> = v["translations"].as_array().unwrap().iter().filter(|t| t["word"] == "flat").map(|t| t["text"].as_str().unwrap()).collect();
        assert_eq!(used.first(), Some(&"Flachland"), "{v}");
        // One word alone has no company: the lexicon's order stands ("Ebene" is "eben" once
        // analyzed, so one of them).
        let v = c.get("/api/v1/search?q=flat&lang=en&type=practice").await.json();
        let used: Vec<&str> = v["translations"].as_array().unwrap().iter().map(|t| t["text"].as_str().unwrap()).collect();
        assert_eq!(used, ["flach", "eben", "Flachland"], "{v}");
    }

    async fn a_german_word_list_splits_compounds_for_the_index_and_the_queries(db) {
        let t = TestApp::new(db).await;
        t.app.load_demo_network().await.expect("directory");
        let corpus = r#"{"ref":"wl-de","title":"Eine Fahrradwerkstatt im Viertel","summary":"Jugendliche reparieren gebrauchte Räder. Sie lernen dabei Deutsch.","lang":"de","city":"Trier","country":"DE"}
{"ref":"wl-en","title":"A repair café","summary":"Neighbours fix broken things together.","lang":"en","city":"Luxembourg","country":"LU"}"#;
        let report = t.app.import_practices(&Actor::System, corpus, Format::JsonLines, ImportOptions { dry_run: false, publish: true }, &none).await.expect("import");
        assert!(report.written, "{report:?}");
        // A word list after the translations, its words folded; a header switches back.
        let lexicon = "src_lang\tsrc_word\tdst_lang\tdst_word\tweight
en\tbicycle\tde\tFahrrad\t2.6
lang\tword\tzipf
de\tFahrrad\t4.2
de\tWerkstatt\t4.0
de\tFahrradwerkstatt\t1.9
de\tviertel\t4.5
src_lang\tsrc_word\tdst_lang\tdst_word\tweight
en\tworkshop\tde\tWerkstatt\t2.4
";
        let dir = tempfile::tempdir().expect("dir");
        let path = file(dir.path(), "lexicon.tsv", lexicon.as_bytes());
        let report = t.app.import_lexicon(&Actor::System, &path, false, &none).await.expect("lexicon");
        assert!(report.written, "{report:?}");
        assert_eq!((report.records, report.words), (2, 4));
        assert_eq!(t.app.lexicon_word_count().await.expect("words"), 4);
        // The index opens with the list: the compound is found by each of its parts, in German
        // and through the translations of its parts.
        t.app.open_search().await.expect("index opens");
        let mut c = t.client();
        for (q, lang) in [("Fahrrad", "de"), ("Werkstatt", "de"), ("Werkstätten", "de"), ("bicycle workshop", "en")] {
            assert_eq!(refs(&mut c, q, lang).await.first().map(String::as_str), Some("wl-de"), "{q}");
        }
        // Bad lines of a word list are listed like any other; nothing is written.
        let bad = file(dir.path(), "bad.tsv", "lang\tword\tzipf\nde\tzwei Wörter\t3\nde\tWort\t12\nxx\tWort\t3\nde\tWort\n".as_bytes());
        let report = t.app.import_lexicon(&Actor::System, &bad, false, &none).await.expect("report");
        let found: Vec<(usize, &str, &str)> = report.problems.iter().map(|p| (p.line, p.field.as_str(), p.error.key)).collect();
        assert_eq!(found, [
            (2, "src_word", "error-lexicon-word"),
            (3, "zipf", "error-lexicon-zipf"),
            (4, "src_lang", "error-choice"),
            (5, "file", "error-lexicon-columns"),
        ]);
        assert_eq!(t.app.lexicon_word_count().await.expect("words"), 4, "the lexicon is as it was");
        // A file of word lists alone replaces the word lists and leaves the translations.
        let words = file(dir.path(), "words.tsv", "lang\tword\tzipf\nde\tRad\t4.0\n".as_bytes());
        let report = t.app.import_lexicon(&Actor::System, &words, false, &none).await.expect("words");
        assert!(report.written, "{report:?}");
        assert_eq!(t.app.lexicon_word_count().await.expect("words"), 1);
        assert_eq!(t.app.lexicon_size().await.expect("size"), 2);
    }

    async fn coordinators_correct_the_lexicon_and_their_corrections_outlive_an_import(db) {
        let t = TestApp::demo(db).await;
        let dir = tempfile::tempdir().expect("dir");
        let path = file(dir.path(), "lexicon.tsv", LEXICON.as_bytes());
        t.app.import_lexicon(&Actor::System, &path, false, &none).await.expect("lexicon");
        t.app.open_search().await.expect("index opens");
        let mut reader = t.client();
        let used = |v: serde_json::Value| -> Vec<String> {
            v["translations"].as_array().unwrap().iter().map(|t| format!("{}:{}", t["lang"].as_str().unwrap(), t["text"].as_str().unwrap())).collect()
        };
        let search = "/api/v1/search?q=Wohnung&lang=de";
        assert!(used(reader.get(search).await.json()).contains(&"en:flat".to_string()));
        // Only those who may edit the glossary see the lexicon.
        reader.get("/en/lexicon").await.assert(axum::http::StatusCode::UNAUTHORIZED);
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/en/lexicon?src_lang=de&src_word=Wohnung").await.assert(axum::http::StatusCode::FORBIDDEN);
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/en/glossary").await.contains("/en/lexicon");
        let page = coord.get("/en/lexicon?src_lang=de&src_word=Wohnungen").await;
        page.assert(axum::http::StatusCode::OK).contains("<span lang=\"en\">flat</span>").contains("<span lang=\"fr\">logement</span>").contains("filed under “Wohnung”");
        // A wrong sense removed, a missing translation added: the search follows at once.
        let correct = |action: &'static str, lang: &'static str, text: &'static str| {
            vec![("src_lang", "de"), ("src_word", "Wohnung"), ("dst_lang", lang), ("dst_word", text), ("action", action)]
        };
        coord.post_form("/en/lexicon", &correct("remove", "en", "flat")).await.assert(axum::http::StatusCode::SEE_OTHER);
        coord.post_form("/en/lexicon", &correct("add", "en", "dwelling")).await.assert(axum::http::StatusCode::SEE_OTHER);
        let found = used(reader.get(search).await.json());
        assert!(!found.contains(&"en:flat".to_string()) && found.contains(&"en:dwelling".to_string()), "{found:?}");
        let page = coord.get("/en/lexicon?src_lang=de&src_word=Wohnung&done=saved").await;
        page.contains("Your changes have been saved").contains("removed by a coordinator").contains("Use “flat” again").contains("added by a coordinator");
        // Bad input names the field, keeps what was typed and writes nothing.
        let r = coord.post_form("/en/lexicon", &[("src_lang", "de"), ("src_word", "Wohnung"), ("dst_lang", "de"), ("dst_word", "Heim"), ("action", "add")]).await;
        r.assert(axum::http::StatusCode::UNPROCESSABLE_ENTITY).contains("Language of the translation: a translation must be into another language").contains("value=\"Heim\"");
        let r = coord.post_form("/en/lexicon", &[("src_lang", "de"), ("src_word", "und"), ("dst_lang", "en"), ("dst_word", "and"), ("action", "add")]).await;
        r.assert(axum::http::StatusCode::UNPROCESSABLE_ENTITY).contains("Word: look up one word that is not a stop word");
        // A semicolon would break the links that leave a translation out; invisible characters
        // would hide a word behind another; and only a listed translation can be removed.
        for (text, message) in [("a;b", "remove the semicolons"), ("loge\u{200b}ment", "invisible characters"), ("le", "holds no word a search can look for")] {
            let r = coord.post_form("/en/lexicon", &[("src_lang", "de"), ("src_word", "Wohnung"), ("dst_lang", "fr"), ("dst_word", text), ("action", "add")]).await;
            r.assert(axum::http::StatusCode::UNPROCESSABLE_ENTITY).contains(message);
        }
        coord.post_form("/en/lexicon", &correct("remove", "en", "igloo")).await.assert(axum::http::StatusCode::UNPROCESSABLE_ENTITY).contains("not listed for the word");
        // An addition filed under another form of the word is used all the same, and the page
        // says what the search uses, as the search does.
        coord.post_form("/en/lexicon", &[("src_lang", "de"), ("src_word", "Wohnungen"), ("dst_lang", "fr"), ("dst_word", "habitation"), ("action", "add")]).await.assert(axum::http::StatusCode::SEE_OTHER);
        let found = used(reader.get(search).await.json());
        assert!(found.contains(&"fr:habitation".to_string()), "{found:?}");
        let page = coord.get("/en/lexicon?src_lang=de&src_word=Wohnung").await;
        let row = |text: &str| page.body.split("<tr>").find(|r| r.contains(&format!(">{text}</span>"))).unwrap_or_default().to_string();
        assert!(row("habitation").contains("added by a coordinator, used first"), "{}", row("habitation"));
        assert!(row("apartment").contains("<td>used</td>"), "{}", row("apartment"));
        // Coordinators reach the page from the translations a search used.
        coord.get("/en/search?q=Wohnung").await.contains("/en/lexicon?src_lang=de&#38;src_word=Wohnung");
        // A new lexicon leaves the corrections in place.
        t.app.import_lexicon(&Actor::System, &path, false, &none).await.expect("lexicon again");
        let found = used(reader.get(search).await.json());
        assert!(!found.contains(&"en:flat".to_string()) && found.contains(&"en:dwelling".to_string()), "{found:?}");
        // Taken back: the lexicon's own translation again, the added one gone.
        coord.post_form("/en/lexicon", &correct("restore", "en", "flat")).await.assert(axum::http::StatusCode::SEE_OTHER);
        coord.post_form("/en/lexicon", &correct("remove", "en", "dwelling")).await.assert(axum::http::StatusCode::SEE_OTHER);
        let found = used(reader.get(search).await.json());
        assert!(found.contains(&"en:flat".to_string()) && !found.contains(&"en:dwelling".to_string()), "{found:?}");
    }
}
