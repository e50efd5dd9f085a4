// Q4_0 x Q8_0 and Q4_1 x Q8_1 dot products: scalar and AVX2, single row and tiled over up to 4 tokens.
#include "avx2_helpers.h"
#include "blocks.h"
#include "dispatch.h"
#include "half.h"

#define ACT_BLOCK(type, act, stride, t, i) ((const type *)((const uint8_t *)(act) + (size_t)(t) * (stride)) + (i))

// ---- scalar ----------------------------------------------------------------------------------------

void vp_tile_q4_0_scalar(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
                         float *out) {
    (void)scales;
    const vp_block_q4_0 *x = w;
    float sum[4] = {0, 0, 0, 0};
    for (int64_t i = 0; i < n / VP_QK; i++) {
        int8_t q[VP_QK];
        for (int j = 0; j < 16; j++) {
            q[j] = (int8_t)((x[i].qs[j] & 0x0F) - 8);
            q[j + 16] = (int8_t)((x[i].qs[j] >> 4) - 8);
        }
        const float dw = vp_half_to_float(x[i].d);
        for (int t = 0; t < nt; t++) {
            const vp_block_q8_0 *y = ACT_BLOCK(vp_block_q8_0, act, stride, t, i);
            int s = 0;
            for (int j = 0; j < VP_QK; j++) s += q[j] * y->qs[j];
            sum[t] += (float)s * (dw * vp_half_to_float(y->d));
        }
    }
    for (int t = 0; t < nt; t++) out[t] = sum[t];
}

float vp_dot_q4_0_scalar(int64_t n, const void *w, const void *act) {
    float r;
    vp_tile_q4_0_scalar(n, w, act, 0, 1, 0, &r);
    return r;
}

void vp_tile_q4_1_scalar(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
                         float *out) {
    (void)scales;
    const vp_block_q4_1 *x = w;
    float sum[4] = {0, 0, 0, 0};
    for (int64_t i = 0; i < n / VP_QK; i++) {
        uint8_t q[VP_QK];
        for (int j = 0; j < 16; j++) {
            q[j] = x[i].qs[j] & 0x0F;
            q[j + 16] = x[i].qs[j] >> 4;
        }
        const float dw = vp_half_to_float(x[i].d), mw = vp_half_to_float(x[i].m);
        for (int t = 0; t < nt; t++) {
            const vp_block_q8_1 *y = ACT_BLOCK(vp_block_q8_1, act, stride, t, i);
            int s = 0;
            for (int j = 0; j < VP_QK; j++) s += q[j] * y->qs[j];
            sum[t] += (float)s * (dw * vp_half_to_float(y->d)) + mw * vp_half_to_float(y->s);
        }
    }
    for (int t = 0; t < nt; t++) out[t] = sum[t];
}

float vp_dot_q4_1_scalar(int64_t n, const void *w, const void *act) {
    float r;
    vp_tile_q4_1_scalar(n, w, act, 0, 1, 0, &r);
    return r;
}

// ---- AVX2 ------------------------------------------------------------------------------------------
#if VP_X86

#define VP_INLINE static inline __attribute__((always_inline)) VP_AVX2

// Q4_0: (q - 8) is signed, so the activation takes the weight's sign and the weight its magnitude.
// Several tokens: `scales` holds, per block, the activation scales d[4] as f32 (vp_tile_scales).
VP_INLINE void q4_0_tile(int64_t nb, const vp_block_q4_0 *x, const void *act, size_t stride, const int nt,
                         const float *scales, float *out) {
    __m256 acc[4];
    for (int t = 0; t < nt; t++) acc[t] = _mm256_setzero_ps();
    for (int64_t i = 0; i < nb; i++) {
        const __m128 dw = vp_avx2_h2f_pair(&x[i].d); // lane 0: d_w
        const __m256i qx = _mm256_sub_epi8(vp_avx2_nibbles(x[i].qs), _mm256_set1_epi8(8));
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

// Several tokens: `scales` holds, per block, the activation scales d[4] then s[4] as f32 (vp_tile_scales).
VP_INLINE void q4_1_tile(int64_t nb, const vp_block_q4_1 *x, const void *act, size_t stride, const int nt,
                         const float *scales, float *out) {
    __m256 acc[4];
    __m128 summs = _mm_setzero_ps(); // lane t accumulates m_w * s_a for token t
    for (int t = 0; t < nt; t++) acc[t] = _mm256_setzero_ps();
    for (int64_t i = 0; i < nb; i++) {
        const __m128 dm = vp_avx2_h2f_pair(&x[i].d); // [d_w, m_w, 0, 0]
        const __m256i qx = vp_avx2_nibbles(x[i].qs);
        const __m128 d = _mm_mul_ps(_mm_broadcastss_ps(dm), _mm_loadu_ps(scales + 8 * i)); // lane t: d_w * d_a(t)
        summs = _mm_fmadd_ps(_mm_permute_ps(dm, _MM_SHUFFLE(1, 1, 1, 1)), _mm_loadu_ps(scales + 8 * i + 4), summs);
        const __m256 d8 = _mm256_castps128_ps256(d);
        for (int t = 0; t < nt; t++) {
            const vp_block_q8_1 *y = ACT_BLOCK(vp_block_q8_1, act, stride, t, i);
            const __m256 p = _mm256_cvtepi32_ps(vp_avx2_dot_u8s8(qx, _mm256_loadu_si256((const __m256i *)y->qs)));
            acc[t] = _mm256_fmadd_ps(_mm256_permutevar8x32_ps(d8, _mm256_set1_epi32(t)), p, acc[t]);
        }
    }
    float ms[4];
    _mm_storeu_ps(ms, summs);
    for (int t = 0; t < nt; t++) out[t] = vp_avx2_hsum(acc[t]) + ms[t];
}

// One token: two blocks per iteration into two accumulators, so the FMA chain never limits the loop.
VP_INLINE float q4_0_dot(int64_t nb, const vp_block_q4_0 *x, const vp_block_q8_0 *y) {
    const __m256i eight = _mm256_set1_epi8(8);
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2) {
        const __m128 d0 = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d));
        const __m128 d1 = _mm_mul_ps(vp_avx2_h2f_pair(&x[i + 1].d), vp_avx2_h2f_pair(&y[i + 1].d));
        const __m256i q0 = _mm256_sub_epi8(vp_avx2_nibbles(x[i].qs), eight);
        const __m256i q1 = _mm256_sub_epi8(vp_avx2_nibbles(x[i + 1].qs), eight);
        const __m256 p0 = _mm256_cvtepi32_ps(vp_avx2_dot_s8s8(q0, _mm256_loadu_si256((const __m256i *)y[i].qs)));
        const __m256 p1 = _mm256_cvtepi32_ps(vp_avx2_dot_s8s8(q1, _mm256_loadu_si256((const __m256i *)y[i + 1].qs)));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d0), p0, acc0);
        acc1 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d1), p1, acc1);
    }
    for (; i < nb; i++) {
        const __m128 d = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d));
        const __m256i q = _mm256_sub_epi8(vp_avx2_nibbles(x[i].qs), eight);
        const __m256 p = _mm256_cvtepi32_ps(vp_avx2_dot_s8s8(q, _mm256_loadu_si256((const __m256i *)y[i].qs)));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d), p, acc0);
    }
    return vp_avx2_hsum(_mm256_add_ps(acc0, acc1));
}

// One token: two blocks per iteration into two accumulators, so the FMA chain never limits the loop.
VP_INLINE float q4_1_dot(int64_t nb, const vp_block_q4_1 *x, const vp_block_q8_1 *y) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    __m128 summs = _mm_setzero_ps();
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2) {
        const __m128 prod0 = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d));
        const __m128 prod1 = _mm_mul_ps(vp_avx2_h2f_pair(&x[i + 1].d), vp_avx2_h2f_pair(&y[i + 1].d));
        const __m256 p0 = _mm256_cvtepi32_ps(vp_avx2_dot_u8s8(vp_avx2_nibbles(x[i].qs), _mm256_loadu_si256((const __m256i *)y[i].qs)));
        const __m256 p1 =
            _mm256_cvtepi32_ps(vp_avx2_dot_u8s8(vp_avx2_nibbles(x[i + 1].qs), _mm256_loadu_si256((const __m256i *)y[i + 1].qs)));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(prod0), p0, acc0);
        acc1 = _mm256_fmadd_ps(_mm256_broadcastss_ps(prod1), p1, acc1);
        summs = _mm_add_ps(summs, _mm_add_ps(prod0, prod1));
    }
    for (; i < nb; i++) {
        const __m128 prod = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d));
        const __m256 p = _mm256_cvtepi32_ps(vp_avx2_dot_u8s8(vp_avx2_nibbles(x[i].qs), _mm256_loadu_si256((const __m256i *)y[i].qs)));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(prod), p, acc0);
        summs = _mm_add_ps(summs, prod);
    }
    return vp_avx2_hsum(_mm256_add_ps(acc0, acc1)) + _mm_cvtss_f32(_mm_movehdup_ps(summs));
}

VP_AVX2 void vp_tile_q4_0_avx2(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
                               float *out) {
    const int64_t nb = n / VP_QK;
    switch (nt) {
    case 1: out[0] = q4_0_dot(nb, w, act); break;
    case 2: q4_0_tile(nb, w, act, stride, 2, scales, out); break;
    case 3: q4_0_tile(nb, w, act, stride, 3, scales, out); break;
    default: q4_0_tile(nb, w, act, stride, 4, scales, out); break;
    }
}

VP_AVX2 float vp_dot_q4_0_avx2(int64_t n, const void *w, const void *act) {
    return q4_0_dot(n / VP_QK, w, act);
}

VP_AVX2 void vp_tile_q4_1_avx2(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
                               float *out) {
    const int64_t nb = n / VP_QK;
    switch (nt) {
    case 1: out[0] = q4_1_dot(nb, w, act); break;
    case 2: q4_1_tile(nb, w, act, stride, 2, scales, out); break;
    case 3: q4_1_tile(nb, w, act, stride, 3, scales, out); break;
    default: q4_1_tile(nb, w, act, stride, 4, scales, out); break;
    }
}

VP_AVX2 float vp_dot_q4_1_avx2(int64_t n, const void *w, const void *act) {
    return q4_1_dot(n / VP_QK, w, act);
}

#endif
