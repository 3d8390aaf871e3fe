//! Import and export of practices, on both databases: a bad file is reported whole and nothing
//! is written; a good one is written at once; importing again updates; an export reads back
//! to the same data.

use passerelle::app::{Format, ImportOptions};
use passerelle::domain::Actor;
use passerelle::storage::PracticeFilter;

use axum::http::StatusCode;

use crate::helpers::*;

fn none(_: u64, _: u64) {}

const GOOD: &str = r#"{"ref":"ext-1","title":"Sprachpatenschaften","summary":"Ehrenamtliche begleiten Neuankommende. Sie üben gemeinsam Deutsch.","lang":"de","city":"Trier","country":"DE","themes":["language"],"target_groups":["Neuankommende"]}
{"ref":"ext-2","title":"Café des parents","summary":"Des parents se retrouvent à l'école. Ils échangent sur la scolarité.","lang":"fr","city":"Esch-sur-Alzette","country":"LU","description":"Le texte entier.","translations":{"de":{"title":"Elterncafé"}}}
"#;

/// Everything `actor` may export, as text.
async fn export(app: &passerelle::app::App, actor: &Actor, format: Format) -> String {
    let mut out = Vec::new();
    app.export_practices(actor, format, &mut out)
        .await
        .expect("export");
    String::from_utf8(out).expect("UTF-8")
}

async fn count(t: &TestApp) -> i64 {
    t.app
        .practices(&Actor::System, &PracticeFilter::default(), "en", None, None)
        .await
        .expect("list")
        .total
}

both! {
    async fn a_bad_file_is_reported_line_by_line_and_nothing_is_written(db) {
        let t = TestApp::demo(db).await;
        let before = count(&t).await;
        let file = [
            r#"{"ref":"a","title":"Gut","summary":"Eins. Zwei.","lang":"de","city":"Trier","country":"DE"}"#,
            r#"{"ref":"b","title":"","summary":"Eins. Zwei.","lang":"de","city":"Trier","country":"DE"}"#,
            r#"{"ref":"c","title":"Land","summary":"Eins. Zwei.","lang":"de","city":"Atlantis","country":"ZZ"}"#,
            r#"not json"#,
            r#"{"ref":"e","title":"Thema","summary":"Eins. Zwei.","lang":"de","city":"Metz","country":"FR","themes":["cooking"],"period_start":"2008-13"}"#,
            r#"{"ref":"a","title":"Doppelt","summary":"Eins. Zwei.","lang":"xx","city":"Trier","country":"DE"}"#,
            &format!(r#"{{"ref":"g","title":"Viele","summary":"Eins. Zwei.","lang":"de","city":"Trier","country":"DE","organisations":{many},"contacts":{many},"themes":{many}}}"#,
                many = serde_json::to_string(&(0..101).map(|i| format!("unbekannt-{i}")).collect::<Vec<_>>()).expect("json")),
        ].join("\n");
        let report = t.app.import_practices(&Actor::System, &file, Format::JsonLines, ImportOptions::default(), &none).await.expect("report");
        let found: Vec<(usize, &str, &str)> = report.problems.iter().map(|p| (p.line, p.field.as_str(), p.error.key)).collect();
        for expected in [(2, "title", "error-required"), (3, "country", "error-unknown-country"), (4, "line", "error-import-json"),
                         (5, "themes", "error-unknown-theme"), (5, "period_start", "error-date"), (6, "lang", "error-choice")] {
            assert!(found.contains(&expected), "missing {expected:?} in {found:?}");
        }
        // Too many values in a list are one error for the field, not one per unknown value.
        for field in ["organisations", "contacts", "themes"] {
            let on_line: Vec<_> = report.problems.iter().filter(|p| p.line == 7 && p.field == field).collect();
            assert_eq!(on_line.len(), 1, "{field}: {on_line:?}");
        }
        assert!(!report.written);
        assert_eq!(count(&t).await, before, "nothing was written");
        assert!(t.app.city("atlantis").await.is_err(), "no city was created");
        let dry = t.app.import_practices(&Actor::System, GOOD, Format::JsonLines, ImportOptions { dry_run: true, publish: false }, &none).await.expect("dry run");
        assert!(dry.problems.is_empty() && !dry.written && dry.created == 2 && dry.cities_created == 1, "{dry:?}");
        assert_eq!(count(&t).await, before, "a dry run writes nothing");
        let csv = "title,lang,summary\nx,de,y\n";
        let r = t.app.import_practices(&Actor::System, csv, Format::Csv, ImportOptions::default(), &none).await.expect("report");
        assert!(r.problems.iter().any(|p| p.field == "city" && p.error.key == "error-import-column"), "{:?}", r.problems);
        let member = t.app.login(MEMBER.0, MEMBER.1, "t").await.expect("member").1.actor;
        assert!(t.app.import_practices(&member, GOOD, Format::JsonLines, ImportOptions::default(), &none).await.is_err(), "coordinators only");
        // A file is read from disk a record at a time: a line longer than any practice is a
        // problem on its line, not a load on memory, and the lines after it are still checked.
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("long.jsonl");
        let long = format!(r#"{{"ref":"z","title":"{}"}}"#, "x".repeat(5 * 1024 * 1024));
        std::fs::write(&path, format!("{long}\n{}\n", &file.lines().nth(1).expect("line 2"))).expect("file");
        let seen = std::sync::Mutex::new(Vec::new());
        let progress = |done: u64, total: u64| seen.lock().expect("lock").push((done, total));
        let report = t.app.import_practices(&Actor::System, path.as_path(), Format::JsonLines, ImportOptions::default(), &progress).await.expect("report");
        let found: Vec<(usize, &str, &str)> = report.problems.iter().map(|p| (p.line, p.field.as_str(), p.error.key)).collect();
        assert_eq!(found, [(1, "line", "error-import-json"), (2, "title", "error-required")]);
        let seen = seen.into_inner().expect("lock");
        let size = std::fs::metadata(&path).expect("size").len();
        assert!(seen.iter().all(|(done, total)| *total == 2 * size && done <= total), "{seen:?}");
        // A line of exactly 4 MiB ends where it ends: the next line is still read and numbered.
        let exact = format!("{}\nnot json\n", "x".repeat(4 * 1024 * 1024));
        let report = t.app.import_practices(&Actor::System, &exact, Format::JsonLines, ImportOptions::default(), &none).await.expect("report");
        let lines: Vec<usize> = report.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 2]);
        // A file of many bad lines lists the first thousand problems and counts them all.
        let many = "x\n".repeat(1_500);
        let report = t.app.import_practices(&Actor::System, &many, Format::JsonLines, ImportOptions::default(), &none).await.expect("report");
        assert_eq!((report.problems.len(), report.problem_count), (1_000, 1_500));
    }

    async fn a_good_file_is_written_and_importing_it_again_updates(db) {
        let t = TestApp::demo(db).await;
        let before = count(&t).await;
        let report = t.app.import_practices(&Actor::System, GOOD, Format::JsonLines, ImportOptions { dry_run: false, publish: true }, &none).await.expect("import");
        assert!(report.written && report.created == 2 && report.cities_created == 1, "{report:?}");
        assert_eq!(count(&t).await, before + 2);
        let (city, _, _) = t.app.city("esch-sur-alzette").await.expect("a new city under Luxembourg");
        assert_eq!(city.country, "LU");
        let p = t.app.practice(&Actor::Anonymous, "cafe-des-parents", "de").await.expect("published");
        assert_eq!(p.texts[0].1.as_ref().map(|t| t.text.as_str()), Some("Elterncafé"));
        assert_eq!(p.texts[3].1.as_ref().map(|t| t.text.as_str()), Some("Le texte entier."), "description becomes the approach");
        let again = t.app.import_practices(&Actor::System, GOOD, Format::JsonLines, ImportOptions::default(), &none).await.expect("again");
        assert!(again.written && again.created == 0 && again.updated == 2, "{again:?}");
        assert_eq!(count(&t).await, before + 2, "no duplicates");
    }

    async fn an_export_reads_back_to_the_same_data(db) {
        let a = TestApp::demo(db).await;
        for format in [Format::JsonLines, Format::Csv] {
            let exported = export(&a.app, &Actor::Anonymous, format).await;
            assert_eq!(exported.lines().filter(|l| l.contains("vernetzte-stadtteilarbeit-trier-nord")).count(), 1);
            let b = TestApp::new(db).await;
            b.app.load_demo_network().await.expect("directory");
            let report = b.app.import_practices(&Actor::System, &exported, format, ImportOptions { dry_run: false, publish: true }, &none).await.expect("import");
            assert!(report.problems.is_empty(), "{:?}", report.problems);
            let again = export(&b.app, &Actor::System, format).await;
            assert_eq!(again, exported, "{format:?} round trip");
        }
    }

    async fn an_export_of_several_pages_holds_every_practice_once(db) {
        // More than two of the export's pages of 500, with drafts among them that an anonymous
        // reader must not get.
        let t = TestApp::demo(db).await;
        let lines = |prefix: &str, title: &str, range: std::ops::Range<usize>| -> String {
            range
                .map(|i| format!(r#"{{"ref":"{prefix}-{i}","title":"{title} {i}","summary":"Eins. Zwei.","lang":"de","city":"Trier","country":"DE"}}"#) + "\n")
                .collect()
        };
        let publish = ImportOptions { dry_run: false, publish: true };
        for (file, options) in [
            (lines("page", "Seite", 0..550), publish),
            (lines("draft", "Entwurf", 0..30), ImportOptions::default()),
            (lines("page", "Seite", 550..1_100), publish),
        ] {
            let report = t.app.import_practices(&Actor::System, &file, Format::JsonLines, options, &none).await.expect("import");
            assert!(report.written, "{report:?}");
        }
        let published = t.app.practices(&Actor::Anonymous, &PracticeFilter::default(), "en", None, None).await.expect("list").total;
        let jsonl = export(&t.app, &Actor::Anonymous, Format::JsonLines).await;
        assert!(!jsonl.contains("Entwurf") && !jsonl.contains("draft-"), "no draft for an anonymous reader");
        let refs: Vec<String> = jsonl.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["ref"].as_str().unwrap_or_default().to_owned()).collect();
        assert_eq!(refs.len() as i64, published);
        let unique: std::collections::BTreeSet<&String> = refs.iter().collect();
        assert_eq!(unique.len(), refs.len(), "no practice twice");
        let csv = export(&t.app, &Actor::Anonymous, Format::Csv).await;
        assert!(!csv.contains("Entwurf"));
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len() as i64, published, "one header line, then every practice");
        let everything = count(&t).await;
        assert!(everything >= published + 30);
        let all = export(&t.app, &Actor::System, Format::JsonLines).await;
        assert_eq!(all.lines().count() as i64, everything);
        assert_eq!(all.matches("Entwurf").count(), 30, "the drafts for the system");
    }

    async fn a_fresh_instance_imports_a_real_archive(db) {
        // `passerelle migrate` and nothing else: no countries, no cities, no demo.
        let t = TestApp::new(db).await;
        let file = [
            r#"{"ref":"a-1","title":"Sprachpatenschaften","summary":"Das Projekt begann klein. 2015 wusste kaum jemand davon.","lang":"de","city":"Trier","country":"DE"}"#,
            r#"{"ref":"a-2","title":"Sprachpatenschaften","summary":"Ein anderes Projekt mit demselben Namen. Es läuft in Esch.","lang":"de","city":"Esch-sur-Alzette","country":"LU"}"#,
            r#"{"ref":"a-3","title":"Café des parents","summary":"Un seul long paragraphe sans point final qui résume tout le projet","lang":"fr","city":"Metz","country":"fr"}"#,
            r#"{"ref":"a-4","title":"Elterncafé","summary":"Eins. Zwei. Drei. Vier. Fünf.","lang":"de","city":"Luxembourg","country":"LU"}"#,
        ].join("\n");
        let report = t.app.import_practices(&Actor::System, &file, Format::JsonLines, ImportOptions { dry_run: false, publish: true }, &none).await.expect("import");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!((report.created, report.cities_created), (4, 4));
        // One and five sentences are kept, with a note, where the form asks for two to four.
        let noted: Vec<usize> = report.warnings.iter().map(|w| w.line).collect();
        assert_eq!(noted, [3, 4], "{:?}", report.warnings);
        // The same title, two addresses.
        let mut c = t.client();
        let first = c.get("/api/v1/practices/ref/a-1").await.json();
        let second = c.get("/api/v1/practices/ref/a-2").await.json();
        assert_eq!((first["slug"].as_str(), second["slug"].as_str()), (Some("sprachpatenschaften"), Some("sprachpatenschaften-2")));
        // The countries came from ISO 3166-1, named in three languages.
        let lu = c.get("/api/v1/countries/lu").await.assert(axum::http::StatusCode::OK).json();
        assert_eq!((lu["names"]["de"].as_str(), lu["names"]["fr"].as_str(), lu["names"]["en"].as_str()), (Some("Luxemburg"), Some("Luxembourg"), Some("Luxembourg")));
        c.get("/fr/countries/FR").await.assert(axum::http::StatusCode::OK).contains("France");
        // Importing again updates, and a code ISO does not assign is still refused.
        let again = t.app.import_practices(&Actor::System, &file, Format::JsonLines, ImportOptions { dry_run: false, publish: true }, &none).await.expect("again");
        assert_eq!((again.created, again.updated), (0, 4), "{:?}", again.problems);
        assert!(again.written && again.problems.is_empty(), "the same titles again: {:?}", again.problems);
        let bad = r#"{"ref":"z","title":"Nirgends","summary":"Eins. Zwei.","lang":"de","city":"Atlantis","country":"ZZ"}"#;
        let r = t.app.import_practices(&Actor::System, bad, Format::JsonLines, ImportOptions::default(), &none).await.expect("report");
        assert!(r.problems.iter().any(|p| p.field == "country" && p.error.key == "error-unknown-country"), "{:?}", r.problems);
        // A city may be placed in any ISO country, which then joins the directory.
        let form = passerelle::domain::directory::CityForm { slug: "maastricht".into(), name: "Maastricht".into(), country: "NL".into(), ..Default::default() };
        t.app.create_city(&Actor::System, &form).await.expect("city in a new country");
        c.get("/api/v1/countries/nl").await.assert(axum::http::StatusCode::OK).contains("Niederlande");
    }

    async fn spreadsheet_formulas_in_a_csv_export_are_neutralised_and_read_back(db) {
        let a = TestApp::demo(db).await;
        let line = r#"{"ref":"formula-1","title":"=HYPERLINK(\"http://evil.example\",\"Klick\")","summary":"Eins. Zwei.","context":"- erster Punkt\n- zweiter Punkt","lang":"de","city":"Trier","country":"DE","source":"@SUM(A1:A9)","target_groups":["+49 Jugendliche"]}"#;
        let report = a.app.import_practices(&Actor::System, &format!("{line}\n"), Format::JsonLines, ImportOptions { dry_run: false, publish: true }, &none).await.expect("import");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let csv = export(&a.app, &Actor::Anonymous, Format::Csv).await;
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().expect("headers").clone();
        let row = reader.records().map(|r| r.expect("row")).find(|r| r.get(0) == Some("formula-1")).expect("the practice");
        for (name, cell) in headers.iter().zip(row.iter()) {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{name} would run as a formula: {cell:?}");
        }
        let b = TestApp::new(db).await;
        b.app.load_demo_network().await.expect("directory");
        let report = b.app.import_practices(&Actor::System, &csv, Format::Csv, ImportOptions { dry_run: false, publish: true }, &none).await.expect("import");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let json = export(&b.app, &Actor::System, Format::JsonLines).await;
        let back: serde_json::Value = json.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")).find(|v| v["ref"] == "formula-1").expect("read back");
        assert_eq!(back["title"], "=HYPERLINK(\"http://evil.example\",\"Klick\")");
        assert_eq!(back["source"], "@SUM(A1:A9)");
        assert_eq!(back["context"], "- erster Punkt\n- zweiter Punkt");
        // A target group the taxonomy lacks is kept as the note, neutralised and read back too.
        assert_eq!(back["target_group_note"], "+49 Jugendliche");
    }

    async fn coordinators_upload_files_and_everyone_downloads_exports(db) {
        let t = TestApp::demo(db).await;
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/en/practices/import").await.assert(StatusCode::FORBIDDEN);
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/en/practices").await.contains("/en/practices/import");
        coord.get("/en/practices/import").await.assert(StatusCode::OK);
        let bad = "title,lang,city,country,summary\n,de,Trier,DE,Eins. Zwei.\nGut,de,Trier,ZZ,Eins. Zwei.\n";
        let r = coord.post_multipart("/en/practices/import", &[("file", Some("bad.csv"), bad)]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("<td>2</td><td>Title: this field is required.</td>").contains("<td>3</td>").contains("Nothing was written");
        coord.get("/en/practices/import").await;
        let r = coord.post_multipart("/en/practices/import", &[("file", Some("good.jsonl"), GOOD), ("dry_run", None, "true")]).await;
        r.assert(StatusCode::OK).contains("nothing written yet");
        coord.get("/en/practices/import").await;
        let r = coord.post_multipart("/en/practices/import", &[("file", Some("good.jsonl"), GOOD), ("publish", None, "true")]).await;
        r.assert(StatusCode::OK).contains("The file was imported.").contains("New: 2.");
        t.client().get("/de/practices/cafe-des-parents").await.assert(StatusCode::OK).contains("Elterncafé");
        coord.csrf = "forged".into();
        coord.post_multipart("/en/practices/import", &[("file", Some("good.jsonl"), GOOD)]).await.assert(StatusCode::FORBIDDEN);
        let csv = t.client().get("/fr/practices/export.csv").await;
        csv.assert(StatusCode::OK).contains("\"ref\",\"slug\",\"status\",\"lang\",\"title\"");
        assert!(csv.header("content-disposition").contains("practices.csv"));
        assert!(!csv.body.contains("integrationskonzept-trier"), "the public export has published practices only");
    }
}
