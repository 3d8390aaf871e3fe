//! Writes N generated practices as JSON Lines to standard output, for measurements:
//! `cargo run --release --example gen_practices 100000 > practices.jsonl`, then
//! `passerelle import practices practices.jsonl --publish` into a database with the demo network.
//!
//! The practices read like real ones: in German, French, English or Luxembourgish (35/35/20/10 %),
//! titles built from the shipped glossary's terms and a city of the Greater Region, texts of two
//! to four sentences per section drawn from the relevance corpus (`eval/corpus.toml`) in the
//! practice's language, and a quarter with a translated title and summary. The same N gives the
//! same file.

use passerelle::app::language::glossary_io::read_csv;
use passerelle::domain::ContentLang;
use passerelle::domain::catalogue::practice::sentence_count;
use serde_json::json;

/// (slug, country, name).
const CITIES: [(&str, &str, &str); 15] = [
    ("trier", "DE", "Trier"),
    ("saarbruecken", "DE", "Saarbrücken"),
    ("kaiserslautern", "DE", "Kaiserslautern"),
    ("saarlouis", "DE", "Saarlouis"),
    ("voelklingen", "DE", "Völklingen"),
    ("homburg", "DE", "Homburg"),
    ("metz", "FR", "Metz"),
    ("nancy", "FR", "Nancy"),
    ("thionville", "FR", "Thionville"),
    ("forbach", "FR", "Forbach"),
    ("sarreguemines", "FR", "Sarreguemines"),
    ("luxembourg", "LU", "Luxembourg"),
    ("esch-sur-alzette", "LU", "Esch-sur-Alzette"),
    ("differdange", "LU", "Differdange"),
    ("dudelange", "LU", "Dudelange"),
];
const THEMES: [&str; 15] = [
    "language",
    "education",
    "employment",
    "housing",
    "neighbourhood",
    "participation",
    "youth",
    "health",
    "women",
    "anti-discrimination",
    "culture",
    "sport",
    "counselling",
    "civic-education",
    "urban-development",
];
const LANGS: [(&str, ContentLang, u64); 4] = [
    ("de", ContentLang::De, 35),
    ("fr", ContentLang::Fr, 35),
    ("en", ContentLang::En, 20),
    ("lb", ContentLang::Lb, 10),
];

/// Title patterns per language: `{a}` and `{b}` are glossary terms, `{c}` the city's name.
fn patterns(lang: &str) -> &'static [&'static str] {
    match lang {
        "de" => &[
            "{a} in {c}",
            "{a} und {b} in {c}",
            "{a}: ein Angebot für {b} in {c}",
            "Mit {a} zu mehr {b} – Erfahrungen aus {c}",
        ],
        "fr" => &[
            "{a} à {c}",
            "{a} et {b} à {c}",
            "{a} : une action pour {b} à {c}",
            "De {a} à {b} : l'expérience de {c}",
        ],
        "en" => &[
            "{a} in {c}",
            "{a} and {b} in {c}",
            "{a}: a programme for {b} in {c}",
            "From {a} to {b}: lessons from {c}",
        ],
        _ => &[
            "{a} zu {c}",
            "{a} an {b} zu {c}",
            "{a}: e Projet fir {b} zu {c}",
        ],
    }
}

/// Luxembourgish sentences beside the corpus's few Luxembourgish practices.
const LB_EXTRA: &str = "D'Gemeng organiséiert all Mount en oppenen Treff fir nei Awunner. \
Fräiwëlleger begleeden d'Famillen bei hiren éischte Schrëtt an der Gemeng. \
D'Coursen ginn op Lëtzebuergesch, Franséisch an Däitsch ugebueden. \
D'Associatiounen aus dem Quartier schaffen enk mat der Gemeng zesummen. \
D'Resultater gi jidd Joer mat den Participanten evaluéiert. \
De Projet gëtt vum Staat an der Gemeng finanzéiert. \
Vill Participanten hunn duerno eng Aarbecht oder eng Formatioun fonnt. \
D'Kanner aus der Maison relais huelen och un den Aktivitéiten deel.";

/// A small deterministic random number generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(serde::Deserialize)]
struct Corpus {
    practice: Vec<CorpusPractice>,
}

#[derive(serde::Deserialize)]
struct CorpusPractice {
    lang: String,
    summary: String,
    body: String,
}

/// Sentences of a text ("… . Next" splits; abbreviations may cut a sentence short, which is fine here).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        if word.ends_with('.') && current.len() > 40 {
            out.push(std::mem::take(&mut current));
        }
    }
    if current.len() > 40 {
        out.push(current);
    }
    out
}

/// Two or three sentences that the practice rules count as two to four.
fn summary_of(pool: &[String], rng: &mut Rng) -> String {
    loop {
        let k = 2 + rng.below(2);
        let s = (0..k)
            .map(|_| rng.pick(pool).as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if (2..=4).contains(&sentence_count(&s)) && s.chars().count() <= 1_000 {
            return s;
        }
    }
}

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let root = env!("CARGO_MANIFEST_DIR");
    let corpus: Corpus = toml::from_str(&std::fs::read_to_string(format!(
        "{root}/eval/corpus.toml"
    ))?)?;
    let concepts = read_csv(
        &std::fs::read_to_string(format!("{root}/data/glossary.csv"))?,
        &|_| false,
    )
    .map_err(|p| anyhow::anyhow!("the glossary has {} problems", p.len()))?;
    // Per language: sentences, glossary terms and city names.
    let pools: Vec<(Vec<String>, Vec<String>)> = LANGS
        .iter()
        .map(|(code, lang, _)| {
            let mut s: Vec<String> = corpus
                .practice
                .iter()
                .filter(|p| p.lang == *code)
                .flat_map(|p| sentences(&format!("{} {}", p.summary, p.body)))
                .collect();
            if *code == "lb" {
                s.extend(sentences(LB_EXTRA));
            }
            let terms: Vec<String> = concepts
                .iter()
                .filter_map(|c| c.preferred(*lang).or_else(|| c.preferred(ContentLang::De)))
                .filter(|t| t.chars().count() <= 40)
                .map(str::to_owned)
                .collect();
            (s, terms)
        })
        .collect();
    let mut rng = Rng(0x5EED ^ n as u64);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for i in 0..n {
        let roll = rng.below(100) as u64;
        let mut acc = 0;
        let l = LANGS
            .iter()
            .position(|(_, _, w)| {
                acc += w;
                roll < acc
            })
            .unwrap_or(0);
        let (code, ..) = LANGS[l];
        let (sents, terms) = &pools[l];
        let (city, country, city_name) = *rng.pick(&CITIES);
        let text = |k: usize, rng: &mut Rng| -> String {
            (0..k)
                .map(|_| rng.pick(sents).clone())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let title = rng
            .pick(patterns(code))
            .replace("{a}", rng.pick(terms.as_slice()).as_str())
            .replace("{b}", rng.pick(terms.as_slice()).as_str())
            .replace("{c}", city_name);
        let title: String = title.chars().take(150).collect();
        let summary = summary_of(sents, &mut rng);
        let context = text(2 + rng.below(3), &mut rng);
        let approach = text(3 + rng.below(3), &mut rng);
        let results = text(2 + rng.below(3), &mut rng);
        let transferability = text(1 + rng.below(2), &mut rng);
        let translations = if rng.below(4) == 0 {
            let t = (l + 1 + rng.below(2)) % 3;
            let (tcode, ..) = LANGS[t];
            let (tsents, tterms) = &pools[t];
            let ttitle = rng
                .pick(patterns(tcode))
                .replace("{a}", rng.pick(tterms.as_slice()).as_str())
                .replace("{b}", rng.pick(tterms.as_slice()).as_str())
                .replace("{c}", city_name);
            let tsummary = summary_of(tsents, &mut rng);
            json!({ tcode: {"title": ttitle.chars().take(150).collect::<String>(), "summary": tsummary} })
        } else {
            json!({})
        };
        let start = 1995 + rng.below(31);
        let mut themes = vec![*rng.pick(&THEMES), *rng.pick(&THEMES)];
        themes.dedup();
        let record = json!({
            "ref": format!("gen-{i}"),
            "slug": format!("generated-practice-{i}"),
            "lang": code,
            "title": title,
            "summary": summary,
            "context": context,
            "approach": approach,
            "results": results,
            "transferability": transferability,
            "city": city,
            "country": country,
            "themes": themes,
            "target_groups": [],
            "period_start": start.to_string(),
            "ongoing": rng.below(3) != 0,
            "translations": translations,
        });
        use std::io::Write;
        writeln!(out, "{record}")?;
    }
    Ok(())
}
