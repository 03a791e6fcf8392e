extension Elementary {
    private static let ln2 = DoubleDouble(0.6931471805599453, 2.3190468138462996e-17)
    private static let third = DoubleDouble(1.0 / 3, 1.850371707708594e-17)
    private static let fifth = DoubleDouble(1.0 / 5, -1.1102230246251566e-17)

    /// xʸ per C99 Annex F, within 1 ulp: pow(x, ±0) = 1 (even for nan), pow(1, y) = 1, a negative x
    /// needs an integer y (pow(−8, 1/3) = nan, pow(−2, 3) = −8), pow(±0, y < 0) = inf with the sign
    /// of 0 for odd y. Computed as e^(y·log x) with log x to about 2⁻⁷⁰ (a double-double) and an
    /// exponential that takes the low part of y·log x as its correction.
    public static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 || x == 1 { return 1 }
        if x.isNaN || y.isNaN { return .nan }
        if y.isInfinite {
            if x == -1 { return 1 }
            return (Swift.abs(x) < 1) == (y > 0) ? 0 : .infinity
        }
        let yIsInteger = y.rounded(.towardZero) == y
        let yIsOdd = yIsInteger && Swift.abs(y) < 0x1p53 && (0.5 * y).rounded(.towardZero) != 0.5 * y
        if x == 0 {
            if y < 0 { return yIsOdd ? 1 / x : .infinity }
            return yIsOdd ? x : 0
        }
        if x.isInfinite {
            let magnitude: Double = y < 0 ? 0 : .infinity
            return x < 0 && yIsOdd ? -magnitude : magnitude
        }
        if x < 0 && !yIsInteger { return .nan }
        let sign: Double = x < 0 && yIsOdd ? -1 : 1
        // Exact or correctly rounded in IEEE arithmetic.
        if y == 1 { return x }
        if y == 2 { return x * x }
        if y == -1 { return 1 / x }
        if y == 0.5 && x > 0 { return x.squareRoot() }
        let logarithm = logExtended(Swift.abs(x))
        let estimate = y * logarithm.hi
        if !(Swift.abs(estimate) < 1000) {  // far beyond overflow or underflow (and keeps the split below finite)
            return sign * (estimate > 0 ? .infinity : 0)
        }
        let product = DoubleDouble.twoProduct(y, logarithm.hi)
        let exponent = DoubleDouble.fastTwoSum(product.hi, product.lo + y * logarithm.lo)
        return sign * expExtended(exponent)
    }

    /// e^(hi + lo) for a double-double argument: the Cody–Waite reduction of ``exp(_:)`` with lo
    /// folded into the low part of the reduced argument.
    private static func expExtended(_ a: DoubleDouble) -> Double {
        if a.hi > expOverflow + 1 { return .infinity }
        if a.hi < expUnderflow - 1 { return 0 }
        let k = Int(invLn2 * a.hi + (a.hi < 0 ? -0.5 : 0.5))
        let t = Double(k)
        return reducedExp(hi: a.hi - t * ln2Hi, lo: t * ln2Lo - a.lo, k: k)
    }

    /// log x for a positive finite x as a double-double with a relative error near 2⁻⁷⁰:
    /// x = 2ᵏ·m with m in [√2/2, √2), log m = 2·atanh(s) = 2s(1 + s²/3 + s⁴/5 + …), s = (m − 1)/(m + 1).
    static func logExtended(_ x: Double) -> DoubleDouble {
        var m = x
        var k = 0
        if m < 0x1p-1022 {
            m *= 0x1p54
            k = -54
        }
        let bits = m.bitPattern
        k += Int((bits >> 52) & 0x7ff) - 1023
        m = Double(bitPattern: bits & 0x000f_ffff_ffff_ffff | 0x3ff0_0000_0000_0000)
        if m > 1.4142135623730951 {
            m *= 0.5
            k += 1
        }
        // s = f/u to double-double: f = m − 1 is exact (Sterbenz), u = m + 1 is a two-sum.
        let f = m - 1
        let u = DoubleDouble.twoSum(m, 1)
        let sHi = f / u.hi
        let back = DoubleDouble.twoProduct(sHi, u.hi)
        let sLo = ((f - back.hi) - back.lo - sHi * u.lo) / u.hi
        let s = DoubleDouble(sHi, sLo)
        let z = s * s
        // |s| ≤ 0.1716, z ≤ 0.0295: the terms from z³/7 on are below 2⁻¹⁸ of the sum, so a double
        // carries them; the series stops at z¹³/27 (the next term is below 2⁻⁷¹).
        let w = z.hi
        let tail = 1.0 / 7 + w * (1.0 / 9 + w * (1.0 / 11 + w * (1.0 / 13 + w * (1.0 / 15 + w * (1.0 / 17
            + w * (1.0 / 19 + w * (1.0 / 21 + w * (1.0 / 23 + w * (1.0 / 25 + w * (1.0 / 27))))))))))
        let series = DoubleDouble(1) + z * (third + z * (fifth + z * DoubleDouble(tail)))
        let logM = DoubleDouble(2 * s.hi, 2 * s.lo) * series
        return DoubleDouble(Double(k)) * ln2 + logM
    }
}
