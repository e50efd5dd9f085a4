// Q4_K x Q8_K dot product: scalar and AVX2.
#include <string.h>

#include "avx2_helpers.h"
#include "kquant_avx2.h"
#include "blocks.h"
#include "dispatch.h"
#include "half.h"

static inline float q8k_scale(const vp_block_q8_K *y) {
    float d;
    memcpy(&d, &y->d, 4);
    return d;
}

float vp_dot_q4_K_scalar(int64_t n, const void *w, const void *act) {
    const vp_block_q4_K *x = w;
    const vp_block_q8_K *y = act;
    float sum = 0.0f;
    for (int64_t i = 0; i < n / VP_QK_K; i++) {
        uint8_t sc[8], mn[8];
        vp_unpack_k_scales(x[i].scales, sc, mn);
        int sumi = 0, summ = 0;
        for (int g = 0; g < 4; g++) {
            const uint8_t *q = x[i].qs + 32 * g;
            const int8_t *a = y[i].qs + 64 * g;
            int s1 = 0, s2 = 0;
            for (int l = 0; l < 32; l++) {
                s1 += (q[l] & 0x0F) * a[l];
                s2 += (q[l] >> 4) * a[l + 32];
            }
            sumi += sc[2 * g] * s1 + sc[2 * g + 1] * s2;
        }
        for (int s = 0; s < 8; s++) summ += mn[s] * (y[i].bsums[2 * s] + y[i].bsums[2 * s + 1]);
        const float dy = q8k_scale(&y[i]);
        sum += dy * vp_half_to_float(x[i].d) * (float)sumi - dy * vp_half_to_float(x[i].dmin) * (float)summ;
    }
    return sum;
}

#if VP_X86

VP_AVX2 float vp_dot_q4_K_avx2(int64_t n, const void *w, const void *act) {
    const vp_block_q4_K *x = w;
    const vp_block_q8_K *y = act;
    const __m256i low4 = _mm256_set1_epi8(0x0F);
    __m256 acc = _mm256_setzero_ps();
    float summ = 0.0f;
    for (int64_t i = 0; i < n / VP_QK_K; i++) {
        uint64_t scales, mins;
        unpack_k_scales_u64(x[i].scales, &scales, &mins);
        const float dy = q8k_scale(&y[i]);
        summ += dy * vp_avx2_h2f(&x[i].dmin) * (float)k_min_sum(mins, y[i].bsums);
        __m256i sumi = _mm256_setzero_si256();
        for (int g = 0; g < 4; g++) {
            const __m256i q = _mm256_loadu_si256((const __m256i *)(x[i].qs + 32 * g));
            const __m256i lo = _mm256_and_si256(q, low4);
            const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(q, 4), low4);
            const __m256i plo = _mm256_maddubs_epi16(lo, _mm256_loadu_si256((const __m256i *)(y[i].qs + 64 * g)));
            const __m256i phi = _mm256_maddubs_epi16(hi, _mm256_loadu_si256((const __m256i *)(y[i].qs + 64 * g + 32)));
            const __m256i s_lo = _mm256_set1_epi16((short)((scales >> (16 * g)) & 0xFF));
            const __m256i s_hi = _mm256_set1_epi16((short)((scales >> (16 * g + 8)) & 0xFF));
            sumi = _mm256_add_epi32(sumi, _mm256_add_epi32(_mm256_madd_epi16(plo, s_lo), _mm256_madd_epi16(phi, s_hi)));
        }
        acc = _mm256_fmadd_ps(_mm256_set1_ps(dy * vp_avx2_h2f(&x[i].d)), _mm256_cvtepi32_ps(sumi), acc);
    }
    return vp_avx2_hsum(acc) - summ;
}

#endif
