//! Glossary files: CSV (one row per concept, terms separated by ` | `, preferred first) and SKOS
//! in Turtle (the W3C standard for thesauri: `skos:prefLabel`, `skos:altLabel`,
//! `skos:definition`, `skos:related`, domains as `skos:Collection`s). Both are read whole and
//! checked before anything is written; an export re-imports to the same glossary.

use std::collections::BTreeMap;

use oxrdf::{Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use oxttl::{TurtleParser, TurtleSerializer};

use crate::app::catalogue::transfer::ImportProblem;
use crate::domain::language::glossary::{Concept, ConceptForm, GlossaryDomain};
use crate::domain::{ContentLang, FieldError, FieldErrors};

/// Glossary file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlossaryFormat {
    /// CSV with the columns of [`CSV_HEADER`].
    Csv,
    /// SKOS in Turtle.
    Skos,
}

impl GlossaryFormat {
    /// Parses `csv`, `skos`, `ttl` or `turtle` (also a file name's ending).
    pub fn parse(s: &str) -> Option<GlossaryFormat> {
        let s = s.to_ascii_lowercase();
        if s == "csv" || s.ends_with(".csv") {
            Some(GlossaryFormat::Csv)
        } else if ["skos", "ttl", "turtle"].contains(&s.as_str()) || s.ends_with(".ttl") {
            Some(GlossaryFormat::Skos)
        } else {
            None
        }
    }
}

/// The CSV columns.
pub const CSV_HEADER: [&str; 11] = [
    "key",
    "domain",
    "de",
    "fr",
    "en",
    "lb",
    "definition_de",
    "definition_fr",
    "definition_en",
    "related",
    "definition_lb",
];

const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const DCTERMS: &str = "http://purl.org/dc/terms/";

fn problems_of(line: usize, errors: FieldErrors) -> Vec<ImportProblem> {
    errors
        .iter()
        .map(|(field, error)| ImportProblem {
            line,
            field: field.to_string(),
            error: error.clone(),
        })
        .collect()
}

/// Checks that related keys point to concepts of the file (or of `known`) and keys are unique.
fn check_whole(
    concepts: &[(usize, Concept)],
    known: &dyn Fn(&str) -> bool,
    problems: &mut Vec<ImportProblem>,
) {
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (line, c) in concepts {
        if let Some(l) = first.get(c.key.as_str()) {
            problems.push(ImportProblem {
                line: *line,
                field: "key".into(),
                error: FieldError::with("error-import-duplicate", "line", l),
            });
        } else {
            first.insert(c.key.as_str(), *line);
        }
    }
    for (line, c) in concepts {
        for r in &c.related {
            if !first.contains_key(r.as_str()) && !known(r.as_str()) {
                problems.push(ImportProblem {
                    line: *line,
                    field: "related".into(),
                    error: FieldError::with("error-unknown-concept", "value", r.as_str()),
                });
            }
        }
    }
}

/// Reads a CSV glossary. `known` says whether a related key exists already in the store.
pub fn read_csv(
    text: &str,
    known: &dyn Fn(&str) -> bool,
) -> Result<Vec<Concept>, Vec<ImportProblem>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => {
            return Err(vec![ImportProblem {
                line: 1,
                field: "-".into(),
                error: FieldError::with("error-import-csv", "detail", e),
            }]);
        }
    };
    for required in &CSV_HEADER[..10] {
        if !header.iter().any(|h| h == required) {
            problems.push(ImportProblem {
                line: 1,
                field: required.to_string(),
                error: FieldError::new("error-import-column"),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut concepts = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(ImportProblem {
                    line,
                    field: "-".into(),
                    error: FieldError::with("error-import-csv", "detail", e),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let get = |name: &str| -> String {
            header
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .map_or("", crate::app::catalogue::transfer::cell_from_csv)
                .to_string()
        };
        let form = ConceptForm {
            key: get("key"),
            domain: get("domain"),
            terms_de: get("de"),
            terms_fr: get("fr"),
            terms_en: get("en"),
            terms_lb: get("lb"),
            definition_de: get("definition_de"),
            definition_fr: get("definition_fr"),
            definition_en: get("definition_en"),
            definition_lb: get("definition_lb"),
            related: get("related"),
        };
        match Concept::try_from(form) {
            Ok(c) => concepts.push((line, c)),
            Err(errors) => problems.extend(problems_of(line, errors)),
        }
    }
    check_whole(&concepts, known, &mut problems);
    if problems.is_empty() {
        Ok(concepts.into_iter().map(|(_, c)| c).collect())
    } else {
        Err(problems)
    }
}

/// Writes concepts as CSV.
pub fn write_csv(concepts: &[Concept]) -> String {
    let mut w = crate::app::catalogue::transfer::csv_writer(true);
    let _ = w.write_record(CSV_HEADER);
    for c in concepts {
        let terms = |l| c.terms_in(l).join(" | ");
        let related = c
            .related
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(" | ");
        let _ = w.write_record(
            [
                c.key.as_str(),
                c.domain.as_str(),
                &terms(ContentLang::De),
                &terms(ContentLang::Fr),
                &terms(ContentLang::En),
                &terms(ContentLang::Lb),
                c.definition(ContentLang::De),
                c.definition(ContentLang::Fr),
                c.definition(ContentLang::En),
                &related,
                c.definition(ContentLang::Lb),
            ]
            .map(|cell| crate::app::catalogue::transfer::cell_for_csv(cell).into_owned()),
        );
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn skos(name: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SKOS}{name}"))
}

/// Writes concepts as SKOS Turtle; concept IRIs are `{base}/glossary/{key}`.
pub fn write_skos(concepts: &[Concept], base: &str) -> String {
    let base = base.trim_end_matches('/');
    let scheme = NamedNode::new_unchecked(format!("{base}/glossary"));
    let node = |key: &str| NamedNode::new_unchecked(format!("{base}/glossary/{key}"));
    let rdf_type = NamedNode::new_unchecked(RDF_TYPE);
    let mut triples: Vec<Triple> = vec![
        Triple::new(scheme.clone(), rdf_type.clone(), skos("ConceptScheme")),
        Triple::new(
            scheme.clone(),
            NamedNode::new_unchecked(format!("{DCTERMS}title")),
            Literal::new_language_tagged_literal_unchecked("Passerelle glossary", "en"),
        ),
    ];
    for d in GlossaryDomain::ALL {
        let collection = NamedNode::new_unchecked(format!("{base}/glossary/domain/{}", d.as_str()));
        let members: Vec<&Concept> = concepts.iter().filter(|c| c.domain == d).collect();
        if members.is_empty() {
            continue;
        }
        triples.push(Triple::new(
            collection.clone(),
            rdf_type.clone(),
            skos("Collection"),
        ));
        triples.push(Triple::new(
            collection.clone(),
            skos("notation"),
            Literal::new_simple_literal(d.as_str()),
        ));
        for c in members {
            triples.push(Triple::new(
                collection.clone(),
                skos("member"),
                node(c.key.as_str()),
            ));
        }
    }
    for c in concepts {
        let me = node(c.key.as_str());
        triples.push(Triple::new(me.clone(), rdf_type.clone(), skos("Concept")));
        triples.push(Triple::new(me.clone(), skos("inScheme"), scheme.clone()));
        triples.push(Triple::new(
            me.clone(),
            skos("notation"),
            Literal::new_simple_literal(c.key.as_str()),
        ));
        for (lang, terms) in &c.terms {
            for (i, t) in terms.iter().enumerate() {
                let label = if i == 0 { "prefLabel" } else { "altLabel" };
                triples.push(Triple::new(
                    me.clone(),
                    skos(label),
                    Literal::new_language_tagged_literal_unchecked(t.clone(), lang.code()),
                ));
            }
        }
        for (lang, d) in &c.definitions {
            if !d.is_empty() {
                triples.push(Triple::new(
                    me.clone(),
                    skos("definition"),
                    Literal::new_language_tagged_literal_unchecked(d.clone(), lang.code()),
                ));
            }
        }
        for r in &c.related {
            triples.push(Triple::new(me.clone(), skos("related"), node(r.as_str())));
        }
    }
    let mut serializer = TurtleSerializer::new()
        .with_prefix("skos", SKOS)
        .and_then(|s| s.with_prefix("dcterms", DCTERMS))
        .unwrap_or_default()
        .for_writer(Vec::new());
    for t in &triples {
        let _ = serializer.serialize_triple(t);
    }
    String::from_utf8(serializer.finish().unwrap_or_default()).unwrap_or_default()
}

/// What a SKOS file says about one concept while it is read.
#[derive(Default)]
struct Gathered {
    order: usize,
    notation: Option<String>,
    pref: BTreeMap<String, String>,
    alt: BTreeMap<String, Vec<String>>,
    definitions: BTreeMap<String, String>,
    related: Vec<String>,
    domain: Option<String>,
}

/// The key of a concept IRI: its `skos:notation`, else the IRI's last path segment.
fn key_of(iri: &str, gathered: Option<&Gathered>) -> String {
    gathered
        .and_then(|g| g.notation.clone())
        .unwrap_or_else(|| iri.rsplit(['/', '#']).next().unwrap_or(iri).to_string())
}

/// Reads a SKOS Turtle glossary. Only concepts (`a skos:Concept`) are read; their domain comes
/// from the `skos:Collection` with a domain's notation that lists them as member.
pub fn read_skos(
    text: &str,
    known: &dyn Fn(&str) -> bool,
) -> Result<Vec<Concept>, Vec<ImportProblem>> {
    let mut concepts: BTreeMap<String, Gathered> = BTreeMap::new();
    let mut is_concept: Vec<String> = Vec::new();
    let mut collections: BTreeMap<String, (Option<String>, Vec<String>)> = BTreeMap::new();
    let skos_iri = |t: &NamedNode, name: &str| t.as_str() == format!("{SKOS}{name}");
    for (n, triple) in TurtleParser::new().for_slice(text.as_bytes()).enumerate() {
        let triple = match triple {
            Ok(t) => t,
            Err(e) => {
                let line = e.location().start.line as usize + 1;
                return Err(vec![ImportProblem {
                    line,
                    field: "-".into(),
                    error: FieldError::with("error-import-turtle", "detail", e.message()),
                }]);
            }
        };
        let NamedOrBlankNode::NamedNode(subject) = &triple.subject else {
            continue;
        };
        let s = subject.as_str().to_string();
        let p = &triple.predicate;
        if p.as_str() == RDF_TYPE {
            if let Term::NamedNode(o) = &triple.object {
                if skos_iri(o, "Concept") {
                    is_concept.push(s.clone());
                    concepts.entry(s).or_default().order = n;
                } else if skos_iri(o, "Collection") {
                    collections.entry(s).or_default();
                }
            }
            continue;
        }
        let literal = match &triple.object {
            Term::Literal(l) => Some((
                l.value().to_string(),
                l.language().unwrap_or("").to_string(),
            )),
            _ => None,
        };
        let object_iri = match &triple.object {
            Term::NamedNode(o) => Some(o.as_str().to_string()),
            _ => None,
        };
        if skos_iri(p, "member") {
            if let Some(o) = object_iri {
                collections.entry(s).or_default().1.push(o);
            }
            continue;
        }
        if skos_iri(p, "notation") {
            if let Some((v, _)) = &literal {
                if let Some(c) = collections.get_mut(&s) {
                    c.0 = Some(v.clone());
                } else {
                    concepts.entry(s.clone()).or_default().notation = Some(v.clone());
                }
            }
            continue;
        }
        let g = concepts.entry(s).or_default();
        match (p.as_str().strip_prefix(SKOS), literal, object_iri) {
            (Some("prefLabel"), Some((v, lang)), _) => {
                g.pref.insert(lang, v);
            }
            (Some("altLabel"), Some((v, lang)), _) => g.alt.entry(lang).or_default().push(v),
            (Some("definition"), Some((v, lang)), _) => {
                g.definitions.insert(lang, v);
            }
            (Some("related"), _, Some(o)) => g.related.push(o),
            _ => {}
        }
    }
    for (iri, (notation, members)) in &collections {
        let domain = notation.clone().unwrap_or_else(|| key_of(iri, None));
        for m in members {
            if let Some(g) = concepts.get_mut(m) {
                g.domain = Some(domain.clone());
            }
        }
    }
    let mut ordered: Vec<(&String, &Gathered)> = concepts
        .iter()
        .filter(|(iri, _)| is_concept.contains(iri))
        .collect();
    ordered.sort_by_key(|(_, g)| g.order);
    let keys: BTreeMap<&String, String> = concepts
        .iter()
        .map(|(iri, g)| (iri, key_of(iri, Some(g))))
        .collect();
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (i, (iri, g)) in ordered.iter().enumerate() {
        let terms = |lang: &str| {
            let mut t: Vec<String> = g.pref.get(lang).cloned().into_iter().collect();
            t.extend(g.alt.get(lang).cloned().unwrap_or_default());
            t.join("\n")
        };
        let def = |lang: &str| g.definitions.get(lang).cloned().unwrap_or_default();
        let form = ConceptForm {
            key: keys.get(iri).cloned().unwrap_or_default(),
            domain: g.domain.clone().unwrap_or_default(),
            terms_de: terms("de"),
            terms_fr: terms("fr"),
            terms_en: terms("en"),
            terms_lb: terms("lb"),
            definition_de: def("de"),
            definition_fr: def("fr"),
            definition_en: def("en"),
            definition_lb: def("lb"),
            related: g
                .related
                .iter()
                .map(|r| keys.get(r).cloned().unwrap_or_else(|| key_of(r, None)))
                .collect::<Vec<_>>()
                .join(", "),
        };
        // Concepts are numbered in file order for messages.
        match Concept::try_from(form) {
            Ok(c) => out.push((i + 1, c)),
            Err(errors) => problems.extend(problems_of(i + 1, errors)),
        }
    }
    check_whole(&out, known, &mut problems);
    if problems.is_empty() {
        Ok(out.into_iter().map(|(_, c)| c).collect())
    } else {
        Err(problems)
    }
}

/// Every term of `concepts`, for the search's query expansion.
pub fn glossary_terms(concepts: &[Concept]) -> Vec<crate::search::GlossaryTerm> {
    let mut out = Vec::new();
    for c in concepts {
        for (lang, terms) in &c.terms {
            for t in terms {
                out.push(crate::search::GlossaryTerm {
                    concept: c.key.as_str().to_string(),
                    lang: lang.code().to_string(),
                    term: t.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "key,domain,de,fr,en,lb,definition_de,definition_fr,definition_en,related\n\
neighbourhood-mothers,housing-neighbourhood,Stadtteilmütter | Stadtteilmutter,\"mères de quartier | femmes-relais\",neighbourhood mothers,,Frauen besuchen Familien.,\"Des femmes, formées, visitent.\",Women visit families.,community-centre\n\
community-centre,housing-neighbourhood,Stadtteiltreff,maison de quartier,community centre,Quartiershaus,,,,\n";

    #[test]
    fn csv_and_skos_round_trip_to_the_same_concepts() {
        let none = |_: &str| false;
        let concepts = read_csv(CSV, &none).unwrap();
        assert_eq!(concepts.len(), 2);
        assert_eq!(read_csv(&write_csv(&concepts), &none).unwrap(), concepts);
        let ttl = write_skos(&concepts, "https://example.org");
        assert!(ttl.contains("skos:prefLabel"), "{ttl}");
        assert_eq!(read_skos(&ttl, &none).unwrap(), concepts);
    }

    #[test]
    fn a_bad_file_reports_every_line_and_nothing_else_is_read() {
        let none = |_: &str| false;
        let bad = format!(
            "{CSV}Bad Key,nowhere,,x,y,,,,,missing-one\nneighbourhood-mothers,health,a,b,c,,,,,\n"
        );
        let problems = read_csv(&bad, &none).unwrap_err();
        let lines: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(
            lines,
            [(4, "key"), (4, "domain"), (4, "terms_de"), (5, "key")]
        );
        let problems = read_skos("<a> <b> .", &none).unwrap_err();
        assert_eq!(problems[0].error.key, "error-import-turtle");
    }
}
