import Foundation

/// Gradient clipping, as `torch.nn.utils.clip_grad_norm_` and `clip_grad_value_`.
public enum GradientClipping {
    /// Scales all gradients together so their global L2 norm is at most `maxNorm`.
    ///
    /// The factor is min(1, maxNorm / (‖g‖ + 10⁻⁶)). Returns the norm before clipping.
    @discardableResult
    public static func clipNorm(_ parameters: [Tensor], maxNorm: Double) throws -> Double {
        guard maxNorm > 0 else { throw CoreError("clip_grad_norm", "max_norm must be positive, got \(maxNorm)") }
        let grads = parameters.compactMap(\.grad)
        let total = Foundation.sqrt(grads.reduce(0) { sum, g in g.data.reduce(sum) { $0 + $1 * $1 } })
        let factor = Swift.min(1, maxNorm / (total + 1e-6))
        for grad in grads { grad.update { values in for i in values.indices { values[i] *= factor } } }
        return total
    }

    /// Clamps every gradient value to [−limit, limit].
    public static func clipValue(_ parameters: [Tensor], limit: Double) throws {
        guard limit > 0 else { throw CoreError("clip_grad_value", "the clip value must be positive, got \(limit)") }
        for grad in parameters.compactMap(\.grad) {
            grad.update { values in for i in values.indices { values[i] = Swift.min(Swift.max(values[i], -limit), limit) } }
        }
    }
}
