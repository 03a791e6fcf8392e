import Testing
@testable import NNCore

/// Plain Adam's AVX update gives every parameter and moment the bits of the scalar loop.
@Suite struct AdamKernelTests {
    /// Runs `steps` Adam steps on parameters of `count` values with gradients from a fixed sequence; returns the values.
    static func train(count: Int, steps: Int, path: KernelPath, weightDecay: Double = 0,
                      special: [Double] = []) throws -> [Double] {
        var g = ElementarySamples(seed: 0x5eed)
        let start = (0..<count).map { _ in g.uniform(-2, 2) }
        let p = try Tensor(start, shape: [count], requiresGrad: true)
        let adam = try Adam([p], learningRate: 0.01, weightDecay: weightDecay)
        adam.kernelPath = path
        for step in 0..<steps {
            var gradient = (0..<count).map { _ in g.uniform(-3, 3) * (step % 3 == 0 ? 1e-6 : 1) }
            for (i, value) in special.enumerated() where i < count { gradient[i] = value }
            try p.setGrad(gradient)
            adam.step()
        }
        return p.data
    }

    @Test func avxMatchesTheScalarLoop() throws {
        guard KernelPath.available.contains(.avx) else { return }
        for count in [1, 2, 3, 4, 5, 7, 8, 9, 64, 1_601] {
            for decay in [0, 0.01] {
                let scalar = try Self.train(count: count, steps: 12, path: .baseline, weightDecay: decay)
                let avx = try Self.train(count: count, steps: 12, path: .avx, weightDecay: decay)
                #expect(scalar.map(\.bitPattern) == avx.map(\.bitPattern), "\(count) parameters, weight decay \(decay)")
            }
        }
    }

    /// Zero, huge, tiny and non-finite gradients: nan and infinities land where the scalar loop puts them.
    @Test func specialGradientsMatch() throws {
        guard KernelPath.available.contains(.avx) else { return }
        let special: [Double] = [0, -0.0, 1e300, -1e300, .leastNonzeroMagnitude, .infinity, -.infinity, .nan]
        let scalar = try Self.train(count: 11, steps: 3, path: .baseline, special: special)
        let avx = try Self.train(count: 11, steps: 3, path: .avx, special: special)
        #expect(scalar.map(\.bitPattern) == avx.map(\.bitPattern))
    }

    /// One step by hand: m = 0.1g, v = 0.001g², p −= 0.01 · (m / 0.1) / (√(v / 0.001) + 1e-8).
    @Test func oneStepHasAdamsValue() throws {
        for path in KernelPath.available {
            let p = try Tensor([1, -1, 0.5], shape: [3], requiresGrad: true)
            let adam = try Adam([p], learningRate: 0.01)
            adam.kernelPath = path
            try p.setGrad([0.5, -2, 0])
            adam.step()
            #expect(abs(p.data[0] - 0.99) < 1e-9)
            #expect(abs(p.data[1] - -0.99) < 1e-9)
            #expect(p.data[2] == 0.5)
        }
    }
}
