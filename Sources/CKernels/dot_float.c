// Dot products of F32, F16 and BF16 weight rows with f32 activation rows.
#include "avx2_helpers.h"
#include "ckernels.h"
#include "dispatch.h"
#include "half.h"

float vp_dot_f32_scalar(int64_t n, const void *w, const void *act) {
    const float *x = w, *y = act;
    float s[4] = {0, 0, 0, 0};
    int64_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (int k = 0; k < 4; k++) s[k] += x[i + k] * y[i + k];
    for (; i < n; i++) s[0] += x[i] * y[i];
    return (s[0] + s[1]) + (s[2] + s[3]);
}

float vp_dot_f16_scalar(int64_t n, const void *w, const void *act) {
    const uint8_t *x = w;
    const float *y = act;
    float s[4] = {0, 0, 0, 0};
    int64_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (int k = 0; k < 4; k++) s[k] += vp_half_to_float(vp_load_u16(x + 2 * (i + k))) * y[i + k];
    for (; i < n; i++) s[0] += vp_half_to_float(vp_load_u16(x + 2 * i)) * y[i];
    return (s[0] + s[1]) + (s[2] + s[3]);
}

float vp_dot_bf16_scalar(int64_t n, const void *w, const void *act) {
    const uint8_t *x = w;
    const float *y = act;
    float s[4] = {0, 0, 0, 0};
    int64_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (int k = 0; k < 4; k++) s[k] += vp_bfloat_to_float(vp_load_u16(x + 2 * (i + k))) * y[i + k];
    for (; i < n; i++) s[0] += vp_bfloat_to_float(vp_load_u16(x + 2 * i)) * y[i];
    return (s[0] + s[1]) + (s[2] + s[3]);
}

#if VP_X86

VP_AVX2 float vp_dot_f32_avx2(int64_t n, const void *w, const void *act) {
    const float *x = w, *y = act;
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
    int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), a0);
        a1 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 8), _mm256_loadu_ps(y + i + 8), a1);
        a2 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 16), _mm256_loadu_ps(y + i + 16), a2);
        a3 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 24), _mm256_loadu_ps(y + i + 24), a3);
    }
    for (; i + 8 <= n; i += 8) a0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), a0);
    float s = vp_avx2_hsum(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
    for (; i < n; i++) s += x[i] * y[i];
    return s;
}

VP_AVX2 float vp_dot_f16_avx2(int64_t n, const void *w, const void *act) {
    const uint8_t *x = w;
    const float *y = act;
    __m256 a0 = _mm256_setzero_ps(), a1 = a0;
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        a0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(x + 2 * i))), _mm256_loadu_ps(y + i), a0);
        a1 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(x + 2 * i + 16))),
                             _mm256_loadu_ps(y + i + 8), a1);
    }
    float s = vp_avx2_hsum(_mm256_add_ps(a0, a1));
    for (; i < n; i++) s += vp_half_to_float(vp_load_u16(x + 2 * i)) * y[i];
    return s;
}

VP_AVX2 float vp_dot_bf16_avx2(int64_t n, const void *w, const void *act) {
    const uint8_t *x = w;
    const float *y = act;
    __m256 a0 = _mm256_setzero_ps(), a1 = a0;
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m256i h = _mm256_loadu_si256((const __m256i *)(x + 2 * i));
        const __m256 lo = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(_mm256_castsi256_si128(h)), 16));
        const __m256 hi = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(_mm256_extracti128_si256(h, 1)), 16));
        a0 = _mm256_fmadd_ps(lo, _mm256_loadu_ps(y + i), a0);
        a1 = _mm256_fmadd_ps(hi, _mm256_loadu_ps(y + i + 8), a1);
    }
    float s = vp_avx2_hsum(_mm256_add_ps(a0, a1));
    for (; i < n; i++) s += vp_bfloat_to_float(vp_load_u16(x + 2 * i)) * y[i];
    return s;
}

#endif
