import Testing
@testable import NNCore

/// renorm against torch.renorm (float64, PyTorch 2.13): values and gradients for three norms and axes.
@Suite struct RenormTests {
    static let x: [Double] = [1, -2, 0.5, 3, 0.1, 0.2, -0.3, 0, 4, 0, 0, -4]
    /// The upstream gradient of every case: backward of (renorm(x) ⊙ G).sum().
    static let upstream: [Double] = [1, -1, 2, 0.5, 3, 1, -2, 1, 0.5, 0.25, 1, -1]

    /// (p, axis, maxnorm, torch's values, torch's gradient), printed by torch.renorm on x of shape [3, 2, 2].
    static let cases: [(Double, Int, Double, [Double], [Double])] = [
        (3, 0, 2,
         [0.6050074147943564, -1.2100148295887128, 0.3025037073971782, 1.8150222443830692, 0.1, 0.2, -0.3, 0,
          1.587401020470174, 0, 0, -1.587401020470174],
         [0.512895562041149, -0.23656000378152656, 1.1869868664004108, -0.5265029673816888, 3, 1, -2, 1,
          -0.0992125578735063, 0.09921256377938588, 0.3968502551175435, -0.09921256968526546]),
        (2, 2, 1.5,
         [0.3601152466799748, -0.5567022039383258, 0.1800576233399874, 0.8350533059074887, 0.03601152466799748, 0.055670220393832584,
          -0.10803457400399244, 0, 1.4404609867198992, 0, 0, -1.1134044078766516],
         [0.2584112313273081, -0.13074067184589647, 0.6693784856836161, -0.08224009420031822, 1.0701753385046575, 0.26359005895683624,
          -0.6897192887541495, 0.2783511019691629, -0.22675843807067905, 0.06958777549229073, 0.36011524667997474, 0.016869758277369966]),
        (1, 1, 3,
         [0.41095889848001504, -0.8219177969600301, 0.1923076898422091, 1.1538461390532546, 0.041095889848001506, 0.08219177969600301,
          -0.11538461390532546, 0, 1.6438355939200602, 0, 0, -1.538461518737673],
         [0.10133233537351832, -0.10133233537351832, 0.4191321490163354, -0.1577909205102919, 0.9232501323335484, 0.10133233537351832,
          -0.4191321490163354, 0.38461537968441817, -0.1041471138664892, 0.10273972462000376, 0.38461537968441817, -0.03451676933191718]),
    ]

    @Test(arguments: 0..<cases.count)
    func agreesWithPyTorch(_ index: Int) throws {
        let (p, axis, maxNorm, values, gradient) = Self.cases[index]
        let x = try Tensor(Self.x, shape: [3, 2, 2], requiresGrad: true)
        let y = try Tensor.renorm(x, p: p, axis: axis, maxNorm: maxNorm)
        for (got, expected) in zip(y.data, values) { #expect(Swift.abs(got - expected) < 1e-14, "p \(p), axis \(axis): \(y.data)") }
        try (y * Tensor(Self.upstream, shape: [3, 2, 2])).sum().backward()
        let grad = try #require(x.grad)
        for (got, expected) in zip(grad.data, gradient) { #expect(Swift.abs(got - expected) < 1e-13, "p \(p), axis \(axis): \(grad.data)") }
    }

    @Test func slicesWithinTheLimitAndZeroSlicesPassThrough() throws {
        // Column 0 has norm 5 > 2 and is scaled to 2/(5 + 1e-7) of itself; column 1 (norm 0.37) and the zero column are untouched.
        let w = try Tensor([3, 0.1, 0, 4, 0.2, 0, 0, 0.3, 0], shape: [3, 3], requiresGrad: true)
        let y = try Tensor.renorm(w, p: 2, axis: 1, maxNorm: 2)
        let scale: Double = 2 / (5 + 1e-7)
        let expected: [Double] = [3 * scale, 0.1, 0, 4 * scale, 0.2, 0, 0, 0.3, 0]
        #expect(y.data == expected)
        try y.sum().backward()
        let grad = try #require(w.grad)
        #expect(grad.data[1] == 1 && grad.data[2] == 1 && grad.data[8] == 1)
        #expect(!grad.data.contains { $0.isNaN })
    }

    @Test func mistakesAreReported() throws {
        let w = try Tensor.ones([2, 2])
        #expect(throws: CoreError.self) { try Tensor.renorm(w, p: 0, axis: 1, maxNorm: 1) }
        #expect(throws: CoreError.self) { try Tensor.renorm(w, p: 2, axis: 2, maxNorm: 1) }
        #expect(throws: CoreError.self) { try Tensor.renorm(w, p: 2, axis: 1, maxNorm: -1) }
        #expect(throws: CoreError.self) { try Tensor.renorm(try Tensor.ones([3]), p: 2, axis: 0, maxNorm: 1) }
    }
}
