//! A crawler over the demo as each of its roles: from the home page in one language, every
//! same-site link two clicks deep. No link may fail its reader (5xx, 403, 404), and no page may
//! show a raw message key or a raw UTC timestamp, or weigh more than 60 KB compressed.

use std::collections::{BTreeSet, VecDeque};
use std::io::Write;

use axum::http::StatusCode;

use crate::helpers::*;

/// The links of a page: `href` values that stay on the site, without fragments.
fn links(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in body.match_indices("href=\"") {
        let rest = &body[at + 6..];
        let Some(end) = rest.find('"') else { continue };
        let href = rest[..end].replace("&amp;", "&");
        let href = href.split('#').next().unwrap_or("").to_owned();
        if href.starts_with('/') && !href.starts_with("//") {
            out.push(href);
        }
    }
    out
}

/// The page's text without its tags, attributes and scripts.
fn visible_text(body: &str) -> String {
    let mut text = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Whether `text` holds a raw timestamp like `2026-12-06T06:47:32`.
fn has_raw_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(16).any(|w| {
        let digit = |i: usize| w[i].is_ascii_digit();
        (0..4).all(digit)
            && w[4] == b'-'
            && digit(5)
            && digit(6)
            && w[7] == b'-'
            && digit(8)
            && digit(9)
            && w[10] == b'T'
            && digit(11)
            && digit(12)
            && w[13] == b':'
    })
}

fn gzipped_len(body: &str) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(body.as_bytes()).expect("gzip");
    e.finish().expect("gzip").len()
}

/// Crawls from `/{lang}/` two clicks deep inside that language; returns the problems found and
/// how many pages were read.
async fn crawl(client: &mut Client, lang: &str, who: &str) -> (Vec<String>, usize) {
    let (problems, pages) = crawl_pages(client, lang, who).await;
    (problems, pages.len())
}

/// Like [`crawl`], returning the HTML pages read (`200`) instead of their number.
async fn crawl_pages(client: &mut Client, lang: &str, who: &str) -> (Vec<String>, Vec<String>) {
    let prefix = format!("/{lang}/");
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([(prefix.clone(), 0)]);
    let mut problems = Vec::new();
    let mut pages = Vec::new();
    seen.insert(prefix.clone());
    while let Some((path, depth)) = queue.pop_front() {
        let r = client.get(&path).await;
        // A link a page offers its reader must not fail them: no 5xx, and no 403 or 404 (a
        // link to something they may not see, or that is not there).
        if r.status.is_server_error()
            || r.status == StatusCode::FORBIDDEN
            || r.status == StatusCode::NOT_FOUND
        {
            problems.push(format!("{who} {path}: {}", r.status));
            continue;
        }
        let html = r.header("content-type").starts_with("text/html");
        if !html || r.status != StatusCode::OK {
            continue;
        }
        pages.push(path.clone());
        if r.body.contains("Unknown localization key") {
            problems.push(format!("{who} {path}: a raw message key"));
        }
        if has_raw_timestamp(&visible_text(&r.body)) {
            problems.push(format!("{who} {path}: a raw UTC timestamp in the text"));
        }
        let size = gzipped_len(&r.body);
        if size > 60 * 1024 {
            problems.push(format!("{who} {path}: {size} bytes compressed"));
        }
        if depth == 2 {
            continue;
        }
        for link in links(&r.body) {
            // Inside the language (the switcher's links lead to the same pages in another).
            let other_language = ["/de/", "/fr/", "/en/"].iter().any(|p| link.starts_with(p));
            let inside = link.starts_with(&prefix) || !other_language;
            if inside && seen.insert(link.clone()) {
                queue.push_back((link, depth + 1));
            }
        }
    }
    (problems, pages)
}

/// A button of a form as a browser would send it: where, and with which fields.
#[derive(Debug, Clone, PartialEq)]
struct Press {
    action: String,
    fields: Vec<(String, String)>,
}

/// Every submit button of every `POST` form of a page that sends URL-encoded fields, with the
/// values the form holds as shown: hidden and filled-in inputs, checked boxes, each select's
/// chosen (or first) option, textareas' text, and the button's own name and value.
fn presses(page: &str) -> Vec<Press> {
    use scraper::{Html, Selector};
    let sel = |s: &str| Selector::parse(s).expect("selector");
    let doc = Html::parse_document(page);
    let mut out = Vec::new();
    for form in doc.select(&sel("form")) {
        let attr = |name: &str| form.value().attr(name).unwrap_or("");
        if !attr("method").eq_ignore_ascii_case("post") || attr("enctype") == "multipart/form-data"
        {
            continue;
        }
        let mut fields = Vec::new();
        for input in form.select(&sel("input[name]")) {
            let v = input.value();
            let kind = v.attr("type").unwrap_or("text");
            let name = v.attr("name").unwrap_or("").to_owned();
            let value = v.attr("value").unwrap_or("").to_owned();
            match kind {
                "checkbox" | "radio" if v.attr("checked").is_none() => {}
                "submit" | "button" | "file" => {}
                "checkbox" | "radio" => {
                    fields.push((name, if value.is_empty() { "on".into() } else { value }))
                }
                _ => fields.push((name, value)),
            }
        }
        for select in form.select(&sel("select[name]")) {
            let name = select.value().attr("name").unwrap_or("").to_owned();
            let options: Vec<_> = select.select(&sel("option")).collect();
            let chosen = options
                .iter()
                .find(|o| o.value().attr("selected").is_some())
                .or(options.first());
            if let Some(o) = chosen {
                let value = o
                    .value()
                    .attr("value")
                    .map(str::to_owned)
                    .unwrap_or_else(|| o.text().collect());
                fields.push((name, value));
            }
        }
        for area in form.select(&sel("textarea[name]")) {
            let name = area.value().attr("name").unwrap_or("").to_owned();
            fields.push((name, area.text().collect()));
        }
        let buttons: Vec<_> = form
            .select(&sel("button:not([type=button]), input[type=submit]"))
            .collect();
        for b in buttons {
            let mut fields = fields.clone();
            if let Some(name) = b.value().attr("name") {
                fields.push((
                    name.to_owned(),
                    b.value().attr("value").unwrap_or("").to_owned(),
                ));
            }
            let action = b
                .value()
                .attr("formaction")
                .unwrap_or(attr("action"))
                .to_owned();
            out.push(Press { action, fields });
        }
    }
    out
}

/// Each demo role presses every button the pages two clicks from its home offer it, one after
/// the other (each on the page as it is just before, so that what earlier presses changed is
/// seen): none may answer that the step is not allowed (403) or not possible now (409), or
/// fail (5xx). A press may well answer 422, naming what the form still needs.
async fn press_every_button(t: &TestApp, who: (&str, &str), lang: &str) -> (Vec<String>, usize) {
    let mut c = t.signed_in(who.0, who.1).await;
    let (mut problems, pages) = crawl_pages(&mut c, lang, who.0).await;
    let mut pressed = 0;
    let mut done = BTreeSet::new();
    for page in pages {
        let first = c.get(&page).await;
        for press in presses(&first.body) {
            // Signing out ends the tour; the sign-in form does not belong to a signed-in reader.
            if press.action.ends_with("/logout")
                || !done.insert((
                    page.clone(),
                    press.action.clone(),
                    format!(
                        "{:?}",
                        press
                            .fields
                            .iter()
                            .filter(|(k, _)| k != "_csrf")
                            .collect::<Vec<_>>()
                    ),
                ))
            {
                continue;
            }
            // The page as it is now: the button must still be offered.
            let now = c.get(&page).await;
            let Some(current) = presses(&now.body)
                .into_iter()
                .find(|p| p.action == press.action && p.fields.len() == press.fields.len())
            else {
                continue;
            };
            let fields: Vec<(&str, &str)> = current
                .fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let r = c.post_raw_form(&current.action, &fields).await;
            pressed += 1;
            if r.status == StatusCode::FORBIDDEN
                || r.status == StatusCode::CONFLICT
                || r.status.is_server_error()
            {
                problems.push(format!(
                    "{} on {page}: {} {:?} → {}",
                    who.0,
                    current.action,
                    current
                        .fields
                        .iter()
                        .filter(|(k, _)| k != "_csrf")
                        .collect::<Vec<_>>(),
                    r.status
                ));
            }
        }
    }
    (problems, pressed)
}

both! {
    async fn every_page_two_clicks_deep_works_for_every_role(db) {
        let t = TestApp::demo(db).await;
        let mut problems = Vec::new();
        let mut read = Vec::new();
        let mut anonymous = t.client();
        let (p, n) = crawl(&mut anonymous, "de", "anonymous").await;
        problems.extend(p);
        read.push(n);
        for (who, lang) in [(MEMBER, "fr"), (EDITOR, "en"), (COORDINATOR, "de"), (ADMIN, "fr")] {
            let mut c = t.signed_in(who.0, who.1).await;
            let (p, n) = crawl(&mut c, lang, who.0).await;
            problems.extend(p);
            read.push(n);
        }
        assert!(read.iter().all(|n| *n > 60), "the crawler read too little: {read:?}");
        assert!(problems.is_empty(), "the crawler found:\n{}", problems.join("\n"));
    }
}

both! {
    async fn no_button_any_role_is_offered_leads_to_a_refusal(db) {
        let t = TestApp::demo(db).await;
        let mut problems = Vec::new();
        let mut pressed = Vec::new();
        for who in [EDITOR, MEMBER, HOST, COORDINATOR, ADMIN] {
            let (p, n) = press_every_button(&t, who, "en").await;
            problems.extend(p);
            pressed.push(n);
        }
        eprintln!("buttons pressed per role: {pressed:?}");
        assert!(pressed.iter().all(|n| *n > 5), "too few buttons pressed: {pressed:?}");
        assert!(problems.is_empty(), "buttons that refuse:\n{}", problems.join("\n"));
    }
}

#[test]
fn the_checks_of_the_crawler_find_what_they_look_for() {
    assert!(has_raw_timestamp("saved 2026-12-06T06:47:32Z by"));
    assert!(!has_raw_timestamp("saved on 6 December 2026, 07:47"));
    assert_eq!(
        links(
            r#"<a href="/de/x?a=1&amp;b=2#top">x</a> <a href="https://e.org">e</a> <a href="//e.org">"#
        ),
        vec!["/de/x?a=1&b=2".to_owned()]
    );
    assert_eq!(visible_text("<p title=\"a\">b</p>").trim(), "b");
    let form = r#"<form method="post" action="/x"><input type="hidden" name="_csrf" value="t">
        <input type="checkbox" name="a" value="1"><input type="checkbox" name="b" checked>
        <select name="s"><option value="1">one</option><option value="2" selected>two</option></select>
        <textarea name="m">hi</textarea><button name="step" value="go">Go</button>
        <button formaction="/y">Other</button></form><form method="get"><button>Search</button></form>"#;
    let found = presses(form);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].action, "/x");
    let f = |p: &Press| {
        p.fields
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    };
    assert_eq!(f(&found[0]), "_csrf=t&b=on&s=2&m=hi&step=go");
    assert_eq!(
        (found[1].action.as_str(), f(&found[1]).as_str()),
        ("/y", "_csrf=t&b=on&s=2&m=hi")
    );
}
