//! Interface languages: the Fluent messages of `locales/{de,fr,en}/*.ftl`, compiled into the
//! binary. Templates and handlers ask here for every user-visible string.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

use crate::domain::{FieldError, Locale};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks would end up in HTML attributes and e-mail.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static DE: LanguageIdentifier = langid!("de");
static FR: LanguageIdentifier = langid!("fr");
static EN: LanguageIdentifier = langid!("en");

fn id(locale: Locale) -> &'static LanguageIdentifier {
    match locale {
        Locale::De => &DE,
        Locale::Fr => &FR,
        Locale::En => &EN,
    }
}

/// The message `key` in `locale`.
pub fn t(locale: Locale, key: &str) -> String {
    typography(locale, LOCALES.lookup(id(locale), key))
}

/// A colon after a label as `locale` writes it: French puts a no-break space before it.
pub fn colon(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "\u{a0}:",
        Locale::De | Locale::En => ":",
    }
}

/// The one place where French punctuation gets its spacing: the space the messages put before
/// `:`, `;`, `?` and `!` (and inside « ») becomes a no-break space, so that the sign never starts
/// a line. (The messages' test checks that no French message leaves the space out.)
fn typography(locale: Locale, text: String) -> String {
    if locale != Locale::Fr || !text.contains([':', ';', '?', '!', '«', '»']) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 4);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let before_sign = matches!(next, Some(':' | ';' | '?' | '!' | '»'));
        let after_quote = out.ends_with('«');
        if c == ' ' && (before_sign || after_quote) {
            out.push('\u{a0}');
        } else {
            out.push(c);
        }
    }
    out
}

/// The message `key` in `locale` with arguments.
pub fn t_args(locale: Locale, key: &str, args: &[(&str, String)]) -> String {
    // Numeric arguments become numbers, so that plural variants ([one], [other]) apply. In
    // French, text arguments stand in as markers while the message's own spacing is set, so
    // that what readers wrote (a title, a query, an address) is left as they wrote it.
    let marked = locale == Locale::Fr;
    let mut texts = Vec::new();
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| {
            let value = match FluentValue::try_number(v.as_str()) {
                FluentValue::String(_) if marked => {
                    texts.push(v.as_str());
                    FluentValue::from(format!("\u{E000}{}\u{E001}", texts.len() - 1))
                }
                other => other,
            };
            (Cow::Owned((*k).to_owned()), value)
        })
        .collect();
    let text = typography(locale, LOCALES.lookup_with_args(id(locale), key, &map));
    if texts.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find('\u{E000}') {
        out.push_str(&rest[..start]);
        let after = &rest[start + '\u{E000}'.len_utf8()..];
        let Some(end) = after.find('\u{E001}') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        match after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|i| texts.get(i))
        {
            Some(t) => out.push_str(t),
            None => out.push_str(&rest[start..start + '\u{E000}'.len_utf8() + end + 1]),
        }
        rest = &after[end + '\u{E001}'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// A day as `locale` writes it in prose: "7. Dezember 2026", "1er décembre 2026", "7 December 2026".
pub fn day(locale: Locale, d: time::Date) -> String {
    t_args(
        locale,
        "date-day",
        &[
            ("day", d.day().to_string()),
            (
                "month",
                t(locale, &format!("month-{}", u8::from(d.month()))),
            ),
            ("year", d.year().to_string()),
        ],
    )
}

/// A month of a year: "September 2021", "septembre 2021".
pub fn month(locale: Locale, year: i32, month: u8) -> String {
    t_args(
        locale,
        "date-month",
        &[
            ("month", t(locale, &format!("month-{month}"))),
            ("year", year.to_string()),
        ],
    )
}

/// A period written `YYYY-MM` (or `YYYY-MM-DD`, or `YYYY`) as prose; other text as it is.
pub fn period_point(locale: Locale, text: &str) -> String {
    let mut parts = text.splitn(3, '-').map(str::parse::<u16>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(y)), None, None) => y.to_string(),
        (Some(Ok(y)), Some(Ok(m @ 1..=12)), None) => month(locale, i32::from(y), m as u8),
        (Some(Ok(_)), Some(Ok(_)), Some(Ok(_))) => time::Date::parse(
            text,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .map(|d| day(locale, d))
        .unwrap_or_else(|_| text.to_owned()),
        _ => text.to_owned(),
    }
}

/// A moment (seconds since the epoch, UTC) in the network's local time, as `locale` writes it:
/// "7. Dezember 2026, 07:47 Uhr", "7 décembre 2026 à 07:47", "7 December 2026, 07:47".
pub fn moment(locale: Locale, seconds: i64) -> String {
    let Some(at) = crate::domain::local_time::local(seconds) else {
        return String::new();
    };
    t_args(
        locale,
        "date-moment",
        &[
            ("day", day(locale, at.date())),
            ("time", format!("{:02}:{:02}", at.hour(), at.minute())),
        ],
    )
}

/// A field error as a sentence naming the field by its label (`field-<name>`).
pub fn field_error(locale: Locale, field: &str, error: &FieldError) -> String {
    let mut args: Vec<(&str, String)> = error.args.clone();
    args.push(("field", t(locale, &format!("field-{field}"))));
    t_args(locale, error.key, &args)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn keys(locale: &str) -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(locale);
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).expect("locale directory") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("ftl file");
            for line in text.lines() {
                if let Some((key, _)) = line.split_once(" =")
                    && !key.starts_with([' ', '#', '.', '-'])
                    && !key.is_empty()
                {
                    assert!(
                        keys.insert(key.to_owned()),
                        "{locale}: key {key} defined twice"
                    );
                }
            }
        }
        keys
    }

    #[test]
    fn every_key_exists_in_german_french_and_english() {
        let en = keys("en");
        assert!(en.len() > 50, "the English file has its messages");
        for other in ["de", "fr"] {
            let k = keys(other);
            let missing: Vec<_> = en.difference(&k).collect();
            let extra: Vec<_> = k.difference(&en).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{other}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    /// The string literal starting at `text[at..]` (after optional spaces), if there is one.
    fn literal_at(text: &str, at: usize) -> Option<(&str, usize)> {
        let rest = &text[at..];
        let start = at + (rest.len() - rest.trim_start().len());
        let body = text[start..].strip_prefix('"')?;
        let end = body.find('"')?;
        Some((&body[..end], start + 1 + end + 1))
    }

    /// Every message key a source text names with literals: `t("k")`, `t(locale, "k")`,
    /// `t1("k", …)`, `t_args("k", …)`, `tk("prefix-", "suffix")`, `FieldError::new("k")`, field
    /// errors (`.add("f", …)` → `field-f`) and the form macros' fields (`m::input(ctx, errors,
    /// "f", …)` → `field-f`, `m::filter(ctx, "f", …)` → `filter-f`).
    fn keys_named_in(text: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        // Notice keys are chosen in tables (`"saved" => "notice-saved"`).
        for (at, _) in text.match_indices("\"notice-") {
            if let Some((key, _)) = literal_at(text, at) {
                found.insert(key.to_owned());
            }
        }
        let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
        for (at, _) in text.match_indices('(') {
            let name_start = text[..at].rfind(|c: char| !ident(c)).map_or(0, |i| i + 1);
            let name = &text[name_start..at];
            let before = text[..name_start].trim_end();
            let args = at + 1;
            match name {
                "t" | "t1" | "t_args" => {
                    let first = literal_at(text, args).or_else(|| {
                        // `i18n::t(locale, "k")`: the locale first.
                        let rest = &text[args..];
                        let comma = rest.find(',')?;
                        let arg = &rest[..comma];
                        if name == "t1" || !arg.contains("locale") || arg.contains(['(', '"']) {
                            return None;
                        }
                        literal_at(text, args + comma + 1)
                    });
                    if let Some((key, _)) = first {
                        found.insert(key.to_owned());
                    }
                }
                "tk" => {
                    if let Some((prefix, end)) = literal_at(text, args)
                        && let Some(rest) = text[end..].trim_start().strip_prefix(',')
                        && let Some((suffix, _)) = literal_at(rest, 0)
                    {
                        found.insert(format!("{prefix}{suffix}"));
                    }
                }
                "new" | "with" if before.ends_with("FieldError::") => {
                    if let Some((key, _)) = literal_at(text, args) {
                        found.insert(key.to_owned());
                    }
                }
                "add" if before.ends_with('.') => {
                    if let Some((field, end)) = literal_at(text, args)
                        && text[end..].trim_start().starts_with(',')
                    {
                        found.insert(format!("field-{field}"));
                    }
                }
                "input" | "select" | "checks" | "textarea" if before.ends_with("m::") => {
                    let rest = &text[args..];
                    if let Some(rest) = rest.strip_prefix("ctx, errors,")
                        && let Some((field, _)) = literal_at(rest, 0)
                    {
                        found.insert(format!("field-{field}"));
                    }
                }
                "filter" if before.ends_with("m::") => {
                    if let Some(rest) = text[args..].strip_prefix("ctx,")
                        && let Some((field, _)) = literal_at(rest, 0)
                    {
                        found.insert(format!("filter-{field}"));
                    }
                }
                _ => {}
            }
        }
        found
    }

    fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source directory") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                files_under(&path, out);
            } else if path
                .extension()
                .is_some_and(|e| e == "rs" || e == "html" || e == "txt")
            {
                out.push(path);
            }
        }
    }

    #[test]
    fn the_collector_finds_keys_in_each_form_they_are_named() {
        let found = keys_named_in(
            r#"ctx.t("a-b") i18n::t(locale, "c-d") ctx.t1("e-f", "x", v) t_args(locale, "g-h", &a)
            ctx.tk("kind-", "city") FieldError::new("error-x") e.add("slug", FieldError::new("error-y"))
            {% call m::input(ctx, errors, "name", v, "text", true, "") %} {% call m::filter(ctx, "city", c) %}
            split("not-a-key") ctx.t(&format!("dyn-{x}")) e.add(1, 2) "saved" => "notice-saved","#,
        );
        let expected: BTreeSet<String> = [
            "a-b",
            "c-d",
            "e-f",
            "g-h",
            "kind-city",
            "error-x",
            "error-y",
            "field-slug",
            "field-name",
            "filter-city",
            "notice-saved",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn every_key_named_in_code_and_templates_exists_in_every_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        files_under(&root.join("src"), &mut files);
        files_under(&root.join("templates"), &mut files);
        // This file's tests name made-up keys; search has functions of its own called `t`.
        files.retain(|f| {
            !f.starts_with(root.join("src/i18n")) && !f.starts_with(root.join("src/search"))
        });
        let defined = keys("en");
        let mut named = 0;
        let mut missing = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("source file");
            for key in keys_named_in(&text) {
                named += 1;
                if !defined.contains(&key) {
                    missing.push(format!("{} in {}", key, file.display()));
                }
            }
        }
        assert!(named > 500, "the collector found only {named} keys");
        assert!(missing.is_empty(), "keys without a message: {missing:#?}");
    }

    /// Every message of `locale` with its whole text (continuation lines included).
    fn messages(locale: &str) -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(locale);
        let mut out: Vec<(String, String)> = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("locale directory") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("ftl file");
            for line in text.lines() {
                if line.starts_with([' ', '}', '*', '[']) {
                    if let Some((_, body)) = out.last_mut() {
                        body.push('\n');
                        body.push_str(line);
                    }
                } else if let Some((key, body)) = line.split_once(" =")
                    && !key.starts_with(['#', '-'])
                {
                    out.push((key.to_owned(), body.to_owned()));
                }
            }
        }
        out
    }

    /// The variables a message's text names (`{ $count }`), and those it selects on.
    fn variables(body: &str) -> (BTreeSet<String>, BTreeSet<String>) {
        let (mut all, mut selectors) = (BTreeSet::new(), BTreeSet::new());
        for (at, _) in body.match_indices('$') {
            let name: String = body[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            if body[at + 1 + name.len()..].trim_start().starts_with("->") {
                selectors.insert(name.clone());
            }
            all.insert(name);
        }
        (all, selectors)
    }

    #[test]
    fn every_count_shows_its_number_for_zero_one_two_and_five() {
        let mut wrong = Vec::new();
        let mut counts = 0;
        for locale in Locale::ALL {
            for (key, body) in messages(locale.code()) {
                let (all, selectors) = variables(&body);
                for selector in &selectors {
                    counts += 1;
                    for n in [0, 1, 2, 5] {
                        // A variant for exactly this number may word it ("no visit yet").
                        if body.contains(&format!("[{n}]")) {
                            continue;
                        }
                        let args: Vec<(&str, String)> = all
                            .iter()
                            .map(|v| {
                                let value = if v == selector {
                                    n.to_string()
                                } else {
                                    "X".to_owned()
                                };
                                (v.as_str(), value)
                            })
                            .collect();
                        let text = t_args(locale, &key, &args);
                        if !text.contains(&n.to_string()) {
                            wrong.push(format!("{locale}: {key} with {selector} = {n}: {text}"));
                        }
                    }
                }
            }
        }
        assert!(counts > 50, "only {counts} counted messages found");
        assert!(
            wrong.is_empty(),
            "counts that hide their number: {wrong:#?}"
        );
    }

    #[test]
    fn french_messages_space_their_colons_and_question_marks() {
        // Code quoted for developers keeps its own spelling.
        let code = ["Authorization: Bearer", "Content-Type: application/json"];
        let mut wrong = Vec::new();
        for (key, body) in messages("fr") {
            let mut text = body.clone();
            for c in code {
                text = text.replace(c, "");
            }
            let chars: Vec<char> = text.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                let sign = matches!(c, ':' | ';' | '?' | '!');
                let ends_word = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
                let spaced = i > 0 && matches!(chars[i - 1], ' ' | '\u{a0}' | '\u{202f}');
                if sign && ends_word && !spaced {
                    wrong.push(format!("{key}: {body}"));
                    break;
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "French signs without their space: {wrong:#?}"
        );
        // What readers wrote keeps its own spacing.
        let title = t_args(
            Locale::Fr,
            "search-title-for",
            &[("q", "Qui ? https://e.org/a:b".into())],
        );
        assert!(title.contains("Qui ? https://e.org/a:b"), "{title}");
        assert!(title.starts_with("Recherche\u{a0}:"), "{title}");
        let text = t(Locale::Fr, "search-did-you-mean");
        assert!(text.ends_with("\u{a0}:"), "{text}");
        assert_eq!(colon(Locale::Fr), "\u{a0}:");
        assert_eq!(colon(Locale::De), ":");
    }

    #[test]
    fn templates_leave_the_colon_after_a_label_to_the_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        files_under(&root.join("templates"), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).expect("template");
            assert!(
                !text.contains("}}:") && !text.contains("}} :"),
                "{}: a label's colon is written as {{{{ ctx.colon() }}}}",
                file.display()
            );
        }
    }

    #[test]
    fn dates_are_written_in_words_in_the_networks_local_time() {
        let d = time::macros::date!(2026 - 12 - 01);
        assert_eq!(day(Locale::De, d), "1. Dezember 2026");
        assert_eq!(day(Locale::Fr, d), "1er décembre 2026");
        assert_eq!(day(Locale::En, d), "1 December 2026");
        assert_eq!(
            day(Locale::Fr, time::macros::date!(2027 - 08 - 15)),
            "15 août 2027"
        );
        assert_eq!(period_point(Locale::Fr, "2021-09"), "septembre 2021");
        assert_eq!(period_point(Locale::De, "2021"), "2021");
        assert_eq!(period_point(Locale::En, "2021-09-30"), "30 September 2021");
        assert_eq!(period_point(Locale::En, "spring"), "spring");
        // 2026-12-06T06:47:32Z is 07:47 in Metz, Trier and Luxembourg.
        let at = 1_796_539_652;
        assert_eq!(moment(Locale::De, at), "6. Dezember 2026, 07:47 Uhr");
        assert_eq!(moment(Locale::Fr, at), "6 décembre 2026 à 07:47");
        assert_eq!(moment(Locale::En, at), "6 December 2026, 07:47");
        for locale in Locale::ALL {
            for m in 1..=12 {
                let name = t(locale, &format!("month-{m}"));
                assert!(
                    !name.is_empty() && !name.starts_with("Unknown"),
                    "{locale} {m}"
                );
            }
        }
    }

    #[test]
    fn messages_resolve_with_arguments_and_without_isolation_marks() {
        let msg = field_error(
            Locale::De,
            "name",
            &FieldError::with("error-too-long", "max", 150),
        );
        assert!(msg.contains("150") && msg.contains("Name"), "{msg}");
        assert!(!msg.contains('\u{2068}'));
    }

    #[test]
    fn every_field_error_key_of_the_domain_has_a_message() {
        for key in [
            "error-required",
            "error-too-long",
            "error-too-short",
            "error-slug",
            "error-email",
            "error-url",
            "error-choice",
            "error-language",
            "error-country-code",
            "error-control-char",
            "error-number",
            "error-range",
            "error-password-mismatch",
            "error-editor-needs-organisation",
            "error-taken",
            "error-unknown-city",
            "error-unknown-theme",
            "error-unknown-organisation",
            "error-unknown-country",
            "error-login-failed",
            "error-account-exists",
            "error-password-wrong",
            "error-own-role",
            "error-translation-original",
        ] {
            for locale in Locale::ALL {
                let text = t(locale, key);
                assert!(
                    !text.is_empty() && text != key,
                    "{locale}: {key} has no message"
                );
            }
        }
    }
}
