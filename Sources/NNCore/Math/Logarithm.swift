extension Elementary {
    // Minimax polynomial for (log(1 + f) − 2s)/s, s = f/(2 + f), on |s| ≤ 0.1716, error below 2⁻⁵⁸·⁴⁵ (fdlibm).
    private static let lg1 = 6.666666666666735130e-01
    private static let lg2 = 3.999999999940941908e-01
    private static let lg3 = 2.857142874366239149e-01
    private static let lg4 = 2.222219843214978396e-01
    private static let lg5 = 1.818357216161805012e-01
    private static let lg6 = 1.531383769920937332e-01
    private static let lg7 = 1.479819860511658591e-01

    /// The natural logarithm within 1 ulp: log(±0) = −inf, log(x < 0) = nan, log(inf) = inf, log(1) = 0.
    public static func log(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x == 0 { return -.infinity }
        if x < 0 { return .nan }
        if x == .infinity { return x }
        var x = x
        var k = 0
        if x < 0x1p-1022 {  // subnormal: scale into the normal range
            k -= 54
            x *= 0x1p54
        }
        var high = highWord(x)
        k += Int(high >> 20) - 1023
        high &= 0x000f_ffff
        // Normalize x to [√2/2, √2): i is 0x100000 when the fraction is at least √2 − 1.
        let i = (high &+ 0x95f64) & 0x0010_0000
        x = settingHighWord(x, high | (i ^ 0x3ff0_0000))
        k += Int(i >> 20)
        let f = x - 1
        let dk = Double(k)
        if (0x000f_ffff & (2 &+ high)) < 3 {  // |f| < 2⁻²⁰
            if f == 0 { return k == 0 ? 0 : dk * ln2Hi + dk * ln2Lo }
            let r = f * f * (0.5 - 0.33333333333333333 * f)
            return k == 0 ? f - r : dk * ln2Hi - ((r - dk * ln2Lo) - f)
        }
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let r = t2 + t1
        // Far from 1 the f²/2 term is split out to keep the rounding of s·(f − R) small.
        if (high &- 0x6147a) | (0x6b851 &- high) > 0 {
            let halfFSquared = 0.5 * f * f
            return k == 0 ? f - (halfFSquared - s * (halfFSquared + r))
                : dk * ln2Hi - ((halfFSquared - (s * (halfFSquared + r) + dk * ln2Lo)) - f)
        }
        return k == 0 ? f - s * (f - r) : dk * ln2Hi - ((s * (f - r) - dk * ln2Lo) - f)
    }

    /// log(1 + x) without the loss near 0, within 1 ulp: log1p(−1) = −inf, log1p(x < −1) = nan, log1p(−0) = −0.
    public static func log1p(_ x: Double) -> Double {
        if x.isNaN { return x }
        let high = highWord(x)
        let magnitude = high & 0x7fff_ffff
        var k = 1
        var f = 0.0
        var fractionHigh: Int32 = 1
        var c = 0.0
        if high < 0x3fda_827a {  // x < √2 − 1 (or negative)
            if magnitude >= 0x3ff0_0000 {  // x ≤ −1
                return x == -1 ? -.infinity : .nan
            }
            if magnitude < 0x3e20_0000 {  // |x| < 2⁻²⁹
                return magnitude < 0x3c90_0000 ? x : x - x * x * 0.5
            }
            if high > 0 || high <= Int32(bitPattern: 0xbfd2_bec3) {  // −0.2929 < x < 0.41422: no reduction
                k = 0
                f = x
            }
        }
        if x == .infinity { return x }
        if k != 0 {
            var u: Double
            if high < 0x4340_0000 {  // x < 2⁵³: 1 + x rounds; c is its rounding error over u
                u = 1 + x
                fractionHigh = highWord(u)
                k = Int(fractionHigh >> 20) - 1023
                c = k > 0 ? 1 - (u - x) : x - (u - 1)
                c /= u
            } else {
                u = x
                fractionHigh = highWord(u)
                k = Int(fractionHigh >> 20) - 1023
                c = 0
            }
            fractionHigh &= 0x000f_ffff
            if fractionHigh < 0x6a09e {  // u's fraction below √2: keep [1, √2)
                u = settingHighWord(u, fractionHigh | 0x3ff0_0000)
            } else {  // otherwise halve into [√2/2, 1)
                k += 1
                u = settingHighWord(u, fractionHigh | 0x3fe0_0000)
                fractionHigh = (0x0010_0000 &- fractionHigh) >> 2
            }
            f = u - 1
        }
        let halfFSquared = 0.5 * f * f
        let dk = Double(k)
        if fractionHigh == 0 {  // |f| < 2⁻²⁰
            if f == 0 {
                if k == 0 { return 0 }
                c += dk * ln2Lo
                return dk * ln2Hi + c
            }
            let r = halfFSquared * (1 - 0.66666666666666666 * f)
            return k == 0 ? f - r : dk * ln2Hi - ((r - (dk * ln2Lo + c)) - f)
        }
        let s = f / (2 + f)
        let z = s * s
        let r = z * (lg1 + z * (lg2 + z * (lg3 + z * (lg4 + z * (lg5 + z * (lg6 + z * lg7))))))
        if k == 0 { return f - (halfFSquared - s * (halfFSquared + r)) }
        return dk * ln2Hi - ((halfFSquared - (s * (halfFSquared + r) + (dk * ln2Lo + c))) - f)
    }
}
