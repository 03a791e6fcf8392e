import NNCore

/// The optimizers, gradient clipping and learning-rate schedules.
enum OptimizerBuiltins {
    /// The parameters given as a model, a list or tuple of tensors, or one tensor.
    static func parameters(_ args: Arguments, _ interpreter: Interpreter, name: String = "params") throws -> [Tensor] {
        let value = args.named[name] ?? .none
        if case .object(let model as ModelObject) = value { return model.parameters }
        if case .object(let instance as Instance) = value, instance.type.isModule { return ModuleClass.parameters(of: value) }
        if case .tensor(let t) = value { return [t] }
        var tensors: [Tensor] = []
        try interpreter.iterate(value, at: args.location) { item in
            if case .object(let model as ModelObject) = item { tensors += model.parameters; return true }
            if case .object(let instance as Instance) = item, instance.type.isModule { tensors += ModuleClass.parameters(of: item); return true }
            guard case .tensor(let t) = item else {
                throw ScriptError(.type, "\(args.function)() expects parameters (tensors made with param(...)) or a model, found \(item.typeName)", at: args.location)
            }
            tensors.append(t); return true
        }
        return tensors
    }

    static func optimizer(_ name: String, _ signature: String, doc: String,
                          _ make: @escaping ([Tensor], Arguments) throws -> Optimizer) -> Builtin {
        Builtin(name, Signature("params, " + signature), doc: doc) { args, interpreter in
            .object(OptimizerObject(try make(try parameters(args, interpreter), args)))
        }
    }

    /// OneCycleLR's momentum bounds, or nil with cycle_momentum=False.
    private static func cycledMomentum(_ args: Arguments) throws -> ClosedRange<Double>? {
        guard try args.bool("cycle_momentum", default: true) else { return nil }
        let (low, high) = (try args.number("base_momentum", default: 0.85), try args.number("max_momentum", default: 0.95))
        guard low <= high else {
            throw ScriptError(.value, "base_momentum (\(low)) must not exceed max_momentum (\(high))", at: args.location)
        }
        return low...high
    }

    static let all: [Builtin] = [
        optimizer("SGD", "lr=, momentum=, nesterov=, weight_decay=, dampening=, maximize=", doc: """
            SGD(params, lr=0.01, momentum=0, nesterov=False, weight_decay=0): p ← p − lr·g.
            With momentum μ: v ← μv + g, p ← p − lr·v; Nesterov uses g + μv. PyTorch's rule and defaults (lr 0.01 here).
            """) { p, a in
            try SGD(p, learningRate: try a.number("lr", default: 0.01), momentum: try a.number("momentum", default: 0),
                    dampening: try a.number("dampening", default: 0), weightDecay: try a.number("weight_decay", default: 0),
                    nesterov: try a.bool("nesterov", default: false), maximize: try a.bool("maximize", default: false))
        },
        optimizer("AdaGrad", "lr=, lr_decay=, weight_decay=, eps=, maximize=", doc: "AdaGrad(params, lr=0.01): s ← s + g², p ← p − lr·g/(√s + ε), ε = 1e-10.") { p, a in
            try AdaGrad(p, learningRate: try a.number("lr", default: 0.01), learningRateDecay: try a.number("lr_decay", default: 0),
                        weightDecay: try a.number("weight_decay", default: 0), epsilon: try a.number("eps", default: 1e-10),
                        maximize: try a.bool("maximize", default: false))
        },
        optimizer("RMSProp", "lr=, alpha=, eps=, momentum=, centered=, weight_decay=, maximize=", doc: """
            RMSProp(params, lr=0.01, alpha=0.99): v ← αv + (1 − α)g², p ← p − lr·g/(√v + ε), ε = 1e-8.
            """) { p, a in
            try RMSProp(p, learningRate: try a.number("lr", default: 0.01), alpha: try a.number("alpha", default: 0.99),
                        epsilon: try a.number("eps", default: 1e-8), weightDecay: try a.number("weight_decay", default: 0),
                        momentum: try a.number("momentum", default: 0), centered: try a.bool("centered", default: false),
                        maximize: try a.bool("maximize", default: false))
        },
        optimizer("Adam", "lr=, beta1=, beta2=, eps=, weight_decay=, amsgrad=, maximize=", doc: """
            Adam(params, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
            p ← p − lr·m̂/(√v̂ + ε) with bias corrections m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), t counted per parameter.
            amsgrad=True uses the largest v so far; maximize=True climbs instead of descending.
            """) { p, a in
            try Adam(p, learningRate: try a.number("lr", default: 1e-3), beta1: try a.number("beta1", default: 0.9),
                     beta2: try a.number("beta2", default: 0.999), epsilon: try a.number("eps", default: 1e-8),
                     weightDecay: try a.number("weight_decay", default: 0),
                     amsgrad: try a.bool("amsgrad", default: false), maximize: try a.bool("maximize", default: false))
        },
        optimizer("AdamW", "lr=, beta1=, beta2=, eps=, weight_decay=, amsgrad=, maximize=", doc: """
            AdamW(params, lr=0.001, weight_decay=0.01): Adam with decoupled weight decay p ← p(1 − lr·λ) before each step.
            """) { p, a in
            try Adam.adamW(p, learningRate: try a.number("lr", default: 1e-3), beta1: try a.number("beta1", default: 0.9),
                           beta2: try a.number("beta2", default: 0.999), epsilon: try a.number("eps", default: 1e-8),
                           weightDecay: try a.number("weight_decay", default: 1e-2),
                           amsgrad: try a.bool("amsgrad", default: false), maximize: try a.bool("maximize", default: false))
        },
        optimizer("AdaMax", "lr=, beta1=, beta2=, eps=, weight_decay=, maximize=", doc: """
            AdaMax(params, lr=0.002): Adam with an infinity norm: u ← max(β₂u, |g| + ε), p ← p − lr/(1 − β₁ᵗ)·m/u.
            """) { p, a in
            try AdaMax(p, learningRate: try a.number("lr", default: 2e-3), beta1: try a.number("beta1", default: 0.9),
                       beta2: try a.number("beta2", default: 0.999), epsilon: try a.number("eps", default: 1e-8),
                       weightDecay: try a.number("weight_decay", default: 0), maximize: try a.bool("maximize", default: false))
        },
        optimizer("NAdam", "lr=, beta1=, beta2=, eps=, weight_decay=, momentum_decay=, maximize=", doc: """
            NAdam(params, lr=0.002): Adam with Nesterov momentum and a warming momentum schedule μ_t = β₁(1 − ½·0.96^(0.004t)).
            """) { p, a in
            try NAdam(p, learningRate: try a.number("lr", default: 2e-3), beta1: try a.number("beta1", default: 0.9),
                      beta2: try a.number("beta2", default: 0.999), epsilon: try a.number("eps", default: 1e-8),
                      weightDecay: try a.number("weight_decay", default: 0), momentumDecay: try a.number("momentum_decay", default: 4e-3),
                      maximize: try a.bool("maximize", default: false))
        },
        Builtin("clip_grad_norm", Signature("params, max_norm"), doc: """
            clip_grad_norm(params, max_norm): rescales all gradients together so their global norm ‖g‖ is at most max_norm;
            returns the norm before clipping.
            """) { args, interpreter in
            .number(try GradientClipping.clipNorm(try parameters(args, interpreter), maxNorm: try args.number("max_norm")))
        },
        Builtin("clip_grad_value", Signature("params, value"), doc: "clip_grad_value(params, value): clamps every gradient value to [−value, value].") { args, interpreter in
            try GradientClipping.clipValue(try parameters(args, interpreter), limit: try args.number("value"))
            return .none
        },
        Builtin("StepLR", Signature("optimizer, step_size, gamma="), doc: "StepLR(opt, step_size, gamma=0.1): lr × gamma every step_size calls of .step().") { args, _ in
            let opt = try args.object("optimizer", as: OptimizerObject.self, described: "an optimizer")
            return .object(ScheduleObject(try LearningRateSchedule(opt.optimizer, .step(stepSize: try args.integer("step_size"), gamma: try args.number("gamma", default: 0.1)))))
        },
        Builtin("ExponentialLR", Signature("optimizer, gamma"), doc: "ExponentialLR(opt, gamma): lr × gamma at every .step().") { args, _ in
            let opt = try args.object("optimizer", as: OptimizerObject.self, described: "an optimizer")
            return .object(ScheduleObject(try LearningRateSchedule(opt.optimizer, .exponential(gamma: try args.number("gamma")))))
        },
        Builtin("CosineAnnealingLR", Signature("optimizer, T_max, eta_min="), doc: """
            CosineAnnealingLR(opt, T_max, eta_min=0): lr = eta_min + (lr₀ − eta_min)(1 + cos(π·epoch/T_max))/2 after each .step().
            """) { args, _ in
            let opt = try args.object("optimizer", as: OptimizerObject.self, described: "an optimizer")
            return .object(ScheduleObject(try LearningRateSchedule(opt.optimizer, .cosine(period: try args.integer("T_max"), minimum: try args.number("eta_min", default: 0)))))
        },
        Builtin("OneCycleLR", Signature("optimizer, max_lr, total_steps, pct_start=, div_factor=, final_div_factor=, cycle_momentum=, base_momentum=, max_momentum="), doc: """
            OneCycleLR(opt, max_lr, total_steps, pct_start=0.3, div_factor=25, final_div_factor=1e4): sets lr to max_lr/div_factor,
            rises along a cosine to max_lr over pct_start of the steps, then falls to lr₀/final_div_factor. Call .step() after each batch.
            With cycle_momentum=True (the default) the momentum (β₁) goes the other way, between base_momentum=0.85 and max_momentum=0.95.
            """) { args, _ in
            let opt = try args.object("optimizer", as: OptimizerObject.self, described: "an optimizer")
            return .object(ScheduleObject(try LearningRateSchedule(opt.optimizer, .oneCycle(
                maximum: try args.number("max_lr"), totalSteps: try args.integer("total_steps"),
                warmup: try args.number("pct_start", default: 0.3), div: try args.number("div_factor", default: 25),
                finalDiv: try args.number("final_div_factor", default: 1e4), momentum: try cycledMomentum(args)))))
        },
        Builtin("ReduceLROnPlateau", Signature("optimizer, factor=, patience=, threshold="), doc: """
            ReduceLROnPlateau(opt, factor=0.1, patience=10, threshold=1e-4): .step(loss) after each epoch; when the loss has not
            gone below best·(1 − threshold) for more than patience epochs, lr × factor.
            """) { args, _ in
            let opt = try args.object("optimizer", as: OptimizerObject.self, described: "an optimizer")
            return .object(ScheduleObject(try PlateauSchedule(opt.optimizer, factor: try args.number("factor", default: 0.1),
                                                              patience: try args.integer("patience", default: 10),
                                                              threshold: try args.number("threshold", default: 1e-4))))
        },
    ]
}
