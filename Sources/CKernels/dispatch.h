#pragma once
// Internal kernel entry points and path selection. Every kernel has a portable `_scalar` version;
// on x86-64 most also have an `_avx2` version compiled for AVX2+FMA+F16C and used only when
// vp_use_avx2() says so.
#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__) || defined(__i386__)
#define VP_X86 1
#define VP_AVX2 __attribute__((target("avx2,fma,f16c")))
#else
#define VP_X86 0
#endif

/// Block i of activation row t, rows `stride` bytes apart from `act`.
#define VP_ACT_BLOCK(type, act, stride, t, i) ((const type *)((const uint8_t *)(act) + (size_t)(t) * (stride)) + (i))

/// 1 when the AVX2 kernels may be used on the calling thread (CPU support and no scalar override).
int vp_use_avx2(void);

/// Dot product of a weight row with an activation row in the weight type's vec_dot format.
typedef float (*vp_dot_fn)(int64_t n, const void *w, const void *act);

/// Dot products of rows [0, nrows) of a weight matrix (rows `row_bytes` apart from `w`) with `nt` (1...4)
/// activation rows `act_stride` bytes apart: y[t * y_stride + r] for t < nt. Each weight block is unpacked once
/// for all nt tokens, and each y is bitwise what the single-row dot product gives (the same operations in the
/// same order: the canonical order in avx2_helpers.h, or the scalar kernels' block loop). `scales` holds the
/// activation scales as prepared by vp_tile_scales (the scalar kernels ignore it; NULL is allowed for nt = 1).
typedef void (*vp_tile_fn)(int64_t n, const void *w, size_t row_bytes, int64_t nrows, const void *act, size_t act_stride,
                           int nt, const float *scales, float *y, size_t y_stride);

/// Floats per block that vp_tile_scales writes for 2...4 tokens and weights of `wtype` (Q8_0: 4; Q4_1: 8;
/// Q4_0: 12).
int vp_tile_scale_floats(int wtype);
/// Floats per block that vp_tile_scales writes for one token (Q8_0, Q4_0: 1; Q4_1: 2).
int vp_tile_scale_floats_one(int wtype);
/// Converts the scales of `nt` (1...4) activation rows for weights of `wtype` to f32 once, block by block:
/// d[4] for Q8_0 weights; d[4] then s[4] for Q4_1 (s from the Q8_1 block); d[4] then the i32 sums 8·Σq_a over
/// elements 0..15 of tokens 0..3, then over elements 16..31, for Q4_0 (bit patterns stored in the float array).
/// Lanes of missing tokens are 0. One token (nt = 1) is stored densely instead: d of block i at [i] (Q8_0, Q4_0
/// weights), or d and s of block i at [2i] and [2i + 1] (Q4_1).
void vp_tile_scales(int wtype, int64_t nb, const void *act, size_t act_stride, int nt, float *scales);

#define VP_DECLARE_DOT(name)                                                                       \
    float vp_dot_##name##_scalar(int64_t n, const void *w, const void *act);                      \
    float vp_dot_##name##_avx2(int64_t n, const void *w, const void *act);

#define VP_TILE_PARAMS                                                                             \
    int64_t n, const void *w, size_t row_bytes, int64_t nrows, const void *act, size_t act_stride, int nt, \
        const float *scales, float *y, size_t y_stride

#define VP_DECLARE_TILE(name)                                                                      \
    void vp_tile_##name##_scalar(VP_TILE_PARAMS);                                                  \
    void vp_tile_##name##_avx2(VP_TILE_PARAMS);

/// Defines vp_tile_<name>_<path> from a per-row kernel `row_fn(n, w_row, act, act_stride, nt, scales, out)`
/// that is inlined into the row loop, so constants stay in registers across rows.
#define VP_DEFINE_TILE(name, path, attributes, row_fn)                                             \
    attributes void vp_tile_##name##_##path(VP_TILE_PARAMS) {                                      \
        const uint8_t *row = (const uint8_t *)w;                                                   \
        for (int64_t r = 0; r < nrows; r++, row += row_bytes) {                                    \
            float out[4];                                                                          \
            row_fn(n, row, act, act_stride, nt, scales, out);                                      \
            for (int t = 0; t < nt; t++) y[(size_t)t * y_stride + (size_t)r] = out[t];             \
        }                                                                                          \
    }

VP_DECLARE_DOT(q4_0)
VP_DECLARE_DOT(q4_1)
VP_DECLARE_DOT(q5_0)
VP_DECLARE_DOT(q5_1)
VP_DECLARE_DOT(q8_0)
VP_DECLARE_DOT(q4_K)
VP_DECLARE_DOT(q5_K)
VP_DECLARE_DOT(q6_K)
VP_DECLARE_DOT(f32)
VP_DECLARE_DOT(f16)
VP_DECLARE_DOT(bf16)

VP_DECLARE_TILE(q4_0)
VP_DECLARE_TILE(q4_1)
VP_DECLARE_TILE(q8_0)

/// Activation quantisers (nb blocks from x); the AVX2 and scalar versions write identical bytes for finite input.
void vp_quantize_q8_0(const float *x, void *y, int64_t nb);
void vp_quantize_q8_1(const float *x, void *y, int64_t nb);
void vp_quantize_q8_K(const float *x, void *y, int64_t nb);

/// The dot kernel for weights of `type` on the current path, NULL if unsupported.
vp_dot_fn vp_select_dot(int type, int avx2);
/// The tiled kernel for weights of `type` on the current path, NULL if the type has none.
vp_tile_fn vp_select_tile(int type, int avx2);
