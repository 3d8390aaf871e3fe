//! The exchange programme's rules that need no database: when a visit fits into a placement's
//! date windows, and how well a request and a placement fit together, with the reasons shown to
//! people. Suggestions and a call's allocation ([`crate::domain::exchange::allocation`]) rank by the same fit.

pub mod allocation;
pub mod call;
pub mod checklist;
pub mod placement;
pub mod report;
pub mod visit;

use serde::Serialize;
use time::Date;

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
}

impl Span {
    /// A span; `None` when `end` is before `start`.
    pub fn new(start: Date, end: Date) -> Option<Span> {
        (start <= end).then_some(Span { start, end })
    }

    /// Number of days, both ends counted.
    pub fn days(self) -> i64 {
        (self.end - self.start).whole_days() + 1
    }

    /// The days both spans share.
    pub fn overlap(self, other: Span) -> Option<Span> {
        Span::new(self.start.max(other.start), self.end.min(other.end))
    }
}

/// The first `length` consecutive days that lie within a window and within one of the visitor's
/// possible spans, if there are any.
pub fn first_fit(window: Span, possible: &[Span], length: u32) -> Option<Span> {
    possible
        .iter()
        .filter_map(|p| p.overlap(window))
        .filter(|o| o.days() >= i64::from(length.max(1)))
        .min_by_key(|o| o.start)
        .map(|o| Span {
            start: o.start,
            end: o.start + time::Duration::days(i64::from(length.max(1)) - 1),
        })
}

/// Why a visitor cannot be placed with a host: shown for a request that an allocation leaves
/// out, instead of an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unplaceable {
    /// The visitor works for the host.
    OwnOrganisation,
    /// A stay is longer than every window.
    LongerThanWindows,
    /// No window has a stay's length of days within the visitor's dates.
    NoWindowInDates,
}

/// Why the visitor cannot stay with the host in any of its windows, or `None` when they can.
pub fn why_not(
    seeker: &Seeker,
    offer: &Offer,
    windows: &[Span],
    possible: &[Span],
    length: u32,
) -> Option<Unplaceable> {
    if seeker.organisation == offer.organisation {
        Some(Unplaceable::OwnOrganisation)
    } else if windows.iter().all(|w| w.days() < i64::from(length.max(1))) {
        Some(Unplaceable::LongerThanWindows)
    } else if windows
        .iter()
        .all(|w| first_fit(*w, possible, length).is_none())
    {
        Some(Unplaceable::NoWindowInDates)
    } else {
        None
    }
}

/// What the fit looks at on the visitor's side.
#[derive(Debug, Clone, Default)]
pub struct Seeker {
    /// The visitor's organisation (never visits itself).
    pub organisation: i64,
    /// Country code of the visitor's city.
    pub country: String,
    /// Themes the visitor wants to learn about.
    pub themes: Vec<String>,
    /// Languages the visitor speaks.
    pub languages: Vec<String>,
    /// Cities the visitor would prefer (ids; empty when any will do).
    pub cities: Vec<i64>,
}

/// What the fit looks at on the host's side.
#[derive(Debug, Clone, Default)]
pub struct Offer {
    /// The host organisation.
    pub organisation: i64,
    /// Country code of the host city.
    pub country: String,
    /// Themes of the placement.
    pub themes: Vec<String>,
    /// Working languages.
    pub languages: Vec<String>,
    /// Visits the host has had (done or planned): fewer ranks up.
    pub visits: u32,
    /// The host city (id).
    pub city: i64,
}

/// Why a placement suits a request, in the order shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// The themes both name.
    SharedThemes {
        /// Theme keys.
        themes: Vec<String>,
    },
    /// A language the visitor speaks and the host works in.
    SharedLanguage {
        /// Language codes.
        languages: Vec<String>,
    },
    /// The host is in a city the visitor prefers.
    PreferredCity,
    /// The visit crosses a border.
    CrossBorder,
    /// The host has had few visits so far.
    FewVisits {
        /// How many.
        visits: u32,
    },
    /// The visitor ranked this placement (1 = first choice).
    Preference {
        /// Rank.
        rank: u32,
    },
}

/// Points per shared theme (at most three count).
pub const THEME_POINTS: i64 = 10;
/// Points for a shared working language.
pub const LANGUAGE_POINTS: i64 = 20;
/// Points for a city the visitor prefers.
pub const CITY_POINTS: i64 = 15;
/// Points for crossing a border.
pub const BORDER_POINTS: i64 = 15;
/// Points for a host without visits (halved with each visit).
pub const NEW_HOST_POINTS: i64 = 10;
/// Points for a first choice; each rank below loses ten.
pub const PREFERENCE_POINTS: i64 = 40;
/// The highest fit [`fit`] can give, preference included.
pub const MAX_FIT: i64 = 3 * THEME_POINTS
    + LANGUAGE_POINTS
    + CITY_POINTS
    + BORDER_POINTS
    + NEW_HOST_POINTS
    + PREFERENCE_POINTS;

/// How well a placement suits a visitor: points and the reasons behind them. `rank` is the
/// visitor's preference for it in a call (1–5), `None` outside calls. `None` when the visit
/// cannot be: a host's own staff do not visit it.
pub fn fit(seeker: &Seeker, offer: &Offer, rank: Option<u32>) -> Option<(i64, Vec<Reason>)> {
    if seeker.organisation == offer.organisation {
        return None;
    }
    let mut score = 0;
    let mut reasons = Vec::new();
    if let Some(rank) = rank {
        let rank = rank.max(1);
        score += (PREFERENCE_POINTS - 10 * (i64::from(rank) - 1)).max(0);
        reasons.push(Reason::Preference { rank });
    }
    let mut themes: Vec<String> = seeker
        .themes
        .iter()
        .filter(|t| offer.themes.contains(t))
        .cloned()
        .collect();
    themes.sort();
    themes.dedup();
    if !themes.is_empty() {
        score += THEME_POINTS * themes.len().min(3) as i64;
        reasons.push(Reason::SharedThemes { themes });
    }
    let languages: Vec<String> = seeker
        .languages
        .iter()
        .filter(|l| offer.languages.contains(l))
        .cloned()
        .collect();
    if !languages.is_empty() {
        score += LANGUAGE_POINTS;
        reasons.push(Reason::SharedLanguage { languages });
    }
    if seeker.cities.contains(&offer.city) {
        score += CITY_POINTS;
        reasons.push(Reason::PreferredCity);
    }
    if !seeker.country.is_empty() && seeker.country != offer.country {
        score += BORDER_POINTS;
        reasons.push(Reason::CrossBorder);
    }
    let bonus = NEW_HOST_POINTS >> offer.visits.min(8);
    if bonus > 0 {
        score += bonus;
        reasons.push(Reason::FewVisits {
            visits: offer.visits,
        });
    }
    Some((score, reasons))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn span(a: Date, b: Date) -> Span {
        Span::new(a, b).expect("span")
    }

    #[test]
    fn a_visit_fits_where_a_window_and_the_visitors_dates_overlap_long_enough() {
        let window = span(date!(2027 - 03 - 01), date!(2027 - 03 - 31));
        let table: &[(&[Span], u32, Option<Span>)] = &[
            (
                &[span(date!(2027 - 02 - 20), date!(2027 - 03 - 03))],
                2,
                Some(span(date!(2027 - 03 - 01), date!(2027 - 03 - 02))),
            ),
            (
                &[span(date!(2027 - 02 - 20), date!(2027 - 03 - 01))],
                2,
                None,
            ),
            (
                &[
                    span(date!(2027 - 04 - 01), date!(2027 - 04 - 30)),
                    span(date!(2027 - 03 - 20), date!(2027 - 03 - 25)),
                ],
                5,
                Some(span(date!(2027 - 03 - 20), date!(2027 - 03 - 24))),
            ),
            (
                &[span(date!(2027 - 01 - 01), date!(2027 - 12 - 31))],
                40,
                None,
            ),
        ];
        for (possible, length, want) in table {
            assert_eq!(first_fit(window, possible, *length), *want, "{length}");
        }
    }

    #[test]
    fn an_impossible_visit_is_explained() {
        let (seeker, offer) = (
            Seeker {
                organisation: 1,
                ..Default::default()
            },
            Offer {
                organisation: 2,
                ..Default::default()
            },
        );
        let march = [span(date!(2027 - 03 - 01), date!(2027 - 03 - 10))];
        let early_march = [span(date!(2027 - 03 - 01), date!(2027 - 03 - 03))];
        let april = [span(date!(2027 - 04 - 01), date!(2027 - 04 - 30))];
        assert_eq!(why_not(&seeker, &offer, &march, &early_march, 3), None);
        assert_eq!(
            why_not(&seeker, &offer, &march, &april, 3),
            Some(Unplaceable::NoWindowInDates)
        );
        assert_eq!(
            why_not(&seeker, &offer, &march, &april, 11),
            Some(Unplaceable::LongerThanWindows)
        );
        let own = Offer {
            organisation: 1,
            ..Default::default()
        };
        assert_eq!(
            why_not(&seeker, &own, &march, &early_march, 3),
            Some(Unplaceable::OwnOrganisation)
        );
    }

    #[test]
    fn the_fit_counts_themes_language_border_new_hosts_and_preference() {
        let seeker = Seeker {
            organisation: 1,
            country: "FR".into(),
            themes: vec!["youth".into(), "housing".into()],
            languages: vec!["fr".into(), "de".into()],
            cities: vec![7],
        };
        let offer = Offer {
            organisation: 2,
            country: "DE".into(),
            themes: vec!["youth".into()],
            languages: vec!["de".into()],
            visits: 1,
            city: 7,
        };
        let (score, reasons) = fit(&seeker, &offer, Some(2)).expect("fits");
        assert_eq!(score, 30 + 10 + 20 + 15 + 15 + 5);
        assert_eq!(reasons.len(), 6);
        let (first, _) = fit(&seeker, &offer, Some(0)).expect("fits");
        assert!(first <= MAX_FIT, "rank 0 counts as a first choice");
        let (same_country, _) = fit(
            &seeker,
            &Offer {
                country: "FR".into(),
                city: 8,
                ..offer.clone()
            },
            None,
        )
        .expect("fits");
        assert_eq!(
            same_country,
            10 + 20 + 5,
            "a visit abroad, to a preferred city, ranks above"
        );
        assert!(
            fit(
                &seeker,
                &Offer {
                    organisation: 1,
                    ..offer
                },
                None
            )
            .is_none(),
            "nobody visits their own organisation"
        );
    }
}
