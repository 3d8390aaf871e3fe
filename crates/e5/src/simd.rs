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

/// `Σ_b w_scale[b] · (a_scale[b] · Σ_i w[b,i] · a[b,i] − a_offset[b])` over the blocks of one
/// weight row (`w`: 0..=15 per weight, the weight being `w − 8`) and each token's quantized
/// activations (`a_offset[b]` being `8 · a_scale[b] · Σ_i a[b,i]`; `a`, `a_scale`, `a_offset`
/// hold `out.len()` tokens one after the other): one output of a matrix product per token,
/// into `out`, with AVX2; `false` without it (the encoder's own loop then computes them, where
/// the compiler vectorizes it for the baseline processor). One call per weight row, not per
/// output: the row stays in the first-level cache and the call into the AVX2 code is paid once.
pub(crate) fn row_dots(
    w: &[u8],
    w_scale: &[f32],
    a: &[i8],
    a_scale: &[f32],
    a_offset: &[f32],
    out: &mut [f32],
) -> bool {
    #[cfg(target_arch = "x86_64")]
    if let Some(simd) = token() {
        simd.vectorize(RowDots {
            simd,
            w,
            w_scale,
            a,
            a_scale,
            a_offset,
            out,
        });
        return true;
    }
    let _ = (w, w_scale, a, a_scale, a_offset, out);
    false
}

#[cfg(target_arch = "x86_64")]
struct RowDots<'a> {
    simd: pulp::x86::V3,
    w: &'a [u8],
    w_scale: &'a [f32],
    a: &'a [i8],
    a_scale: &'a [f32],
    a_offset: &'a [f32],
    out: &'a mut [f32],
}

#[cfg(target_arch = "x86_64")]
impl pulp::NullaryFnOnce for RowDots<'_> {
    type Output = ();

    #[inline(always)]
    fn call(self) {
        use std::arch::x86_64::{__m256, __m256i};
        let simd = self.simd;
        let ones = simd.avx._mm256_set1_epi16(1);
        let blocks = self.w_scale.len();
        let cols = blocks * QK;
        let w = &self.w[..cols];
        // One block: u8 × i8 in pairs to i16 (at most 2 · 15 · 128: no saturation), then to
        // i32, to float, times the two scales, added to `sum`.
        let block = |sum: __m256, a: &[i8], b: usize, scale: f32| -> __m256 {
            let at = b * QK..(b + 1) * QK;
            let (Ok(w), Ok(a)) = (
                <[u8; QK]>::try_from(&w[at.clone()]),
                <[i8; QK]>::try_from(&a[at]),
            ) else {
                return sum;
            };
            let w: __m256i = pulp::cast(w);
            let a: __m256i = pulp::cast(a);
            let dots = simd
                .avx2
                ._mm256_madd_epi16(simd.avx2._mm256_maddubs_epi16(w, a), ones);
            simd.fma._mm256_fmadd_ps(
                simd.avx._mm256_cvtepi32_ps(dots),
                simd.avx._mm256_set1_ps(scale),
                sum,
            )
        };
        for (t, out) in self.out.iter_mut().enumerate() {
            let a = &self.a[t * cols..(t + 1) * cols];
            let a_scale = &self.a_scale[t * blocks..(t + 1) * blocks];
            let a_offset = &self.a_offset[t * blocks..(t + 1) * blocks];
            // Four sums in registers, so that each block's multiply-add need not wait for the
            // previous one; the weights' offset of 8 is taken off once, in a scalar sum.
            let mut sums = [simd.avx._mm256_setzero_ps(); 4];
            let mut offset = 0f32;
            let scale = |b: usize| self.w_scale[b] * a_scale[b];
            let mut b = 0;
            while b + 4 <= blocks {
                let [s0, s1, s2, s3] = sums;
                sums = [
                    block(s0, a, b, scale(b)),
                    block(s1, a, b + 1, scale(b + 1)),
                    block(s2, a, b + 2, scale(b + 2)),
                    block(s3, a, b + 3, scale(b + 3)),
                ];
                b += 4;
            }
            while b < blocks {
                sums[0] = block(sums[0], a, b, scale(b));
                b += 1;
            }
            for (w_scale, a_offset) in self.w_scale.iter().zip(a_offset) {
                offset += w_scale * a_offset;
            }
            let sum = simd.avx._mm256_add_ps(
                simd.avx._mm256_add_ps(sums[0], sums[1]),
                simd.avx._mm256_add_ps(sums[2], sums[3]),
            );
            let lanes: [f32; 8] = pulp::cast(sum);
            *out = lanes.iter().sum::<f32>() - offset;
        }
    }
}

/// `Σ a[i] · b[i]` of two vectors of 8-bit values in −127..=127 (the vector scan's cosines;
/// −128 is not allowed: the fast path negates values).
pub fn dot_i8(a: &[i8], b: &[i8]) -> i32 {
    debug_assert!(!a.contains(&i8::MIN) && !b.contains(&i8::MIN));
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
pub(crate) mod tests {
    use super::*;

    /// A reproducible stream of bytes.
    pub(crate) fn bytes(seed: u64, n: usize) -> Vec<u8> {
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
    fn the_fast_dot_product_equals_the_plain_one() {
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
        }
    }

    #[test]
    fn a_processor_with_avx2_gets_the_fast_path() {
        #[cfg(target_arch = "x86_64")]
        if std::env::var_os("PASSERELLE_NO_SIMD").is_none()
            && std::is_x86_feature_detected!("avx2")
            && std::is_x86_feature_detected!("fma")
        {
            assert!(accelerated());
        }
    }
}
