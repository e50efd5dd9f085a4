// f32 vector helpers used by the forward pass: dot, axpy, scale, add, RMS norm, SiLU gating, softmax.
#include <math.h>
#include <string.h>

#include "avx2_helpers.h"
#include "ckernels.h"
#include "dispatch.h"
#include "exp_avx2.h"

// ---- scalar ----------------------------------------------------------------------------------------

static void axpy_scalar(float a, const float *x, float *y, int64_t n) {
    for (int64_t i = 0; i < n; i++) y[i] += a * x[i];
}

static void scale_scalar(float *x, float s, int64_t n) {
    for (int64_t i = 0; i < n; i++) x[i] *= s;
}

static void add_scalar(const float *a, const float *b, float *out, int64_t n) {
    for (int64_t i = 0; i < n; i++) out[i] = a[i] + b[i];
}

static void rmsnorm_scalar(const float *x, const float *weight, float *out, int64_t n, float eps) {
    double ss = 0.0;
    for (int64_t i = 0; i < n; i++) ss += (double)x[i] * (double)x[i];
    const float scale = 1.0f / sqrtf((float)(ss / (double)n) + eps);
    for (int64_t i = 0; i < n; i++) out[i] = x[i] * scale * weight[i];
}

static void silu_mul_scalar(const float *gate, const float *up, float *out, int64_t n) {
    for (int64_t i = 0; i < n; i++) out[i] = gate[i] / (1.0f + expf(-gate[i])) * up[i];
}

static float softmax_scalar(float *x, int64_t n) {
    float max = -INFINITY;
    for (int64_t i = 0; i < n; i++) max = x[i] > max ? x[i] : max;
    double sum = 0.0;
    for (int64_t i = 0; i < n; i++) {
        x[i] = expf(x[i] - max);
        sum += x[i];
    }
    const float inv = sum > 0.0 ? (float)(1.0 / sum) : 0.0f;
    for (int64_t i = 0; i < n; i++) x[i] *= inv;
    return max;
}

// ---- AVX2 ------------------------------------------------------------------------------------------
#if VP_X86

static VP_AVX2 void axpy_avx2(float a, const float *x, float *y, int64_t n) {
    const __m256 va = _mm256_set1_ps(a);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(y + i, _mm256_fmadd_ps(va, _mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i)));
    for (; i < n; i++) y[i] += a * x[i];
}

static VP_AVX2 void scale_avx2(float *x, float s, int64_t n) {
    const __m256 vs = _mm256_set1_ps(s);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(x + i, _mm256_mul_ps(_mm256_loadu_ps(x + i), vs));
    for (; i < n; i++) x[i] *= s;
}

static VP_AVX2 void add_avx2(const float *a, const float *b, float *out, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(out + i, _mm256_add_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i)));
    for (; i < n; i++) out[i] = a[i] + b[i];
}

static VP_AVX2 void rmsnorm_avx2(const float *x, const float *weight, float *out, int64_t n, float eps) {
    __m256 s0 = _mm256_setzero_ps(), s1 = s0;
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m256 a = _mm256_loadu_ps(x + i), b = _mm256_loadu_ps(x + i + 8);
        s0 = _mm256_fmadd_ps(a, a, s0);
        s1 = _mm256_fmadd_ps(b, b, s1);
    }
    float ss = vp_avx2_hsum(_mm256_add_ps(s0, s1));
    for (; i < n; i++) ss += x[i] * x[i];
    const float scale = 1.0f / sqrtf(ss / (float)n + eps);
    const __m256 vs = _mm256_set1_ps(scale);
    for (i = 0; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_mul_ps(_mm256_loadu_ps(x + i), vs), _mm256_loadu_ps(weight + i)));
    for (; i < n; i++) out[i] = x[i] * scale * weight[i];
}

static inline VP_AVX2 __m256 silu_mul8(__m256 g, __m256 u) {
    const __m256 e = vp_avx2_exp(_mm256_sub_ps(_mm256_setzero_ps(), g));
    return _mm256_mul_ps(_mm256_div_ps(g, _mm256_add_ps(_mm256_set1_ps(1.0f), e)), u);
}

// The last n % 8 elements go through the same vector code (on a padded copy), so each element's value depends only
// on its inputs, never on its position: the forward pass applies this to whole batches of tokens at once.
static VP_AVX2 void silu_mul_avx2(const float *gate, const float *up, float *out, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(out + i, silu_mul8(_mm256_loadu_ps(gate + i), _mm256_loadu_ps(up + i)));
    if (i < n) {
        float g[8] = {0}, u[8] = {0}, o[8];
        memcpy(g, gate + i, sizeof(float) * (size_t)(n - i));
        memcpy(u, up + i, sizeof(float) * (size_t)(n - i));
        _mm256_storeu_ps(o, silu_mul8(_mm256_loadu_ps(g), _mm256_loadu_ps(u)));
        memcpy(out + i, o, sizeof(float) * (size_t)(n - i));
    }
}

static VP_AVX2 float softmax_avx2(float *x, int64_t n) {
    __m256 vmax = _mm256_set1_ps(-INFINITY);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) vmax = _mm256_max_ps(vmax, _mm256_loadu_ps(x + i));
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(vmax), _mm256_extractf128_ps(vmax, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_movehdup_ps(m));
    float max = _mm_cvtss_f32(m);
    for (; i < n; i++) max = x[i] > max ? x[i] : max;
    const __m256 vm = _mm256_set1_ps(max);
    __m256 vsum = _mm256_setzero_ps();
    for (i = 0; i + 8 <= n; i += 8) {
        const __m256 e = vp_avx2_exp(_mm256_sub_ps(_mm256_loadu_ps(x + i), vm));
        _mm256_storeu_ps(x + i, e);
        vsum = _mm256_add_ps(vsum, e);
    }
    float sum = vp_avx2_hsum(vsum);
    for (; i < n; i++) {
        x[i] = expf(x[i] - max);
        sum += x[i];
    }
    const float inv = sum > 0.0f ? 1.0f / sum : 0.0f;
    scale_avx2(x, inv, n);
    return max;
}

#endif

// ---- public entry points ----------------------------------------------------------------------------

#if VP_X86
#define DISPATCH(avx2_call, scalar_call) \
    do {                                  \
        if (vp_use_avx2()) {              \
            avx2_call;                    \
        } else {                          \
            scalar_call;                  \
        }                                 \
    } while (0)
#else
#define DISPATCH(avx2_call, scalar_call) \
    do {                                  \
        scalar_call;                      \
    } while (0)
#endif

float vp_dot_f32(const float *a, const float *b, int64_t n) {
    if (n <= 0) return 0.0f;
#if VP_X86
    if (vp_use_avx2()) return vp_dot_f32_avx2(n, a, b);
#endif
    return vp_dot_f32_scalar(n, a, b);
}

void vp_axpy_f32(float a, const float *x, float *y, int64_t n) {
    if (n <= 0) return;
    DISPATCH(axpy_avx2(a, x, y, n), axpy_scalar(a, x, y, n));
}

void vp_scale_f32(float *x, float s, int64_t n) {
    if (n <= 0) return;
    DISPATCH(scale_avx2(x, s, n), scale_scalar(x, s, n));
}

void vp_add_f32(const float *a, const float *b, float *out, int64_t n) {
    if (n <= 0) return;
    DISPATCH(add_avx2(a, b, out, n), add_scalar(a, b, out, n));
}

void vp_rmsnorm_f32(const float *x, const float *weight, float *out, int64_t n, float eps) {
    if (n <= 0) return;
    DISPATCH(rmsnorm_avx2(x, weight, out, n, eps), rmsnorm_scalar(x, weight, out, n, eps));
}

void vp_silu_mul_f32(const float *gate, const float *up, float *out, int64_t n) {
    if (n <= 0) return;
    DISPATCH(silu_mul_avx2(gate, up, out, n), silu_mul_scalar(gate, up, out, n));
}

float vp_softmax_f32(float *x, int64_t n) {
    if (n <= 0) return -INFINITY;
    int all_masked = 1;
    for (int64_t i = 0; i < n && all_masked; i++) all_masked = x[i] == -INFINITY;
    if (all_masked) { // every entry -inf: no preference, so the uniform distribution
        for (int64_t i = 0; i < n; i++) x[i] = 1.0f / (float)n;
        return -INFINITY;
    }
    float max = 0.0f;
    DISPATCH(max = softmax_avx2(x, n), max = softmax_scalar(x, n));
    return max;
}
