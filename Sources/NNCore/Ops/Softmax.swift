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
        return try Tensor.record("softmax", out, shape: shape, inputs: [self], formulas: ["{out} ⊙ ({g} − Σ({g} ⊙ {out}))"]) { _, g in
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
        let shifts = logSumExps(lay)
        lay.forEachLane { lane, start, stride in
            let shift = shifts[lane]
            for j in 0..<lay.size { y[start + j * stride] = data[start + j * stride] - shift }
        }
        let out = y
        return try Tensor.record("log_softmax", out, shape: shape, inputs: [self], formulas: ["{g} − softmax({0}) ⊙ Σ{g}"]) { _, g in
            var dx = [Double](zeros: g.count)
            let probabilities = Elementary.exp(out)
            lay.forEachLane { _, start, stride in
                var total = 0.0
                for j in 0..<lay.size { total += g[start + j * stride] }
                for j in 0..<lay.size {
                    let i = start + j * stride
                    dx[i] = g[i] - probabilities[i] * total
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
        let out = logSumExps(lay)
        let (x, result) = (data, out)
        return try Tensor.record("logsumexp", out, shape: lay.reducedShape, inputs: [self], formulas: ["{g} ⊙ softmax({0})"]) { _, g in
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
        return Self.shift(top)
    }

    /// What a lane whose largest value is `top` is shifted by: with every logit at −inf, subtracting
    /// −inf would give nan, so 0 instead.
    private static func shift(_ top: Double) -> Double {
        top.isFinite ? top : (top.isNaN ? top : 0)
    }

    /// log Σ eˣ of each lane, as its max + log Σ e^(x − max): every difference is made first, so that
    /// their exponentials are taken over one array (four at a time where the CPU can), then each
    /// lane's are summed in order.
    private func logSumExps(_ lay: AxisLayout) -> [Double] {
        let x = data
        var tops = [Double](zeros: lay.outer * lay.inner)
        let shifted = [Double](count: x.count) { shifted in
            x.withUnsafeBufferPointer { x in
                lay.forEachLane { lane, start, stride in
                    var top = -Double.infinity
                    for j in 0..<lay.size { top = Swift.max(top, x[start + j * stride]) }
                    top = Self.shift(top)
                    tops[lane] = top
                    for j in 0..<lay.size { shifted[start + j * stride] = x[start + j * stride] - top }
                }
            }
        }
        let exponentials = Elementary.exp(shifted)
        return [Double](count: tops.count) { sums in
            exponentials.withUnsafeBufferPointer { exponentials in
                lay.forEachLane { lane, start, stride in
                    var total = 0.0
                    for j in 0..<lay.size { total += exponentials[start + j * stride] }
                    sums[lane] = tops[lane] + Elementary.log(total)
                }
            }
        }
    }
}
