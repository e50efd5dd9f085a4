// The exact (erf) GELU of BERT-style encoders: gelu(x) = 0.5·x·(1 + erf(x/√2)).
#include <math.h>

#include "ckernels.h"
#include "dispatch.h"
#include "exp_avx2.h"

static void gelu_scalar(float *x, int64_t n) {
    for (int64_t i = 0; i < n; i++) x[i] = 0.5f * x[i] * (1.0f + erff(x[i] * 0.70710678118654752f));
}

#if VP_X86
/// erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7): erf(z) = 1 − t·P(t)·e^(−z²), t = 1/(1 + p·z),
/// for z = |x|/√2, with the sign of x put back.
static VP_AVX2 void gelu_avx2(float *x, int64_t n) {
    const __m256 sign = _mm256_set1_ps(-0.0f), one = _mm256_set1_ps(1.0f), half = _mm256_set1_ps(0.5f);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 v = _mm256_loadu_ps(x + i);
        const __m256 z = _mm256_mul_ps(_mm256_andnot_ps(sign, v), _mm256_set1_ps(0.70710678118654752f));
        const __m256 t = _mm256_div_ps(one, _mm256_fmadd_ps(_mm256_set1_ps(0.3275911f), z, one));
        __m256 p = _mm256_set1_ps(1.061405429f);
        p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(-1.453152027f));
        p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(1.421413741f));
        p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(-0.284496736f));
        p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(0.254829592f));
        p = _mm256_mul_ps(p, t);
        const __m256 e = vp_avx2_exp(_mm256_mul_ps(_mm256_sub_ps(_mm256_setzero_ps(), z), z));
        const __m256 erf_abs = _mm256_fnmadd_ps(p, e, one);
        const __m256 erf = _mm256_or_ps(erf_abs, _mm256_and_ps(sign, v));
        _mm256_storeu_ps(x + i, _mm256_mul_ps(_mm256_mul_ps(half, v), _mm256_add_ps(one, erf)));
    }
    if (i < n) {
        float tail[8] = {0};
        for (int64_t j = i; j < n; j++) tail[j - i] = x[j];
        gelu_avx2(tail, 8);
        for (int64_t j = i; j < n; j++) x[j] = tail[j - i];
    }
}
#endif

void vp_gelu_f32(float *x, int64_t n) {
#if VP_X86
    if (vp_use_avx2()) {
        gelu_avx2(x, n);
        return;
    }
#endif
    gelu_scalar(x, n);
}
