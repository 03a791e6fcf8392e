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

// The sums of one row of C across a tile's eight columns: row r of a panel, p ascending, multiply then add.
#define NN_AVX_ROW_TERMS(r) \
    x = _mm256_broadcast_sd(a + (r)); \
    s##r##0 = _mm256_add_pd(s##r##0, _mm256_mul_pd(x, b0)); s##r##1 = _mm256_add_pd(s##r##1, _mm256_mul_pd(x, b1));

__attribute__((target("avx")))
void nn_avx_tile_short(long depth, const double *a, const double *b, double *c, long ldc, int accumulate, long rows) {
    // Rows 0..<rows of C (1 to 4) of a tile on the bottom edge; a panel still holds six rows (zeros below
    // `rows`). Two rows or four are summed, so a short tile costs a third or two thirds of a full one, and
    // only rows that exist are read and written.
    __m256d zero = _mm256_setzero_pd(), s00 = zero, s01 = zero, s10 = zero, s11 = zero, s20 = zero, s21 = zero,
            s30 = zero, s31 = zero, x;
    double *row[4] = {c, c + ldc, c + 2 * ldc, c + 3 * ldc};
    if (accumulate) {
        s00 = _mm256_loadu_pd(row[0]); s01 = _mm256_loadu_pd(row[0] + 4);
        if (rows > 1) { s10 = _mm256_loadu_pd(row[1]); s11 = _mm256_loadu_pd(row[1] + 4); }
        if (rows > 2) { s20 = _mm256_loadu_pd(row[2]); s21 = _mm256_loadu_pd(row[2] + 4); }
        if (rows > 3) { s30 = _mm256_loadu_pd(row[3]); s31 = _mm256_loadu_pd(row[3] + 4); }
    }
    if (rows <= 2) {
        for (long p = 0; p < depth; p++) {
            __m256d b0 = _mm256_loadu_pd(b), b1 = _mm256_loadu_pd(b + 4);
            NN_AVX_ROW_TERMS(0) NN_AVX_ROW_TERMS(1)
            a += NN_AVX_TILE_ROWS;
            b += NN_AVX_TILE_COLUMNS;
        }
    } else {
        for (long p = 0; p < depth; p++) {
            __m256d b0 = _mm256_loadu_pd(b), b1 = _mm256_loadu_pd(b + 4);
            NN_AVX_ROW_TERMS(0) NN_AVX_ROW_TERMS(1) NN_AVX_ROW_TERMS(2) NN_AVX_ROW_TERMS(3)
            a += NN_AVX_TILE_ROWS;
            b += NN_AVX_TILE_COLUMNS;
        }
    }
    _mm256_storeu_pd(row[0], s00); _mm256_storeu_pd(row[0] + 4, s01);
    if (rows > 1) { _mm256_storeu_pd(row[1], s10); _mm256_storeu_pd(row[1] + 4, s11); }
    if (rows > 2) { _mm256_storeu_pd(row[2], s20); _mm256_storeu_pd(row[2] + 4, s21); }
    if (rows > 3) { _mm256_storeu_pd(row[3], s30); _mm256_storeu_pd(row[3] + 4, s31); }
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
    long p = 0;
    if (columns == NN_AVX_TILE_COLUMNS && row_stride == 1) {
        // A transposed view (Bᵀ of a row-major matrix, as in G · Wᵀ): four values of p lie side by side in
        // each of the eight columns; two 4×4 transposes turn them into four rows of the panel.
        for (; p + 4 <= depth; p += 4) {
            for (long half = 0; half < 2; half++) {
                const double *column = b + p + half * 4 * column_stride;
                __m256d x0 = _mm256_loadu_pd(column), x1 = _mm256_loadu_pd(column + column_stride),
                        x2 = _mm256_loadu_pd(column + 2 * column_stride), x3 = _mm256_loadu_pd(column + 3 * column_stride);
                __m256d t0 = _mm256_unpacklo_pd(x0, x1), t1 = _mm256_unpackhi_pd(x0, x1);
                __m256d t2 = _mm256_unpacklo_pd(x2, x3), t3 = _mm256_unpackhi_pd(x2, x3);
                double *out = panel + p * NN_AVX_TILE_COLUMNS + half * 4;
                _mm256_storeu_pd(out, _mm256_permute2f128_pd(t0, t2, 0x20));
                _mm256_storeu_pd(out + NN_AVX_TILE_COLUMNS, _mm256_permute2f128_pd(t1, t3, 0x20));
                _mm256_storeu_pd(out + 2 * NN_AVX_TILE_COLUMNS, _mm256_permute2f128_pd(t0, t2, 0x31));
                _mm256_storeu_pd(out + 3 * NN_AVX_TILE_COLUMNS, _mm256_permute2f128_pd(t1, t3, 0x31));
            }
        }
    }
    panel += p * NN_AVX_TILE_COLUMNS;
    for (; p < depth; p++) {
        const double *row = b + p * row_stride;
        for (long j = 0; j < NN_AVX_TILE_COLUMNS; j++) panel[j] = j < columns ? row[j * column_stride] : 0.0;
        panel += NN_AVX_TILE_COLUMNS;
    }
}

// A panel of rows 0..<rows of A, element by element; for the edges and strides the fast paths below do not take.
static void pack_a_elements(const double *a, long row_stride, long column_stride, long rows, long depth, double *panel) {
    for (long p = 0; p < depth; p++) {
        const double *column = a + p * column_stride;
        for (long i = 0; i < NN_AVX_TILE_ROWS; i++) panel[i] = i < rows ? column[i * row_stride] : 0.0;
        panel += NN_AVX_TILE_ROWS;
    }
}

// Packing moves values and computes none, so these paths give the panel of pack_a_elements bit for bit.
__attribute__((target("avx")))
void nn_avx_pack_a(const double *a, long row_stride, long column_stride, long rows, long depth, double *panel) {
    if (rows == NN_AVX_TILE_ROWS && column_stride == 1) {
        // Six rows of a row-major A: four values of p from each row, turned into four columns of six
        // (a 4×4 transpose of rows 0–3 and a 2×4 one of rows 4–5), stored as 24 consecutive values.
        const double *r0 = a, *r1 = a + row_stride, *r2 = a + 2 * row_stride, *r3 = a + 3 * row_stride,
                     *r4 = a + 4 * row_stride, *r5 = a + 5 * row_stride;
        long p = 0;
        for (; p + 4 <= depth; p += 4) {
            __m256d x0 = _mm256_loadu_pd(r0 + p), x1 = _mm256_loadu_pd(r1 + p), x2 = _mm256_loadu_pd(r2 + p),
                    x3 = _mm256_loadu_pd(r3 + p), x4 = _mm256_loadu_pd(r4 + p), x5 = _mm256_loadu_pd(r5 + p);
            __m256d t0 = _mm256_unpacklo_pd(x0, x1), t1 = _mm256_unpackhi_pd(x0, x1);  // rows 0,1 at p, p+1 (and +2, +3)
            __m256d t2 = _mm256_unpacklo_pd(x2, x3), t3 = _mm256_unpackhi_pd(x2, x3);
            __m256d u0 = _mm256_unpacklo_pd(x4, x5), u1 = _mm256_unpackhi_pd(x4, x5);
            double *out = panel + p * NN_AVX_TILE_ROWS;
            _mm256_storeu_pd(out, _mm256_permute2f128_pd(t0, t2, 0x20));
            _mm_storeu_pd(out + 4, _mm256_castpd256_pd128(u0));
            _mm256_storeu_pd(out + 6, _mm256_permute2f128_pd(t1, t3, 0x20));
            _mm_storeu_pd(out + 10, _mm256_castpd256_pd128(u1));
            _mm256_storeu_pd(out + 12, _mm256_permute2f128_pd(t0, t2, 0x31));
            _mm_storeu_pd(out + 16, _mm256_extractf128_pd(u0, 1));
            _mm256_storeu_pd(out + 18, _mm256_permute2f128_pd(t1, t3, 0x31));
            _mm_storeu_pd(out + 22, _mm256_extractf128_pd(u1, 1));
        }
        pack_a_elements(a + p, row_stride, 1, rows, depth - p, panel + p * NN_AVX_TILE_ROWS);
        return;
    }
    if (rows == NN_AVX_TILE_ROWS && row_stride == 1) {
        // A transposed view (Aᵀ of a row-major matrix): the six values of each p lie side by side.
        for (long p = 0; p < depth; p++) {
            const double *column = a + p * column_stride;
            _mm256_storeu_pd(panel, _mm256_loadu_pd(column));
            _mm_storeu_pd(panel + 4, _mm_loadu_pd(column + 4));
            panel += NN_AVX_TILE_ROWS;
        }
        return;
    }
    pack_a_elements(a, row_stride, column_stride, rows, depth, panel);
}

#else

int nn_kernel_has_avx(void) { return 0; }
// Never called where nn_kernel_has_avx() is 0; defined so that every platform links.
void nn_avx_tile(long depth, const double *a, const double *b, double *c, long ldc, int accumulate) {
    (void)depth; (void)a; (void)b; (void)c; (void)ldc; (void)accumulate;
}
void nn_avx_tile_short(long depth, const double *a, const double *b, double *c, long ldc, int accumulate, long rows) {
    (void)depth; (void)a; (void)b; (void)c; (void)ldc; (void)accumulate; (void)rows;
}
void nn_avx_pack_a(const double *a, long row_stride, long column_stride, long rows, long depth, double *panel) {
    (void)a; (void)row_stride; (void)column_stride; (void)rows; (void)depth; (void)panel;
}
void nn_avx_pack_b(const double *b, long row_stride, long column_stride, long columns, long depth, double *panel) {
    (void)b; (void)row_stride; (void)column_stride; (void)columns; (void)depth; (void)panel;
}

#endif
