// Microbenchmark behind the MiniLM encoder's speed figures: f32 products y = x·Wᵀ of BERT shapes
// (640 tokens × 384 inputs × 384 or 1536 outputs) computed
//   (a) as one AVX2 dot product per output, which is what the encoder does today through vp_matmul(F32), and
//   (b) with a register-blocked AVX2/FMA micro-kernel (6 tokens × 16 outputs, W packed in 16-column panels),
//       the kernel a `vp_gemm_f32` in CKernels could provide.
// Single thread, CPU time. Build and run: clang -O3 scripts/dev/gemm_f32_bench.c -o /tmp/gemm && /tmp/gemm
#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

__attribute__((target("avx2,fma"))) static float dot(const float *x, const float *y, int64_t n) {
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
    int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), a0);
        a1 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 8), _mm256_loadu_ps(y + i + 8), a1);
        a2 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 16), _mm256_loadu_ps(y + i + 16), a2);
        a3 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 24), _mm256_loadu_ps(y + i + 24), a3);
    }
    __m256 s = _mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3));
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_shuffle_ps(h, h, 1));
    return _mm_cvtss_f32(h);
}

static void dot_gemm(const float *w, const float *x, float *y, int64_t m, int64_t n, int64_t k) {
    for (int64_t t0 = 0; t0 < m; t0 += 64) {
        const int64_t t1 = t0 + 64 < m ? t0 + 64 : m;
        for (int64_t r = 0; r < n; r++)
            for (int64_t t = t0; t < t1; t++) y[t * n + r] = dot(w + r * k, x + t * k, k);
    }
}

__attribute__((target("avx2,fma"))) static void kernel6x16(const float *x, int64_t ldx, const float *panel, int64_t k,
                                                           float *y, int64_t ldy) {
    __m256 c[6][2];
    for (int i = 0; i < 6; i++) c[i][0] = c[i][1] = _mm256_setzero_ps();
    for (int64_t p = 0; p < k; p++) {
        const __m256 b0 = _mm256_loadu_ps(panel + p * 16), b1 = _mm256_loadu_ps(panel + p * 16 + 8);
        for (int i = 0; i < 6; i++) {
            const __m256 a = _mm256_broadcast_ss(x + i * ldx + p);
            c[i][0] = _mm256_fmadd_ps(a, b0, c[i][0]);
            c[i][1] = _mm256_fmadd_ps(a, b1, c[i][1]);
        }
    }
    for (int i = 0; i < 6; i++) {
        _mm256_storeu_ps(y + i * ldy, c[i][0]);
        _mm256_storeu_ps(y + i * ldy + 8, c[i][1]);
    }
}

// m a multiple of 6 and n of 16 here; a real kernel handles the edges.
static void blocked_gemm(const float *x, const float *packed, float *y, int64_t m, int64_t n, int64_t k) {
    for (int64_t t0 = 0; t0 < m; t0 += 96) {
        const int64_t t1 = t0 + 96 < m ? t0 + 96 : m;
        for (int64_t p = 0; p < n / 16; p++)
            for (int64_t t = t0; t < t1; t += 6) kernel6x16(x + t * k, k, packed + p * 16 * k, k, y + t * n + p * 16, n);
    }
}

static double cpu_seconds(void) { return (double)clock() / CLOCKS_PER_SEC; }

int main(void) {
    const int64_t m = 636, k = 384, reps = 20;
    const int64_t widths[2] = {384, 1536};
    for (int s = 0; s < 2; s++) {
        const int64_t n = widths[s];
        float *w = malloc(sizeof(float) * n * k), *x = malloc(sizeof(float) * m * k), *packed = malloc(sizeof(float) * n * k);
        float *y1 = malloc(sizeof(float) * m * n), *y2 = malloc(sizeof(float) * m * n);
        for (int64_t i = 0; i < n * k; i++) w[i] = (float)((i * 7919) % 1000) / 1000 - 0.5f;
        for (int64_t i = 0; i < m * k; i++) x[i] = (float)((i * 104729) % 1000) / 1000 - 0.5f;
        for (int64_t p = 0; p < n / 16; p++)
            for (int64_t q = 0; q < k; q++)
                for (int c = 0; c < 16; c++) packed[p * 16 * k + q * 16 + c] = w[(p * 16 + c) * k + q];
        const double flops = 2.0 * m * n * k * reps;
        double t = cpu_seconds();
        for (int r = 0; r < reps; r++) dot_gemm(w, x, y1, m, n, k);
        const double a = cpu_seconds() - t;
        t = cpu_seconds();
        for (int r = 0; r < reps; r++) blocked_gemm(x, packed, y2, m, n, k);
        const double b = cpu_seconds() - t;
        float diff = 0;
        for (int64_t i = 0; i < m * n; i++) diff = fmaxf(diff, fabsf(y1[i] - y2[i]));
        printf("%lld x %lld x %lld: dot per output %.1f GFLOP/s, blocked 6x16 %.1f GFLOP/s (max difference %.2g)\n",
               (long long)m, (long long)k, (long long)n, flops / a / 1e9, flops / b / 1e9, diff);
        free(w); free(x); free(packed); free(y1); free(y2);
    }
    return 0;
}
