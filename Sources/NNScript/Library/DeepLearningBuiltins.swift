import NNCore

/// The deep-learning ops as functions: convolution, pooling, normalization, embeddings,
/// dropout and one step of the recurrent cells.
enum DeepLearningBuiltins {
    /// The optional bias argument `b`.
    static func bias(_ args: Arguments) throws -> Tensor? {
        args.has("b") ? try args.tensor("b") : nil
    }

    /// The optional stride argument, whose default is the kernel.
    static func stride(_ args: Arguments) throws -> Int? {
        args.has("stride") ? try args.integer("stride") : nil
    }

    static let all: [Builtin] = [
        Builtin("conv2d", Signature("x, w, b=, stride=, padding="), doc: """
            conv2d(x, w, b=None, stride=1, padding=0): x [N, C, H, W], w [out, C, kh, kw]; cross-correlation with zero padding:
            out[n, o, i, j] = b[o] + Σ x[n, c, i·s + p − pad, j·s + q − pad]·w[o, c, p, q]. dL/dw correlates the input with
            the upstream gradient; dL/dx is the transposed convolution of the gradient with w.
            """) { args, _ in
            .tensor(try Tensor.conv2d(try args.tensor("x"), try args.tensor("w"), bias: try bias(args),
                                      stride: try args.integer("stride", default: 1), padding: try args.integer("padding", default: 0)))
        },
        Builtin("conv1d", Signature("x, w, b=, stride=, padding="), doc: """
            conv1d(x, w, b=None, stride=1, padding=0): x [N, C, L], w [out, C, k]; conv2d along one axis.
            """) { args, _ in
            .tensor(try Tensor.conv1d(try args.tensor("x"), try args.tensor("w"), bias: try bias(args),
                                      stride: try args.integer("stride", default: 1), padding: try args.integer("padding", default: 0)))
        },
        Builtin("max_pool2d", Signature("x, kernel, stride="), doc: """
            max_pool2d(x, kernel, stride=None): the maximum of each kernel×kernel window of x [N, C, H, W] (stride defaults
            to kernel). The gradient goes to each window's winner; a maximum winning several windows collects them all.
            """) { args, _ in
            .tensor(try args.tensor("x").maxPool2d(kernel: try args.integer("kernel"), stride: try stride(args)))
        },
        Builtin("avg_pool2d", Signature("x, kernel, stride="), doc: """
            avg_pool2d(x, kernel, stride=None): the mean of each kernel×kernel window; the gradient is shared evenly.
            """) { args, _ in
            .tensor(try args.tensor("x").avgPool2d(kernel: try args.integer("kernel"), stride: try stride(args)))
        },
        Builtin("flatten", Signature("x, start="), doc: """
            flatten(x, start=0): the axes from start on merged into one; flatten(x, 1) turns [N, C, H, W] into [N, C·H·W].
            """) { args, _ in
            .tensor(try args.tensor("x").flattened(from: try args.integer("start", default: 0)))
        },
        Builtin("batch_norm", Signature("x, gamma, beta, running_mean=, running_var=, training=, momentum=, eps="), doc: """
            batch_norm(x, gamma, beta, running_mean=None, running_var=None, training=True, momentum=0.1, eps=1e-5):
            y = γ·(x − μ)/√(σ² + ε) + β over axis 0 of [N, F], or per channel over N, H, W of [N, C, H, W].
            Training uses the batch's mean and biased variance and updates the running tensors in place
            (r ← (1 − momentum)·r + momentum·stat, with the unbiased variance); evaluation uses them.
            """) { args, _ in
            .tensor(try Tensor.batchNorm(
                try args.tensor("x"), gamma: try args.tensor("gamma"), beta: try args.tensor("beta"),
                runningMean: args.has("running_mean") ? try args.tensor("running_mean") : nil,
                runningVar: args.has("running_var") ? try args.tensor("running_var") : nil,
                training: try args.bool("training", default: true), momentum: try args.number("momentum", default: 0.1),
                epsilon: try args.number("eps", default: 1e-5)))
        },
        Builtin("layer_norm", Signature("x, gamma, beta, eps="), doc: """
            layer_norm(x, gamma, beta, eps=1e-5): y = γ·(x − μ)/√(σ² + ε) + β over the last axis of each example.
            """) { args, _ in
            .tensor(try Tensor.layerNorm(try args.tensor("x"), gamma: try args.tensor("gamma"), beta: try args.tensor("beta"),
                                         epsilon: try args.number("eps", default: 1e-5)))
        },
        Builtin("renorm", Signature("x, p, axis, maxnorm"), doc: """
            renorm(x, p, axis, maxnorm): each slice along axis (x[i] for axis 0, x[:, i] for axis 1) whose p-norm n is above
            maxnorm is scaled by maxnorm/(n + 1e-7); the others are unchanged, as torch.renorm. The max-norm constraint on a
            Dense layer's W [in, out] keeps each unit's incoming weights within c: W[:] = renorm(W, 2, 1, c) under no_grad().
            """) { args, _ in
            .tensor(try Tensor.renorm(try args.tensor("x"), p: try args.number("p"), axis: try args.integer("axis"),
                                      maxNorm: try args.number("maxnorm")))
        },
        Builtin("embedding", Signature("ids, table"), doc: """
            embedding(ids, table): the rows of table [n, d] picked by integer ids of any shape; the result is ids.shape + [d].
            Repeated ids add up their gradients.
            """) { args, _ in
            .tensor(try Tensor.embedding(try args.tensor("ids"), try args.tensor("table")))
        },
        Builtin("dropout", Signature("x, p, training="), doc: """
            dropout(x, p, training=True): inverted dropout: each value is zeroed with probability p (from the seeded stream)
            and the rest scaled by 1/(1 − p), so the expected value is unchanged; with training=False, x itself.
            """) { args, interpreter in
            .tensor(try args.tensor("x").dropout(try args.number("p"), training: try args.bool("training", default: true),
                                                 using: &interpreter.random))
        },
        Builtin("rnn_step", Signature("x, h, Wx, Wh, b"), doc: "rnn_step(x, h, Wx, Wh, b) = tanh(x @ Wx + h @ Wh + b): one step of a simple RNN.") { args, _ in
            .tensor(try Tensor.rnnStep(try args.tensor("x"), try args.tensor("h"), wx: try args.tensor("Wx"), wh: try args.tensor("Wh"), bias: try args.tensor("b")))
        },
        Builtin("lstm_step", Signature("x, h, c, Wx, Wh, b"), doc: """
            lstm_step(x, h, c, Wx, Wh, b) → (h, c): gates = x @ Wx + h @ Wh + b split in four along axis 1 as i, f, g, o;
            c' = σ(f)·c + σ(i)·tanh(g); h' = σ(o)·tanh(c').
            """) { args, _ in
            let (h, c) = try Tensor.lstmStep(try args.tensor("x"), try args.tensor("h"), try args.tensor("c"),
                                             wx: try args.tensor("Wx"), wh: try args.tensor("Wh"), bias: try args.tensor("b"))
            return .tuple([.tensor(h), .tensor(c)])
        },
        Builtin("gru_step", Signature("x, h, Wx, Wh, bx, bh"), doc: """
            gru_step(x, h, Wx, Wh, bx, bh): x @ Wx + bx and h @ Wh + bh each split in three as r, z, n;
            r = σ(xr + hr), z = σ(xz + hz), n = tanh(xn + r·hn), h' = (1 − z)·n + z·h.
            """) { args, _ in
            .tensor(try Tensor.gruStep(try args.tensor("x"), try args.tensor("h"), wx: try args.tensor("Wx"), wh: try args.tensor("Wh"),
                                       biasX: try args.tensor("bx"), biasH: try args.tensor("bh")))
        },
    ]
}
