// Block sizes and per-type capabilities.
#include "ckernels.h"

int64_t vp_block_elements(int type) {
    switch (type) {
    case VP_F32: case VP_F16: case VP_BF16: return 1;
    case VP_Q4_0: case VP_Q4_1: case VP_Q5_0: case VP_Q5_1: case VP_Q8_0: case VP_Q8_1: return 32;
    case VP_Q4_K: case VP_Q5_K: case VP_Q6_K: case VP_Q8_K: return 256;
    default: return 0;
    }
}

int64_t vp_block_bytes(int type) {
    switch (type) {
    case VP_F32: return 4;
    case VP_F16: case VP_BF16: return 2;
    case VP_Q4_0: return 18;
    case VP_Q4_1: return 20;
    case VP_Q5_0: return 22;
    case VP_Q5_1: return 24;
    case VP_Q8_0: return 34;
    case VP_Q8_1: return 36;
    case VP_Q4_K: return 144;
    case VP_Q5_K: return 176;
    case VP_Q6_K: return 210;
    case VP_Q8_K: return 292;
    default: return 0;
    }
}

size_t vp_row_bytes(int type, int64_t n) {
    const int64_t be = vp_block_elements(type);
    if (be == 0 || n < 0) return 0;
    return (size_t)((n / be) * vp_block_bytes(type));
}

int vp_vec_dot_type(int type) {
    switch (type) {
    case VP_F32: case VP_F16: case VP_BF16: return VP_F32;
    case VP_Q4_0: case VP_Q5_0: case VP_Q8_0: return VP_Q8_0;
    case VP_Q4_1: case VP_Q5_1: return VP_Q8_1;
    case VP_Q4_K: case VP_Q5_K: case VP_Q6_K: return VP_Q8_K;
    default: return -1;
    }
}

int vp_is_supported(int type) { return vp_vec_dot_type(type) >= 0; }
