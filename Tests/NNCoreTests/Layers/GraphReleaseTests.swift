import Foundation
import Testing
@testable import NNCore

/// Training a CNN and an LSTM keeps no step's graph alive: after each step every node the
/// step computed is freed, so memory cannot grow with the number of steps. (Time and peak
/// memory over 10 000 steps are measured by benchmarks/cnn-steps.nn and benchmarks/lstm-steps.nn.)
@Suite struct GraphReleaseTests {
    /// A weak reference to one node of a step's graph.
    final class WeakNode {
        weak var tensor: Tensor?
        init(_ tensor: Tensor) { self.tensor = tensor }
    }

    /// Runs `steps` SGD steps of `loss`, checking after each that the previous step's graph is gone;
    /// returns the first and last loss.
    static func train(_ model: Sequential, steps: Int, loss: () throws -> Tensor) throws -> (first: Double, last: Double, leaks: Int) {
        let optimizer = try SGD(model.parameters, learningRate: 0.05)
        var previous: [WeakNode] = []
        var (first, last, leaks) = (0.0, 0.0, 0)
        for step in 0..<steps {
            optimizer.zeroGrad()
            let value = try loss()
            try value.backward()
            optimizer.step()
            leaks += previous.filter { $0.tensor != nil }.count
            previous = value.graphInForwardOrder().filter { !$0.isLeaf }.map(WeakNode.init)
            if step == 0 { first = try value.item() }
            last = try value.item()
        }
        return (first, last, leaks)
    }

    @Test func aSmallCNNFreesEveryStepsGraph() throws {
        var rng = RandomGenerator(seed: 7)
        let model = try Sequential([
            try Conv2d(inChannels: 1, outChannels: 2, kernel: 3, using: &rng), ActivationLayer(.relu),
            try Pool2d(kernel: 2, maximum: true), Flatten(), try BatchNorm(features: 8), try Dense(inputs: 8, outputs: 2, using: &rng),
        ])
        let x = try Tensor.randn([4, 1, 6, 6], using: &rng)
        let y = Tensor([0, 1, 1, 0])
        let result = try Self.train(model, steps: 2_000) { try Loss.crossEntropy(try model(x), y) }
        #expect(result.leaks == 0)
        #expect(result.last < result.first / 4, "the CNN learns: \(result)")
    }

    @Test func anLSTMOverTwentyStepsFreesEveryStepsGraph() throws {
        var rng = RandomGenerator(seed: 8)
        let model = try Sequential([try Recurrent(.lstm, inputs: 3, hidden: 4, using: &rng), try Dense(inputs: 4, outputs: 2, using: &rng)])
        let x = try Tensor.randn([2, 20, 3], using: &rng)
        let y = Tensor([1, 0])
        let result = try Self.train(model, steps: 300) { try Loss.crossEntropy(try model(x), y) }
        #expect(result.leaks == 0)
        #expect(result.last < result.first / 2, "the LSTM learns: \(result)")
    }
}
