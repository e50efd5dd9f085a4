#pragma once
// AVX2 helpers shared by the k-quant dot products (Q4_K, Q5_K).
#include "avx2_helpers.h"
#include "blocks.h"

#if VP_X86
/// Eight 6-bit scales and eight 6-bit mins, each as 8 bytes packed in a u64 (byte s = value s).
static inline VP_AVX2 void unpack_k_scales_u64(const uint8_t b[12], uint64_t *scales, uint64_t *mins) {
    const uint32_t b0 = vp_load_u32le(b), b1 = vp_load_u32le(b + 4), b2 = vp_load_u32le(b + 8);
    const uint32_t sc_lo = b0 & 0x3F3F3F3Fu, mn_lo = b1 & 0x3F3F3F3Fu;
    const uint32_t sc_hi = (b2 & 0x0F0F0F0Fu) | (((b0 >> 6) & 0x03030303u) << 4);
    const uint32_t mn_hi = ((b2 >> 4) & 0x0F0F0F0Fu) | (((b1 >> 6) & 0x03030303u) << 4);
    *scales = (uint64_t)sc_lo | ((uint64_t)sc_hi << 32);
    *mins = (uint64_t)mn_lo | ((uint64_t)mn_hi << 32);
}

/// Σ_s mins[s] * (bsums[2s] + bsums[2s+1]).
static inline VP_AVX2 int k_min_sum(uint64_t mins, const void *bsums) {
    const __m128i m16 = _mm_cvtepu8_epi16(_mm_cvtsi64_si128((long long)mins));
    const __m128i pairs = _mm_hadd_epi16(_mm_loadu_si128((const __m128i *)bsums), _mm_loadu_si128((const __m128i *)((const uint8_t *)bsums + 16)));
    __m128i s = _mm_madd_epi16(pairs, m16);
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(1, 0, 3, 2)));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtsi128_si32(s);
}
#endif
