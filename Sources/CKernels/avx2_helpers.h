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

// One-token activation scales: from the f32 copies made by vp_tile_scales (one-token layout: d of block i at [i]
// for Q8_0 weights; d, s of block i at [2i], [2i + 1] for 4-bit weights) when `scales` is not NULL, else
// converted from the activation block's f16 fields (Q8_1 only for d, s).

/// Q8_0 d of block i in lane 0.
static inline VP_AVX2 __m128 vp_avx2_act_d(const void *y_d, const float *scales, int64_t i) {
    if (scales) return _mm_load_ss(scales + i);
    return vp_avx2_h2f_pair(y_d);
}

/// Q8_0 d of blocks i and i + 1 in lanes 0 and 2 (y_d0, y_d1: their f16 fields).
static inline VP_AVX2 __m128 vp_avx2_act_d2(const void *y_d0, const void *y_d1, const float *scales, int64_t i) {
    if (scales) {
        const __m128 pair = _mm_castpd_ps(_mm_load_sd((const double *)(scales + i)));
        return _mm_unpacklo_ps(pair, pair);
    }
    return vp_avx2_h2f_2x2(y_d0, y_d1);
}


/// [d, s] of block i in lanes 0 and 1.
static inline VP_AVX2 __m128 vp_avx2_act_ds(const void *y_d, const float *scales, int64_t i) {
    if (scales) return _mm_castpd_ps(_mm_load_sd((const double *)(scales + 2 * i)));
    return vp_avx2_h2f_pair(y_d);
}

/// [d, s] of blocks i and i + 1 in lanes 0, 1 and 2, 3.
static inline VP_AVX2 __m128 vp_avx2_act_ds2(const void *y_d0, const void *y_d1, const float *scales, int64_t i) {
    if (scales) return _mm_loadu_ps(scales + 2 * i);
    return vp_avx2_h2f_2x2(y_d0, y_d1);
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
