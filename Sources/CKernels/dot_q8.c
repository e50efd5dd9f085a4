// Q8_0 x Q8_0 dot products: scalar and AVX2, single row and tiled over up to 4 tokens.
#include "avx2_helpers.h"
#include "blocks.h"
#include "dispatch.h"
#include "half.h"

static void q8_0_row_scalar(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
                            float *out) {
    (void)scales;
    const vp_block_q8_0 *x = w;
    float sum[4] = {0, 0, 0, 0};
    for (int64_t i = 0; i < n / VP_QK; i++) {
        const float dw = vp_half_to_float(x[i].d);
        for (int t = 0; t < nt; t++) {
            const vp_block_q8_0 *y = VP_ACT_BLOCK(vp_block_q8_0, act, stride, t, i);
            int s = 0;
            for (int j = 0; j < VP_QK; j++) s += x[i].qs[j] * y->qs[j];
            sum[t] += (float)s * (dw * vp_half_to_float(y->d));
        }
    }
    for (int t = 0; t < nt; t++) out[t] = sum[t];
}

float vp_dot_q8_0_scalar(int64_t n, const void *w, const void *act) {
    float r;
    q8_0_row_scalar(n, w, act, 0, 1, 0, &r);
    return r;
}

VP_DEFINE_TILE(q8_0, scalar, , q8_0_row_scalar)

#if VP_X86

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
            const vp_block_q8_0 *y = VP_ACT_BLOCK(vp_block_q8_0, act, stride, t, i);
            const __m256i qy = _mm256_sign_epi8(_mm256_loadu_si256((const __m256i *)y->qs), qx);
            const __m256 p = _mm256_cvtepi32_ps(vp_avx2_dot_u8s8(ax, qy));
            acc[t] = _mm256_fmadd_ps(_mm256_permutevar8x32_ps(d8, _mm256_set1_epi32(t)), p, acc[t]);
        }
    }
    for (int t = 0; t < nt; t++) out[t] = vp_avx2_hsum(acc[t]);
}

// One token: two blocks per iteration into two accumulators, so the FMA chain never limits the loop; the
// scale products of both blocks come from one conversion and one multiply (lanes 0 and 2).
VP_INLINE float q8_0_dot(int64_t nb, const vp_block_q8_0 *x, const vp_block_q8_0 *y, const float *scales) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2) {
        const __m128 d = _mm_mul_ps(vp_avx2_h2f_2x2(&x[i].d, &x[i + 1].d), vp_avx2_act_d2(&y[i].d, &y[i + 1].d, scales, i));
        const __m256 p0 = _mm256_cvtepi32_ps(
            vp_avx2_dot_s8s8(_mm256_loadu_si256((const __m256i *)x[i].qs), _mm256_loadu_si256((const __m256i *)y[i].qs)));
        const __m256 p1 = _mm256_cvtepi32_ps(vp_avx2_dot_s8s8(_mm256_loadu_si256((const __m256i *)x[i + 1].qs),
                                                              _mm256_loadu_si256((const __m256i *)y[i + 1].qs)));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d), p0, acc0);
        acc1 = _mm256_fmadd_ps(_mm256_broadcastss_ps(_mm_movehl_ps(d, d)), p1, acc1);
    }
    for (; i < nb; i++) {
        const __m128 d = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_act_d(&y[i].d, scales, i));
        const __m256 p = _mm256_cvtepi32_ps(
            vp_avx2_dot_s8s8(_mm256_loadu_si256((const __m256i *)x[i].qs), _mm256_loadu_si256((const __m256i *)y[i].qs)));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d), p, acc0);
    }
    return vp_avx2_hsum(_mm256_add_ps(acc0, acc1));
}

// Exactly 4 tokens: the four tokens' i32 lane sums are folded together with horizontal adds, so one convert
// and one FMA serve all four; lanes hold tokens 0..3 in each 128-bit half.
VP_INLINE void q8_0_tile4(int64_t nb, const vp_block_q8_0 *x, const void *act, size_t stride, const float *scales,
                          float *out) {
    __m256 acc = _mm256_setzero_ps();
    for (int64_t i = 0; i < nb; i++) {
        const __m128 dw = vp_avx2_h2f_pair(&x[i].d); // lane 0: d_w
        const __m256i qx = _mm256_loadu_si256((const __m256i *)x[i].qs);
        const __m256i ax = _mm256_sign_epi8(qx, qx);
        const __m128 d = _mm_mul_ps(_mm_broadcastss_ps(dw), _mm_loadu_ps(scales + 4 * i)); // lane t: d_w * d_a(t)
        __m256i p[4];
        for (int t = 0; t < 4; t++) {
            const vp_block_q8_0 *y = VP_ACT_BLOCK(vp_block_q8_0, act, stride, t, i);
            p[t] = vp_avx2_dot_u8s8(ax, _mm256_sign_epi8(_mm256_loadu_si256((const __m256i *)y->qs), qx));
        }
        const __m256i h = _mm256_hadd_epi32(_mm256_hadd_epi32(p[0], p[1]), _mm256_hadd_epi32(p[2], p[3]));
        acc = _mm256_fmadd_ps(_mm256_set_m128(d, d), _mm256_cvtepi32_ps(h), acc);
    }
    _mm_storeu_ps(out, _mm_add_ps(_mm256_castps256_ps128(acc), _mm256_extractf128_ps(acc, 1)));
}

VP_INLINE void q8_0_row(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
                        float *out) {
    const int64_t nb = n / VP_QK;
    switch (nt) {
    case 1: out[0] = q8_0_dot(nb, w, act, scales); break;
    case 2: q8_0_tile(nb, w, act, stride, 2, scales, out); break;
    case 3: q8_0_tile(nb, w, act, stride, 3, scales, out); break;
    default: q8_0_tile4(nb, w, act, stride, scales, out); break;
    }
}

VP_DEFINE_TILE(q8_0, avx2, VP_AVX2, q8_0_row)

VP_AVX2 float vp_dot_q8_0_avx2(int64_t n, const void *w, const void *act) {
    return q8_0_dot(n / VP_QK, w, act, 0);
}

#endif
