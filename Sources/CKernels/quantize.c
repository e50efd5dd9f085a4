// Row quantisers: f32 -> F16/BF16/Q4_0/Q4_1/Q5_0/Q5_1 (ggml's reference formulas), and the public entry point
// (the activation formats Q8_0/Q8_1/Q8_K live in quantize_q8.c).
#include <math.h>
#include <string.h>

#include "blocks.h"
#include "ckernels.h"
#include "dispatch.h"
#include "half.h"

// Keep a*b+c as two rounded operations on every target so results match the reference formulas bit for bit.
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

/// Truncates toward zero and clamps to [lo, hi]; NaN gives 0 (no undefined float->int conversions).
static inline int trunc_clamp(float v, int lo, int hi) {
    if (v != v) return 0;
    if (v <= (float)lo) return lo;
    if (v >= (float)hi) return hi;
    return (int)v;
}

/// Index of the element of largest magnitude (the first one on ties).
static int argmax_abs(const float *x, int n) {
    int best = 0;
    float amax = 0.0f;
    for (int j = 0; j < n; j++) {
        const float a = fabsf(x[j]);
        if (a > amax) {
            amax = a;
            best = j;
        }
    }
    return best;
}

static void quant_q4_0(const float *x, vp_block_q4_0 *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, x += VP_QK) {
        const float max = x[argmax_abs(x, VP_QK)];
        const float d = max / -8.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        y[i].d = vp_float_to_half(d);
        for (int j = 0; j < 16; j++) {
            const int lo = trunc_clamp(x[j] * id + 8.5f, 0, 15);
            const int hi = trunc_clamp(x[j + 16] * id + 8.5f, 0, 15);
            y[i].qs[j] = (uint8_t)(lo | (hi << 4));
        }
    }
}

static void quant_q4_1(const float *x, vp_block_q4_1 *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, x += VP_QK) {
        float min = x[0], max = x[0];
        for (int j = 1; j < VP_QK; j++) {
            min = fminf(min, x[j]);
            max = fmaxf(max, x[j]);
        }
        const float d = (max - min) / 15.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        y[i].d = vp_float_to_half(d);
        y[i].m = vp_float_to_half(min);
        for (int j = 0; j < 16; j++) {
            const int lo = trunc_clamp((x[j] - min) * id + 0.5f, 0, 15);
            const int hi = trunc_clamp((x[j + 16] - min) * id + 0.5f, 0, 15);
            y[i].qs[j] = (uint8_t)(lo | (hi << 4));
        }
    }
}

static void quant_q5_0(const float *x, vp_block_q5_0 *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, x += VP_QK) {
        const float max = x[argmax_abs(x, VP_QK)];
        const float d = max / -16.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        uint32_t qh = 0;
        y[i].d = vp_float_to_half(d);
        for (int j = 0; j < 16; j++) {
            const int lo = trunc_clamp(x[j] * id + 16.5f, 0, 31);
            const int hi = trunc_clamp(x[j + 16] * id + 16.5f, 0, 31);
            y[i].qs[j] = (uint8_t)((lo & 0x0F) | ((hi & 0x0F) << 4));
            qh |= (uint32_t)((lo >> 4) & 1) << j;
            qh |= (uint32_t)((hi >> 4) & 1) << (j + 16);
        }
        for (int k = 0; k < 4; k++) y[i].qh[k] = (uint8_t)(qh >> (8 * k));
    }
}

static void quant_q5_1(const float *x, vp_block_q5_1 *y, int64_t nb) {
    for (int64_t i = 0; i < nb; i++, x += VP_QK) {
        float min = x[0], max = x[0];
        for (int j = 1; j < VP_QK; j++) {
            min = fminf(min, x[j]);
            max = fmaxf(max, x[j]);
        }
        const float d = (max - min) / 31.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        uint32_t qh = 0;
        y[i].d = vp_float_to_half(d);
        y[i].m = vp_float_to_half(min);
        for (int j = 0; j < 16; j++) {
            const int lo = trunc_clamp((x[j] - min) * id + 0.5f, 0, 31);
            const int hi = trunc_clamp((x[j + 16] - min) * id + 0.5f, 0, 31);
            y[i].qs[j] = (uint8_t)((lo & 0x0F) | ((hi & 0x0F) << 4));
            qh |= (uint32_t)((lo >> 4) & 1) << j;
            qh |= (uint32_t)((hi >> 4) & 1) << (j + 16);
        }
        for (int k = 0; k < 4; k++) y[i].qh[k] = (uint8_t)(qh >> (8 * k));
    }
}

int vp_quantize_row(int type, const float *src, void *dst, int64_t n) {
    const int64_t be = vp_block_elements(type);
    if (be == 0 || n < 0 || n % be != 0) return -1;
    const int64_t nb = n / be;
    switch (type) {
    case VP_F32: memmove(dst, src, (size_t)n * 4); return 0;
    case VP_F16: {
        uint8_t *h = dst;
        for (int64_t i = 0; i < n; i++) {
            const uint16_t v = vp_float_to_half(src[i]);
            memcpy(h + 2 * i, &v, 2);
        }
        return 0;
    }
    case VP_BF16: {
        uint8_t *h = dst;
        for (int64_t i = 0; i < n; i++) {
            const uint16_t v = vp_float_to_bfloat(src[i]);
            memcpy(h + 2 * i, &v, 2);
        }
        return 0;
    }
    case VP_Q4_0: quant_q4_0(src, dst, nb); return 0;
    case VP_Q4_1: quant_q4_1(src, dst, nb); return 0;
    case VP_Q5_0: quant_q5_0(src, dst, nb); return 0;
    case VP_Q5_1: quant_q5_1(src, dst, nb); return 0;
    case VP_Q8_0: vp_quantize_q8_0(src, dst, nb); return 0;
    case VP_Q8_1: vp_quantize_q8_1(src, dst, nb); return 0;
    case VP_Q8_K: vp_quantize_q8_K(src, dst, nb); return 0;
    default: return -1;
    }
}
