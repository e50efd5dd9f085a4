// f32 copies of the activation scales of up to 4 tokens, made once per chunk of a matrix product for the tiled
// kernels (see vp_tile_scales in dispatch.h for the layouts).
#include "blocks.h"
#include "ckernels.h"
#include "dispatch.h"
#include "half.h"

int vp_tile_scale_floats(int wtype) { return wtype == VP_Q8_0 ? 4 : 8; }

/// d (and, unless only_d, s = d·Σq) of activation block i of a row for weights of `wtype`.
static void block_scales(int wtype, const uint8_t *row, int64_t i, float *d, float *s) {
    if (wtype == VP_Q4_1) {
        const vp_block_q8_1 *y = (const vp_block_q8_1 *)row + i;
        *d = vp_half_to_float(y->d);
        *s = vp_half_to_float(y->s);
        return;
    }
    const vp_block_q8_0 *y = (const vp_block_q8_0 *)row + i;
    *d = vp_half_to_float(y->d);
    if (wtype == VP_Q4_0) {
        int sum = 0;
        for (int j = 0; j < VP_QK; j++) sum += y->qs[j];
        *s = *d * (float)sum;
    }
}

void vp_tile_scales(int wtype, int64_t nb, const void *act, size_t act_stride, int nt, float *scales) {
    const int per = vp_tile_scale_floats(wtype);
    float d, s = 0.0f;
    if (nt == 1) { // one token, densely: d (Q8_0 weights) or d, s pairs
        for (int64_t i = 0; i < nb; i++) {
            block_scales(wtype, act, i, &d, &s);
            if (per == 4) {
                scales[i] = d;
            } else {
                scales[2 * i] = d;
                scales[2 * i + 1] = s;
            }
        }
        return;
    }
    for (int64_t i = 0; i < nb; i++) {
        float *out = scales + per * i;
        for (int t = 0; t < 4; t++) {
            d = s = 0.0f;
            if (t < nt) block_scales(wtype, (const uint8_t *)act + (size_t)t * act_stride, i, &d, &s);
            out[t] = d;
            if (per == 8) out[4 + t] = s;
        }
    }
}
