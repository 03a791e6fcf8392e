import Foundation

/// Losses on the difference d = p − y, elementwise and averaged, with PyTorch's formulas.
extension Loss {
    /// Mean absolute error: mean(|p − y|); dp = sign(p − y)/n (0 where p = y).
    public static func l1(_ prediction: Tensor, _ target: Tensor) throws -> Tensor {
        try pointwise("l1_loss", prediction, target, formula: "sign({0} − {1})", Swift.abs) { d in d > 0 ? 1 : d < 0 ? -1 : 0 }
    }

    /// Huber loss: ½d² where |d| < δ, δ(|d| − ½δ) beyond; dp = clamp(d, −δ, δ)/n.
    public static func huber(_ prediction: Tensor, _ target: Tensor, delta: Double = 1) throws -> Tensor {
        guard delta > 0 else { throw CoreError("huber", "delta must be positive, got \(delta)") }
        return try pointwise("huber", prediction, target, formula: "clamp({0} − {1}, ±\(Tensor.number(delta)))", { d in
            Swift.abs(d) < delta ? 0.5 * d * d : delta * (Swift.abs(d) - 0.5 * delta)
        }) { d in d < -delta ? -delta : d > delta ? delta : d }
    }

    /// Smooth L1 loss: ½d²/β where |d| < β, |d| − ½β beyond (β = 0 is the L1 loss); dp = clamp(d/β, −1, 1)/n.
    public static func smoothL1(_ prediction: Tensor, _ target: Tensor, beta: Double = 1) throws -> Tensor {
        guard beta >= 0 else { throw CoreError("smooth_l1", "beta must be non-negative, got \(beta)") }
        guard beta > 0 else { return try l1(prediction, target) }
        return try pointwise("smooth_l1", prediction, target, formula: "clamp(({0} − {1})/\(Tensor.number(beta)), ±1)", { d in
            Swift.abs(d) < beta ? 0.5 * d * d / beta : Swift.abs(d) - 0.5 * beta
        }) { d in d < -beta ? -1 : d > beta ? 1 : d / beta }
    }

    /// mean(loss(p − y)), with dp = slope(d)/n and dy = −dp (a target that needs a gradient gets one).
    private static func pointwise(
        _ op: String, _ prediction: Tensor, _ target: Tensor, formula: String,
        _ loss: (Double) -> Double, slope: @escaping (Double) -> Double
    ) throws -> Tensor {
        try sameShape(op, prediction, target)
        let n = Double(prediction.count)
        let diff = zip(prediction.data, target.data).map { $0 - $1 }
        let value = diff.reduce(0) { $0 + loss($1) } / n
        return try Tensor.record(op, [value], shape: [], inputs: [prediction, target],
                                 formulas: ["{g} · \(formula) / {n}", "−{g} · \(formula) / {n}"]) { _, g in
            let dp = diff.map { slope($0) * g[0] / n }
            return [dp, dp.map(-)]
        }
    }
}
