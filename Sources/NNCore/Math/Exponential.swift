extension Elementary {
    // Minimax polynomial for R(r²) = r·(eʳ + 1)/(eʳ − 1) on |r| ≤ ln2/2, error below 2⁻⁵⁹ (fdlibm).
    private static let p1 = 1.66666666666666019037e-01
    private static let p2 = -2.77777777770155933842e-03
    private static let p3 = 6.61375632143793436117e-05
    private static let p4 = -1.65339022054652515390e-06
    private static let p5 = 4.13813679705723846039e-08

    /// Largest x whose eˣ is finite, and the x below which eˣ rounds to 0.
    static let expOverflow = 7.09782712893383973096e+02
    static let expUnderflow = -7.45133219101941108420e+02

    /// eˣ, within 1 ulp; overflows to inf above 709.78 and reaches 0 below −745.13 (through subnormals).
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > expOverflow { return .infinity }
        if x < expUnderflow { return 0 }
        let high = highWord(x) & 0x7fff_ffff
        if high < 0x3e30_0000 { return 1 + x }  // |x| < 2⁻²⁸
        guard high > 0x3fd6_2e42 else { return reducedExp(hi: x, lo: 0, k: 0) }  // |x| ≤ ln2/2
        if high < 0x3ff0_a2b2 {  // |x| < 1.5·ln2: k = ±1
            return x > 0 ? reducedExp(hi: x - ln2Hi, lo: ln2Lo, k: 1) : reducedExp(hi: x + ln2Hi, lo: -ln2Lo, k: -1)
        }
        let k = Int(invLn2 * x + (x < 0 ? -0.5 : 0.5))
        let t = Double(k)
        return reducedExp(hi: x - t * ln2Hi, lo: t * ln2Lo, k: k)
    }

    /// e^(hi − lo)·2ᵏ for |hi − lo| ≤ ln2/2 + a little, where lo carries the bits hi cannot
    /// (Cody–Waite: x = k·ln2 + hi − lo); exp(r) = 1 + r + r·c/(2 − c) with c = r − r²·R(r²).
    @inline(__always)
    static func reducedExp(hi: Double, lo: Double, k: Int) -> Double {
        // 1 + (hi − lo) + P summed exactly but for the last rounding (fdlibm rounds twice more here,
        // which leaves exp(1) an ulp high).
        let r = DoubleDouble.twoSum(hi, -lo)
        let head = DoubleDouble.fastTwoSum(1, r.hi)
        let y = head.hi + (head.lo + (r.lo + reducedExpCorrection(hi: hi, lo: lo)))
        return k == 0 ? y : scaled(y, by: k)
    }

    /// P in e^r = 1 + r + P for r = hi − lo: P = r·c/(2 − c), about r²/2, accurate to a few ulps of itself.
    @inline(__always)
    static func reducedExpCorrection(hi: Double, lo: Double) -> Double {
        let r = hi - lo
        let t = r * r
        let c = r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))))
        return (r * c) / (2 - c)
    }

    // Minimax polynomial for the scaled expm1 correction on |x| ≤ ln2/2, error below 2⁻⁶¹ (fdlibm).
    private static let q1 = -3.33333333333331316428e-02
    private static let q2 = 1.58730158725481460165e-03
    private static let q3 = -7.93650757867487942473e-05
    private static let q4 = 4.00821782732936239552e-06
    private static let q5 = -2.01099218183624371326e-07

    /// eˣ − 1 without the cancellation near 0, within 1 ulp; expm1(−0) = −0, expm1(−inf) = −1.
    public static func expm1(_ x: Double) -> Double {
        if x.isNaN { return x }
        let high = highWord(x) & 0x7fff_ffff
        let negative = x.sign == .minus
        if high >= 0x4043_687a {  // |x| ≥ 56·ln2
            if x > expOverflow { return .infinity }
            if negative { return -1 }  // e^x below 2⁻⁵⁶: −1 to the last bit
        }
        var x = x
        var k = 0
        var c = 0.0
        if high > 0x3fd6_2e42 {  // |x| > ln2/2: reduce x = k·ln2 + hi − lo
            var hi: Double
            var lo: Double
            if high < 0x3ff0_a2b2 {
                (hi, lo, k) = negative ? (x + ln2Hi, -ln2Lo, -1) : (x - ln2Hi, ln2Lo, 1)
            } else {
                k = Int(invLn2 * x + (negative ? -0.5 : 0.5))
                let t = Double(k)
                hi = x - t * ln2Hi
                lo = t * ln2Lo
            }
            x = hi - lo
            c = (hi - x) - lo
        } else if high < 0x3c90_0000 {  // |x| < 2⁻⁵⁴ (keeps the sign of −0)
            return x
        }
        let halfX = 0.5 * x
        let halfXSquared = x * halfX
        let r1 = 1 + halfXSquared * (q1 + halfXSquared * (q2 + halfXSquared * (q3 + halfXSquared * (q4 + halfXSquared * q5))))
        let t = 3 - r1 * halfX
        var e = halfXSquared * ((r1 - t) / (6 - x * t))
        if k == 0 { return x - (x * e - halfXSquared) }
        e = x * (e - c) - c
        e -= halfXSquared
        if k == -1 { return 0.5 * (x - e) - 0.5 }
        if k == 1 { return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e) }
        if k <= -2 || k > 56 {  // 2ᵏ dwarfs or is dwarfed by the −1
            return scaled(1 - (e - x), by: k) - 1
        }
        if k < 20 {
            return scaled((1 - powerOfTwo(-k)) - (e - x), by: k)
        }
        return scaled((x - (e + powerOfTwo(-k))) + 1, by: k)
    }
}
