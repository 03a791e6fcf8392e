import Testing
@testable import NNCore

/// Every special value as IEEE 754, C99 Annex F and PyTorch give it, signs of zero included.
@Suite struct ElementarySpecialValueTests {
    static let inf = Double.infinity
    static let nan = Double.nan
    static let tiny = Double.leastNonzeroMagnitude

    /// Same value, and the same sign when it is a zero (nan matches nan).
    static func same(_ a: Double, _ b: Double) -> Bool {
        a.isNaN ? b.isNaN : a == b && a.sign == b.sign
    }

    static let unaryCases: [(String, Double, Double)] = [
        ("exp", nan, nan), ("exp", inf, inf), ("exp", -inf, 0), ("exp", 0, 1), ("exp", -0.0, 1),
        ("exp", 709.78, 1.7928227943945155e308), ("exp", 709.8, inf), ("exp", -745.1, 5e-324), ("exp", -745.2, 0),
        ("exp", -740, 4.2e-322), ("exp", 1, 2.718281828459045),
        ("expm1", nan, nan), ("expm1", inf, inf), ("expm1", -inf, -1), ("expm1", 0, 0), ("expm1", -0.0, -0.0),
        ("expm1", 1e-300, 1e-300), ("expm1", -40, -1), ("expm1", -50, -1), ("expm1", 710, inf),
        ("log", nan, nan), ("log", 0, -inf), ("log", -0.0, -inf), ("log", -1, nan), ("log", -inf, nan),
        ("log", inf, inf), ("log", 1, 0), ("log", tiny, -744.4400719213812), ("log", .greatestFiniteMagnitude, 709.782712893384),
        ("log1p", nan, nan), ("log1p", -1, -inf), ("log1p", -2, nan), ("log1p", inf, inf), ("log1p", -inf, nan),
        ("log1p", 0, 0), ("log1p", -0.0, -0.0), ("log1p", 1e-300, 1e-300), ("log1p", 1, 0.6931471805599453),
        ("tanh", nan, nan), ("tanh", inf, 1), ("tanh", -inf, -1), ("tanh", 0, 0), ("tanh", -0.0, -0.0),
        ("tanh", 22, 1), ("tanh", -30, -1), ("tanh", -tiny, -tiny), ("tanh", 0.5, 0.46211715726000974),
        ("tanh", 0.24495945718428036, 0.24017466090890527),  // correctly rounded; glibc is 1.8 ulp off
        ("sin", nan, nan), ("sin", inf, nan), ("sin", -inf, nan), ("sin", 0, 0), ("sin", -0.0, -0.0),
        ("sin", -tiny, -tiny), ("sin", .pi, 1.2246467991473532e-16), ("sin", 1e22, -0.8522008497671888),
        ("sin", .greatestFiniteMagnitude, 0.004961954789184062),
        ("cos", nan, nan), ("cos", inf, nan), ("cos", -inf, nan), ("cos", 0, 1), ("cos", -0.0, 1),
        ("cos", .pi, -1), ("cos", 1e22, 0.523214785395139), ("cos", .greatestFiniteMagnitude, -0.9999876894265599),
        ("erf", nan, nan), ("erf", inf, 1), ("erf", -inf, -1), ("erf", 0, 0), ("erf", -0.0, -0.0),
        ("erf", 6, 1), ("erf", -tiny, -tiny), ("erf", 1, 0.8427007929497149), ("erf", -0.5, -0.5204998778130465),
    ]

    @Test func unaryFunctionsGiveTheIEEESpecialValues() {
        let functions: [String: (Double) -> Double] = [
            "exp": Elementary.exp, "expm1": Elementary.expm1, "log": Elementary.log, "log1p": Elementary.log1p,
            "tanh": Elementary.tanh, "sin": Elementary.sin, "cos": Elementary.cos, "erf": Elementary.erf,
        ]
        for (name, x, expected) in Self.unaryCases {
            let f = functions[name]!
            #expect(Self.same(f(x), expected), "\(name)(\(x)) = \(f(x)), expected \(expected)")
        }
    }

    static let powCases: [(Double, Double, Double)] = [
        (nan, 0, 1), (nan, -0.0, 1), (inf, 0, 1), (1, nan, 1), (1, inf, 1), (1, -inf, 1),
        (nan, 1, nan), (2, nan, nan), (-8, 1.0 / 3, nan), (-2, 0.5, nan),
        (-2, 3, -8), (-2, 2, 4), (-2, -3, -0.125), (-1, inf, 1), (-1, -inf, 1),
        (0, -1, inf), (-0.0, -1, -inf), (-0.0, -2, inf), (0, -0.5, inf), (-0.0, -inf, inf),
        (0, 3, 0), (-0.0, 3, -0.0), (-0.0, 2, 0), (-0.0, 0.5, 0), (0, inf, 0),
        (0.5, inf, 0), (0.5, -inf, inf), (2, inf, inf), (2, -inf, 0), (-0.5, inf, 0), (-2, -inf, 0),
        (inf, -1, 0), (inf, 0.5, inf), (-inf, 3, -inf), (-inf, 2, inf), (-inf, -3, -0.0), (-inf, -2, 0),
        (2, 1024, inf), (2, -1075, 0), (2, -1074, tiny), (-2, 1025, -inf), (-2, -1075, -0.0),
        (2, 10, 1024), (10, 2, 100), (10, -2, 0.01), (10, 22, 1e22), (2, 0.5, 1.4142135623730951),
        (9, 0.5, 3), (4, -0.5, 0.5), (1.0000001, 1e9, 2.6881038582144647e+43), (0.1, 0.1, 0.7943282347242815),
        (2, 1e300, inf), (0.5, 1e300, 0), (-0.5, 1e300, 0), (1e-300, 1e300, 0),
    ]

    @Test func powFollowsC99AnnexF() {
        for (x, y, expected) in Self.powCases {
            let result = Elementary.pow(x, y)
            #expect(Self.same(result, expected), "pow(\(x), \(y)) = \(result), expected \(expected)")
        }
    }
}
