extension Elementary {
    private static let invHalfPi = 6.36619772367581382433e-01
    // π/2 in three 33-bit pieces and their tails: n·piece is exact for |n| < 2²⁰.
    private static let halfPi1 = 1.57079632673412561417e+00
    private static let halfPi1Tail = 6.07710050650619224932e-11
    private static let halfPi2 = 6.07710050630396597660e-11
    private static let halfPi2Tail = 2.02226624879595063154e-21
    private static let halfPi3 = 2.02226624871116645580e-21
    private static let halfPi3Tail = 8.47842766036889956997e-32
    private static let halfPi = DoubleDouble(1.5707963267948966, 6.123233995736766e-17)

    /// x = n·π/2 + (hi + lo) with |hi + lo| ≤ π/4 (a little more at worst), for a finite |x| > π/4.
    ///
    /// Below 2²⁰·π/2 (about 1.6·10⁶) Cody–Waite with π/2 in three 33-bit pieces is exact to 151 bits,
    /// enough for every double there; above, Payne–Hanek multiplies x by 2/π taken to as many bits as the
    /// exponent of x needs, so the reduction stays exact up to the largest double.
    static func reducedByHalfPi(_ x: Double) -> (Int, DoubleDouble) {
        let magnitude = highWord(x) & 0x7fff_ffff
        guard magnitude < 0x4139_21fb else {
            let (n, y) = reducedByPayneHanek(Swift.abs(x))
            return x < 0 ? (0 &- n, DoubleDouble(-y.hi, -y.lo)) : (n, y)
        }
        let fn = (x * invHalfPi).rounded(.toNearestOrEven)
        var r = x - fn * halfPi1
        var w = fn * halfPi1Tail  // first pass good to 85 bits
        var y0 = r - w
        let exponent = Int(magnitude >> 20)
        if exponent - Int((highWord(y0) >> 20) & 0x7ff) > 16 {  // cancellation: second pass, 118 bits
            var t = r
            w = fn * halfPi2
            r = t - w
            w = fn * halfPi2Tail - ((t - r) - w)
            y0 = r - w
            if exponent - Int((highWord(y0) >> 20) & 0x7ff) > 49 {  // third pass, 151 bits
                t = r
                w = fn * halfPi3
                r = t - w
                w = fn * halfPi3Tail - ((t - r) - w)
                y0 = r - w
            }
        }
        return (Int(fn), DoubleDouble(y0, (r - y0) - w))
    }

    /// Payne–Hanek for x ≥ 2²⁰·π/2: with x = m·2ᵉ (m a 53-bit integer), only the bits of 2/π whose
    /// weight times 2ᵉ is below 4 matter for x·2/π mod 4; 192 of them, from there on, give the
    /// fraction to more than 128 bits, however close x comes to a multiple of π/2.
    private static func reducedByPayneHanek(_ x: Double) -> (Int, DoubleDouble) {
        let bits = x.bitPattern
        let e = Int((bits >> 52) & 0x7ff) - 1075
        let m = bits & 0x000f_ffff_ffff_ffff | 0x0010_0000_0000_0000
        // Bit i of 2/π (weight 2⁻ⁱ) sits at position i + 63 of the table; the first one used is e − 1.
        let start = e - 1 + 63
        let (w0, w1, w2) = (twoOverPiBits(at: start), twoOverPiBits(at: start + 64), twoOverPiBits(at: start + 128))
        // m·(w0:w1:w2) = x·2/π·2¹⁹⁰ modulo 4·2¹⁹⁰; only the low three words of the product are needed.
        let low = m.multipliedFullWidth(by: w2)
        let middle = m.multipliedFullWidth(by: w1)
        let high = m.multipliedFullWidth(by: w0)
        let p0 = low.low
        let (p1, carry1) = low.high.addingReportingOverflow(middle.low)
        let p2 = middle.high &+ high.low &+ (carry1 ? 1 : 0)
        var n = Int(p2 >> 62)
        // The fraction as 192 bits f0:f1:f2 (f0 most significant), then rounded to the nearest integer.
        var f0 = p2 << 2 | p1 >> 62
        var f1 = p1 << 2 | p0 >> 62
        var f2 = p0 << 2
        let negative = f0 >> 63 == 1
        if negative {  // fraction ≥ 1/2: take n + 1 and the magnitude 1 − fraction
            n += 1
            (f0, f1, f2) = (~f0, ~f1, ~f2)
            var carry: Bool
            (f2, carry) = f2.addingReportingOverflow(1)
            if carry { (f1, carry) = f1.addingReportingOverflow(1) }
            if carry { f0 &+= 1 }
        }
        // Normalize so the top word holds the leading bits (the fraction is never below 2⁻⁷⁰ or so).
        var shift = 0
        while f0 == 0 && shift < 128 {
            (f0, f1, f2) = (f1, f2, 0)
            shift += 64
        }
        let zeros = f0.leadingZeroBitCount
        if zeros > 0 {
            f0 = f0 << zeros | f1 >> (64 - zeros)
            f1 = f1 << zeros | f2 >> (64 - zeros)
        }
        shift += zeros
        // f0:f1 as a double-double, then times π/2.
        let head = Double(f0 >> 11)  // 53 bits, exact
        let tail = Double(f0 & 0x7ff) * 0x1p-64 + Double(f1) * 0x1p-128
        let fraction = DoubleDouble.fastTwoSum(head * 0x1p-53, tail)
        let scale = powerOfTwo(-shift)
        var y = DoubleDouble(fraction.hi * scale, fraction.lo * scale) * halfPi
        if negative { y = DoubleDouble(-y.hi, -y.lo) }
        return (n, y)
    }

    /// 64 bits of 2/π from table position `position` on.
    @inline(__always)
    private static func twoOverPiBits(at position: Int) -> UInt64 {
        let word = position >> 6
        let offset = position & 63
        if offset == 0 { return twoOverPi[word] }
        return twoOverPi[word] << offset | twoOverPi[word + 1] >> (64 - offset)
    }

    /// The binary digits of 2/π (computed to 1280 bits with arbitrary precision), after a zero word so that
    /// the bits in front of the point, all 0, can be addressed too.
    private static let twoOverPi: [UInt64] = [
        0x0000_0000_0000_0000,
        0xA2F9_836E_4E44_1529, 0xFC27_57D1_F534_DDC0, 0xDB62_9599_3C43_9041, 0xFE51_63AB_DEBB_C561,
        0xB724_6E3A_424D_D2E0, 0x0649_2EEA_09D1_921C, 0xFE1D_EB1C_B129_A73E, 0xE882_35F5_2EBB_4484,
        0xE99C_7026_B45F_7E41, 0x3991_D639_8353_39F4, 0x9C84_5F8B_BDF9_283B, 0x1FF8_97FF_DE05_980F,
        0xEF2F_118B_5A0A_6D1F, 0x6D36_7ECF_27CB_09B7, 0x4F46_3F66_9E5F_EA2D, 0x7527_BAC7_EBE5_F17B,
        0x3D07_39F7_8A52_92EA, 0x6BFB_5FB1_1F8D_5D08, 0x5603_3046_FC7B_6BAB, 0xF0CF_BC20_9AF4_361D,
    ]
}
