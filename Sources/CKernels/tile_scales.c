// f32 copies of the activation scales of up to 4 tokens, made once per matmul call for the tiled kernels.
#include "blocks.h"
#include "ckernels.h"
#include "dispatch.h"
#include "half.h"

int vp_tile_scale_floats(int act_type) { return act_type == VP_Q8_1 ? 8 : 4; }

void vp_tile_scales(int act_type, int64_t nb, const void *act, size_t act_stride, int nt, float *scales) {
    const int per = vp_tile_scale_floats(act_type);
    for (int64_t i = 0; i < nb; i++) {
        float *s = scales + per * i;
        for (int t = 0; t < 4; t++) {
            s[t] = 0.0f;
            if (per == 8) s[4 + t] = 0.0f;
            if (t >= nt) continue;
            const uint8_t *row = (const uint8_t *)act + (size_t)t * act_stride;
            if (act_type == VP_Q8_1) {
                const vp_block_q8_1 *y = (const vp_block_q8_1 *)row + i;
                s[t] = vp_half_to_float(y->d);
                s[4 + t] = vp_half_to_float(y->s);
            } else {
                const vp_block_q8_0 *y = (const vp_block_q8_0 *)row + i;
                s[t] = vp_half_to_float(y->d);
            }
        }
    }
}
