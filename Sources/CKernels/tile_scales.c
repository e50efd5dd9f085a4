// f32 copies of the activation scales of up to 4 tokens, made once per chunk of a matrix product for the tiled
// kernels (see vp_tile_scales in dispatch.h for the layouts).
#include <string.h>

#include "blocks.h"
#include "ckernels.h"
#include "dispatch.h"
#include "half.h"

int vp_tile_scale_floats(int wtype) { return wtype == VP_Q8_0 ? 4 : wtype == VP_Q4_1 ? 8 : 12; }

int vp_tile_scale_floats_one(int wtype) { return wtype == VP_Q4_1 ? 2 : 1; }

/// 8·Σq_a over elements 0..15 and 16..31 of a Q8_0 activation block.
static void half_sums(const vp_block_q8_0 *y, int32_t *lo, int32_t *hi) {
    int32_t a = 0, b = 0;
    for (int j = 0; j < VP_QK / 2; j++) {
        a += y->qs[j];
        b += y->qs[j + VP_QK / 2];
    }
    *lo = 8 * a;
    *hi = 8 * b;
}

void vp_tile_scales(int wtype, int64_t nb, const void *act, size_t act_stride, int nt, float *scales) {
    if (nt == 1) { // one token, densely: d (Q8_0, Q4_0 weights) or d, s pairs (Q4_1)
        for (int64_t i = 0; i < nb; i++) {
            if (wtype == VP_Q4_1) {
                const vp_block_q8_1 *y = (const vp_block_q8_1 *)act + i;
                scales[2 * i] = vp_half_to_float(y->d);
                scales[2 * i + 1] = vp_half_to_float(y->s);
            } else {
                scales[i] = vp_half_to_float(((const vp_block_q8_0 *)act + i)->d);
            }
        }
        return;
    }
    const int per = vp_tile_scale_floats(wtype);
    for (int64_t i = 0; i < nb; i++) {
        float *out = scales + per * i;
        for (int t = 0; t < 4; t++) {
            const uint8_t *row = (const uint8_t *)act + (size_t)t * act_stride;
            float d = 0.0f, s = 0.0f;
            int32_t lo = 0, hi = 0;
            if (t < nt && wtype == VP_Q4_1) {
                const vp_block_q8_1 *y = (const vp_block_q8_1 *)row + i;
                d = vp_half_to_float(y->d);
                s = vp_half_to_float(y->s);
            } else if (t < nt) {
                const vp_block_q8_0 *y = (const vp_block_q8_0 *)row + i;
                d = vp_half_to_float(y->d);
                if (wtype == VP_Q4_0) half_sums(y, &lo, &hi);
            }
            out[t] = d;
            if (wtype == VP_Q4_1) out[4 + t] = s;
            if (wtype == VP_Q4_0) { // i32 bit patterns in the float array
                memcpy(out + 4 + t, &lo, 4);
                memcpy(out + 8 + t, &hi, 4);
            }
        }
    }
}
