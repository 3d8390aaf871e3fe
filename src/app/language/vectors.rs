//! The semantic side of search, when an embedding model is configured (`--embeddings DIR`):
//! each practice's title and summary, per language, becomes a vector when the index takes it in.
//! Vectors are stored in the database under the model's fingerprint and a hash of the text, so
//! that a rebuilt index, a restarted server or another server reuses them; a changed text or
//! another model is embedded anew.

use std::collections::HashMap;
use std::sync::Arc;

use crate::app::{App, Error, Result};
use crate::search::embed::{Embedder, Role};
use crate::search::{DocKind, SearchDoc};
use crate::storage::{IndexSelect, VectorRow};

/// Names an embedded text (the first 16 bytes of its SHA-256).
fn source(passage: &str) -> String {
    use sha2::Digest;
    hex::encode(&sha2::Sha256::digest(passage.as_bytes())[..16])
}

fn encode(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn decode(bytes: &[u8], dimensions: usize) -> Option<Vec<f32>> {
    (bytes.len() == dimensions * 4).then(|| {
        bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    })
}

impl App {
    /// The embedding model, when configured.
    pub(crate) fn embedder(&self) -> Option<&Arc<Embedder>> {
        self.inner.embedder.as_ref()
    }

    /// The fingerprint of the configured embedding model (shown to administrators).
    pub fn embedding_model(&self) -> Option<String> {
        self.embedder().map(|e| e.fingerprint().to_string())
    }

    /// How many practices have vectors in this server's index, and how many texts this process
    /// embedded itself (the others' vectors were read from the database).
    pub fn vector_counts(&self) -> (usize, usize) {
        let indexed = self.index().map_or(0, |i| i.vector_count());
        let embedded = self
            .inner
            .embedded
            .load(std::sync::atomic::Ordering::Relaxed);
        (indexed, embedded)
    }

    /// Gives each practice among `docs` the vectors of its texts: the stored ones of the same
    /// text and model; the others are computed and stored when `compute`, else left out (see
    /// [`App::backfill_vectors`]). Returns how many texts were left out. Storing is best effort:
    /// a busy database only means the vectors are computed again next time.
    pub(crate) async fn attach_vectors(
        &self,
        docs: &mut [SearchDoc],
        compute: bool,
    ) -> Result<usize> {
        let Some(embedder) = self.embedder().cloned() else {
            return Ok(0);
        };
        let ids: Vec<i64> = docs
            .iter()
            .filter(|d| d.kind == DocKind::Practice)
            .filter_map(|d| d.id.parse().ok())
            .collect();
        if ids.is_empty() {
            return Ok(0);
        }
        let stored: HashMap<(i64, String), VectorRow> = self
            .store()
            .vectors_of("practice", embedder.fingerprint(), &ids)
            .await?
            .into_iter()
            .map(|r| ((r.owner_id, r.lang.clone()), r))
            .collect();
        // (document, language, passage, source) of each text to embed.
        let mut missing: Vec<(usize, String, String, String)> = Vec::new();
        let mut left = 0;
        for (i, doc) in docs.iter_mut().enumerate() {
            let Some(id) = (doc.kind == DocKind::Practice)
                .then(|| doc.id.parse::<i64>().ok())
                .flatten()
            else {
                continue;
            };
            doc.vectors.clear();
            for text in &doc.texts {
                let Some(passage) = text.passage() else {
                    continue;
                };
                let source = source(&passage);
                let known = stored
                    .get(&(id, text.lang.clone()))
                    .filter(|r| r.source == source)
                    .and_then(|r| decode(&r.vector, embedder.dimensions()));
                match known {
                    Some(v) => doc.vectors.push(v),
                    None if compute => missing.push((i, text.lang.clone(), passage, source)),
                    None => left += 1,
                }
            }
        }
        if missing.is_empty() {
            return Ok(left);
        }
        let passages: Vec<String> = missing.iter().map(|m| m.2.clone()).collect();
        self.inner
            .embedded
            .fetch_add(passages.len(), std::sync::atomic::Ordering::Relaxed);
        let model = embedder.clone();
        let vectors = tokio::task::spawn_blocking(move || {
            passages
                .iter()
                .map(|p| model.embed(p, Role::Passage))
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|e| Error::Internal(e.into()))?;
        let mut rows = Vec::with_capacity(missing.len());
        for ((i, lang, _, source), vector) in missing.into_iter().zip(vectors) {
            rows.push(VectorRow {
                kind: "practice".into(),
                owner_id: docs[i].id.parse().unwrap_or_default(),
                lang,
                model: embedder.fingerprint().to_string(),
                source,
                vector: encode(&vector),
            });
            docs[i].vectors.push(vector);
        }
        let stored = async {
            let mut tx = self.store().write().await?;
            tx.put_vectors(&rows).await?;
            tx.commit().await
        };
        if let Err(e) = stored.await {
            tracing::warn!(error = %e, "vectors computed but not stored; they will be computed again");
        }
        Ok(left)
    }

    /// Gives, in the background, every practice its vectors: at start (the stored ones are read,
    /// those of a new model or text computed), and after a large batch of changes (an import)
    /// left texts without, so that neither the start nor following the change log waits for the
    /// model. One pass at a time; a request during a pass makes it run once more.
    pub(crate) fn backfill_vectors(&self) {
        use std::sync::atomic::Ordering;
        if self.embedder().is_none() {
            return;
        }
        self.inner.backfill_again.store(true, Ordering::Release);
        if self.inner.backfilling.swap(true, Ordering::AcqRel) {
            return;
        }
        let app = self.clone();
        tokio::spawn(async move {
            {
                // Released however the pass ends.
                let _done = Release(&app.inner.backfilling);
                let mut failures = 0u32;
                while app.inner.backfill_again.swap(false, Ordering::AcqRel) {
                    match app.load_vectors().await {
                        Ok(_) => {
                            failures = 0;
                            app.inner.vector_pass_failed.store(false, Ordering::Release);
                            app.inner.vector_passes.fetch_add(1, Ordering::AcqRel);
                        }
                        Err(e) if failures < PASS_RETRIES => {
                            // A busy or restarting database: the pass is tried again later.
                            let wait = PASS_RETRY_WAIT * 2u32.pow(failures);
                            failures += 1;
                            tracing::warn!(error = %e, retry_in = ?wait, "embedding the practices failed; trying again");
                            app.inner.backfill_again.store(true, Ordering::Release);
                            tokio::time::sleep(wait).await;
                        }
                        Err(e) => {
                            tracing::error!(error = %e, "embedding the practices failed again; the next start or import tries again");
                            app.inner.vector_pass_failed.store(true, Ordering::Release);
                            app.inner.vector_passes.fetch_add(1, Ordering::AcqRel);
                            return;
                        }
                    }
                }
            }
            // Asked for between the last check and the release: one more pass.
            if app.inner.backfill_again.load(Ordering::Acquire) {
                app.backfill_vectors();
            }
        });
    }

    /// True when the last pass over the catalogue failed (and was tried again) until it gave
    /// up: the practices it did not reach are found by their words only (see the server log).
    pub fn embedding_failed(&self) -> bool {
        self.inner
            .vector_pass_failed
            .load(std::sync::atomic::Ordering::Acquire)
    }

    /// True when `results` were searched without the meaning although a model is configured
    /// (it was busy with other queries): such an answer is not kept by shared caches.
    pub fn meaning_missed(&self, results: &crate::search::SearchResults) -> bool {
        self.embedder().is_some() && !results.meaning
    }

    /// True while a pass gives practices their vectors (after a start or an import): until it
    /// ends, the practices it has not reached yet are found by their words only.
    pub fn embedding_in_progress(&self) -> bool {
        self.inner
            .backfilling
            .load(std::sync::atomic::Ordering::Acquire)
    }

    /// Gives every practice in the index its vectors, computing those not stored yet (the
    /// background pass of [`App::backfill_vectors`]). Returns how many
    /// practices have vectors. Each batch is embedded without holding the index, then read
    /// again under the index's lock and given only the stored vectors of its current texts: a
    /// practice edited meanwhile keeps the vectors its edit was given.
    pub(crate) async fn load_vectors(&self) -> Result<usize> {
        if self.embedder().is_none() {
            return Ok(0);
        }
        let index = self.index()?;
        let mut after = 0;
        let started = std::time::Instant::now();
        loop {
            let rows = self
                .store()
                .index_practices(&IndexSelect::After(after, 200))
                .await?;
            let Some(last) = rows.last().map(|r| r.id) else {
                break;
            };
            after = last;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let mut docs = self.build(DocKind::Practice, rows).await?;
            self.attach_vectors(&mut docs, true).await?;
            let _one_at_a_time = self.inner.index_lock.lock().await;
            let rows = self.store().index_practices(&IndexSelect::Ids(ids)).await?;
            let mut docs = self.build(DocKind::Practice, rows).await?;
            self.attach_vectors(&mut docs, false).await?;
            for doc in &docs {
                index.put_vectors(doc.kind, &doc.id, &doc.vectors);
            }
        }
        let count = index.vector_count();
        tracing::info!(
            practices = count,
            seconds = started.elapsed().as_secs_f32(),
            "vectors of the embedding model loaded"
        );
        Ok(count)
    }

    /// The stored vector of practice `id`'s current text in `lang` (else of the first of its
    /// texts that has one), when a model is configured. A vector of an older text (edited on a
    /// server without the model) or of a translation since removed is not used.
    pub(crate) async fn practice_vector(
        &self,
        id: i64,
        lang: &str,
    ) -> Result<Option<Arc<Vec<f32>>>> {
        let Some(embedder) = self.embedder() else {
            return Ok(None);
        };
        let rows = self
            .store()
            .vectors_of("practice", embedder.fingerprint(), &[id])
            .await?;
        if rows.is_empty() {
            return Ok(None);
        }
        let practice = self
            .store()
            .index_practices(&IndexSelect::Ids(vec![id]))
            .await?;
        let docs = self.build(DocKind::Practice, practice).await?;
        let mut texts: Vec<_> = docs.iter().flat_map(|d| d.texts.iter()).collect();
        texts.sort_by_key(|t| t.lang != lang);
        Ok(texts
            .into_iter()
            .filter_map(|t| {
                let source = source(&t.passage()?);
                rows.iter().find(|r| r.lang == t.lang && r.source == source)
            })
            .find_map(|r| decode(&r.vector, embedder.dimensions()))
            .map(Arc::new))
    }

    /// The vector of a query, when a model is configured (computed once per query text, apart
    /// for members and the public). `None` also when the model stayed busy with other queries
    /// for [`QUERY_EMBEDDING_WAIT`]: that query is searched by its words alone (and its results
    /// say so).
    pub(crate) async fn query_vector(
        &self,
        q: &str,
        members: bool,
    ) -> Result<Option<Arc<Vec<f32>>>> {
        let Some(embedder) = self.embedder().cloned() else {
            return Ok(None);
        };
        let scope = if members { "members" } else { "public" };
        if let Some(vector) = embedder.cached_in(scope, q) {
            return Ok(Some(vector));
        }
        let q = q.to_string();
        when_free(
            &self.inner.query_embeddings,
            QUERY_EMBEDDING_WAIT,
            move || embedder.query_in(scope, &q),
        )
        .await
    }
}

/// Queries the model embeds at once: each uses every core the model may use, so a second one
/// at the same time would only slow both down.
pub(crate) const QUERY_EMBEDDINGS_AT_ONCE: usize = 1;
/// How long a query waits for the model before it is searched by its words alone.
const QUERY_EMBEDDING_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

/// Runs `compute` on a blocking thread under one of `permits`, waiting at most `wait` for one;
/// `None` when none became free. The permit goes with the work, so that a request given up
/// meanwhile does not let more work run than there are permits.
async fn when_free<T: Send + 'static>(
    permits: &Arc<tokio::sync::Semaphore>,
    wait: std::time::Duration,
    compute: impl FnOnce() -> T + Send + 'static,
) -> Result<Option<T>> {
    let Ok(Ok(permit)) = tokio::time::timeout(wait, permits.clone().acquire_owned()).await else {
        return Ok(None);
    };
    let out = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        compute()
    })
    .await
    .map_err(|e| Error::Internal(e.into()))?;
    Ok(Some(out))
}

/// How often a failed pass over the catalogue is tried again, and the first wait (doubled each
/// time: 30 s, 1 min, 2 min).
const PASS_RETRIES: u32 = 3;
const PASS_RETRY_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Lowers a flag when dropped.
struct Release<'a>(&'a std::sync::atomic::AtomicBool);

impl Drop for Release<'_> {
    fn drop(&mut self) {
        self.0.store(false, std::sync::atomic::Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::DocText;

    #[test]
    fn vectors_are_stored_as_little_endian_floats_and_checked_on_reading() {
        let v = vec![0.5f32, -1.25, 3.0e-8];
        assert_eq!(decode(&encode(&v), 3), Some(v));
        assert_eq!(decode(&[0u8; 11], 3), None, "a cut vector is not used");
    }

    #[test]
    fn the_embedded_passage_is_the_title_and_summary() {
        let text = DocText {
            lang: "de".into(),
            title: " Fahrradwerkstatt ".into(),
            summary: "Gemeinsam reparieren".into(),
            body: "long body".into(),
            tags: "Trier".into(),
        };
        assert_eq!(
            text.passage().as_deref(),
            Some("Fahrradwerkstatt\nGemeinsam reparieren")
        );
        assert_eq!(DocText::default().passage(), None);
        assert_ne!(source("a"), source("b"));
    }

    #[tokio::test]
    async fn a_query_waits_for_the_model_a_little_then_goes_without_it() {
        let permits = Arc::new(tokio::sync::Semaphore::new(1));
        let wait = std::time::Duration::from_millis(20);
        assert_eq!(when_free(&permits, wait, || 7).await.unwrap(), Some(7));
        assert_eq!(permits.available_permits(), 1, "the permit comes back");
        let busy = permits.clone().acquire_owned().await.unwrap();
        assert_eq!(
            when_free(&permits, wait, || 7).await.unwrap(),
            None,
            "the model is busy"
        );
        // Freed while a query waits: that query gets it.
        let waiting = tokio::spawn({
            let permits = permits.clone();
            async move { when_free(&permits, std::time::Duration::from_secs(30), || 8).await }
        });
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        drop(busy);
        assert_eq!(waiting.await.unwrap().unwrap(), Some(8));
    }
}
