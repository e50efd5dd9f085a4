// Q5_0 x Q8_0 and Q5_1 x Q8_1 dot products: scalar and AVX2.
#include "avx2_helpers.h"
#include "blocks.h"
#include "dispatch.h"
#include "half.h"

/// The 32 five-bit values of a Q5 block (nibble | fifth bit << 4), before any offset.
static inline void unpack_q5(const uint8_t qs[16], const uint8_t qh_bytes[4], int q[32]) {
    const uint32_t qh = vp_load_u32le(qh_bytes);
    for (int j = 0; j < 16; j++) {
        q[j] = (qs[j] & 0x0F) | (int)(((qh >> j) & 1u) << 4);
        q[j + 16] = (qs[j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4);
    }
}

float vp_dot_q5_0_scalar(int64_t n, const void *w, const void *act) {
    const vp_block_q5_0 *x = w;
    const vp_block_q8_0 *y = act;
    float sum = 0.0f;
    for (int64_t i = 0; i < n / VP_QK; i++) {
        int q[32], s = 0;
        unpack_q5(x[i].qs, x[i].qh, q);
        for (int j = 0; j < VP_QK; j++) s += (q[j] - 16) * y[i].qs[j];
        sum += (float)s * (vp_half_to_float(x[i].d) * vp_half_to_float(y[i].d));
    }
    return sum;
}

float vp_dot_q5_1_scalar(int64_t n, const void *w, const void *act) {
    const vp_block_q5_1 *x = w;
    const vp_block_q8_1 *y = act;
    float sum = 0.0f;
    for (int64_t i = 0; i < n / VP_QK; i++) {
        int q[32], s = 0;
        unpack_q5(x[i].qs, x[i].qh, q);
        for (int j = 0; j < VP_QK; j++) s += q[j] * y[i].qs[j];
        sum += (float)s * (vp_half_to_float(x[i].d) * vp_half_to_float(y[i].d)) +
               vp_half_to_float(x[i].m) * vp_half_to_float(y[i].s);
    }
    return sum;
}

#if VP_X86

/// Σ_j (q_j - 16)·y_j of a Q5_0 block as eight i32 lanes, converted to float.
VP_INLINE __m256 q5_0_block(const vp_block_q5_0 *x, const vp_block_q8_0 *y) {
    // value - 16 as a signed byte: the nibble when the fifth bit is set, else nibble | 0xF0.
    const __m256i high = _mm256_andnot_si256(vp_avx2_bits_to_bytes(vp_load_u32le(x->qh)), _mm256_set1_epi8((char)0xF0));
    const __m256i qx = _mm256_or_si256(vp_avx2_nibbles(x->qs), high);
    return _mm256_cvtepi32_ps(vp_avx2_dot_s8s8(qx, _mm256_loadu_si256((const __m256i *)y->qs)));
}

/// Σ_j q_j·y_j of a Q5_1 block (q in 0...31) as eight i32 lanes, converted to float.
VP_INLINE __m256 q5_1_block(const vp_block_q5_1 *x, const vp_block_q8_1 *y) {
    const __m256i high = _mm256_and_si256(vp_avx2_bits_to_bytes(vp_load_u32le(x->qh)), _mm256_set1_epi8(0x10));
    const __m256i qx = _mm256_or_si256(vp_avx2_nibbles(x->qs), high);
    return _mm256_cvtepi32_ps(vp_avx2_dot_u8s8(qx, _mm256_loadu_si256((const __m256i *)y->qs)));
}

// Two blocks per iteration into two accumulators; both blocks' scales in one conversion and one multiply.
VP_AVX2 float vp_dot_q5_0_avx2(int64_t n, const void *w, const void *act) {
    const vp_block_q5_0 *x = w;
    const vp_block_q8_0 *y = act;
    const int64_t nb = n / VP_QK;
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2) {
        const __m128 d = _mm_mul_ps(vp_avx2_h2f_2x2(&x[i].d, &x[i + 1].d), vp_avx2_h2f_2x2(&y[i].d, &y[i + 1].d));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d), q5_0_block(&x[i], &y[i]), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_broadcastss_ps(_mm_movehl_ps(d, d)), q5_0_block(&x[i + 1], &y[i + 1]), acc1);
    }
    for (; i < nb; i++) {
        const __m128 d = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d)); // lane 0: d_w * d_a
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(d), q5_0_block(&x[i], &y[i]), acc0);
    }
    return vp_avx2_hsum(_mm256_add_ps(acc0, acc1));
}

VP_AVX2 float vp_dot_q5_1_avx2(int64_t n, const void *w, const void *act) {
    const vp_block_q5_1 *x = w;
    const vp_block_q8_1 *y = act;
    const int64_t nb = n / VP_QK;
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    __m128 summs = _mm_setzero_ps(); // lanes 1 and 3 accumulate m_w * s_a
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2) {
        const __m128 prod = _mm_mul_ps(vp_avx2_h2f_2x2(&x[i].d, &x[i + 1].d), vp_avx2_h2f_2x2(&y[i].d, &y[i + 1].d));
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(prod), q5_1_block(&x[i], &y[i]), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_broadcastss_ps(_mm_movehl_ps(prod, prod)), q5_1_block(&x[i + 1], &y[i + 1]), acc1);
        summs = _mm_add_ps(summs, prod);
    }
    for (; i < nb; i++) {
        const __m128 prod = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d)); // [d_w*d_a, m_w*s_a]
        acc0 = _mm256_fmadd_ps(_mm256_broadcastss_ps(prod), q5_1_block(&x[i], &y[i]), acc0);
        summs = _mm_add_ps(summs, prod);
    }
    summs = _mm_add_ps(summs, _mm_movehl_ps(summs, summs)); // lane 1 += lane 3
    return vp_avx2_hsum(_mm256_add_ps(acc0, acc1)) + _mm_cvtss_f32(_mm_movehdup_ps(summs));
}

#endif
