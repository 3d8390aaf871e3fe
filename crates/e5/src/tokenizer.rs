//! The model's own tokenizer: XLM-RoBERTa's SentencePiece unigram model, read from the model
//! file. Text is normalized by the file's code-point map, runs of spaces are collapsed, a
//! metaspace (U+2581) marks each word start, and the most probable split into known pieces is
//! found by Viterbi; a character no piece covers becomes the unknown token.

use super::model::{Cursor, FormatError};

/// SentencePiece's word-start marker.
const META: char = '\u{2581}';

/// The piece vocabulary and the normalization map.
pub(super) struct Tokenizer {
    pub(super) bos: u32,
    pub(super) eos: u32,
    unk: u32,
    unk_score: f32,
    max_piece_bytes: usize,
    /// Byte offsets of each piece in `blob` (n + 1 entries).
    offsets: Vec<u32>,
    scores: Vec<f32>,
    blob: Vec<u8>,
    /// Open addressing: piece index + 1, 0 for an empty slot.
    table: Vec<u32>,
    /// Code points with a replacement, sorted, with the replacement's range in `norm_out`.
    norm: Vec<(u32, u32, u32)>,
    norm_out: Vec<char>,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Tokenizer {
    /// Reads the tokenizer section of the model file.
    pub(super) fn read(c: &mut Cursor<'_>) -> Result<Tokenizer, FormatError> {
        let n = c.count("pieces")?;
        // Each piece has an offset and a score in the file: a count the file cannot hold is
        // refused before anything is allocated for it.
        if n.saturating_mul(8) > c.remaining() {
            return Err(FormatError::Truncated("pieces"));
        }
        let bos = c.u32()?;
        let eos = c.u32()?;
        let _pad = c.u32()?;
        let unk = c.u32()?;
        let blob_len = usize::try_from(c.u64()?).map_err(|_| FormatError::Truncated("pieces"))?;
        let mut offsets = Vec::with_capacity(n + 1);
        for _ in 0..=n {
            offsets.push(c.u32()?);
        }
        let mut scores = Vec::with_capacity(n);
        for _ in 0..n {
            scores.push(c.f32()?);
        }
        let blob = c.bytes(blob_len, "pieces")?.to_vec();
        if offsets.windows(2).any(|w| w[0] > w[1])
            || offsets.last().is_some_and(|l| *l as usize > blob.len())
        {
            return Err(FormatError::Invalid("piece offsets"));
        }
        for id in [bos, eos, unk] {
            if id as usize >= n {
                return Err(FormatError::Invalid("special token"));
            }
        }
        let norm_count = c.count("normalization")?;
        let norm_bytes = c.u32()? as usize;
        let mut m = Cursor::new(c.bytes(norm_bytes, "normalization")?);
        let mut norm = Vec::with_capacity(norm_count);
        let mut norm_out = Vec::new();
        for _ in 0..norm_count {
            let cp = m.u32()?;
            let outs = m.bytes(1, "normalization")?[0];
            let start = norm_out.len() as u32;
            for _ in 0..outs {
                let out = char::from_u32(m.u32()?).ok_or(FormatError::Invalid("normalization"))?;
                norm_out.push(out);
            }
            norm.push((cp, start, norm_out.len() as u32));
        }
        norm.sort_unstable_by_key(|e| e.0);

        let unk_score = scores.iter().copied().fold(f32::INFINITY, f32::min) - 10.0;
        let max_piece_bytes = offsets
            .windows(2)
            .map(|w| (w[1] - w[0]) as usize)
            .max()
            .unwrap_or(1)
            .max(1);
        let size = (n * 2).next_power_of_two().max(2);
        let mut table = vec![0u32; size];
        for i in 0..n {
            let piece = &blob[offsets[i] as usize..offsets[i + 1] as usize];
            if piece.is_empty() {
                continue;
            }
            let mut h = (fnv1a(piece) as usize) & (size - 1);
            while table[h] != 0 {
                h = (h + 1) & (size - 1);
            }
            table[h] = i as u32 + 1;
        }
        Ok(Tokenizer {
            bos,
            eos,
            unk,
            unk_score,
            max_piece_bytes,
            offsets,
            scores,
            blob,
            table,
            norm,
            norm_out,
        })
    }

    fn piece(&self, i: usize) -> &[u8] {
        &self.blob[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    fn lookup(&self, bytes: &[u8]) -> Option<usize> {
        let mask = self.table.len() - 1;
        let mut h = (fnv1a(bytes) as usize) & mask;
        loop {
            let v = self.table[h];
            if v == 0 {
                return None;
            }
            let i = v as usize - 1;
            if self.piece(i) == bytes {
                return Some(i);
            }
            h = (h + 1) & mask;
        }
    }

    /// The content tokens of `text` (without the start and end tokens).
    pub(super) fn encode(&self, text: &str) -> Vec<u32> {
        let mut chars: Vec<char> = Vec::with_capacity(text.len() + 1);
        for ch in text.chars() {
            match self.norm.binary_search_by_key(&(ch as u32), |e| e.0) {
                Ok(i) => {
                    let (_, a, b) = self.norm[i];
                    chars.extend_from_slice(&self.norm_out[a as usize..b as usize]);
                }
                Err(_) => chars.push(ch),
            }
        }
        chars.dedup_by(|b, a| *a == ' ' && *b == ' ');
        if chars.first() != Some(&' ') {
            chars.insert(0, ' ');
        }
        let mut buf = String::with_capacity(chars.len() * 3);
        // Byte offset of each character, and of the end.
        let mut starts = Vec::with_capacity(chars.len() + 1);
        for ch in chars {
            starts.push(buf.len());
            buf.push(if ch == ' ' { META } else { ch });
        }
        starts.push(buf.len());
        let bytes = buf.as_bytes();
        let n = starts.len() - 1;

        // best[e]: the best score of a split of the first e characters; back[e]: its last piece
        // (None for an unknown character) and where that piece starts.
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        let mut back: Vec<(Option<usize>, usize)> = vec![(None, 0); n + 1];
        best[0] = 0.0;
        for i in 0..n {
            if best[i] == f32::NEG_INFINITY {
                continue;
            }
            for e in i + 1..=n {
                let len = starts[e] - starts[i];
                if len > self.max_piece_bytes {
                    break;
                }
                if let Some(id) = self.lookup(&bytes[starts[i]..starts[e]])
                    && id != self.unk as usize
                {
                    let score = best[i] + self.scores[id];
                    if score > best[e] {
                        best[e] = score;
                        back[e] = (Some(id), i);
                    }
                }
            }
            let score = best[i] + self.unk_score;
            if score > best[i + 1] {
                best[i + 1] = score;
                back[i + 1] = (None, i);
            }
        }
        let mut ids = Vec::new();
        let mut e = n;
        while e > 0 {
            let (id, from) = back[e];
            ids.push(id.map_or(self.unk, |i| i as u32));
            e = from;
        }
        ids.reverse();
        ids
    }
}
