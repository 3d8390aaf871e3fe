//! Search use cases: the search itself (with the permission filter), and keeping this server's
//! index in step with the database by following the change log, or rebuilding it whole.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::app::{App, Error, Result, given};
use crate::domain::{Action, Actor, FieldError, FieldErrors, can};
use crate::search::{
    DocKind, DocText, IndexOp, Opened, SearchDoc, SearchIndex, SearchRequest, SearchResults,
};
use crate::storage::{IndexRow, IndexSelect, IndexText};

/// A search as asked by a reader (query string, form or API).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    /// What to look for (at most 200 characters).
    pub q: String,
    /// The reader's language (de, fr, en, lb); the page's language when absent.
    pub lang: Option<String>,
    /// Only one kind: practice, placement, organisation, person or report.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Only this city (slug).
    pub city: Option<String>,
    /// Only this country (code).
    pub country: Option<String>,
    /// Only this theme (key).
    pub theme: Option<String>,
    /// Only content available in this language.
    #[serde(rename = "in")]
    pub content_lang: Option<String>,
    /// Page size (1–50, default 10).
    pub limit: Option<usize>,
    /// Results skipped (at most 10,000).
    pub offset: Option<usize>,
    /// Translations not to use, as `lang:text` separated by `;` (at most 20), e.g.
    /// `de:Wohnung;fr:logement`: the reader removed them.
    pub without: Option<String>,
    /// Keep to the documents matching most of the query's words whenever any does (`true`, as
    /// links from results that did so keep), or never (`false`: every match); without it, when
    /// at least ten do.
    pub most: Option<bool>,
}

/// Most translations a reader can remove from one search.
const WITHOUT_MAX: usize = 20;

/// The translations named by a `without` parameter, or `None` when it is malformed.
pub fn parse_without(s: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    for item in s.split(';').map(str::trim).filter(|i| !i.is_empty()) {
        let (lang, text) = item.split_once(':')?;
        let text = text.trim();
        if !["de", "fr", "en", "lb"].contains(&lang.trim())
            || text.is_empty()
            || text.chars().count() > 100
        {
            return None;
        }
        out.push((lang.trim().to_owned(), text.to_owned()));
    }
    (out.len() <= WITHOUT_MAX).then_some(out)
}

/// The `without` parameter naming `pairs`.
pub fn without_param(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(l, t)| format!("{l}:{t}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// Work on the index, run on a blocking thread.
type IndexJob = Box<dyn FnOnce(&SearchIndex) -> crate::search::Result<()> + Send>;

/// Longest query.
pub const QUERY_MAX: usize = 200;
/// Documents per batch when rebuilding.
const BATCH: i64 = 1000;
/// Practices of one batch of changes embedded while the index follows the log; a larger batch
/// (an import) is embedded in the background.
const EMBED_AT_ONCE: usize = 5;

/// When this environment variable is set in a debug build, the server stops just before each
/// index commit after its start-up catch-up (and aborts after two minutes), so that the crash
/// test can `kill -9` it between a database commit and the index commit that should follow.
pub const PAUSE_BEFORE_INDEX_COMMIT: &str = "PASSERELLE_TEST_PAUSE_BEFORE_INDEX_COMMIT";

impl App {
    /// The index, once opened by [`App::open_search`].
    pub(crate) fn index(&self) -> Result<Arc<SearchIndex>> {
        self.inner
            .search
            .get()
            .cloned()
            .ok_or_else(|| Error::Internal(anyhow::anyhow!("the search index is not open")))
    }

    /// How this process splits German compounds: the open index's way, else the compiled-in
    /// list's.
    pub(crate) fn compounds(&self) -> Arc<crate::search::Compounds> {
        self.inner
            .search
            .get()
            .map(|index| index.compounds().clone())
            .unwrap_or_else(crate::search::Compounds::builtin)
    }

    /// Drops the prepared glossary, so that it is prepared again with the open index's way of
    /// splitting compounds.
    fn forget_glossary(&self) {
        *self
            .inner
            .glossary
            .write()
            .unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// Opens this server's index under the data directory with the lexicon's German word list
    /// (read once: a new list takes effect at the next start), rebuilds it when it is new, of an
    /// older schema or of another word list, and applies the changes it has not seen.
    pub async fn open_search(&self) -> anyhow::Result<()> {
        let dir = self.config().data_dir.join("index");
        let compounds = self.load_compounds().await?;
        let (index, opened) = tokio::task::spawn_blocking(move || {
            SearchIndex::open(&dir, 64 * 1024 * 1024, compounds)
        })
        .await??;
        if self.inner.search.set(Arc::new(index)).is_err() {
            anyhow::bail!("the search index is already open");
        }
        self.forget_glossary();
        let at = self.index()?.applied();
        // The audit retention purges old changes: an index that was away longer than that has
        // missed changes the log no longer holds, and is rebuilt instead of followed.
        let missed = opened == Opened::Existing
            && self
                .store()
                .oldest_change()
                .await?
                .is_some_and(|oldest| at < oldest - 1);
        if missed {
            tracing::warn!(
                at,
                "the change log no longer holds every change this index missed; rebuilding it"
            );
        }
        if opened == Opened::Created || missed {
            self.reindex(&|_, _| {}).await?;
        }
        let applied = self.sync_index().await?;
        // The server answers meanwhile, by words only for the practices not reached yet.
        self.backfill_vectors();
        tracing::info!(
            compounds = self.compounds().fingerprint(),
            opened = if opened == Opened::Created {
                "created"
            } else {
                "existing"
            },
            at,
            applied,
            "search index open"
        );
        // A test hook only: release builds ignore it.
        if cfg!(debug_assertions) && std::env::var_os(PAUSE_BEFORE_INDEX_COMMIT).is_some() {
            self.index()?.pause_before_commit();
        }
        Ok(())
    }

    /// Opens this server's index without rebuilding or catching up (for `passerelle reindex`).
    pub async fn open_search_empty(&self) -> anyhow::Result<()> {
        let dir = self.config().data_dir.join("index");
        let compounds = self.load_compounds().await?;
        let (index, _) = tokio::task::spawn_blocking(move || {
            SearchIndex::open(&dir, 256 * 1024 * 1024, compounds)
        })
        .await??;
        if self.inner.search.set(Arc::new(index)).is_err() {
            anyhow::bail!("the search index is already open");
        }
        self.forget_glossary();
        Ok(())
    }

    /// Searches practices, organisations and (for members) people.
    pub async fn search(
        &self,
        actor: &Actor,
        query: &SearchQuery,
        page_lang: &str,
    ) -> Result<SearchResults> {
        let mut errors = FieldErrors::new();
        let q = query.q.trim().to_string();
        if q.chars().count() > QUERY_MAX {
            errors.add("q", FieldError::with("error-too-long", "max", QUERY_MAX));
        }
        let lang = given(&query.lang).unwrap_or_else(|| page_lang.to_string());
        if !["de", "fr", "en", "lb"].contains(&lang.as_str()) {
            errors.add("lang", FieldError::new("error-choice"));
        }
        let kinds = match given(&query.kind) {
            None => Vec::new(),
            Some(k) => match DocKind::parse(&k) {
                Some(kind) => vec![kind],
                None => {
                    errors.add("type", FieldError::new("error-choice"));
                    Vec::new()
                }
            },
        };
        let limit = query.limit.unwrap_or(10);
        if !(1..=50).contains(&limit) {
            errors.add("limit", FieldError::with("error-range-page", "max", 50));
        }
        let offset = query.offset.unwrap_or(0);
        if offset > 10_000 {
            errors.add(
                "offset",
                FieldError::with("error-range-limit", "max", 10_000),
            );
        }
        let without = match given(&query.without) {
            None => Vec::new(),
            Some(w) => parse_without(&w).unwrap_or_else(|| {
                errors.add(
                    "without",
                    FieldError::with("error-search-without", "max", WITHOUT_MAX),
                );
                Vec::new()
            }),
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let members = can(actor, Action::ViewContactDetails);
        let request = SearchRequest {
            q,
            reader_lang: lang,
            query_lang: None,
            kinds: kinds
                .into_iter()
                .filter(|k| members || *k != DocKind::Person)
                .collect(),
            city: given(&query.city),
            country: given(&query.country).map(|c| c.to_ascii_uppercase()),
            theme: given(&query.theme),
            lang: given(&query.content_lang),
            members,
            expand: true,
            limit,
            offset,
            translations: Default::default(),
            without,
            vector: None,
            exclude: None,
            most_words: query.most,
        };
        // A request for people by a non-member finds nothing rather than everything.
        if !members && given(&query.kind).as_deref() == Some("person") {
            return Ok(SearchResults::default());
        }
        if request.q.is_empty() {
            return Ok(SearchResults::default());
        }
        let mut request = request;
        // Only practices have vectors: a search for other kinds alone needs no meaning.
        if request.kinds.is_empty() || request.kinds.contains(&DocKind::Practice) {
            request.vector = self.query_vector(&request.q, members).await?;
        }
        self.run_search(request).await
    }

    /// Runs a checked request with the lexicon's translations of its words.
    async fn run_search(&self, mut request: SearchRequest) -> Result<SearchResults> {
        let index = self.index()?;
        // This server's own writes are searchable at once.
        if index.applied() < self.generation() {
            self.sync_index().await?;
        }
        let glossary = self.glossary_data().await?;
        request.translations = self.translations_of(&request.q).await?;
        tokio::task::spawn_blocking(move || index.search(&request, &glossary.expander))
            .await
            .map_err(|e| Error::Internal(e.into()))?
            .map_err(|e| Error::Internal(e.into()))
    }

    /// Up to five published practices like practice `id` (titled `title` in `lang`), in any
    /// language, that `actor` may read: its title searched as a query, through the lexicon and
    /// the glossary, fused with its own vector's nearest when a model is configured.
    pub async fn similar_practices(
        &self,
        actor: &Actor,
        id: i64,
        title: &str,
        lang: &str,
        reader: &str,
    ) -> Result<Vec<crate::search::Hit>> {
        const SHOWN: usize = 5;
        let q: String = title.chars().take(QUERY_MAX).collect();
        if q.trim().is_empty() || self.inner.search.get().is_none() {
            return Ok(Vec::new());
        }
        let members = can(actor, Action::ViewContactDetails);
        let key = (id, reader.to_string(), members);
        let version = self.content_version();
        let cache = || self.inner.similar.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, hits)) = cache().get(&key)
            && *at == version
        {
            return Ok(hits.as_ref().clone());
        }
        let mut request = SearchRequest::new(&q, reader);
        request.query_lang = Some(lang.to_string());
        request.kinds = vec![DocKind::Practice];
        request.members = members;
        request.limit = SHOWN;
        // Left out before the scores are normalized: it would be the best match on both sides.
        request.exclude = Some((DocKind::Practice, id.to_string()));
        request.vector = self.practice_vector(id, lang).await?;
        let hits = self.run_search(request).await?.hits;
        cache().put(key, (version, Arc::new(hits.clone())));
        Ok(hits)
    }

    /// Applies every change the index has not seen; returns how many changes were read.
    pub async fn sync_index(&self) -> Result<usize> {
        let index = self.index()?;
        let _one_at_a_time = self.inner.index_lock.lock().await;
        let mut read = 0;
        let mut left = 0;
        loop {
            let changes = self.store().changes_since(index.applied(), 500).await?;
            let Some(last) = changes.last().map(|c| c.seq) else {
                break;
            };
            read += changes.len();
            let mut practices = BTreeSet::new();
            let mut orgs = BTreeSet::new();
            let mut people = BTreeSet::new();
            let mut placements = BTreeSet::new();
            let mut reports = BTreeSet::new();
            for c in &changes {
                let id = c.entity_key.parse::<i64>().ok();
                match c.entity.as_str() {
                    "practice" => practices.extend(id),
                    "person" => people.extend(id),
                    "placement" => {
                        placements.extend(id);
                        if let Some(id) = id {
                            reports.extend(self.store().index_reports_of_placement(id).await?);
                        }
                    }
                    "report" => reports.extend(id),
                    "organisation" | "city" | "theme" => {
                        placements.extend(
                            self.store()
                                .index_placement_dependents(&c.entity, &c.entity_key)
                                .await?,
                        );
                        if c.entity == "organisation" {
                            orgs.extend(id);
                        }
                        let (p, o, pe) = self
                            .store()
                            .index_dependents(&c.entity, &c.entity_key)
                            .await?;
                        practices.extend(p);
                        orgs.extend(o);
                        people.extend(pe);
                    }
                    _ => {}
                }
            }
            let mut ops = Vec::new();
            for (kind, ids) in [
                (DocKind::Practice, practices),
                (DocKind::Organisation, orgs),
                (DocKind::Person, people),
                (DocKind::Placement, placements),
                (DocKind::Report, reports),
            ] {
                let ids: Vec<i64> = ids.into_iter().collect();
                for chunk in ids.chunks(500) {
                    let mut docs = self
                        .documents(kind, &IndexSelect::Ids(chunk.to_vec()))
                        .await?;
                    // An edit is embedded at once; a large batch (an import) in the background.
                    let at_once = docs.len() <= EMBED_AT_ONCE;
                    left += self.attach_vectors(&mut docs, at_once).await?;
                    let found: BTreeSet<String> = docs.iter().map(|d| d.id.clone()).collect();
                    for id in chunk {
                        let id = id.to_string();
                        if !found.contains(&id) {
                            if kind == DocKind::Organisation {
                                ops.push(IndexOp::DeleteChildren(format!("organisation/{id}")));
                            }
                            ops.push(IndexOp::Delete(kind, id));
                        }
                    }
                    ops.extend(docs.into_iter().map(|d| IndexOp::Upsert(Box::new(d))));
                }
            }
            let index = index.clone();
            tokio::task::spawn_blocking(move || index.apply(ops, last))
                .await
                .map_err(|e| Error::Internal(e.into()))?
                .map_err(|e| Error::Internal(e.into()))?;
        }
        if left > 0 {
            self.backfill_vectors();
        }
        Ok(read)
    }

    /// Rebuilds the index from the database; `progress(done, total)` after each batch. Returns
    /// the number of documents.
    pub async fn reindex(&self, progress: &dyn Fn(usize, usize)) -> Result<usize> {
        let index = self.index()?;
        let _one_at_a_time = self.inner.index_lock.lock().await;
        let upto = self.store().last_change().await?;
        let total = self.store().index_counts().await? as usize;
        let blocking = |index: Arc<SearchIndex>, f: IndexJob| async move {
            tokio::task::spawn_blocking(move || f(&index))
                .await
                .map_err(|e| Error::Internal(e.into()))?
                .map_err(|e| Error::Internal(e.into()))
        };
        blocking(index.clone(), Box::new(|i| i.start_rebuild())).await?;
        let mut done = 0;
        for kind in DocKind::ALL {
            let mut after = 0;
            loop {
                let (mut docs, last) = self.documents_after(kind, after).await?;
                let Some(last) = last else { break };
                self.attach_vectors(&mut docs, false).await?;
                after = last;
                done += docs.len();
                blocking(index.clone(), Box::new(move |i| i.add(&docs))).await?;
                progress(done, total.max(done));
            }
        }
        blocking(index.clone(), Box::new(move |i| i.finish_rebuild(upto))).await?;
        Ok(done)
    }

    async fn documents_after(
        &self,
        kind: DocKind,
        after: i64,
    ) -> Result<(Vec<SearchDoc>, Option<i64>)> {
        let select = IndexSelect::After(after, BATCH);
        let rows = match kind {
            DocKind::Practice => self.store().index_practices(&select).await?,
            DocKind::Organisation => self.store().index_organisations(&select).await?,
            DocKind::Person => self.store().index_people(&select).await?,
            DocKind::Placement => self.store().index_placements(&select).await?,
            DocKind::Report => self.store().index_reports(&select).await?,
        };
        let last = rows.last().map(|r| r.id);
        Ok((self.build(kind, rows).await?, last))
    }

    async fn documents(&self, kind: DocKind, select: &IndexSelect) -> Result<Vec<SearchDoc>> {
        let rows = match kind {
            DocKind::Practice => self.store().index_practices(select).await?,
            DocKind::Organisation => self.store().index_organisations(select).await?,
            DocKind::Person => self.store().index_people(select).await?,
            DocKind::Placement => self.store().index_placements(select).await?,
            DocKind::Report => self.store().index_reports(select).await?,
        };
        self.build(kind, rows).await
    }

    /// Turns rows into index documents: texts per language, tags from the reference tables.
    pub(crate) async fn build(&self, kind: DocKind, rows: Vec<IndexRow>) -> Result<Vec<SearchDoc>> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let texts = match kind {
            DocKind::Practice => self.store().index_practice_texts(&ids).await?,
            DocKind::Organisation => self.store().index_organisation_texts(&ids).await?,
            DocKind::Person => Vec::new(),
            DocKind::Placement => self.store().index_placement_texts(&ids).await?,
            DocKind::Report => self.store().index_report_texts(&ids).await?,
        };
        let mut by_owner: BTreeMap<i64, Vec<IndexText>> = BTreeMap::new();
        for t in texts {
            by_owner.entry(t.owner).or_default().push(t);
        }
        let reference = self.reference().await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let texts = by_owner.remove(&row.id).unwrap_or_default();
                document(kind, row, texts, &reference)
            })
            .collect())
    }
}

/// Markdown as plain text.
fn plain(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn document(
    kind: DocKind,
    row: IndexRow,
    texts: Vec<IndexText>,
    reference: &crate::app::directory::Reference,
) -> SearchDoc {
    let city = reference.cities.iter().find(|c| c.slug == row.city_slug);
    let themes = crate::storage::split_list(&row.themes);
    let tags_in = |lang: &str, extra: &[String]| -> String {
        let mut tags: Vec<String> = themes
            .iter()
            .filter_map(|k| reference.themes.iter().find(|t| &t.key == k))
            .map(|t| match lang {
                "de" => t.label_de.clone(),
                "fr" => t.label_fr.clone(),
                _ => t.label_en.clone(),
            })
            .collect();
        if let Some(c) = city {
            let name = match lang {
                "de" => c.name_de.clone(),
                "fr" => c.name_fr.clone(),
                "en" => c.name_en.clone(),
                _ => None,
            };
            tags.push(name.unwrap_or_else(|| c.name.clone()));
        }
        tags.extend(extra.iter().cloned());
        tags.join(" · ")
    };
    let mut langs: Vec<String> = vec![row.original_lang.clone()];
    for t in &texts {
        if !langs.contains(&t.lang) && t.field != "owner" {
            langs.push(t.lang.clone());
        }
    }
    let owners: Vec<String> = texts
        .iter()
        .filter(|t| t.field == "owner")
        .map(|t| t.body.clone())
        .collect();
    let doc_texts: Vec<DocText> = match kind {
        DocKind::Practice | DocKind::Placement | DocKind::Report => langs
            .iter()
            .map(|lang| {
                let field = |name: &str| {
                    texts
                        .iter()
                        .find(|t| &t.lang == lang && t.field == name)
                        .map(|t| plain(&t.body))
                        .unwrap_or_default()
                };
                let body = texts
                    .iter()
                    .filter(|t| {
                        &t.lang == lang
                            && !["title", "summary", "owner"].contains(&t.field.as_str())
                    })
                    .map(|t| plain(&t.body))
                    .collect::<Vec<_>>()
                    .join(" ");
                DocText {
                    lang: lang.clone(),
                    title: field("title"),
                    summary: field("summary"),
                    body,
                    tags: tags_in(lang, &owners),
                }
            })
            .filter(|t| !t.title.is_empty())
            .collect(),
        DocKind::Organisation => langs
            .iter()
            .map(|lang| {
                let description = texts
                    .iter()
                    .find(|t| &t.lang == lang)
                    .map(|t| plain(&t.body))
                    .unwrap_or_default();
                DocText {
                    lang: lang.clone(),
                    title: row.name.clone(),
                    summary: description,
                    body: String::new(),
                    tags: tags_in(lang, &[]),
                }
            })
            .collect(),
        DocKind::Person => vec![DocText {
            lang: row.original_lang.clone(),
            title: row.name.clone(),
            summary: [
                row.extra.clone().unwrap_or_default(),
                row.parent_name.clone().unwrap_or_default(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
            body: String::new(),
            tags: tags_in(&row.original_lang, &[]),
        }],
    };
    SearchDoc {
        kind,
        id: row.id.to_string(),
        slug: row.slug,
        reference: row.reference,
        public: match kind {
            DocKind::Person => false,
            DocKind::Placement => row.extra.as_deref() == Some("open"),
            DocKind::Report => row.extra.as_deref() == Some("published"),
            DocKind::Practice | DocKind::Organisation => true,
        },
        original_lang: row.original_lang,
        texts: doc_texts,
        city: Some(row.city_slug),
        country: Some(row.country),
        themes,
        // People and placements go with their organisation.
        parent: row.parent_id.map(|id| format!("organisation/{id}")),
        vectors: Vec::new(),
    }
}
