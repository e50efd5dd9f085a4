// Matrix product of a row range of a weight matrix with a batch of activation rows.
#include <stdlib.h>

#include "ckernels.h"
#include "dispatch.h"

#define TILE 4       // tokens per weight-block unpack
#define CHUNK 64     // tokens per pass over the weight rows (their activations stay in L2)
#define ROW_BLOCK 16 // weight rows kept in L1 while every token group of a chunk meets them

/// Tiled path (Q4_0, Q4_1, Q8_0). Activation scales are converted to f32 once per chunk of tokens; then each
/// block of weight rows meets every group of up to 4 tokens, each weight block unpacked once per group. How tokens
/// are grouped never changes a result: the tile kernels compute each token exactly as the single-row dot does.
static void matmul_tiled(vp_tile_fn tile, int wtype, int64_t n, const uint8_t *w, size_t row_bytes, const uint8_t *act,
                         size_t act_stride, float *y, size_t y_stride, int64_t row_begin, int64_t row_end, int64_t n_tok) {
    const int64_t nb = n / vp_block_elements(wtype);
    const size_t per_group = (size_t)nb * (size_t)vp_tile_scale_floats(wtype);
    int64_t chunk = n_tok < CHUNK ? n_tok : CHUNK;
    float one_token[512]; // one token of up to 8192 columns fits on the stack: no allocation when decoding
    float *scales = one_token;
    const size_t need = chunk == 1 ? (size_t)nb * (size_t)vp_tile_scale_floats_one(wtype)
                                   : per_group * (size_t)((chunk + TILE - 1) / TILE);
    if (need > sizeof one_token / sizeof(float)) {
        scales = malloc(sizeof(float) * need);
        if (!scales) chunk = 1; // no memory for the f32 scales: one token at a time without them still works
    }
    const int64_t rows = row_end - row_begin;
    const uint8_t *w0 = w + (size_t)row_begin * row_bytes;
    for (int64_t t0 = 0; t0 < n_tok; t0 += chunk) {
        const int64_t tc = n_tok - t0 < chunk ? n_tok - t0 : chunk;
        const int64_t groups = (tc + TILE - 1) / TILE;
        for (int64_t g = 0; g < groups && scales; g++) {
            const int nt = tc - g * TILE < TILE ? (int)(tc - g * TILE) : TILE;
            vp_tile_scales(wtype, nb, act + (size_t)(t0 + g * TILE) * act_stride, act_stride, nt,
                           scales + (size_t)g * per_group);
        }
        const int64_t row_block = groups == 1 ? rows : ROW_BLOCK; // one group: no reuse to arrange
        for (int64_t r0 = 0; r0 < rows; r0 += row_block) {
            const int64_t nr = rows - r0 < row_block ? rows - r0 : row_block;
            for (int64_t g = 0; g < groups; g++) {
                const int nt = tc - g * TILE < TILE ? (int)(tc - g * TILE) : TILE;
                const int64_t t = t0 + g * TILE;
                tile(n, w0 + (size_t)r0 * row_bytes, row_bytes, nr, act + (size_t)t * act_stride, act_stride, nt,
                     scales ? scales + (size_t)g * per_group : NULL, y + (size_t)t * y_stride + (size_t)(row_begin + r0),
                     y_stride);
            }
        }
    }
    if (scales != one_token) free(scales);
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
