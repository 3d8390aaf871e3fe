//! Browser tests: a real `passerelle serve --demo` on a free port, driven through Debian's
//! chromium by chromedriver, with axe-core checking accessibility in German, French and English.
//! `scripts/test` installs chromium, chromedriver and axe-core; without them these tests fail.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::helpers::{ADMIN, COORDINATOR, EDITOR};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// Kills a child and its process group on drop (chromedriver's chromium included).
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let pid = self.0.id();
        Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .status()
            .ok();
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

fn spawn_group(cmd: &mut Command) -> Killed {
    use std::os::unix::process::CommandExt;
    Killed(
        cmd.process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}")),
    )
}

/// A demo server, chromedriver and a chromium session.
struct Browser {
    client: Client,
    base: String,
    axe: String,
    _server: Killed,
    _driver: Killed,
    _dir: tempfile::TempDir,
}

impl Browser {
    async fn start() -> Browser {
        let axe_path = std::env::var("AXE_CORE_JS").unwrap_or_else(|_| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/.tools/node_modules/axe-core/axe.min.js"
            )
            .to_owned()
        });
        let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|e| {
            panic!("axe-core is missing at {axe_path} ({e}): run scripts/test, which installs it")
        });
        let dir = tempfile::tempdir().expect("dir");
        let mut server = spawn_group(
            Command::new(env!("CARGO_BIN_EXE_passerelle"))
                .args(["serve", "--demo", "--bind", "127.0.0.1:0"])
                .env("PASSERELLE_DATA_DIR", dir.path())
                .env_remove("DATABASE_URL")
                .current_dir(dir.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
        );
        let stdout = server.0.stdout.take().expect("stdout");
        // Read the address, then keep draining stdout so the server never writes to a closed pipe.
        let mut lines = BufReader::new(stdout).lines();
        let mut base = String::new();
        for line in lines.by_ref().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("Passerelle is running on ") {
                base = rest.trim_end_matches('/').to_owned();
                break;
            }
        }
        std::thread::spawn(move || lines.for_each(drop));
        assert!(!base.is_empty(), "the server did not start");
        let driver_bin =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned());
        let port = free_port();
        let driver = spawn_group(
            Command::new(&driver_bin)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver ({driver_bin}) did not start: install chromium-driver (scripts/test does)"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = dir.path().join("chromium-profile");
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
        let caps = json!({"goog:chromeOptions": {"binary": chromium, "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1200,900", format!("--user-data-dir={}", profile.display()),
        ]}});
        let caps = caps
            .as_object()
            .expect("object")
            .clone()
            .into_iter()
            .collect();
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a chromium session");
        Browser {
            client,
            base,
            axe,
            _server: server,
            _driver: driver,
            _dir: dir,
        }
    }

    async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigate");
    }

    async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        format!(
            "{}{}",
            url.path(),
            url.query().map(|q| format!("?{q}")).unwrap_or_default()
        )
    }

    async fn fill(&self, id: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no field #{id}: {e}"));
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    /// Clicks a form's submit button and waits until the next page has loaded.
    async fn submit(&self, form: &str) {
        self.click(&format!("{form} button[type=submit]")).await;
    }

    /// Clicks what `css` finds and waits until the next page has loaded.
    async fn click(&self, css: &str) {
        self.client
            .execute("window.__before_submit = true; return true;", vec![])
            .await
            .expect("mark page");
        let target = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing at {css}: {e}"));
        target.click().await.expect("click");
        self.wait_for_new_page().await;
    }

    /// Clicks what `css` finds, staying on the page (a disclosure, a button of a script).
    async fn click_in_place(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing at {css}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Waits until the marked page has been replaced by a fully loaded one.
    async fn wait_for_new_page(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let done = self
                .client
                .execute("return window.__before_submit === undefined && document.readyState === 'complete';", vec![])
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if done {
                return;
            }
            assert!(Instant::now() < deadline, "the next page did not load");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Sets a field's value as a script would (date and time inputs take ISO values this way,
    /// whatever the browser's own format).
    async fn set(&self, id: &str, value: &str) {
        self.client
            .execute(
                "const f = document.getElementById(arguments[0]); f.value = arguments[1]; return f.value;",
                vec![json!(id), json!(value)],
            )
            .await
            .unwrap_or_else(|e| panic!("no field #{id}: {e}"));
    }

    /// Ticks every checkbox in the forms `css` finds.
    async fn tick_all(&self, css: &str) {
        self.client
            .execute(
                "document.querySelectorAll(arguments[0] + ' input[type=checkbox]').forEach(c => c.checked = true); return true;",
                vec![json!(css)],
            )
            .await
            .expect("tick");
    }

    async fn text(&self) -> String {
        self.client
            .find(Locator::Css("main"))
            .await
            .expect("main")
            .text()
            .await
            .expect("text")
    }

    async fn sign_in(&self, who: (&str, &str)) {
        self.goto("/en/login").await;
        self.fill("email", who.0).await;
        self.fill("password", who.1).await;
        self.submit("form.stack").await;
        assert!(
            self.path().await.ends_with("done=signed-in"),
            "signed in, at {}",
            self.path().await
        );
    }

    /// Runs axe-core on the current page; returns "rule: target" lines of every violation.
    async fn axe(&self) -> Vec<String> {
        self.client
            .execute(&format!("{}\nreturn true;", self.axe), vec![])
            .await
            .expect("inject axe");
        let result = self
            .client
            .execute(
                "return axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)",
                vec![],
            )
            .await
            .expect("axe runs");
        result
            .as_array()
            .expect("violations")
            .iter()
            .flat_map(|v| {
                let id = v["id"].as_str().unwrap_or("?").to_owned();
                v["nodes"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |n| format!("{id}: {}", n["target"]))
            })
            .collect()
    }

    /// Runs axe-core on each page of one language, adding what it finds to `problems`.
    async fn check_pages(&self, locale: &str, paths: &[&str], problems: &mut Vec<String>) {
        for path in paths {
            self.goto(&format!("/{locale}{path}")).await;
            problems.extend(
                self.axe()
                    .await
                    .into_iter()
                    .map(|p| format!("/{locale}{path} {p}")),
            );
        }
    }

    async fn close(self) {
        self.client.clone().close().await.ok();
    }
}

/// Pages anyone can read, in every state the demo has (paths without the language).
const PUBLIC_PAGES: &[&str] = &[
    "/",
    "/imprint",
    "/privacy",
    "/organisations",
    "/organisations/association-dounia",
    "/organisations/wohnungsgenossenschaft-am-beutelweg",
    "/practices",
    "/themes",
    "/target-groups",
    "/practices/vernetzte-stadtteilarbeit-trier-nord",
    "/practices/cafe-baer-qualifizierung-trier-west",
    "/people",
    "/people/vorsitz-auslaenderbeirat-trier",
    "/cities/trier",
    "/countries",
    "/login",
    "/nowhere",
    "/search?q=youth+council",
    "/search?q=Trir",
    "/glossary",
    "/glossary?in=fr&letter=M",
    "/glossary/neighbourhood-mothers",
    "/placements",
    "/placements?from=July",
    "/placements?page=abc",
    "/placements/bewerbungstraining-cafe-baer",
    "/placements/seance-conseil-communal-des-jeunes",
    "/reports",
    "/reports/7",
    "/calls",
    "/calls/hospitationen-2027",
    "/exchange",
    "/password/forgot",
    "/password/reset/0123456789abcdef",
];

/// Pages for members, read as the demo's administrator.
const MEMBER_PAGES: &[&str] = &[
    "/",
    "/imprint/edit",
    "/target-groups",
    "/organisations/association-dounia/edit",
    "/organisations/association-dounia/translate",
    "/organisations/new",
    "/glossary/new",
    "/glossary/neighbourhood-mothers/edit",
    "/lexicon?src_lang=de&src_word=Wohnung",
    "/search?q=Vorsitz",
    "/people/new",
    "/account",
    "/notices",
    "/cities/new",
    "/cities/trier/edit",
    "/countries/new",
    "/admin/users",
    "/admin/users/2/erase",
    "/people/vorsitz-auslaenderbeirat-trier/erase",
    "/admin/audit",
    "/account/data",
    "/admin/audit?since=nonsense",
    "/invitations/new",
    "/practices/new",
    "/practices/integrationskonzept-trier",
    "/practices/rencontres-interculturelles-dounia-metz",
    "/practices/vernetzte-stadtteilarbeit-trier-nord/edit",
    "/practices/vernetzte-stadtteilarbeit-trier-nord/revisions",
    "/practices/vernetzte-stadtteilarbeit-trier-nord/translate",
    "/practices/import",
    "/placements/new",
    "/placements/buergerhaus-trier-nord/edit",
    "/placements/hospitation-zib-saarbruecken",
    "/visits",
    "/visits/new",
    "/visits/new?placement=buergerhaus-trier-nord",
    "/visits/1",
    "/visits/2",
    "/visits/3",
    "/visits/5",
    "/visits/7",
    "/visits/8",
    "/exchange/checklist",
    "/calls/new",
    "/calls/hospitationen-2027/allocation",
    "/placements/bewerbungstraining-cafe-baer/translate",
    "/practices/gastfamilien-ehrenamtliche-vormuender-unbegleitete-minderjaehrige-kaiserslautern/step/publish",
    "/practices?status=ready",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_nothing_on_the_main_pages_in_three_languages() {
    let b = Browser::start().await;
    let mut problems = Vec::new();
    for locale in ["de", "fr", "en"] {
        b.check_pages(locale, PUBLIC_PAGES, &mut problems).await;
    }
    b.sign_in(ADMIN).await;
    for locale in ["de", "fr", "en"] {
        b.check_pages(locale, MEMBER_PAGES, &mut problems).await;
        // Forms with errors, as they come back.
        for form in [
            "/organisations/new",
            "/placements/new",
            "/visits/new",
            "/calls/new",
        ] {
            b.goto(&format!("/{locale}{form}")).await;
            b.submit("form.stack").await;
            problems.extend(
                b.axe()
                    .await
                    .into_iter()
                    .map(|p| format!("/{locale}{form} with errors: {p}")),
            );
        }
    }
    // The checker itself works: an image without a text alternative is reported.
    b.client
        .execute("document.querySelector('main').appendChild(document.createElement('img')); return true;", vec![])
        .await
        .expect("spoil the page");
    let spoiled = b.axe().await;
    assert!(
        spoiled.iter().any(|p| p.starts_with("image-alt")),
        "axe-core did not report a missing alt: {spoiled:?}"
    );
    b.close().await;
    assert!(
        problems.is_empty(),
        "axe-core found:\n{}",
        problems.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_signs_in_switches_language_invites_and_edits() {
    let b = Browser::start().await;
    b.sign_in(COORDINATOR).await;

    // The language switcher keeps the page.
    b.goto("/de/organisations/association-dounia").await;
    b.click(".lang-switch a[lang=fr]").await;
    assert_eq!(b.path().await, "/fr/organisations/association-dounia");
    assert!(
        b.text()
            .await
            .contains("Dounia est une association messine")
    );

    // Invite a member.
    b.goto("/en/invitations/new").await;
    b.fill("email", "new.member@metz.example").await;
    b.submit("form.stack").await;
    let link = b
        .client
        .find(Locator::Css(".token"))
        .await
        .expect("invitation link")
        .text()
        .await
        .expect("text");
    assert!(link.contains("/en/invitations/"), "{link}");

    // Edit an organisation: a bad website comes back with the message and everything typed kept.
    b.goto("/en/organisations/cafe-baer-trier-west/edit").await;
    b.fill("name", "Café Bär Trier-West").await;
    b.fill("website", "not a web address").await;
    b.submit("form.stack").await;
    let page = b.text().await;
    assert!(page.contains("Website: enter a web address"), "{page}");
    let name = b
        .client
        .find(Locator::Id("name"))
        .await
        .expect("name")
        .prop("value")
        .await
        .expect("value");
    assert_eq!(name.as_deref(), Some("Café Bär Trier-West"));
    let focus_target = b
        .client
        .find(Locator::Css(".error-summary a[href='#website']"))
        .await;
    assert!(focus_target.is_ok(), "the summary links to the field");
    b.fill("website", "https://www.trier.de").await;
    b.submit("form.stack").await;
    assert_eq!(
        b.path().await,
        "/en/organisations/cafe-baer-trier-west?done=saved"
    );
    assert!(b.text().await.contains("Café Bär Trier-West"));

    // The invitee accepts in a fresh session and can sign in.
    b.goto("/en/account").await;
    b.submit(".account").await;
    let path = link
        .split_once("/en/")
        .map(|(_, p)| format!("/en/{p}"))
        .expect("path");
    b.goto(&path).await;
    b.fill("password", "a long new password").await;
    b.fill("password_confirm", "a long new password").await;
    b.submit("form.stack").await;
    assert_eq!(b.path().await, "/en/account?done=welcome");
    assert!(b.text().await.contains("new.member@metz.example"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skip_links_and_keyboard_reach_the_content() {
    let b = Browser::start().await;
    b.sign_in(EDITOR).await;
    b.goto("/fr/organisations").await;
    // The first Tab lands on the skip link, which moves focus to the main content.
    b.client.active_element().await.expect("body");
    let body = b.client.find(Locator::Css("body")).await.expect("body");
    body.send_keys("\u{E004}").await.expect("tab");
    let focused = b.client.active_element().await.expect("focus");
    assert_eq!(
        focused.attr("href").await.expect("href").as_deref(),
        Some("#main")
    );
    focused.send_keys("\u{E007}").await.expect("enter");
    let after = b
        .client
        .active_element()
        .await
        .expect("focus")
        .attr("id")
        .await
        .expect("id");
    assert_eq!(after.as_deref(), Some("main"));
    let lang = b
        .client
        .find(Locator::Css("html"))
        .await
        .expect("html")
        .attr("lang")
        .await
        .expect("lang");
    assert_eq!(lang.as_deref(), Some("fr"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_practice_written_in_french_is_reviewed_in_german_and_read_in_english() {
    let b = Browser::start().await;
    b.sign_in(EDITOR).await;
    b.goto("/fr/practices/new").await;
    b.fill("title", "Ateliers d'écriture pour parents").await;
    b.fill(
        "summary",
        "Des parents écrivent ensemble chaque semaine. Ils gagnent en assurance à l'écrit.",
    )
    .await;
    b.fill(
        "approach",
        "Un atelier **hebdomadaire** à la maison de quartier.",
    )
    .await;
    b.submit("form.stack").await;
    let path = b.path().await;
    assert!(
        path.starts_with("/fr/practices/ateliers-d-ecriture-pour-parents"),
        "{path}"
    );
    b.click("form[action$='/step/submit'] button").await;
    assert!(b.text().await.contains("Soumise à relecture"));
    b.submit(".account").await;

    b.sign_in(crate::helpers::MEMBER).await;
    b.goto("/de/practices/ateliers-d-ecriture-pour-parents")
        .await;
    b.click("form[action$='/review'] button").await;
    // One opinion box; the reviewer's choice is the button.
    b.fill("opinion", "Klar beschrieben und leicht übertragbar.")
        .await;
    b.click("button[formaction$='/step/recommend']").await;
    assert!(b.text().await.contains("In Begutachtung"));
    b.submit(".account").await;

    b.sign_in(COORDINATOR).await;
    b.goto("/de/practices/ateliers-d-ecriture-pour-parents")
        .await;
    // Publishing asks first, on a page of its own.
    b.click("a[href$='/step/publish']").await;
    assert!(b.text().await.contains("veröffentlichen?"));
    b.click("form[action$='/step/publish'] button").await;
    assert!(b.text().await.contains("Veröffentlicht"));
    b.submit(".account").await;

    b.goto("/en/practices/ateliers-d-ecriture-pour-parents")
        .await;
    let page = b.text().await;
    assert!(
        page.contains("Original in French") && page.contains("Klar beschrieben"),
        "{page}"
    );
    let lang = b
        .client
        .find(Locator::Css("h1"))
        .await
        .expect("h1")
        .attr("lang")
        .await
        .expect("lang");
    assert_eq!(lang.as_deref(), Some("fr"));
    let problems = b.axe().await;
    b.close().await;
    assert!(problems.is_empty(), "{problems:?}");
}

/// A visit from request to learning report, through the pages only: the host offers a placement,
/// a member asks for it, the host accepts, both confirm the checklist, the host schedules it, it
/// takes place and the visitor reports; axe-core checks each step's page in a different language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visit_is_requested_accepted_scheduled_and_reported() {
    let b = Browser::start().await;
    let day = |n: i64| (passerelle::app::today() + time::Duration::days(n)).to_string();
    let mut problems = Vec::new();
    // Café Bär offers a placement that started yesterday.
    b.sign_in(crate::helpers::HOST).await;
    b.goto("/de/placements/new").await;
    b.set("organisation", "cafe-baer-trier-west").await;
    b.set("lang", "de").await;
    b.fill("title", "Ein Tag im Café Bär").await;
    b.fill("description", "Sie begleiten das Team einen Tag lang.")
        .await;
    b.fill("length_days", "2").await;
    b.fill("capacity", "1").await;
    b.set("window-start-1", &day(-1)).await;
    b.set("window-end-1", &day(30)).await;
    b.tick_all("fieldset#languages").await;
    b.submit("form.stack").await;
    let placement = b.path().await;
    assert!(
        placement.starts_with("/de/placements/ein-tag-im-cafe-baer"),
        "{placement}"
    );
    b.submit(".account").await;

    // Dounia's editor asks for it.
    b.sign_in(EDITOR).await;
    b.goto(
        &placement
            .replace("/de/", "/fr/")
            .replace("?done=created", ""),
    )
    .await;
    b.click("a.button.primary").await;
    b.set("start", &day(0)).await;
    b.set("end", &day(10)).await;
    b.fill("goal", "Voir comment l'équipe accueille les jeunes.")
        .await;
    problems.extend(
        b.axe()
            .await
            .into_iter()
            .map(|p| format!("request form: {p}")),
    );
    b.submit("form.stack").await;
    let visit = b.path().await;
    let visit = visit
        .split('?')
        .next()
        .unwrap_or_default()
        .replace("/fr/", "/");
    assert!(b.text().await.contains("Demandée"), "{}", b.text().await);
    b.submit(".account").await;

    // The host accepts and confirms its side of the checklist.
    b.sign_in(crate::helpers::HOST).await;
    b.goto(&format!("/de{visit}")).await;
    b.fill("step_message", "Herzlich willkommen!").await;
    b.click("button[value=accept]").await;
    assert!(b.text().await.contains("Zugesagt"));
    b.tick_all("form[action$='/checklist']").await;
    b.submit("form[action$='/checklist']").await;
    b.submit(".account").await;

    // The visitor confirms hers.
    b.sign_in(EDITOR).await;
    b.goto(&format!("/en{visit}")).await;
    b.tick_all("form[action$='/checklist']").await;
    b.submit("form[action$='/checklist']").await;
    problems.extend(
        b.axe()
            .await
            .into_iter()
            .map(|p| format!("accepted visit: {p}")),
    );
    b.submit(".account").await;

    // The host schedules it for today and tomorrow, and records that it took place.
    b.sign_in(crate::helpers::HOST).await;
    b.goto(&format!("/de{visit}")).await;
    b.set("start", &day(0)).await;
    b.set("end", &day(1)).await;
    b.set("start_time", "09:00").await;
    b.set("end_time", "16:00").await;
    b.fill("meeting_point", "Café Bär, Eingang Hofseite").await;
    b.submit("form[action$='/schedule']").await;
    let page = b.text().await;
    assert!(
        page.contains("Terminiert") && page.contains("Café Bär, Eingang Hofseite"),
        "{page}"
    );
    problems.extend(
        b.axe()
            .await
            .into_iter()
            .map(|p| format!("scheduled visit: {p}")),
    );
    b.click("form[action$='/step']:has(input[value=complete]) button")
        .await;
    assert!(b.text().await.contains("Stattgefunden"));
    b.submit(".account").await;

    // The visitor writes the learning report.
    b.sign_in(EDITOR).await;
    b.goto(&format!("/fr{visit}/report")).await;
    b.fill("saw", "Un accueil sans rendez-vous.").await;
    b.fill("worked", "Le café ouvert à tous.").await;
    b.fill("take_home", "Un après-midi ouvert par semaine.")
        .await;
    problems.extend(
        b.axe()
            .await
            .into_iter()
            .map(|p| format!("report form: {p}")),
    );
    b.submit("form.stack").await;
    let page = b.text().await;
    assert!(
        page.contains("Rapport rédigé") && page.contains("Le café ouvert à tous."),
        "{page}"
    );
    problems.extend(
        b.axe()
            .await
            .into_iter()
            .map(|p| format!("reported visit: {p}")),
    );
    b.close().await;
    assert!(
        problems.is_empty(),
        "axe-core found:\n{}",
        problems.join("\n")
    );
}

/// How far the page at the current size reaches beyond the window, in CSS pixels (0: no
/// sideways scrolling), and the widest element that sticks out.
const OVERFLOW: &str = "const d = document.documentElement; \
    const over = d.scrollWidth - d.clientWidth; let widest = ''; \
    if (over > 0) { for (const e of document.querySelectorAll('body *')) { \
      const r = e.getBoundingClientRect(); \
      if (r.right > d.clientWidth + 1 && r.width > 0 && !e.closest('.scroll-x')) { widest = e.tagName + '.' + e.className + ' ' + Math.round(r.right); break; } } } \
    return [over, widest];";

impl Browser {
    /// Resizes the window (the page's layout follows, media queries included).
    async fn resize(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize");
    }

    /// Checks each page of one language at 320 and 390 pixels: no sideways scrolling, axe-core
    /// clean at 390, and a header that leaves the phone most of its screen.
    async fn check_phone_pages(&self, locale: &str, paths: &[&str], problems: &mut Vec<String>) {
        for path in paths {
            self.goto(&format!("/{locale}{path}")).await;
            for (width, height) in [(320, 640), (390, 844)] {
                self.resize(width, height).await;
                let found = self
                    .client
                    .execute(OVERFLOW, vec![])
                    .await
                    .expect("measure");
                let over = found[0].as_i64().unwrap_or(-1);
                if over != 0 {
                    problems.push(format!(
                        "/{locale}{path} at {width} px scrolls sideways by {over} px: {}",
                        found[1]
                    ));
                }
                let header = self
                    .client
                    .execute(
                        "return document.querySelector('header').getBoundingClientRect().height",
                        vec![],
                    )
                    .await
                    .expect("header")
                    .as_f64()
                    .unwrap_or(f64::MAX);
                if header > f64::from(height) / 4.0 {
                    problems.push(format!(
                        "/{locale}{path} at {width} px: the header is {header} px high"
                    ));
                }
            }
            problems.extend(
                self.axe()
                    .await
                    .into_iter()
                    .map(|p| format!("/{locale}{path} at 390 px: {p}")),
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_no_page_scrolls_sideways_and_axe_finds_nothing() {
    let b = Browser::start().await;
    let mut problems = Vec::new();
    for locale in ["de", "fr", "en"] {
        b.check_phone_pages(locale, PUBLIC_PAGES, &mut problems)
            .await;
    }
    // The measure itself works: a wide element makes the page scroll.
    b.goto("/en/").await;
    b.resize(390, 844).await;
    b.client
        .execute("const w = document.createElement('div'); w.style.width = '600px'; w.textContent = 'wide'; document.querySelector('main').appendChild(w); return true;", vec![])
        .await
        .expect("spoil the page");
    let spoiled = b.client.execute(OVERFLOW, vec![]).await.expect("measure");
    assert!(
        spoiled[0].as_i64().unwrap_or(0) > 0,
        "a 600 px block did not widen the page: {spoiled}"
    );
    // The menu opens without a script and holds the navigation; the search comes before it.
    b.goto("/fr/practices").await;
    let hidden = b
        .client
        .execute(
            "return document.querySelector('.main-nav').getBoundingClientRect().height",
            vec![],
        )
        .await
        .expect("menu");
    assert_eq!(
        hidden.as_f64(),
        Some(0.0),
        "the menu starts folded on a phone"
    );
    b.click_in_place("details.menu > summary").await;
    let links = b
        .client
        .execute("return [...document.querySelectorAll('.main-nav a')].filter(a => a.getBoundingClientRect().height > 0).length", vec![])
        .await
        .expect("menu links");
    assert!(
        links.as_i64().unwrap_or(0) >= 10,
        "the open menu shows the sections: {links}"
    );
    b.sign_in(ADMIN).await;
    for locale in ["de", "fr", "en"] {
        b.check_phone_pages(locale, MEMBER_PAGES, &mut problems)
            .await;
    }
    b.close().await;
    assert!(problems.is_empty(), "on a phone:\n{}", problems.join("\n"));
}
