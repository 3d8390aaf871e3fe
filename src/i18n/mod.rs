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
    LOCALES.lookup(id(locale), key)
}

/// The message `key` in `locale` with arguments.
pub fn t_args(locale: Locale, key: &str, args: &[(&str, String)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> =
        // Numeric arguments become numbers, so that plural variants ([one], [other]) apply.
        args.iter().map(|(k, v)| (Cow::Owned((*k).to_owned()), FluentValue::try_number(v.as_str()))).collect();
    LOCALES.lookup_with_args(id(locale), key, &map)
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
