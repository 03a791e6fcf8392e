@testable import NNCore

/// Deterministic arguments for the elementary-function tests: log-uniform magnitudes of both signs,
/// and the places where the algorithms switch (reduction boundaries, overflow, subnormals).
struct ElementarySamples {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// xorshift64: the same sequence everywhere.
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// A magnitude 2ᵉ·(1 + u) with e uniform in [low, high), and a random sign when `signed`.
    mutating func logUniform(_ low: Int, _ high: Int, signed: Bool = true) -> Double {
        let e = low + Int(next() % UInt64(high - low))
        let m = Double(bitPattern: (next() & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000)
        let magnitude = Elementary.scaled(m, by: e)
        return signed && next() & 1 == 1 ? -magnitude : magnitude
    }

    /// `count` arguments per function, from its domain (see each case).
    static func arguments(for function: String, count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [Double] {
        var g = ElementarySamples(seed: seed)
        let ln2 = 0.6931471805599453
        return (0..<count).map { i in
            switch (function, i % 4) {
            case ("exp", 0), ("expm1", 0): return g.logUniform(-60, 10).clamped(-745.2, 709.8)
            case ("exp", 1), ("expm1", 1): return g.uniform(-40, 40)
            case ("exp", 2), ("expm1", 2): return (Double(Int(g.next() % 2048)) - 1024) * ln2 / 2 + g.uniform(-1e-6, 1e-6)
            case ("exp", _), ("expm1", _): return i % 8 == 3 ? g.uniform(700, 709.79) : g.uniform(-745.2, -700)
            case ("log", 0): return Double(bitPattern: g.next() & 0x7fef_ffff_ffff_ffff)  // any positive finite double
            case ("log", 1): return 1 + g.logUniform(-60, -1)
            case ("log", 2): return g.logUniform(-20, 20, signed: false)
            case ("log", _): return Double(bitPattern: g.next() & 0x000f_ffff_ffff_ffff) + 0x1p-1074  // subnormals
            case ("log1p", 0): return g.logUniform(-60, 0) * (g.next() & 1 == 0 ? 1 : 0.999)
            case ("log1p", 1): return g.logUniform(-60, 1024, signed: false)
            case ("log1p", 2): return -1 + g.logUniform(-60, -1, signed: false)
            case ("log1p", _): return g.uniform(-0.3, 0.42)
            case ("tanh", 0): return g.logUniform(-40, 6)
            case ("tanh", 1): return g.uniform(-3, 3)
            case ("tanh", 2): return g.uniform(-23, 23)
            case ("tanh", _): return g.logUniform(-1080, -28)
            case ("sin", 0), ("cos", 0): return g.logUniform(-30, 21)
            case ("sin", 1), ("cos", 1): return g.uniform(-10, 10)
            case ("sin", 2), ("cos", 2): return Double(Int(g.next() % 2_000_001) - 1_000_000) * (Double.pi / 2) + g.uniform(-1e-9, 1e-9)
            case ("sin", _), ("cos", _): return g.logUniform(21, 1024)  // Payne–Hanek
            case ("erf", 0): return g.logUniform(-40, 3)
            case ("erf", 1): return g.uniform(-6.5, 6.5)
            case ("erf", 2): return g.uniform(0.8, 3)
            default: return g.logUniform(-1074, -1020)
            }
        }
    }

    /// Pairs (x, y) for pow whose result is finite: log-uniform positive bases with exponents in range,
    /// negative bases with integer exponents, bases near 1 with large exponents, and results near under/overflow.
    static func powArguments(count: Int, seed: UInt64 = 0xD1B5_4A32_D192_ED03) -> [(Double, Double)] {
        var g = ElementarySamples(seed: seed)
        return (0..<count).map { i in
            switch i % 5 {
            case 0:
                let x = g.logUniform(-30, 30, signed: false)
                return (x, g.uniform(-1, 1) * 700 / Swift.abs(Elementary.log(x)).clamped(1, 1e9))
            case 1: return (g.uniform(0, 10), g.uniform(-10, 10))
            case 2: return (-g.logUniform(-8, 8, signed: false), Double(Int(g.next() % 41) - 20))
            case 3: return (1 + g.logUniform(-50, -1), g.logUniform(0, 50))
            default:
                let x = g.logUniform(-10, 10, signed: false)
                let target = g.next() & 1 == 0 ? g.uniform(690, 709.7) : g.uniform(-745, -700)
                return (x, target / Elementary.log(x))
            }
        }
    }
}

extension Double {
    func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }

    /// The distance in units in the last place between two doubles (0 for two nans, or two equal infinities).
    func ulps(from other: Double) -> UInt64 {
        if isNaN && other.isNaN { return 0 }
        if isNaN || other.isNaN { return .max }
        func ordered(_ x: Double) -> Int64 {
            let bits = Int64(bitPattern: x.bitPattern)
            return bits < 0 ? Int64.min &- bits : bits
        }
        let a = ordered(self), b = ordered(other)
        return a > b ? UInt64(bitPattern: a &- b) : UInt64(bitPattern: b &- a)
    }
}
