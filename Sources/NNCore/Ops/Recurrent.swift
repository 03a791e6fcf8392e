/// One step of the recurrent cells, built from the graph's own ops (matmul, add, split,
/// σ, tanh, ⊙), so that `trace` and `explain` show every gate, labelled (i, f, g, o; r, z, n), and its chain-rule term.
/// Weights are laid out [in, out] and used as `x @ W`, like Dense's.
extension Tensor {
    /// h' = tanh(x @ Wx + h @ Wh + b).
    public static func rnnStep(_ x: Tensor, _ h: Tensor, wx: Tensor, wh: Tensor, bias b: Tensor) throws -> Tensor {
        try checkCell("rnn_step", x, h, wx: wx, wh: wh, biases: [b], gates: 1)
        return try (try matmul(x, wx) + matmul(h, wh) + b).tanh()
    }

    /// One LSTM step: gates = x @ Wx + h @ Wh + b, split along axis 1 as i, f, g, o;
    /// c' = σ(f)⊙c + σ(i)⊙tanh(g); h' = σ(o)⊙tanh(c'). Returns (h', c').
    public static func lstmStep(_ x: Tensor, _ h: Tensor, _ c: Tensor, wx: Tensor, wh: Tensor, bias b: Tensor) throws -> (h: Tensor, c: Tensor) {
        try checkCell("lstm_step", x, h, wx: wx, wh: wh, biases: [b], gates: 4)
        guard c.shape == h.shape else {
            throw CoreError("lstm_step", "the cell state c must have the shape of h, \(describe(h.shape)), got \(describe(c.shape))")
        }
        let gates = try (try matmul(x, wx) + matmul(h, wh) + b).named("gates")
        let parts = try gates.chunk(4, axis: 1)
        let (i, f, g, o) = (try parts[0].sigmoid().named("i"), try parts[1].sigmoid().named("f"),
                            try parts[2].tanh().named("g"), try parts[3].sigmoid().named("o"))
        let cNext = try f * c + i * g
        return (try o * cNext.tanh(), cNext)
    }

    /// One GRU step: x @ Wx + bx and h @ Wh + bh each split in three as r, z, n;
    /// r = σ(xr + hr), z = σ(xz + hz), n = tanh(xn + r⊙hn), h' = (1 − z)⊙n + z⊙h.
    public static func gruStep(_ x: Tensor, _ h: Tensor, wx: Tensor, wh: Tensor, biasX bx: Tensor, biasH bh: Tensor) throws -> Tensor {
        try checkCell("gru_step", x, h, wx: wx, wh: wh, biases: [bx, bh], gates: 3)
        let xs = try (try matmul(x, wx) + bx).chunk(3, axis: 1)
        let hs = try (try matmul(h, wh) + bh).chunk(3, axis: 1)
        let r = try (try xs[0] + hs[0]).sigmoid().named("r")
        let z = try (try xs[1] + hs[1]).sigmoid().named("z")
        let n = try (try xs[2] + r * hs[2]).tanh().named("n")
        return try (try Tensor(1.0) - z) * n + z * h
    }

    /// This tensor with a label for the reports (the gates' names), returned for chaining.
    func named(_ name: String) -> Tensor {
        label = name
        return self
    }

    /// Shapes of a cell: x [N, I], h [N, H], Wx [I, gates·H], Wh [H, gates·H], biases [gates·H].
    private static func checkCell(_ op: String, _ x: Tensor, _ h: Tensor, wx: Tensor, wh: Tensor, biases: [Tensor], gates: Int) throws {
        guard x.rank == 2, h.rank == 2, x.shape[0] == h.shape[0] else {
            throw CoreError(op, "needs x [N, inputs] and h [N, hidden] with the same N, got \(describe(x.shape)) and \(describe(h.shape))")
        }
        let (inputs, hidden) = (x.shape[1], h.shape[1])
        let width = gates * hidden
        guard wx.shape == [inputs, width], wh.shape == [hidden, width] else {
            throw CoreError(op, "needs Wx [\(inputs), \(width)] and Wh [\(hidden), \(width)] (\(gates == 1 ? "" : "\(gates) gates × ")hidden \(hidden)), got \(describe(wx.shape)) and \(describe(wh.shape))")
        }
        for b in biases where b.shape != [width] {
            throw CoreError(op, "a bias must have shape [\(width)], got \(describe(b.shape))")
        }
    }
}
