#include "CKernels.h"

// The operations of NNCore's Adam.update, in the same order, never fused, four parameters at a time:
// each lane gives the bits of the scalar loop (AdamKernelTests compares them).
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <immintrin.h>
#include <string.h>

#define AVX_INLINE __attribute__((target("avx"), always_inline)) static inline

/// One Adam step for four parameters: d = g + wd·p; m = β₁m + (1 − β₁)d; v = β₂v + (1 − β₂)d·d;
/// p −= stepSize·m / (√v / c + ε).
AVX_INLINE void adam4(double *p, const double *g, double *m, double *v, __m256d b1, __m256d b2, __m256d one_b1,
                      __m256d one_b2, __m256d wd, __m256d step, __m256d c, __m256d eps) {
    __m256d pp = _mm256_loadu_pd(p);
    __m256d d = _mm256_add_pd(_mm256_loadu_pd(g), _mm256_mul_pd(wd, pp));
    __m256d mm = _mm256_add_pd(_mm256_mul_pd(b1, _mm256_loadu_pd(m)), _mm256_mul_pd(one_b1, d));
    __m256d vv = _mm256_add_pd(_mm256_mul_pd(b2, _mm256_loadu_pd(v)), _mm256_mul_pd(_mm256_mul_pd(one_b2, d), d));
    _mm256_storeu_pd(m, mm);
    _mm256_storeu_pd(v, vv);
    __m256d denominator = _mm256_add_pd(_mm256_div_pd(_mm256_sqrt_pd(vv), c), eps);
    _mm256_storeu_pd(p, _mm256_sub_pd(pp, _mm256_div_pd(_mm256_mul_pd(step, mm), denominator)));
}

__attribute__((target("avx")))
void nn_avx_adam(double *p, const double *g, double *m, double *v, long n, double beta1, double beta2,
                 double weight_decay, double step_size, double correction2_root, double epsilon) {
    __m256d b1 = _mm256_set1_pd(beta1), b2 = _mm256_set1_pd(beta2);
    __m256d one_b1 = _mm256_set1_pd(1 - beta1), one_b2 = _mm256_set1_pd(1 - beta2);
    __m256d wd = _mm256_set1_pd(weight_decay), step = _mm256_set1_pd(step_size);
    __m256d c = _mm256_set1_pd(correction2_root), eps = _mm256_set1_pd(epsilon);
    long i = 0;
    for (; i + 4 <= n; i += 4) adam4(p + i, g + i, m + i, v + i, b1, b2, one_b1, one_b2, wd, step, c, eps);
    if (i < n) {
        // The last n % 4 parameters through the same lanes, padded with zeros (never stored back).
        double tp[4] = {0, 0, 0, 0}, tg[4] = {0, 0, 0, 0}, tm[4] = {0, 0, 0, 0}, tv[4] = {0, 0, 0, 0};
        size_t bytes = (size_t)(n - i) * sizeof(double);
        memcpy(tp, p + i, bytes); memcpy(tg, g + i, bytes); memcpy(tm, m + i, bytes); memcpy(tv, v + i, bytes);
        adam4(tp, tg, tm, tv, b1, b2, one_b1, one_b2, wd, step, c, eps);
        memcpy(p + i, tp, bytes); memcpy(m + i, tm, bytes); memcpy(v + i, tv, bytes);
    }
}

#else

// Never called off x86-64 (nn_kernel_has_avx() is 0 there).
void nn_avx_adam(double *p, const double *g, double *m, double *v, long n, double beta1, double beta2,
                 double weight_decay, double step_size, double correction2_root, double epsilon) {
    (void)p; (void)g; (void)m; (void)v; (void)n; (void)beta1; (void)beta2;
    (void)weight_decay; (void)step_size; (void)correction2_root; (void)epsilon;
}

#endif
