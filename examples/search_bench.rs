//! Query latency and resident memory of the search over a data directory, as a server sees them:
//! the app opens the index (catching up with the change log), then runs a mix of one-word,
//! multi-word, cross-lingual, misspelt and faceted queries as an anonymous reader, each several
//! times, and prints p50/p95/p99 per kind and overall, with the process's memory.
//!
//! `search_bench DATA_DIR [ROUNDS] [--verbose]` (`DATABASE_URL` for PostgreSQL); README "Measuring the
//! search" gives the whole recipe with 100,000 generated practices. `QUERIES=FILE.jsonl` adds
//! the queries of a relevance set (`query` and `lang` per line, as in `../shared/eval-open/`) as
//! the kind "natural": phrased as practitioners type them, 2–7 words. `PASSERELLE_EMBEDDINGS=DIR`
//! configures the embedding model, as the server's setting does: each query is then embedded
//! (once: later rounds find it in the cache) and fused with the nearest stored vectors. `WARM=0`
//! measures without the first round that warms the caches: with 1 round, every query is new.

use std::time::{Duration, Instant};

use passerelle::app::{App, SearchQuery};
use passerelle::config::Config;
use passerelle::domain::Actor;

/// (kind, query, reader's language, facet filters (type, city, country, theme)).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    [Option<&'static str>; 4],
);

const NONE: [Option<&str>; 4] = [None, None, None, None];

const CASES: &[Case] = &[
    ("one-word", "Sprachcafé", "de", NONE),
    ("one-word", "intégration", "fr", NONE),
    ("one-word", "housing", "en", NONE),
    ("one-word", "Nachbarschaft", "de", NONE),
    ("one-word", "bénévoles", "fr", NONE),
    ("one-word", "volunteers", "en", NONE),
    ("one-word", "Ausbildung", "de", NONE),
    ("one-word", "Gemeng", "lb", NONE),
    ("multi-word", "Sprachkurs für Frauen", "de", NONE),
    (
        "multi-word",
        "accompagnement des familles primo-arrivantes",
        "fr",
        NONE,
    ),
    ("multi-word", "housing for refugees", "en", NONE),
    ("multi-word", "Beteiligung im Stadtteil", "de", NONE),
    ("multi-word", "cours de langue pour adultes", "fr", NONE),
    (
        "multi-word",
        "job centre counselling young people",
        "en",
        NONE,
    ),
    ("cross-lingual", "mères de quartier", "de", NONE),
    ("cross-lingual", "neighbourhood mothers", "fr", NONE),
    ("cross-lingual", "Ausländerbeirat", "fr", NONE),
    ("cross-lingual", "job shadowing", "de", NONE),
    ("cross-lingual", "Jugendgemeinderat", "en", NONE),
    ("cross-lingual", "frontalier", "de", NONE),
    (
        "cross-lingual",
        "Anerkennung ausländischer Berufsabschlüsse",
        "fr",
        NONE,
    ),
    ("typo", "neighbourhod", "en", NONE),
    ("typo", "Integraton", "de", NONE),
    ("typo", "benevoles", "fr", NONE),
    (
        "faceted",
        "Integration",
        "de",
        [Some("practice"), Some("trier"), None, None],
    ),
    (
        "faceted",
        "logement",
        "fr",
        [Some("practice"), None, Some("LU"), None],
    ),
    ("faceted", "youth", "en", [None, None, None, Some("youth")]),
    (
        "faceted",
        "Sprache",
        "de",
        [Some("practice"), Some("metz"), None, Some("language")],
    ),
];

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() -> anyhow::Result<()> {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let mut args = std::env::args().skip(1).filter(|a| a != "--verbose");
    let dir = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: search_bench DATA_DIR [ROUNDS]"))?;
    let rounds: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(20)
        .max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let mut config = Config::for_data_dir(std::path::Path::new(&dir));
        config.database_url = std::env::var("DATABASE_URL").ok();
        config.embeddings = std::env::var_os("PASSERELLE_EMBEDDINGS").map(std::path::PathBuf::from);
        let app = App::new(config).await?;
        let started = Instant::now();
        app.open_search().await?;
        println!(
            "index open and caught up in {:.2} s; {}",
            started.elapsed().as_secs_f64(),
            memory()
        );
        if app.embedding_model().is_some() {
            // The queries are measured once every practice has its vectors (read from the
            // database, or computed): the pass over the catalogue would compete with them.
            while app.embedding_in_progress() {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let (indexed, embedded) = app.vector_counts();
            println!(
                "embedding model: {indexed} practices with vectors ({embedded} texts embedded here) after {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        let mut missed = 0;
        let mut cases: Vec<(String, String, String, [Option<&str>; 4])> = CASES
            .iter()
            .map(|(k, q, l, f)| (k.to_string(), q.to_string(), l.to_string(), *f))
            .collect();
        if let Ok(path) = std::env::var("QUERIES") {
            for line in std::fs::read_to_string(&path)?.lines() {
                let v: serde_json::Value = serde_json::from_str(line)?;
                let text = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
                cases.push(("natural".into(), text("query"), text("lang"), NONE));
            }
        }
        let mut by_kind: std::collections::BTreeMap<String, Vec<Duration>> = Default::default();
        let mut by_query: Vec<Vec<Duration>> = vec![Vec::new(); cases.len()];
        let mut totals = Vec::new();
        let first = match std::env::var("WARM").as_deref() {
            Ok("0") => 1,
            _ => 0,
        };
        for round in first..=rounds {
            for (i, (kind, q, lang, [kind_filter, city, country, theme])) in
                cases.iter().enumerate()
            {
                let query = SearchQuery {
                    q: q.clone(),
                    lang: Some(lang.clone()),
                    kind: kind_filter.map(str::to_owned),
                    city: city.map(str::to_owned),
                    country: country.map(str::to_owned),
                    theme: theme.map(str::to_owned),
                    ..Default::default()
                };
                let t = Instant::now();
                let results = app.search(&Actor::Anonymous, &query, lang).await?;
                let took = t.elapsed();
                missed += usize::from(app.meaning_missed(&results));
                if round == 0 {
                    // The first round warms the caches and shows what was found.
                    if verbose || kind != "natural" {
                        println!("{kind:13} {q:45} {:>7} results", results.total);
                    }
                } else {
                    by_kind.entry(kind.clone()).or_default().push(took);
                    by_query[i].push(took);
                    totals.push(took);
                }
            }
        }
        if verbose {
            println!("\nmedian per query in ms:");
            for ((kind, q, ..), mut times) in cases.iter().zip(by_query) {
                times.sort();
                println!("{kind:13} {q:45} {:6.2}", percentile(&times, 0.5));
            }
        }
        println!("\nlatency in ms over {rounds} rounds:  p50    p95    p99    max");
        by_kind.insert("all".into(), totals);
        for (kind, mut times) in by_kind {
            times.sort();
            println!(
                "{kind:32} {:6.2} {:6.2} {:6.2} {:6.2}",
                percentile(&times, 0.5),
                percentile(&times, 0.95),
                percentile(&times, 0.99),
                percentile(&times, 1.0)
            );
        }
        if app.embedding_model().is_some() {
            println!("\nsearched without the meaning (the model was busy): {missed}");
        }
        println!("\nmemory after the queries: {}", memory());
        anyhow::Ok(())
    })
}
