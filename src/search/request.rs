//! What a search is asked (the query, the reader, filters, the lexicon's translations) and what it answers (hits with snippets, facets, the translations used).

use std::collections::HashMap;

use super::DocKind;

/// A search as asked.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// What was typed.
    pub q: String,
    /// The reader's language: results are shown in it when translated.
    pub reader_lang: String,
    /// The query's language when known; otherwise guessed from the query.
    pub query_lang: Option<String>,
    /// Only these kinds (all when empty).
    pub kinds: Vec<DocKind>,
    /// Only this city (slug).
    pub city: Option<String>,
    /// Only this country (code).
    pub country: Option<String>,
    /// Only this theme (key).
    pub theme: Option<String>,
    /// Only content available in this language.
    pub lang: Option<String>,
    /// The reader is a member: members-only documents are included.
    pub members: bool,
    /// Expand the query through the glossary (on, except for measuring it).
    pub expand: bool,
    /// Page size.
    pub limit: usize,
    /// Results skipped.
    pub offset: usize,
    /// The lexicon's translations of the query's words (see [`lexicon_keys`]); none when the
    /// lexicon is not installed, and the search is then within each language.
    pub translations: Translations,
    /// Translations the reader removed, as (language, text): not used.
    pub without: Vec<(String, String)>,
    /// The query's vector, when an embedding model is configured: the results are then fused
    /// with the documents nearest in meaning.
    pub vector: Option<std::sync::Arc<Vec<f32>>>,
    /// A document never to return (the practice whose similar ones are asked for).
    pub exclude: Option<(DocKind, String)>,
    /// Keep to the documents matching most of the query's words: whenever any does
    /// (`Some(true)`), never (`Some(false)`: every match), or when at least
    /// [`GOOD_PAGE`](super::query::GOOD_PAGE) do (`None`).
    pub most_words: Option<bool>,
}

/// One translation from the lexicon: its language, its text (one or more words) and its weight
/// (higher is more likely).
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The word translated, as the lexicon writes it (one of the forms filed under the key).
    pub word: String,
    /// Target language.
    pub lang: String,
    /// The translation as written.
    pub text: String,
    /// How likely this sense is; ranks the translations of one word.
    pub weight: f32,
    /// Added by a coordinator: used before the lexicon's own, whichever form was typed.
    pub corrected: bool,
}

/// Translations by (source language, lexicon key of the word).
pub type Translations = HashMap<(String, String), Vec<Translation>>;

/// A translation the search used for a word of the query: shown to the reader, who can remove it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UsedTranslation {
    /// The word as typed.
    pub word: String,
    /// The language the word was translated from (the query's, or another that knows it).
    pub from: String,
    /// The language of the translation.
    pub lang: String,
    /// The translation.
    pub text: String,
}

impl SearchRequest {
    /// A public search for `q` by a reader of `lang`, first page of ten.
    pub fn new(q: &str, lang: &str) -> SearchRequest {
        SearchRequest {
            q: q.to_string(),
            reader_lang: lang.to_string(),
            query_lang: None,
            kinds: Vec::new(),
            city: None,
            country: None,
            theme: None,
            lang: None,
            members: false,
            expand: true,
            limit: 10,
            offset: 0,
            translations: Translations::new(),
            without: Vec::new(),
            vector: None,
            exclude: None,
            most_words: None,
        }
    }
}

/// A piece of a snippet; `mark` when it matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// True for a matched word.
    pub mark: bool,
}

/// One result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    /// What it is.
    pub kind: DocKind,
    /// Its id.
    pub id: String,
    /// Its URL name.
    pub slug: String,
    /// External reference.
    pub reference: Option<String>,
    /// Relevance.
    pub score: f32,
    /// Title in `lang`.
    pub title: String,
    /// Language of title and snippet: the reader's when translated, else the original.
    pub lang: String,
    /// Language of the original.
    pub original_lang: String,
    /// The snippet, in `lang`, with the matched words marked.
    pub snippet: Vec<Segment>,
    /// City slug.
    pub city: Option<String>,
    /// Found by the embedding model alone: none of the query's words (nor their translations or
    /// glossary terms) occur in it.
    pub meaning_only: bool,
}

/// Facet counts over all results: value and count, most first.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Facets {
    /// By kind.
    #[serde(rename = "type")]
    pub kinds: Vec<(String, u64)>,
    /// By city slug.
    pub city: Vec<(String, u64)>,
    /// By country code.
    pub country: Vec<(String, u64)>,
    /// By theme key.
    pub theme: Vec<(String, u64)>,
    /// By available language.
    pub lang: Vec<(String, u64)>,
}

/// What a search found.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    /// All matches.
    pub total: usize,
    /// The matches are the documents matching most of the query's words (those matching fewer
    /// are left out).
    pub most_words: bool,
    /// This page.
    pub hits: Vec<Hit>,
    /// Counts over all matches.
    pub facets: Facets,
    /// A corrected query, when nothing was found and a likely correction exists.
    pub suggestion: Option<String>,
    /// The language the query was read in.
    pub query_lang: String,
    /// Keys of the glossary concepts the query was expanded through.
    pub concepts: Vec<String>,
    /// The lexicon's translations the query was expanded through.
    pub translations: Vec<UsedTranslation>,
    /// The query's meaning was searched too (an embedding model is configured and had time for
    /// this query).
    pub meaning: bool,
}
