// Activation quantisers Q8_0, Q8_1 (d = amax/127, q = round(x/d), Q8_1 adds s = d * Σq) and Q8_K
// (f32 d = 1/(127/amax), bsums), scalar and AVX2. Both paths round half away from zero, like roundf, and write
// identical bytes for finite input.
#include <math.h>
#include <string.h>

#include "avx2_helpers.h"
#include "blocks.h"
#include "dispatch.h"
#include "half.h"

/// roundf(v) clamped to [-127, 127] without a libm call; NaN gives 0.
static inline int round_clamp127(float v) {
    if (v != v) return 0;
    if (v >= 127.0f) return 127;
    if (v <= -127.0f) return -127;
    int i = (int)v;
    const float f = v - (float)i; // exact: |v| < 128
    if (f >= 0.5f) i++;
    else if (f <= -0.5f) i--;
    return i;
}

static float amax_scalar(const float *x, int n) {
    float amax = 0.0f;
    for (int j = 0; j < n; j++) amax = fmaxf(amax, fabsf(x[j]));
    return amax;
}

/// Quantises 32 values with multiplier id; returns Σq.
static int q8_block_scalar(const float *x, float id, int8_t *q) {
    int sum = 0;
    for (int j = 0; j < VP_QK; j++) {
        const int v = round_clamp127(x[j] * id);
        q[j] = (int8_t)v;
        sum += v;
    }
    return sum;
}

static void q8_0_scalar(const float *x, vp_block_q8_0 *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, x += VP_QK) {
        const float d = amax_scalar(x, VP_QK) / 127.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        y[i].d = vp_float_to_half(d);
        q8_block_scalar(x, id, y[i].qs);
    }
}

static void q8_1_scalar(const float *x, vp_block_q8_1 *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, x += VP_QK) {
        const float d = amax_scalar(x, VP_QK) / 127.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        const int sum = q8_block_scalar(x, id, y[i].qs);
        y[i].d = vp_float_to_half(d);
        y[i].s = vp_float_to_half((float)sum * d);
    }
}

static void q8_K_bsums(vp_block_q8_K *y) {
    for (int g = 0; g < VP_QK_K / 16; g++) {
        int sum = 0;
        for (int l = 0; l < 16; l++) sum += y->qs[16 * g + l];
        y->bsums[g] = (int16_t)sum;
    }
}

static void q8_K_scalar(const float *x, vp_block_q8_K *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, x += VP_QK_K) {
        const float amax = amax_scalar(x, VP_QK_K);
        const float iscale = amax != 0.0f ? 127.0f / amax : 0.0f;
        const float d = amax != 0.0f ? 1.0f / iscale : 0.0f;
        for (int k = 0; k < VP_QK_K / VP_QK; k++) q8_block_scalar(x + VP_QK * k, iscale, y[i].qs + VP_QK * k);
        q8_K_bsums(&y[i]);
        memcpy(&y[i].d, &d, 4);
    }
}

#if VP_X86

static inline VP_AVX2 __m256 abs_avx2(__m256 v) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v); }

/// Largest |x| over 32 * `groups` floats.
static inline VP_AVX2 float amax_avx2(const float *x, int groups) {
    __m256 m = _mm256_setzero_ps();
    for (int k = 0; k < 4 * groups; k++) m = _mm256_max_ps(m, abs_avx2(_mm256_loadu_ps(x + 8 * k)));
    __m128 h = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
    h = _mm_max_ps(h, _mm_movehl_ps(h, h));
    h = _mm_max_ss(h, _mm_movehdup_ps(h));
    return _mm_cvtss_f32(h);
}

/// round-half-away-from-zero(x * id) for 8 floats, as i32.
static inline VP_AVX2 __m256i round_avx2(__m256 v) {
    const __m256 t = _mm256_round_ps(v, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
    const __m256 away = _mm256_cmp_ps(abs_avx2(_mm256_sub_ps(v, t)), _mm256_set1_ps(0.5f), _CMP_GE_OQ);
    const __m256 step = _mm256_or_ps(_mm256_and_ps(v, _mm256_set1_ps(-0.0f)), _mm256_set1_ps(1.0f)); // ±1
    return _mm256_cvttps_epi32(_mm256_add_ps(t, _mm256_and_ps(away, step)));
}

/// Quantises 32 values with multiplier id into q; returns Σq.
static inline VP_AVX2 int q8_block_avx2(const float *x, float id, int8_t *q) {
    const __m256 vid = _mm256_set1_ps(id);
    const __m256i i0 = round_avx2(_mm256_mul_ps(_mm256_loadu_ps(x), vid));
    const __m256i i1 = round_avx2(_mm256_mul_ps(_mm256_loadu_ps(x + 8), vid));
    const __m256i i2 = round_avx2(_mm256_mul_ps(_mm256_loadu_ps(x + 16), vid));
    const __m256i i3 = round_avx2(_mm256_mul_ps(_mm256_loadu_ps(x + 24), vid));
    const __m256i sum = _mm256_add_epi32(_mm256_add_epi32(i0, i1), _mm256_add_epi32(i2, i3));
    // The packs work within 128-bit lanes; the permute restores element order.
    const __m256i packed = _mm256_packs_epi16(_mm256_packs_epi32(i0, i1), _mm256_packs_epi32(i2, i3));
    _mm256_storeu_si256((__m256i *)q, _mm256_permutevar8x32_epi32(packed, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7)));
    return vp_avx2_hsum_i32(sum);
}

static VP_AVX2 void q8_0_avx2(const float *x, vp_block_q8_0 *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, x += VP_QK) {
        const float d = amax_avx2(x, 1) / 127.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        y[i].d = vp_float_to_half(d);
        q8_block_avx2(x, id, y[i].qs);
    }
}

static VP_AVX2 void q8_1_avx2(const float *x, vp_block_q8_1 *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, x += VP_QK) {
        const float d = amax_avx2(x, 1) / 127.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        const int sum = q8_block_avx2(x, id, y[i].qs);
        y[i].d = vp_float_to_half(d);
        y[i].s = vp_float_to_half((float)sum * d);
    }
}

static VP_AVX2 void q8_K_avx2(const float *x, vp_block_q8_K *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, x += VP_QK_K) {
        const float amax = amax_avx2(x, VP_QK_K / VP_QK);
        const float iscale = amax != 0.0f ? 127.0f / amax : 0.0f;
        const float d = amax != 0.0f ? 1.0f / iscale : 0.0f;
        for (int k = 0; k < VP_QK_K / VP_QK; k++) q8_block_avx2(x + VP_QK * k, iscale, y[i].qs + VP_QK * k);
        q8_K_bsums(&y[i]);
        memcpy(&y[i].d, &d, 4);
    }
}

#endif

void vp_quantize_q8_0(const float *x, void *y, int64_t nb) {
#if VP_X86
    if (vp_use_avx2()) {
        q8_0_avx2(x, y, nb);
        return;
    }
#endif
    q8_0_scalar(x, y, nb);
}

void vp_quantize_q8_1(const float *x, void *y, int64_t nb) {
#if VP_X86
    if (vp_use_avx2()) {
        q8_1_avx2(x, y, nb);
        return;
    }
#endif
    q8_1_scalar(x, y, nb);
}

void vp_quantize_q8_K(const float *x, void *y, int64_t nb) {
#if VP_X86
    if (vp_use_avx2()) {
        q8_K_avx2(x, y, nb);
        return;
    }
#endif
    q8_K_scalar(x, y, nb);
}
