import Foundation

/// The seeded generator behind every random number in nnlearn.
///
/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit state advanced by the
/// golden-ratio increment and mixed by two xor-shift-multiply rounds. Its
/// stream depends on nothing but the seed, so recorded lesson outputs replay
/// byte for byte on every machine. Uniform doubles take the top 53 bits;
/// normals come from the Box–Muller transform, both values of each pair used.
public struct RandomGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private var spareNormal: Double?

    /// Creates a generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal double (mean 0, standard deviation 1).
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let u1 = 1 - nextUniform()  // in (0, 1], so the logarithm is finite
        let u2 = nextUniform()
        let radius = (-2 * Elementary.log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = radius * Elementary.sin(angle)
        return radius * Elementary.cos(angle)
    }

    /// A whole number in 0..<bound, without modulo bias.
    public mutating func nextIndex(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next(upperBound: UInt64(bound)))
    }

    /// A random permutation of 0..<count (Fisher–Yates).
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        guard count > 1 else { return order }
        for i in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(i, nextIndex(below: i + 1))
        }
        return order
    }
}
