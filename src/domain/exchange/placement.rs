//! Placements: a host organisation's offer of a visit or job-shadowing stay, as typed (all
//! strings) and as checked. Whether the organisation, contact, themes and practices exist, and
//! who may publish for the organisation, is for `app` and `permission::can`.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::errors::{FieldError, FieldErrors};
use crate::domain::exchange::Span;
use crate::domain::values::{
    ContentLang, LanguageCode, Slug, ThemeKey, optional_text, required_text,
};

/// The longest title.
pub const TITLE_MAX: usize = 150;
/// The longest description (Markdown).
pub const DESCRIPTION_MAX: usize = 20_000;
/// The longest practical or accessibility note.
pub const NOTE_MAX: usize = 5_000;
/// The longest stay, in days.
pub const LENGTH_MAX: u32 = 30;
/// The most visitors one window can take.
pub const CAPACITY_MAX: u32 = 20;
/// The most date windows a placement has.
pub const WINDOWS_MAX: usize = 12;

/// Whether a placement takes requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementStatus {
    /// Takes requests.
    Open,
    /// Takes none.
    Closed,
}

impl PlacementStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            PlacementStatus::Open => "open",
            PlacementStatus::Closed => "closed",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<PlacementStatus> {
        match s.trim() {
            "open" | "" => Some(PlacementStatus::Open),
            "closed" => Some(PlacementStatus::Closed),
            _ => None,
        }
    }
}

/// A date window as typed: first and last day (YYYY-MM-DD).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WindowForm {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
}

/// A placement as typed into a form or sent to the API.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PlacementForm {
    /// URL name; made from the title when empty.
    pub slug: String,
    /// The host organisation (slug).
    pub organisation: String,
    /// Language the texts are written in (de, fr, en, lb).
    pub lang: String,
    /// Title.
    pub title: String,
    /// What the visitor will see and do (Markdown).
    pub description: String,
    /// How to get there across the border, costs covered or not.
    pub practical: String,
    /// Accessibility of the place and the programme.
    pub accessibility: String,
    /// Length of a stay in days (a number, or text as a form sends it).
    #[serde(deserialize_with = "text_or_number")]
    pub length_days: String,
    /// Visitors per window (a number, or text).
    #[serde(deserialize_with = "text_or_number")]
    pub capacity: String,
    /// Working languages (codes).
    pub languages: Vec<String>,
    /// Theme keys.
    pub themes: Vec<String>,
    /// Linked practices (slugs).
    pub practices: Vec<String>,
    /// Contact person (slug), optional.
    pub contact: String,
    /// The periods when a stay is possible.
    pub windows: Vec<WindowForm>,
    /// open or closed.
    pub status: String,
}

/// A numeric field as text, whether it came as JSON number or as text; the check that follows
/// gives the same message for both.
pub(crate) fn text_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        Text(String),
        Whole(i64),
        Number(f64),
    }
    Ok(match Given::deserialize(d)? {
        Given::Text(s) => s,
        Given::Whole(n) => n.to_string(),
        Given::Number(n) => n.to_string(),
    })
}

/// A checked placement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// URL name, when one was given.
    pub slug: Option<Slug>,
    /// Host organisation.
    pub organisation: Slug,
    /// Language of the texts.
    pub lang: ContentLang,
    /// Title.
    pub title: String,
    /// Description (Markdown).
    pub description: String,
    /// Practical notes.
    pub practical: Option<String>,
    /// Accessibility notes.
    pub accessibility: Option<String>,
    /// Days per stay.
    pub length_days: u32,
    /// Visitors per window.
    pub capacity: u32,
    /// Working languages.
    pub languages: Vec<LanguageCode>,
    /// Themes.
    pub themes: Vec<ThemeKey>,
    /// Linked practices.
    pub practices: Vec<Slug>,
    /// Contact person.
    pub contact: Option<Slug>,
    /// Windows, in date order, not overlapping, each at least one stay long.
    pub windows: Vec<Span>,
    /// Open or closed.
    pub status: PlacementStatus,
}

/// A whole number from `min` to `max`.
pub(crate) fn number(s: &str, min: u32, max: u32) -> Result<u32, FieldError> {
    match s.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(FieldError::with("error-number-range", "min", min).and("max", max)),
    }
}

/// A day written as YYYY-MM-DD (surrounding spaces allowed).
pub fn parse_day(s: &str) -> Option<Date> {
    Date::parse(
        s.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

pub(crate) fn list<T>(
    e: &mut FieldErrors,
    field: &'static str,
    items: &[String],
    parse: impl Fn(&str) -> Result<T, FieldError>,
) -> Vec<T>
where
    T: PartialEq,
{
    let mut out: Vec<T> = Vec::new();
    for s in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if let Some(v) = e.check(field, parse(s))
            && !out.contains(&v)
        {
            out.push(v);
        }
    }
    out
}

/// Checks the windows: each a real span of at least `length` days, at most [`WINDOWS_MAX`],
/// none overlapping another. Errors name the window by its number (from 1).
fn windows(e: &mut FieldErrors, forms: &[WindowForm], length: Option<u32>) -> Vec<Span> {
    let forms: Vec<&WindowForm> = forms
        .iter()
        .filter(|w| !w.start.trim().is_empty() || !w.end.trim().is_empty())
        .collect();
    if forms.is_empty() {
        e.add("windows", FieldError::new("error-required"));
        return Vec::new();
    }
    if forms.len() > WINDOWS_MAX {
        e.add(
            "windows",
            FieldError::with("error-too-many", "max", WINDOWS_MAX),
        );
        return Vec::new();
    }
    let mut spans: Vec<Span> = Vec::new();
    for (i, w) in forms.iter().enumerate() {
        let n = i + 1;
        let (Some(start), Some(end)) = (parse_day(&w.start), parse_day(&w.end)) else {
            e.add(
                "windows",
                FieldError::with("error-window-date", "window", n),
            );
            continue;
        };
        let Some(span) = Span::new(start, end) else {
            e.add(
                "windows",
                FieldError::with("error-window-order", "window", n),
            );
            continue;
        };
        if let Some(length) = length
            && span.days() < i64::from(length)
        {
            e.add(
                "windows",
                FieldError::with("error-window-too-short", "window", n).and("days", length),
            );
            continue;
        }
        if spans.iter().any(|s| s.overlap(span).is_some()) {
            e.add(
                "windows",
                FieldError::with("error-window-overlap", "window", n),
            );
            continue;
        }
        spans.push(span);
    }
    spans.sort_by_key(|s| s.start);
    spans
}

impl TryFrom<&PlacementForm> for Placement {
    type Error = FieldErrors;

    fn try_from(f: &PlacementForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let slug = match f.slug.trim() {
            "" => None,
            s => e.check("slug", Slug::try_from(s)),
        };
        let organisation = e.check("organisation", Slug::try_from(f.organisation.trim()));
        let lang = e.check("lang", ContentLang::try_from(f.lang.as_str()));
        let title = e.check("title", required_text(&f.title, TITLE_MAX));
        let description = e.check(
            "description",
            required_text(&f.description, DESCRIPTION_MAX),
        );
        let practical = e.check("practical", optional_text(&f.practical, NOTE_MAX));
        let accessibility = e.check("accessibility", optional_text(&f.accessibility, NOTE_MAX));
        let length_days = e.check("length_days", number(&f.length_days, 1, LENGTH_MAX));
        let capacity = e.check("capacity", number(&f.capacity, 1, CAPACITY_MAX));
        let languages = list(&mut e, "languages", &f.languages, |s| {
            LanguageCode::try_from(s)
        });
        if languages.is_empty() && e.get("languages").is_none() {
            e.add("languages", FieldError::new("error-required"));
        }
        let themes = list(&mut e, "themes", &f.themes, |s| ThemeKey::try_from(s));
        let practices = list(&mut e, "practices", &f.practices, |s| Slug::try_from(s));
        let contact = match f.contact.trim() {
            "" => None,
            s => e.check("contact", Slug::try_from(s)),
        };
        let windows = windows(&mut e, &f.windows, length_days);
        let status = e.check(
            "status",
            PlacementStatus::parse(&f.status).ok_or(FieldError::new("error-choice")),
        );
        match (
            organisation,
            lang,
            title,
            description,
            practical,
            accessibility,
            length_days,
            capacity,
            status,
        ) {
            (
                Some(organisation),
                Some(lang),
                Some(title),
                Some(description),
                Some(practical),
                Some(accessibility),
                Some(length_days),
                Some(capacity),
                Some(status),
            ) if e.is_empty() => Ok(Placement {
                slug,
                organisation,
                lang,
                title,
                description,
                practical,
                accessibility,
                length_days,
                capacity,
                languages,
                themes,
                practices,
                contact,
                windows,
                status,
            }),
            _ => Err(e),
        }
    }
}

/// A translation of a placement's texts as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PlacementTranslationForm {
    /// The language translated into (de, fr, en, lb); not the original's.
    pub lang: String,
    /// Title.
    pub title: String,
    /// What the visitor will see and do (Markdown).
    pub description: String,
    /// Practical notes.
    pub practical: String,
    /// Accessibility notes.
    pub accessibility: String,
}

/// A checked translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementTranslation {
    /// Its language.
    pub lang: ContentLang,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Practical notes ("" when none).
    pub practical: String,
    /// Accessibility notes ("" when none).
    pub accessibility: String,
}

impl PlacementTranslation {
    /// Checks a translation of a placement written in `original`: another language, a title
    /// and a description, and every text within the placement's limits.
    pub fn check(
        f: &PlacementTranslationForm,
        original: &str,
    ) -> Result<PlacementTranslation, FieldErrors> {
        let mut e = FieldErrors::new();
        let lang = match ContentLang::try_from(f.lang.as_str()) {
            Ok(l) if l.code() == original => {
                e.add(
                    "lang",
                    FieldError::new("error-placement-translation-original"),
                );
                None
            }
            Ok(l) => Some(l),
            Err(err) => {
                e.add("lang", err);
                None
            }
        };
        let title = e.check("title", required_text(&f.title, TITLE_MAX));
        let description = e.check(
            "description",
            required_text(&f.description, DESCRIPTION_MAX),
        );
        let practical = e.check("practical", optional_text(&f.practical, NOTE_MAX));
        let accessibility = e.check("accessibility", optional_text(&f.accessibility, NOTE_MAX));
        match (lang, title, description, practical, accessibility) {
            (Some(lang), Some(title), Some(description), Some(practical), Some(accessibility))
                if e.is_empty() =>
            {
                Ok(PlacementTranslation {
                    lang,
                    title,
                    description,
                    practical: practical.unwrap_or_default(),
                    accessibility: accessibility.unwrap_or_default(),
                })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> PlacementForm {
        PlacementForm {
            organisation: "cafe-baer-trier-west".into(),
            lang: "de".into(),
            title: "Zwei Tage im Bewerbungstraining von Café Bär".into(),
            description: "Sie begleiten das Team beim Bewerbungstraining.".into(),
            length_days: "2".into(),
            capacity: "2".into(),
            languages: vec!["de".into(), "fr".into()],
            themes: vec!["employment".into()],
            windows: vec![
                WindowForm {
                    start: "2027-05-03".into(),
                    end: "2027-05-28".into(),
                },
                WindowForm {
                    start: "2027-03-01".into(),
                    end: "2027-03-12".into(),
                },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn numbers_may_come_as_numbers_or_as_text() {
        let f: PlacementForm =
            serde_json::from_str(r#"{"length_days": 3, "capacity": "2"}"#).expect("json");
        assert_eq!((f.length_days.as_str(), f.capacity.as_str()), ("3", "2"));
        let f: PlacementForm = serde_json::from_str(r#"{"length_days": 2.5}"#).expect("json");
        let e = Placement::try_from(&f).expect_err("not whole");
        assert_eq!(
            e.get("length_days").map(|e| e.key),
            Some("error-number-range")
        );
    }

    #[test]
    fn a_complete_placement_is_accepted_with_its_windows_in_order() {
        let p = Placement::try_from(&form()).expect("valid");
        assert_eq!(p.windows.len(), 2);
        assert!(p.windows[0].start < p.windows[1].start);
        assert_eq!(p.status, PlacementStatus::Open);
    }

    /// (name, change to a valid form, field, rule).
    type Case = (
        &'static str,
        fn(&mut PlacementForm),
        &'static str,
        &'static str,
    );

    #[test]
    fn each_rule_names_its_field() {
        let window = |s: &str, e: &str| WindowForm {
            start: s.into(),
            end: e.into(),
        };
        let table: &[Case] = &[
            ("title", |f| f.title = " ".into(), "title", "error-required"),
            (
                "length",
                |f| f.length_days = "0".into(),
                "length_days",
                "error-number-range",
            ),
            (
                "length text",
                |f| f.length_days = "two".into(),
                "length_days",
                "error-number-range",
            ),
            (
                "capacity",
                |f| f.capacity = "21".into(),
                "capacity",
                "error-number-range",
            ),
            (
                "languages",
                |f| f.languages.clear(),
                "languages",
                "error-required",
            ),
            (
                "language",
                |f| f.languages = vec!["xx".into()],
                "languages",
                "error-language",
            ),
            (
                "no window",
                |f| f.windows.clear(),
                "windows",
                "error-required",
            ),
            (
                "status",
                |f| f.status = "maybe".into(),
                "status",
                "error-choice",
            ),
        ];
        for (name, change, field, key) in table {
            let mut f = form();
            change(&mut f);
            let e = Placement::try_from(&f).expect_err(name);
            assert_eq!(e.get(field).map(|e| e.key), Some(*key), "{name}: {e:?}");
        }
        let windows: &[(&[WindowForm], &str)] = &[
            (&[window("2027-05-10", "2027-05-01")], "error-window-order"),
            (
                &[window("2027-05-10", "2027-05-10")],
                "error-window-too-short",
            ),
            (&[window("10.05.2027", "2027-05-20")], "error-window-date"),
            (
                &[
                    window("2027-05-01", "2027-05-20"),
                    window("2027-05-15", "2027-06-01"),
                ],
                "error-window-overlap",
            ),
        ];
        for (w, key) in windows {
            let mut f = form();
            f.windows = w.to_vec();
            let e = Placement::try_from(&f).expect_err(key);
            assert_eq!(e.get("windows").map(|e| e.key), Some(*key), "{w:?}");
        }
    }
}
