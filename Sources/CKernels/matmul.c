// Matrix product of a row range of a weight matrix with a batch of activation rows.
#include "ckernels.h"
#include "dispatch.h"

#define TILE 4

void vp_matmul(int wtype, int64_t n, const void *w, const void *act, size_t act_stride, float *y, size_t y_stride,
               int64_t row_begin, int64_t row_end, int64_t n_tok) {
    const int64_t be = vp_block_elements(wtype);
    if (be == 0 || n <= 0 || n % be != 0 || row_begin < 0 || row_end <= row_begin || n_tok <= 0) return;
    const int avx2 = vp_use_avx2();
    const size_t row_bytes = vp_row_bytes(wtype, n);
    const uint8_t *a = act;
    const vp_tile_fn tile = vp_select_tile(wtype, avx2);
    if (tile) {
        // Rows outer: a weight row is read from memory once and stays in L1 while it meets every token.
        for (int64_t r = row_begin; r < row_end; r++) {
            const uint8_t *wr = (const uint8_t *)w + (size_t)r * row_bytes;
            for (int64_t t0 = 0; t0 < n_tok; t0 += TILE) {
                const int nt = n_tok - t0 < TILE ? (int)(n_tok - t0) : TILE;
                float out[TILE];
                tile(n, wr, a + (size_t)t0 * act_stride, act_stride, nt, out);
                for (int k = 0; k < nt; k++) y[(size_t)(t0 + k) * y_stride + (size_t)r] = out[k];
            }
        }
        return;
    }
    const vp_dot_fn dot = vp_select_dot(wtype, avx2);
    if (!dot) return;
    for (int64_t r = row_begin; r < row_end; r++) {
        const uint8_t *wr = (const uint8_t *)w + (size_t)r * row_bytes;
        for (int64_t t = 0; t < n_tok; t++) y[(size_t)t * y_stride + (size_t)r] = dot(n, wr, a + (size_t)t * act_stride);
    }
}
