import Foundation

/// The activation functions, each with its derivative beside it.
extension Tensor {
    /// tanh(x), with derivative 1 − tanh²(x).
    public func tanh() throws -> Tensor {
        try unary("tanh", formulas: ["{g} ⊙ (1 − tanh²({0}))"], map: { Elementary.tanh($0) }, slope: TanhSlope.self)
    }

    /// σ(x) = 1 / (1 + e⁻ˣ), with derivative σ(x)(1 − σ(x)).
    public func sigmoid() throws -> Tensor {
        try unary("sigmoid", formulas: ["{g} ⊙ σ'({0})"], map: { Elementary.sigmoid($0) }, slope: SigmoidSlope.self)
    }

    /// max(0, x), with derivative 1 for x > 0 and 0 otherwise; the 0 is a mask (an infinite
    /// upstream stays 0) and nan passes through with gradient 1, as PyTorch.
    ///
    /// Written as two plain loops rather than through ``unary(_:formulas:masks:_:derivative:)``: the
    /// backward reads the input itself (no derivative array), and both loops vectorize. The bits are
    /// those of `g ⊙ slope` with the slope 1 or a masking 0.
    public func relu() throws -> Tensor {
        let x = data
        let y = [Double](count: x.count) { out in
            x.withUnsafeBufferPointer { x in
                // !(v <= 0) is v > 0 or nan. Both loops read every operand before choosing, so the choice is a
                // select, not a branch (which the signs of a layer's inputs would mispredict half of the time).
                for i in 0..<x.count {
                    let v = x[i]
                    out[i] = v <= 0 ? 0 : v
                }
            }
        }
        return try Tensor.record("relu", y, shape: shape, inputs: [self], formulas: ["{g} ⊙ [{0} > 0]"]) { _, g in
            [[Double](count: g.count) { out in
                x.withUnsafeBufferPointer { x in
                    g.withUnsafeBufferPointer { g in
                        for i in 0..<g.count {
                            let (v, d) = (x[i], g[i])
                            out[i] = v <= 0 ? 0 : d
                        }
                    }
                }
            }]
        }
    }

    /// x for x > 0, αx otherwise.
    public func leakyRelu(alpha: Double = 0.01) throws -> Tensor {
        try unary("leaky_relu", formulas: ["{g} ⊙ ({0} > 0 ? 1 : \(Tensor.number(alpha)))"], { $0 > 0 ? $0 : alpha * $0 }) { x, _ in
            x > 0 ? 1 : alpha
        }
    }

    /// x for x > 0, α(eˣ − 1) otherwise; the derivative αeˣ comes from eˣ itself, not y + α,
    /// which would lose digits far below 0. nan gives nan with gradient 1 (PyTorch's branch).
    public func elu(alpha: Double = 1) throws -> Tensor {
        try unary("elu", formulas: ["{g} ⊙ ({0} > 0 ? 1 : α·e^{0})"], { $0 <= 0 ? alpha * Elementary.expm1($0) : $0 }) { x, _ in
            x <= 0 ? alpha * Elementary.exp(x) : 1
        }
    }

    /// λ·elu(x, α) with the self-normalising constants of Klambauer et al. (2017).
    public func selu() throws -> Tensor {
        let (scale, alpha) = (Activation.seluScale, Activation.seluAlpha)
        return try unary("selu", formulas: ["{g} ⊙ λ({0} > 0 ? 1 : α·e^{0})"], { $0 <= 0 ? scale * alpha * Elementary.expm1($0) : scale * $0 }) { x, _ in
            x <= 0 ? scale * alpha * Elementary.exp(x) : scale
        }
    }

    /// x·Φ(x), exactly (with erf) or with the tanh approximation of Hendrycks and Gimpel.
    public func gelu(approximate: Bool = false) throws -> Tensor {
        if approximate {
            return try unary("gelu_tanh", formulas: ["{g} ⊙ gelu'({0})"], Activation.geluTanh, derivative: { x, _ in Activation.geluTanhDerivative(x) })
        }
        return try unary("gelu", formulas: ["{g} ⊙ (Φ({0}) + {0}·φ({0}))"], { $0 * Activation.normalCDF($0) }) { x, _ in
            Activation.normalCDF(x) + x * Elementary.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
        }
    }

    /// x·σ(x), also called SiLU.
    public func swish() throws -> Tensor {
        try unary("swish", formulas: ["{g} ⊙ σ({0})(1 + {0}(1 − σ({0})))"], { $0 * Activation.sigmoid($0) }) { x, _ in
            let s = Activation.sigmoid(x)
            return s * (1 + x * (1 - s))
        }
    }

    /// log(1 + eˣ), and x itself above 20 (PyTorch's default threshold, gradient exactly 1 there);
    /// below it the derivative is eˣ/(eˣ + 1).
    public func softplus() throws -> Tensor {
        try unary("softplus", formulas: ["{g} ⊙ σ({0})"], Activation.softplus) { x, _ in
            guard x <= Activation.softplusThreshold else { return 1 }
            let z = Elementary.exp(x)
            return z / (z + 1)
        }
    }

    /// x·tanh(softplus(x)) (Misra, 2019).
    public func mish() throws -> Tensor {
        try unary("mish", formulas: ["{g} ⊙ mish'({0})"], { $0 * Elementary.tanh(Activation.softplus($0)) }) { x, _ in
            let t = Elementary.tanh(Activation.softplus(x))
            return t + x * (1 - t * t) * Activation.sigmoid(x)
        }
    }
}

/// Scalar forms of the activations, shared by the ops, the losses and the plots.
public enum Activation {
    /// The SELU scale λ.
    public static let seluScale = 1.0507009873554804934193349852946
    /// The SELU α.
    public static let seluAlpha = 1.6732632423543772848170429916717

    /// σ(x), computed so that neither branch overflows.
    public static func sigmoid(_ x: Double) -> Double {
        // 1 / (1 + e⁻ˣ) for x ≥ 0 and eˣ / (1 + eˣ) below (nan included), written as selects of values
        // rather than a branch, which gates of mixed sign make the CPU mispredict half of the time.
        let e = Elementary.exp(x >= 0 ? -x : x)
        return (x >= 0 ? 1 : e) / (1 + e)
    }

    /// Above this input softplus is the identity, as PyTorch's `threshold=20`.
    public static let softplusThreshold = 20.0

    /// log(1 + eˣ) as PyTorch computes it: log1p(eˣ), and x above the threshold (where eˣ would overflow).
    public static func softplus(_ x: Double) -> Double {
        x > softplusThreshold ? x : Elementary.log1p(Elementary.exp(x))
    }

    /// Φ(x), the standard normal CDF.
    public static func normalCDF(_ x: Double) -> Double {
        0.5 * (1 + Elementary.erf(x / 2.0.squareRoot()))
    }

    static let geluK = (2 / Double.pi).squareRoot()

    /// The tanh approximation of GELU.
    public static func geluTanh(_ x: Double) -> Double {
        0.5 * x * (1 + Elementary.tanh(geluK * (x + 0.044715 * x * x * x)))
    }

    static func geluTanhDerivative(_ x: Double) -> Double {
        let t = Elementary.tanh(geluK * (x + 0.044715 * x * x * x))
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * geluK * (1 + 3 * 0.044715 * x * x)
    }
}
