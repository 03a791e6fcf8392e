import Testing
@testable import NNCore

/// tanh, σ and eˣ over arrays (four lanes at a time with AVX) give every value the bits of the scalar functions.
@Suite struct ElementaryArrayTests {
    /// The places where the scalar code switches, each with its neighbours one ulp away, and the special values.
    static let boundaries: [Double] = {
        let edges: [Double] = [
            0, 0x1p-28, 22, Double(bitPattern: 0x3fc6_2e42_0000_0000), Double(bitPattern: 0x3fd6_2e43_0000_0000),
            0.6931471805599453 / 2, 1.5 * 0.6931471805599453, Double(bitPattern: 0x3ff0_a2b2_0000_0000),
            Elementary.expUnderflow, 708.39641853226408, 708.4, 745, 1021 * 0.6931471805599453, 1, 0.5, 20, 44,
            .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, .infinity,
        ]
        var values: [Double] = [.nan, -.nan, Double(nan: 0x1234, signaling: false), -Double(nan: 77, signaling: false)]
        for edge in edges {
            for v in [edge.nextDown, edge, edge.nextUp] { values += [v, -v] }
        }
        return values
    }()

    static func samples(for name: String) -> [Double] {
        var g = ElementarySamples(seed: 0x1234_5678)
        let wide = (0..<20_000).map { _ in g.uniform(-800, 800) }
        let narrow = (0..<20_000).map { _ in g.uniform(-30, 30) }
        return boundaries + ElementarySamples.arguments(for: name, count: 40_000) + wide + narrow
    }

    /// Expects `array` to give every value of `x` the bits `scalar` gives it.
    static func expectScalarBits(_ name: String, _ x: [Double], _ array: [Double], _ scalar: (Double) -> Double) {
        let wrong = x.indices.filter { array[$0].bitPattern != scalar(x[$0]).bitPattern }
        #expect(wrong.isEmpty, "\(name): \(wrong.count) of \(x.count) values differ, first at x = \(wrong.first.map { x[$0] } ?? 0)")
    }

    @Test(arguments: KernelPath.allCases)
    func everyValueHasTheScalarBits(_ path: KernelPath) {
        guard KernelPath.available.contains(path) else { return }
        let x = Self.samples(for: "tanh")
        Self.expectScalarBits("tanh, \(path)", x, Elementary.tanh(x, path: path), Elementary.tanh)
        let z = Self.samples(for: "exp")
        Self.expectScalarBits("σ, \(path)", z, Elementary.sigmoid(z, path: path), Activation.sigmoid)
    }

    /// eˣ of arrays of values ≤ 0 (the vector code's range, log-probabilities), and of arrays with a positive
    /// value anywhere, which the scalar function computes whole.
    @Test(arguments: KernelPath.allCases)
    func exponentialsHaveTheScalarBits(_ path: KernelPath) {
        guard KernelPath.available.contains(path) else { return }
        let z = Self.samples(for: "exp")
        let nonpositive = z.filter { !($0 > 0) }
        #expect(nonpositive.count > 40_000)
        Self.expectScalarBits("exp ≤ 0, \(path)", nonpositive, Elementary.exp(nonpositive, path: path), Elementary.exp)
        Self.expectScalarBits("exp, \(path)", z, Elementary.exp(z, path: path), Elementary.exp)
        for length in 0..<10 {
            let x = (0..<length).map { -Double($0) * 0.7 }
            Self.expectScalarBits("exp, \(length) values", x, Elementary.exp(x, path: path), Elementary.exp)
        }
        #expect(Elementary.exp([0, -1, -800, -.infinity], path: path) == [1, 0.36787944117144233, 0, 0])
        #expect(Elementary.exp([-1, 1], path: path) == [0.36787944117144233, 2.718281828459045])
    }

    /// Lengths that leave every remainder of four, and the empty array.
    @Test(arguments: KernelPath.allCases)
    func everyLengthIsCovered(_ path: KernelPath) {
        guard KernelPath.available.contains(path) else { return }
        for length in 0..<10 {
            let x = (0..<length).map { Double($0) * 0.7 - 3 }
            Self.expectScalarBits("tanh, \(length) values", x, Elementary.tanh(x, path: path), Elementary.tanh)
            Self.expectScalarBits("σ, \(length) values", x, Elementary.sigmoid(x, path: path), Activation.sigmoid)
        }
    }

    /// The values a learner sees, so that a wrong scalar reference could not hide a wrong array path.
    @Test func knownValues() {
        for path in KernelPath.available {
            #expect(Elementary.sigmoid([0, 2, -2, 800, -800], path: path) == [0.5, 0.8807970779778823, 0.11920292202211755, 1, 0])
            #expect(Elementary.tanh([0.5, -1, 30, -0.0], path: path) == [0.46211715726000974, -0.7615941559557649, 1, -0.0])
        }
    }
}
