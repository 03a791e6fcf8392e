import Foundation
import Testing
@testable import NNCore

/// The corner, power, indexing and loss cases of torch-reference-2.json, all of its
/// late-parameter optimizer runs and all of its schedules, reproduced to 1e-9 relative.
///
/// Written against the file's schema: shapes, settings (`params`, `hyper`) and values all
/// come from the file, so a file of the same schema with other values (NNLEARN_TORCH_FIXTURE_2) passes too.
@Suite struct TorchReference2CornerTests {
    /// The `ops` cases this suite checks; the deep-learning cases belong to another suite.
    static let handledCases: Set<String> = [
        "pow_tensor_exponent", "pow_number_base", "pow_self", "cross_entropy_soft_targets",
        "index_pairs", "index_repeated_rows", "l1_loss", "huber", "smooth_l1", "kl_div",
        "bce_multilabel_logits", "nll_loss", "relu_nan", "sqrt_of_relu", "clip_masks",
        "max_all_ties", "min_all_ties", "pow0_at_zero", "softplus_threshold", "bce_clamped_log",
    ]

    /// Computes a case from its inputs (trainable where the file gives them a gradient), target and params.
    static func evaluate(_ op: String, _ x: [Tensor], target: Tensor?, params: [String: Any]) throws -> Tensor {
        func needTarget() throws -> Tensor {
            guard let target else { throw CoreError(op, "fixture case has no target") }
            return target
        }
        func number(_ key: String, _ fallback: Double) -> Double { (params[key] as? NSNumber)?.doubleValue ?? fallback }
        func positions(_ key: String) throws -> [Int] {
            guard let list = params[key] as? [NSNumber] else { throw CoreError(op, "fixture case has no \(key)") }
            return list.map(\.intValue)
        }
        switch op {
        case "pow_tensor_exponent": return try Tensor.pow(x[0], x[1])
        case "pow_number_base": return try Tensor.power(Tensor(number("base", 2)), x[0])
        case "pow_self": return try Tensor.pow(x[0], x[0])
        case "pow0_at_zero": return try x[0].pow(number("exponent", 0))
        case "cross_entropy_soft_targets": return try Loss.crossEntropy(x[0], try needTarget())
        case "index_pairs": return try x[0].indexed([.positions(try positions("rows")), .positions(try positions("cols"))])
        case "index_repeated_rows": return try x[0].indexed([.positions(try positions("rows"))])
        case "l1_loss": return try Loss.l1(x[0], x[1])
        case "huber": return try Loss.huber(x[0], x[1], delta: number("delta", 1))
        case "smooth_l1": return try Loss.smoothL1(x[0], x[1], beta: number("beta", 1))
        case "kl_div": return try Loss.klDivergence(x[0], try needTarget())
        case "bce_multilabel_logits": return try Loss.binaryCrossEntropyWithLogits(x[0], try needTarget())
        case "nll_loss": return try Loss.negativeLogLikelihood(x[0], try needTarget())
        case "relu_nan": return try x[0].relu()
        case "sqrt_of_relu": return try x[0].relu().sqrt()
        // sqrt(clip(x, 0, 9)): an input above 9 or below 0 gets a masked 0, even where sqrt's slope is infinite.
        case "clip_masks": return try x[0].clip(number("min", 0), number("max", 9)).sqrt()
        case "max_all_ties": return try x[0].max()
        case "min_all_ties": return try x[0].min()
        case "softplus_threshold": return try x[0].softplus()
        case "bce_clamped_log": return try Loss.binaryCrossEntropy(x[0], try needTarget())
        default: throw CoreError(op, "no mapping for this fixture op")
        }
    }

    @Test func everyHandledCaseMatchesPyTorchInValueAndGradient() throws {
        let cases = try Fixture2.ops()
        for name in Self.handledCases.sorted() {
            let item = try #require(cases[name], "the reference file has no case \(name)")
            let grads = item["grads"] as? [Any] ?? []
            let inputsJSON = try #require(item["inputs"] as? [Any])
            let inputs = try inputsJSON.enumerated().map { index, json in
                try Fixture2.tensor(json, requiresGrad: index < grads.count && !(grads[index] is NSNull))
            }
            let target = try item["target"].map { try Fixture2.tensor($0) }
            let output = try Self.evaluate(name, inputs, target: target, params: item["params"] as? [String: Any] ?? [:])
            let expected = try Fixture2.tensor(item["output"])
            #expect(output.shape == expected.shape || output.count == expected.count, "\(name): shape \(output.shape) vs \(expected.shape)")
            let problem = Fixture2.mismatch(output, expected)
            #expect(problem == nil, "\(name) output: \(problem ?? "")")
            let upstream = try Fixture2.tensor(item["upstream"])
            try output.backward(upstream: try Tensor(upstream.data, shape: output.shape))
            for (index, json) in grads.enumerated() where !(json is NSNull) {
                let grad = try #require(inputs[index].grad, "\(name): input \(index) got no gradient")
                let problem = Fixture2.mismatch(grad, try Fixture2.tensor(json))
                #expect(problem == nil, "\(name) grad \(index): \(problem ?? "")")
            }
        }
    }

    /// An optimizer from PyTorch's class name and hyperparameters (its defaults for the rest).
    static func makeOptimizer(_ name: String, _ hyper: [String: Any], _ parameters: [Tensor]) throws -> Optimizer {
        func number(_ key: String, _ fallback: Double) -> Double { (hyper[key] as? NSNumber)?.doubleValue ?? fallback }
        func flag(_ key: String) -> Bool { hyper[key] as? Bool ?? false }
        let lr = number("lr", 1e-3)
        let betas = (hyper["betas"] as? [NSNumber])?.map(\.doubleValue) ?? [0.9, 0.999]
        switch name {
        case "SGD":
            return try SGD(parameters, learningRate: lr, momentum: number("momentum", 0), dampening: number("dampening", 0),
                           weightDecay: number("weight_decay", 0), nesterov: flag("nesterov"), maximize: flag("maximize"))
        case "Adagrad":
            return try AdaGrad(parameters, learningRate: number("lr", 1e-2), learningRateDecay: number("lr_decay", 0),
                               weightDecay: number("weight_decay", 0), initialAccumulator: number("initial_accumulator_value", 0),
                               epsilon: number("eps", 1e-10), maximize: flag("maximize"))
        case "RMSprop":
            return try RMSProp(parameters, learningRate: number("lr", 1e-2), alpha: number("alpha", 0.99), epsilon: number("eps", 1e-8),
                               weightDecay: number("weight_decay", 0), momentum: number("momentum", 0),
                               centered: flag("centered"), maximize: flag("maximize"))
        case "Adam", "AdamW":
            return try Adam(parameters, learningRate: lr, beta1: betas[0], beta2: betas[1], epsilon: number("eps", 1e-8),
                            weightDecay: number("weight_decay", name == "AdamW" ? 1e-2 : 0), decoupled: name == "AdamW",
                            amsgrad: flag("amsgrad"), maximize: flag("maximize"))
        case "Adamax":
            return try AdaMax(parameters, learningRate: number("lr", 2e-3), beta1: betas[0], beta2: betas[1],
                              epsilon: number("eps", 1e-8), weightDecay: number("weight_decay", 0), maximize: flag("maximize"))
        case "NAdam":
            return try NAdam(parameters, learningRate: number("lr", 2e-3), beta1: betas[0], beta2: betas[1],
                             epsilon: number("eps", 1e-8), weightDecay: number("weight_decay", 0),
                             momentumDecay: number("momentum_decay", 4e-3), maximize: flag("maximize"))
        default: throw CoreError(name, "no mapping for this optimizer")
        }
    }

    /// loss = sum(p²), plus 3·sum(q²) from the third step on: q has no gradient for two steps,
    /// so step() must skip it and start its state (step count included) at its first gradient.
    @Test func optimizersKeepStatePerParameterWhenOneJoinsLate() throws {
        let runs = try #require(try Fixture2.load()["optimizers_late_parameter"] as? [[String: Any]])
        #expect(!runs.isEmpty)
        for run in runs {
            let name = try #require(run["optimizer"] as? String)
            let hyper = run["hyper"] as? [String: Any] ?? [:]
            let start = try #require(run["start"] as? [Any])
            let p = try Fixture2.tensor(start[0], requiresGrad: true), q = try Fixture2.tensor(start[1], requiresGrad: true)
            let optimizer = try Self.makeOptimizer(name, hyper, [p, q])
            let trajectory = try #require(run["trajectory"] as? [[Any]])
            for (index, point) in trajectory.enumerated() {
                optimizer.zeroGrad()
                var loss = try (p * p).sum()
                if index >= 2 { loss = try loss + Tensor(3.0) * (q * q).sum() }
                try loss.backward()
                optimizer.step()
                for (tensor, expected) in zip([p, q], point) {
                    let problem = Fixture2.mismatch(tensor, try Fixture2.tensor(expected))
                    #expect(problem == nil, "\(name) \(hyper) step \(index + 1): \(problem ?? "")")
                }
            }
            #expect(optimizer.parameterSteps == [trajectory.count, Swift.max(trajectory.count - 2, 0)])
        }
    }

    /// maximize=True climbs L exactly as the same optimizer descends −L, for every optimizer that has it.
    @Test func maximizeClimbsAsDescendingTheNegatedLoss() throws {
        for name in ["SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "Adamax", "NAdam"] {
            let hyper: [String: Any] = ["lr": 0.05, "momentum": 0.5]
            let climber = Tensor([0.3, -0.7], requiresGrad: true), descender = Tensor([0.3, -0.7], requiresGrad: true)
            let up = try Self.makeOptimizer(name, hyper.merging(["maximize": true]) { $1 }, [climber])
            let down = try Self.makeOptimizer(name, hyper, [descender])
            for _ in 0..<4 {
                up.zeroGrad(); down.zeroGrad()
                try (Tensor(0.0) - (climber * climber).sum()).backward()  // L = −Σp², climbed
                try (descender * descender).sum().backward()              // −L, descended
                up.step(); down.step()
            }
            #expect(climber.data == descender.data, "\(name): \(climber.data) vs \(descender.data)")
            #expect(climber.data != [0.3, -0.7], "\(name) did not move")
        }
    }

    /// The learning rate in use at each step (base lr 0.1), with `scheduler.step()` after each optimizer step.
    @Test func schedulesGiveTheRatesPyTorchGives() throws {
        let runs = try #require(try Fixture2.load()["schedules"] as? [[String: Any]])
        #expect(!runs.isEmpty)
        for run in runs {
            let name = try #require(run["schedule"] as? String)
            let hyper = run["hyper"] as? [String: Any] ?? [:]
            func number(_ key: String, _ fallback: Double? = nil) throws -> Double {
                if let value = (hyper[key] as? NSNumber)?.doubleValue { return value }
                return try #require(fallback, "\(name) needs \(key)")
            }
            let optimizer = try SGD([Tensor(1.0, requiresGrad: true)], learningRate: 0.1)
            let losses = (run["losses"] as? [NSNumber])?.map(\.doubleValue) ?? []
            var stepper: (Int) throws -> Void
            switch name {
            case "ReduceLROnPlateau":
                #expect((hyper["mode"] as? String ?? "min") == "min")
                let plateau = try PlateauSchedule(optimizer, factor: try number("factor", 0.1), patience: Int(try number("patience", 10)),
                                                  threshold: try number("threshold", 1e-4))
                stepper = { plateau.step(losses[$0]) }
            default:
                let rule: LearningRateSchedule.Rule
                switch name {
                case "StepLR": rule = .step(stepSize: Int(try number("step_size")), gamma: try number("gamma", 0.1))
                case "ExponentialLR": rule = .exponential(gamma: try number("gamma"))
                case "CosineAnnealingLR": rule = .cosine(period: Int(try number("T_max")), minimum: try number("eta_min", 0))
                case "OneCycleLR":
                    rule = .oneCycle(maximum: try number("max_lr"), totalSteps: Int(try number("total_steps")),
                                     warmup: try number("pct_start", 0.3), div: try number("div_factor", 25),
                                     finalDiv: try number("final_div_factor", 1e4),
                                     momentum: (hyper["cycle_momentum"] as? Bool ?? true) ? try number("base_momentum", 0.85)...(try number("max_momentum", 0.95)) : nil)
                default: throw CoreError(name, "no mapping for this schedule")
                }
                let schedule = try LearningRateSchedule(optimizer, rule)
                stepper = { _ in try schedule.step() }
            }
            for (index, expected) in try #require(run["lrs"] as? [NSNumber]).enumerated() {
                let problem = Fixture2.mismatch(Tensor(optimizer.learningRate), Tensor(expected.doubleValue))
                #expect(problem == nil, "\(name) \(hyper) step \(index): \(problem ?? "")")
                try stepper(index)
            }
        }
    }
}
