//! What the semantic side adds to a search at scale: an index of N synthetic practices (default
//! 100,000; one text each in de, fr or en, built from a small vocabulary), each with one or two
//! random unit vectors of 384 components (as close to each other as texts of one domain are),
//! searched with the open set's natural queries, first without a query vector (lexical), then
//! with a random one (lexical + the scan of every visible document's vectors + fusion). Prints p50/p95/p99 of both
//! and the process's resident memory. The query's own embedding is not included (measure it with
//! `cargo run --release -p passerelle-e5 --example embed`).
//!
//! `QUERIES=../shared/eval-open/queries.jsonl cargo run --release --example vector_bench [N]`

use std::time::{Duration, Instant};

use passerelle::search::{
    Compounds, DocKind, DocText, Expander, SearchDoc, SearchIndex, SearchRequest,
};

const WORDS: &[&str] = &[
    "Sprachkurs",
    "Nachbarschaft",
    "Beratung",
    "Wohnung",
    "Frauen",
    "Jugend",
    "Arbeit",
    "Schule",
    "logement",
    "quartier",
    "femmes",
    "emploi",
    "jeunes",
    "école",
    "bénévoles",
    "accueil",
    "housing",
    "neighbourhood",
    "women",
    "jobs",
    "youth",
    "school",
    "volunteers",
    "welcome",
    "Integration",
    "intégration",
    "integration",
    "Eltern",
    "parents",
    "Gesundheit",
    "santé",
    "health",
];

/// xorshift64*: reproducible, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn unit_vector(&mut self) -> Vec<f32> {
        let v: Vec<f32> = (0..384)
            .map(|_| (self.next() >> 40) as f32 / (1u64 << 24) as f32 - 0.5)
            .collect();
        unit(v)
    }

    /// Near `base` as texts of one domain are: a cosine of about 0.8 between two of them, so
    /// that a share of the documents passes the search's floor and the fusion has work to do.
    fn near(&mut self, base: &[f32]) -> Vec<f32> {
        let noise = self.unit_vector();
        unit(base.iter().zip(&noise).map(|(b, n)| b + 0.5 * n).collect())
    }

    fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| WORDS[(self.next() % WORDS.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn unit(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    for x in v.iter_mut() {
        *x /= norm;
    }
    v
}

fn percentiles(mut times: Vec<Duration>) -> String {
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    format!(
        "p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms",
        at(0.50).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3
    )
}

fn resident() -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let queries: Vec<(String, String)> = match std::env::var("QUERIES") {
        Ok(path) => std::fs::read_to_string(path)?
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| {
                (
                    v["query"].as_str().unwrap_or_default().to_string(),
                    v["lang"].as_str().unwrap_or("en").to_string(),
                )
            })
            .collect(),
        Err(_) => vec![("Sprachkurs für Frauen im Quartier".into(), "de".into())],
    };
    let dir = tempfile::tempdir()?;
    let compounds = Compounds::builtin();
    let (index, _) = SearchIndex::open(dir.path(), 256_000_000, compounds.clone())?;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let base = rng.unit_vector();
    let started = Instant::now();
    index.start_rebuild()?;
    for chunk in (0..n).collect::<Vec<_>>().chunks(5000) {
        let docs: Vec<SearchDoc> = chunk
            .iter()
            .map(|i| {
                let lang = ["de", "fr", "en"][i % 3].to_string();
                let vectors = (0..1 + i % 2).map(|_| rng.near(&base)).collect();
                SearchDoc {
                    kind: DocKind::Practice,
                    id: i.to_string(),
                    slug: format!("p{i}"),
                    reference: None,
                    public: true,
                    original_lang: lang.clone(),
                    texts: vec![DocText {
                        lang,
                        title: rng.words(6),
                        summary: rng.words(30),
                        body: rng.words(120),
                        tags: String::new(),
                    }],
                    city: None,
                    country: None,
                    themes: Vec::new(),
                    parent: None,
                    vectors,
                }
            })
            .collect();
        index.add(&docs)?;
    }
    index.finish_rebuild(1)?;
    println!(
        "{n} practices, {} with vectors, indexed in {:.0} s; {}",
        index.vector_count(),
        started.elapsed().as_secs_f64(),
        resident()
    );
    let glossary = Expander::new(Vec::new(), &compounds);
    for with_vector in [false, true] {
        let mut times = Vec::new();
        for round in 0..5 {
            for (q, lang) in &queries {
                let mut req = SearchRequest::new(q, lang);
                req.kinds = vec![DocKind::Practice];
                if with_vector {
                    req.vector = Some(std::sync::Arc::new(rng.near(&base)));
                }
                let started = Instant::now();
                index.search(&req, &glossary)?;
                if round > 0 {
                    times.push(started.elapsed());
                }
            }
        }
        println!(
            "{}: {} ({} searches); {}",
            if with_vector {
                "lexical + vectors"
            } else {
                "lexical"
            },
            percentiles(times.clone()),
            times.len(),
            resident()
        );
    }
    Ok(())
}
