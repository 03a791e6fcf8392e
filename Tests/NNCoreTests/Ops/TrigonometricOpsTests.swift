import Testing
@testable import NNCore

/// sin and cos as tensor ops: values and gradients against PyTorch 2.13 (float64), and a gradcheck.
@Suite struct TrigonometricOpsTests {
    // Printed by PyTorch: x = torch.tensor(xs).reshape(2, 4); y = torch.sin(x) (or cos);
    // torch.autograd.grad(y, x, upstream). π/2 is the float64 nearest to it; 1e6 needs an exact reduction.
    static let xs = [-3.0, -1.25, -0.0, 0.5, 1.5707963267948966, 2.75, 100.0, 1e6]
    static let upstream = [1.0, -2.0, 0.5, 3.0, 0.25, -1.0, 2.0, -0.75]
    static let torchSin = [-0.1411200080598672, -0.9489846193555862, -0.0, 0.479425538604203, 1.0,
                           0.38166099205233167, -0.5063656411097588, -0.34999350217129294]
    static let torchSinGrad = [-0.9899924966004454, -0.6306447247905373, 0.5, 2.6327476856711183, 1.5308084989341915e-17,
                               0.9243023786324636, 1.7246377445753678, -0.7025640956498586]
    static let torchCos = [-0.9899924966004454, 0.3153223623952687, 1.0, 0.8775825618903728, 6.123233995736766e-17,
                           -0.9243023786324636, 0.8623188722876839, 0.9367521275331447]
    static let torchCosGrad = [0.1411200080598672, -1.8979692387111724, 0.0, -1.438276615812609, -0.25,
                               0.38166099205233167, 1.0127312822195176, -0.2624951266284697]

    /// Within `ulps` roundings of PyTorch's (the C library's) results. One op: both are within 1 ulp of the
    /// exact value. A composite sums a few such terms, each differing by up to an ulp.
    static func expectClose(_ got: [Double], _ expected: [Double], _ what: String, ulps: Double = 1) {
        #expect(got.count == expected.count, "\(what): count")
        for (index, (a, b)) in zip(got, expected).enumerated() {
            #expect(Swift.abs(a - b) <= ulps * 2.3e-16 * Swift.max(Swift.abs(b), 1e-300), "\(what) element \(index): \(a) vs \(b)")
        }
    }

    @Test func sinAndItsGradientAgreeWithPyTorch() throws {
        let x = try Tensor(Self.xs, shape: [2, 4], requiresGrad: true)
        let y = try x.sin()
        Self.expectClose(y.data, Self.torchSin, "sin")
        #expect(y.data[2].sign == .minus, "sin(−0) is −0")
        try y.backward(upstream: try Tensor(Self.upstream, shape: [2, 4]))
        Self.expectClose(try #require(x.grad).data, Self.torchSinGrad, "sin grad")
    }

    @Test func cosAndItsGradientAgreeWithPyTorch() throws {
        let x = try Tensor(Self.xs, shape: [2, 4], requiresGrad: true)
        let y = try x.cos()
        Self.expectClose(y.data, Self.torchCos, "cos")
        try y.backward(upstream: try Tensor(Self.upstream, shape: [2, 4]))
        Self.expectClose(try #require(x.grad).data, Self.torchCosGrad, "cos grad")
    }

    /// (sin(x) · cos(2x)).sum() and its gradient, both printed by PyTorch.
    @Test func aCompositeAgreesWithPyTorch() throws {
        let x = try Tensor(Self.xs, shape: [2, 4], requiresGrad: true)
        let loss = try (x.sin() * (Tensor(2.0) * x).cos()).sum()
        Self.expectClose(loss.data, [-0.35666331383097233], "loss", ulps: 8)
        try loss.backward()
        Self.expectClose(try #require(x.grad).data,
                         [-0.8716991445267926, -1.3885002172069756, 1.0, -0.33268547844363194, -3.061616997868383e-16,
                          -0.11647071686210109, -0.46430436506186795, 0.24826487834941113], "composite grad", ulps: 8)
    }

    @Test func gradcheck() throws {
        let x = try GradcheckAllOpsTests.random([3, 4], seed: 31, shift: 0.3)
        for (name, op) in [("sin", { (t: Tensor) in try t.sin() }), ("cos", { try $0.cos() }),
                           ("sin∘cos", { try $0.cos().sin() })] {
            let result = try Gradcheck.check({ try op($0[0]) }, at: [x])
            #expect(result.passed, "\(name): max error \(result.maxErrors)")
        }
    }

    @Test func infinityAndNanGiveNan() throws {
        let x = try Tensor([.infinity, -.infinity, .nan], shape: [3])
        #expect(try x.sin().data.allSatisfy(\.isNaN))
        #expect(try x.cos().data.allSatisfy(\.isNaN))
    }

    @Test func theGraphNamesTheOps() throws {
        let x = Tensor(0.5, requiresGrad: true)
        #expect(try x.sin().op == "sin")
        #expect(try x.cos().op == "cos")
    }
}
