import NNCore
import NNTerminal

/// A tensor's attributes (`shape`, `T`, `grad`) and methods (`sum`, `backward`, `label`…).
enum TensorMembers {
    static let names = [
        "shape", "T", "grad", "requires_grad", "ndim", "name",
        "reshape", "flatten", "sum", "mean", "max", "min", "argmax", "std", "item", "tolist", "any", "all",
        "backward", "zero_grad", "detach", "label",
        "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "softmax", "log_softmax", "clip", "pow",
    ]

    static func member(_ name: String, of t: Tensor, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "shape": return .tuple(t.shape.map { .integer($0) })
        case "T": return .tensor(try t.transposed())
        case "grad": return t.grad.map { .tensor($0) } ?? Value.none
        case "requires_grad": return .bool(t.requiresGrad)
        case "ndim": return .integer(t.rank)
        case "name": return t.label.map { .string($0) } ?? Value.none
        case "reshape":
            return method(name, "shape, *more", doc: "x.reshape(*shape): the same values in a new shape; one size may be -1.") { args, _ in
                .tensor(try t.reshaped(try reshapeArguments(args)))
            }
        case "flatten":
            return method(name, "start=", doc: "x.flatten(start=0): the axes from start on merged into one; x.flatten() is one vector.") { args, _ in
                .tensor(try t.flattened(from: try args.integer("start", default: 0)))
            }
        case "sum", "mean", "max", "min":
            return method(name, "axis=, keepdims=", doc: "x.\(name)(axis=None, keepdims=False): over all elements or along one axis.") { args, _ in
                let axis = args.has("axis") ? try args.integer("axis") : nil
                let keepdims = try args.bool("keepdims", default: false)
                switch name {
                case "sum": return .tensor(try t.sum(axis: axis, keepdims: keepdims))
                case "mean": return .tensor(try t.mean(axis: axis, keepdims: keepdims))
                case "max": return .tensor(try t.max(axis: axis, keepdims: keepdims))
                default: return .tensor(try t.min(axis: axis, keepdims: keepdims))
                }
            }
        case "std":
            return method(name, "axis=", doc: "x.std(axis=None): the population standard deviation (no gradient).") { args, _ in
                let axis = args.has("axis") ? try args.integer("axis") : nil
                return try GradMode.withoutGrad {
                    let mean = try t.mean(axis: axis, keepdims: true)
                    let centred = try t - mean
                    return .tensor(try (centred * centred).mean(axis: axis).sqrt())
                }
            }
        case "argmax":
            return method(name, "axis=", doc: "x.argmax(axis=None): the index of the largest value (of the flattened tensor by default).") { args, _ in
                let result = try t.argmax(axis: args.has("axis") ? try args.integer("axis") : nil)
                return result.rank == 0 ? .integer(Int(result.data[0])) : .tensor(result)
            }
        case "item": return method(name, "", doc: "x.item(): the number in a one-element tensor.") { _, _ in .number(try t.item()) }
        case "tolist":
            return method(name, "", doc: "x.tolist(): nested lists of numbers.") { args, interpreter in
                try interpreter.reserveItems(t.count, plus: t.rank > 1 ? t.count / Swift.max(t.shape.last ?? 1, 1) : 0, at: args.location)
                return nestedList(t)
            }
        case "any": return method(name, "", doc: "x.any(): True when some element is non-zero.") { _, _ in .bool(t.data.contains { $0 != 0 }) }
        case "all": return method(name, "", doc: "x.all(): True when every element is non-zero.") { _, _ in .bool(t.data.allSatisfy { $0 != 0 }) }
        case "backward":
            return method(name, "upstream=", doc: "loss.backward(): fills .grad of every parameter the loss depends on.") { args, interpreter in
                try interpreter.backward(t, upstream: args.has("upstream") ? try args.tensor("upstream") : nil)
                return .none
            }
        case "zero_grad": return method(name, "", doc: "x.zero_grad(): clears the gradient (to None, as PyTorch).") { _, _ in t.zeroGrad(); return .none }
        case "detach": return method(name, "", doc: "x.detach(): the same values, cut off from the graph.") { _, _ in .tensor(t.detached()) }
        case "label":
            return method(name, "name", doc: "x.label(\"z1\"): names the node for trace, explain and dot; returns x.") { args, _ in
                t.label = try args.string("name")
                return .tensor(t)
            }
        case "exp": return method(name, "", doc: "eˣ") { _, _ in .tensor(try t.exp()) }
        case "log": return method(name, "", doc: "log x") { _, _ in .tensor(try t.log()) }
        case "sqrt": return method(name, "", doc: "√x") { _, _ in .tensor(try t.sqrt()) }
        case "abs": return method(name, "", doc: "|x|") { _, _ in .tensor(try t.abs()) }
        case "tanh": return method(name, "", doc: "tanh x") { _, _ in .tensor(try t.tanh()) }
        case "sigmoid": return method(name, "", doc: "σ(x)") { _, _ in .tensor(try t.sigmoid()) }
        case "relu": return method(name, "", doc: "max(0, x)") { _, _ in .tensor(try t.relu()) }
        case "softmax": return method(name, "axis=", doc: "softmax along an axis") { args, _ in .tensor(try t.softmax(axis: try args.integer("axis", default: -1))) }
        case "log_softmax": return method(name, "axis=", doc: "log softmax along an axis") { args, _ in .tensor(try t.logSoftmax(axis: try args.integer("axis", default: -1))) }
        case "clip": return method(name, "low, high", doc: "clip to [low, high]") { args, _ in .tensor(try t.clip(try args.number("low"), try args.number("high"))) }
        case "pow": return method(name, "p", doc: "x.pow(p) = xᵖ, p a number or a tensor (differentiable in both).") { args, interpreter in
            try interpreter.binary(.power, .tensor(t), args.value("p") ?? .none, at: args.location)
        }
        default: return nil
        }
    }

    /// Sizes for reshape, where -1 is allowed (unlike zeros' shapes).
    static func reshapeArguments(_ args: Arguments) throws -> [Int] {
        var parts: [Value] = [args.named["shape"] ?? .none] + args.rest
        if parts.count == 1, let items = Convert.sequence(parts[0]) { parts = items }
        if parts.count == 1, case .tensor(let t) = parts[0], t.rank == 1 { parts = t.data.map { .number($0) } }
        return try parts.map { part in
            guard let number = Convert.number(part), let whole = Convert.integer(number) else {
                throw ScriptError(.type, "reshape() expects whole numbers for the shape, got \(part.typeName)", at: args.location)
            }
            return whole
        }
    }

    /// A tensor as nested lists of numbers (a scalar as a number).
    static func nestedList(_ t: Tensor) -> Value {
        guard !t.shape.isEmpty else { return .number(t.data[0]) }
        var position = 0
        func build(_ axis: Int) -> Value {
            if axis == t.shape.count - 1 {
                let row = t.data[position..<(position + t.shape[axis])].map { Value.number($0) }
                position += t.shape[axis]
                return .list(ListStorage(Array(row)))
            }
            return .list(ListStorage((0..<t.shape[axis]).map { _ in build(axis + 1) }))
        }
        return build(0)
    }
}
