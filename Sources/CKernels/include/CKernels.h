#ifndef CKERNELS_H
#define CKERNELS_H

/// The AVX micro-kernel of nnlearn's matrix product, chosen at run time.
///
/// Swift has no per-function target features, so the 4-lane kernel lives here, compiled for
/// AVX only inside its own functions. It multiplies then adds (never fused) and sums every
/// entry of C over p in ascending order, exactly as the 2-lane baseline kernel and the plain
/// triple loop do, so which kernel runs never changes a result.

/// Rows of C in one AVX micro-tile.
#define NN_AVX_TILE_ROWS 6
/// Columns of C in one AVX micro-tile (two 4-lane registers).
#define NN_AVX_TILE_COLUMNS 8

/// 1 when this CPU and operating system run AVX instructions, else 0 (always 0 off x86-64).
int nn_kernel_has_avx(void);

/// Packs rows 0..<rows (at most NN_AVX_TILE_ROWS) and p in 0..<depth of A into one panel,
/// p-major; element (i, p) is at a[i * row_stride + p * column_stride]; missing rows are zero.
void nn_avx_pack_a(const double *a, long row_stride, long column_stride, long rows, long depth, double *panel);

/// Packs columns 0..<columns (at most NN_AVX_TILE_COLUMNS) and p in 0..<depth of B into one
/// panel, p-major; element (p, j) is at b[p * row_stride + j * column_stride]; missing columns are zero.
void nn_avx_pack_b(const double *b, long row_stride, long column_stride, long columns, long depth, double *panel);

/// C[0..<6, 0..<8] (row stride ldc) = (C if accumulate, else +0) + Σ_p A[·, p] · B[p, ·], p ascending,
/// one multiply and one add per term. Call only when nn_kernel_has_avx() is 1.
void nn_avx_tile(long depth, const double *a, const double *b, double *c, long ldc, int accumulate);

/// Rows 0..<rows (1 to 4) of one tile on the bottom edge of C, from a panel of NN_AVX_TILE_ROWS rows:
/// nn_avx_tile's sums for the rows that exist, reading and writing no other row of C.
/// Call only when nn_kernel_has_avx() is 1.
void nn_avx_tile_short(long depth, const double *a, const double *b, double *c, long ldc, int accumulate, long rows);

/// C[m×n] = A[m×k] · B[k×n], all row-major, for products too small to pack: blocks of 16, 8 and 4
/// columns of one row held in 4-lane registers while p runs in order. Call only when nn_kernel_has_avx() is 1.
void nn_avx_row_product(const double *a, const double *b, double *c, long m, long k, long n);

/// y[i] = tanh(x[i]) for i in 0..<n, four lanes at a time with the operations of NNCore's scalar
/// Elementary.tanh in the same order (no fused multiply-add), so every value has the scalar bits.
/// Call only when nn_kernel_has_avx() is 1.
void nn_avx_tanh(const double *x, double *y, long n);

/// y[i] = σ(x[i]) for i in 0..<n as NNCore's scalar Activation.sigmoid computes it (through its
/// Elementary.exp), four lanes at a time, with the same bits. Call only when nn_kernel_has_avx() is 1.
void nn_avx_sigmoid(const double *x, double *y, long n);

/// y[i] = e^x[i] for i in 0..<n, where every x[i] is ≤ 0 or nan, with the bits of NNCore's scalar
/// Elementary.exp (the same operations in the same order, unfused); other values give wrong results.
/// Call only when nn_kernel_has_avx() is 1.
void nn_avx_exp_nonpositive(const double *x, double *y, long n);

/// One plain Adam step (no AMSGrad, weight decay added to the gradient) over n parameters, in place in
/// p, m and v, with the operations of NNCore's Adam.update in the same order, unfused, so every value
/// has the scalar loop's bits. Call only when nn_kernel_has_avx() is 1.
void nn_avx_adam(double *p, const double *g, double *m, double *v, long n, double beta1, double beta2,
                 double weight_decay, double step_size, double correction2_root, double epsilon);

#endif
