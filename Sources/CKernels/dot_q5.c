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

VP_AVX2 float vp_dot_q5_0_avx2(int64_t n, const void *w, const void *act) {
    const vp_block_q5_0 *x = w;
    const vp_block_q8_0 *y = act;
    __m256 acc = _mm256_setzero_ps();
    for (int64_t i = 0; i < n / VP_QK; i++) {
        // value - 16 as a signed byte: the nibble when the fifth bit is set, else nibble | 0xF0.
        const __m256i high = _mm256_andnot_si256(vp_avx2_bits_to_bytes(vp_load_u32le(x[i].qh)), _mm256_set1_epi8((char)0xF0));
        const __m256i qx = _mm256_or_si256(vp_avx2_nibbles(x[i].qs), high);
        const __m256i qy = _mm256_loadu_si256((const __m256i *)y[i].qs);
        const __m256 p = _mm256_cvtepi32_ps(vp_avx2_dot_s8s8(qx, qy));
        const __m128 d = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d)); // lane 0: d_w * d_a
        acc = _mm256_fmadd_ps(_mm256_broadcastss_ps(d), p, acc);
    }
    return vp_avx2_hsum(acc);
}

VP_AVX2 float vp_dot_q5_1_avx2(int64_t n, const void *w, const void *act) {
    const vp_block_q5_1 *x = w;
    const vp_block_q8_1 *y = act;
    __m256 acc = _mm256_setzero_ps();
    __m128 summs = _mm_setzero_ps(); // lane 1 accumulates m_w * s_a
    for (int64_t i = 0; i < n / VP_QK; i++) {
        const __m256i high = _mm256_and_si256(vp_avx2_bits_to_bytes(vp_load_u32le(x[i].qh)), _mm256_set1_epi8(0x10));
        const __m256i qx = _mm256_or_si256(vp_avx2_nibbles(x[i].qs), high);
        const __m256i qy = _mm256_loadu_si256((const __m256i *)y[i].qs);
        const __m256 p = _mm256_cvtepi32_ps(vp_avx2_dot_u8s8(qx, qy));
        const __m128 prod = _mm_mul_ps(vp_avx2_h2f_pair(&x[i].d), vp_avx2_h2f_pair(&y[i].d)); // [d_w*d_a, m_w*s_a]
        acc = _mm256_fmadd_ps(_mm256_broadcastss_ps(prod), p, acc);
        summs = _mm_add_ps(summs, prod);
    }
    return vp_avx2_hsum(acc) + _mm_cvtss_f32(_mm_movehdup_ps(summs));
}

#endif
