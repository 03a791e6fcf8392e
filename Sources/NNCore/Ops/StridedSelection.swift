/// A selection made of ints and slices only (no lists): result element (i₀, i₁, …) lies at
/// `base + Σ iₐ · stepₐ` in the source, so it is read and written by strided loops, one run
/// along the last axis at a time, without a table of offsets.
struct StridedSelection {
    /// The source offset of the result's first element.
    let base: Int
    /// The result's shape.
    let shape: [Int]
    /// The source offset step of each result axis.
    let steps: [Int]
    /// Elements selected.
    let count: Int

    /// The selected values of `source`, in row-major order of the result.
    func gather(_ source: [Double]) -> [Double] {
        [Double](count: count) { out in
            source.withUnsafeBufferPointer { source in
                guard let from = source.baseAddress, let to = out.baseAddress else { return }
                let (length, step) = (shape.last ?? 1, steps.last ?? 0)
                forEachRun { result, offset in
                    for i in 0..<length { (to + result)[i] = from[offset &+ i &* step] }
                }
            }
        }
    }

    /// Adds `values` (laid out as the result) into the selected places of `target`, in row-major order.
    func scatterAdd(_ values: [Double], into target: inout [Double]) {
        values.withUnsafeBufferPointer { values in
            target.withUnsafeMutableBufferPointer { target in
                guard let from = values.baseAddress, let to = target.baseAddress else { return }
                let (length, step) = (shape.last ?? 1, steps.last ?? 0)
                forEachRun { result, offset in
                    for i in 0..<length { to[offset &+ i &* step] += (from + result)[i] }
                }
            }
        }
    }

    /// Calls `body(result, offset)` with the result position and source offset of the start of
    /// every run along the last axis, in row-major order.
    @inline(__always)
    private func forEachRun(_ body: (Int, Int) -> Void) {
        guard count > 0 else { return }
        let outer = shape.count &- 1
        guard outer > 0 else {
            body(0, base)
            return
        }
        let length = shape[outer]
        var counter = [Int](repeating: 0, count: outer)
        var offset = base, result = 0
        while true {
            body(result, offset)
            result &+= length
            var axis = outer &- 1
            while axis >= 0 {
                counter[axis] &+= 1
                offset &+= steps[axis]
                if counter[axis] < shape[axis] { break }
                offset &-= counter[axis] &* steps[axis]
                counter[axis] = 0
                axis &-= 1
            }
            if axis < 0 { return }
        }
    }
}

extension Tensor {
    /// The selection `specs` makes when it has no lists; nil when it has one. Throws the
    /// errors ``selection(_:op:)`` throws, in the same order.
    func stridedSelection(_ specs: [IndexSpec], op: String) throws -> StridedSelection? {
        guard specs.count <= rank else {
            throw CoreError(op, "\(specs.count) indices for a tensor of rank \(rank) (shape \(describe(shape)))")
        }
        let strides = Shape.strides(shape)
        var base = 0, resultShape: [Int] = [], steps: [Int] = []
        for (axis, size) in shape.enumerated() {
            switch axis < specs.count ? specs[axis] : .all {
            case .at(let i):
                base += try Tensor.position(i, size: size, axis: axis, op: op, shape: shape) * strides[axis]
            case .slice(let start, let stop, let step):
                let slice = try Tensor.sliceBounds(start, stop, step, size: size, op: op)
                base += slice.first * strides[axis]
                resultShape.append(slice.count)
                // A step as large as the axis or larger selects one element; its offset step is never used.
                steps.append(slice.count > 1 ? slice.step * strides[axis] : 0)
            case .positions:
                return nil
            }
        }
        return StridedSelection(base: base, shape: resultShape, steps: steps, count: try Shape.count(resultShape, op: op))
    }

    /// Python's slice of an axis of `size`: the first position, how many, and the step.
    static func sliceBounds(_ start: Int?, _ stop: Int?, _ step: Int?, size: Int, op: String) throws -> (first: Int, count: Int, step: Int) {
        let step = step ?? 1
        guard step != 0 else { throw CoreError(op, "a slice step cannot be zero") }
        func clamp(_ value: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
            guard var v = value else { return fallback }
            if v < 0 { v = v &+ size }
            return Swift.min(Swift.max(v, low), high)
        }
        if step > 0 {
            let from = clamp(start, 0, low: 0, high: size)
            let to = clamp(stop, size, low: 0, high: size)
            return (from, from < to ? (to - from - 1) / step + 1 : 0, step)
        }
        let from = clamp(start, size - 1, low: -1, high: size - 1)
        let to = clamp(stop, -1, low: -1, high: size - 1)
        // (from - to - 1) / step is minus the number of whole steps after the first (step < 0; no negation of Int.min).
        return (from, from > to ? 1 - (from - to - 1) / step : 0, step)
    }
}
