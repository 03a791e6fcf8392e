import Foundation
import Testing
@testable import NNCore

/// σ is computed without a branch; it must give exactly PyTorch's two-sided form,
/// 1 / (1 + e⁻ˣ) for x ≥ 0 and eˣ / (1 + eˣ) below, bit for bit.
@Suite struct SigmoidFormTests {
    @Test func branchFreeSigmoidIsTheTwoSidedFormExactly() {
        var rng = RandomGenerator(seed: 17)
        let specials: [Double] = [0, -0.0, 1e-310, -1e-310, 36, -36, 709, -709, 745, -745, 1e308, -1e308, .infinity, -.infinity]
        for x in specials + (0..<2000).map({ _ in rng.nextNormal() * 20 }) {
            let expected = x >= 0 ? 1 / (1 + Elementary.exp(-x)) : Elementary.exp(x) / (1 + Elementary.exp(x))
            #expect(Activation.sigmoid(x).bitPattern == expected.bitPattern, "σ(\(x))")
        }
        #expect(Activation.sigmoid(.nan).isNaN)
    }
}
