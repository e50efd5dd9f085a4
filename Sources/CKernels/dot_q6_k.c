// Q6_K x Q8_K dot product: scalar and AVX2.
#include <string.h>

#include "avx2_helpers.h"
#include "blocks.h"
#include "dispatch.h"
#include "half.h"

static inline float q8k_scale(const vp_block_q8_K *y) {
    float d;
    memcpy(&d, &y->d, 4);
    return d;
}

float vp_dot_q6_K_scalar(int64_t n, const void *w, const void *act) {
    const vp_block_q6_K *x = w;
    const vp_block_q8_K *y = act;
    float sum = 0.0f;
    for (int64_t i = 0; i < n / VP_QK_K; i++) {
        int sumi = 0;
        for (int h = 0; h < 2; h++) {
            const uint8_t *ql = x[i].ql + 64 * h, *qh = x[i].qh + 32 * h;
            const int8_t *sc = x[i].scales + 8 * h, *a = y[i].qs + 128 * h;
            for (int k = 0; k < 4; k++) {
                for (int half = 0; half < 2; half++) {
                    int s = 0;
                    for (int l = 16 * half; l < 16 * half + 16; l++) {
                        const int low = (k & 2) ? (ql[l + 32 * (k & 1)] >> 4) : (ql[l + 32 * (k & 1)] & 0x0F);
                        const int q = (low | (((qh[l] >> (2 * k)) & 3) << 4)) - 32;
                        s += q * a[32 * k + l];
                    }
                    sumi += sc[half + 2 * k] * s;
                }
            }
        }
        sum += q8k_scale(&y[i]) * vp_half_to_float(x[i].d) * (float)sumi;
    }
    return sum;
}

#if VP_X86

VP_AVX2 float vp_dot_q6_K_avx2(int64_t n, const void *w, const void *act) {
    const vp_block_q6_K *x = w;
    const vp_block_q8_K *y = act;
    const __m256i low4 = _mm256_set1_epi8(0x0F), low2 = _mm256_set1_epi8(0x03);
    __m256 acc = _mm256_setzero_ps();
    for (int64_t i = 0; i < n / VP_QK_K; i++) {
        // The -32 offset: 32 * Σ_k scale_k * (sum of the 16 activations under scale k) from bsums.
        const __m128i scales8 = _mm_loadu_si128((const __m128i *)x[i].scales);
        const __m256i scales16 = _mm256_cvtepi8_epi16(scales8);
        const __m256i offset = _mm256_madd_epi16(_mm256_loadu_si256((const __m256i *)y[i].bsums), scales16);
        __m256i sumi = _mm256_sub_epi32(_mm256_setzero_si256(), _mm256_slli_epi32(offset, 5));
        for (int h = 0; h < 2; h++) {
            const __m256i ql0 = _mm256_loadu_si256((const __m256i *)(x[i].ql + 64 * h));
            const __m256i ql1 = _mm256_loadu_si256((const __m256i *)(x[i].ql + 64 * h + 32));
            const __m256i qh = _mm256_loadu_si256((const __m256i *)(x[i].qh + 32 * h));
            __m256i q[4];
            q[0] = _mm256_or_si256(_mm256_and_si256(ql0, low4), _mm256_slli_epi16(_mm256_and_si256(qh, low2), 4));
            q[1] = _mm256_or_si256(_mm256_and_si256(ql1, low4),
                                   _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(qh, 2), low2), 4));
            q[2] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql0, 4), low4),
                                   _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(qh, 4), low2), 4));
            q[3] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql1, 4), low4),
                                   _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(qh, 6), low2), 4));
            for (int k = 0; k < 4; k++) {
                const __m256i p = _mm256_maddubs_epi16(q[k], _mm256_loadu_si256((const __m256i *)(y[i].qs + 128 * h + 32 * k)));
                // Scales a = 8h + 2k (first 16 elements) and a + 1 (next 16), spread over 8 i16 lanes each.
                const long long a = 8 * h + 2 * k;
                const __m128i pick = _mm_set_epi64x((a + 1) * 0x0101010101010101LL, a * 0x0101010101010101LL);
                const __m256i s = _mm256_cvtepi8_epi16(_mm_shuffle_epi8(scales8, pick));
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p, s));
            }
        }
        acc = _mm256_fmadd_ps(_mm256_set1_ps(q8k_scale(&y[i]) * vp_avx2_h2f_last(&x[i].d)), _mm256_cvtepi32_ps(sumi), acc);
    }
    return vp_avx2_hsum(acc);
}

#endif
