#include "CKernels.h"

// The same IEEE operations as the scalar Swift functions, in the same order, never fused: each lane
// gives the bits the scalar function gives for its value (see Sources/NNCore/Math).
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#define AVX_INLINE __attribute__((target("avx"), always_inline)) static inline

// The constants of Elementary.swift and Exponential.swift, digit for digit.
static const double ln2_hi = 6.93147180369123816490e-01;
static const double ln2_lo = 1.90821492927058770002e-10;
static const double inv_ln2 = 1.44269504088896338700e+00;
static const double p1 = 1.66666666666666019037e-01;
static const double p2 = -2.77777777770155933842e-03;
static const double p3 = 6.61375632143793436117e-05;
static const double p4 = -1.65339022054652515390e-06;
static const double p5 = 4.13813679705723846039e-08;
static const double exp_underflow = -7.45133219101941108420e+02;

/// An unevaluated sum hi + lo per lane (DoubleDouble.swift).
typedef struct { __m256d hi, lo; } dd4;

AVX_INLINE __m256d splat(double v) { return _mm256_set1_pd(v); }
AVX_INLINE __m256d from_bits(uint64_t bits) {
    double v;
    memcpy(&v, &bits, sizeof v);
    return _mm256_set1_pd(v);
}
AVX_INLINE __m256d add(__m256d a, __m256d b) { return _mm256_add_pd(a, b); }
AVX_INLINE __m256d sub(__m256d a, __m256d b) { return _mm256_sub_pd(a, b); }
AVX_INLINE __m256d mul(__m256d a, __m256d b) { return _mm256_mul_pd(a, b); }
AVX_INLINE __m256d dv(__m256d a, __m256d b) { return _mm256_div_pd(a, b); }
/// -a: the sign bit flipped, as Swift's prefix minus.
AVX_INLINE __m256d neg(__m256d a) { return _mm256_xor_pd(a, splat(-0.0)); }
/// |a|: the sign bit cleared.
AVX_INLINE __m256d magnitude(__m256d a) { return _mm256_andnot_pd(splat(-0.0), a); }
/// mask ? b : a, per lane.
AVX_INLINE __m256d pick(__m256d a, __m256d b, __m256d mask) { return _mm256_blendv_pd(a, b, mask); }

/// DoubleDouble.twoSum.
AVX_INLINE dd4 two_sum(__m256d a, __m256d b) {
    __m256d s = add(a, b);
    __m256d bb = sub(s, a);
    return (dd4){s, add(sub(a, sub(s, bb)), sub(b, bb))};
}

/// DoubleDouble.fastTwoSum.
AVX_INLINE dd4 fast_two_sum(__m256d a, __m256d b) {
    __m256d s = add(a, b);
    return (dd4){s, sub(b, sub(s, a))};
}

/// DoubleDouble's +.
AVX_INLINE dd4 dd_add(dd4 a, dd4 b) {
    dd4 s = two_sum(a.hi, b.hi);
    return fast_two_sum(s.hi, add(add(s.lo, a.lo), b.lo));
}

/// DoubleDouble.twoProduct (Veltkamp's split, no fused multiply-add).
AVX_INLINE dd4 two_product(__m256d a, __m256d b) {
    __m256d p = mul(a, b);
    __m256d ca = mul(splat(134217729.0), a), cb = mul(splat(134217729.0), b);
    __m256d ah = sub(ca, sub(ca, a)), bh = sub(cb, sub(cb, b));
    __m256d al = sub(a, ah), bl = sub(b, bh);
    return (dd4){p, add(add(add(sub(mul(ah, bh), p), mul(ah, bl)), mul(al, bh)), mul(al, bl))};
}

/// 2^k for k (int32 lanes) in -1022...1023.
AVX_INLINE __m256d power_of_two(__m128i k) {
    __m128i biased = _mm_add_epi32(k, _mm_set1_epi32(1023));
    __m128i low = _mm_slli_epi64(_mm_cvtepi32_epi64(biased), 52);
    __m128i high = _mm_slli_epi64(_mm_cvtepi32_epi64(_mm_unpackhi_epi64(biased, biased)), 52);
    return _mm256_castsi256_pd(_mm256_insertf128_si256(_mm256_castsi128_si256(low), high, 1));
}

/// Elementary.reducedExpCorrection.
AVX_INLINE __m256d reduced_exp_correction(__m256d hi, __m256d lo) {
    __m256d r = sub(hi, lo);
    __m256d t = mul(r, r);
    __m256d poly = add(splat(p1), mul(t, add(splat(p2), mul(t, add(splat(p3), mul(t, add(splat(p4), mul(t, splat(p5)))))))));
    __m256d c = sub(r, mul(t, poly));
    return dv(mul(r, c), sub(splat(2), c));
}

/// The reduction of Elementary.exp and tanh for argument lanes z ≤ 0 that need it: k (int32 lanes,
/// 0 where `reduce` is clear), and t = k as a double.
AVX_INLINE __m128i reduction(__m256d z, __m256d reduce, __m256d *t) {
    __m128i k = _mm256_cvttpd_epi32(_mm256_and_pd(sub(mul(splat(inv_ln2), z), splat(0.5)), reduce));
    *t = _mm256_cvtepi32_pd(k);
    return k;
}

/// Elementary.exp for lanes z ≤ 0 (or nan).
AVX_INLINE __m256d exp_nonpositive(__m256d z) {
    __m256d az = magnitude(z);
    __m256d t;
    // Reduced when the high word of |z| is above 0x3fd62e42 (|z| > ln2/2), as the scalar code tests.
    __m128i k = reduction(z, _mm256_cmp_pd(az, from_bits(0x3fd62e4300000000ull), _CMP_GE_OQ), &t);
    __m256d hi = sub(z, mul(t, splat(ln2_hi)));
    __m256d lo = mul(t, splat(ln2_lo));
    dd4 r = two_sum(hi, neg(lo));
    dd4 head = fast_two_sum(splat(1), r.hi);
    __m256d y = add(head.hi, add(head.lo, add(r.lo, reduced_exp_correction(hi, lo))));
    // Elementary.scaled: one factor 2^k, or two below k = −1021 (results that become subnormal).
    __m256d once = mul(y, power_of_two(k));
    __m256d twice = mul(mul(y, power_of_two(_mm_add_epi32(k, _mm_set1_epi32(1000)))), from_bits(0x0170000000000000ull));
    __m128i deep = _mm_cmplt_epi32(k, _mm_set1_epi32(-1021));
    __m256d deep4 = _mm256_castsi256_pd(_mm256_insertf128_si256(_mm256_castsi128_si256(_mm_cvtepi32_epi64(deep)),
                                                                 _mm_cvtepi32_epi64(_mm_unpackhi_epi64(deep, deep)), 1));
    __m256d e = pick(once, twice, deep4);
    e = pick(e, _mm256_setzero_pd(), _mm256_cmp_pd(z, splat(exp_underflow), _CMP_LT_OQ));
    e = pick(e, add(splat(1), z), _mm256_cmp_pd(az, from_bits(0x3e30000000000000ull), _CMP_LT_OQ));
    return pick(e, z, _mm256_cmp_pd(z, z, _CMP_UNORD_Q));
}

/// Activation.sigmoid: e = exp(−|x|), then (x ≥ 0 ? 1 : e) / (1 + e).
AVX_INLINE __m256d sigmoid4(__m256d x) {
    __m256d nonnegative = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_GE_OQ);
    __m256d e = exp_nonpositive(pick(x, neg(x), nonnegative));
    return dv(pick(e, splat(1), nonnegative), add(splat(1), e));
}

/// Elementary.tanh.
AVX_INLINE __m256d tanh4(__m256d x) {
    __m256d ax = magnitude(x);
    __m256d u = mul(splat(-2), ax);
    __m256d t;
    // Reduced unless the high word of |x| is below 0x3fc62e42.
    __m128i k = reduction(u, _mm256_cmp_pd(ax, from_bits(0x3fc62e4200000000ull), _CMP_GE_OQ), &t);
    __m256d hi = sub(u, mul(t, splat(ln2_hi)));
    __m256d lo = mul(t, splat(ln2_lo));
    __m256d correction = reduced_exp_correction(hi, lo);
    __m256d scale = power_of_two(k);
    __m256d zero = _mm256_setzero_pd();
    dd4 sum = dd_add(two_sum(hi, neg(lo)), (dd4){correction, zero});
    dd4 expm1 = dd_add((dd4){sub(scale, splat(1)), zero}, (dd4){mul(sum.hi, scale), mul(sum.lo, scale)});
    dd4 denominator = dd_add((dd4){splat(2), zero}, expm1);
    __m256d q = dv(expm1.hi, denominator.hi);
    dd4 back = two_product(q, denominator.hi);
    __m256d remainder = sub(add(sub(sub(expm1.hi, back.hi), back.lo), expm1.lo), mul(q, denominator.lo));
    __m256d z = neg(add(q, dv(remainder, denominator.hi)));
    __m256d y = pick(z, neg(z), _mm256_cmp_pd(x, zero, _CMP_LT_OQ));
    // |x| ≥ 22 (and ±inf): ±1; |x| < 2⁻²⁸: x; nan: x.
    y = pick(y, pick(splat(1), splat(-1), _mm256_cmp_pd(x, zero, _CMP_LT_OQ)), _mm256_cmp_pd(ax, splat(22), _CMP_GE_OQ));
    y = pick(y, x, _mm256_cmp_pd(ax, from_bits(0x3e30000000000000ull), _CMP_LT_OQ));
    return pick(y, x, _mm256_cmp_pd(x, x, _CMP_UNORD_Q));
}

// The last n % 4 values go through the same lanes, padded with zeros.
#define MAP_FOUR_AT_A_TIME(f)                                        \
    long i = 0;                                                      \
    for (; i + 4 <= n; i += 4)                                       \
        _mm256_storeu_pd(y + i, f(_mm256_loadu_pd(x + i)));          \
    if (i < n) {                                                     \
        double in[4] = {0, 0, 0, 0}, out[4];                         \
        memcpy(in, x + i, (size_t)(n - i) * sizeof(double));         \
        _mm256_storeu_pd(out, f(_mm256_loadu_pd(in)));               \
        memcpy(y + i, out, (size_t)(n - i) * sizeof(double));        \
    }

__attribute__((target("avx")))
void nn_avx_tanh(const double *x, double *y, long n) {
    MAP_FOUR_AT_A_TIME(tanh4)
}

__attribute__((target("avx")))
void nn_avx_sigmoid(const double *x, double *y, long n) {
    MAP_FOUR_AT_A_TIME(sigmoid4)
}

__attribute__((target("avx")))
void nn_avx_exp_nonpositive(const double *x, double *y, long n) {
    MAP_FOUR_AT_A_TIME(exp_nonpositive)
}

#else

// Never called off x86-64 (nn_kernel_has_avx() is 0 there).
void nn_avx_tanh(const double *x, double *y, long n) { (void)x; (void)y; (void)n; }
void nn_avx_sigmoid(const double *x, double *y, long n) { (void)x; (void)y; (void)n; }
void nn_avx_exp_nonpositive(const double *x, double *y, long n) { (void)x; (void)y; (void)n; }

#endif
