import NNCore

/// A model or layer in the language: callable on a batch, with params, layers and summary().
final class ModelObject: ScriptObject {
    enum Kind {
        case mlp(MLP)
        case dense(Dense)
    }

    let kind: Kind
    init(_ kind: Kind) { self.kind = kind }

    var typeName: String {
        switch kind {
        case .mlp: return "MLP"
        case .dense: return "Dense"
        }
    }

    var parameters: [Tensor] {
        switch kind {
        case .mlp(let mlp): return mlp.parameters
        case .dense(let dense): return dense.parameters
        }
    }

    var layers: [Dense] {
        switch kind {
        case .mlp(let mlp): return mlp.layers
        case .dense(let dense): return [dense]
        }
    }

    func forward(_ x: Tensor) throws -> Tensor {
        switch kind {
        case .mlp(let mlp): return try mlp(x)
        case .dense(let dense): return try dense(x)
        }
    }

    var attributeNames: [String] {
        ["params", "layers", "summary", "zero_grad", "parameter_count"] + (layers.count == 1 ? ["W", "b", "activation"] : [])
    }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "params", "parameters": return .list(ListStorage(parameters.map { .tensor($0) }))
        case "layers": return .list(ListStorage(layers.map { .object(ModelObject(.dense($0))) }))
        case "parameter_count": return .integer(parameters.reduce(0) { $0 + $1.count })
        case "W" where layers.count == 1: return .tensor(layers[0].weight)
        case "b" where layers.count == 1: return .tensor(layers[0].bias)
        case "activation" where layers.count == 1: return .string(layers[0].activation.rawValue)
        case "summary":
            return method("summary", "", doc: "model.summary(): the layers, their shapes and parameter counts.") { _, interpreter in
                interpreter.printLine(self.summary); return .none
            }
        case "zero_grad":
            return method("zero_grad", "", doc: "model.zero_grad(): zeroes every parameter's gradient.") { _, _ in
                self.parameters.forEach { $0.zeroGrad() }; return .none
            }
        default: return nil
        }
    }

    var summary: String {
        switch kind {
        case .mlp(let mlp): return mlp.summary()
        case .dense(let dense): return MLP(layers: [dense]).summary()
        }
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? {
        guard arguments.rest.count == 1, arguments.named.isEmpty else {
            throw ScriptError(.type, "a model is called on one batch: model(X)", at: arguments.location)
        }
        let x = try Convert.tensor(arguments.rest[0], context: "the model's input", at: arguments.location)
        return .tensor(try interpreter.core(arguments.location) { try forward(x) })
    }

    func display(interpreter: Interpreter) -> String {
        let sizes = [layers.first?.inputs ?? 0] + layers.map(\.outputs)
        let activations = layers.map(\.activation.rawValue)
        let named = activations.count == 1 ? "activation" : "activations"
        return "\(typeName)(\(sizes.map(String.init).joined(separator: " → ")), \(named) \(activations.joined(separator: ", ")), \(parameters.reduce(0) { $0 + $1.count }) parameters)"
    }
}

/// An optimizer in the language: step(), zero_grad() and a settable lr.
final class OptimizerObject: ScriptObject {
    let optimizer: Optimizer
    init(_ optimizer: Optimizer) { self.optimizer = optimizer }
    var typeName: String { optimizer.name }
    var attributeNames: [String] { ["step", "zero_grad", "lr", "params", "steps"] }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "lr": return .number(optimizer.learningRate)
        case "steps": return .integer(optimizer.stepCount)
        case "params": return .list(ListStorage(optimizer.parameters.map { .tensor($0) }))
        case "step":
            return method("step", "", doc: "opt.step(): updates every parameter from its gradient.") { _, _ in
                self.optimizer.step(); return .none
            }
        case "zero_grad":
            return method("zero_grad", "", doc: "opt.zero_grad(): zeroes the parameters' gradients.") { _, _ in
                self.optimizer.zeroGrad(); return .none
            }
        default: return nil
        }
    }

    func setAttribute(_ name: String, to value: Value) throws {
        guard name == "lr", let rate = Convert.number(value), rate >= 0, rate.isFinite else {
            throw ScriptError(.attribute, name == "lr" ? "lr must be a non-negative number" : "only lr can be set on an optimizer")
        }
        optimizer.learningRate = rate
    }

    func display(interpreter: Interpreter) -> String {
        "\(optimizer.name)(lr=\(Display.number(optimizer.learningRate)), \(optimizer.parameters.count) parameter tensors)"
    }
}

/// A learning-rate schedule in the language.
final class ScheduleObject: ScriptObject {
    let schedule: LearningRateSchedule
    init(_ schedule: LearningRateSchedule) { self.schedule = schedule }
    var typeName: String {
        if case .step = schedule.rule { return "StepLR" }
        return "ExponentialLR"
    }
    var attributeNames: [String] { ["step", "lr", "epoch"] }
    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "lr": return .number(schedule.optimizer.learningRate)
        case "epoch": return .integer(schedule.epoch)
        case "step": return method("step", "", doc: "schedule.step(): advances one epoch and updates the optimizer's lr.") { _, _ in
            self.schedule.step(); return .none
        }
        default: return nil
        }
    }
}
