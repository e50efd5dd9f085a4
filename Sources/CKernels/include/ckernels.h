#pragma once
// Numeric kernels of the ValueProbe inference engine.
//
// Every kernel has a portable scalar version and, where it matters, an AVX2+FMA+F16C version. The AVX2
// versions are compiled with per-function target attributes and chosen at run time from the CPU's
// features, so the library runs on any x86-64 (and non-x86) machine.
//
// Block formats and type ids are ggml's (see the project's engine reference, sections 2 and 3).
// Quantised activation rows produced by vp_quantize_row hold int8 values in [-127, 127]; the AVX2 dot
// products rely on that (an activation byte of -128 is not a value our quantisers write).
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ggml tensor type ids supported (at least partly) by these kernels.
typedef enum {
    VP_F32 = 0,
    VP_F16 = 1,
    VP_Q4_0 = 2,
    VP_Q4_1 = 3,
    VP_Q5_0 = 6,
    VP_Q5_1 = 7,
    VP_Q8_0 = 8,
    VP_Q8_1 = 9,
    VP_Q4_K = 12,
    VP_Q5_K = 13,
    VP_Q6_K = 14,
    VP_Q8_K = 15,
    VP_BF16 = 30
} vp_type;

// ---- CPU features and path selection -------------------------------------------------------------

/// 1 if the AVX2+FMA+F16C paths are in use for the calling thread (the CPU has them and no scalar
/// override is active), else 0.
int vp_cpu_has_avx2(void);
/// 1 if the CPU supports AVX2, FMA and F16C, whatever the overrides say.
int vp_cpu_supports_avx2(void);
/// Process-wide override: nonzero forces the scalar paths everywhere, 0 returns to automatic choice.
void vp_force_scalar(int on);
/// Override for the calling thread only (used by tests that run in parallel with other work):
/// nonzero forces the scalar paths on this thread, 0 returns to the process-wide choice.
void vp_force_scalar_thread(int on);

// ---- Type traits -------------------------------------------------------------------------------

/// Elements per block of `type` (1 for F32/F16/BF16, 32 or 256 for quantised types), 0 if unsupported.
int64_t vp_block_elements(int type);
/// Bytes per block of `type`, 0 if unsupported.
int64_t vp_block_bytes(int type);
/// Bytes of a row of `n` elements of `type` (n must be a multiple of the block size); 0 if unsupported.
size_t vp_row_bytes(int type, int64_t n);
/// 1 if rows of `type` can be dequantised and used as weights in vp_vec_dot / vp_matmul.
int vp_is_supported(int type);
/// Activation format used with weights of `type`: Q4_0/Q5_0/Q8_0 -> Q8_0; Q4_1/Q5_1 -> Q8_1;
/// Q4_K/Q5_K/Q6_K -> Q8_K; F32/F16/BF16 -> F32. -1 for unsupported types.
int vp_vec_dot_type(int type);

// ---- Conversion ----------------------------------------------------------------------------------

/// Dequantise `n` elements (a multiple of the block size) of a row of `type` into f32.
/// Supports every type with vp_block_elements > 0 (including Q8_1 and Q8_K); writes nothing for other types
/// or when n is not a whole number of blocks.
void vp_dequantize_row(int type, const void *src, float *dst, int64_t n);
/// Quantise an f32 row of `n` elements (a multiple of the block size) into `type`.
/// Supported: F32 (copy), F16, BF16 (round to nearest even), Q4_0, Q4_1, Q5_0, Q5_1 (ggml's reference
/// formulas), Q8_0, Q8_1 (d = amax/127, q = round(x/d), Q8_1 adds s = d*Σq), Q8_K (f32 d = amax/127, bsums).
/// Rounding is half away from zero; the AVX2 and scalar paths write identical bytes for finite input.
/// Returns 0 on success, -1 if the type has no quantiser or n is not a whole number of blocks (nothing is
/// written then).
int vp_quantize_row(int type, const float *src, void *dst, int64_t n);

/// IEEE binary16 bits -> f32 (exact).
float vp_f16_to_f32(uint16_t h);
/// f32 -> IEEE binary16 bits, round to nearest even.
uint16_t vp_f32_to_f16(float f);
/// bfloat16 bits -> f32 (exact).
float vp_bf16_to_f32(uint16_t h);
/// f32 -> bfloat16 bits, round to nearest even (NaN stays NaN).
uint16_t vp_f32_to_bf16(float f);

// ---- Dot products and matrix products ------------------------------------------------------------

/// Dot product of one weight row of `wtype` (n elements) with an activation row already in
/// vp_vec_dot_type(wtype) format. Returns 0 for unsupported types or when n is not a whole number of blocks.
float vp_vec_dot(int wtype, int64_t n, const void *w_row, const void *act_row);

/// Matrix product over a row range and a batch of tokens:
/// for r in [row_begin, row_end), t in [0, n_tok): y[t*y_stride + r] = dot(W row r, activation row t).
/// W rows are vp_row_bytes(wtype, n) apart starting at `w` (row 0); activation rows (in
/// vp_vec_dot_type(wtype) format) are `act_stride` bytes apart; y_stride counts floats.
/// For Q4_0, Q4_1 and Q8_0 each weight block is unpacked once and used for up to 4 tokens (other types loop
/// over the single-row dot). Batch invariant, bit for bit: every y[t, r] equals vp_vec_dot(wtype, n, W row r,
/// activation row t) on the same path, whatever n_tok, the row range or the split across threads. Writes nothing for unsupported types, n not a whole number of blocks, an empty
/// row range or n_tok <= 0. Thread-safe: threads may compute disjoint row ranges of the same product.
void vp_matmul(int wtype, int64_t n, const void *w, const void *act, size_t act_stride,
               float *y, size_t y_stride, int64_t row_begin, int64_t row_end, int64_t n_tok);

// ---- f32 matrix products -------------------------------------------------------------------------

/// Floats that vp_gemm_f32_pack writes for a k×n right-hand matrix: n rounded up to 16, times k (0 if k or n <= 0).
size_t vp_gemm_f32_packed_floats(int64_t k, int64_t n);
/// Packs the k×n right-hand matrix B of C = A·B into 16-column panels (zero-padded) for vp_gemm_f32_packed.
/// B(p, j) = b[p*ldb + j], or b[j*ldb + p] when `b_transposed` is nonzero (a PyTorch `Linear` weight [n, k]).
/// `packed` holds vp_gemm_f32_packed_floats(k, n) floats.
void vp_gemm_f32_pack(int64_t k, int64_t n, const float *b, size_t ldb, int b_transposed, float *packed);
/// C[i*ldc + j] = Σ_p A[i*lda + p]·B(p, j) (+ bias[j] when `bias` is not NULL) for i < m and j in
/// [col_begin, col_end), B (k×n) packed by vp_gemm_f32_pack; other columns of C are not touched. Each C element is
/// one fused multiply-add chain over p = 0…k−1 from zero, then the bias added, on both paths (the AVX2 and scalar
/// results are identical), so a row of C does not depend on the other rows, on m, on the column range or on how
/// the columns are split across threads. Thread-safe: threads may compute disjoint column ranges (multiples of
/// 16 avoid shared cache lines) or disjoint row blocks of the same product. Does nothing when m <= 0 or the
/// column range is empty.
void vp_gemm_f32_packed(int64_t m, int64_t k, const float *a, size_t lda, const float *packed, int64_t n,
                        int64_t col_begin, int64_t col_end, const float *bias, float *c, size_t ldc);
/// C = A·B (+ bias) for m×k A and k×n B (see vp_gemm_f32_pack for `b_transposed`), packing B into a temporary
/// buffer first; one thread. Returns 0, or -1 if the buffer could not be allocated (C is not written then).
int vp_gemm_f32(int64_t m, int64_t n, int64_t k, const float *a, size_t lda, const float *b, size_t ldb, int b_transposed,
                const float *bias, float *c, size_t ldc);

// ---- f32 vector helpers --------------------------------------------------------------------------

/// Σ a[i]*b[i].
float vp_dot_f32(const float *a, const float *b, int64_t n);
/// y += a*x.
void vp_axpy_f32(float a, const float *x, float *y, int64_t n);
/// x *= s.
void vp_scale_f32(float *x, float s, int64_t n);
/// out = x / sqrt(mean(x^2) + eps) * weight. `out` may alias `x`.
void vp_rmsnorm_f32(const float *x, const float *weight, float *out, int64_t n, float eps);
/// out = silu(gate) * up, silu(g) = g / (1 + exp(-g)). `out` may alias either input. Each element's result depends
/// only on its own inputs (not on its index or n), so a batch of rows gives what the rows give one by one.
void vp_silu_mul_f32(const float *gate, const float *up, float *out, int64_t n);
/// In-place numerically stable softmax; returns the maximum of the input (-inf for n = 0). Entries of -inf get
/// probability 0; if every entry is -inf the result is uniform.
float vp_softmax_f32(float *x, int64_t n);
/// out = a + b. `out` may alias either input.
void vp_add_f32(const float *a, const float *b, float *out, int64_t n);
/// In-place exact-erf GELU, x = 0.5·x·(1 + erf(x/√2)) (BERT's activation). The AVX2 path evaluates erf by
/// Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7); the scalar path uses erff. Each element's result depends
/// only on its own value.
void vp_gelu_f32(float *x, int64_t n);

#ifdef __cplusplus
}
#endif
