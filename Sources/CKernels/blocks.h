#pragma once
// ggml block layouts (engine reference, section 3). Structs are packed so that rows at any byte offset
// can be read through them; on x86 unaligned loads cost nothing.
#include <stdint.h>

#define VP_QK 32    // elements per block of the 32-element formats
#define VP_QK_K 256 // elements per super-block of the k-quants

typedef struct __attribute__((packed)) {
    uint16_t d;           // f16 scale
    uint8_t qs[VP_QK / 2]; // element j: low nibble of qs[j]; element j+16: high nibble of qs[j]
} vp_block_q4_0;

typedef struct __attribute__((packed)) {
    uint16_t d, m;         // f16 scale and minimum
    uint8_t qs[VP_QK / 2];
} vp_block_q4_1;

typedef struct __attribute__((packed)) {
    uint16_t d;
    uint8_t qh[4];         // LE u32: bit j is the fifth bit of element j
    uint8_t qs[VP_QK / 2];
} vp_block_q5_0;

typedef struct __attribute__((packed)) {
    uint16_t d, m;
    uint8_t qh[4];
    uint8_t qs[VP_QK / 2];
} vp_block_q5_1;

typedef struct __attribute__((packed)) {
    uint16_t d;
    int8_t qs[VP_QK];
} vp_block_q8_0;

typedef struct __attribute__((packed)) {
    uint16_t d, s;         // f16 scale and s = d * sum(qs)
    int8_t qs[VP_QK];
} vp_block_q8_1;

typedef struct __attribute__((packed)) {
    uint16_t d, dmin;
    uint8_t scales[12];    // 8 six-bit scales and 8 six-bit mins
    uint8_t qs[VP_QK_K / 2];
} vp_block_q4_K;

typedef struct __attribute__((packed)) {
    uint16_t d, dmin;
    uint8_t scales[12];
    uint8_t qh[VP_QK_K / 8];
    uint8_t qs[VP_QK_K / 2];
} vp_block_q5_K;

typedef struct __attribute__((packed)) {
    uint8_t ql[VP_QK_K / 2];
    uint8_t qh[VP_QK_K / 4];
    int8_t scales[VP_QK_K / 16];
    uint16_t d;            // f16 scale, last
} vp_block_q6_K;

typedef struct __attribute__((packed)) {
    float d;
    int8_t qs[VP_QK_K];
    int16_t bsums[VP_QK_K / 16]; // sums of 16 consecutive qs
} vp_block_q8_K;

_Static_assert(sizeof(vp_block_q4_0) == 18, "Q4_0 block size");
_Static_assert(sizeof(vp_block_q4_1) == 20, "Q4_1 block size");
_Static_assert(sizeof(vp_block_q5_0) == 22, "Q5_0 block size");
_Static_assert(sizeof(vp_block_q5_1) == 24, "Q5_1 block size");
_Static_assert(sizeof(vp_block_q8_0) == 34, "Q8_0 block size");
_Static_assert(sizeof(vp_block_q8_1) == 36, "Q8_1 block size");
_Static_assert(sizeof(vp_block_q4_K) == 144, "Q4_K block size");
_Static_assert(sizeof(vp_block_q5_K) == 176, "Q5_K block size");
_Static_assert(sizeof(vp_block_q6_K) == 210, "Q6_K block size");
_Static_assert(sizeof(vp_block_q8_K) == 292, "Q8_K block size");

/// Unpacks the 12-byte k-quant scale field into 8 six-bit scales and 8 six-bit mins.
static inline void vp_unpack_k_scales(const uint8_t b[12], uint8_t sc[8], uint8_t mn[8]) {
    for (int s = 0; s < 4; s++) {
        sc[s] = b[s] & 63;
        mn[s] = b[s + 4] & 63;
    }
    for (int s = 4; s < 8; s++) {
        sc[s] = (uint8_t)((b[s + 4] & 0x0F) | ((b[s - 4] >> 6) << 4));
        mn[s] = (uint8_t)((b[s + 4] >> 4) | ((b[s] >> 6) << 4));
    }
}

/// Reads a little-endian u32 from 4 bytes.
static inline uint32_t vp_load_u32le(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
