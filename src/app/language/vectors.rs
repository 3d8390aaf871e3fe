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

    /// Embeds, in the background, the texts a large batch of changes (an import) left without
    /// vectors, so that following the change log never waits for the model. One pass at a time;
    /// a request during a pass makes it run once more.
    pub(crate) fn backfill_vectors(&self) {
        use std::sync::atomic::Ordering;
        self.inner.backfill_again.store(true, Ordering::Release);
        if self.inner.backfilling.swap(true, Ordering::AcqRel) {
            return;
        }
        let app = self.clone();
        tokio::spawn(async move {
            {
                // Released however the pass ends.
                let _done = Release(&app.inner.backfilling);
                while app.inner.backfill_again.swap(false, Ordering::AcqRel) {
                    if let Err(e) = app.load_vectors().await {
                        tracing::warn!(error = %e, "embedding the practices failed; the next start tries again");
                        return;
                    }
                }
            }
            // Asked for between the last check and the release: one more pass.
            if app.inner.backfill_again.load(Ordering::Acquire) {
                app.backfill_vectors();
            }
        });
    }

    /// The pass at start, unless a background pass already runs (it does the same).
    pub(crate) async fn load_vectors_once(&self) -> Result<()> {
        use std::sync::atomic::Ordering;
        if self.embedder().is_none() || self.inner.backfilling.swap(true, Ordering::AcqRel) {
            return Ok(());
        }
        let _done = Release(&self.inner.backfilling);
        self.load_vectors().await.map(|_| ())
    }

    /// Gives every practice in the index its vectors, computing those not stored yet (at start,
    /// after the index is open, and in the background after an import). Returns how many
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

    /// The stored vector of practice `id`'s text in `lang` (else of any of its texts), when a
    /// model is configured.
    pub(crate) async fn practice_vector(
        &self,
        id: i64,
        lang: &str,
    ) -> Result<Option<Arc<Vec<f32>>>> {
        let Some(embedder) = self.embedder() else {
            return Ok(None);
        };
        let mut rows = self
            .store()
            .vectors_of("practice", embedder.fingerprint(), &[id])
            .await?;
        rows.sort_by_key(|r| r.lang != lang);
        Ok(rows
            .first()
            .and_then(|r| decode(&r.vector, embedder.dimensions()))
            .map(Arc::new))
    }

    /// The vector of a query, when a model is configured (computed once per query text).
    pub(crate) async fn query_vector(&self, q: &str) -> Result<Option<Arc<Vec<f32>>>> {
        let Some(embedder) = self.embedder().cloned() else {
            return Ok(None);
        };
        let q = q.to_string();
        let vector = tokio::task::spawn_blocking(move || embedder.query(&q))
            .await
            .map_err(|e| Error::Internal(e.into()))?;
        Ok(Some(vector))
    }
}

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
}
