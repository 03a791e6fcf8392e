import Testing
@testable import NNCore

/// The deep-learning ops, gradchecked on seeded random inputs (every input, every setting that changes the rule).
@Suite struct GradcheckDeepLearningOpsTests {
    static func random(_ shape: [Int], seed: UInt64) throws -> Tensor { try GradcheckAllOpsTests.random(shape, seed: seed) }

    static let cases: [(String, [[Int]], @Sendable ([Tensor]) throws -> Tensor)] = [
        ("conv2d", [[2, 2, 5, 5], [3, 2, 3, 3]], { try Tensor.conv2d($0[0], $0[1]) }),
        ("conv2d_bias_stride2_pad1", [[2, 2, 6, 5], [3, 2, 3, 2], [3]], { try Tensor.conv2d($0[0], $0[1], bias: $0[2], stride: 2, padding: 1) }),
        ("conv1d_pad1", [[2, 2, 7], [3, 2, 3], [3]], { try Tensor.conv1d($0[0], $0[1], bias: $0[2], padding: 1) }),
        ("conv1d_stride2", [[1, 3, 8], [2, 3, 2]], { try Tensor.conv1d($0[0], $0[1], stride: 2) }),
        ("max_pool2d", [[2, 2, 4, 6]], { try $0[0].maxPool2d(kernel: 2) }),
        ("max_pool2d_overlap", [[1, 2, 5, 5]], { try $0[0].maxPool2d(kernel: 3, stride: 1) }),
        ("avg_pool2d", [[2, 2, 4, 4]], { try $0[0].avgPool2d(kernel: 2) }),
        ("avg_pool2d_overlap", [[1, 1, 5, 5]], { try $0[0].avgPool2d(kernel: 3, stride: 2) }),
        ("flatten", [[2, 2, 2, 3]], { try $0[0].flattened(from: 1) }),
        ("batch_norm", [[5, 3], [3], [3]], { try Tensor.batchNorm($0[0], gamma: $0[1], beta: $0[2]) }),
        ("batch_norm2d", [[2, 3, 2, 2], [3], [3]], { try Tensor.batchNorm($0[0], gamma: $0[1], beta: $0[2]) }),
        ("batch_norm_eval", [[4, 3], [3], [3]], {
            try Tensor.batchNorm($0[0], gamma: $0[1], beta: $0[2], runningMean: Tensor([0.1, -0.2, 0.3]),
                                 runningVar: Tensor([1.5, 0.7, 2.0]), training: false)
        }),
        ("layer_norm", [[3, 4], [4], [4]], { try Tensor.layerNorm($0[0], gamma: $0[1], beta: $0[2]) }),
        ("layer_norm_rank3", [[2, 2, 5], [5], [5]], { try Tensor.layerNorm($0[0], gamma: $0[1], beta: $0[2]) }),
        ("renorm_p2_axis1", [[3, 4]], { try Tensor.renorm($0[0], p: 2, axis: 1, maxNorm: 1.2) }),
        ("renorm_p3_axis0", [[3, 2, 2]], { try Tensor.renorm($0[0], p: 3, axis: 0, maxNorm: 1.0) }),
        ("embedding", [[4, 3]], { try Tensor.embedding(try Tensor([1, 0, 3, 3, 3, 2], shape: [2, 3]), $0[0]) }),
        ("dropout", [[3, 4]], { inputs in
            var rng = RandomGenerator(seed: 5)  // the same mask for every probe
            return try inputs[0].dropout(0.4, using: &rng)
        }),
        ("rnn_step", [[2, 3], [2, 4], [3, 4], [4, 4], [4]], { try Tensor.rnnStep($0[0], $0[1], wx: $0[2], wh: $0[3], bias: $0[4]) }),
        ("lstm_step_h", [[2, 3], [2, 4], [2, 4], [3, 16], [4, 16], [16]], { try Tensor.lstmStep($0[0], $0[1], $0[2], wx: $0[3], wh: $0[4], bias: $0[5]).h }),
        ("lstm_step_c", [[2, 3], [2, 4], [2, 4], [3, 16], [4, 16], [16]], { try Tensor.lstmStep($0[0], $0[1], $0[2], wx: $0[3], wh: $0[4], bias: $0[5]).c }),
        ("gru_step", [[2, 3], [2, 4], [3, 12], [4, 12], [12], [12]], { try Tensor.gruStep($0[0], $0[1], wx: $0[2], wh: $0[3], biasX: $0[4], biasH: $0[5]) }),
    ]

    @Test(arguments: 0..<cases.count)
    func opAgreesWithFiniteDifferences(_ index: Int) throws {
        let (name, shapes, op) = Self.cases[index]
        let inputs = try shapes.enumerated().map { try Self.random($0.element, seed: UInt64(100 * index + $0.offset + 1)) }
        let result = try Gradcheck.check(op, at: inputs)
        #expect(result.passed, "\(name): max error per input \(result.maxErrors)")
        #expect(result.maxErrors.count == shapes.count)
    }

    @Test func overlappingMaximaCollectEveryWindowsGradient() throws {
        // The centre (9) wins all four 2×2 windows at stride 1 and collects all four upstream values.
        let x = try Tensor([1, 2, 3, 4, 9, 5, 6, 7, 8], shape: [1, 1, 3, 3], requiresGrad: true)
        let y = try x.maxPool2d(kernel: 2, stride: 1)
        #expect(y.data == [9, 9, 9, 9])
        try y.backward(upstream: try Tensor([1, 10, 100, 1000], shape: [1, 1, 2, 2]))
        #expect(x.grad?.data == [0, 0, 0, 0, 1111, 0, 0, 0, 0])
    }

    @Test func batchNormUpdatesRunningStatisticsInPlaceOnlyInTraining() throws {
        let x = try Tensor([1, 2, 3, 5], shape: [4, 1])
        let (mean, variance) = (try Tensor.zeros([1]), try Tensor.ones([1]))
        _ = try Tensor.batchNorm(x, gamma: Tensor([1]), beta: Tensor([0]), runningMean: mean, runningVar: variance, momentum: 0.5)
        // Batch mean 2.75, unbiased variance (3.0625 + 0.5625 + 0.0625 + 5.0625)/3 = 2.9166…
        #expect(Swift.abs(mean.data[0] - 1.375) < 1e-15)
        #expect(Swift.abs(variance.data[0] - (0.5 + 0.5 * 8.75 / 3)) < 1e-15)
        let before = (mean.data, variance.data)
        let y = try Tensor.batchNorm(x, gamma: Tensor([1]), beta: Tensor([0]), runningMean: mean, runningVar: variance, training: false)
        #expect(mean.data == before.0 && variance.data == before.1)
        #expect(Swift.abs(y.data[0] - (1 - 1.375) / (before.1[0] + 1e-5).squareRoot()) < 1e-15)
    }

    @Test func mistakesAreErrorsNotCrashes() throws {
        let x = try Tensor.zeros([1, 2, 4, 4])
        #expect(throws: CoreError.self) { try Tensor.conv2d(x, try Tensor.zeros([3, 1, 3, 3])) }
        #expect(throws: CoreError.self) { try Tensor.conv2d(x, try Tensor.zeros([3, 2, 5, 5])) }
        #expect(throws: CoreError.self) { try Tensor.conv2d(x, try Tensor.zeros([3, 2, 3, 3]), stride: 0) }
        #expect(throws: CoreError.self) { try Tensor.conv2d(x, try Tensor.zeros([3, 2, 3, 3]), bias: Tensor([1, 2])) }
        #expect(throws: CoreError.self) { try x.maxPool2d(kernel: 5) }
        #expect(throws: CoreError.self) { try x.avgPool2d(kernel: 0) }
        #expect(throws: CoreError.self) { try Tensor.embedding(Tensor([4]), try Tensor.zeros([4, 2])) }
        #expect(throws: CoreError.self) { try Tensor.embedding(Tensor([0.5]), try Tensor.zeros([4, 2])) }
        #expect(throws: CoreError.self) { try Tensor.batchNorm(try Tensor.zeros([1, 3]), gamma: Tensor([1, 1, 1]), beta: Tensor([0, 0, 0])) }
        #expect(throws: CoreError.self) { try Tensor.batchNorm(try Tensor.zeros([2, 3]), gamma: Tensor([1, 1, 1]), beta: Tensor([0, 0, 0]), training: false) }
        var rng = RandomGenerator(seed: 0)
        #expect(throws: CoreError.self) { try x.dropout(1.5, using: &rng) }
        #expect(throws: CoreError.self) { try Tensor.lstmStep(try Tensor.zeros([2, 3]), try Tensor.zeros([2, 4]), try Tensor.zeros([2, 4]),
                                                              wx: try Tensor.zeros([3, 12]), wh: try Tensor.zeros([4, 16]), bias: try Tensor.zeros([16])) }
    }

    @Test func theCellsGatesAreNamedInTheGraph() throws {
        let x = try Tensor([[1.0, -1.0]]), h = try Tensor([[0.5, 0.2]], requiresGrad: true)
        let lstm = try Tensor.lstmStep(x, h, try Tensor.zeros([1, 2]), wx: try Tensor.ones([2, 8]), wh: try Tensor.ones([2, 8]), bias: try Tensor.zeros([8]))
        let lstmNames = Set(lstm.h.graphInForwardOrder().compactMap(\.label))
        #expect(lstmNames.isSuperset(of: ["gates", "i", "f", "g", "o"]), "\(lstmNames)")
        let gru = try Tensor.gruStep(x, h, wx: try Tensor.ones([2, 6]), wh: try Tensor.ones([2, 6]), biasX: try Tensor.zeros([6]), biasH: try Tensor.zeros([6]))
        #expect(Set(gru.graphInForwardOrder().compactMap(\.label)).isSuperset(of: ["r", "z", "n"]))
        #expect(try lstm.h.sum().explainReport().contains("dL/df = "), "the LSTM's explain names its gates")
    }

    @Test func dropoutKeepsTheExpectationAndIsOffInEvaluation() throws {
        var rng = RandomGenerator(seed: 1)
        let x = try Tensor.ones([10_000])
        let y = try x.dropout(0.25, using: &rng)
        let kept = y.data.filter { $0 != 0 }
        #expect(kept.allSatisfy { Swift.abs($0 - 4.0 / 3) < 1e-15 })
        #expect(Swift.abs(Double(kept.count) / 10_000 - 0.75) < 0.02)
        #expect(try x.dropout(0.25, training: false, using: &rng) === x)
        #expect(try x.dropout(1, using: &rng).data.allSatisfy { $0 == 0 })
    }
}
