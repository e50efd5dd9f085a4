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

// In matrix products both 4-bit formats run through one kernel body: Q4_1 as stored, and Q4_0 rewritten as
// Σ(q - 8)·d_w·y = d_w·d_a·Σ q·q_a + (-8·d_w)·(d_a·Σq_a), i.e. a Q4_1 block with m = -8·d_w against an
// activation whose s = d_a·Σq_a comes from vp_tile_scales. That keeps the nibbles unsigned (no sign tricks).
// `q40` selects the geometry; it is a constant at every call, so each format gets its own specialised code.
#define W_BYTES(q40) ((q40) ? 18 : 20)
#define W_QS(q40) ((q40) ? 2 : 4)
#define A_BYTES(q40) ((q40) ? 34 : 36)
#define A_QS(q40) ((q40) ? 2 : 4)

/// [d_w, m_w, d_w', m_w'] of two weight blocks (Q4_0: m = -8·d).
VP_INLINE __m128 w_dm2(const uint8_t *b0, const uint8_t *b1, const int q40) {
    const __m128 h = vp_avx2_h2f_2x2(b0, b1);
    return q40 ? _mm_mul_ps(_mm_moveldup_ps(h), _mm_setr_ps(1.0f, -8.0f, 1.0f, -8.0f)) : h;
}

/// [d_w, m_w, ...] of one weight block.
VP_INLINE __m128 w_dm(const uint8_t *b, const int q40) {
    const __m128 h = vp_avx2_h2f_pair(b);
    return q40 ? _mm_mul_ps(_mm_moveldup_ps(h), _mm_setr_ps(1.0f, -8.0f, 1.0f, -8.0f)) : h;
}

/// Σ_j q_j·qa_j of one block as eight i32 lanes converted to float.
VP_INLINE __m256 block_dot(const uint8_t *wb, const uint8_t *ab, const int q40) {
    return _mm256_cvtepi32_ps(vp_avx2_dot_u8s8(vp_avx2_nibbles(wb + W_QS(q40)), _mm256_loadu_si256((const __m256i *)(ab + A_QS(q40)))));
}

// One token: two blocks per iteration into two accumulators, so the FMA chain never limits the loop; the
// scales of both blocks go through one conversion and one multiply: [d_w*d_a, m_w*s_a] for each block.
// Q4_0 needs `scales` (for s); Q4_1 may pass NULL and then reads the activation's own f16 fields.
VP_INLINE float q4_dot(int64_t nb, const uint8_t *x, const uint8_t *y, const float *scales, const int q40) {
    const size_t wb = W_BYTES(q40), ab = A_BYTES(q40);
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    __m128 summs = _mm_setzero_ps(); // lanes 1 and 3 accumulate m_w * s_a
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2) {
        const uint8_t *x0 = x + i * wb, *x1 = x0 + wb, *y0 = y + i * ab, *y1 = y0 + ab;
        const __m128 prod = _mm_mul_ps(w_dm2(x0, x1, q40), vp_avx2_act_ds2(y0, y1, scales, i));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(prod), block_dot(x0, y0, q40), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_broadcastss_ps(_mm_movehl_ps(prod, prod)), block_dot(x1, y1, q40), acc1);
        summs = _mm_add_ps(summs, prod);
    }
    for (; i < nb; i++) {
        const uint8_t *x0 = x + i * wb, *y0 = y + i * ab;
        const __m128 prod = _mm_mul_ps(w_dm(x0, q40), vp_avx2_act_ds(y0, scales, i));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(prod), block_dot(x0, y0, q40), acc0);
        summs = _mm_add_ps(summs, prod);
    }
    summs = _mm_add_ps(summs, _mm_movehl_ps(summs, summs)); // lane 1 += lane 3
    return vp_avx2_hsum(_mm256_add_ps(acc0, acc1)) + _mm_cvtss_f32(_mm_movehdup_ps(summs));
}

// 2...4 tokens: `scales` holds, per block, d_a[4] then s_a[4] as f32 (vp_tile_scales).
VP_INLINE void q4_tile(int64_t nb, const uint8_t *x, const uint8_t *act, size_t stride, const int nt,
                       const float *scales, float *out, const int q40) {
    const size_t wb = W_BYTES(q40), ab = A_BYTES(q40);
    __m256 acc[4];
    __m128 summs = _mm_setzero_ps(); // lane t accumulates m_w * s_a for token t
    for (int t = 0; t < nt; t++) acc[t] = _mm256_setzero_ps();
    for (int64_t i = 0; i < nb; i++) {
        const uint8_t *xb = x + i * wb;
        const __m128 dm = w_dm(xb, q40); // [d_w, m_w, ...]
        const __m256i qx = vp_avx2_nibbles(xb + W_QS(q40));
        const __m256 d8 = _mm256_castps128_ps256(_mm_mul_ps(_mm_broadcastss_ps(dm), _mm_loadu_ps(scales + 8 * i)));
        summs = _mm_fmadd_ps(_mm_permute_ps(dm, _MM_SHUFFLE(1, 1, 1, 1)), _mm_loadu_ps(scales + 8 * i + 4), summs);
        for (int t = 0; t < nt; t++) {
            const uint8_t *yb = act + (size_t)t * stride + i * ab;
            const __m256 p = _mm256_cvtepi32_ps(vp_avx2_dot_u8s8(qx, _mm256_loadu_si256((const __m256i *)(yb + A_QS(q40)))));
            acc[t] = _mm256_fmadd_ps(_mm256_permutevar8x32_ps(d8, _mm256_set1_epi32(t)), p, acc[t]); // lane t: d_w*d_a(t)
        }
    }
    float ms[4];
    _mm_storeu_ps(ms, summs);
    for (int t = 0; t < nt; t++) out[t] = vp_avx2_hsum(acc[t]) + ms[t];
}

// Exactly 4 tokens: the four tokens' 16-bit pair sums are folded together with horizontal adds (at most 8
// products of 15·127 per 16-bit lane: no overflow), so one convert and one FMA serve all four tokens; lanes
// hold tokens 0..3 in each 128-bit half.
VP_INLINE void q4_tile4(int64_t nb, const uint8_t *x, const uint8_t *act, size_t stride, const float *scales,
                        float *out, const int q40) {
    const size_t wb = W_BYTES(q40), ab = A_BYTES(q40);
    __m256 acc = _mm256_setzero_ps();
    __m128 summs = _mm_setzero_ps(); // lane t accumulates m_w * s_a for token t
    for (int64_t i = 0; i < nb; i++) {
        const uint8_t *xb = x + i * wb, *yb = act + i * ab + A_QS(q40);
        const __m128 dm = w_dm(xb, q40);
        const __m256i qx = vp_avx2_nibbles(xb + W_QS(q40));
        const __m128 d = _mm_mul_ps(_mm_broadcastss_ps(dm), _mm_loadu_ps(scales + 8 * i)); // lane t: d_w * d_a(t)
        summs = _mm_fmadd_ps(_mm_permute_ps(dm, _MM_SHUFFLE(1, 1, 1, 1)), _mm_loadu_ps(scales + 8 * i + 4), summs);
        const __m256i p0 = _mm256_maddubs_epi16(qx, _mm256_loadu_si256((const __m256i *)yb));
        const __m256i p1 = _mm256_maddubs_epi16(qx, _mm256_loadu_si256((const __m256i *)(yb + stride)));
        const __m256i p2 = _mm256_maddubs_epi16(qx, _mm256_loadu_si256((const __m256i *)(yb + 2 * stride)));
        const __m256i p3 = _mm256_maddubs_epi16(qx, _mm256_loadu_si256((const __m256i *)(yb + 3 * stride)));
        const __m256i h = _mm256_hadd_epi16(_mm256_hadd_epi16(p0, p1), _mm256_hadd_epi16(p2, p3));
        const __m256 sums = _mm256_cvtepi32_ps(_mm256_madd_epi16(h, _mm256_set1_epi16(1)));
        acc = _mm256_fmadd_ps(_mm256_set_m128(d, d), sums, acc);
    }
    const __m128 total = _mm_add_ps(_mm_add_ps(_mm256_castps256_ps128(acc), _mm256_extractf128_ps(acc, 1)), summs);
    _mm_storeu_ps(out, total);
}

VP_INLINE void q4_row(int64_t n, const void *w, const void *act, size_t stride, int nt, const float *scales, float *out,
                      const int q40) {
    const int64_t nb = n / VP_QK;
    switch (nt) {
    case 1: out[0] = q4_dot(nb, w, act, scales, q40); break;
    case 2: q4_tile(nb, w, act, stride, 2, scales, out, q40); break;
    case 3: q4_tile(nb, w, act, stride, 3, scales, out, q40); break;
    default: q4_tile4(nb, w, act, stride, scales, out, q40); break;
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

// The single-row Q4_0 dot has no precomputed activation sums: (q - 8) is signed, so the activation takes the
// weight's sign and the weight its magnitude. Two blocks per iteration, as above.
VP_AVX2 float vp_dot_q4_0_avx2(int64_t n, const void *w, const void *act) {
    const vp_block_q4_0 *x = w;
    const vp_block_q8_0 *y = act;
    const int64_t nb = n / VP_QK;
    const __m256i eight = _mm256_set1_epi8(8);
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2) {
        const __m128 d = _mm_mul_ps(vp_avx2_h2f_2x2(&x[i].d, &x[i + 1].d), vp_avx2_h2f_2x2(&y[i].d, &y[i + 1].d));
        const __m256i q0 = _mm256_sub_epi8(vp_avx2_nibbles(x[i].qs), eight);
        const __m256i q1 = _mm256_sub_epi8(vp_avx2_nibbles(x[i + 1].qs), eight);
        const __m256 p0 = _mm256_cvtepi32_ps(vp_avx2_dot_s8s8(q0, _mm256_loadu_si256((const __m256i *)y[i].qs)));
        const __m256 p1 = _mm256_cvtepi32_ps(vp_avx2_dot_s8s8(q1, _mm256_loadu_si256((const __m256i *)y[i + 1].qs)));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d), p0, acc0);
        acc1 = _mm256_fmadd_ps(_mm256_broadcastss_ps(_mm_movehl_ps(d, d)), p1, acc1);
    }
    for (; i < nb; i++) {
        const __m128 d = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d));
        const __m256i q = _mm256_sub_epi8(vp_avx2_nibbles(x[i].qs), eight);
        const __m256 p = _mm256_cvtepi32_ps(vp_avx2_dot_s8s8(q, _mm256_loadu_si256((const __m256i *)y[i].qs)));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d), p, acc0);
    }
    return vp_avx2_hsum(_mm256_add_ps(acc0, acc1));
}

VP_AVX2 float vp_dot_q4_1_avx2(int64_t n, const void *w, const void *act) { return q4_dot(n / VP_QK, w, act, NULL, 0); }

#endif
