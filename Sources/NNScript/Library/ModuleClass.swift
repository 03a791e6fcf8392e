import NNCore
import NNTerminal

/// The builtin base class `Module`, as PyTorch's `nn.Module`: a learner's `class Net(Module)`
/// holds parameters, layers and other Modules as attributes, defines `forward`, and is called
/// like a layer; the optimizers, `fit`, `predict`, `evaluate` and `boundary` take it as a model.
enum ModuleClass {
    /// Read-only attributes every Module has.
    static let propertyNames = ["params", "training"]

    /// A fresh `Module` class for one interpreter's globals.
    static func make() -> ScriptClass {
        let methods: [Builtin] = [
            Builtin("__init__", Signature("self"), doc: "Module(): an empty module; subclasses call super().__init__().") { _, _ in .none },
            Builtin("forward", Signature("self, *inputs"), doc: "model.forward(x): the computation; every subclass defines it.") { args, _ in
                let name = (args.value("self")?.typeName) ?? "Module"
                throw ScriptError(.notImplemented, "Module \(name) is missing the required forward method", at: args.location,
                                  hint: "define def forward(self, x): … in class \(name)")
            },
            Builtin("__call__", Signature("self, *inputs, **options"), doc: "model(x): calls forward(x).") { args, interpreter in
                let receiver = args.named["self"] ?? .none
                guard case .object(let instance as Instance) = receiver, let forward = instance.type.lookup("forward") else { return .none }
                var keywords: [(String, Value)] = []
                if case .dict(let options)? = args.named["options"] {
                    for (key, value) in zip(options.keys, options.values) { if case .string(let label) = key { keywords.append((label, value)) } }
                }
                return try interpreter.callMethod(forward, on: receiver, args.rest, keywords, at: args.location)
            },
            Builtin("parameters", Signature("self"), doc: "model.parameters(): every parameter in its attributes, in attribute order.") { args, _ in
                .list(ListStorage(parameters(of: args.named["self"] ?? .none).map { .tensor($0) }))
            },
            Builtin("named_parameters", Signature("self"), doc: "model.named_parameters(): (name, parameter) pairs, e.g. (\"fc1.W\", W).") { args, _ in
                .list(ListStorage(namedParameters(of: args.named["self"] ?? .none).map { .tuple([.string($0.0), .tensor($0.1)]) }))
            },
            Builtin("zero_grad", Signature("self"), doc: "model.zero_grad(): zeroes every parameter's gradient.") { args, _ in
                parameters(of: args.named["self"] ?? .none).forEach { $0.zeroGrad() }
                return .none
            },
            Builtin("train", Signature("self, mode="), doc: "model.train(mode=True): training mode for it and every Module inside; returns the model.") { args, _ in
                let receiver = args.named["self"] ?? .none
                setTraining(receiver, try args.bool("mode", default: true))
                return receiver
            },
            Builtin("eval", Signature("self"), doc: "model.eval(): evaluation mode (train(False)); returns the model.") { args, _ in
                let receiver = args.named["self"] ?? .none
                setTraining(receiver, false)
                return receiver
            },
            Builtin("summary", Signature("self"), doc: "model.summary(): each attribute holding parameters, its shape and parameter count.") { args, interpreter in
                let (text, rows, total) = summary(of: args.named["self"] ?? .none)
                interpreter.showTable(text) {
                    Table(headers: rows.first ?? [], rows: Array(rows.dropFirst())).html() + "\n<p>total parameters: \(total)</p>"
                }
                return .none
            },
        ]
        return ScriptClass(name: "Module", base: nil, attributes: methods.map { ($0.name, .builtin($0)) },
                           docstring: "The base class of models: define __init__ (calling super().__init__()) and forward(self, x).",
                           isModuleBase: true)
    }

    static func property(_ name: String, of instance: Instance) -> Value? {
        switch name {
        case "params": return .list(ListStorage(parameters(of: .object(instance)).map { .tensor($0) }))
        case "training": return .bool(instance.training)
        default: return nil
        }
    }

    /// The parameters held by a value, in attribute order, each once.
    static func parameters(of value: Value) -> [Tensor] { namedParameters(of: value).map(\.1) }

    /// Parameters with their paths (`fc1.W`, `layers.0.b`): tensors made with `param`, builtin layers,
    /// Modules, and lists, tuples and dicts of them; a tensor shared by two attributes counts once.
    static func namedParameters(of value: Value) -> [(String, Tensor)] {
        var found: [(String, Tensor)] = []
        var seen: Set<ObjectIdentifier> = []
        collect(value, path: "", into: &found, seen: &seen, depth: 0)
        return found
    }

    /// Containers nested deeper than this are not searched for parameters.
    static let maximumNesting = 100

    private static func collect(_ value: Value, path: String, into found: inout [(String, Tensor)], seen: inout Set<ObjectIdentifier>, depth: Int) {
        guard depth < maximumNesting else { return }
        func join(_ name: String) -> String { path.isEmpty ? name : path + "." + name }
        func visit(_ object: AnyObject) -> Bool { seen.insert(ObjectIdentifier(object)).inserted }
        switch value {
        case .tensor(let tensor):
            if tensor.requiresGrad, tensor.isLeaf, visit(tensor) { found.append((path.isEmpty ? tensor.label ?? "" : path, tensor)) }
        case .object(let instance as Instance) where instance.type.isModule:
            guard visit(instance) else { return }
            for name in instance.fieldOrder {
                collect(instance.field(name) ?? .none, path: join(name), into: &found, seen: &seen, depth: depth + 1)
            }
        case .object(let model as ModelObject):
            guard visit(model) else { return }
            for (name, tensor) in layerParameters(model) where visit(tensor) { found.append((join(name), tensor)) }
        case .object(let layer as any ScriptModel):
            guard visit(layer) else { return }
            for tensor in layer.parameters where visit(tensor) { found.append((join(ownName(tensor)), tensor)) }
        case .list(let list):
            guard visit(list) else { return }
            for (index, item) in list.items.enumerated() { collect(item, path: join(String(index)), into: &found, seen: &seen, depth: depth + 1) }
        case .tuple(let items):
            for (index, item) in items.enumerated() { collect(item, path: join(String(index)), into: &found, seen: &seen, depth: depth + 1) }
        case .dict(let dict):
            guard visit(dict) else { return }
            for (key, item) in zip(dict.keys, dict.values) {
                let name = if case .string(let text) = key { text } else { "\(key)" }
                collect(item, path: join(name), into: &found, seen: &seen, depth: depth + 1)
            }
        default:
            return
        }
    }

    /// Names what an attribute receives, so that traces and explain read `W1` and `hidden.W`:
    /// a tensor without a name takes the attribute's, a builtin layer's parameters take it as a prefix.
    static func label(_ value: Value, as name: String) {
        switch value {
        case .tensor(let tensor) where tensor.label == nil:
            tensor.label = name
        case .object(let model as ModelObject):
            for (own, tensor) in layerParameters(model) { tensor.label = name + "." + own }
        default:
            return
        }
    }

    /// A builtin model's parameters with their names in it: `W`, `b`; `W1`, `b2` in an MLP or a Sequential.
    static func layerParameters(_ model: ModelObject) -> [(String, Tensor)] {
        switch model.kind {
        case .layer(let layer): return layer.namedParameters.map { ($0.name, $0.tensor) }
        case .mlp(let mlp): return mlp.layers.enumerated().flatMap { index, dense in [("W\(index + 1)", dense.weight), ("b\(index + 1)", dense.bias)] }
        }
    }

    /// A layer parameter's name within its layer: `W` of `hidden.W`.
    static func ownName(_ tensor: Tensor) -> String {
        tensor.label.map { String($0.split(separator: ".").last ?? Substring($0)) } ?? "param"
    }

    /// Sets train or eval mode on a Module and every Module inside it.
    static func setTraining(_ value: Value, _ mode: Bool, depth: Int = 0) {
        guard depth < maximumNesting else { return }
        switch value {
        case .object(let instance as Instance) where instance.type.isModule:
            guard instance.training != mode || depth == 0 else { return }
            instance.training = mode
            for name in instance.fieldOrder { setTraining(instance.field(name) ?? .none, mode, depth: depth + 1) }
        case .object(let model as ModelObject):
            model.isTraining = mode
        case .list(let list): list.items.forEach { setTraining($0, mode, depth: depth + 1) }
        case .tuple(let items): items.forEach { setTraining($0, mode, depth: depth + 1) }
        case .dict(let dict): dict.values.forEach { setTraining($0, mode, depth: depth + 1) }
        default: return
        }
    }

    /// A table of the attributes that hold parameters, as Keras' summary prints a model's layers:
    /// its text, its rows (the first is the header) and the parameter count.
    static func summary(of value: Value) -> (text: String, rows: [[String]], total: Int) {
        guard case .object(let instance as Instance) = value else { return ("", [], 0) }
        var rows = [["attribute", "type", "shape", "params"]]
        for name in instance.fieldOrder {
            let field = instance.field(name) ?? .none
            let tensors = parameters(of: field)
            guard !tensors.isEmpty else { continue }
            var shape = ""
            switch field {
            case .tensor(let tensor): shape = "(" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
            case .object(let model as ModelObject):
                if let first = model.layers.first as? Dense, let last = model.layers.last as? Dense { shape = "\(first.inputs) → \(last.outputs)" }
            default: break
            }
            rows.append([name, field.typeName == "tensor" ? "param" : field.typeName, shape, String(tensors.reduce(0) { $0 + $1.count })])
        }
        let total = parameters(of: value).reduce(0) { $0 + $1.count }
        return (Tensor.alignColumns(rows) + "\ntotal parameters: \(total)", rows, total)
    }

    /// The default display of a Module: its class and the attributes holding parameters, as PyTorch prints a model.
    static func describe(_ instance: Instance, interpreter: Interpreter) -> String {
        var parts: [String] = []
        for name in instance.fieldOrder {
            let field = instance.field(name) ?? .none
            switch field {
            case .object(let inner as Instance) where inner.type.isModule:
                parts.append("\(name)=\(inner.text("__repr__", interpreter: interpreter))")
            case .object(let model as ModelObject):
                parts.append("\(name)=\(model.display(interpreter: interpreter))")
            case .tensor(let tensor) where tensor.requiresGrad && tensor.isLeaf:
                parts.append("\(name)=param(" + tensor.shape.map(String.init).joined(separator: ", ") + ")")
            default:
                continue
            }
        }
        let count = parameters(of: .object(instance)).reduce(0) { $0 + $1.count }
        return "\(instance.type.name)(\(parts.joined(separator: ", "))\(parts.isEmpty ? "" : "; ")\(count) parameters)"
    }
}

/// What the training builtins accept as a model: a builtin layer or model, or a learner's Module.
protocol ScriptModel: AnyObject {
    /// The trainable tensors, in order.
    var parameters: [Tensor] { get }
    /// The model applied to a batch.
    func forward(_ x: Tensor, interpreter: Interpreter, at location: SourceLocation) throws -> Tensor
    /// Runs `body` with the model in evaluation mode, then restores its mode.
    func inEvaluation<T>(_ body: () throws -> T) rethrows -> T
    /// Training mode (dropout drops, batch norm updates its statistics) or evaluation mode, for all of the model.
    var isTraining: Bool { get set }
    /// The modes of the model's parts, to put back with ``restoreTrainingModes(_:)``.
    var trainingModes: [Bool] { get }
    func restoreTrainingModes(_ modes: [Bool])
}

extension ModelObject: ScriptModel {
    var trainingModes: [Bool] { layers.map(\.isTraining) }
    func restoreTrainingModes(_ modes: [Bool]) {
        for (layer, mode) in zip(layers, modes) { layer.isTraining = mode }
    }

    func forward(_ x: Tensor, interpreter: Interpreter, at location: SourceLocation) throws -> Tensor {
        try interpreter.core(location) { try forward(x) }
    }
}

extension Arguments {
    /// A model argument: a builtin model or layer, or an instance of a class derived from Module.
    func model(_ name: String) throws -> any ScriptModel {
        let value = self.value(name) ?? .none
        if case .object(let model as ModelObject) = value { return model }
        if case .object(let instance as Instance) = value, instance.type.isModule { return ModuleModel(instance) }
        if case .object(let model as any ScriptModel) = value { return model }
        var hint = "pass MLP(...), a layer such as Dense(...), or an instance of your class Net(Module)"
        if case .object(let instance as Instance) = value { hint = "class \(instance.type.name) must derive from Module: class \(instance.type.name)(Module):" }
        throw ScriptError(.type, "\(function)() expects a model for '\(name)', got \(value.typeName)", at: location, hint: hint)
    }
}

/// A learner's Module seen as a model: its parameters, and forward through `model(x)`.
final class ModuleModel: ScriptModel {
    let instance: Instance
    init(_ instance: Instance) { self.instance = instance }

    var parameters: [Tensor] { ModuleClass.parameters(of: .object(instance)) }

    func forward(_ x: Tensor, interpreter: Interpreter, at location: SourceLocation) throws -> Tensor {
        let output = try interpreter.call(.object(instance), [.tensor(x)], [], at: location, calleeName: instance.type.name)
        return try Convert.tensor(output, context: "the output of \(instance.type.name).forward", at: location)
    }

    var isTraining: Bool {
        get { instance.training }
        set { ModuleClass.setTraining(.object(instance), newValue) }
    }

    /// The Module's own mode: restoring it sets everything inside to it.
    var trainingModes: [Bool] { [instance.training] }
    func restoreTrainingModes(_ modes: [Bool]) { isTraining = modes.first ?? true }

    /// Evaluation mode for the Module and everything inside it; afterwards all of it returns to the Module's own mode.
    func inEvaluation<T>(_ body: () throws -> T) rethrows -> T {
        let mode = instance.training
        ModuleClass.setTraining(.object(instance), false)
        defer { ModuleClass.setTraining(.object(instance), mode) }
        return try body()
    }
}
