// Public f16/bf16 <-> f32 conversions (thin wrappers over half.h).
#include "ckernels.h"
#include "half.h"

float vp_f16_to_f32(uint16_t h) { return vp_half_to_float(h); }
uint16_t vp_f32_to_f16(float f) { return vp_float_to_half(f); }
float vp_bf16_to_f32(uint16_t h) { return vp_bfloat_to_float(h); }
uint16_t vp_f32_to_bf16(float f) { return vp_float_to_bfloat(f); }
