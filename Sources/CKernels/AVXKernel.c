#include "CKernels.h"

// Every sum is a multiply then an add, never contracted into a fused multiply-add: a fused
// one rounds once instead of twice, and results must not depend on the CPU. The functions
// below enable AVX only (not FMA), and contraction is off besides.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <immintrin.h>

int nn_kernel_has_avx(void) {
    __builtin_cpu_init();
    // libgcc and compiler-rt also check that the OS saves the YMM registers (XGETBV).
    return __builtin_cpu_supports("avx") ? 1 : 0;
}

__attribute__((target("avx")))
void nn_avx_tile(long depth, const double *a, const double *b, double *c, long ldc, int accumulate) {
    double *c0 = c, *c1 = c + ldc, *c2 = c + 2 * ldc, *c3 = c + 3 * ldc, *c4 = c + 4 * ldc, *c5 = c + 5 * ldc;
    __m256d s00, s01, s10, s11, s20, s21, s30, s31, s40, s41, s50, s51;
    if (accumulate) {
        s00 = _mm256_loadu_pd(c0); s01 = _mm256_loadu_pd(c0 + 4);
        s10 = _mm256_loadu_pd(c1); s11 = _mm256_loadu_pd(c1 + 4);
        s20 = _mm256_loadu_pd(c2); s21 = _mm256_loadu_pd(c2 + 4);
        s30 = _mm256_loadu_pd(c3); s31 = _mm256_loadu_pd(c3 + 4);
        s40 = _mm256_loadu_pd(c4); s41 = _mm256_loadu_pd(c4 + 4);
        s50 = _mm256_loadu_pd(c5); s51 = _mm256_loadu_pd(c5 + 4);
    } else {
        s00 = s01 = s10 = s11 = s20 = s21 = s30 = s31 = s40 = s41 = s50 = s51 = _mm256_setzero_pd();
    }
    for (long p = 0; p < depth; p++) {
        __m256d b0 = _mm256_loadu_pd(b), b1 = _mm256_loadu_pd(b + 4), x;
        x = _mm256_broadcast_sd(a);
        s00 = _mm256_add_pd(s00, _mm256_mul_pd(x, b0)); s01 = _mm256_add_pd(s01, _mm256_mul_pd(x, b1));
        x = _mm256_broadcast_sd(a + 1);
        s10 = _mm256_add_pd(s10, _mm256_mul_pd(x, b0)); s11 = _mm256_add_pd(s11, _mm256_mul_pd(x, b1));
        x = _mm256_broadcast_sd(a + 2);
        s20 = _mm256_add_pd(s20, _mm256_mul_pd(x, b0)); s21 = _mm256_add_pd(s21, _mm256_mul_pd(x, b1));
        x = _mm256_broadcast_sd(a + 3);
        s30 = _mm256_add_pd(s30, _mm256_mul_pd(x, b0)); s31 = _mm256_add_pd(s31, _mm256_mul_pd(x, b1));
        x = _mm256_broadcast_sd(a + 4);
        s40 = _mm256_add_pd(s40, _mm256_mul_pd(x, b0)); s41 = _mm256_add_pd(s41, _mm256_mul_pd(x, b1));
        x = _mm256_broadcast_sd(a + 5);
        s50 = _mm256_add_pd(s50, _mm256_mul_pd(x, b0)); s51 = _mm256_add_pd(s51, _mm256_mul_pd(x, b1));
        a += NN_AVX_TILE_ROWS;
        b += NN_AVX_TILE_COLUMNS;
    }
    _mm256_storeu_pd(c0, s00); _mm256_storeu_pd(c0 + 4, s01);
    _mm256_storeu_pd(c1, s10); _mm256_storeu_pd(c1 + 4, s11);
    _mm256_storeu_pd(c2, s20); _mm256_storeu_pd(c2 + 4, s21);
    _mm256_storeu_pd(c3, s30); _mm256_storeu_pd(c3 + 4, s31);
    _mm256_storeu_pd(c4, s40); _mm256_storeu_pd(c4 + 4, s41);
    _mm256_storeu_pd(c5, s50); _mm256_storeu_pd(c5 + 4, s51);
}

__attribute__((target("avx")))
void nn_avx_pack_b(const double *b, long row_stride, long column_stride, long columns, long depth, double *panel) {
    if (columns == NN_AVX_TILE_COLUMNS && column_stride == 1) {
        for (long p = 0; p < depth; p++) {
            const double *row = b + p * row_stride;
            _mm256_storeu_pd(panel, _mm256_loadu_pd(row));
            _mm256_storeu_pd(panel + 4, _mm256_loadu_pd(row + 4));
            panel += NN_AVX_TILE_COLUMNS;
        }
        return;
    }
    for (long p = 0; p < depth; p++) {
        const double *row = b + p * row_stride;
        for (long j = 0; j < NN_AVX_TILE_COLUMNS; j++) panel[j] = j < columns ? row[j * column_stride] : 0.0;
        panel += NN_AVX_TILE_COLUMNS;
    }
}

#else

int nn_kernel_has_avx(void) { return 0; }
// Never called where nn_kernel_has_avx() is 0; defined so that every platform links.
void nn_avx_tile(long depth, const double *a, const double *b, double *c, long ldc, int accumulate) {
    (void)depth; (void)a; (void)b; (void)c; (void)ldc; (void)accumulate;
}
void nn_avx_pack_b(const double *b, long row_stride, long column_stride, long columns, long depth, double *panel) {
    (void)b; (void)row_stride; (void)column_stride; (void)columns; (void)depth; (void)panel;
}

#endif

void nn_avx_pack_a(const double *a, long row_stride, long column_stride, long rows, long depth, double *panel) {
    if (column_stride == 1) {
        // Rows of a row-major A: read each row along p (in order), write with the panel's stride.
        for (long i = 0; i < NN_AVX_TILE_ROWS; i++) {
            const double *row = a + i * row_stride;
            double *out = panel + i;
            if (i < rows) {
                for (long p = 0; p < depth; p++) out[p * NN_AVX_TILE_ROWS] = row[p];
            } else {
                for (long p = 0; p < depth; p++) out[p * NN_AVX_TILE_ROWS] = 0.0;
            }
        }
        return;
    }
    for (long p = 0; p < depth; p++) {
        const double *column = a + p * column_stride;
        for (long i = 0; i < NN_AVX_TILE_ROWS; i++) panel[i] = i < rows ? column[i * row_stride] : 0.0;
        panel += NN_AVX_TILE_ROWS;
    }
}
