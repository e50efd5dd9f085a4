// Matrix product of a row range of a weight matrix with a batch of activation rows.
#include <stdlib.h>

#include "ckernels.h"
#include "dispatch.h"

#define TILE 4    // tokens per weight-block unpack
#define CHUNK 64  // tokens per pass over the weight rows (their activations stay in L2)

/// Tiled path (Q4_0, Q4_1, Q8_0): rows outer, so a weight row is read once per chunk and stays in L1 while it
/// meets every token group; each weight block is unpacked once per group of up to 4 tokens.
static void matmul_tiled(vp_tile_fn tile, int wtype, int64_t n, const uint8_t *w, size_t row_bytes, const uint8_t *act,
                         size_t act_stride, float *y, size_t y_stride, int64_t row_begin, int64_t row_end, int64_t n_tok) {
    const int act_type = vp_vec_dot_type(wtype);
    const int64_t nb = n / vp_block_elements(wtype);
    const size_t per_group = (size_t)nb * (size_t)vp_tile_scale_floats(act_type);
    int64_t chunk = n_tok < CHUNK ? n_tok : CHUNK;
    float *scales = NULL;
    if (n_tok > 1) {
        scales = malloc(sizeof(float) * per_group * (size_t)((chunk + TILE - 1) / TILE));
        if (!scales) chunk = 1; // no memory for the f32 scales: one token at a time still works
    }
    for (int64_t t0 = 0; t0 < n_tok; t0 += chunk) {
        const int64_t tc = n_tok - t0 < chunk ? n_tok - t0 : chunk;
        if (scales) {
            for (int64_t g = 0; g * TILE < tc; g++) {
                const int nt = tc - g * TILE < TILE ? (int)(tc - g * TILE) : TILE;
                vp_tile_scales(act_type, nb, act + (size_t)(t0 + g * TILE) * act_stride, act_stride, nt,
                               scales + (size_t)g * per_group);
            }
        }
        for (int64_t r = row_begin; r < row_end; r++) {
            const uint8_t *wr = w + (size_t)r * row_bytes;
            for (int64_t g = 0; g * TILE < tc; g++) {
                const int nt = tc - g * TILE < TILE ? (int)(tc - g * TILE) : TILE;
                const int64_t t = t0 + g * TILE;
                float out[TILE];
                tile(n, wr, act + (size_t)t * act_stride, act_stride, nt, scales ? scales + (size_t)g * per_group : NULL, out);
                for (int k = 0; k < nt; k++) y[(size_t)(t + k) * y_stride + (size_t)r] = out[k];
            }
        }
    }
    free(scales);
}

void vp_matmul(int wtype, int64_t n, const void *w, const void *act, size_t act_stride, float *y, size_t y_stride,
               int64_t row_begin, int64_t row_end, int64_t n_tok) {
    const int64_t be = vp_block_elements(wtype);
    if (be == 0 || n <= 0 || n % be != 0 || row_begin < 0 || row_end <= row_begin || n_tok <= 0) return;
    const int avx2 = vp_use_avx2();
    const size_t row_bytes = vp_row_bytes(wtype, n);
    const vp_tile_fn tile = vp_select_tile(wtype, avx2);
    if (tile) {
        matmul_tiled(tile, wtype, n, w, row_bytes, act, act_stride, y, y_stride, row_begin, row_end, n_tok);
        return;
    }
    const vp_dot_fn dot = vp_select_dot(wtype, avx2);
    if (!dot) return;
    const uint8_t *a = act;
    for (int64_t r = row_begin; r < row_end; r++) {
        const uint8_t *wr = (const uint8_t *)w + (size_t)r * row_bytes;
        for (int64_t t = 0; t < n_tok; t++) y[(size_t)t * y_stride + (size_t)r] = dot(n, wr, a + (size_t)t * act_stride);
    }
}
