//! Writes N generated practices as JSON Lines to standard output, for measurements:
//! `cargo run --release --example gen_practices 10000 > practices.jsonl`, then
//! `passerelle import practices practices.jsonl --publish` into a database with the demo network.

use serde_json::json;

const CITIES: [(&str, &str, &str); 4] = [
    ("trier", "DE", "de"),
    ("saarbruecken", "DE", "de"),
    ("metz", "FR", "fr"),
    ("luxembourg", "LU", "fr"),
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
const DE: [&str; 6] = [
    "Sprachcafé",
    "Nachbarschaftsfest",
    "Bewerbungstraining",
    "Elterncafé",
    "Jugendforum",
    "Stadtteilspaziergang",
];
const FR: [&str; 6] = [
    "Café des langues",
    "Fête de quartier",
    "Atelier emploi",
    "Café des parents",
    "Forum des jeunes",
    "Balade urbaine",
];
const GROUPS: [&str; 5] = [
    "Familien",
    "Jugendliche",
    "Neuankommende",
    "Frauen",
    "Seniorinnen und Senioren",
];

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    for i in 0..n {
        let (city, country, lang) = CITIES[i % CITIES.len()];
        let name = if lang == "de" {
            DE[i % DE.len()]
        } else {
            FR[i % FR.len()]
        };
        let (summary, body) = if lang == "de" {
            (
                format!(
                    "{name} Nummer {i} bringt Menschen im Quartier zusammen. Ehrenamtliche und Fachkräfte arbeiten dabei eng zusammen."
                ),
                format!(
                    "Das Angebot {name} ({i}) findet jede Woche statt.\n\n- offene Treffen\n- Beratung\n- gemeinsame Aktionen"
                ),
            )
        } else {
            (
                format!(
                    "{name} numéro {i} rassemble les habitants du quartier. Bénévoles et professionnels y travaillent ensemble."
                ),
                format!(
                    "L’action {name} ({i}) a lieu chaque semaine.\n\n- rencontres ouvertes\n- conseil\n- actions communes"
                ),
            )
        };
        let record = json!({
            "ref": format!("gen-{i}"),
            "slug": format!("generated-practice-{i}"),
            "lang": lang,
            "title": format!("{name} {i}"),
            "summary": summary,
            "context": body,
            "approach": body,
            "city": city,
            "country": country,
            "themes": [THEMES[i % THEMES.len()], THEMES[(i / 15) % THEMES.len()]],
            "target_groups": [GROUPS[i % GROUPS.len()]],
            "period_start": format!("{}", 2000 + i % 25),
            "ongoing": i % 3 != 0,
            "translations": if i % 2 == 0 { json!({"en": {"title": format!("Generated practice {i}")}}) } else { json!({}) },
        });
        println!("{record}");
    }
}
