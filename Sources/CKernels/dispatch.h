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

/// 1 when the AVX2 kernels may be used on the calling thread (CPU support and no scalar override).
int vp_use_avx2(void);

/// Dot product of a weight row with an activation row in the weight type's vec_dot format.
typedef float (*vp_dot_fn)(int64_t n, const void *w, const void *act);

/// Dot products of one weight row with `nt` (1...4) activation rows `act_stride` bytes apart;
/// results in out[0..nt). Each weight block is unpacked once for all nt rows. For nt > 1 `scales` holds the
/// activation scales as prepared by vp_tile_scales (the scalar kernels ignore it; nt = 1 may pass NULL).
typedef void (*vp_tile_fn)(int64_t n, const void *w, const void *act, size_t act_stride, int nt, const float *scales,
                           float *out);

/// Floats per block that vp_tile_scales writes for activations of `act_type` (Q8_0: 4, Q8_1: 8).
int vp_tile_scale_floats(int act_type);
/// Converts the f16 scales of `nt` (1...4) activation rows to f32 once, block by block: Q8_0 -> d[4];
/// Q8_1 -> d[4] then s[4]. Lanes of missing tokens are 0.
void vp_tile_scales(int act_type, int64_t nb, const void *act, size_t act_stride, int nt, float *scales);

#define VP_DECLARE_DOT(name)                                                                       \
    float vp_dot_##name##_scalar(int64_t n, const void *w, const void *act);                      \
    float vp_dot_##name##_avx2(int64_t n, const void *w, const void *act);

#define VP_DECLARE_TILE(name)                                                                      \
    void vp_tile_##name##_scalar(int64_t n, const void *w, const void *act, size_t act_stride, int nt, \
                                 const float *scales, float *out);                                 \
    void vp_tile_##name##_avx2(int64_t n, const void *w, const void *act, size_t act_stride, int nt,   \
                               const float *scales, float *out);

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
