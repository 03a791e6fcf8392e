extension Elementary {
    /// tanh(x) within 1 ulp: tanh(±0) = ±0, tanh(±inf) = ±1, and ±1 for |x| ≥ 22.
    ///
    /// tanh|x| = −t/(2 + t) with t = e^(−2|x|) − 1 in (−1, 0]. An expm1 rounded to a double would let its
    /// own error grow by up to 1.5 in the quotient, so t is carried as a double-double: the reduced
    /// exponential 2ᵏ·(1 + r + P) minus 1, with the sums exact.
    public static func tanh(_ x: Double) -> Double {
        if x.isNaN { return x }
        let magnitude = highWord(x) & 0x7fff_ffff
        if magnitude < 0x3e30_0000 { return x }  // |x| < 2⁻²⁸ (keeps −0)
        if magnitude >= 0x4036_0000 { return x < 0 ? -1 : 1 }  // |x| ≥ 22 (and inf): 1 to the last bit
        let u = -2 * Swift.abs(x)
        let k = magnitude < 0x3fc6_2e42 ? 0 : Int(invLn2 * u - 0.5)  // |u| ≤ ln2/2: no reduction
        let t = Double(k)
        let hi = u - t * ln2Hi
        let lo = t * ln2Lo
        let correction = reducedExpCorrection(hi: hi, lo: lo)
        // e^u − 1 = (2ᵏ − 1) + 2ᵏ·(hi − lo + P); 2ᵏ − 1 and the scaling by 2ᵏ are exact.
        let scale = powerOfTwo(k)
        let sum = DoubleDouble.twoSum(hi, -lo) + DoubleDouble(correction)
        let expm1 = DoubleDouble(scale - 1) + DoubleDouble(sum.hi * scale, sum.lo * scale)
        let denominator = DoubleDouble(2) + expm1
        let q = expm1.hi / denominator.hi
        let back = DoubleDouble.twoProduct(q, denominator.hi)
        let remainder = (((expm1.hi - back.hi) - back.lo) + expm1.lo) - q * denominator.lo
        let z = -(q + remainder / denominator.hi)
        return x < 0 ? -z : z
    }
}
