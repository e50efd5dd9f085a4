// Q8_0 x Q8_0 dot products: scalar and AVX2, single row and tiled over up to 4 tokens.
#include "avx2_helpers.h"
#include "blocks.h"
#include "dispatch.h"
#include "half.h"

#define ACT_BLOCK(type, act, stride, t, i) ((const type *)((const uint8_t *)(act) + (size_t)(t) * (stride)) + (i))

void vp_tile_q8_0_scalar(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
                         float *out) {
    (void)scales;
    const vp_block_q8_0 *x = w;
    float sum[4] = {0, 0, 0, 0};
    for (int64_t i = 0; i < n / VP_QK; i++) {
        const float dw = vp_half_to_float(x[i].d);
        for (int t = 0; t < nt; t++) {
            const vp_block_q8_0 *y = ACT_BLOCK(vp_block_q8_0, act, stride, t, i);
            int s = 0;
            for (int j = 0; j < VP_QK; j++) s += x[i].qs[j] * y->qs[j];
            sum[t] += (float)s * (dw * vp_half_to_float(y->d));
        }
    }
    for (int t = 0; t < nt; t++) out[t] = sum[t];
}

float vp_dot_q8_0_scalar(int64_t n, const void *w, const void *act) {
    float r;
    vp_tile_q8_0_scalar(n, w, act, 0, 1, 0, &r);
    return r;
}

#if VP_X86

#define VP_INLINE static inline __attribute__((always_inline)) VP_AVX2

// Several tokens: `scales` holds, per block, the activation scales d[4] as f32 (vp_tile_scales).
VP_INLINE void q8_0_tile(int64_t nb, const vp_block_q8_0 *x, const void *act, size_t stride, const int nt,
                         const float *scales, float *out) {
    __m256 acc[4];
    for (int t = 0; t < nt; t++) acc[t] = _mm256_setzero_ps();
    for (int64_t i = 0; i < nb; i++) {
        const __m128 dw = vp_avx2_h2f_pair(&x[i].d); // lane 0: d_w
        const __m256i qx = _mm256_loadu_si256((const __m256i *)x[i].qs);
        const __m256i ax = _mm256_sign_epi8(qx, qx);
        const __m256 d8 = _mm256_castps128_ps256(_mm_mul_ps(_mm_broadcastss_ps(dw), _mm_loadu_ps(scales + 4 * i)));
        for (int t = 0; t < nt; t++) {
            const vp_block_q8_0 *y = ACT_BLOCK(vp_block_q8_0, act, stride, t, i);
            const __m256i qy = _mm256_sign_epi8(_mm256_loadu_si256((const __m256i *)y->qs), qx);
            const __m256 p = _mm256_cvtepi32_ps(vp_avx2_dot_u8s8(ax, qy));
            acc[t] = _mm256_fmadd_ps(_mm256_permutevar8x32_ps(d8, _mm256_set1_epi32(t)), p, acc[t]);
        }
    }
    for (int t = 0; t < nt; t++) out[t] = vp_avx2_hsum(acc[t]);
}

// One token: two blocks per iteration into two accumulators, so the FMA chain never limits the loop.
VP_INLINE float q8_0_dot(int64_t nb, const vp_block_q8_0 *x, const vp_block_q8_0 *y) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2) {
        const __m128 d0 = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d));
        const __m128 d1 = _mm_mul_ps(vp_avx2_h2f_pair(&x[i + 1].d), vp_avx2_h2f_pair(&y[i + 1].d));
        const __m256 p0 = _mm256_cvtepi32_ps(
            vp_avx2_dot_s8s8(_mm256_loadu_si256((const __m256i *)x[i].qs), _mm256_loadu_si256((const __m256i *)y[i].qs)));
        const __m256 p1 = _mm256_cvtepi32_ps(vp_avx2_dot_s8s8(_mm256_loadu_si256((const __m256i *)x[i + 1].qs),
                                                              _mm256_loadu_si256((const __m256i *)y[i + 1].qs)));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d0), p0, acc0);
        acc1 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d1), p1, acc1);
    }
    for (; i < nb; i++) {
        const __m128 d = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d));
        const __m256 p = _mm256_cvtepi32_ps(
            vp_avx2_dot_s8s8(_mm256_loadu_si256((const __m256i *)x[i].qs), _mm256_loadu_si256((const __m256i *)y[i].qs)));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d), p, acc0);
    }
    return vp_avx2_hsum(_mm256_add_ps(acc0, acc1));
}

VP_AVX2 void vp_tile_q8_0_avx2(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
                               float *out) {
    const int64_t nb = n / VP_QK;
    switch (nt) {
    case 1: out[0] = q8_0_dot(nb, w, act); break;
    case 2: q8_0_tile(nb, w, act, stride, 2, scales, out); break;
    case 3: q8_0_tile(nb, w, act, stride, 3, scales, out); break;
    default: q8_0_tile(nb, w, act, stride, 4, scales, out); break;
    }
}

VP_AVX2 float vp_dot_q8_0_avx2(int64_t n, const void *w, const void *act) {
    return q8_0_dot(n / VP_QK, w, act);
}

#endif
