// Kernel selection per weight type and path, and the public single-row dot product.
#include "ckernels.h"
#include "dispatch.h"

#if VP_X86
#define PICK(name) (avx2 ? vp_dot_##name##_avx2 : vp_dot_##name##_scalar)
#define PICK_TILE(name) (avx2 ? vp_tile_##name##_avx2 : vp_tile_##name##_scalar)
#else
#define PICK(name) ((void)avx2, vp_dot_##name##_scalar)
#define PICK_TILE(name) ((void)avx2, vp_tile_##name##_scalar)
#endif

vp_dot_fn vp_select_dot(int type, int avx2) {
    switch (type) {
    case VP_F32: return PICK(f32);
    case VP_F16: return PICK(f16);
    case VP_BF16: return PICK(bf16);
    case VP_Q4_0: return PICK(q4_0);
    case VP_Q4_1: return PICK(q4_1);
    case VP_Q5_0: return PICK(q5_0);
    case VP_Q5_1: return PICK(q5_1);
    case VP_Q8_0: return PICK(q8_0);
    case VP_Q4_K: return PICK(q4_K);
    case VP_Q5_K: return PICK(q5_K);
    case VP_Q6_K: return PICK(q6_K);
    default: return 0;
    }
}

vp_tile_fn vp_select_tile(int type, int avx2) {
    switch (type) {
    case VP_Q4_0: return PICK_TILE(q4_0);
    case VP_Q4_1: return PICK_TILE(q4_1);
    case VP_Q8_0: return PICK_TILE(q8_0);
    default: return 0;
    }
}

float vp_vec_dot(int wtype, int64_t n, const void *w_row, const void *act_row) {
    const int64_t be = vp_block_elements(wtype);
    if (be == 0 || n <= 0 || n % be != 0) return 0.0f;
    const vp_dot_fn dot = vp_select_dot(wtype, vp_use_avx2());
    return dot ? dot(n, w_row, act_row) : 0.0f;
}
