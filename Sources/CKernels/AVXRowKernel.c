#include "CKernels.h"

// A multiply then an add, never fused (see AVXKernel.c).
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <immintrin.h>

// Products too small to pack: one row of C at a time, in blocks of 16, 8 and 4 columns held in
// 4-lane registers while p runs in order; the last n % 4 columns are loaded and stored through a
// lane mask (the other lanes read as zero and are never stored).
__attribute__((target("avx")))
void nn_avx_row_product(const double *a, const double *b, double *c, long m, long k, long n) {
    long tail = n % 4, tail_start = n - tail;
    __m256i mask = _mm256_setr_epi64x(tail > 0 ? -1 : 0, tail > 1 ? -1 : 0, tail > 2 ? -1 : 0, 0);
    for (long i = 0; i < m; i++) {
        const double *a_row = a + i * k;
        double *c_row = c + i * n;
        long j = 0;
        for (; j + 16 <= n; j += 16) {
            __m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;
            const double *column = b + j;
            for (long p = 0; p < k; p++, column += n) {
                __m256d x = _mm256_broadcast_sd(a_row + p);
                s0 = _mm256_add_pd(s0, _mm256_mul_pd(x, _mm256_loadu_pd(column)));
                s1 = _mm256_add_pd(s1, _mm256_mul_pd(x, _mm256_loadu_pd(column + 4)));
                s2 = _mm256_add_pd(s2, _mm256_mul_pd(x, _mm256_loadu_pd(column + 8)));
                s3 = _mm256_add_pd(s3, _mm256_mul_pd(x, _mm256_loadu_pd(column + 12)));
            }
            _mm256_storeu_pd(c_row + j, s0); _mm256_storeu_pd(c_row + j + 4, s1);
            _mm256_storeu_pd(c_row + j + 8, s2); _mm256_storeu_pd(c_row + j + 12, s3);
        }
        if (j + 8 <= n) {
            __m256d s0 = _mm256_setzero_pd(), s1 = s0;
            const double *column = b + j;
            for (long p = 0; p < k; p++, column += n) {
                __m256d x = _mm256_broadcast_sd(a_row + p);
                s0 = _mm256_add_pd(s0, _mm256_mul_pd(x, _mm256_loadu_pd(column)));
                s1 = _mm256_add_pd(s1, _mm256_mul_pd(x, _mm256_loadu_pd(column + 4)));
            }
            _mm256_storeu_pd(c_row + j, s0); _mm256_storeu_pd(c_row + j + 4, s1);
            j += 8;
        }
        if (j + 4 <= n) {
            __m256d s0 = _mm256_setzero_pd();
            const double *column = b + j;
            for (long p = 0; p < k; p++, column += n)
                s0 = _mm256_add_pd(s0, _mm256_mul_pd(_mm256_broadcast_sd(a_row + p), _mm256_loadu_pd(column)));
            _mm256_storeu_pd(c_row + j, s0);
        }
        if (tail > 0) {
            __m256d s0 = _mm256_setzero_pd();
            const double *column = b + tail_start;
            for (long p = 0; p < k; p++, column += n)
                s0 = _mm256_add_pd(s0, _mm256_mul_pd(_mm256_broadcast_sd(a_row + p), _mm256_maskload_pd(column, mask)));
            _mm256_maskstore_pd(c_row + tail_start, mask, s0);
        }
    }
}

#else

// Never called where nn_kernel_has_avx() is 0; defined so that every platform links.
void nn_avx_row_product(const double *a, const double *b, double *c, long m, long k, long n) {
    (void)a; (void)b; (void)c; (void)m; (void)k; (void)n;
}

#endif
