import Foundation

extension Tensor {
    /// Applies `f` elementwise; the gradient is `g ⊙ derivative(x, y)`, where y = f(x).
    ///
    /// Every pointwise op is one call to this helper: its forward and its
    /// derivative side by side. The local derivative is computed during the
    /// forward pass (only when a graph is recorded), so backward is a single product.
    /// With `masks`, a zero derivative blocks the gradient outright (PyTorch's masks in
    /// relu and clamp), so an infinite upstream gives 0 there rather than 0·∞ = nan.
    @inline(__always)
    func unary(
        _ op: String, formulas: [String], masks: Bool = false, _ f: (Double) -> Double,
        derivative: (_ x: Double, _ y: Double) -> Double
    ) throws -> Tensor {
        // A loop over raw buffers: Array.map appends one value at a time and never vectorizes.
        try unary(op, formulas: formulas, masks: masks, map: { x in
            [Double](count: x.count) { out in
                x.withUnsafeBufferPointer { x in
                    for i in 0..<x.count { out[i] = f(x[i]) }
                }
            }
        }, derivative: derivative)
    }

    /// ``unary(_:formulas:masks:_:derivative:)`` with `f` applied to the whole array at once by `map`
    /// (tanh and σ run four lanes at a time where the CPU can).
    @inline(__always)
    func unary(
        _ op: String, formulas: [String], masks: Bool = false, map: ([Double]) -> [Double],
        derivative: (_ x: Double, _ y: Double) -> Double
    ) throws -> Tensor {
        let x = data
        let y = map(x)
        let mode = RecordingMode.current
        guard requiresGrad, mode.buildsGraph else {
            return try Tensor.record(op, y, shape: shape, inputs: [self], formulas: formulas, mode: mode) { _, _ in [nil] }
        }
        let slope = [Double](count: x.count) { out in
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    for i in 0..<x.count { out[i] = derivative(x[i], y[i]) }
                }
            }
        }
        // Each rule captures `slope` alone: a closure over a single array needs no context object.
        let backward: BackwardRule = masks ? { _, g in [Tensor.masked(g, slope)] } : { _, g in [Broadcast.product(g, slope)] }
        return try Tensor.record(op, y, shape: shape, inputs: [self], formulas: formulas, mode: mode, backward: backward)
    }

    /// ``unary(_:formulas:masks:map:derivative:)`` for a function whose derivative is a function of its
    /// output alone (tanh, σ, eˣ): the rule keeps the output y and computes g ⊙ slope(y) in one pass when it
    /// runs, so the forward pass makes no slope array. The slope is the same expression of the same y,
    /// rounded the same way, so the gradient has the bits a stored slope would give.
    @inline(__always)
    func unary<Slope: OutputSlope>(_ op: String, formulas: [String], map: ([Double]) -> [Double], slope: Slope.Type) throws -> Tensor {
        let y = map(data)
        // The slope is a type, not a closure, so that the rule captures `y` alone (no context object).
        return try Tensor.record(op, y, shape: shape, inputs: [self], formulas: formulas) { _, g in
            [[Double](count: g.count) { out in
                g.withUnsafeBufferPointer { g in
                    y.withUnsafeBufferPointer { y in
                        for i in 0..<g.count { out[i] = g[i] * Slope.slope(y[i]) }
                    }
                }
            }]
        }
    }

    /// g ⊙ slope, exactly 0 where the slope is 0. (Apart from ``Broadcast/product(_:_:)`` rather than a test
    /// per element, so that the plain product vectorizes.)
    private static func masked(_ g: [Double], _ slope: [Double]) -> [Double] {
        [Double](count: g.count) { out in
            g.withUnsafeBufferPointer { g in
                slope.withUnsafeBufferPointer { slope in
                    for i in 0..<g.count { out[i] = slope[i] == 0 ? 0 : g[i] * slope[i] }
                }
            }
        }
    }

    /// eˣ.
    public func exp() throws -> Tensor {
        try unary("exp", formulas: ["{g} ⊙ exp({0})"], map: { Elementary.exp($0) }, slope: ExpSlope.self)
    }

    /// The natural logarithm (log 0 = −inf, as in IEEE arithmetic).
    public func log() throws -> Tensor {
        try unary("log", formulas: ["{g} / {0}"], Elementary.log) { x, _ in 1 / x }
    }

    /// √x.
    public func sqrt() throws -> Tensor {
        try unary("sqrt", formulas: ["{g} / (2√{0})"], Foundation.sqrt) { _, y in 0.5 / y }
    }

    /// |x|, with gradient sign(x) (0 at 0).
    public func abs() throws -> Tensor {
        try unary("abs", formulas: ["{g} ⊙ sign({0})"], Swift.abs) { x, _ in x > 0 ? 1 : x < 0 ? -1 : 0 }
    }

    /// Clamps every element to [low, high]; the gradient passes where low ≤ x ≤ high and is
    /// masked (exactly 0) elsewhere; nan stays nan with gradient 0, as PyTorch's clamp.
    public func clip(_ low: Double, _ high: Double) throws -> Tensor {
        guard low <= high else { throw CoreError("clip", "the lower bound \(low) is above the upper bound \(high)") }
        return try unary("clip", formulas: ["{g} ⊙ [\(Tensor.number(low)) ≤ {0} ≤ \(Tensor.number(high))]"], masks: true, {
            $0.isNaN ? $0 : Swift.min(Swift.max($0, low), high)
        }) { x, _ in
            x >= low && x <= high ? 1 : 0
        }
    }
}

/// The derivative of a pointwise function written as a function of its output y.
protocol OutputSlope {
    /// f′ at the input whose output is y.
    static func slope(_ y: Double) -> Double
}

/// (eˣ)′ = eˣ.
enum ExpSlope: OutputSlope {
    @inline(__always) static func slope(_ y: Double) -> Double { y }
}

/// tanh′ = 1 − tanh².
enum TanhSlope: OutputSlope {
    @inline(__always) static func slope(_ y: Double) -> Double { 1 - y * y }
}

/// σ′ = σ(1 − σ).
enum SigmoidSlope: OutputSlope {
    @inline(__always) static func slope(_ y: Double) -> Double { y * (1 - y) }
}
