import NNCore
import NNTerminal

/// A tensor's attributes (`shape`, `T`, `grad`) and methods (`sum`, `backward`, `label`…).
enum TensorMembers {
    static let table = MemberTable<Tensor>([
        .property("shape", doc: "x.shape: the size along each axis, as a tuple.") { t, _ in .tuple(t.shape.map { .integer($0) }) },
        .property("T", doc: "x.T: the transpose (the last two axes swapped).") { t, _ in .tensor(try t.transposed()) },
        .property("grad", doc: "x.grad: the gradient backward() filled in, or None.") { t, _ in t.grad.map { .tensor($0) } ?? Value.none },
        .property("requires_grad", doc: "x.requires_grad: whether backward() computes a gradient for x.") { t, _ in .bool(t.requiresGrad) },
        .property("ndim", doc: "x.ndim: the number of axes.") { t, _ in .integer(t.rank) },
        .property("name", doc: "x.name: the label given with x.label(...), or None.") { t, _ in t.label.map { .string($0) } ?? Value.none },
        .method("reshape", "shape, *more", doc: "x.reshape(*shape): the same values in a new shape; one size may be -1.") { t, args, _ in
            .tensor(try t.reshaped(try reshapeArguments(args)))
        },
        .method("flatten", "start=", doc: "x.flatten(start=0): the axes from start on merged into one; x.flatten() is one vector.") { t, args, _ in
            .tensor(try t.flattened(from: try args.integer("start", default: 0)))
        },
        .method("chunk", "chunks, axis=", doc: """
            x.chunk(chunks, axis=0): a tuple of at most `chunks` pieces along the axis, each ⌈size / chunks⌉ long but the \
            last, as PyTorch's; the pieces share one gradient of x's shape.
            """) { t, args, _ in
            try pieces(try t.chunk(try args.integer("chunks"), axis: try args.integer("axis", default: 0)))
        },
        .method("split", "split_size_or_sections, axis=", doc: """
            x.split(size, axis=0): a tuple of pieces `size` long along the axis (the last may be shorter); \
            x.split([2, 3], axis) cuts pieces of those sizes, which must add up to the axis. As PyTorch's; one shared gradient.
            """) { t, args, _ in
            try split(t, args)
        },
        reduction("sum") { try $0.sum(axis: $1, keepdims: $2) },
        reduction("mean") { try $0.mean(axis: $1, keepdims: $2) },
        reduction("max") { try $0.max(axis: $1, keepdims: $2) },
        reduction("min") { try $0.min(axis: $1, keepdims: $2) },
        .method("argmax", "axis=", doc: "x.argmax(axis=None): the index of the largest value (of the flattened tensor by default).") { t, args, _ in
            let result = try t.argmax(axis: args.has("axis") ? try args.integer("axis") : nil)
            return result.rank == 0 ? .integer(Int(result.data[0])) : .tensor(result)
        },
        .method("std", "axis=", doc: "x.std(axis=None): the population standard deviation (no gradient).") { t, args, _ in
            let axis = args.has("axis") ? try args.integer("axis") : nil
            return try GradMode.withoutGrad {
                let mean = try t.mean(axis: axis, keepdims: true)
                let centred = try t - mean
                return .tensor(try (centred * centred).mean(axis: axis).sqrt())
            }
        },
        .method("item", "", doc: "x.item(): the number in a one-element tensor.") { t, _, _ in .number(try t.item()) },
        .method("tolist", "", doc: "x.tolist(): nested lists of numbers.") { t, args, interpreter in
            try interpreter.reserveItems(t.count, plus: t.rank > 1 ? t.count / Swift.max(t.shape.last ?? 1, 1) : 0, at: args.location)
            return nestedList(t)
        },
        .method("any", "", doc: "x.any(): True when some element is non-zero.") { t, _, _ in .bool(t.data.contains { $0 != 0 }) },
        .method("all", "", doc: "x.all(): True when every element is non-zero.") { t, _, _ in .bool(t.data.allSatisfy { $0 != 0 }) },
        .method("backward", "upstream=", doc: "loss.backward(): fills .grad of every parameter the loss depends on.") { t, args, interpreter in
            try interpreter.backward(t, upstream: args.has("upstream") ? try args.tensor("upstream") : nil)
            return .none
        },
        .method("zero_grad", "", doc: "x.zero_grad(): clears the gradient (to None, as PyTorch).") { t, _, _ in t.zeroGrad(); return .none },
        .method("detach", "", doc: "x.detach(): the same values, shared and cut off from the graph; x.detach().clone() is a snapshot.") { t, _, _ in
            .tensor(t.detached())
        },
        .method("clone", "", doc: "x.clone(): a copy with its own values; gradient flows back to x.") { t, _, _ in .tensor(try t.cloned()) },
        .method("label", "name", doc: "x.label(\"z1\"): names the node for trace, explain and dot; returns x.") { t, args, _ in
            t.label = try args.string("name")
            return .tensor(t)
        },
        pointwise("exp", doc: "eˣ") { try $0.exp() },
        pointwise("log", doc: "log x") { try $0.log() },
        pointwise("sqrt", doc: "√x") { try $0.sqrt() },
        pointwise("abs", doc: "|x|") { try $0.abs() },
        pointwise("sin", doc: "sin x") { try $0.sin() },
        pointwise("cos", doc: "cos x") { try $0.cos() },
        pointwise("tanh", doc: "tanh x") { try $0.tanh() },
        pointwise("sigmoid", doc: "σ(x)") { try $0.sigmoid() },
        pointwise("relu", doc: "max(0, x)") { try $0.relu() },
        .method("softmax", "axis=", doc: "softmax along an axis") { t, args, _ in .tensor(try t.softmax(axis: try args.integer("axis", default: -1))) },
        .method("log_softmax", "axis=", doc: "log softmax along an axis") { t, args, _ in
            .tensor(try t.logSoftmax(axis: try args.integer("axis", default: -1)))
        },
        .method("clip", "low, high", doc: "clip to [low, high]") { t, args, _ in .tensor(try t.clip(try args.number("low"), try args.number("high"))) },
        .method("pow", "p", doc: "x.pow(p) = xᵖ, p a number or a tensor (differentiable in both).") { t, args, interpreter in
            try interpreter.binary(.power, .tensor(t), args.value("p") ?? .none, at: args.location)
        },
    ])

    /// `x.sum(axis=None, keepdims=False)` and its kin.
    private static func reduction(_ name: String, _ op: @escaping (Tensor, Int?, Bool) throws -> Tensor) -> Member<Tensor> {
        .method(name, "axis=, keepdims=", doc: "x.\(name)(axis=None, keepdims=False): over all elements or along one axis.") { t, args, _ in
            let axis = args.has("axis") ? try args.integer("axis") : nil
            return .tensor(try op(t, axis, try args.bool("keepdims", default: false)))
        }
    }

    /// A method without arguments applying a pointwise op.
    private static func pointwise(_ name: String, doc: String, _ op: @escaping (Tensor) throws -> Tensor) -> Member<Tensor> {
        .method(name, "", doc: doc) { t, _, _ in .tensor(try op(t)) }
    }

    /// Pieces of a split as a tuple of tensors.
    static func pieces(_ tensors: [Tensor]) -> Value { .tuple(tensors.map { .tensor($0) }) }

    /// `x.split(size, axis)` or `x.split(sections, axis)`: one size repeated, or a list or tuple of sizes.
    static func split(_ t: Tensor, _ args: Arguments) throws -> Value {
        let name = "split_size_or_sections", axis = try args.integer("axis", default: 0)
        let given = args.value(name) ?? .none
        var sections = Convert.sequence(given)
        if sections == nil, case .tensor(let list) = given, list.rank == 1 { sections = list.data.map { .number($0) } }
        guard let sections else { return pieces(try t.split(size: try args.integer(name), axis: axis)) }
        let sizes = try sections.map { section in
            guard let number = Convert.number(section), let size = Convert.integer(number) else {
                throw args.mismatch(name, "whole numbers for the sizes", section)
            }
            return size
        }
        return pieces(try t.split(sizes: sizes, axis: axis))
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
