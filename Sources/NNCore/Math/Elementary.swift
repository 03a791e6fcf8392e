/// Elementary functions that give the same bits on every CPU and platform.
///
/// The C library picks its `exp`, `log`, `sin`, … at load time (glibc uses FMA variants on CPUs that have
/// them, macOS has its own libm), and their last bits differ, which training amplifies. These are written
/// with IEEE +, −, ×, ÷ and √ only, each correctly rounded everywhere, and Swift never fuses a multiply
/// with an add, so a result depends on its argument alone. The algorithms are the classic fdlibm ones
/// (Cody–Waite reduction, minimax polynomials); the accuracy is within 1 ulp of the exact result.
public enum Elementary {}

extension Elementary {
    /// ln 2 split so that k·ln2Hi is exact for |k| < 2²⁰ (the low 21 bits of ln2Hi are zero).
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    static let invLn2 = 1.44269504088896338700e+00

    /// The high 32 bits of x as a signed integer, the word fdlibm's range tests compare.
    @inline(__always)
    static func highWord(_ x: Double) -> Int32 {
        Int32(truncatingIfNeeded: x.bitPattern >> 32)
    }

    /// x with its high 32 bits replaced.
    @inline(__always)
    static func settingHighWord(_ x: Double, _ high: Int32) -> Double {
        Double(bitPattern: UInt64(UInt32(bitPattern: high)) << 32 | (x.bitPattern & 0xffff_ffff))
    }

    /// 2ⁿ for a normal exponent n in −1022...1023.
    @inline(__always)
    static func powerOfTwo(_ n: Int) -> Double {
        Double(bitPattern: UInt64(truncatingIfNeeded: n &+ 1023) << 52)
    }

    /// y·2ᵏ rounded once: the first factor is exact, only the last can round (to a subnormal or infinity).
    @inline(__always)
    static func scaled(_ y: Double, by k: Int) -> Double {
        if k > 1023 { return y * powerOfTwo(1023) * powerOfTwo(k - 1023) }
        if k < -1021 { return y * powerOfTwo(k + 1000) * powerOfTwo(-1000) }
        return y * powerOfTwo(k)
    }
}
