import Foundation

/// softmax, log_softmax and logsumexp along an axis, all computed after
/// subtracting the maximum so that logits near 1000 do not overflow.
extension Tensor {
    /// softmax(x)ᵢ = e^(xᵢ − max x) / Σⱼ e^(xⱼ − max x) along `axis`.
    ///
    /// Backward: dx = y ⊙ (g − Σ g ⊙ y), the sum along the axis.
    public func softmax(axis: Int = -1) throws -> Tensor {
        let lay = try layout("softmax", axis: axis, keepdims: true)
        var y = [Double](zeros: count)
        lay.forEachLane { _, start, stride in
            let top = laneMax(start, stride, lay.size)
            var total = 0.0
            for j in 0..<lay.size {
                let e = Elementary.exp(data[start + j * stride] - top)
                y[start + j * stride] = e
                total += e
            }
            for j in 0..<lay.size { y[start + j * stride] /= total }
        }
        let out = y
        return try Tensor.record("softmax", out, shape: shape, inputs: [self], formulas: ["{out} ⊙ ({g} − Σ({g} ⊙ {out}))"]) { g in
            var dx = [Double](zeros: g.count)
            lay.forEachLane { _, start, stride in
                var dot = 0.0
                for j in 0..<lay.size { dot += g[start + j * stride] * out[start + j * stride] }
                for j in 0..<lay.size {
                    let i = start + j * stride
                    dx[i] = out[i] * (g[i] - dot)
                }
            }
            return [dx]
        }
    }

    /// log softmax(x) = x − max − log Σ e^(x − max) along `axis`.
    ///
    /// Backward: dx = g − softmax(x) ⊙ Σ g.
    public func logSoftmax(axis: Int = -1) throws -> Tensor {
        let lay = try layout("log_softmax", axis: axis, keepdims: true)
        var y = [Double](zeros: count)
        lay.forEachLane { _, start, stride in
            let shift = laneLogSumExp(start, stride, lay.size)
            for j in 0..<lay.size { y[start + j * stride] = data[start + j * stride] - shift }
        }
        let out = y
        return try Tensor.record("log_softmax", out, shape: shape, inputs: [self], formulas: ["{g} − softmax({0}) ⊙ Σ{g}"]) { g in
            var dx = [Double](zeros: g.count)
            lay.forEachLane { _, start, stride in
                var total = 0.0
                for j in 0..<lay.size { total += g[start + j * stride] }
                for j in 0..<lay.size {
                    let i = start + j * stride
                    dx[i] = g[i] - Elementary.exp(out[i]) * total
                }
            }
            return [dx]
        }
    }

    /// log Σ eˣ along `axis`, as max + log Σ e^(x − max).
    ///
    /// Backward: dx = g ⊙ softmax(x).
    public func logSumExp(axis: Int = -1, keepdims: Bool = false) throws -> Tensor {
        let lay = try layout("logsumexp", axis: axis, keepdims: keepdims)
        var out = [Double](zeros: lay.outer * lay.inner)
        lay.forEachLane { lane, start, stride in out[lane] = laneLogSumExp(start, stride, lay.size) }
        let (x, result) = (data, out)
        return try Tensor.record("logsumexp", out, shape: lay.reducedShape, inputs: [self], formulas: ["{g} ⊙ softmax({0})"]) { g in
            var dx = [Double](zeros: x.count)
            lay.forEachLane { lane, start, stride in
                for j in 0..<lay.size {
                    let i = start + j * stride
                    dx[i] = g[lane] * Elementary.exp(x[i] - result[lane])
                }
            }
            return [dx]
        }
    }

    private func laneMax(_ start: Int, _ stride: Int, _ size: Int) -> Double {
        var top = -Double.infinity
        for j in 0..<size { top = Swift.max(top, data[start + j * stride]) }
        // With every logit at −inf, subtracting −inf would give nan; shift by 0 instead.
        return top.isFinite ? top : (top.isNaN ? top : 0)
    }

    private func laneLogSumExp(_ start: Int, _ stride: Int, _ size: Int) -> Double {
        let top = laneMax(start, stride, size)
        var total = 0.0
        for j in 0..<size { total += Elementary.exp(data[start + j * stride] - top) }
        return top + Elementary.log(total)
    }
}
