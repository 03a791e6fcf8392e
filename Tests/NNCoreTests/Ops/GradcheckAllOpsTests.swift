import Testing
@testable import NNCore

/// Every differentiable op, gradchecked on seeded random inputs.
@Suite struct GradcheckAllOpsTests {
    static func random(_ shape: [Int], seed: UInt64, shift: Double = 0) throws -> Tensor {
        var rng = RandomGenerator(seed: seed)
        let t = try Tensor.randn(shape, using: &rng)
        return try Tensor(t.data.map { $0 + shift }, shape: shape)
    }

    /// Values kept away from 0 so kinks (relu, abs, clip) are not straddled by ±ε.
    static func offZero(_ shape: [Int], seed: UInt64) throws -> Tensor {
        let t = try random(shape, seed: seed)
        return try Tensor(t.data.map { $0 + ($0 >= 0 ? 0.1 : -0.1) }, shape: shape)
    }

    static let unary: [(String, @Sendable (Tensor) throws -> Tensor)] = [
        ("neg", { try -$0 }), ("exp", { try $0.exp() }), ("tanh", { try $0.tanh() }), ("sigmoid", { try $0.sigmoid() }),
        ("relu", { try $0.relu() }), ("leaky_relu", { try $0.leakyRelu(alpha: 0.1) }), ("elu", { try $0.elu(alpha: 0.7) }),
        ("selu", { try $0.selu() }), ("gelu", { try $0.gelu() }), ("gelu_tanh", { try $0.gelu(approximate: true) }),
        ("swish", { try $0.swish() }), ("softplus", { try $0.softplus() }), ("mish", { try $0.mish() }),
        ("abs", { try $0.abs() }), ("clip", { try $0.clip(-0.5, 0.5) }), ("pow3", { try $0.pow(3) }),
        ("transpose", { try $0.transposed() }), ("reshape", { try $0.reshaped([-1]) }),
        ("sum", { try $0.sum() }), ("sum_axis0", { try $0.sum(axis: 0) }), ("sum_axis1_keep", { try $0.sum(axis: -1, keepdims: true) }),
        ("mean", { try $0.mean() }), ("mean_axis0", { try $0.mean(axis: 0) }),
        ("max", { try $0.max() }), ("max_axis1", { try $0.max(axis: 1) }), ("min_axis0", { try $0.min(axis: 0, keepdims: true) }),
        ("softmax", { try $0.softmax() }), ("softmax_axis0", { try $0.softmax(axis: 0) }),
        ("log_softmax", { try $0.logSoftmax() }), ("logsumexp", { try $0.logSumExp(axis: 1) }),
        ("index_row", { try $0.indexed([.at(1)]) }), ("index_column", { try $0.indexed([.all, .at(-1)]) }),
        ("slice", { try $0.indexed([.slice(start: 1, stop: nil, step: nil), .slice(start: nil, stop: nil, step: -2)]) }),
        ("positions", { try $0.indexed([.positions([2, 0, 2])]) }),
        ("concat", { try Tensor.concat([$0, $0.exp()], axis: 1) }), ("stack", { try Tensor.stack([$0, $0], axis: 1) }),
    ]

    @Test(arguments: 0..<unary.count)
    func unaryOpAgreesWithFiniteDifferences(_ index: Int) throws {
        let (name, op) = Self.unary[index]
        let x = try Self.offZero([3, 4], seed: UInt64(index + 1))
        let result = try Gradcheck.check({ try op($0[0]) }, at: [x])
        #expect(result.passed, "\(name): max error \(result.maxErrors)")
    }

    @Test func positiveDomainOps() throws {
        let x = try Tensor(try Self.random([3, 4], seed: 7).data.map { Swift.abs($0) + 0.5 }, shape: [3, 4])
        for (name, op) in [("log", { (t: Tensor) in try t.log() }), ("sqrt", { try $0.sqrt() }), ("pow_half", { try $0.pow(0.5) })] {
            let result = try Gradcheck.check({ try op($0[0]) }, at: [x])
            #expect(result.passed, "\(name): \(result.maxErrors)")
        }
    }

    @Test(arguments: [([3, 4], [3, 4]), ([3, 4], [4]), ([3, 4], [3, 1]), ([3, 1], [1, 4]), ([], [2, 3]), ([2, 1, 3], [4, 1])])
    func binaryOpsWithBroadcasting(_ shapes: ([Int], [Int])) throws {
        let a = try Self.random(shapes.0, seed: 11)
        let b = try Tensor(try Self.random(shapes.1, seed: 12).data.map { $0 + ($0 >= 0 ? 0.5 : -0.5) }, shape: shapes.1)
        let ops: [(String, (Tensor, Tensor) throws -> Tensor)] = [("add", { try $0 + $1 }), ("sub", { try $0 - $1 }), ("mul", { try $0 * $1 }), ("div", { try $0 / $1 })]
        for (name, op) in ops {
            let result = try Gradcheck.check({ try op($0[0], $0[1]) }, at: [a, b])
            #expect(result.passed, "\(name) \(shapes): \(result.maxErrors)")
        }
    }

    @Test(arguments: [([3, 4], [4, 2]), ([3, 4], [4]), ([4], [4, 2]), ([4], [4])])
    func matmulShapes(_ shapes: ([Int], [Int])) throws {
        let result = try Gradcheck.check({ try Tensor.matmul($0[0], $0[1]) }, at: [try Self.random(shapes.0, seed: 3), try Self.random(shapes.1, seed: 4)])
        #expect(result.passed, "\(shapes): \(result.maxErrors)")
    }

    @Test func losses() throws {
        let logits = try Self.random([4, 3], seed: 21)
        let labels = Tensor([0, 2, 1, 2])
        let probabilities = try Tensor(try Self.random([4, 3], seed: 22).data.map { Activation.sigmoid($0) }, shape: [4, 3])
        let binary = try Tensor([1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1], shape: [4, 3])
        let cases: [(String, (Tensor) throws -> Tensor, Tensor)] = [
            ("mse", { try Loss.meanSquaredError($0, binary) }, logits),
            ("bce", { try Loss.binaryCrossEntropy($0, binary) }, probabilities),
            ("bce_logits", { try Loss.binaryCrossEntropyWithLogits($0, binary) }, logits),
            ("cross_entropy", { try Loss.crossEntropy($0, labels) }, logits),
            ("cross_entropy_one_hot", { try Loss.crossEntropy($0, try Tensor.oneHot(labels, classes: 3)) }, logits),
            ("hinge", { try Loss.hinge($0, binary) }, try Self.offZero([4, 3], seed: 5)),
        ]
        for (name, loss, input) in cases {
            let result = try Gradcheck.check({ try loss($0[0]) }, at: [input])
            #expect(result.passed, "\(name): \(result.maxErrors)")
        }
    }

    @Test func gradcheckCatchesAWrongDerivative() throws {
        // step has no gradient, so autodiff's zero disagrees with the finite difference of a steep ramp.
        let x = try Self.random([5], seed: 9)
        let result = try Gradcheck.check({ inputs in
            let wrong = try Tensor.record("bad_square", inputs[0].data.map { $0 * $0 }, shape: inputs[0].shape, inputs: OpInputs(inputs), formulas: ["{g}"]) { _, g in [g] }
            return wrong
        }, at: [x])
        #expect(!result.passed)
        #expect(result.maxErrors[0] > 0.1)
    }
}
