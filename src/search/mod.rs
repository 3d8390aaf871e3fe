//! Full-text search: the only module that imports tantivy. The index is derived from the database
//! and can always be rebuilt; `app` feeds it [`SearchDoc`]s as it follows the change log, and this
//! module stores the last applied change number inside each index commit, so a crash between a
//! database commit and an index commit loses nothing.
//!
//! One index document per entity. Per language (de, fr, en, lb) it stores the title, summary and
//! body to show, and indexes them with the tags as one field, read by that language's analyzer
//! ([`analysis`]): the title twice, so that it weighs more. One field scored as a whole (BM25 of
//! the words' counts over all parts, as BM25F does) ranks better than the sum of a score per part,
//! where a common word found in the title, the summary and the body counted three times. A query is planned into
//! units (words and glossary concepts, [`expand`]) and run in every language ([`query`]).

pub mod analysis;
mod clauses;
mod coherence;
pub mod expand;
pub mod lexicon;
mod most;
mod parallel;
mod query;
mod request;
mod snippets;
mod suggest;
mod vectors;

/// The optional embedding model ([`passerelle_e5`]): loaded by `app`, used through this module.
pub use passerelle_e5 as embed;

pub use expand::{Expander, GlossaryTerm};
pub use lexicon::LexiconKeys;
pub use request::{
    Facets, Hit, SearchRequest, SearchResults, Segment, Translation, Translations, UsedTranslation,
};

use std::path::Path;
use std::sync::{Arc, Mutex};

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub use analysis::Compounds;
use analysis::LANGS;

/// Raised whenever the schema, an analyzer or the compound dictionary changes: an index written
/// with another version is rebuilt on start.
pub const SCHEMA_VERSION: u32 = 7;

/// How many times the title is counted in a language's searched text.
const TITLE_TIMES: usize = 2;

/// What search can fail with.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index directory is in use by another process.
    #[error("the search index in {0} is in use by another process (is a server running?)")]
    Locked(String),
    /// Anything else from the index.
    #[error(transparent)]
    Index(#[from] tantivy::TantivyError),
    /// File system trouble.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Results of this module.
pub type Result<T, E = SearchError> = std::result::Result<T, E>;

/// The kinds of things that are searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// A good practice.
    Practice,
    /// An organisation.
    Organisation,
    /// A person (members only).
    Person,
    /// A placement of the exchange programme (closed ones for members only).
    Placement,
    /// A learning report on a visit (public when its visitor published it).
    Report,
}

impl DocKind {
    /// Every kind, in the order facets list them.
    pub const ALL: [DocKind; 5] = [
        DocKind::Practice,
        DocKind::Placement,
        DocKind::Report,
        DocKind::Organisation,
        DocKind::Person,
    ];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Practice => "practice",
            DocKind::Organisation => "organisation",
            DocKind::Person => "person",
            DocKind::Placement => "placement",
            DocKind::Report => "report",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The text of a document in one language.
#[derive(Debug, Clone, Default)]
pub struct DocText {
    /// Language code (de, fr, en, lb).
    pub lang: String,
    /// Title or name.
    pub title: String,
    /// Short text shown in results.
    pub summary: String,
    /// The rest, as plain text.
    pub body: String,
    /// Labels that help finding it (theme names, city, owners) in this language.
    pub tags: String,
}

impl DocText {
    /// What the embedding model reads of a text: its title and summary (none when both are
    /// empty).
    pub fn passage(&self) -> Option<String> {
        let passage = [self.title.trim(), self.summary.trim()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        (!passage.is_empty()).then_some(passage)
    }
}

/// One thing to index, built by `app` from the database. Only what its readers may see goes in:
/// `public` documents are shown to everyone, the others to members only.
#[derive(Debug, Clone)]
pub struct SearchDoc {
    /// What it is.
    pub kind: DocKind,
    /// Its id (unique per kind).
    pub id: String,
    /// Its URL name.
    pub slug: String,
    /// External reference, if any.
    pub reference: Option<String>,
    /// Visible to the public (otherwise members only).
    pub public: bool,
    /// Language of the original.
    pub original_lang: String,
    /// The texts, original first.
    pub texts: Vec<DocText>,
    /// City slug.
    pub city: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Theme keys.
    pub themes: Vec<String>,
    /// Documents that must go when this one's parent goes (`organisation/12` for its people).
    pub parent: Option<String>,
    /// Unit vectors of its texts (title and summary, one per language) when an embedding model
    /// is configured; none otherwise.
    pub vectors: Vec<Vec<f32>>,
}

/// A change to the index.
#[derive(Debug, Clone)]
pub enum IndexOp {
    /// Add or replace.
    Upsert(Box<SearchDoc>),
    /// Remove a document.
    Delete(DocKind, String),
    /// Remove every document whose parent is this (`organisation/12`).
    DeleteChildren(String),
}

#[derive(Clone, Copy)]
struct LangFields {
    /// Stored, to show.
    title: Field,
    summary: Field,
    body: Field,
    /// Indexed: the title ([`TITLE_TIMES`] times), summary, tags and body.
    text: Field,
}

#[derive(Clone)]
struct Fields {
    uid: Field,
    kind: Field,
    visibility: Field,
    parent: Field,
    /// Kind and numeric id as one number, for the semantic side ([`vectors::key`]).
    key: Field,
    facets: Field,
    data: Field,
    /// Words of every document, for members' "did you mean".
    spell: Field,
    /// Words of public documents only, for everyone else's: a suggestion never shows a word
    /// the reader may not read.
    spell_public: Field,
    langs: [LangFields; 4],
}

impl Fields {
    fn lang(&self, lang: &str) -> Option<&LangFields> {
        LANGS
            .iter()
            .position(|l| *l == lang)
            .map(|i| &self.langs[i])
    }
}

fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let uid = b.add_text_field("uid", STRING | STORED);
    let kind = b.add_text_field("kind", STRING);
    let visibility = b.add_text_field("visibility", STRING);
    let parent = b.add_text_field("parent", STRING);
    let key = b.add_u64_field("key", INDEXED | FAST);
    let facets = b.add_facet_field("facets", FacetOptions::default());
    let data = b.add_text_field("data", STORED);
    let spell_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analysis::FOLD)
            .set_index_option(IndexRecordOption::Basic),
    );
    let spell = b.add_text_field("spell", spell_options.clone());
    let spell_public = b.add_text_field("spell_public", spell_options);
    let langs = LANGS.map(|lang| {
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&analysis::analyzer_name(lang))
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        LangFields {
            title: b.add_text_field(&format!("title_{lang}"), STORED),
            summary: b.add_text_field(&format!("summary_{lang}"), STORED),
            body: b.add_text_field(&format!("body_{lang}"), STORED),
            text: b.add_text_field(&format!("text_{lang}"), text),
        }
    });
    let schema = b.build();
    (
        schema,
        Fields {
            uid,
            kind,
            visibility,
            parent,
            key,
            facets,
            data,
            spell,
            spell_public,
            langs,
        },
    )
}

/// What is stored with a document for showing it in results.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct StoredData {
    kind: String,
    id: String,
    slug: String,
    reference: Option<String>,
    original_lang: String,
    langs: Vec<String>,
    city: Option<String>,
}

/// What the index stores in each commit.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Payload {
    schema: u32,
    seq: i64,
    /// The German word list the index was analyzed with ([`Compounds::fingerprint`]).
    #[serde(default)]
    compounds: String,
}

/// How [`SearchIndex::open`] found the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// It was there, of this schema version.
    Existing,
    /// It was missing or of another schema version and was created empty: rebuild it.
    Created,
}

/// The index of one server process: a writer (serialized), a reader and the analyzers.
pub struct SearchIndex {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    compounds: Arc<Compounds>,
    vectors: vectors::Vectors,
    applied: std::sync::atomic::AtomicI64,
    pause_before_commit: std::sync::atomic::AtomicBool,
}

fn uid(kind: DocKind, id: &str) -> String {
    format!("{}/{}", kind.as_str(), id)
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (empty, at change 0) when missing, when it was
    /// written with another [`SCHEMA_VERSION`], or when its German compounds were split with
    /// another word list than `compounds`. `memory` is the writer's budget in bytes.
    pub fn open(
        dir: &Path,
        memory: usize,
        compounds: Arc<Compounds>,
    ) -> Result<(SearchIndex, Opened)> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = build_schema();
        let existing = Index::open_in_dir(dir).ok().filter(|index| {
            read_payload(index).is_some_and(|p| {
                p.schema == SCHEMA_VERSION && p.compounds == compounds.fingerprint()
            }) && index.schema() == schema
        });
        let (index, opened) = match existing {
            Some(index) => (index, Opened::Existing),
            None => {
                for entry in std::fs::read_dir(dir)? {
                    let path = entry?.path();
                    if path.is_dir() {
                        std::fs::remove_dir_all(&path)?;
                    } else {
                        std::fs::remove_file(&path)?;
                    }
                }
                (Index::create_in_dir(dir, schema)?, Opened::Created)
            }
        };
        analysis::register(index.tokenizers(), &compounds);
        let writer = index
            .writer_with_num_threads(1, memory.max(15_000_000))
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => {
                    SearchError::Locked(dir.display().to_string())
                }
                other => other.into(),
            })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let seq = read_payload(&index).map(|p| p.seq).unwrap_or(0);
        let search = SearchIndex {
            reader,
            writer: Mutex::new(writer),
            fields,
            compounds,
            vectors: vectors::Vectors::default(),
            applied: std::sync::atomic::AtomicI64::new(seq),
            pause_before_commit: std::sync::atomic::AtomicBool::new(false),
        };
        if opened == Opened::Created {
            search.commit(0)?;
        }
        Ok((search, opened))
    }

    /// How this index splits German compounds: queries, glossary terms and the lexicon's keys
    /// must be analyzed alike.
    pub fn compounds(&self) -> &Arc<Compounds> {
        &self.compounds
    }

    /// The last change number whose effects are committed in the index.
    pub fn applied(&self) -> i64 {
        self.applied.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Number of documents searchable now.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Applies `ops` and commits them together with `seq`, the last change they account for.
    /// Applying the same changes twice leaves the same index (documents are replaced by id).
    pub fn apply(&self, ops: Vec<IndexOp>, seq: i64) -> Result<()> {
        {
            let writer = self.lock();
            for op in ops {
                match op {
                    IndexOp::Upsert(doc) => {
                        writer.delete_term(Term::from_field_text(
                            self.fields.uid,
                            &uid(doc.kind, &doc.id),
                        ));
                        writer.add_document(self.document(&doc))?;
                        if let Some(key) = vectors::key(doc.kind, &doc.id) {
                            self.vectors.put(key, &doc.vectors);
                        }
                    }
                    IndexOp::Delete(kind, id) => {
                        writer.delete_term(Term::from_field_text(self.fields.uid, &uid(kind, &id)));
                        if let Some(key) = vectors::key(kind, &id) {
                            self.vectors.remove(key);
                        }
                    }
                    IndexOp::DeleteChildren(parent) => {
                        writer.delete_term(Term::from_field_text(self.fields.parent, &parent));
                    }
                }
            }
        }
        if self
            .pause_before_commit
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            // The crash test's window: the database has committed, the index has not.
            eprintln!("passerelle: paused before the index commit of change {seq}");
            // Killed by the test long before; never left behind if the test itself dies.
            std::thread::sleep(std::time::Duration::from_secs(120));
            std::process::abort();
        }
        self.commit(seq)
    }

    /// Makes every later [`SearchIndex::apply`] stop for good just before its commit, with its
    /// documents added but not committed: the crash test kills the process there (`kill -9`).
    pub fn pause_before_commit(&self) {
        self.pause_before_commit
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Starts a rebuild: removes every document (not yet committed). Follow with
    /// [`SearchIndex::add`] and [`SearchIndex::finish_rebuild`].
    pub fn start_rebuild(&self) -> Result<()> {
        self.lock().delete_all_documents()?;
        self.vectors.clear();
        Ok(())
    }

    /// Adds documents during a rebuild.
    pub fn add(&self, docs: &[SearchDoc]) -> Result<()> {
        let writer = self.lock();
        for doc in docs {
            writer.add_document(self.document(doc))?;
            if let Some(key) = vectors::key(doc.kind, &doc.id) {
                self.vectors.put(key, &doc.vectors);
            }
        }
        Ok(())
    }

    /// Sets the vectors of a document already in the index (read from the database when an
    /// existing index is opened, or computed later).
    pub fn put_vectors(&self, kind: DocKind, id: &str, vectors: &[Vec<f32>]) {
        if let Some(key) = vectors::key(kind, id) {
            self.vectors.put(key, vectors);
        }
    }

    /// How many documents have vectors.
    pub fn vector_count(&self) -> usize {
        self.vectors.len()
    }

    /// Commits a rebuild that accounts for every change up to `seq`.
    pub fn finish_rebuild(&self, seq: i64) -> Result<()> {
        self.commit(seq)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, IndexWriter> {
        // A panic while holding the writer leaves nothing half-committed: use it anyway.
        self.writer.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn commit(&self, seq: i64) -> Result<()> {
        let mut writer = self.lock();
        let mut prepared = writer.prepare_commit()?;
        let payload = serde_json::to_string(&Payload {
            schema: SCHEMA_VERSION,
            seq,
            compounds: self.compounds.fingerprint().to_string(),
        })
        .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.applied
            .store(seq, std::sync::atomic::Ordering::Release);
        drop(writer);
        self.reader.reload()?;
        Ok(())
    }

    fn document(&self, doc: &SearchDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut d = TantivyDocument::new();
        d.add_text(f.uid, uid(doc.kind, &doc.id));
        d.add_text(f.kind, doc.kind.as_str());
        d.add_text(f.visibility, if doc.public { "public" } else { "members" });
        if let Some(parent) = &doc.parent {
            d.add_text(f.parent, parent);
        }
        if let Some(key) = vectors::key(doc.kind, &doc.id) {
            d.add_u64(f.key, key);
        }
        d.add_facet(f.facets, facet("type", doc.kind.as_str()));
        if let Some(city) = &doc.city {
            d.add_facet(f.facets, facet("city", city));
        }
        if let Some(country) = &doc.country {
            d.add_facet(f.facets, facet("country", country));
        }
        for theme in &doc.themes {
            d.add_facet(f.facets, facet("theme", theme));
        }
        let mut langs = Vec::new();
        for text in &doc.texts {
            let Some(lf) = f.lang(&text.lang) else {
                continue;
            };
            if !langs.contains(&text.lang) {
                langs.push(text.lang.clone());
                d.add_facet(f.facets, facet("lang", &text.lang));
            }
            d.add_text(lf.title, &text.title);
            d.add_text(lf.summary, &text.summary);
            d.add_text(lf.body, &text.body);
            let parts = std::iter::repeat_n(&text.title, TITLE_TIMES).chain([
                &text.summary,
                &text.tags,
                &text.body,
            ]);
            for part in parts.filter(|p| !p.is_empty()) {
                d.add_text(lf.text, part);
            }
            let spell_fields: &[Field] = if doc.public {
                &[f.spell, f.spell_public]
            } else {
                &[f.spell]
            };
            for field in spell_fields {
                d.add_text(*field, &text.title);
                d.add_text(*field, &text.summary);
                d.add_text(*field, &text.body);
            }
        }
        let data = StoredData {
            kind: doc.kind.as_str().to_string(),
            id: doc.id.clone(),
            slug: doc.slug.clone(),
            reference: doc.reference.clone(),
            original_lang: doc.original_lang.clone(),
            langs,
            city: doc.city.clone(),
        };
        d.add_text(f.data, serde_json::to_string(&data).unwrap_or_default());
        d
    }
}

fn facet(dimension: &str, value: &str) -> tantivy::schema::Facet {
    tantivy::schema::Facet::from_path([dimension, value])
}

fn read_payload(index: &Index) -> Option<Payload> {
    let metas = index.load_metas().ok()?;
    serde_json::from_str(metas.payload.as_deref()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query::AllQuery;

    #[test]
    fn an_index_split_by_another_word_list_is_rebuilt() {
        let dir = tempfile::tempdir().expect("dir");
        let open = |compounds: Arc<Compounds>| {
            SearchIndex::open(dir.path(), 15_000_000, compounds)
                .expect("opens")
                .1
        };
        assert_eq!(open(Compounds::builtin()), Opened::Created);
        assert_eq!(open(Compounds::builtin()), Opened::Existing);
        let list = || {
            Arc::new(Compounds::from_words(
                [("fahrrad".to_string(), 4.2), ("werkstatt".to_string(), 4.0)],
                "lexicon",
            ))
        };
        assert_eq!(open(list()), Opened::Created, "another list");
        assert_eq!(open(list()), Opened::Existing, "the same list again");
    }

    /// English practices `0..n` with `text` as summary, in Metz or Trier.
    fn practices(from: usize, n: usize, text: &str) -> Vec<IndexOp> {
        (from..from + n)
            .map(|i| {
                IndexOp::Upsert(Box::new(SearchDoc {
                    kind: DocKind::Practice,
                    id: i.to_string(),
                    slug: format!("p{i}"),
                    reference: None,
                    public: true,
                    original_lang: "en".into(),
                    texts: vec![DocText {
                        lang: "en".into(),
                        title: format!("Practice {i}"),
                        summary: text.into(),
                        body: String::new(),
                        tags: String::new(),
                    }],
                    city: Some(if i % 2 == 0 { "metz" } else { "trier" }.into()),
                    country: None,
                    themes: Vec::new(),
                    parent: None,
                    vectors: Vec::new(),
                }))
            })
            .collect()
    }

    #[test]
    fn a_page_of_documents_with_most_words_is_what_is_counted_else_every_match() {
        let dir = tempfile::tempdir().expect("dir");
        let (index, _) =
            SearchIndex::open(dir.path(), 15_000_000, Compounds::builtin()).expect("opens");
        let glossary = Expander::empty();
        let mut ops = practices(0, 12, "garden tenants courtyard");
        ops.extend(practices(12, 30, "garden"));
        ops.extend(practices(42, 3, "bicycle tenants"));
        index.apply(ops, 1).expect("written");
        let search_with = |q: &str, offset: usize, limit: usize, most_words: Option<bool>| {
            let mut req = SearchRequest::new(q, "en");
            req.offset = offset;
            req.limit = limit;
            req.most_words = most_words;
            index.search(&req, &glossary).expect("search")
        };
        let search = |q: &str, offset: usize| search_with(q, offset, 10, None);
        // Twelve practices hold both words: they are the results, counted with their facets,
        // whatever the size of the page.
        let r = search("garden tenants", 0);
        assert_eq!((r.total, r.most_words), (12, true));
        assert_eq!(search_with("garden tenants", 0, 20, None).total, 12);
        assert_eq!(r.hits.len(), 10);
        assert!(
            r.hits.iter().all(|h| h.id.parse::<usize>().unwrap() < 12),
            "{:?}",
            r.hits
        );
        let metz = r
            .facets
            .city
            .iter()
            .find(|(c, _)| c == "metz")
            .map(|(_, n)| *n);
        assert_eq!(metz, Some(6));
        // Unless the reader asks for every match.
        let every = search_with("garden tenants", 0, 10, Some(false));
        assert_eq!((every.total, every.most_words), (45, false));
        // The second page ends with them.
        let r = search("garden tenants", 10);
        assert_eq!((r.total, r.hits.len()), (12, 2));
        // Three hold both: fewer than a page, so the others with one of the words follow, and
        // every match is counted.
        let r = search("bicycle tenants", 0);
        assert_eq!((r.total, r.most_words), (15, false));
        let first: Vec<&str> = r.hits.iter().take(3).map(|h| h.id.as_str()).collect();
        assert_eq!(first.len(), 3);
        assert!(
            first.iter().all(|id| ["42", "43", "44"].contains(id)),
            "{first:?}"
        );
        assert_eq!(r.hits.len(), 10);
        // A reader who keeps to the good matches (a facet link of such results) gets those.
        let r = search_with("bicycle tenants", 0, 10, Some(true));
        assert_eq!((r.total, r.hits.len(), r.most_words), (3, 3, true));
        // And when no document holds most of the words, every match.
        let r = search_with("bicycle courtyard", 0, 10, Some(true));
        assert_eq!((r.total, r.most_words), (15, false));
    }

    #[test]
    fn a_result_found_by_meaning_alone_says_so() {
        let dir = tempfile::tempdir().expect("dir");
        let (index, _) =
            SearchIndex::open(dir.path(), 15_000_000, Compounds::builtin()).expect("opens");
        let glossary = Expander::empty();
        let unit = |v: [f32; 4]| {
            let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.iter().map(|x| x / n).collect::<Vec<f32>>()
        };
        let mut ops = practices(0, 2, "community garden");
        ops.extend(practices(2, 1, "allotment plots"));
        ops.extend(practices(3, 1, "bicycle repair"));
        for (op, v) in ops.iter_mut().zip([
            [1.0, 0.0, 0.0, 0.0],
            [0.9, 0.3, 0.0, 0.0],
            [0.95, 0.2, 0.0, 0.0],
            [0.0, 0.0, 1.0, 0.0],
        ]) {
            if let IndexOp::Upsert(doc) = op {
                doc.vectors = vec![unit(v)];
            }
        }
        index.apply(ops, 1).expect("written");
        let mut req = SearchRequest::new("garden", "en");
        let r = index.search(&req, &glossary).expect("search");
        assert!(!r.meaning);
        assert_eq!(r.hits.len(), 2, "{:?}", r.hits);
        assert!(r.hits.iter().all(|h| !h.meaning_only));
        req.vector = Some(Arc::new(unit([1.0, 0.1, 0.0, 0.0])));
        let r = index.search(&req, &glossary).expect("search");
        assert!(r.meaning);
        let found: Vec<(&str, bool)> = r
            .hits
            .iter()
            .map(|h| (h.id.as_str(), h.meaning_only))
            .collect();
        assert_eq!(found.len(), 3, "the bicycle is far in meaning: {found:?}");
        assert!(found.contains(&("2", true)), "{found:?}");
        assert!(
            found.contains(&("0", false)) && found.contains(&("1", false)),
            "{found:?}"
        );

        // More documents hold the word than the words' candidates (100): one that is near in
        // meaning and holds the word below them is not said to be found by meaning alone.
        let mut ops: Vec<IndexOp> = (10..160)
            .flat_map(|i| {
                let filler = vec!["words"; i % 20].join(" ");
                practices(i, 1, &format!("garden garden garden {filler}"))
            })
            .collect();
        let filler = vec!["words"; 40].join(" ");
        ops.extend(practices(200, 1, &format!("garden {filler}")));
        for op in ops.iter_mut() {
            if let IndexOp::Upsert(doc) = op {
                doc.vectors = vec![if doc.id == "200" {
                    unit([1.0, 0.05, 0.0, 0.0])
                } else {
                    unit([0.0, 1.0, 0.0, 0.0])
                }];
            }
        }
        index.apply(ops, 2).expect("written");
        // The vectors scanned in ranges on threads, each scorer starting by a seek, find the
        // same nearest documents as one pass.
        let searcher = index.reader.searcher();
        let vector = unit([1.0, 0.1, 0.0, 0.0]);
        let nearest = |ranges: &[parallel::Range]| -> Vec<(u64, u32)> {
            let found = index
                .vectors
                .nearest_in(&searcher, index.fields.key, &AllQuery, &vector, ranges)
                .expect("scan");
            found.iter().map(|n| (n.key, n.cosine.to_bits())).collect()
        };
        let whole = nearest(&parallel::ranges_of(&searcher, 1, u32::MAX));
        assert_eq!(whole.len(), 4, "{whole:?}");
        for (threads, min_range) in [(2, 1), (3, 7), (4, 50)] {
            let ranges = parallel::ranges_of(&searcher, threads, min_range);
            assert!(ranges.len() > 1);
            assert_eq!(nearest(&ranges), whole, "{threads} threads");
        }
        req.limit = 100;
        let r = index.search(&req, &glossary).expect("search");
        let flag = |id: &str| r.hits.iter().find(|h| h.id == id).map(|h| h.meaning_only);
        assert_eq!(
            (flag("2"), flag("200")),
            (Some(true), Some(false)),
            "{:?}",
            r.hits
        );
    }
}
