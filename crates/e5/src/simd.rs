//! The integer dot products the encoder and the vector scan spend their time in, with AVX2 when
//! the processor has it (detected once, at run time, through `pulp`'s safe tokens: the binary
//! still runs on any x86-64 or other processor) and plain Rust otherwise. Both give the same
//! integers; the encoder's float sums may differ in their last bits.

use std::sync::OnceLock;

/// Values per quantization block of the encoder.
pub(crate) const QK: usize = 32;

#[cfg(target_arch = "x86_64")]
type Token = Option<pulp::x86::V3>;
#[cfg(not(target_arch = "x86_64"))]
type Token = Option<()>;

/// The AVX2 token, when the processor has AVX2 and FMA (and `PASSERELLE_NO_SIMD` is unset, to
/// compare both ways).
fn token() -> Token {
    static TOKEN: OnceLock<Token> = OnceLock::new();
    *TOKEN.get_or_init(|| {
        if std::env::var_os("PASSERELLE_NO_SIMD").is_some() {
            return None;
        }
        #[cfg(target_arch = "x86_64")]
        {
            pulp::x86::V3::try_new()
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            None
        }
    })
}

/// True when the fast path is used (reported by the benchmarks).
pub fn accelerated() -> bool {
    token().is_some()
}

/// `Σ_b w_scale[b] · a_scale[b] · (Σ_i w[b,i] · a[b,i] − 8 · a_sum[b])` over the blocks of one
/// weight row (`w`: 0..=15 per weight, the weight being `w − 8`) and one token's quantized
/// activations (one output of a matrix product), with AVX2; `None` without it (the encoder's own
/// loop then computes it, where the compiler vectorizes it for the baseline processor).
pub(crate) fn row_dot(
    w: &[u8],
    w_scale: &[f32],
    a: &[i8],
    a_scale: &[f32],
    a_sum: &[i32],
) -> Option<f32> {
    #[cfg(target_arch = "x86_64")]
    if let Some(simd) = token() {
        return Some(simd.vectorize(RowDot {
            simd,
            w,
            w_scale,
            a,
            a_scale,
            a_sum,
        }));
    }
    let _ = (w, w_scale, a, a_scale, a_sum);
    None
}

#[cfg(target_arch = "x86_64")]
struct RowDot<'a> {
    simd: pulp::x86::V3,
    w: &'a [u8],
    w_scale: &'a [f32],
    a: &'a [i8],
    a_scale: &'a [f32],
    a_sum: &'a [i32],
}

#[cfg(target_arch = "x86_64")]
impl pulp::NullaryFnOnce for RowDot<'_> {
    type Output = f32;

    #[inline(always)]
    fn call(self) -> f32 {
        use std::arch::x86_64::__m256i;
        let simd = self.simd;
        let ones = simd.avx._mm256_set1_epi16(1);
        // Four sums, so that each block's multiply-add need not wait for the previous one.
        let mut sums = [simd.avx._mm256_setzero_ps(); 4];
        let mut offset = 0f32;
        let blocks = self.w_scale.len();
        for (b, (w, a)) in self.w[..blocks * QK]
            .chunks_exact(QK)
            .zip(self.a[..blocks * QK].chunks_exact(QK))
            .enumerate()
        {
            let (Ok(w), Ok(a)) = (<[u8; QK]>::try_from(w), <[i8; QK]>::try_from(a)) else {
                continue;
            };
            let w: __m256i = pulp::cast(w);
            let a: __m256i = pulp::cast(a);
            // u8 × i8 in pairs to i16 (at most 2 · 15 · 128: no saturation), then to i32.
            let pairs = simd.avx2._mm256_maddubs_epi16(w, a);
            let dots = simd
                .avx
                ._mm256_cvtepi32_ps(simd.avx2._mm256_madd_epi16(pairs, ones));
            let scale = self.w_scale[b] * self.a_scale[b];
            sums[b % 4] =
                simd.fma
                    ._mm256_fmadd_ps(dots, simd.avx._mm256_set1_ps(scale), sums[b % 4]);
            offset += scale * (8 * self.a_sum[b]) as f32;
        }
        let sum = simd.avx._mm256_add_ps(
            simd.avx._mm256_add_ps(sums[0], sums[1]),
            simd.avx._mm256_add_ps(sums[2], sums[3]),
        );
        let lanes: [f32; 8] = pulp::cast(sum);
        lanes.iter().sum::<f32>() - offset
    }
}

/// `Σ a[i] · b[i]` of two vectors of 8-bit values in −127..=127 (the vector scan's cosines).
pub fn dot_i8(a: &[i8], b: &[i8]) -> i32 {
    #[cfg(target_arch = "x86_64")]
    if let Some(simd) = token() {
        return simd.vectorize(DotI8 { simd, a, b });
    }
    dot_i8_plain(a, b)
}

fn dot_i8_plain(a: &[i8], b: &[i8]) -> i32 {
    let mut sum = 0i32;
    for (x, y) in a.iter().zip(b) {
        sum += i32::from(i16::from(*x) * i16::from(*y));
    }
    sum
}

#[cfg(target_arch = "x86_64")]
struct DotI8<'a> {
    simd: pulp::x86::V3,
    a: &'a [i8],
    b: &'a [i8],
}

#[cfg(target_arch = "x86_64")]
impl pulp::NullaryFnOnce for DotI8<'_> {
    type Output = i32;

    #[inline(always)]
    fn call(self) -> i32 {
        use std::arch::x86_64::__m256i;
        let simd = self.simd;
        let ones = simd.avx._mm256_set1_epi16(1);
        let mut sum = simd.avx._mm256_setzero_si256();
        let n = self.a.len().min(self.b.len());
        let whole = n / 32 * 32;
        for (a, b) in self.a[..whole]
            .chunks_exact(32)
            .zip(self.b[..whole].chunks_exact(32))
        {
            let (Ok(a), Ok(b)) = (<[i8; 32]>::try_from(a), <[i8; 32]>::try_from(b)) else {
                continue;
            };
            let a: __m256i = pulp::cast(a);
            let b: __m256i = pulp::cast(b);
            // |a| · (b with a's sign), in pairs to i16 (at most 2 · 127 · 127: no saturation).
            let pairs = simd.avx2._mm256_maddubs_epi16(
                simd.avx2._mm256_sign_epi8(a, a),
                simd.avx2._mm256_sign_epi8(b, a),
            );
            sum = simd
                .avx2
                ._mm256_add_epi32(sum, simd.avx2._mm256_madd_epi16(pairs, ones));
        }
        let lanes: [i32; 8] = pulp::cast(sum);
        lanes.iter().sum::<i32>() + dot_i8_plain(&self.a[whole..n], &self.b[whole..n])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // What the encoder's own loop (`model::matmul_rows`) computes without AVX2.
    fn row_dot_plain(w: &[u8], w_scale: &[f32], a: &[i8], a_scale: &[f32], a_sum: &[i32]) -> f32 {
        let mut acc = 0f32;
        for b in 0..w_scale.len() {
            let dot = dot_block(&w[b * QK..], &a[b * QK..]);
            acc += w_scale[b] * a_scale[b] * (dot - 8 * a_sum[b]) as f32;
        }
        acc
    }

    /// Dot product of 32 weights (0..=15) with 32 activations (of a known length, so that the
    /// compiler unrolls and vectorizes it).
    fn dot_block(w: &[u8], a: &[i8]) -> i32 {
        let (Ok(w), Ok(a)) = (
            <&[u8; QK]>::try_from(&w[..QK]),
            <&[i8; QK]>::try_from(&a[..QK]),
        ) else {
            return 0;
        };
        let mut sum = 0i32;
        for (w, a) in w.iter().zip(a) {
            sum += i32::from(i16::from(*w) * i16::from(*a));
        }
        sum
    }

    /// A reproducible stream of bytes.
    fn bytes(seed: u64, n: usize) -> Vec<u8> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn the_fast_dot_products_equal_the_plain_ones() {
        for (seed, n) in [(1u64, 384usize), (2, 1536), (3, 32), (4, 100), (5, 0)] {
            let a: Vec<i8> = bytes(seed, n)
                .iter()
                .map(|b| (*b as i8).max(-127))
                .collect();
            let b: Vec<i8> = bytes(seed + 100, n)
                .iter()
                .map(|b| (*b as i8).max(-127))
                .collect();
            assert_eq!(dot_i8(&a, &b), dot_i8_plain(&a, &b), "{n}");
            let extremes = vec![-127i8; n];
            assert_eq!(dot_i8(&extremes, &extremes), 127 * 127 * n as i32);
            let blocks = n / QK;
            let w: Vec<u8> = bytes(seed + 200, n).iter().map(|b| b & 0x0f).collect();
            let w_scale: Vec<f32> = (0..blocks).map(|i| 0.01 + i as f32 * 1e-3).collect();
            let a_scale: Vec<f32> = (0..blocks).map(|i| 0.02 - i as f32 * 1e-4).collect();
            let a_sum: Vec<i32> = a
                .chunks_exact(QK)
                .map(|c| c.iter().map(|x| i32::from(*x)).sum())
                .collect();
            let plain = row_dot_plain(&w, &w_scale, &a, &a_scale, &a_sum);
            let fast = row_dot(&w, &w_scale, &a, &a_scale, &a_sum).unwrap_or(plain);
            assert!(
                (fast - plain).abs() <= 1e-4 * plain.abs().max(1.0),
                "{fast} {plain}"
            );
            // The largest weights times the most negative activations.
            let w = vec![15u8; n];
            let a = vec![-128i8; n];
            let a_sum = vec![-128 * QK as i32; blocks];
            let plain = row_dot_plain(&w, &w_scale, &a, &a_scale, &a_sum);
            let fast = row_dot(&w, &w_scale, &a, &a_scale, &a_sum).unwrap_or(plain);
            assert!(
                (fast - plain).abs() <= 1e-4 * plain.abs().max(1.0),
                "{fast} {plain}"
            );
        }
    }
}
