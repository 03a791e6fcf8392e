import Foundation

/// Max-norm renormalization, as `torch.renorm`: the slices along one axis whose p-norm
/// exceeds a limit are scaled down to it — the max-norm constraint on each unit's weights.
extension Tensor {
    /// Each slice along `axis` (x[i] for axis 0, x[:, i] for axis 1, …) whose p-norm n exceeds
    /// `maxNorm` is multiplied by maxNorm/(n + 1e-7); the other slices are left as they are.
    ///
    /// Backward, as PyTorch's: a scaled slice with f = maxNorm/(n + 1e-7) sends
    /// f·g − f/(n + 1e-7)·Σ(g ⊙ x)·∂n/∂x, where ∂n/∂x = sign(x)·|x|^(p−1)/n^(p−1) (0 where x = 0);
    /// a slice left alone passes g through.
    public static func renorm(_ x: Tensor, p: Double, axis: Int, maxNorm: Double) throws -> Tensor {
        guard p > 0, p.isFinite else { throw CoreError("renorm", "p must be a positive number, got \(p)") }
        guard maxNorm >= 0, maxNorm.isFinite else { throw CoreError("renorm", "maxnorm must be 0 or more, got \(maxNorm)") }
        guard x.rank > 1 else {
            throw CoreError("renorm", "needs at least two axes, so that each slice along the axis has a norm, got \(describe(x.shape))")
        }
        let resolved = try Shape.axis(axis, rank: x.rank, op: "renorm")
        let slices = x.shape[resolved], inner = Shape.product(Array(x.shape[(resolved + 1)...]))
        // The slice an element belongs to is its coordinate along the axis.
        let slice = { (index: Int) in (index / inner) % slices }
        var powerSums = [Double](zeros: slices)
        for (index, value) in x.data.enumerated() { powerSums[slice(index)] += Elementary.pow(Swift.abs(value), p) }
        let norms = powerSums.map { Elementary.pow($0, 1 / p) }
        let factors = norms.map { $0 > maxNorm ? maxNorm / ($0 + 1e-7) : 1 }
        let out = x.data.enumerated().map { index, value in value * factors[slice(index)] }
        let input = x.data
        return try record("renorm", out, shape: x.shape, inputs: [x],
                          formulas: ["f ⊙ {g} − f/(‖x‖ + 1e-7) ⊙ Σ({g} ⊙ x) ⊙ ∂‖x‖/∂x where ‖x‖ > \(maxNorm), else {g}"]) { _, g in
            var dots = [Double](zeros: slices)
            for index in g.indices { dots[slice(index)] += g[index] * input[index] }
            var dx = g
            for index in g.indices {
                let s = slice(index), n = norms[s]
                guard n > maxNorm else { continue }
                let value = input[index]
                let normSlope = value == 0 ? 0 : (value < 0 ? -1 : 1) * Elementary.pow(Swift.abs(value), p - 1) / Elementary.pow(n, p - 1)
                dx[index] = factors[s] * g[index] - factors[s] / (n + 1e-7) * dots[s] * normSlope
            }
            return [dx]
        }
    }
}
