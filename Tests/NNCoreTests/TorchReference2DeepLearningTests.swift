import Foundation
import Testing
@testable import NNCore

/// The deep-learning cases of torch-reference-2.json (convolution, pooling, normalization,
/// embedding, recurrent cells), reproduced by NNCore to 1e-9 relative in value and gradient.
@Suite struct TorchReference2DeepLearningTests {
    /// The fixture ops this suite checks; the other suites check the rest of the file.
    static let handledCases: Set<String> = [
        "conv2d", "conv2d_bias_stride2_pad1", "conv1d", "max_pool2d", "max_pool2d_overlap", "avg_pool2d", "flatten",
        "batch_norm_train", "batch_norm2d_train", "batch_norm_eval", "layer_norm", "embedding",
        "rnn_step", "lstm_step_h", "lstm_step_c", "gru_step", "lstm_sequence_bptt",
    ]

    /// A case's settings, from its `params`.
    struct Settings {
        let params: [String: Any]
        func integer(_ name: String, default fallback: Int) -> Int { (params[name] as? NSNumber)?.intValue ?? fallback }
        func number(_ name: String, default fallback: Double) -> Double { (params[name] as? NSNumber)?.doubleValue ?? fallback }
    }

    /// Computes a case from its trainable inputs; `running` holds batch norm's running statistics.
    static func evaluate(_ op: String, _ x: [Tensor], _ item: [String: Any], running: (Tensor, Tensor)?) throws -> Tensor {
        let settings = Settings(params: item["params"] as? [String: Any] ?? [:])
        let stride = settings.integer("stride", default: 1), padding = settings.integer("padding", default: 0)
        let eps = settings.number("eps", default: 1e-5)
        switch op {
        case "conv2d", "conv2d_bias_stride2_pad1":
            return try Tensor.conv2d(x[0], x[1], bias: x.count > 2 ? x[2] : nil, stride: stride, padding: padding)
        case "conv1d":
            return try Tensor.conv1d(x[0], x[1], bias: x.count > 2 ? x[2] : nil, stride: stride, padding: padding)
        case "max_pool2d", "max_pool2d_overlap":
            let kernel = settings.integer("kernel", default: 2)
            return try x[0].maxPool2d(kernel: kernel, stride: settings.integer("stride", default: kernel))
        case "avg_pool2d":
            let kernel = settings.integer("kernel", default: 2)
            return try x[0].avgPool2d(kernel: kernel, stride: settings.integer("stride", default: kernel))
        case "flatten":
            return try x[0].flattened(from: settings.integer("start", default: 1))
        case "batch_norm_train", "batch_norm2d_train", "batch_norm_eval":
            return try Tensor.batchNorm(x[0], gamma: x[1], beta: x[2], runningMean: running?.0, runningVar: running?.1,
                                        training: op != "batch_norm_eval", momentum: settings.number("momentum", default: 0.1), epsilon: eps)
        case "layer_norm":
            return try Tensor.layerNorm(x[0], gamma: x[1], beta: x[2], epsilon: eps)
        case "embedding":
            return try Tensor.embedding(try Fixture2.tensor(item["target"]), x[0])
        case "rnn_step":
            return try Tensor.rnnStep(x[0], x[1], wx: x[2], wh: x[3], bias: x[4])
        case "lstm_step_h", "lstm_step_c":
            let (h, c) = try Tensor.lstmStep(x[0], x[1], x[2], wx: x[3], wh: x[4], bias: x[5])
            return op == "lstm_step_h" ? h : c
        case "gru_step":
            return try Tensor.gruStep(x[0], x[1], wx: x[2], wh: x[3], biasX: x[4], biasH: x[5])
        case "lstm_sequence_bptt":
            // The note: from h = c = 0 over xs [T, N, I], then cross_entropy(h_T @ Wy, [1, 0]).
            let xs = x[0]
            let (steps, batch) = (xs.shape[0], xs.shape[1])
            let hidden = x[2].shape[0]
            var h = try Tensor.zeros([batch, hidden]), c = try Tensor.zeros([batch, hidden])
            for t in 0..<steps {
                (h, c) = try Tensor.lstmStep(try xs.indexed([.at(t)]), h, c, wx: x[1], wh: x[2], bias: x[3])
            }
            let labels = try item["target"].map { try Fixture2.tensor($0) } ?? Tensor([1, 0])
            return try Loss.crossEntropy(try Tensor.matmul(h, x[4]), labels)
        default:
            throw CoreError(op, "no mapping for this fixture op")
        }
    }

    static func cases() throws -> [[String: Any]] {
        try Fixture2.ops().filter { handledCases.contains($0.key) }.map(\.value)
    }

    @Test func everyHandledCaseIsInTheFile() throws {
        let names = Set(try Fixture2.ops().keys)
        #expect(Self.handledCases.subtracting(names).isEmpty, "missing: \(Self.handledCases.subtracting(names).sorted())")
    }

    @Test(arguments: handledCases.sorted())
    func caseMatchesPyTorchInValueAndGradient(_ op: String) throws {
        let item = try #require(try Fixture2.ops()[op], "\(op) is not in the reference file")
        let inputs = try (item["inputs"] as? [Any] ?? []).map { try Fixture2.tensor($0, requiresGrad: true) }
        // Training starts the running statistics at 0 and 1; evaluation reads the ones given.
        var running: (Tensor, Tensor)?
        if op.hasPrefix("batch_norm") {
            let channels = inputs[0].shape[1]
            running = op == "batch_norm_eval"
                ? (try Fixture2.tensor(item["running_mean"]), try Fixture2.tensor(item["running_var"]))
                : (try Tensor.zeros([channels]), try Tensor.ones([channels]))
        }
        let output = try Self.evaluate(op, inputs, item, running: running)
        let expected = try Fixture2.tensor(item["output"])
        #expect(output.shape == expected.shape, "\(op) shape")
        #expect(Fixture2.mismatch(output, expected) == nil, "\(op) output: \(Fixture2.mismatch(output, expected) ?? "")")
        let upstream = try Fixture2.tensor(item["upstream"])
        try output.backward(upstream: output.count == 1 ? nil : try Tensor(upstream.data, shape: output.shape))
        let grads = try #require(item["grads"] as? [Any])
        #expect(grads.count == inputs.count, "\(op): gradient count")
        for (index, (input, gradJSON)) in zip(inputs, grads).enumerated() where !(gradJSON is NSNull) {
            let got = try #require(input.grad, "\(op): input \(index) received no gradient")
            let problem = Fixture2.mismatch(got, try Fixture2.tensor(gradJSON))
            #expect(problem == nil, "\(op) grad \(index): \(problem ?? "")")
        }
        if let (mean, variance) = running, op != "batch_norm_eval" {
            #expect(Fixture2.mismatch(mean, try Fixture2.tensor(item["running_mean"])) == nil, "\(op) running_mean")
            #expect(Fixture2.mismatch(variance, try Fixture2.tensor(item["running_var"])) == nil, "\(op) running_var")
        }
        if op == "batch_norm_eval", let (mean, variance) = running {
            // Evaluation reads the statistics and leaves them as they were.
            #expect(Fixture2.mismatch(mean, try Fixture2.tensor(item["running_mean"])) == nil)
            #expect(Fixture2.mismatch(variance, try Fixture2.tensor(item["running_var"])) == nil)
        }
    }
}
