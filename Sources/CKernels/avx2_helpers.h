#pragma once
// Small AVX2 building blocks shared by the dot-product kernels. Only for functions compiled with VP_AVX2.
#include "dispatch.h"

#if VP_X86
#include <immintrin.h>

/// Helpers that must melt into their caller (kernels specialise on constant token counts through them).
#define VP_INLINE static inline __attribute__((always_inline)) VP_AVX2

/// 16 packed nibble bytes -> 32 bytes: low nibbles in bytes 0..15, high nibbles in bytes 16..31.
static inline VP_AVX2 __m256i vp_avx2_nibbles(const uint8_t *qs) {
    const __m128i lo = _mm_loadu_si128((const __m128i *)qs);
    const __m128i hi = _mm_srli_epi16(lo, 4);
    const __m256i both = _mm256_inserti128_si256(_mm256_castsi128_si256(lo), hi, 1);
    return _mm256_and_si256(both, _mm256_set1_epi8(0x0F));
}

/// Σ of adjacent pairs of products u8(u) * s8(s) into eight i32 lanes (no overflow for |u*s| sums < 2^15).
static inline VP_AVX2 __m256i vp_avx2_dot_u8s8(__m256i u, __m256i s) {
    return _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1));
}

/// As vp_avx2_dot_u8s8 with both operands signed (s must not hold -128).
static inline VP_AVX2 __m256i vp_avx2_dot_s8s8(__m256i a, __m256i s) {
    return vp_avx2_dot_u8s8(_mm256_sign_epi8(a, a), _mm256_sign_epi8(s, a));
}

/// Horizontal sum of eight floats.
static inline VP_AVX2 float vp_avx2_hsum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

/// Horizontal sum of eight i32.
static inline VP_AVX2 int vp_avx2_hsum_i32(__m256i v) {
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(1, 0, 3, 2)));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtsi128_si32(s);
}

// f16 scales are read with 32-bit loads (vmovd), never 16-bit ones: clang lowers a 16-bit load feeding
// vcvtph2ps to a vpinsrw that merges into whichever register is at hand (often a loop accumulator), which
// chains every iteration to the previous one and halves the speed of the dot products.

/// Two consecutive f16 values (4 readable bytes at p, any alignment) -> lanes 0 and 1 (lanes 2, 3 zero).
static inline VP_AVX2 __m128 vp_avx2_h2f_pair(const void *p) {
    uint32_t h;
    __builtin_memcpy(&h, p, 4);
    return _mm_cvtph_ps(_mm_cvtsi32_si128((int)h));
}

/// Two pairs of f16 values (4 readable bytes at p0 and at p1) -> [p0[0], p0[1], p1[0], p1[1]] in one conversion.
static inline VP_AVX2 __m128 vp_avx2_h2f_2x2(const void *p0, const void *p1) {
    uint32_t a, b;
    __builtin_memcpy(&a, p0, 4);
    __builtin_memcpy(&b, p1, 4);
    return _mm_cvtph_ps(_mm_insert_epi32(_mm_cvtsi32_si128((int)a), (int)b, 1));
}

/// The f16 at p -> f32 (reads 4 bytes at p: only for fields followed by at least 2 more bytes).
static inline VP_AVX2 float vp_avx2_h2f(const void *p) { return _mm_cvtss_f32(vp_avx2_h2f_pair(p)); }

/// The f16 at p -> f32 (reads 4 bytes at p - 2: for a field at the end of a block).
static inline VP_AVX2 float vp_avx2_h2f_last(const void *p) {
    return _mm_cvtss_f32(_mm_movehdup_ps(vp_avx2_h2f_pair((const uint8_t *)p - 2)));
}

/// The f16 scales at p + k·stride for k < count (1...4) -> lanes k; lanes from count on are 0. Read through general
/// registers (see above: no 16-bit vector inserts).
static inline VP_AVX2 __m128 vp_avx2_h2f_x4(const uint8_t *p, size_t stride, const int count) {
    uint64_t v = 0;
    for (int k = 0; k < count; k++) {
        uint16_t h;
        __builtin_memcpy(&h, p + (size_t)k * stride, 2);
        v |= (uint64_t)h << (16 * k);
    }
    return _mm_cvtph_ps(_mm_cvtsi64_si128((long long)v));
}

/// The f16 pairs at p + k·stride for k < count (1...4) -> [a0, b0, a1, b1 | a2, b2, a3, b3]; missing pairs are 0.
static inline VP_AVX2 __m256 vp_avx2_h2f_pairs_x4(const uint8_t *p, size_t stride, const int count) {
    uint32_t h[4] = {0, 0, 0, 0};
    for (int k = 0; k < count; k++) __builtin_memcpy(&h[k], p + (size_t)k * stride, 4);
    const __m128i v = _mm_set_epi64x((long long)((uint64_t)h[3] << 32 | h[2]), (long long)((uint64_t)h[1] << 32 | h[0]));
    return _mm256_cvtph_ps(v);
}

// The canonical order of the 32-element formats' AVX2 dot products (Q4_0, Q4_1, Q8_0), shared by the single-row
// kernels and the 4-token tiles so that a product never depends on how many tokens are computed together:
//   for block i: integer sums H_lo(i) over elements 0..15 and H_hi(i) over 16..31 (exact, in any order), and
//   D(i) = f32(d_w) * f32(d_a) rounded once; the lane (k = i mod 4, half) accumulates fma(D(i), H_half(i), lane)
//   in block order; then R_k = L(k, lo) + L(k, hi) and the result is (R_0 + R_2) + (R_1 + R_3).
// Q4_1 adds M(i) = f32(m_w) * f32(s_a), rounded, to lane (k, lo) right after that lane's fma of block i.
// The single-row kernels fold 4 blocks of one token into one vector [H_lo(i..i+3) | H_hi(i..i+3)]; the tiles fold
// 4 tokens of one block into [H_lo(t0..t3) | H_hi(t0..t3)], with one accumulator per k. Both end in
// vp_avx2_hsum's order. A missing block (the last group of the single-row fold may hold 1...3 blocks) contributes
// fma(0, 0, lane) and M = 0, and the hi lanes gain M = 0 too: these leave a lane unchanged, because lanes start
// at +0 and never become -0.

/// Sums of four vectors of 16 i16 pair sums: i32 [Σ lanes 0..7 of p0, p1, p2, p3 | Σ lanes 8..15 of p0..p3], i.e.
/// each vector's halves (bytes 0..15 and 16..31 of the inputs that made the pairs) summed separately. The i16
/// stages must not overflow: at most 16 products per i16 lane.
static inline VP_AVX2 __m256i vp_avx2_fold4_i16(__m256i p0, __m256i p1, __m256i p2, __m256i p3) {
    const __m256i h = _mm256_hadd_epi16(_mm256_hadd_epi16(p0, p1), _mm256_hadd_epi16(p2, p3));
    return _mm256_madd_epi16(h, _mm256_set1_epi16(1));
}

/// As vp_avx2_fold4_i16 for vectors of eight i32 sums: [Σ lanes 0..3 of p0..p3 | Σ lanes 4..7 of p0..p3].
static inline VP_AVX2 __m256i vp_avx2_fold4_i32(__m256i p0, __m256i p1, __m256i p2, __m256i p3) {
    return _mm256_hadd_epi32(_mm256_hadd_epi32(p0, p1), _mm256_hadd_epi32(p2, p3));
}

/// The tiles' final reduction for 4 tokens (lane t): R_k = lo + hi of acc_k, then (R_0 + R_2) + (R_1 + R_3),
/// the same operations vp_avx2_hsum performs for one token.
static inline VP_AVX2 __m128 vp_avx2_reduce4(__m256 a0, __m256 a1, __m256 a2, __m256 a3) {
    const __m128 r0 = _mm_add_ps(_mm256_castps256_ps128(a0), _mm256_extractf128_ps(a0, 1));
    const __m128 r1 = _mm_add_ps(_mm256_castps256_ps128(a1), _mm256_extractf128_ps(a1, 1));
    const __m128 r2 = _mm_add_ps(_mm256_castps256_ps128(a2), _mm256_extractf128_ps(a2, 1));
    const __m128 r3 = _mm_add_ps(_mm256_castps256_ps128(a3), _mm256_extractf128_ps(a3, 1));
    return _mm_add_ps(_mm_add_ps(r0, r2), _mm_add_ps(r1, r3));
}

/// The 2-token tiles' final reduction: a01 holds lanes [(k0, t0), (k0, t1), (k1, t0), (k1, t1) | the same, hi],
/// a23 the same for k2, k3. Lanes 0, 1 of the result: (R_0 + R_2) + (R_1 + R_3) of tokens 0, 1.
static inline VP_AVX2 __m128 vp_avx2_reduce2(__m256 a01, __m256 a23) {
    const __m128 r01 = _mm_add_ps(_mm256_castps256_ps128(a01), _mm256_extractf128_ps(a01, 1));
    const __m128 r23 = _mm_add_ps(_mm256_castps256_ps128(a23), _mm256_extractf128_ps(a23, 1));
    const __m128 s = _mm_add_ps(r01, r23); // [R_0 + R_2 (t0, t1), R_1 + R_3 (t0, t1)]
    return _mm_add_ps(s, _mm_movehl_ps(s, s));
}

/// Byte j (0..31) = 0xFF if bit j of the 32-bit mask is set, else 0.
static inline VP_AVX2 __m256i vp_avx2_bits_to_bytes(uint32_t bits) {
    const __m256i spread = _mm256_shuffle_epi8(
        _mm256_set1_epi32((int)bits),
        _mm256_set_epi64x(0x0303030303030303LL, 0x0202020202020202LL, 0x0101010101010101LL, 0));
    const __m256i sel = _mm256_set1_epi64x((long long)0x8040201008040201ULL);
    return _mm256_cmpeq_epi8(_mm256_and_si256(spread, sel), sel);
}
#endif
