import Testing
@testable import NNCore

/// The deep-learning layers: shapes, parameter counts equal to PyTorch's for the same
/// configuration (from PyTorch's formulas), initial values and train/eval behaviour.
@Suite struct DeepLayerTests {
    @Test func convolutionalLayersShapesAndCounts() throws {
        var rng = RandomGenerator(seed: 0)
        let conv = try Conv2d(inChannels: 3, outChannels: 8, kernel: 3, padding: 1, using: &rng)
        // nn.Conv2d(3, 8, 3): out·in·k·k + out.
        #expect(conv.parameterCount == 8 * 3 * 3 * 3 + 8)
        #expect(conv.namedParameters.map(\.name) == ["W", "b"])
        let x = try Tensor.randn([2, 3, 6, 6], using: &rng)
        #expect(try conv(x).shape == [2, 8, 6, 6])
        let strided = try Conv2d(inChannels: 3, outChannels: 4, kernel: 3, stride: 2, using: &rng)
        #expect(try strided(x).shape == [2, 4, 2, 2])
        // PyTorch's default: uniform on ±1/√(in·k·k).
        let bound = 1 / 27.0.squareRoot()
        #expect(conv.weight.data.allSatisfy { Swift.abs($0) <= bound } && conv.bias.data.allSatisfy { Swift.abs($0) <= bound })
        #expect(conv.weight.data.contains { Swift.abs($0) > 0.8 * bound })
        #expect(try Pool2d(kernel: 2, maximum: true)(x).shape == [2, 3, 3, 3])
        #expect(try Pool2d(kernel: 3, stride: 1, maximum: false)(x).shape == [2, 3, 4, 4])
        #expect(try Flatten()(x).shape == [2, 108])
    }

    @Test func recurrentLayersMatchPyTorchsParameterCounts() throws {
        var rng = RandomGenerator(seed: 1)
        let (inputs, hidden) = (5, 7)
        // nn.RNN / nn.LSTM / nn.GRU: gates·hidden·(inputs + hidden) weights + 2·gates·hidden biases.
        for (cell, gates) in [(Recurrent.Cell.rnn, 1), (.lstm, 4), (.gru, 3)] {
            let layer = try Recurrent(cell, inputs: inputs, hidden: hidden, using: &rng)
            #expect(layer.parameterCount == gates * hidden * (inputs + hidden) + 2 * gates * hidden, "\(cell)")
            let bound = 1 / Double(hidden).squareRoot()
            #expect(layer.parameters.allSatisfy { $0.data.allSatisfy { Swift.abs($0) <= bound } })
            let x = try Tensor.randn([3, 4, inputs], using: &rng)
            let (outputs, state) = try layer.sequence(x)
            #expect(outputs.shape == [3, 4, hidden])
            #expect(state.count == (cell == .lstm ? 2 : 1))
            #expect(state.allSatisfy { $0.shape == [3, hidden] })
            // The last output is the last state, and inside a model the layer passes it on.
            #expect(Array(outputs.data[(3 * hidden)..<(4 * hidden)]) == Array(state[0].data[0..<hidden]))
            #expect(try layer(x).data == state[0].data)
        }
    }

    @Test func normalizationAndEmbeddingCounts() throws {
        var rng = RandomGenerator(seed: 2)
        #expect(try BatchNorm(features: 6).parameterCount == 12)  // nn.BatchNorm1d(6): γ and β
        #expect(try LayerNorm(features: 6).parameterCount == 12)
        let table = try Embedding(count: 10, dimension: 4, using: &rng)
        #expect(table.parameterCount == 40)
        #expect(try table(try Tensor([1, 2, 3, 1, 0, 9], shape: [2, 3])).shape == [2, 3, 4])
        #expect(try Dropout(p: 0.5, using: &rng).parameterCount == 0)
    }

    @Test func batchNormTrainsOnBatchStatisticsAndEvaluatesOnRunningOnes() throws {
        var rng = RandomGenerator(seed: 3)
        let norm = try BatchNorm(features: 2)
        let x = try Tensor.randn([8, 2, 3, 3], using: &rng)
        let trained = try norm(x)
        // Training output is normalized per channel: mean 0 over N, H, W.
        let channel0 = (0..<8).flatMap { n in (0..<9).map { trained.data[n * 18 + $0] } }
        #expect(Swift.abs(channel0.reduce(0, +) / 72) < 1e-12)
        #expect(norm.runningMean.data != [0, 0] && norm.runningVar.data != [1, 1])
        norm.isTraining = false
        let stats = (norm.runningMean.data, norm.runningVar.data)
        let evaluated = try norm(x)
        #expect(norm.runningMean.data == stats.0 && norm.runningVar.data == stats.1)
        let expected = (x.data[0] - stats.0[0]) / (stats.1[0] + 1e-5).squareRoot()
        #expect(Swift.abs(evaluated.data[0] - expected) < 1e-12)
    }

    @Test func dropoutDropsOnlyInTraining() throws {
        var rng = RandomGenerator(seed: 4)
        let drop = try Dropout(p: 0.5, using: &rng)
        let x = try Tensor.ones([100])
        let y = try drop(x)
        #expect(y.data.contains(0) && y.data.contains(2))
        drop.isTraining = false
        #expect(try drop(x).data == x.data)
    }

    @Test func sequentialChainsCountsAndSummarizes() throws {
        var rng = RandomGenerator(seed: 5)
        let model = try Sequential([
            try Conv2d(inChannels: 1, outChannels: 4, kernel: 3, using: &rng), ActivationLayer(.relu),
            try Pool2d(kernel: 2, maximum: true), Flatten(), try Dropout(p: 0.25, using: &rng),
            try Dense(inputs: 36, outputs: 10, using: &rng), ActivationLayer(.softmax),
        ])
        #expect(model.parameterCount == (4 * 9 + 4) + (36 * 10 + 10))
        #expect(model.namedParameters.map(\.name) == ["W1", "b1", "W6", "b6"])
        let x = try Tensor.randn([5, 1, 8, 8], using: &rng)
        let y = try model(x)
        #expect(y.shape == [5, 10])
        model.isTraining = false
        #expect(model.layers.allSatisfy { !$0.isTraining })
        let summary = try model.summary()
        #expect(summary.contains("1 Conv2d     (N, 4, 6, 6)  40"))
        #expect(summary.contains("4 Flatten    (N, 36)       0"))
        #expect(summary.hasSuffix("total parameters: 410"))
        #expect(!model.isTraining, "summary restores the mode")
        let fresh = try Sequential([ActivationLayer(.tanh)])
        #expect(try fresh.summary().contains("(call the model on a batch"))
        #expect(throws: CoreError.self) { try Sequential([]) }
    }
}
