// Q4_0 x Q8_0 and Q4_1 x Q8_1 dot products: scalar and AVX2, single row and tiled over up to 4 tokens.
#include <stddef.h>

#include "avx2_helpers.h"
#include "blocks.h"
#include "dispatch.h"
#include "half.h"

// ---- scalar ----------------------------------------------------------------------------------------

static void q4_0_row_scalar(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
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
            const vp_block_q8_0 *y = VP_ACT_BLOCK(vp_block_q8_0, act, stride, t, i);
            int s = 0;
            for (int j = 0; j < VP_QK; j++) s += q[j] * y->qs[j];
            sum[t] += (float)s * (dw * vp_half_to_float(y->d));
        }
    }
    for (int t = 0; t < nt; t++) out[t] = sum[t];
}

float vp_dot_q4_0_scalar(int64_t n, const void *w, const void *act) {
    float r;
    q4_0_row_scalar(n, w, act, 0, 1, 0, &r);
    return r;
}

static void q4_1_row_scalar(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales,
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
            const vp_block_q8_1 *y = VP_ACT_BLOCK(vp_block_q8_1, act, stride, t, i);
            int s = 0;
            for (int j = 0; j < VP_QK; j++) s += q[j] * y->qs[j];
            sum[t] += (float)s * (dw * vp_half_to_float(y->d)) + mw * vp_half_to_float(y->s);
        }
    }
    for (int t = 0; t < nt; t++) out[t] = sum[t];
}

float vp_dot_q4_1_scalar(int64_t n, const void *w, const void *act) {
    float r;
    q4_1_row_scalar(n, w, act, 0, 1, 0, &r);
    return r;
}

VP_DEFINE_TILE(q4_0, scalar, , q4_0_row_scalar)
VP_DEFINE_TILE(q4_1, scalar, , q4_1_row_scalar)

// ---- AVX2 ------------------------------------------------------------------------------------------
#if VP_X86

// Both 4-bit formats follow the canonical order of avx2_helpers.h. Q4_0's integer block sums are Σ(q - 8)·q_a:
// the single row and the 2-token tile take them with the sign trick, the 4-token tile as Σq·q_a - 8·Σq_a with the
// activation sums from vp_tile_scales; both are the same integers. `q40` selects the format; it is a constant at
// every call, so each format gets its own specialised code.
#define W_BYTES(q40) ((q40) ? 18 : 20)
#define W_QS(q40) ((q40) ? 2 : 4)
#define A_BYTES(q40) ((q40) ? 34 : 36)
#define A_QS(q40) ((q40) ? 2 : 4)

/// A weight block's elements as bytes, the low nibbles (elements 0..15) first: q (Q4_1) or q - 8 (Q4_0).
VP_INLINE __m256i weight_bytes(const uint8_t *wb, const int q40) {
    const __m256i q = vp_avx2_nibbles(wb + W_QS(q40));
    return q40 ? _mm256_sub_epi8(q, _mm256_set1_epi8(8)) : q;
}

/// i16 pair sums of the products of a block's weight bytes (weight_bytes) with an activation block: Σ of two
/// products (q - 8)·q_a (Q4_0, by the sign trick) or q·q_a (Q4_1) per lane, elements 0..15 in lanes 0..7.
VP_INLINE __m256i pairs(__m256i q, const uint8_t *ab, const int q40) {
    const __m256i a = _mm256_loadu_si256((const __m256i *)(ab + A_QS(q40)));
    return q40 ? _mm256_maddubs_epi16(_mm256_sign_epi8(q, q), _mm256_sign_epi8(a, q)) : _mm256_maddubs_epi16(q, a);
}

/// pairs() of weight block wb and activation block ab.
VP_INLINE __m256i block_pairs(const uint8_t *wb, const uint8_t *ab, const int q40) {
    return pairs(weight_bytes(wb, q40), ab, q40);
}

/// One group of `count` (1...4, 4 in the main loop) blocks of one token: lanes [k | k + 4] gain
/// fma(D(i + k), H_lo/hi(i + k)), then Q4_1's M(i + k) is added to lane k; lanes of missing blocks gain zeros.
/// `sc` is the group's dense f32 scales or NULL (then the activation's f16 fields are read).
VP_INLINE void q4_group(const uint8_t *x, const uint8_t *y, const float *sc, const int count, __m256 *acc, const int q40) {
    const size_t wb = W_BYTES(q40), ab = A_BYTES(q40);
    __m256i p[4];
    for (int k = 0; k < 4; k++) p[k] = k < count ? block_pairs(x + k * wb, y + k * ab, q40) : _mm256_setzero_si256();
    const __m256i h = vp_avx2_fold4_i16(p[0], p[1], p[2], p[3]);
    if (q40) {
        const __m128 d4 = _mm_mul_ps(vp_avx2_h2f_x4(x, wb, count), sc ? _mm_loadu_ps(sc) : vp_avx2_h2f_x4(y, ab, count));
        *acc = _mm256_fmadd_ps(_mm256_set_m128(d4, d4), _mm256_cvtepi32_ps(h), *acc);
        return;
    }
    const __m256 w = vp_avx2_h2f_pairs_x4(x, wb, count);
    const __m256 pr = _mm256_mul_ps(w, sc ? _mm256_loadu_ps(sc) : vp_avx2_h2f_pairs_x4(y, ab, count)); // [D, M] pairs
    const __m256 d = _mm256_permutevar8x32_ps(pr, _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6));
    const __m128 m = _mm256_castps256_ps128(_mm256_permutevar8x32_ps(pr, _mm256_setr_epi32(1, 3, 5, 7, 1, 3, 5, 7)));
    *acc = _mm256_add_ps(_mm256_fmadd_ps(d, _mm256_cvtepi32_ps(h), *acc), _mm256_zextps128_ps256(m));
}

/// One token (the single-row dot and 1-token matrix products). `scales`: dense f32 activation scales (d of block
/// i at [i] for Q4_0; d, s at [2i], [2i + 1] for Q4_1) or NULL.
VP_INLINE float q4_dot(int64_t nb, const uint8_t *x, const uint8_t *y, const float *scales, const int q40) {
    const size_t wb = W_BYTES(q40), ab = A_BYTES(q40), per = q40 ? 1 : 2;
    __m256 acc = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 4 <= nb; i += 4) q4_group(x + i * wb, y + i * ab, scales ? scales + per * i : NULL, 4, &acc, q40);
    switch (nb - i) { // the last 1...3 blocks (scales from the f16 fields: no reads past the dense scales)
    case 1: q4_group(x + i * wb, y + i * ab, NULL, 1, &acc, q40); break;
    case 2: q4_group(x + i * wb, y + i * ab, NULL, 2, &acc, q40); break;
    case 3: q4_group(x + i * wb, y + i * ab, NULL, 3, &acc, q40); break;
    default: break;
    }
    return vp_avx2_hsum(acc);
}

/// One block of 4 tokens into the accumulators of k = i mod 4. `sc` is the block's f32 scales from
/// vp_tile_scales: d_a[4], then s_a[4] (Q4_1) or the i32 sums 8·Σq_a [lo t0..t3 | hi t0..t3] (Q4_0).
VP_INLINE void q4_tile_block(const uint8_t *xb, const uint8_t *const *y, size_t yo, const float *sc, __m256 *acc,
                             const int q40) {
    const __m256i q = vp_avx2_nibbles(xb + W_QS(q40));
    __m256i p[4];
    for (int t = 0; t < 4; t++) p[t] = _mm256_maddubs_epi16(q, _mm256_loadu_si256((const __m256i *)(y[t] + yo + A_QS(q40))));
    __m256i h = vp_avx2_fold4_i16(p[0], p[1], p[2], p[3]);
    if (q40) h = _mm256_sub_epi32(h, _mm256_loadu_si256((const __m256i *)(sc + 4)));
    const __m128 dm = vp_avx2_h2f_pair(xb); // [d_w, m_w] (Q4_0: [d_w, first bytes of qs])
    const __m256 d = _mm256_mul_ps(_mm256_broadcastss_ps(dm), _mm256_broadcast_ps((const __m128 *)sc));
    *acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(h), *acc);
    if (!q40) {
        const __m128 m = _mm_mul_ps(_mm_permute_ps(dm, _MM_SHUFFLE(1, 1, 1, 1)), _mm_loadu_ps(sc + 4));
        *acc = _mm256_add_ps(*acc, _mm256_zextps128_ps256(m));
    }
}

/// Two consecutive blocks (count = 2) or one (count = 1) of two tokens, folded as [H_lo | H_hi] of (i, t0),
/// (i, t1), (i + 1, t0), (i + 1, t1): lanes 0, 1 belong to k = i mod 4, lanes 2, 3 to k + 1. `sc`: vp_tile_scales'
/// 4-token layout from block i; Q4_0 takes its block sums by the sign trick here (no activation sums needed).
VP_INLINE void q4_tile2_pair(const uint8_t *xb, const uint8_t *y0, const uint8_t *y1, const float *sc, const int count,
                             __m256 *acc, const int q40) {
    const size_t wb = W_BYTES(q40), ab = A_BYTES(q40), per = q40 ? 12 : 8;
    const __m256i q0 = weight_bytes(xb, q40);
    __m256i p2 = _mm256_setzero_si256(), p3 = p2;
    __m128 dm = vp_avx2_h2f_pair(xb); // [d_w, m_w] of block i, then of block i + 1 (Q4_0: m_w unused)
    __m128 d = _mm_castpd_ps(_mm_load_sd((const double *)sc)), s = d;
    if (!q40) s = _mm_castpd_ps(_mm_load_sd((const double *)(sc + 4)));
    if (count == 2) {
        const __m256i q1 = weight_bytes(xb + wb, q40);
        p2 = pairs(q1, y0 + ab, q40);
        p3 = pairs(q1, y1 + ab, q40);
        dm = vp_avx2_h2f_2x2(xb, xb + wb);
        d = _mm_castpd_ps(_mm_loadh_pd(_mm_castps_pd(d), (const double *)(sc + per)));
        if (!q40) s = _mm_castpd_ps(_mm_loadh_pd(_mm_castps_pd(s), (const double *)(sc + per + 4)));
    }
    const __m256i h = vp_avx2_fold4_i16(pairs(q0, y0, q40), pairs(q0, y1, q40), p2, p3);
    const __m128 d4 = _mm_mul_ps(_mm_moveldup_ps(dm), d);
    *acc = _mm256_fmadd_ps(_mm256_set_m128(d4, d4), _mm256_cvtepi32_ps(h), *acc);
    if (!q40) *acc = _mm256_add_ps(*acc, _mm256_zextps128_ps256(_mm_mul_ps(_mm_movehdup_ps(dm), s)));
}

/// Exactly 2 tokens: blocks i, i + 1 into the accumulator of k = 0, 1 and blocks i + 2, i + 3 into that of k = 2, 3.
VP_INLINE void q4_tile2(int64_t nb, const uint8_t *x, const uint8_t *act, size_t stride, const float *scales,
                        float *out, const int q40) {
    const size_t wb = W_BYTES(q40), ab = A_BYTES(q40), per = q40 ? 12 : 8;
    const uint8_t *y1 = act + stride;
    __m256 a01 = _mm256_setzero_ps(), a23 = a01;
    int64_t i = 0;
    for (; i + 4 <= nb; i += 4) {
        q4_tile2_pair(x + i * wb, act + i * ab, y1 + i * ab, scales + per * i, 2, &a01, q40);
        q4_tile2_pair(x + (i + 2) * wb, act + (i + 2) * ab, y1 + (i + 2) * ab, scales + per * (i + 2), 2, &a23, q40);
    }
    switch (nb - i) {
    case 1: q4_tile2_pair(x + i * wb, act + i * ab, y1 + i * ab, scales + per * i, 1, &a01, q40); break;
    case 2: q4_tile2_pair(x + i * wb, act + i * ab, y1 + i * ab, scales + per * i, 2, &a01, q40); break;
    case 3:
        q4_tile2_pair(x + i * wb, act + i * ab, y1 + i * ab, scales + per * i, 2, &a01, q40);
        q4_tile2_pair(x + (i + 2) * wb, act + (i + 2) * ab, y1 + (i + 2) * ab, scales + per * (i + 2), 1, &a23, q40);
        break;
    default: break;
    }
    _mm_storel_pi((__m64 *)out, vp_avx2_reduce2(a01, a23));
}

/// 3 or 4 tokens (a missing fourth token repeats the third; only nt results are written).
VP_INLINE void q4_tile4(int64_t nb, const uint8_t *x, const uint8_t *act, size_t stride, const int nt,
                        const float *scales, float *out, const int q40) {
    const size_t wb = W_BYTES(q40), ab = A_BYTES(q40), per = q40 ? 12 : 8;
    const uint8_t *y[4];
    for (int t = 0; t < 4; t++) y[t] = act + (size_t)(t < nt ? t : nt - 1) * stride;
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
    int64_t i = 0;
    for (; i + 4 <= nb; i += 4) {
        q4_tile_block(x + i * wb, y, i * ab, scales + per * i, &a0, q40);
        q4_tile_block(x + (i + 1) * wb, y, (i + 1) * ab, scales + per * (i + 1), &a1, q40);
        q4_tile_block(x + (i + 2) * wb, y, (i + 2) * ab, scales + per * (i + 2), &a2, q40);
        q4_tile_block(x + (i + 3) * wb, y, (i + 3) * ab, scales + per * (i + 3), &a3, q40);
    }
    if (i < nb) q4_tile_block(x + i * wb, y, i * ab, scales + per * i, &a0, q40);
    if (i + 1 < nb) q4_tile_block(x + (i + 1) * wb, y, (i + 1) * ab, scales + per * (i + 1), &a1, q40);
    if (i + 2 < nb) q4_tile_block(x + (i + 2) * wb, y, (i + 2) * ab, scales + per * (i + 2), &a2, q40);
    float r[4];
    _mm_storeu_ps(r, vp_avx2_reduce4(a0, a1, a2, a3));
    for (int t = 0; t < nt; t++) out[t] = r[t];
}

VP_INLINE void q4_row(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales, float *out,
                      const int q40) {
    const int64_t nb = n / VP_QK;
    switch (nt) {
    case 1: out[0] = q4_dot(nb, w, act, scales, q40); break;
    case 2: q4_tile2(nb, w, act, stride, scales, out, q40); break;
    case 3: q4_tile4(nb, w, act, stride, 3, scales, out, q40); break;
    default: q4_tile4(nb, w, act, stride, 4, scales, out, q40); break;
    }
}

VP_INLINE void q4_0_row(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales, float *out) {
    q4_row(n, w, act, stride, nt, scales, out, 1);
}

VP_INLINE void q4_1_row(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales, float *out) {
    q4_row(n, w, act, stride, nt, scales, out, 0);
}

VP_DEFINE_TILE(q4_0, avx2, VP_AVX2, q4_0_row)
VP_DEFINE_TILE(q4_1, avx2, VP_AVX2, q4_1_row)

VP_AVX2 float vp_dot_q4_0_avx2(int64_t n, const void *w, const void *act) { return q4_dot(n / VP_QK, w, act, NULL, 1); }

VP_AVX2 float vp_dot_q4_1_avx2(int64_t n, const void *w, const void *act) { return q4_dot(n / VP_QK, w, act, NULL, 0); }

#endif
