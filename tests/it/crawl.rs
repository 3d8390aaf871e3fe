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
    let prefix = format!("/{lang}/");
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([(prefix.clone(), 0)]);
    let mut problems = Vec::new();
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
    (problems, seen.len())
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
}
