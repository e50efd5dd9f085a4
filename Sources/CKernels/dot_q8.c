// Q8_0 x Q8_0 dot products: scalar and AVX2, single row and tiled over up to 4 tokens, each
// product computed in the same order whatever the number of tokens.
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

// Q8_0 follows the canonical order of avx2_helpers.h (block sums folded 4 at a time, as i32).

/// i32 sums of four products each of one block pair.
VP_INLINE __m256i q8_block(const vp_block_q8_0 *x, const vp_block_q8_0 *y) {
    return vp_avx2_dot_s8s8(_mm256_loadu_si256((const __m256i *)x->qs), _mm256_loadu_si256((const __m256i *)y->qs));
}

/// One group of `count` (1...4) blocks of one token (lanes of missing blocks gain zeros); `sc`: the group's dense
/// f32 activation scales or NULL (f16 fields).
VP_INLINE void q8_0_group(const vp_block_q8_0 *x, const vp_block_q8_0 *y, const float *sc, const int count, __m256 *acc) {
    __m256i p[4];
    for (int k = 0; k < 4; k++) p[k] = k < count ? q8_block(x + k, y + k) : _mm256_setzero_si256();
    const __m256i h = vp_avx2_fold4_i32(p[0], p[1], p[2], p[3]);
    const __m128 d4 = _mm_mul_ps(vp_avx2_h2f_x4((const uint8_t *)x, sizeof *x, count),
                                 sc ? _mm_loadu_ps(sc) : vp_avx2_h2f_x4((const uint8_t *)y, sizeof *y, count));
    *acc = _mm256_fmadd_ps(_mm256_set_m128(d4, d4), _mm256_cvtepi32_ps(h), *acc);
}

/// One token. `scales`: dense f32 activation scales (d of block i at [i]) or NULL.
VP_INLINE float q8_0_dot(int64_t nb, const vp_block_q8_0 *x, const vp_block_q8_0 *y, const float *scales) {
    __m256 acc = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 4 <= nb; i += 4) q8_0_group(x + i, y + i, scales ? scales + i : NULL, 4, &acc);
    switch (nb - i) { // the last 1...3 blocks (scales from the f16 fields: no reads past the dense scales)
    case 1: q8_0_group(x + i, y + i, NULL, 1, &acc); break;
    case 2: q8_0_group(x + i, y + i, NULL, 2, &acc); break;
    case 3: q8_0_group(x + i, y + i, NULL, 3, &acc); break;
    default: break;
    }
    return vp_avx2_hsum(acc);
}

/// One block of 4 tokens into the accumulator of k = i mod 4; `sc`: the block's d_a[4] from vp_tile_scales.
VP_INLINE void q8_0_tile_block(const vp_block_q8_0 *xb, const uint8_t *const *y, size_t yo, const float *sc, __m256 *acc) {
    const __m256i qx = _mm256_loadu_si256((const __m256i *)xb->qs);
    const __m256i ax = _mm256_sign_epi8(qx, qx);
    __m256i p[4];
    for (int t = 0; t < 4; t++) {
        const __m256i qy = _mm256_loadu_si256((const __m256i *)(y[t] + yo + 2));
        p[t] = vp_avx2_dot_u8s8(ax, _mm256_sign_epi8(qy, qx));
    }
    const __m256i h = vp_avx2_fold4_i32(p[0], p[1], p[2], p[3]);
    const __m256 d = _mm256_mul_ps(_mm256_broadcastss_ps(vp_avx2_h2f_pair(&xb->d)), _mm256_broadcast_ps((const __m128 *)sc));
    *acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(h), *acc);
}

/// Two consecutive blocks (count = 2) or one (count = 1) of two tokens, folded as [H_lo | H_hi] of (i, t0),
/// (i, t1), (i + 1, t0), (i + 1, t1); `sc`: vp_tile_scales' 4-token layout from block i.
VP_INLINE void q8_0_tile2_pair(const vp_block_q8_0 *xb, const vp_block_q8_0 *y0, const vp_block_q8_0 *y1, const float *sc,
                               const int count, __m256 *acc) {
    __m256i p2 = _mm256_setzero_si256(), p3 = p2;
    __m128 dw = vp_avx2_h2f_pair(&xb->d); // lane 0: d_w of block i, lane 2: of block i + 1
    __m128 d = _mm_castpd_ps(_mm_load_sd((const double *)sc));
    if (count == 2) {
        p2 = q8_block(xb + 1, y0 + 1);
        p3 = q8_block(xb + 1, y1 + 1);
        dw = vp_avx2_h2f_2x2(&xb[0].d, &xb[1].d);
        d = _mm_castpd_ps(_mm_loadh_pd(_mm_castps_pd(d), (const double *)(sc + 4)));
    }
    const __m256i h = vp_avx2_fold4_i32(q8_block(xb, y0), q8_block(xb, y1), p2, p3);
    const __m128 d4 = _mm_mul_ps(_mm_moveldup_ps(dw), d);
    *acc = _mm256_fmadd_ps(_mm256_set_m128(d4, d4), _mm256_cvtepi32_ps(h), *acc);
}

/// Exactly 2 tokens: blocks i, i + 1 into the accumulator of k = 0, 1 and blocks i + 2, i + 3 into that of k = 2, 3.
VP_INLINE void q8_0_tile2(int64_t nb, const vp_block_q8_0 *x, const uint8_t *act, size_t stride, const float *scales,
                          float *out) {
    const vp_block_q8_0 *y0 = (const vp_block_q8_0 *)act, *y1 = (const vp_block_q8_0 *)(act + stride);
    __m256 a01 = _mm256_setzero_ps(), a23 = a01;
    int64_t i = 0;
    for (; i + 4 <= nb; i += 4) {
        q8_0_tile2_pair(x + i, y0 + i, y1 + i, scales + 4 * i, 2, &a01);
        q8_0_tile2_pair(x + i + 2, y0 + i + 2, y1 + i + 2, scales + 4 * (i + 2), 2, &a23);
    }
    switch (nb - i) {
    case 1: q8_0_tile2_pair(x + i, y0 + i, y1 + i, scales + 4 * i, 1, &a01); break;
    case 2: q8_0_tile2_pair(x + i, y0 + i, y1 + i, scales + 4 * i, 2, &a01); break;
    case 3:
        q8_0_tile2_pair(x + i, y0 + i, y1 + i, scales + 4 * i, 2, &a01);
        q8_0_tile2_pair(x + i + 2, y0 + i + 2, y1 + i + 2, scales + 4 * (i + 2), 1, &a23);
        break;
    default: break;
    }
    _mm_storel_pi((__m64 *)out, vp_avx2_reduce2(a01, a23));
}

/// 3 or 4 tokens (a missing fourth token repeats the third; only nt results are written).
VP_INLINE void q8_0_tile4(int64_t nb, const vp_block_q8_0 *x, const uint8_t *act, size_t stride, const int nt,
                          const float *scales, float *out) {
    const uint8_t *y[4];
    for (int t = 0; t < 4; t++) y[t] = act + (size_t)(t < nt ? t : nt - 1) * stride;
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
    const size_t ab = sizeof(vp_block_q8_0);
    int64_t i = 0;
    for (; i + 4 <= nb; i += 4) {
        q8_0_tile_block(x + i, y, i * ab, scales + 4 * i, &a0);
        q8_0_tile_block(x + i + 1, y, (i + 1) * ab, scales + 4 * (i + 1), &a1);
        q8_0_tile_block(x + i + 2, y, (i + 2) * ab, scales + 4 * (i + 2), &a2);
        q8_0_tile_block(x + i + 3, y, (i + 3) * ab, scales + 4 * (i + 3), &a3);
    }
    if (i < nb) q8_0_tile_block(x + i, y, i * ab, scales + 4 * i, &a0);
    if (i + 1 < nb) q8_0_tile_block(x + i + 1, y, (i + 1) * ab, scales + 4 * (i + 1), &a1);
    if (i + 2 < nb) q8_0_tile_block(x + i + 2, y, (i + 2) * ab, scales + 4 * (i + 2), &a2);
    float r[4];
    _mm_storeu_ps(r, vp_avx2_reduce4(a0, a1, a2, a3));
    for (int t = 0; t < nt; t++) out[t] = r[t];
}

VP_INLINE void q8_0_row(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
                        float *out) {
    const int64_t nb = n / VP_QK;
    switch (nt) {
    case 1: out[0] = q8_0_dot(nb, w, act, scales); break;
    case 2: q8_0_tile2(nb, w, act, stride, scales, out); break;
    case 3: q8_0_tile4(nb, w, act, stride, 3, scales, out); break;
    default: q8_0_tile4(nb, w, act, stride, 4, scales, out); break;
    }
}

VP_DEFINE_TILE(q8_0, avx2, VP_AVX2, q8_0_row)

VP_AVX2 float vp_dot_q8_0_avx2(int64_t n, const void *w, const void *act) { return q8_0_dot(n / VP_QK, w, act, NULL); }

#endif
