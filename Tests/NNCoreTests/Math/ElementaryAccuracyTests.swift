import Foundation
import Testing
@testable import NNCore

/// NNCore's elementary functions against the C library's (glibc: below 1 ulp from the exact result but
/// for tanh) on 240 000 arguments each: never more than 1 ulp apart (2 for tanh).
@Suite struct ElementaryAccuracyTests {
    static let count = 240_000

    static let functions: [(String, @Sendable (Double) -> Double, @Sendable (Double) -> Double)] = [
        ("exp", Elementary.exp, Foundation.exp), ("expm1", Elementary.expm1, Foundation.expm1),
        ("log", Elementary.log, Foundation.log), ("log1p", Elementary.log1p, Foundation.log1p),
        ("tanh", Elementary.tanh, Foundation.tanh), ("sin", Elementary.sin, Foundation.sin),
        ("cos", Elementary.cos, Foundation.cos), ("erf", Elementary.erf, Foundation.erf),
    ]

    /// (largest ulp distance, share of bit-equal results, the argument at the largest distance).
    static func compare(_ pairs: [(Double, Double)]) -> (UInt64, Double, Int) {
        var worst: UInt64 = 0
        var worstIndex = 0
        var equal = 0
        for (i, (ours, theirs)) in pairs.enumerated() {
            let d = ours.ulps(from: theirs)
            if d == 0 && ours.sign == theirs.sign { equal += 1 }
            if d > worst { worst = d; worstIndex = i }
        }
        return (worst, Double(equal) / Double(pairs.count), worstIndex)
    }

    @Test(arguments: 0..<8) func isWithinOneUlpOfTheCLibrary(_ index: Int) {
        let (name, ours, libm) = Self.functions[index]
        let xs = ElementarySamples.arguments(for: name, count: Self.count)
        let (worst, share, at) = Self.compare(xs.map { (ours($0), libm($0)) })
        print("\(name): largest difference \(worst) ulp, bit-equal \(share)")
        // glibc's tanh (fdlibm's formula over a rounded expm1) is itself up to 1.8 ulp off: at
        // x = 0.24495945718428036 it gives 0.2401746609089052 where the exact value rounds to …527, ours.
        let bound: UInt64 = name == "tanh" ? 2 : 1
        #expect(worst <= bound, "\(name)(\(xs[at])) = \(ours(xs[at])), the C library gives \(libm(xs[at]))")
        #expect(share > 0.85)
    }

    @Test func powIsWithinOneUlpOfTheCLibrary() {
        let args = ElementarySamples.powArguments(count: Self.count)
        let (worst, share, at) = Self.compare(args.map { (Elementary.pow($0.0, $0.1), Foundation.pow($0.0, $0.1)) })
        print("pow: largest difference \(worst) ulp, bit-equal \(share)")
        let (x, y) = args[at]
        #expect(worst <= 1, "pow(\(x), \(y)) = \(Elementary.pow(x, y)), the C library gives \(Foundation.pow(x, y))")
        #expect(share > 0.9)
    }
}
