/// Batch and layer normalization: x̂ = (x − μ) / √(σ² + ε), y = γ·x̂ + β, each a single op.
extension Tensor {
    /// Batch normalization over axis 0 of [N, F], or per channel over N, H, W of [N, C, H, W].
    ///
    /// In training it normalizes with the batch mean and biased variance and, when running
    /// tensors are given, updates them in place with momentum m: r ← (1 − m)·r + m·stat,
    /// the variance unbiased (× M/(M − 1)), as PyTorch does. In evaluation it uses them.
    /// Backward (training): dx = (γ/σ̂)/M · (M·g − Σg − x̂·Σ(g·x̂)); dγ = Σ g·x̂; dβ = Σ g.
    public static func batchNorm(
        _ x: Tensor, gamma: Tensor, beta: Tensor, runningMean: Tensor? = nil, runningVar: Tensor? = nil,
        training: Bool = true, momentum: Double = 0.1, epsilon: Double = 1e-5
    ) throws -> Tensor {
        guard x.rank >= 2 else {
            throw CoreError("batch_norm", "needs a batch [N, F] or [N, C, H, W], got \(describe(x.shape))")
        }
        let channels = x.shape[1], inner = x.shape[2...].reduce(1, *)
        let layout = NormalizationLayout(groups: channels, size: x.shape[0] * inner, inner: inner,
                                         outerStride: channels * inner, groupStride: inner, affinePerGroup: true)
        let perChannel: [(String, Tensor?)] = [("gamma", gamma), ("beta", beta), ("running_mean", runningMean), ("running_var", runningVar)]
        for (name, tensor) in perChannel {
            if let tensor, tensor.shape != [channels] {
                throw CoreError("batch_norm", "\(name) must have shape [\(channels)], one value per feature or channel, got \(describe(tensor.shape))")
            }
        }
        guard epsilon >= 0, (0...1).contains(momentum) else {
            throw CoreError("batch_norm", "needs eps ≥ 0 and momentum in [0, 1], got eps \(epsilon) and momentum \(momentum)")
        }
        if training {
            guard layout.size > 1 else {
                throw CoreError("batch_norm", "training needs more than one value per channel to compute a variance, got shape \(describe(x.shape)); use eval mode for single examples")
            }
            let stats = layout.statistics(x.data)
            if let runningMean, let runningVar {
                let unbiased = Double(layout.size) / Double(layout.size - 1)
                runningMean.update { r in for c in r.indices { r[c] = (1 - momentum) * r[c] + momentum * stats.mean[c] } }
                runningVar.update { r in for c in r.indices { r[c] = (1 - momentum) * r[c] + momentum * stats.variance[c] * unbiased } }
            }
            return try normalize("batch_norm", x, gamma, beta, layout, mean: stats.mean, variance: stats.variance, epsilon: epsilon, batchStatistics: true)
        }
        guard let runningMean, let runningVar else {
            throw CoreError("batch_norm", "evaluation mode needs running_mean and running_var; pass them, or training=True")
        }
        return try normalize("batch_norm", x, gamma, beta, layout, mean: runningMean.data, variance: runningVar.data, epsilon: epsilon, batchStatistics: false)
    }

    /// Layer normalization over the last axis, with γ and β of the last axis' size.
    public static func layerNorm(_ x: Tensor, gamma: Tensor, beta: Tensor, epsilon: Double = 1e-5) throws -> Tensor {
        guard let features = x.shape.last, features > 0 else {
            throw CoreError("layer_norm", "needs at least one axis with features, got \(describe(x.shape))")
        }
        guard gamma.shape == [features], beta.shape == [features] else {
            throw CoreError("layer_norm", "gamma and beta must have shape [\(features)] (the last axis), got \(describe(gamma.shape)) and \(describe(beta.shape))")
        }
        guard epsilon >= 0 else { throw CoreError("layer_norm", "eps must be 0 or more, got \(epsilon)") }
        let layout = NormalizationLayout(groups: x.count / features, size: features, inner: features,
                                         outerStride: 0, groupStride: features, affinePerGroup: false)
        let stats = layout.statistics(x.data)
        return try normalize("layer_norm", x, gamma, beta, layout, mean: stats.mean, variance: stats.variance, epsilon: epsilon, batchStatistics: true)
    }

    /// y = γ·(x − μ)/√(σ² + ε) + β for each group, with its backward rule.
    ///
    /// With `batchStatistics` μ and σ² depend on x, which adds the two centring terms to dx.
    private static func normalize(
        _ op: String, _ x: Tensor, _ gamma: Tensor, _ beta: Tensor, _ layout: NormalizationLayout,
        mean: [Double], variance: [Double], epsilon: Double, batchStatistics: Bool
    ) throws -> Tensor {
        let inverseStd = variance.map { 1 / ($0 + epsilon).squareRoot() }
        let (scale, shift) = (gamma.data, beta.data)
        var normalized = [Double](zeros: x.count)
        var out = normalized
        layout.forEachElement { group, j, index, affine in
            normalized[index] = (x.data[index] - mean[group]) * inverseStd[group]
            out[index] = scale[affine] * normalized[index] + shift[affine]
        }
        let xhat = normalized
        return try record(op, out, shape: x.shape, inputs: [x, gamma, beta],
                          formulas: [batchStatistics ? "(γ/σ̂)/M ⊙ (M·{g} − Σ{g} − x̂ ⊙ Σ({g} ⊙ x̂))" : "{g} ⊙ γ/σ̂", "Σ {g} ⊙ x̂", "Σ {g}"]) { _, g in
            var dgamma = [Double](zeros: scale.count), dbeta = dgamma
            var sumG = [Double](zeros: layout.groups), sumGX = sumG
            layout.forEachElement { group, _, index, affine in
                dgamma[affine] += g[index] * xhat[index]
                dbeta[affine] += g[index]
                let gy = g[index] * scale[affine]
                sumG[group] += gy
                sumGX[group] += gy * xhat[index]
            }
            var dx = [Double](zeros: g.count)
            let m = Double(layout.size)
            layout.forEachElement { group, _, index, affine in
                let gy = g[index] * scale[affine]
                dx[index] = batchStatistics
                    ? inverseStd[group] / m * (m * gy - sumG[group] - xhat[index] * sumGX[group])
                    : gy * inverseStd[group]
            }
            return [dx, dgamma, dbeta]
        }
    }
}

/// Which elements are normalized together: `groups` groups of `size` elements; element j of
/// group k is at (j / inner)·outerStride + k·groupStride + j % inner. γ and β are indexed by
/// the group (batch norm's channels) or by j (layer norm's features).
struct NormalizationLayout {
    let groups: Int, size: Int, inner: Int, outerStride: Int, groupStride: Int
    let affinePerGroup: Bool

    @inline(__always)
    func forEachElement(_ body: (_ group: Int, _ j: Int, _ index: Int, _ affine: Int) -> Void) {
        for group in 0..<groups {
            for j in 0..<size {
                body(group, j, (j / inner) * outerStride + group * groupStride + j % inner, affinePerGroup ? group : j)
            }
        }
    }

    /// Each group's mean and biased variance (two passes, so the variance is not a difference of large numbers).
    func statistics(_ x: [Double]) -> (mean: [Double], variance: [Double]) {
        var mean = [Double](zeros: groups), variance = mean
        forEachElement { group, _, index, _ in mean[group] += x[index] }
        for group in mean.indices { mean[group] /= Double(size) }
        forEachElement { group, _, index, _ in
            let d = x[index] - mean[group]
            variance[group] += d * d
        }
        for group in variance.indices { variance[group] /= Double(size) }
        return (mean, variance)
    }
}
