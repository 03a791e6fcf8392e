import NNCore

/// Pointwise math, activations, softmax and friends, joining and one-hot codes.
enum MathBuiltins {
    /// A builtin applying a tensor op; a plain number in gives a plain number out.
    static func pointwise(_ name: String, _ signature: String = "x", doc: String,
                          _ op: @escaping (Tensor, Arguments) throws -> Tensor) -> Builtin {
        Builtin(name, Signature(signature), doc: doc) { args, _ in
            let input = args.value("x") ?? .none
            if name == "abs", case .integer(let n) = input, n != Int.min { return .integer(Swift.abs(n)) }
            let result = try op(try args.tensor("x"), args)
            if Interpreter.plainNumber(input) != nil, result.count == 1 { return .number(result.data[0]) }
            return .tensor(result)
        }
    }

    static let all: [Builtin] = [
        pointwise("exp", doc: "exp(x) = eˣ. Derivative: eˣ.") { x, _ in try x.exp() },
        pointwise("log", doc: "log(x): the natural logarithm; log(0) = -inf. Derivative: 1/x.") { x, _ in try x.log() },
        pointwise("sqrt", doc: "sqrt(x) = √x. Derivative: 1/(2√x).") { x, _ in try x.sqrt() },
        pointwise("abs", doc: "abs(x) = |x|. Derivative: sign(x).") { x, _ in try x.abs() },
        pointwise("clip", "x, low, high", doc: "clip(x, low, high): each value limited to [low, high]. Derivative: 1 inside, 0 outside.") { x, args in
            try x.clip(try args.number("low"), try args.number("high"))
        },
        pointwise("sin", doc: "sin(x), x in radians; the same bits on every CPU. Derivative: cos(x).") { x, _ in try x.sin() },
        pointwise("cos", doc: "cos(x), x in radians; the same bits on every CPU. Derivative: −sin(x).") { x, _ in try x.cos() },
        pointwise("tanh", doc: "tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ), in (−1, 1). Derivative: 1 − tanh²(x).") { x, _ in try x.tanh() },
        pointwise("sigmoid", doc: "sigmoid(x) = σ(x) = 1/(1 + e⁻ˣ), in (0, 1). Derivative: σ(x)(1 − σ(x)).") { x, _ in try x.sigmoid() },
        pointwise("relu", doc: "relu(x) = max(0, x). Derivative: 1 for x > 0, else 0.") { x, _ in try x.relu() },
        pointwise("leaky_relu", "x, alpha=", doc: "leaky_relu(x, alpha=0.01) = x for x > 0, αx otherwise. Derivative: 1 or α.") { x, args in
            try x.leakyRelu(alpha: try args.number("alpha", default: 0.01))
        },
        pointwise("elu", "x, alpha=", doc: "elu(x, alpha=1.0) = x for x > 0, α(eˣ − 1) otherwise. Derivative: 1 or αeˣ.") { x, args in
            try x.elu(alpha: try args.number("alpha", default: 1))
        },
        pointwise("selu", doc: "selu(x) = λ·elu(x, α) with λ ≈ 1.0507, α ≈ 1.6733 (self-normalising).") { x, _ in try x.selu() },
        pointwise("gelu", "x, approximate=", doc: """
            gelu(x, approximate="none") = x·Φ(x), Φ the standard normal CDF; approximate="tanh" uses
            0.5x(1 + tanh(√(2/π)(x + 0.044715x³))). Derivative: Φ(x) + x·φ(x).
            """) { x, args in
            let mode = try args.string("approximate", default: "none")
            guard mode == "none" || mode == "tanh" else {
                throw ScriptError(.value, "gelu(approximate=) takes \"none\" or \"tanh\", not \"\(mode)\"", at: args.location)
            }
            return try x.gelu(approximate: mode == "tanh")
        },
        pointwise("swish", doc: "swish(x) = x·σ(x) (also silu). Derivative: σ(x)(1 + x(1 − σ(x))).") { x, _ in try x.swish() },
        pointwise("silu", doc: "silu(x) = x·σ(x), the same as swish.") { x, _ in try x.swish() },
        pointwise("softplus", doc: "softplus(x) = log(1 + eˣ), a smooth relu. Derivative: σ(x).") { x, _ in try x.softplus() },
        pointwise("mish", doc: "mish(x) = x·tanh(softplus(x)).") { x, _ in try x.mish() },
        pointwise("step", doc: "step(x): the Heaviside step, 1 where x ≥ 0, else 0. No gradient: the threshold unit's activation.") { x, _ in x.step() },
        pointwise("sign", doc: "sign(x): −1, 0 or 1. No gradient.") { x, _ in x.sign() },
        pointwise("softmax", "x, axis=", doc: """
            softmax(x, axis=-1) = e^(x − max) / Σ e^(x − max): probabilities along an axis.
            Subtracting the max changes nothing mathematically and keeps exp from overflowing.
            """) { x, args in try x.softmax(axis: try args.integer("axis", default: -1)) }
        ,
        pointwise("log_softmax", "x, axis=", doc: "log_softmax(x, axis=-1) = x − max − log Σ e^(x − max), computed stably.") { x, args in
            try x.logSoftmax(axis: try args.integer("axis", default: -1))
        },
        pointwise("logsumexp", "x, axis=, keepdims=", doc: "logsumexp(x, axis=-1, keepdims=False) = max + log Σ e^(x − max).") { x, args in
            try x.logSumExp(axis: try args.integer("axis", default: -1), keepdims: try args.bool("keepdims", default: false))
        },
        Builtin("pow", Signature("x, p"), doc: """
            pow(x, p) = x ** p: numbers give a number; with a tensor on either side it is differentiable in both,
            d/dx = p·xᵖ⁻¹ (0 where p = 0) and d/dp = xᵖ·log x (0 where x = 0 and p ≥ 0), as PyTorch.
            """) { args, interpreter in
            try interpreter.binary(.power, args.value("x") ?? .none, args.value("p") ?? .none, at: args.location)
        },
        Builtin("one_hot", Signature("labels, n"), doc: "one_hot(labels, n): rows of n zeros with a 1 at each label's class.") { args, _ in
            .tensor(try Tensor.oneHot(try args.tensor("labels"), classes: try args.integer("n")))
        },
        Builtin("concat", Signature("tensors, axis="), doc: "concat(tensors, axis=0): joins tensors along an existing axis.") { args, interpreter in
            .tensor(try Tensor.concat(try tensors(args, interpreter), axis: try args.integer("axis", default: 0)))
        },
        Builtin("stack", Signature("tensors, axis="), doc: "stack(tensors, axis=0): stacks equal-shaped tensors along a new axis.") { args, interpreter in
            .tensor(try Tensor.stack(try tensors(args, interpreter), axis: try args.integer("axis", default: 0)))
        },
        Builtin("chunk", Signature("x, chunks, axis="), doc: """
            chunk(x, chunks, axis=0) = x.chunk(chunks, axis): a tuple of at most `chunks` pieces along the axis,
            each ⌈size / chunks⌉ long but the last, as PyTorch's; the pieces share one gradient of x's shape.
            """) { args, _ in
            TensorMembers.pieces(try args.tensor("x").chunk(try args.integer("chunks"), axis: try args.integer("axis", default: 0)))
        },
        Builtin("matmul", Signature("a, b"), doc: "matmul(a, b) = a @ b, the matrix product.") { args, _ in
            .tensor(try Tensor.matmul(try args.tensor("a"), try args.tensor("b")))
        },
    ]

    /// The tensors of a list argument.
    static func tensors(_ args: Arguments, _ interpreter: Interpreter) throws -> [Tensor] {
        var result: [Tensor] = []
        try interpreter.iterate(args.named["tensors"] ?? .none, at: args.location) { item in
            result.append(try Convert.tensor(item, context: "\(args.function)() item", at: args.location)); return true
        }
        return result
    }
}
