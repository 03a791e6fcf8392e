import Foundation

/// Addition, subtraction, multiplication, division, negation and powers, with
/// NumPy broadcasting; each gradient is summed back to its input's shape.
extension Tensor {
    /// Elementwise `a + b`.
    public static func + (a: Tensor, b: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape, op: "add")
        let out = Broadcast.map(a.data, a.shape, b.data, b.shape, to: shape, +)
        // Shapes never change, so the rule reads them from the result and captures nothing.
        return try record("add", out, shape: shape, inputs: [a, b], formulas: ["{g}", "{g}"]) { result, g in
            [Broadcast.sum(g, from: result.shape, to: result.inputs[0].shape), Broadcast.sum(g, from: result.shape, to: result.inputs[1].shape)]
        }
    }

    /// Elementwise `a - b`.
    public static func - (a: Tensor, b: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape, op: "sub")
        let out = Broadcast.map(a.data, a.shape, b.data, b.shape, to: shape, -)
        return try record("sub", out, shape: shape, inputs: [a, b], formulas: ["{g}", "−{g}"]) { result, g in
            [Broadcast.sum(g, from: result.shape, to: result.inputs[0].shape),
             Broadcast.sum(g.map(-), from: result.shape, to: result.inputs[1].shape)]
        }
    }

    /// Elementwise (Hadamard) `a * b`.
    public static func * (a: Tensor, b: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape, op: "mul")
        let out = Broadcast.map(a.data, a.shape, b.data, b.shape, to: shape, *)
        let (x, y) = (Operand(a), Operand(b))
        return try record("mul", out, shape: shape, inputs: [a, b], formulas: ["{g} ⊙ {1}", "{g} ⊙ {0}"]) { _, g in
            [
                x.needsGrad ? Broadcast.sum(Broadcast.product(g, shape, y.data, y.shape, to: shape), from: shape, to: x.shape) : nil,
                y.needsGrad ? Broadcast.sum(Broadcast.product(g, shape, x.data, x.shape, to: shape), from: shape, to: y.shape) : nil,
            ]
        }
    }

    /// Elementwise `a / b` (IEEE: dividing by zero gives inf or nan).
    public static func / (a: Tensor, b: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape, op: "div")
        let out = Broadcast.map(a.data, a.shape, b.data, b.shape, to: shape, /)
        let (x, y) = (Operand(a), Operand(b))
        return try record("div", out, shape: shape, inputs: [a, b], formulas: ["{g} / {1}", "−{g} ⊙ {0} / {1}²"]) { _, g in
            [
                x.needsGrad ? Broadcast.sum(Broadcast.map(g, shape, y.data, y.shape, to: shape, /), from: shape, to: x.shape) : nil,
                y.needsGrad ? Broadcast.sum(
                    Broadcast.map(Broadcast.map(g, shape, out, shape, to: shape, *), shape, y.data, y.shape, to: shape) { -$0 / $1 },
                    from: shape, to: y.shape) : nil,
            ]
        }
    }

    /// Elementwise `-a`.
    public static prefix func - (a: Tensor) throws -> Tensor {
        try record("neg", a.data.map(-), shape: a.shape, inputs: [a], formulas: ["−{g}"]) { _, g in [g.map(-)] }
    }

    /// Raises every element to a constant power: `aᵖ`, with gradient `p·aᵖ⁻¹` (0 for p = 0, also at a = 0, as PyTorch).
    public func pow(_ exponent: Double) throws -> Tensor {
        let x = data
        let out = x.map { Elementary.pow($0, exponent) }
        let formula = "{g} ⊙ \(Tensor.number(exponent))·{0}^\(Tensor.number(exponent - 1))"
        return try Tensor.record("pow", out, shape: shape, inputs: [self], formulas: [formula]) { _, g in
            [zip(g, x).map { (gi: Double, xi: Double) -> Double in exponent == 0 ? 0 : gi * exponent * Elementary.pow(xi, exponent - 1) }]
        }
    }

    /// Elementwise `aᵇ` with broadcasting, differentiable in both: da = b·aᵇ⁻¹ (0 where b = 0),
    /// db = aᵇ·log a (0 where a = 0 and b ≥ 0), PyTorch's rules.
    public static func pow(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape, op: "pow")
        let out = Broadcast.map(a.data, a.shape, b.data, b.shape, to: shape, Elementary.pow)
        let (x, y) = (Operand(a), Operand(b))
        return try record("pow", out, shape: shape, inputs: [a, b], formulas: ["{g} ⊙ {1}·{0}^({1} − 1)", "{g} ⊙ {out}·log {0}"]) { _, g in
            let base = Broadcast.map(x.data, x.shape, g, shape, to: shape) { xi, _ in xi }
            let exponent = Broadcast.map(y.data, y.shape, g, shape, to: shape) { yi, _ in yi }
            return [
                x.needsGrad ? Broadcast.sum(g.indices.map { i in
                    exponent[i] == 0 ? 0 : g[i] * exponent[i] * Elementary.pow(base[i], exponent[i] - 1)
                }, from: shape, to: x.shape) : nil,
                y.needsGrad ? Broadcast.sum(g.indices.map { i in
                    base[i] == 0 && exponent[i] >= 0 ? 0 : g[i] * out[i] * Elementary.log(base[i])
                }, from: shape, to: y.shape) : nil,
            ]
        }
    }

    /// `a ** b` as the language writes it: a constant one-element exponent takes ``pow(_:)``
    /// (shown as `p·aᵖ⁻¹` in reports); any other exponent, or a base that is a number, the general rule.
    public static func power(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if b.count == 1, !b.requiresGrad, b.rank <= a.rank { return try a.pow(b.data[0]) }
        return try pow(a, b)
    }

    /// What a backward rule needs of an input: its values and shape, never the
    /// tensor itself, so that rules do not keep the graph alive on their own.
    struct Operand {
        let data: [Double], shape: [Int], needsGrad: Bool
        init(_ tensor: Tensor) {
            data = tensor.data
            shape = tensor.shape
            needsGrad = tensor.requiresGrad
        }
    }

    /// A number as the reports write it: `2` rather than `2.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && Swift.abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
