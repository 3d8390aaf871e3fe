//! Relevance of the search on the development set in `eval/`: nDCG@10 and recall@10, overall,
//! for cross-lingual queries alone and per kind, with and without glossary expansion.
//!
//! `cargo run --release --example search_eval [-- --verbose]`; `LEXICON=FILE` reads the lexicon,
//! `EMBEDDINGS=DIR` (as `scripts/embeddings/fetch` fills it) fuses the embedding model's
//! nearest practices as the server does.

use std::collections::BTreeMap;

use passerelle::app::language::glossary_io::{glossary_terms, read_csv};
use passerelle::search::{
    Compounds, DocKind, DocText, Expander, SearchDoc, SearchIndex, SearchRequest,
};

#[derive(serde::Deserialize)]
struct Corpus {
    practice: Vec<Practice>,
}

#[derive(serde::Deserialize)]
struct Practice {
    #[serde(rename = "ref")]
    reference: String,
    lang: String,
    city: String,
    themes: Vec<String>,
    title: String,
    summary: String,
    body: String,
}

#[derive(serde::Deserialize)]
struct Queries {
    query: Vec<Query>,
}

#[derive(serde::Deserialize)]
struct Query {
    id: String,
    lang: String,
    text: String,
    kinds: Vec<String>,
    judgements: BTreeMap<String, u32>,
}

fn dcg(gains: impl Iterator<Item = u32>) -> f64 {
    gains
        .enumerate()
        .map(|(i, g)| (2f64.powi(g as i32) - 1.0) / ((i + 2) as f64).log2())
        .sum()
}

fn main() -> anyhow::Result<()> {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let root = env!("CARGO_MANIFEST_DIR");
    let corpus: Corpus = toml::from_str(&std::fs::read_to_string(format!(
        "{root}/eval/corpus.toml"
    ))?)?;
    let queries: Queries = toml::from_str(&std::fs::read_to_string(format!(
        "{root}/eval/queries.toml"
    ))?)?;
    let glossary_csv = std::fs::read_to_string(format!("{root}/data/glossary.csv"))?;
    let concepts = read_csv(&glossary_csv, &|_| false)
        .map_err(|p| anyhow::anyhow!("glossary has {} problems", p.len()))?;
    // With LEXICON=FILE (as `scripts/lexicon/fetch` builds it), German compounds are split by its
    // word list and the translations of the queries' words are read from it, as the server
    // reads them from its database.
    let lexicon = std::env::var("LEXICON").ok();
    let read_lexicon = |path: &str| -> anyhow::Result<Vec<String>> {
        let file = std::fs::File::open(path)?;
        let reader = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file));
        Ok(std::io::BufRead::lines(reader).collect::<std::io::Result<_>>()?)
    };
    let lines = match &lexicon {
        Some(path) => read_lexicon(path)?,
        None => Vec::new(),
    };
    let mut in_words = false;
    let mut german = Vec::new();
    let mut pairs = Vec::new();
    for line in &lines {
        match line.as_str() {
            "lang\tword\tzipf" => in_words = true,
            "src_lang\tsrc_word\tdst_lang\tdst_word\tweight" => in_words = false,
            _ => {
                let cols: Vec<&str> = line.split('\t').collect();
                match (in_words, &cols[..]) {
                    (true, ["de", word, zipf]) => {
                        german.push((word.to_string(), zipf.parse().unwrap_or(0.0)))
                    }
                    (false, [_, _, _, _, _]) => pairs.push(cols),
                    _ => {}
                }
            }
        }
    }
    let compounds = if german.is_empty() || std::env::var_os("NO_WORDS").is_some() {
        Compounds::builtin()
    } else {
        std::sync::Arc::new(Compounds::from_words(german, "lexicon"))
    };
    println!("German compounds: {}", compounds.fingerprint());
    let glossary = Expander::new(glossary_terms(&concepts), &compounds);
    let empty = Expander::new(Vec::new(), &compounds);

    let embedder = match std::env::var_os("EMBEDDINGS") {
        Some(dir) => {
            let model = passerelle::search::embed::Embedder::open(std::path::Path::new(&dir))?;
            println!("embedding model {}", model.fingerprint());
            Some(model)
        }
        None => None,
    };
    let dir = tempfile::tempdir()?;
    let (index, _) = SearchIndex::open(dir.path(), 50_000_000, compounds.clone())?;
    let docs: Vec<SearchDoc> = corpus
        .practice
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let text = DocText {
                lang: p.lang.clone(),
                title: p.title.clone(),
                summary: p.summary.clone(),
                body: p.body.clone(),
                tags: String::new(),
            };
            let vectors = match (&embedder, text.passage()) {
                (Some(model), Some(passage)) => {
                    vec![model.embed(&passage, passerelle::search::embed::Role::Passage)]
                }
                _ => Vec::new(),
            };
            SearchDoc {
                kind: DocKind::Practice,
                id: i.to_string(),
                slug: p.reference.clone(),
                reference: Some(p.reference.clone()),
                public: true,
                original_lang: p.lang.clone(),
                texts: vec![text],
                city: Some(p.city.clone()),
                country: None,
                themes: p.themes.clone(),
                parent: None,
                vectors,
            }
        })
        .collect();
    index.start_rebuild()?;
    index.add(&docs)?;
    index.finish_rebuild(1)?;
    println!(
        "{} practices, {} queries, glossary of {} concepts",
        docs.len(),
        queries.query.len(),
        glossary.len()
    );

    let mut keys = passerelle::search::LexiconKeys::new(&compounds);
    let wanted: std::collections::HashSet<(String, String)> = queries
        .query
        .iter()
        .flat_map(|q| keys.query_keys(&q.text))
        .collect();
    let mut translations = passerelle::search::Translations::new();
    if let Some(path) = &lexicon {
        // Every key of the file, as the server's database holds them.
        let mut all = passerelle::search::Translations::new();
        for cols in pairs {
            let [src_lang, src_word, dst_lang, dst_word, weight] = cols[..] else {
                continue;
            };
            let Some(key) = keys.key(src_lang, src_word) else {
                continue;
            };
            all.entry((src_lang.to_string(), key)).or_default().push(
                passerelle::search::Translation {
                    word: src_word.to_string(),
                    lang: dst_lang.to_string(),
                    text: dst_word.to_string(),
                    weight: weight.parse().unwrap_or(0.0),
                    corrected: false,
                },
            );
        }
        for pair in &wanted {
            if let Some(found) = all.get(pair) {
                translations.insert(pair.clone(), found.clone());
            }
        }
        // A word no language knows borrows the translations of its closest key, as the server
        // does (`App::translations_of`).
        let mut corrected = 0;
        for q in &queries.query {
            for word in keys.word_keys(&q.text) {
                if word.iter().any(|p| all.contains_key(p)) {
                    continue;
                }
                // (distance, translations, the key found, the word's own key)
                type Found = (usize, i64, (String, String), (String, String));
                let mut best: Option<Found> = None;
                for (lang, key) in &word {
                    let Some((prefix, min, max)) =
                        passerelle::search::lexicon::typo_range(key).filter(|_| lang != "lb")
                    else {
                        continue;
                    };
                    let near = all
                        .iter()
                        .filter(|((l, k), _)| {
                            l == lang && k.starts_with(prefix) && (min..=max).contains(&k.len())
                        })
                        .map(|((_, k), t)| (k.clone(), t.len() as i64));
                    if let Some((d, count, candidate)) =
                        passerelle::search::lexicon::closest_key(key, near)
                        && best.as_ref().is_none_or(|b| (d, -count) < (b.0, -b.1))
                    {
                        best = Some((
                            d,
                            count,
                            (lang.clone(), candidate),
                            (lang.clone(), key.clone()),
                        ));
                    }
                }
                if let Some((_, _, from, to)) = best
                    && std::env::var_os("NO_TYPOS").is_none()
                {
                    translations.insert(to, all[&from].clone());
                    corrected += 1;
                }
            }
        }
        println!(
            "lexicon {path}: translations for {} query keys ({corrected} misspelt words corrected)",
            translations.len()
        );
    }

    // (label, with glossary) → per-kind sums of (ndcg, recall, count)
    for (label, expander) in [("with glossary", &glossary), ("without glossary", &empty)] {
        let mut sums: BTreeMap<String, (f64, f64, usize)> = BTreeMap::new();
        for q in &queries.query {
            let mut req = SearchRequest::new(&q.text, &q.lang);
            req.expand = !expander.is_empty();
            req.translations = translations.clone();
            req.vector = embedder.as_ref().map(|m| m.query(&q.text));
            let results = index.search(&req, expander)?;
            let got: Vec<&str> = results
                .hits
                .iter()
                .filter_map(|h| h.reference.as_deref())
                .collect();
            let gains = got
                .iter()
                .map(|r| q.judgements.get(*r).copied().unwrap_or(0));
            let mut ideal: Vec<u32> = q.judgements.values().copied().collect();
            ideal.sort_unstable_by(|a, b| b.cmp(a));
            let ndcg = dcg(gains) / dcg(ideal.into_iter().take(10));
            let relevant = q.judgements.values().filter(|g| **g > 0).count();
            let found = got
                .iter()
                .filter(|r| q.judgements.contains_key(**r))
                .count();
            let recall = found as f64 / relevant.max(1) as f64;
            if verbose && !expander.is_empty() && ndcg < 0.7 {
                println!(
                    "  {} [{}] {:?}: nDCG {:.2} recall {:.2}; got {:?}; want {:?}; concepts {:?}",
                    q.id, q.lang, q.text, ndcg, recall, got, q.judgements, results.concepts
                );
            }
            let mut groups = vec!["all".to_string()];
            groups.extend(q.kinds.iter().cloned());
            for g in groups {
                let e = sums.entry(g).or_default();
                e.0 += ndcg;
                e.1 += recall;
                e.2 += 1;
            }
        }
        println!("\n{label}:");
        println!(
            "  {:<14} {:>7} {:>10} {:>8}",
            "queries", "count", "nDCG@10", "recall@10"
        );
        for (group, (ndcg, recall, n)) in &sums {
            println!(
                "  {:<14} {:>7} {:>10.3} {:>8.3}",
                group,
                n,
                ndcg / *n as f64,
                recall / *n as f64
            );
        }
    }
    Ok(())
}
