//! Allocation of a large call: 5,000 requests for 1,000 placements with three date windows each
//! (by default), each request ranking five placements. Prints the time the optimal allocation
//! takes and what it grants against a first-come (greedy) pass over the same instance.
//!
//! `cargo run --release --example allocation_bench [-- REQUESTS PLACEMENTS]`

use std::time::Instant;

use passerelle::domain::exchange::allocation::{Choice, Instance, Request, allocate, greedy};
use passerelle::domain::exchange::{Offer, Seeker, Span, first_fit, fit};
use time::{Date, Duration, Month};

/// Cities of the Greater Region with their countries.
const CITIES: [(&str, &str); 12] = [
    ("Trier", "DE"),
    ("Saarbrücken", "DE"),
    ("Kaiserslautern", "DE"),
    ("Saarlouis", "DE"),
    ("Metz", "FR"),
    ("Nancy", "FR"),
    ("Thionville", "FR"),
    ("Forbach", "FR"),
    ("Luxembourg", "LU"),
    ("Esch-sur-Alzette", "LU"),
    ("Differdange", "LU"),
    ("Arlon", "BE"),
];
const THEMES: [&str; 10] = [
    "language",
    "employment",
    "housing",
    "youth",
    "participation",
    "health",
    "women",
    "education",
    "counselling",
    "culture",
];
const LANGS: [&str; 3] = ["de", "fr", "en"];

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
    /// One to `max` different items.
    fn some(&mut self, items: &[&str], max: usize) -> Vec<String> {
        let k = 1 + self.below(max);
        let mut out: Vec<String> = Vec::new();
        while out.len() < k {
            let x = items[self.below(items.len())].to_owned();
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let n_requests: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5_000);
    let n_placements: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let mut rng = Rng(7041);
    let year = Date::from_calendar_date(2027, Month::January, 1)?;
    let day = |d: usize| year + Duration::days(d as i64);

    // Placements: a host organisation in a city, themes, languages, a length of 1–5 days and
    // three windows of two to six weeks in the year, each for one to three visitors.
    struct Placement {
        offer: Offer,
        length: u32,
        windows: Vec<(Span, u32)>,
    }
    let placements: Vec<Placement> = (0..n_placements)
        .map(|i| {
            let city = rng.below(CITIES.len());
            let windows = (0..3)
                .map(|_| {
                    let start = rng.below(330);
                    let span =
                        Span::new(day(start), day(start + 14 + rng.below(28))).expect("a window");
                    (span, 1 + rng.below(3) as u32)
                })
                .collect();
            Placement {
                offer: Offer {
                    organisation: i as i64,
                    country: CITIES[city].1.to_owned(),
                    themes: rng.some(&THEMES, 3),
                    languages: rng.some(&LANGS, 2),
                    visits: rng.below(4) as u32,
                    city: city as i64,
                },
                length: 1 + rng.below(5) as u32,
                windows,
            }
        })
        .collect();
    let capacities: Vec<u32> = placements
        .iter()
        .flat_map(|p| p.windows.iter().map(|w| w.1))
        .collect();
    let window_index = |p: usize, w: usize| p * 3 + w;

    // Requests: a visitor in a city ranking five placements (popular ones more often: the
    // square of a uniform draw skews towards the low numbers) with one or two spans of dates.
    let started = Instant::now();
    let requests: Vec<Request> = (0..n_requests)
        .map(|i| {
            let city = rng.below(CITIES.len());
            let seeker = Seeker {
                organisation: (n_placements + i) as i64,
                country: CITIES[city].1.to_owned(),
                themes: rng.some(&THEMES, 3),
                languages: rng.some(&LANGS, 2),
                cities: Vec::new(),
            };
            let possible: Vec<Span> = (0..1 + rng.below(2))
                .map(|_| {
                    let start = rng.below(300);
                    Span::new(day(start), day(start + 14 + rng.below(56))).expect("dates")
                })
                .collect();
            let mut ranked: Vec<usize> = Vec::new();
            while ranked.len() < 5.min(n_placements) {
                let u = rng.below(1000) as f64 / 1000.0;
                let p = ((u * u) * n_placements as f64) as usize;
                if !ranked.contains(&p) {
                    ranked.push(p);
                }
            }
            let mut choices = Vec::new();
            for (rank, p) in ranked.iter().enumerate() {
                let placement = &placements[*p];
                let Some((score, _)) = fit(&seeker, &placement.offer, Some(rank as u32 + 1)) else {
                    continue;
                };
                for (w, (span, _)) in placement.windows.iter().enumerate() {
                    if first_fit(*span, &possible, placement.length).is_some() {
                        choices.push(Choice {
                            window: window_index(*p, w),
                            fit: score,
                        });
                    }
                }
            }
            Request { city, choices }
        })
        .collect();
    let prepared = started.elapsed();
    let instance = Instance {
        cities: CITIES.len(),
        capacities,
        requests,
    };
    let arcs: usize = instance.requests.iter().map(|r| r.choices.len()).sum();
    let places: u32 = instance.capacities.iter().sum();
    println!(
        "{n_requests} requests, {n_placements} placements, {} windows with {places} places, {arcs} feasible (request, window) pairs; choices computed in {:.0} ms",
        instance.capacities.len(),
        prepared.as_secs_f64() * 1000.0
    );

    let t = Instant::now();
    let optimal = allocate(&instance);
    let took = t.elapsed();
    let t = Instant::now();
    let first_come = greedy(&instance);
    let greedy_took = t.elapsed();
    let rates = |a: &passerelle::domain::exchange::allocation::Allocation| {
        let asked = instance.requests_per_city();
        let mut got = vec![0usize; instance.cities];
        for (r, g) in instance.requests.iter().zip(&a.granted) {
            if g.is_some() {
                got[r.city] += 1;
            }
        }
        let rates: Vec<f64> = got
            .iter()
            .zip(&asked)
            .map(|(g, n)| *g as f64 / (*n).max(1) as f64)
            .collect();
        let min = rates.iter().cloned().fold(f64::MAX, f64::min);
        let max = rates.iter().cloned().fold(0.0, f64::max);
        (min * 100.0, max * 100.0)
    };
    for (name, a, time) in [
        ("optimal (min-cost flow)", &optimal, took),
        ("greedy (first come)", &first_come, greedy_took),
    ] {
        let (lo, hi) = rates(a);
        println!(
            "{name:24} {:>8.0} ms  granted {:>5}  total fit {:>7}  fairness charge {:>6}  objective {:>7}  city grant rates {lo:.0}–{hi:.0} %",
            time.as_secs_f64() * 1000.0,
            a.count,
            a.fit,
            a.charge,
            a.value(),
        );
    }
    Ok(())
}
