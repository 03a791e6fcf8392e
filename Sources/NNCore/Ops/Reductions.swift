/// Sums, means, maxima and minima over all elements or along one axis.
extension Tensor {
    /// The layout of a reduction along `axis`: `outer` blocks of `size` × `inner` elements.
    struct AxisLayout {
        let outer: Int, size: Int, inner: Int
        let reducedShape: [Int]

        init(_ shape: [Int], axis: Int, keepdims: Bool) {
            outer = shape[..<axis].reduce(1, *)
            size = shape[axis]
            inner = shape[(axis + 1)...].reduce(1, *)
            var reduced = shape
            if keepdims { reduced[axis] = 1 } else { reduced.remove(at: axis) }
            reducedShape = reduced
        }

        /// Calls `body` with the flat index of every element of one slice along the axis.
        @inline(__always)
        func forEachLane(_ body: (_ lane: Int, _ start: Int, _ stride: Int) -> Void) {
            for o in 0..<outer {
                for i in 0..<inner { body(o * inner + i, o * size * inner + i, inner) }
            }
        }
    }

    func layout(_ op: String, axis: Int, keepdims: Bool) throws -> AxisLayout {
        let resolved = try Shape.axis(axis, rank: rank, op: op)
        guard rank > 0 else { throw CoreError(op, "a scalar has no axis \(axis)") }
        return AxisLayout(shape, axis: resolved, keepdims: keepdims)
    }

    /// The sum of all elements, or along `axis`.
    public func sum(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try sumOrMean("sum", axis: axis, keepdims: keepdims, mean: false)
    }

    /// The mean of all elements, or along `axis`.
    public func mean(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try sumOrMean("mean", axis: axis, keepdims: keepdims, mean: true)
    }

    private func sumOrMean(_ op: String, axis: Int?, keepdims: Bool, mean: Bool) throws -> Tensor {
        let inShape = shape
        guard let axis else {
            guard count > 0 || !mean else { throw CoreError(op, "the mean of an empty tensor is undefined") }
            let scale = mean ? 1 / Double(count) : 1
            let shape = keepdims ? [Int](repeating: 1, count: rank) : []
            let formula = mean ? "{g} / \(count) (broadcast)" : "{g} (broadcast)"
            return try Tensor.record(op, [data.reduce(0, +) * scale], shape: shape, inputs: [self], formulas: [formula]) { _, g in
                [[Double](repeating: g[0] * scale, count: Shape.product(inShape))]
            }
        }
        let lay = try layout(op, axis: axis, keepdims: keepdims)
        guard lay.size > 0 || !mean else { throw CoreError(op, "the mean over an empty axis is undefined") }
        let scale = mean ? 1 / Double(lay.size) : 1
        var out = [Double](zeros: lay.outer * lay.inner)
        lay.forEachLane { lane, start, stride in
            var total = 0.0
            for j in 0..<lay.size { total += data[start + j * stride] }
            out[lane] = total * scale
        }
        let formula = mean ? "{g} / \(lay.size) (broadcast along axis \(axis))" : "{g} (broadcast along axis \(axis))"
        return try Tensor.record(op, out, shape: lay.reducedShape, inputs: [self], formulas: [formula]) { _, g in
            var grad = [Double](zeros: Shape.product(inShape))
            lay.forEachLane { lane, start, stride in
                for j in 0..<lay.size { grad[start + j * stride] = g[lane] * scale }
            }
            return [grad]
        }
    }

    /// The largest element, or the largest along `axis`. As PyTorch, the full maximum shares its
    /// gradient equally among tied entries; along an axis the first maximum takes it all.
    public func max(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try extremum("max", axis: axis, keepdims: keepdims, isBetter: >)
    }

    /// The smallest element, or the smallest along `axis`; ties as in ``max(axis:keepdims:)``.
    public func min(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try extremum("min", axis: axis, keepdims: keepdims, isBetter: <)
    }

    private func extremum(_ op: String, axis: Int?, keepdims: Bool, isBetter: @escaping (Double, Double) -> Bool) throws -> Tensor {
        guard count > 0 else { throw CoreError(op, "the \(op) of an empty tensor is undefined") }
        let inShape = shape
        let lay: AxisLayout = try axis.map { try layout(op, axis: $0, keepdims: keepdims) }
            ?? AxisLayout([count], axis: 0, keepdims: keepdims)
        var winners = [Int](repeating: 0, count: lay.outer * lay.inner)
        var out = [Double](zeros: winners.count)
        let values = data
        lay.forEachLane { lane, start, stride in
            guard lay.size > 0 else { return }
            var best = start
            for j in 1..<Swift.max(lay.size, 1) {
                let index = start + j * stride
                // NaN wins, so a NaN anywhere shows in the result as in NumPy.
                if isBetter(values[index], values[best]) || values[index].isNaN && !values[best].isNaN { best = index }
            }
            winners[lane] = best
            out[lane] = values[best]
        }
        let shape = axis == nil ? (keepdims ? [Int](repeating: 1, count: rank) : []) : lay.reducedShape
        if axis == nil {
            // PyTorch's evenly_distribute_backward: every entry equal to the result (every nan, for nan) gets g / ties.
            let result = out[0]
            return try Tensor.record(op, out, shape: shape, inputs: [self], formulas: ["{g} shared among the arg\(op)s of {0}"]) { _, g in
                let tied = values.map { result.isNaN ? $0.isNaN : $0 == result }
                let share = g[0] / Double(tied.filter { $0 }.count)
                return [tied.map { $0 ? share : 0 }]
            }
        }
        return try Tensor.record(op, out, shape: shape, inputs: [self], formulas: ["{g} at the arg\(op) of {0}"]) { _, g in
            var grad = [Double](zeros: Shape.product(inShape))
            for (lane, index) in winners.enumerated() { grad[index] += g[lane] }
            return [grad]
        }
    }

    /// The index of the largest element along `axis` (of the flattened tensor when nil). Not differentiable.
    public func argmax(axis: Int? = nil) throws -> Tensor {
        guard count > 0 else { throw CoreError("argmax", "the argmax of an empty tensor is undefined") }
        let lay: AxisLayout = try axis.map { try layout("argmax", axis: $0, keepdims: false) } ?? AxisLayout([count], axis: 0, keepdims: false)
        var out = [Double](zeros: lay.outer * lay.inner)
        lay.forEachLane { lane, start, stride in
            var best = 0
            for j in 0..<lay.size where data[start + j * stride] > data[start + best * stride] { best = j }
            out[lane] = Double(best)
        }
        return Tensor(uncheckedData: out, shape: axis == nil ? [] : lay.reducedShape)
    }
}
