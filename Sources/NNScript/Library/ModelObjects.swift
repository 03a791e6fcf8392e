import NNCore
import NNTerminal

/// A model or layer in the language: callable on a batch, with params, layers, summary(),
/// zero_grad(), train() and eval().
final class ModelObject: TabledObject {
    enum Kind {
        case mlp(MLP)
        /// Dense, Conv2d, BatchNorm, LSTM, Sequential… (Sequential is a layer of layers).
        case layer(any Layer)
    }

    let kind: Kind
    init(_ kind: Kind) { self.kind = kind }

    var typeName: String {
        switch kind {
        case .mlp: return "MLP"
        case .layer(let layer): return layer.name
        }
    }

    /// The model as one layer, or nil for an MLP (whose layers are Dense).
    private var layer: (any Layer)? {
        if case .layer(let layer) = kind { return layer }
        return nil
    }

    var parameters: [Tensor] {
        switch kind {
        case .mlp(let mlp): return mlp.parameters
        case .layer(let layer): return layer.parameters
        }
    }

    /// The layers `model.layers` lists: an MLP's Dense layers, a Sequential's layers, or the layer itself.
    var layers: [any Layer] {
        switch kind {
        case .mlp(let mlp): return mlp.layers
        case .layer(let sequential as Sequential): return sequential.layers
        case .layer(let layer): return [layer]
        }
    }

    /// Whether the model is in training mode (see ``Layer/isTraining``).
    var isTraining: Bool {
        get { layers.allSatisfy(\.isTraining) }
        set { for layer in layers { layer.isTraining = newValue } }
    }

    func forward(_ x: Tensor) throws -> Tensor {
        switch kind {
        case .mlp(let mlp): return try mlp(x)
        case .layer(let layer): return try layer(x)
        }
    }

    /// Runs `body` with the model in evaluation mode, then restores the mode it was in.
    func inEvaluation<T>(_ body: () throws -> T) rethrows -> T {
        let modes = layers.map(\.isTraining)
        defer { for (layer, mode) in zip(layers, modes) { layer.isTraining = mode } }
        isTraining = false
        return try body()
    }

    /// The Dense layer when the model is one, for its W, b and activation.
    private var dense: Dense? {
        switch kind {
        case .mlp(let mlp): return mlp.layers.count == 1 ? mlp.layers[0] : nil
        case .layer(let layer): return layer as? Dense
        }
    }

    /// The layer's own tensors by name (W, b, gamma, running_mean…); a Sequential's are numbered.
    private var namedTensors: [(name: String, tensor: Tensor)] {
        guard let layer else { return [] }
        return layer.namedParameters + layer.buffers
    }

    var attributeNames: [String] {
        Self.members.names + (dense != nil ? ["activation"] : []) + namedTensors.map(\.name)
    }

    static let members = MemberTable<ModelObject>([
        .property("params", doc: "model.params: every parameter, layer by layer.") { model, _ in .list(ListStorage(model.parameters.map { .tensor($0) })) },
        // A method, as PyTorch's, so that layers and a learner's Modules read alike.
        .method("parameters", "", doc: "model.parameters(): every parameter, layer by layer (the same list as model.params).") { model, _, _ in
            .list(ListStorage(model.parameters.map { .tensor($0) }))
        },
        .property("layers", doc: "model.layers: its layers, in order.") { model, _ in .list(ListStorage(model.layers.map { .object(ModelObject(.layer($0))) })) },
        .method("summary", "input_shape=", doc: """
            model.summary(input_shape=None): each layer's output shape and parameter count, as Keras prints it.
            Shapes come from the last batch the model saw, or from input_shape (one example, without the batch axis).
            """) { model, args, interpreter in
            let text = try model.summary(args, interpreter)
            interpreter.showTable(text) { Table.preformattedHTML(text) }
            return .none
        },
        .method("zero_grad", "", doc: "model.zero_grad(): clears every parameter's gradient (to None, as PyTorch).") { model, _, _ in
            model.parameters.forEach { $0.zeroGrad() }; return .none
        },
        .property("parameter_count", doc: "model.parameter_count: how many numbers it learns.") { model, _ in
            .integer(model.parameters.reduce(0) { $0 + $1.count })
        },
        .method("train", "", doc: "model.train(): training mode: dropout drops, batch norm uses and updates batch statistics.") { model, _, _ in
            model.isTraining = true; return .none
        },
        .method("eval", "", doc: "model.eval(): evaluation mode: dropout is off, batch norm uses its running statistics.") { model, _, _ in
            model.isTraining = false; return .none
        },
        .property("training", doc: "model.training: whether it is in training mode.") { model, _ in .bool(model.isTraining) },
    ])

    /// The table's attributes, then a Dense layer's activation, W and b, then the layer's own tensors by name.
    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        if let value = try Self.members.value(name, of: self, interpreter: interpreter) { return value }
        switch name {
        case "activation" where dense != nil: return .string(dense?.activation.rawValue ?? "")
        case "W" where dense != nil: return dense.map { .tensor($0.weight) }
        case "b" where dense != nil: return dense.map { .tensor($0.bias) }
        default: return namedTensors.first { $0.name == name }.map { .tensor($0.tensor) }
        }
    }

    private func summary(_ args: Arguments, _ interpreter: Interpreter) throws -> String {
        switch kind {
        case .mlp(let mlp): return mlp.summary()
        case .layer(let dense as Dense): return MLP(layers: [dense]).summary()
        case .layer(let layer):
            let sequential = try layer as? Sequential ?? Sequential([layer])
            var shape: [Int]?
            if let value = args.value("input_shape") {
                var sizes: [Int] = []
                try interpreter.iterate(value, at: args.location) { item in
                    sizes.append(try interpreter.wholeNumber(item, what: "size", at: args.location)); return true
                }
                shape = sizes
            }
            return try sequential.summary(inputShape: shape)
        }
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? {
        guard arguments.rest.count == 1, arguments.named.isEmpty else {
            throw ScriptError(.type, "a model is called on one batch: model(X)", at: arguments.location)
        }
        let x = try Convert.tensor(arguments.rest[0], context: "the model's input", at: arguments.location)
        return try interpreter.core(arguments.location) {
            // Called on its own, a recurrent layer gives every step's output and its last state, as PyTorch does.
            if let recurrent = layer as? RecurrentLayer {
                let (outputs, state) = try recurrent.sequence(x)
                let last: Value = state.count == 1 ? .tensor(state[0]) : .tuple(state.map { .tensor($0) })
                return .tuple([.tensor(outputs), last])
            }
            return .tensor(try forward(x))
        }
    }

    func display(interpreter: Interpreter) -> String {
        let count = parameters.reduce(0) { $0 + $1.count }
        let dense = layers.compactMap { $0 as? Dense }
        guard dense.count == layers.count else {
            let names = layers.map(\.name).joined(separator: ", ")
            return layers.count == 1 ? "\(typeName)(\(count) parameters)" : "\(typeName)(\(names); \(count) parameters)"
        }
        let sizes = [dense.first?.inputs ?? 0] + dense.map(\.outputs)
        let activations = dense.map(\.activation.rawValue)
        let named = activations.count == 1 ? "activation" : "activations"
        return "\(typeName)(\(sizes.map(String.init).joined(separator: " → ")), \(named) \(activations.joined(separator: ", ")), \(count) parameters)"
    }
}

/// An optimizer in the language: step(), zero_grad() and a settable lr.
final class OptimizerObject: TabledObject {
    let optimizer: Optimizer
    init(_ optimizer: Optimizer) { self.optimizer = optimizer }
    var typeName: String { optimizer.name }
    static let members = MemberTable<OptimizerObject>([
        .method("step", "", doc: "opt.step(): updates every parameter from its gradient.") { opt, _, _ in
            opt.optimizer.step(); return .none
        },
        .method("zero_grad", "", doc: "opt.zero_grad(): clears the parameters' gradients (to None, as PyTorch); step() skips a parameter without one.") { opt, _, _ in
            opt.optimizer.zeroGrad(); return .none
        },
        .property("lr", doc: "opt.lr: the learning rate (settable).") { opt, _ in .number(opt.optimizer.learningRate) },
        .property("params", doc: "opt.params: the parameters it updates.") { opt, _ in .list(ListStorage(opt.optimizer.parameters.map { .tensor($0) })) },
        .property("steps", doc: "opt.steps: how many times step() has run.") { opt, _ in .integer(opt.optimizer.stepCount) },
    ])

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
    /// A schedule stepped by epoch, or one stepped with the monitored loss.
    enum Kind {
        case rule(LearningRateSchedule)
        case plateau(PlateauSchedule)
    }

    let kind: Kind
    init(_ schedule: LearningRateSchedule) { kind = .rule(schedule) }
    init(_ schedule: PlateauSchedule) { kind = .plateau(schedule) }

    var typeName: String {
        guard case .rule(let schedule) = kind else { return "ReduceLROnPlateau" }
        switch schedule.rule {
        case .step: return "StepLR"
        case .exponential: return "ExponentialLR"
        case .cosine: return "CosineAnnealingLR"
        case .oneCycle: return "OneCycleLR"
        }
    }

    var attributeNames: [String] { ["step", "lr", "epoch"] }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch (name, kind) {
        case ("lr", .rule(let schedule)): return .number(schedule.optimizer.learningRate)
        case ("lr", .plateau(let schedule)): return .number(schedule.optimizer.learningRate)
        case ("epoch", .rule(let schedule)): return .integer(schedule.epoch)
        case ("epoch", .plateau(let schedule)): return .integer(schedule.epoch)
        case ("step", .rule(let schedule)):
            return method("step", "", doc: "schedule.step(): advances one epoch and updates the optimizer's lr.") { _, _ in
                try schedule.step(); return .none
            }
        case ("step", .plateau(let schedule)):
            return method("step", "loss", doc: "schedule.step(loss): records the monitored loss; lr × factor after patience epochs without improvement.") { args, _ in
                schedule.step(try args.number("loss")); return .none
            }
        default: return nil
        }
    }
}
