import Foundation
import Testing
@testable import NNCore

/// Every number in ../fixtures/torch-reference.json, reproduced by NNCore to 1e-9.
@Suite struct TorchReferenceTests {
    /// Computes a fixture op from its (trainable) inputs and target.
    static func evaluate(_ op: String, _ x: [Tensor], target: Tensor?) throws -> Tensor {
        func needTarget() throws -> Tensor {
            guard let target else { throw CoreError(op, "fixture case has no target") }
            return target
        }
        switch op {
        case "add", "add_broadcast_row", "add_broadcast_col": return try x[0] + x[1]
        case "sub": return try x[0] - x[1]
        case "mul", "mul_broadcast_vec": return try x[0] * x[1]
        case "div": return try x[0] / x[1]
        case "neg": return try -x[0]
        case "matmul", "matmul_vec": return try Tensor.matmul(x[0], x[1])
        case "transpose": return try x[0].transposed()
        case "pow3": return try x[0].pow(3)
        case "pow_half": return try x[0].pow(0.5)
        case "exp": return try x[0].exp()
        case "log": return try x[0].log()
        case "sqrt": return try x[0].sqrt()
        case "abs": return try x[0].abs()
        case "tanh": return try x[0].tanh()
        case "sigmoid": return try x[0].sigmoid()
        case "relu": return try x[0].relu()
        case "leaky_relu_0.2": return try x[0].leakyRelu(alpha: 0.2)
        case "elu": return try x[0].elu()
        case "selu": return try x[0].selu()
        case "gelu": return try x[0].gelu()
        case "gelu_tanh": return try x[0].gelu(approximate: true)
        case "swish": return try x[0].swish()
        case "softplus": return try x[0].softplus()
        case "mish": return try x[0].mish()
        case "sum_all": return try x[0].sum()
        case "sum_axis0": return try x[0].sum(axis: 0)
        case "sum_axis1_keepdims": return try x[0].sum(axis: 1, keepdims: true)
        case "mean_all": return try x[0].mean()
        case "mean_axis1": return try x[0].mean(axis: 1)
        case "max_axis1": return try x[0].max(axis: 1)
        case "max_all": return try x[0].max()
        case "softmax_axis1", "softmax_large_logits": return try x[0].softmax(axis: 1)
        case "log_softmax_axis1", "log_softmax_large_logits": return try x[0].logSoftmax(axis: 1)
        case "logsumexp_axis1": return try x[0].logSumExp(axis: 1)
        case "mse": return try Loss.meanSquaredError(x[0], x[1])
        case "bce": return try Loss.binaryCrossEntropy(x[0], try needTarget())
        case "bce_with_logits": return try Loss.binaryCrossEntropyWithLogits(x[0], try needTarget())
        case "cross_entropy_logits_sparse": return try Loss.crossEntropy(x[0], try needTarget())
        case "hinge": return try Loss.hinge(x[0], try needTarget())
        case "mlp_cross_entropy":
            let hidden = try (Tensor.matmul(x[0], x[1]) + x[2]).tanh()
            return try Loss.crossEntropy(try Tensor.matmul(hidden, x[3]) + x[4], try needTarget())
        default: throw CoreError(op, "no mapping for this fixture op")
        }
    }

    @Test func everyOpMatchesPyTorchInValueAndGradient() throws {
        let reference = try Fixture.load()
        let cases = try #require(reference["ops"] as? [[String: Any]])
        #expect(cases.count == 46)
        for item in cases {
            let op = try #require(item["op"] as? String)
            let inputs = try (item["inputs"] as? [Any] ?? []).map { try Fixture.tensor($0, requiresGrad: true) }
            let target = try item["target"].map { try Fixture.tensor($0) }
            let output = try Self.evaluate(op, inputs, target: target)
            let expected = try Fixture.tensor(item["output"])
            #expect(Fixture.mismatch(output, expected) == nil, "\(op) output: \(Fixture.mismatch(output, expected) ?? "")")
            let upstream = try Fixture.tensor(item["upstream"])
            try output.backward(upstream: output.count == 1 ? nil : try Tensor(upstream.data, shape: output.shape))
            let grads = try #require(item["grads"] as? [Any])
            #expect(grads.count == inputs.count, "\(op): gradient count")
            for (index, (input, gradJSON)) in zip(inputs, grads).enumerated() {
                let expectedGrad = try Fixture.tensor(gradJSON)
                let got = try #require(input.grad, "\(op): input \(index) received no gradient")
                let problem = Fixture.mismatch(got, expectedGrad)
                #expect(problem == nil, "\(op) grad \(index): \(problem ?? "")")
            }
        }
    }

    @Test func manualBackpropOfTheTwoTwoOneNetwork() throws {
        let reference = try Fixture.load()
        let net = try #require(reference["manual_backprop_221"] as? [String: Any])
        func t(_ key: String, grad: Bool = false) throws -> Tensor { try Fixture.tensor(net[key], requiresGrad: grad) }
        let (x, y) = (try t("X"), try t("y"))
        let (w1, b1, w2, b2) = (try t("W1", grad: true), try t("b1", grad: true), try t("W2", grad: true), try t("b2", grad: true))
        let z1 = try Tensor.matmul(x, w1) + b1
        let a1 = try z1.sigmoid()
        let z2 = try Tensor.matmul(a1, w2) + b2
        let a2 = try z2.sigmoid()
        let loss = try Loss.binaryCrossEntropy(a2, y)
        for (name, tensor) in [("z1", z1), ("a1", a1), ("z2", z2), ("a2", a2), ("loss", loss)] {
            let problem = Fixture.mismatch(tensor, try t(name))
            #expect(problem == nil, "\(name): \(problem ?? "")")
        }
        try loss.backward()
        let gradients: [(String, Tensor)] = [
            ("da2", a2), ("dz2", z2), ("dW2", w2), ("db2", b2), ("da1", a1), ("dz1", z1), ("dW1", w1), ("db1", b1),
        ]
        for (name, tensor) in gradients {
            let got = try #require(tensor.grad)
            let problem = Fixture.mismatch(got, try t(name))
            #expect(problem == nil, "\(name): \(problem ?? "")")
        }
        let lr = try #require(net["lr"] as? Double)
        let sgd = try SGD([w1, b1, w2, b2], learningRate: lr)
        sgd.step()
        let (newW1, newW2) = (try t("W1_new"), try t("W2_new"))
        #expect(Fixture.mismatch(w1, newW1) == nil)
        #expect(Fixture.mismatch(w2, newW2) == nil)
    }

    static func makeOptimizer(_ name: String, _ hyper: [String: Any], _ p: Tensor) throws -> Optimizer {
        let lr = hyper["lr"] as? Double ?? 1e-3
        switch name {
        case "SGD":
            return try SGD([p], learningRate: lr, momentum: hyper["momentum"] as? Double ?? 0,
                           nesterov: hyper["nesterov"] as? Bool ?? false)
        case "Adagrad": return try AdaGrad([p], learningRate: lr)
        case "RMSprop": return try RMSProp([p], learningRate: lr, alpha: hyper["alpha"] as? Double ?? 0.99)
        case "Adam": return try Adam([p], learningRate: lr)
        case "Adamax": return try AdaMax([p], learningRate: lr)
        case "NAdam": return try NAdam([p], learningRate: lr)
        case "AdamW": return try Adam.adamW([p], learningRate: lr, weightDecay: hyper["weight_decay"] as? Double ?? 1e-2)
        default: throw CoreError(name, "no mapping for this optimizer")
        }
    }

    @Test func nineOptimizersFollowPyTorchOnRosenbrock() throws {
        let reference = try Fixture.load()
        let runs = try #require(reference["optimizers"] as? [[String: Any]])
        #expect(runs.count == 9)
        for run in runs {
            let name = try #require(run["optimizer"] as? String)
            let hyper = run["hyper"] as? [String: Any] ?? [:]
            let point = try Fixture.tensor(run["start"], requiresGrad: true)
            let optimizer = try Self.makeOptimizer(name, hyper, point)
            let trajectory = try #require(run["trajectory"] as? [Any])
            for (step, expectedJSON) in trajectory.enumerated() {
                optimizer.zeroGrad()
                let x = try point.indexed([.at(0)]), y = try point.indexed([.at(1)])
                let one = Tensor(1.0), hundred = Tensor(100.0)
                let f = try (one - x).pow(2) + hundred * (y - x.pow(2)).pow(2)
                try f.backward()
                optimizer.step()
                let expected = try Fixture.tensor(expectedJSON)
                let problem = Fixture.mismatch(point, expected)
                #expect(problem == nil, "\(name) \(hyper) step \(step + 1): \(problem ?? "")")
            }
        }
    }

    @Test func gradientClippingByNormAndByValue() throws {
        let reference = try Fixture.load()
        let clip = try #require(reference["gradient_clipping"] as? [String: Any])
        let grads = try #require(clip["grads"] as? [Any]).map { try Fixture.tensor($0) }
        func parameters() throws -> [Tensor] {
            try grads.map { g in
                let p = try Tensor.zeros(g.shape)
                try p.makeParameter()
                try p.setGrad(g.data)
                return p
            }
        }
        let byNorm = try parameters()
        try GradientClipping.clipNorm(byNorm, maxNorm: try #require(clip["max_norm"] as? Double))
        for (p, expected) in zip(byNorm, try #require(clip["clipped_by_norm"] as? [Any])) {
            #expect(Fixture.mismatch(try #require(p.grad), try Fixture.tensor(expected)) == nil)
        }
        let byValue = try parameters()
        try GradientClipping.clipValue(byValue, limit: 0.5)
        for (p, expected) in zip(byValue, try #require(clip["clipped_by_value_0.5"] as? [Any])) {
            #expect(Fixture.mismatch(try #require(p.grad), try Fixture.tensor(expected)) == nil)
        }
    }
}
