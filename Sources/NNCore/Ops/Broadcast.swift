/// Elementwise kernels over broadcast shapes, and the reduction that sums a
/// gradient back to the shape of the input it flows into.
enum Broadcast {
    /// Applies `f` to every pair of elements of `a` and `b` broadcast to `shape`.
    @inline(__always)
    static func map(
        _ a: [Double], _ aShape: [Int], _ b: [Double], _ bShape: [Int], to shape: [Int],
        _ f: (Double, Double) -> Double
    ) -> [Double] {
        let count = Shape.product(shape)
        if aShape == bShape {
            return [Double](count: count) { out in
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        for i in 0..<count { out[i] = f(pa[i], pb[i]) }
                    }
                }
            }
        }
        if b.count == 1 {
            let s = b[0]
            return a.count == count ? a.map { f($0, s) } : broadcastGeneral(a, aShape, b, bShape, shape, f)
        }
        if a.count == 1 {
            let s = a[0]
            return b.count == count ? b.map { f(s, $0) } : broadcastGeneral(a, aShape, b, bShape, shape, f)
        }
        // A matrix with a row vector: the bias add of every dense layer.
        if a.count == count, let width = shape.last, b.count == width, isRow(bShape, width: width) {
            return [Double](count: count) { out in
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        // Wrapping index arithmetic (i + j < count): a checked add per value kept the loop from vectorizing.
                        var i = 0
                        while i < count {
                            for j in 0..<width { out[i &+ j] = f(pa[i &+ j], pb[j]) }
                            i &+= width
                        }
                    }
                }
            }
        }
        return broadcastGeneral(a, aShape, b, bShape, shape, f)
    }

    /// `a ⊙ b` broadcast to `shape`, as ``map(_:_:_:_:to:_:)`` with `*`. In a backward rule's closure that
    /// call left `*` an out-of-line call per element; the same-shape case (every gate of a recurrent cell)
    /// is therefore a plain loop.
    static func product(_ a: [Double], _ aShape: [Int], _ b: [Double], _ bShape: [Int], to shape: [Int]) -> [Double] {
        aShape == bShape ? product(a, b) : map(a, aShape, b, bShape, to: shape, *)
    }

    /// `a ⊙ b` for arrays of one length; the loop vectorizes.
    static func product(_ a: [Double], _ b: [Double]) -> [Double] {
        [Double](count: a.count) { out in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 0..<a.count { out[i] = a[i] * b[i] }
                }
            }
        }
    }

    /// True when `shape` is `[width]` or `[1, …, 1, width]`.
    private static func isRow(_ shape: [Int], width: Int) -> Bool {
        shape.last == width && shape.dropLast().allSatisfy { $0 == 1 }
    }

    @inline(__always)
    private static func broadcastGeneral(
        _ a: [Double], _ aShape: [Int], _ b: [Double], _ bShape: [Int], _ shape: [Int],
        _ f: (Double, Double) -> Double
    ) -> [Double] {
        let count = Shape.product(shape)
        let aStrides = Shape.broadcastStrides(aShape, to: shape)
        let bStrides = Shape.broadcastStrides(bShape, to: shape)
        var result = [Double](zeros: count)
        var index = [Int](repeating: 0, count: shape.count)
        var ai = 0, bi = 0
        for i in 0..<count {
            result[i] = f(a[ai], b[bi])
            // Advance the multi-index like an odometer, keeping both offsets in step.
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                ai += aStrides[axis]
                bi += bStrides[axis]
                if index[axis] < shape[axis] { break }
                ai -= aStrides[axis] * shape[axis]
                bi -= bStrides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return result
    }

    /// Sums `grad`, of broadcast shape `shape`, down to `target`: the gradient of
    /// an input that was broadcast is the sum over the dimensions it was repeated along.
    static func sum(_ grad: [Double], from shape: [Int], to target: [Int]) -> [Double] {
        if shape == target { return grad }
        let targetCount = Shape.product(target)
        if targetCount == 1 { return [grad.reduce(0, +)] }
        var result = [Double](zeros: targetCount)
        if let width = shape.last, targetCount == width, isRow(target, width: width) {
            // Over buffers, rows in order (each column's sum keeps its order); the loop over j vectorizes.
            result.withUnsafeMutableBufferPointer { result in
                grad.withUnsafeBufferPointer { grad in
                    var i = 0
                    while i < grad.count {
                        for j in 0..<width { result[j] += grad[i &+ j] }
                        i &+= width
                    }
                }
            }
            return result
        }
        let strides = Shape.broadcastStrides(target, to: shape)
        var index = [Int](repeating: 0, count: shape.count)
        var ti = 0
        for value in grad {
            result[ti] += value
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                ti += strides[axis]
                if index[axis] < shape[axis] { break }
                ti -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return result
    }
}
