import Testing
@testable import NNCore

@Suite struct BackwardTests {
    @Test func accumulatesWhenATensorFeedsSeveralConsumers() throws {
        let x = Tensor(3.0, requiresGrad: true)
        let y = try x * x + x  // dy/dx = 2x + 1 = 7
        try y.backward()
        #expect(x.grad?.data == [7])
    }

    @Test func reportsGradientsThatWereNotZeroed() throws {
        let w = Tensor(2.0, requiresGrad: true)
        let first = try (w * w).backward()
        #expect(first.accumulatedInto.isEmpty)
        let second = try (w * w).backward()
        #expect(second.accumulatedInto.count == 1)
        #expect(w.grad?.data == [8])
        w.zeroGrad()
        let third = try (w * w).backward()
        #expect(third.accumulatedInto.isEmpty)
        #expect(w.grad?.data == [4])
    }

    @Test func aGraphOneHundredThousandOpsDeepNeitherOverflowsOnBackwardNorOnRelease() throws {
        let x = Tensor(1.0, requiresGrad: true)
        let step = Tensor(1.0)
        var y = x
        for _ in 0..<100_000 { y = try y + step }
        #expect(y.data == [100_001])
        try y.backward()
        #expect(x.grad?.data == [1])
        y = Tensor(0.0)  // releases the chain iteratively
        #expect(y.data == [0])
    }

    @Test func noGradScopeRecordsNothing() throws {
        let w = Tensor(2.0, requiresGrad: true)
        let y = try GradMode.withoutGrad { try w * w }
        #expect(y.requiresGrad == false)
        #expect(y.isLeaf)
        #expect(throws: CoreError.self) { try y.backward() }
    }

    @Test func backwardFromANonScalarNeedsAnUpstream() throws {
        let w = try Tensor([1, 2], shape: [2], requiresGrad: true)
        let y = try w * w
        #expect(throws: CoreError("backward", "backward from a tensor of shape [2] needs an upstream gradient of that shape; reduce it to a scalar first (e.g. with sum() or mean())")) {
            try y.backward()
        }
        try y.backward(upstream: Tensor([1, 10]))
        #expect(w.grad?.data == [2, 40])
    }

    @Test func detachCutsTheGraph() throws {
        let w = Tensor(3.0, requiresGrad: true)
        let y = try (w * w).detached() * w
        try y.backward()
        #expect(w.grad?.data == [9])  // only the second factor is differentiated
    }

    @Test func detachSharesTheValuesAndCloneCopiesThem() throws {
        let w = try Tensor([1, 2, 3], shape: [3], requiresGrad: true)
        let shared = w.detached(), copy = try w.detached().cloned()
        try GradMode.withoutGrad { try w.setIndexed([.at(1)], to: Tensor(-5.0)) }
        #expect(shared.data == [1, -5, 3])
        #expect(copy.data == [1, 2, 3])
        #expect(!shared.requiresGrad && shared.isLeaf)
        // clone is the identity for gradients: d/dw Σ clone(w)·w = 2w, as torch.clone.
        let y = try (w.cloned() * w).sum()
        try y.backward()
        #expect(w.grad?.data == [2, -10, 6])
    }

    @Test func nonLeafTensorsKeepTheirGradientsForTheReports() throws {
        let x = Tensor(0.5, requiresGrad: true)
        let a = try x.sigmoid()
        let loss = try a * a
        try loss.backward()
        let da = 2 * a.data[0]
        #expect(a.grad?.data == [da])
        #expect(Swift.abs((x.grad?.data[0] ?? 0) - da * a.data[0] * (1 - a.data[0])) < 1e-15)
    }

    @Test func anomalyModeNamesTheFirstOpThatProducesNaN() throws {
        let x = try Tensor([1000, 1], shape: [2], requiresGrad: true)
        // Without detection, inf flows on silently.
        let silent = try x.exp()
        #expect(silent.data[0] == .infinity)
        let error = #expect(throws: CoreError.self) {
            try Anomaly.detecting { _ = try x.exp() }
        }
        #expect(error?.op == "exp")
        #expect(error?.reason.contains("forward pass produced inf") == true)
        #expect(error?.reason.contains("values in [1.0, 1000.0]") == true)
    }

    @Test func anomalyModeChecksGradientsToo() throws {
        let x = Tensor(0.0, requiresGrad: true)
        let y = try x.sqrt()  // finite forward, infinite derivative at 0
        let error = #expect(throws: CoreError.self) {
            try Anomaly.detecting { try y.backward() }
        }
        #expect(error?.op == "sqrt")
        #expect(error?.reason.contains("backward pass produced inf") == true)
    }
}
