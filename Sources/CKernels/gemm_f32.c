// Register-blocked f32 matrix product C = A·B (+ bias) with B packed in 16-column panels.
//
// The micro-kernel keeps a 6 × 16 tile of C in registers (twelve 8-float accumulators) and, for each step p of
// the inner dimension, broadcasts one element of six rows of A and multiplies it with sixteen packed elements
// of B. Every C element is one fused multiply-add chain over p = 0, 1, …, k−1 started from zero, whatever the
// tile, the edge handling, the cache blocking (a block's partial sums are stored and reloaded unchanged) or
// the split of columns across threads; the scalar path uses fmaf in the same order. So a row of C does not
// depend on the other rows of A, and both paths give the same bits.
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "avx2_helpers.h"
#include "ckernels.h"
#include "dispatch.h"

enum {
    MR = 6,    // rows of A (and C) per micro-tile
    NR = 16,   // columns of B (and C) per packed panel
    KC = 384,  // inner-dimension block: a 16 × 384 panel block (24 KiB) stays in L1
    MC = 96,   // rows of A per block (a 96 × 384 block of A, 144 KiB, stays in L2); a multiple of MR
};

/// c[MR×NR] = (c when `load`, else 0) + Σ_p a[i][p] · b[p·NR + j] over p < kc, one fused multiply-add at a time,
/// then + bias[j] when `bias` (NR floats) is not NULL.
typedef void (*tile_fn)(int64_t kc, const float *const *a, const float *b, float *c, size_t ldc, int load, const float *bias);

static void tile_scalar(int64_t kc, const float *const *a, const float *b, float *c, size_t ldc, int load, const float *bias) {
    float acc[MR][NR];
    for (int i = 0; i < MR; i++)
        for (int j = 0; j < NR; j++) acc[i][j] = load ? c[(size_t)i * ldc + (size_t)j] : 0.0f;
    for (int64_t p = 0; p < kc; p++) {
        const float *bp = b + p * NR;
        for (int i = 0; i < MR; i++) {
            const float x = a[i][p];
            for (int j = 0; j < NR; j++) acc[i][j] = fmaf(x, bp[j], acc[i][j]);
        }
    }
    if (bias)
        for (int i = 0; i < MR; i++)
            for (int j = 0; j < NR; j++) acc[i][j] += bias[j];
    for (int i = 0; i < MR; i++)
        for (int j = 0; j < NR; j++) c[(size_t)i * ldc + (size_t)j] = acc[i][j];
}

#if VP_X86
static VP_AVX2 void tile_avx2(int64_t kc, const float *const *a, const float *b, float *c, size_t ldc, int load, const float *bias) {
    const float *a0 = a[0], *a1 = a[1], *a2 = a[2], *a3 = a[3], *a4 = a[4], *a5 = a[5];
    __m256 c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
    if (load) {
        c00 = _mm256_loadu_ps(c), c01 = _mm256_loadu_ps(c + 8);
        c10 = _mm256_loadu_ps(c + ldc), c11 = _mm256_loadu_ps(c + ldc + 8);
        c20 = _mm256_loadu_ps(c + 2 * ldc), c21 = _mm256_loadu_ps(c + 2 * ldc + 8);
        c30 = _mm256_loadu_ps(c + 3 * ldc), c31 = _mm256_loadu_ps(c + 3 * ldc + 8);
        c40 = _mm256_loadu_ps(c + 4 * ldc), c41 = _mm256_loadu_ps(c + 4 * ldc + 8);
        c50 = _mm256_loadu_ps(c + 5 * ldc), c51 = _mm256_loadu_ps(c + 5 * ldc + 8);
    } else {
        c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = _mm256_setzero_ps();
    }
    for (int64_t p = 0; p < kc; p++) {
        const __m256 b0 = _mm256_loadu_ps(b + p * NR), b1 = _mm256_loadu_ps(b + p * NR + 8);
        __m256 x = _mm256_broadcast_ss(a0 + p);
        c00 = _mm256_fmadd_ps(x, b0, c00), c01 = _mm256_fmadd_ps(x, b1, c01);
        x = _mm256_broadcast_ss(a1 + p);
        c10 = _mm256_fmadd_ps(x, b0, c10), c11 = _mm256_fmadd_ps(x, b1, c11);
        x = _mm256_broadcast_ss(a2 + p);
        c20 = _mm256_fmadd_ps(x, b0, c20), c21 = _mm256_fmadd_ps(x, b1, c21);
        x = _mm256_broadcast_ss(a3 + p);
        c30 = _mm256_fmadd_ps(x, b0, c30), c31 = _mm256_fmadd_ps(x, b1, c31);
        x = _mm256_broadcast_ss(a4 + p);
        c40 = _mm256_fmadd_ps(x, b0, c40), c41 = _mm256_fmadd_ps(x, b1, c41);
        x = _mm256_broadcast_ss(a5 + p);
        c50 = _mm256_fmadd_ps(x, b0, c50), c51 = _mm256_fmadd_ps(x, b1, c51);
    }
    if (bias) {
        const __m256 b0 = _mm256_loadu_ps(bias), b1 = _mm256_loadu_ps(bias + 8);
        c00 = _mm256_add_ps(c00, b0), c01 = _mm256_add_ps(c01, b1), c10 = _mm256_add_ps(c10, b0), c11 = _mm256_add_ps(c11, b1);
        c20 = _mm256_add_ps(c20, b0), c21 = _mm256_add_ps(c21, b1), c30 = _mm256_add_ps(c30, b0), c31 = _mm256_add_ps(c31, b1);
        c40 = _mm256_add_ps(c40, b0), c41 = _mm256_add_ps(c41, b1), c50 = _mm256_add_ps(c50, b0), c51 = _mm256_add_ps(c51, b1);
    }
    _mm256_storeu_ps(c, c00), _mm256_storeu_ps(c + 8, c01);
    _mm256_storeu_ps(c + ldc, c10), _mm256_storeu_ps(c + ldc + 8, c11);
    _mm256_storeu_ps(c + 2 * ldc, c20), _mm256_storeu_ps(c + 2 * ldc + 8, c21);
    _mm256_storeu_ps(c + 3 * ldc, c30), _mm256_storeu_ps(c + 3 * ldc + 8, c31);
    _mm256_storeu_ps(c + 4 * ldc, c40), _mm256_storeu_ps(c + 4 * ldc + 8, c41);
    _mm256_storeu_ps(c + 5 * ldc, c50), _mm256_storeu_ps(c + 5 * ldc + 8, c51);
}
#endif

size_t vp_gemm_f32_packed_floats(int64_t k, int64_t n) {
    if (k <= 0 || n <= 0) return 0;
    return (size_t)((n + NR - 1) / NR) * NR * (size_t)k;
}

void vp_gemm_f32_pack(int64_t k, int64_t n, const float *b, size_t ldb, int b_transposed, float *packed) {
    if (k <= 0 || n <= 0) return;
    const int64_t panels = (n + NR - 1) / NR;
    for (int64_t q = 0; q < panels; q++) {
        float *dst = packed + (size_t)q * NR * (size_t)k;
        const int64_t j0 = q * NR, width = n - j0 < NR ? n - j0 : NR;
        for (int64_t p = 0; p < k; p++) {
            float *row = dst + p * NR;
            for (int64_t j = 0; j < width; j++)
                row[j] = b_transposed ? b[(size_t)(j0 + j) * ldb + (size_t)p] : b[(size_t)p * ldb + (size_t)(j0 + j)];
            for (int64_t j = width; j < NR; j++) row[j] = 0.0f;
        }
    }
}

void vp_gemm_f32_packed(int64_t m, int64_t k, const float *a, size_t lda, const float *packed, int64_t n,
                        int64_t col_begin, int64_t col_end, const float *bias, float *c, size_t ldc) {
    if (col_begin < 0) col_begin = 0;
    if (col_end > n) col_end = n;
    if (m <= 0 || k < 0 || col_begin >= col_end) return;
    if (k == 0) {
        for (int64_t i = 0; i < m; i++)
            for (int64_t j = col_begin; j < col_end; j++) c[(size_t)i * ldc + (size_t)j] = bias ? bias[j] : 0.0f;
        return;
    }
    tile_fn tile = tile_scalar;
#if VP_X86
    if (vp_use_avx2()) tile = tile_avx2;
#endif
    const int64_t first_panel = col_begin / NR, end_panel = (col_end + NR - 1) / NR;
    for (int64_t k0 = 0; k0 < k; k0 += KC) {
        const int64_t kc = k - k0 < KC ? k - k0 : KC;
        const int load = k0 > 0, last = k0 + kc == k;
        for (int64_t i0 = 0; i0 < m; i0 += MC) {
            const int64_t i1 = m - i0 < MC ? m : i0 + MC;
            for (int64_t q = first_panel; q < end_panel; q++) {
                const float *bp = packed + (size_t)q * NR * (size_t)k + (size_t)k0 * NR;
                const int64_t j0 = q * NR;
                const int64_t lo = j0 > col_begin ? j0 : col_begin, hi = j0 + NR < col_end ? j0 + NR : col_end;
                const int full_width = lo == j0 && hi == j0 + NR;
                // The bias is added once, after the last block of the inner dimension (padded for an edge panel).
                float bias_edge[NR] = {0};
                const float *bias_panel = NULL;
                if (bias && last) {
                    if (j0 + NR <= n) {
                        bias_panel = bias + j0;
                    } else {
                        for (int64_t j = j0; j < n; j++) bias_edge[j - j0] = bias[j];
                        bias_panel = bias_edge;
                    }
                }
                for (int64_t i = i0; i < i1; i += MR) {
                    const int rows = i1 - i < MR ? (int)(i1 - i) : MR;
                    // Missing rows of an edge tile repeat the last real row; their results are dropped.
                    const float *ap[MR];
                    for (int r = 0; r < MR; r++) ap[r] = a + (size_t)(i + (r < rows ? r : rows - 1)) * lda + (size_t)k0;
                    float *ct = c + (size_t)i * ldc + (size_t)j0;
                    if (rows == MR && full_width) {
                        tile(kc, ap, bp, ct, ldc, load, bias_panel);
                        continue;
                    }
                    float buffer[MR * NR] = {0};
                    if (load)
                        for (int r = 0; r < rows; r++)
                            memcpy(buffer + r * NR + (lo - j0), ct + (size_t)r * ldc + (size_t)(lo - j0), sizeof(float) * (size_t)(hi - lo));
                    tile(kc, ap, bp, buffer, NR, load, bias_panel);
                    for (int r = 0; r < rows; r++)
                        memcpy(ct + (size_t)r * ldc + (size_t)(lo - j0), buffer + r * NR + (lo - j0), sizeof(float) * (size_t)(hi - lo));
                }
            }
        }
    }
}

int vp_gemm_f32(int64_t m, int64_t n, int64_t k, const float *a, size_t lda, const float *b, size_t ldb, int b_transposed,
                const float *bias, float *c, size_t ldc) {
    if (m <= 0 || n <= 0 || k < 0) return 0;
    float *packed = NULL;
    if (k > 0) {
        packed = malloc(sizeof(float) * vp_gemm_f32_packed_floats(k, n));
        if (!packed) return -1;
        vp_gemm_f32_pack(k, n, b, ldb, b_transposed, packed);
    }
    vp_gemm_f32_packed(m, k, a, lda, packed, n, 0, n, bias, c, ldc);
    free(packed);
    return 0;
}
