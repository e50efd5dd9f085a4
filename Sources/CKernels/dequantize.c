// Row dequantisation of every supported block format into f32 (scalar; memory-bound and off the hot path).
#include <string.h>

#include "blocks.h"
#include "ckernels.h"
#include "half.h"

// Keep a*b+c as two rounded operations on every target so results match the reference formulas bit for bit.
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

static void dequant_q4_0(const vp_block_q4_0 *x, float *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, y += VP_QK) {
        const float d = vp_half_to_float(x[i].d);
        for (int j = 0; j < 16; j++) {
            y[j] = (float)((x[i].qs[j] & 0x0F) - 8) * d;
            y[j + 16] = (float)((x[i].qs[j] >> 4) - 8) * d;
        }
    }
}

static void dequant_q4_1(const vp_block_q4_1 *x, float *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, y += VP_QK) {
        const float d = vp_half_to_float(x[i].d), m = vp_half_to_float(x[i].m);
        for (int j = 0; j < 16; j++) {
            y[j] = (float)(x[i].qs[j] & 0x0F) * d + m;
            y[j + 16] = (float)(x[i].qs[j] >> 4) * d + m;
        }
    }
}

static void dequant_q5_0(const vp_block_q5_0 *x, float *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, y += VP_QK) {
        const float d = vp_half_to_float(x[i].d);
        const uint32_t qh = vp_load_u32le(x[i].qh);
        for (int j = 0; j < 16; j++) {
            const int lo = (x[i].qs[j] & 0x0F) | (int)(((qh >> j) & 1u) << 4);
            const int hi = (x[i].qs[j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4);
            y[j] = (float)(lo - 16) * d;
            y[j + 16] = (float)(hi - 16) * d;
        }
    }
}

static void dequant_q5_1(const vp_block_q5_1 *x, float *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, y += VP_QK) {
        const float d = vp_half_to_float(x[i].d), m = vp_half_to_float(x[i].m);
        const uint32_t qh = vp_load_u32le(x[i].qh);
        for (int j = 0; j < 16; j++) {
            const int lo = (x[i].qs[j] & 0x0F) | (int)(((qh >> j) & 1u) << 4);
            const int hi = (x[i].qs[j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4);
            y[j] = (float)lo * d + m;
            y[j + 16] = (float)hi * d + m;
        }
    }
}

static void dequant_q8_0(const vp_block_q8_0 *x, float *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, y += VP_QK) {
        const float d = vp_half_to_float(x[i].d);
        for (int j = 0; j < VP_QK; j++) y[j] = (float)x[i].qs[j] * d;
    }
}

static void dequant_q8_1(const vp_block_q8_1 *x, float *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, y += VP_QK) {
        const float d = vp_half_to_float(x[i].d);
        for (int j = 0; j < VP_QK; j++) y[j] = (float)x[i].qs[j] * d;
    }
}

static void dequant_q4_K(const vp_block_q4_K *x, float *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++) {
        const float d = vp_half_to_float(x[i].d), dmin = vp_half_to_float(x[i].dmin);
        uint8_t sc[8], mn[8];
        vp_unpack_k_scales(x[i].scales, sc, mn);
        for (int g = 0; g < 4; g++, y += 64) {
            const uint8_t *q = x[i].qs + 32 * g;
            const float d1 = d * sc[2 * g], m1 = dmin * mn[2 * g];
            const float d2 = d * sc[2 * g + 1], m2 = dmin * mn[2 * g + 1];
            for (int l = 0; l < 32; l++) {
                y[l] = d1 * (float)(q[l] & 0x0F) - m1;
                y[l + 32] = d2 * (float)(q[l] >> 4) - m2;
            }
        }
    }
}

static void dequant_q5_K(const vp_block_q5_K *x, float *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++) {
        const float d = vp_half_to_float(x[i].d), dmin = vp_half_to_float(x[i].dmin);
        uint8_t sc[8], mn[8];
        vp_unpack_k_scales(x[i].scales, sc, mn);
        for (int g = 0; g < 4; g++, y += 64) {
            const uint8_t *q = x[i].qs + 32 * g;
            const float d1 = d * sc[2 * g], m1 = dmin * mn[2 * g];
            const float d2 = d * sc[2 * g + 1], m2 = dmin * mn[2 * g + 1];
            for (int l = 0; l < 32; l++) {
                const int lo = (q[l] & 0x0F) + (((x[i].qh[l] >> (2 * g)) & 1) << 4);
                const int hi = (q[l] >> 4) + (((x[i].qh[l] >> (2 * g + 1)) & 1) << 4);
                y[l] = d1 * (float)lo - m1;
                y[l + 32] = d2 * (float)hi - m2;
            }
        }
    }
}

static void dequant_q6_K(const vp_block_q6_K *x, float *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++) {
        const float d = vp_half_to_float(x[i].d);
        for (int h = 0; h < 2; h++, y += 128) {
            const uint8_t *ql = x[i].ql + 64 * h;
            const uint8_t *qh = x[i].qh + 32 * h;
            const int8_t *sc = x[i].scales + 8 * h;
            for (int l = 0; l < 32; l++) {
                const int q0 = ((ql[l] & 0x0F) | (((qh[l] >> 0) & 3) << 4)) - 32;
                const int q1 = ((ql[l + 32] & 0x0F) | (((qh[l] >> 2) & 3) << 4)) - 32;
                const int q2 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                const int q3 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                const int is = l / 16;
                y[l] = d * (float)sc[is + 0] * (float)q0;
                y[l + 32] = d * (float)sc[is + 2] * (float)q1;
                y[l + 64] = d * (float)sc[is + 4] * (float)q2;
                y[l + 96] = d * (float)sc[is + 6] * (float)q3;
            }
        }
    }
}

static void dequant_q8_K(const vp_block_q8_K *x, float *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, y += VP_QK_K) {
        float d;
        memcpy(&d, &x[i].d, 4);
        for (int j = 0; j < VP_QK_K; j++) y[j] = (float)x[i].qs[j] * d;
    }
}

void vp_dequantize_row(int type, const void *src, float *dst, int64_t n) {
    const int64_t be = vp_block_elements(type);
    if (be == 0 || n <= 0 || n % be != 0) return;
    const int64_t nb = n / be;
    switch (type) {
    case VP_F32: memcpy(dst, src, (size_t)n * 4); break;
    case VP_F16: {
        const uint8_t *h = src;
        for (int64_t i = 0; i < n; i++) dst[i] = vp_half_to_float(vp_load_u16(h + 2 * i));
        break;
    }
    case VP_BF16: {
        const uint8_t *h = src;
        for (int64_t i = 0; i < n; i++) dst[i] = vp_bfloat_to_float(vp_load_u16(h + 2 * i));
        break;
    }
    case VP_Q4_0: dequant_q4_0(src, dst, nb); break;
    case VP_Q4_1: dequant_q4_1(src, dst, nb); break;
    case VP_Q5_0: dequant_q5_0(src, dst, nb); break;
    case VP_Q5_1: dequant_q5_1(src, dst, nb); break;
    case VP_Q8_0: dequant_q8_0(src, dst, nb); break;
    case VP_Q8_1: dequant_q8_1(src, dst, nb); break;
    case VP_Q4_K: dequant_q4_K(src, dst, nb); break;
    case VP_Q5_K: dequant_q5_K(src, dst, nb); break;
    case VP_Q6_K: dequant_q6_K(src, dst, nb); break;
    case VP_Q8_K: dequant_q8_K(src, dst, nb); break;
    default: break;
    }
}
