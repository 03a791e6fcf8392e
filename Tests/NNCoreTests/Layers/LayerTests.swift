import Testing
@testable import NNCore

@Suite struct LayerTests {
    @Test func mlpShapesAndParameterCounts() throws {
        var rng = RandomGenerator(seed: 0)
        let model = try MLP(sizes: [64, 25, 15, 10], activation: .relu, using: &rng)
        #expect(model.layers.map(\.parameterCount) == [64 * 25 + 25, 25 * 15 + 15, 15 * 10 + 10])
        #expect(model.parameterCount == 2_175)
        #expect(model.parameters.map(\.label) == ["W1", "b1", "W2", "b2", "W3", "b3"])
        let out = try model(try Tensor.zeros([5, 64]))
        #expect(out.shape == [5, 10])
        #expect(model.summary().hasSuffix("total parameters: 2175"))
        #expect(throws: CoreError("Dense", "the layer expects 64 features per example but the input has shape [5, 3]")) {
            try model(try Tensor.zeros([5, 3]))
        }
    }

    @Test func initializerScalesMatchTheLiterature() throws {
        var rng = RandomGenerator(seed: 3)
        func std(_ t: Tensor) -> Double {
            let mean = t.data.reduce(0, +) / Double(t.count)
            return (t.data.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(t.count)).squareRoot()
        }
        let he = try Initializer.heNormal.weights(fanIn: 200, fanOut: 300, using: &rng)
        #expect(Swift.abs(std(he) - (2.0 / 200).squareRoot()) < 0.003)
        let glorot = try Initializer.glorotUniform.weights(fanIn: 200, fanOut: 300, using: &rng)
        let limit = (6.0 / 500).squareRoot()
        #expect(glorot.data.allSatisfy { Swift.abs($0) <= limit })
        #expect(Swift.abs(std(glorot) - (2.0 / 500).squareRoot()) < 0.003)
        #expect(Initializer(name: "xavier_normal") == .glorotNormal)
        #expect(Initializer(name: "bogus") == nil)
    }

    @Test func mlpDefaultsEachActivationToItsInitializer() throws {
        #expect(MLP.defaultInitializer(for: .selu) == .lecunNormal)
        #expect(MLP.defaultInitializer(for: .relu) == .heNormal)
        #expect(MLP.defaultInitializer(for: .tanh) == .glorotUniform)
        // SELU layers drawn by default have LeCun's std √(1/fan-in), not Glorot's √(2/(fan-in + fan-out)).
        var rng = RandomGenerator(seed: 1)
        let model = try MLP(sizes: [400, 100, 100], activation: .selu, using: &rng)
        let w = model.layers[0].weight.data
        let mean = w.reduce(0, +) / Double(w.count)
        let std = (w.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(w.count)).squareRoot()
        #expect(Swift.abs(std - (1.0 / 400).squareRoot()) < 0.001)
        #expect(Swift.abs(std - (2.0 / 500).squareRoot()) > 0.005)
    }

    @Test func anMLPLearnsXOR() throws {
        var rng = RandomGenerator(seed: 0)
        let model = try MLP(sizes: [2, 4, 1], activation: .tanh, output: .sigmoid, using: &rng)
        let x = try Tensor([[0, 0], [0, 1], [1, 0], [1, 1]])
        let y = try Tensor([[0], [1], [1], [0]])
        let sgd = try SGD(model.parameters, learningRate: 0.5)
        var loss = Tensor(1.0)
        for _ in 0..<2000 {
            sgd.zeroGrad()
            loss = try Loss.binaryCrossEntropy(try model(x), y)
            try loss.backward()
            sgd.step()
        }
        #expect(try loss.item() < 0.05)
        let predictions = try model(x).data.map { $0 > 0.5 ? 1.0 : 0.0 }
        #expect(predictions == [0, 1, 1, 0])
    }

    /// OneCycleLR cycles SGD's momentum and Adam's β₁ against the rate, as PyTorch's default cycle_momentum
    /// (the values are PyTorch's for max_lr 0.1 and 6 steps); AdaGrad, which has neither, is refused.
    @Test func oneCycleCyclesTheMomentumAsPyTorch() throws {
        let expected = [0.95, 0.8505584586887436, 0.8688255099070633, 0.9037365046793212, 0.9366525935914912, 0.95]
        let p = Tensor(0.0, requiresGrad: true)
        for optimizer: Optimizer in [try SGD([p], learningRate: 0.1), try Adam([p], learningRate: 0.1)] {
            let schedule = try LearningRateSchedule(optimizer, .oneCycle(maximum: 0.1, totalSteps: 6, warmup: 0.3, div: 25, finalDiv: 1e4, momentum: 0.85...0.95))
            var seen: [Double] = []
            for _ in 0..<6 {
                seen.append(try #require(optimizer.cycledMomentum))
                try schedule.step()
            }
            #expect(zip(seen, expected).allSatisfy { Swift.abs($0 - $1) <= 1e-12 }, "\(optimizer.name): \(seen)")
            #expect(throws: CoreError.self) { try schedule.step() }  // a seventh step is past total_steps
        }
        #expect(throws: CoreError.self) {
            try LearningRateSchedule(try AdaGrad([p]), .oneCycle(maximum: 0.1, totalSteps: 6, warmup: 0.3, div: 25, finalDiv: 1e4, momentum: 0.85...0.95))
        }
    }

    @Test func schedulesFollowPyTorch() throws {
        let p = Tensor(1.0, requiresGrad: true)
        let sgd = try SGD([p], learningRate: 1)
        let stepLR = try LearningRateSchedule(sgd, .step(stepSize: 2, gamma: 0.5))
        var rates: [Double] = []
        for _ in 0..<5 { try stepLR.step(); rates.append(sgd.learningRate) }
        #expect(rates == [1, 0.5, 0.5, 0.25, 0.25])
        let adam = try Adam([p], learningRate: 0.1)
        let exponential = try LearningRateSchedule(adam, .exponential(gamma: 0.9))
        try exponential.step(); try exponential.step()
        #expect(Swift.abs(adam.learningRate - 0.081) < 1e-15)
        #expect(throws: CoreError.self) { try SGD([Tensor(1.0)], learningRate: 0.1) }
        #expect(throws: CoreError.self) { try SGD([p], learningRate: -1) }
    }
}
