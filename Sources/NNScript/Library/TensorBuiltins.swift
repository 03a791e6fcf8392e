import NNCore

/// Creating tensors: from data, constants, ranges and the seeded random stream.
enum TensorBuiltins {
    static let all: [Builtin] = [
        Builtin("tensor", Signature("data, requires_grad="), doc: """
            tensor(data, requires_grad=False): a tensor from a number or nested lists of numbers.
            A list of numbers written directly, [1, 2], is already a tensor.
            """) { args, _ in
            let source = try args.tensor("data")
            let copy = try Tensor(source.data, shape: source.shape, requiresGrad: try args.bool("requires_grad", default: false))
            return .tensor(copy)
        },
        Builtin("param", Signature("data, label="), doc: """
            param(data, label=None): a trainable leaf (a parameter): gradients collect in .grad.
            The values are copied from data (a tensor, a number or nested lists).
            """) { args, _ in
            let source = try args.tensor("data")
            let p = try Tensor(source.data, shape: source.shape, requiresGrad: true)
            if args.has("label") { p.label = try args.string("label") }
            return .tensor(p)
        },
        Builtin("zeros", Signature("shape, *more"), doc: "zeros(*shape): a tensor of zeros, e.g. zeros(2, 3) or zeros((2, 3)).") { args, _ in
            .tensor(try Tensor.zeros(try args.shape(first: "shape")))
        },
        Builtin("ones", Signature("shape, *more"), doc: "ones(*shape): a tensor of ones.") { args, _ in
            .tensor(try Tensor.ones(try args.shape(first: "shape")))
        },
        Builtin("full", Signature("shape, value"), doc: "full(shape, value): a tensor filled with one value.") { args, _ in
            var shapeArgs = args
            shapeArgs.named = NameTable([("shape", args.named["shape"] ?? .none)])
            return .tensor(try Tensor.full(try shapeArgs.shape(first: "shape"), try args.number("value")))
        },
        Builtin("eye", Signature("n"), doc: "eye(n): the n×n identity matrix.") { args, _ in
            .tensor(try Tensor.eye(try args.integer("n")))
        },
        Builtin("arange", Signature("start, stop=, step="), doc: """
            arange(stop) or arange(start, stop, step=1): evenly spaced values in [start, stop), as NumPy.
            """) { args, _ in
            let first = try args.number("start")
            let (start, stop) = args.has("stop") ? (first, try args.number("stop")) : (0, first)
            return .tensor(try Tensor.arange(start, stop, step: try args.number("step", default: 1)))
        },
        Builtin("linspace", Signature("start, stop, count="), doc: "linspace(start, stop, count=50): count evenly spaced values, both ends included.") { args, _ in
            .tensor(try Tensor.linspace(try args.number("start"), try args.number("stop"), count: try args.integer("count", default: 50)))
        },
        Builtin("rand", Signature("shape, *more"), doc: "rand(*shape): uniform values in [0, 1) from the seeded stream (see seed).") { args, interpreter in
            .tensor(try Tensor.rand(try args.shape(first: "shape"), using: &interpreter.random))
        },
        Builtin("randn", Signature("shape, *more"), doc: "randn(*shape): standard normal values (mean 0, std 1) from the seeded stream.") { args, interpreter in
            .tensor(try Tensor.randn(try args.shape(first: "shape"), using: &interpreter.random))
        },
        Builtin("seed", Signature("n"), doc: """
            seed(n): restarts the random stream, so that rand, randn, shuffles and initial weights repeat exactly.
            The stream is SplitMix64; every run starts at seed 0.
            """) { args, interpreter in
            let n = try args.integer("n")
            guard n >= 0 else { throw ScriptError(.value, "seed(n) needs n ≥ 0, got \(n)", at: args.location) }
            interpreter.random = RandomGenerator(seed: UInt64(n))
            return .none
        },
    ]
}
