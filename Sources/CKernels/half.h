#pragma once
// Portable scalar conversions between f32 and the 16-bit float formats (IEEE binary16, bfloat16).
#include <stdint.h>
#include <string.h>

static inline float vp_bits_to_f32(uint32_t u) {
    float f;
    memcpy(&f, &u, 4);
    return f;
}

static inline uint32_t vp_f32_to_bits(float f) {
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

/// Reads a u16 from a possibly unaligned address.
static inline uint16_t vp_load_u16(const void *p) {
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

/// binary16 -> f32, exact (subnormals, infinities and NaNs included).
static inline float vp_half_to_float(uint16_t h) {
    const uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    const uint32_t exp = (h >> 10) & 0x1Fu;
    const uint32_t man = h & 0x3FFu;
    if (exp == 0x1F) return vp_bits_to_f32(sign | 0x7F800000u | (man << 13));
    if (exp == 0) {
        const float v = (float)man * 0x1p-24f; // subnormal or zero: exact
        return vp_bits_to_f32(sign | vp_f32_to_bits(v));
    }
    return vp_bits_to_f32(sign | ((exp + 112u) << 23) | (man << 13));
}

/// f32 -> binary16, round to nearest even; overflow gives infinity, NaN stays a (quiet) NaN.
static inline uint16_t vp_float_to_half(float f) {
    uint32_t x = vp_f32_to_bits(f);
    const uint16_t sign = (uint16_t)((x >> 16) & 0x8000u);
    x &= 0x7FFFFFFFu;
    if (x >= 0x7F800000u) return (uint16_t)(sign | (x > 0x7F800000u ? 0x7E00u : 0x7C00u));
    if (x >= 0x47800000u) return (uint16_t)(sign | 0x7C00u); // >= 65536: infinity
    if (x < 0x38800000u) {
        // Below the smallest normal half: adding 0.5 aligns the value so that the FPU's
        // round-to-nearest-even lands on a multiple of 2^-24, the subnormal step.
        const float v = vp_bits_to_f32(x) + 0.5f;
        return (uint16_t)(sign | (vp_f32_to_bits(v) - 0x3F000000u));
    }
    const uint32_t odd = (x >> 13) & 1u;
    x += 0xC8000000u + 0xFFFu + odd; // rebias exponent (127 -> 15) and round to nearest even
    return (uint16_t)(sign | (x >> 13));
}

/// bfloat16 -> f32 (the 16 bits become the high half).
static inline float vp_bfloat_to_float(uint16_t h) { return vp_bits_to_f32((uint32_t)h << 16); }

/// f32 -> bfloat16, round to nearest even; NaN stays a quiet NaN.
static inline uint16_t vp_float_to_bfloat(float f) {
    const uint32_t x = vp_f32_to_bits(f);
    if ((x & 0x7FFFFFFFu) > 0x7F800000u) return (uint16_t)((x >> 16) | 0x40u);
    return (uint16_t)((x + 0x7FFFu + ((x >> 16) & 1u)) >> 16);
}
