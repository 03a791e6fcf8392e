/// Max and average pooling over the last two axes of [N, C, H, W], and flatten.
extension Tensor {
    /// The largest value of each kernel×kernel window (stride defaults to the kernel).
    ///
    /// The position of each window's winner is kept: backward routes the window's gradient
    /// there, so a maximum that wins several overlapping windows collects all of their gradients.
    /// The first maximum in row-major order wins ties; nan wins, as in PyTorch.
    public func maxPool2d(kernel: Int, stride: Int? = nil) throws -> Tensor {
        let window = try PoolingWindow("max_pool2d", shape, kernel: kernel, stride: stride)
        let (size, step, rowStep, outWidth) = (window.kernel, window.stride, window.width, window.outWidth)
        var winners = [Int](repeating: 0, count: window.outputCount)
        var out = [Double](zeros: window.outputCount)
        data.withUnsafeBufferPointer { values in
            winners.withUnsafeMutableBufferPointer { winners in
                out.withUnsafeMutableBufferPointer { out in
                    guard let values = values.baseAddress, let winners = winners.baseAddress, let out = out.baseAddress else { return }
                    window.forEachRow { first, rowCorner in
                        var j = 0
                        // Four windows at a time in vector registers: selects, not branches, because which
                        // cell wins is data, not a pattern to predict.
                        while j &+ 4 <= outWidth {
                            let corner = rowCorner &+ j &* step
                            let cells = (corner, corner &+ step, corner &+ 2 &* step, corner &+ 3 &* step)
                            var largest = SIMD4(values[cells.0], values[cells.1], values[cells.2], values[cells.3])
                            // Where in its window each winner is, p·width + q, as a Double (exact) so that the
                            // comparison's mask selects it in vector registers like the values (a masked select of
                            // integers is done lane by lane, with branches, on x86-64's baseline).
                            var shift = SIMD4<Double>()
                            for p in 0..<size {
                                for q in 0..<size where p > 0 || q > 0 {
                                    let offset = p &* rowStep &+ q
                                    let value = SIMD4(values[cells.0 &+ offset], values[cells.1 &+ offset],
                                                      values[cells.2 &+ offset], values[cells.3 &+ offset])
                                    let wins = value .> largest .| (value .!= value .& largest .== largest)
                                    largest.replace(with: value, where: wins)
                                    shift.replace(with: Double(offset), where: wins)
                                }
                            }
                            for lane in 0..<4 {
                                out[first &+ j &+ lane] = largest[lane]
                                winners[first &+ j &+ lane] = corner &+ lane &* step &+ Int(shift[lane])
                            }
                            j &+= 4
                        }
                        for j in j..<outWidth {
                            let corner = rowCorner &+ j &* step
                            var (best, largest) = (corner, values[corner])
                            for p in 0..<size {
                                for q in 0..<size where p > 0 || q > 0 {
                                    let cell = corner &+ p &* rowStep &+ q, value = values[cell]
                                    if value > largest || (value.isNaN && !largest.isNaN) { (best, largest) = (cell, value) }
                                }
                            }
                            out[first &+ j] = largest
                            winners[first &+ j] = best
                        }
                    }
                }
            }
        }
        let inputCount = count
        return try Tensor.record("max_pool2d", out, shape: window.outputShape, inputs: [self],
                                 formulas: ["{g} routed to each window's maximum in {0}"]) { _, g in
            [[Double](count: inputCount) { grad in
                grad.update(repeating: 0)
                winners.withUnsafeBufferPointer { winners in
                    g.withUnsafeBufferPointer { g in
                        for output in 0..<winners.count { grad[winners[output]] += g[output] }
                    }
                }
            }]
        }
    }

    /// The mean of each kernel×kernel window (stride defaults to the kernel).
    ///
    /// Backward spreads each window's gradient evenly, g / kernel², over its cells.
    public func avgPool2d(kernel: Int, stride: Int? = nil) throws -> Tensor {
        let window = try PoolingWindow("avg_pool2d", shape, kernel: kernel, stride: stride)
        let values = data
        let scale = 1 / Double(kernel * kernel)
        var out = [Double](zeros: window.outputCount)
        let (size, rowStep) = (window.kernel, window.width)
        window.forEachWindow { output, corner in
            var total = 0.0
            for p in 0..<size {
                for q in 0..<size { total += values[corner + p * rowStep + q] }
            }
            out[output] = total * scale
        }
        let inputCount = count
        return try Tensor.record("avg_pool2d", out, shape: window.outputShape, inputs: [self],
                                 formulas: ["{g} / \(kernel * kernel) spread over each window of {0}"]) { _, g in
            var grad = [Double](zeros: inputCount)
            window.forEachWindow { output, corner in
                for p in 0..<size {
                    for q in 0..<size { grad[corner + p * rowStep + q] += g[output] * scale }
                }
            }
            return [grad]
        }
    }

    /// The same values with the axes from `start` on merged into one: [N, C, H, W]
    /// flattened from 1 is [N, C·H·W].
    public func flattened(from start: Int = 0) throws -> Tensor {
        guard rank > 0 else { return try reshaped([1]) }
        let axis = try Shape.axis(start, rank: rank, op: "flatten")
        let target = Array(shape[..<axis]) + [shape[axis...].reduce(1, *)]
        return try Tensor.record("flatten", data, shape: target, inputs: [self], formulas: ["reshape({g})"]) { _, g in [g] }
    }
}

/// The windows of a pooling op over [N, C, H, W].
struct PoolingWindow {
    let planes: Int, height: Int, width: Int
    let kernel: Int, stride: Int
    let outHeight: Int, outWidth: Int
    let outputShape: [Int]
    var outputCount: Int { planes * outHeight * outWidth }

    init(_ op: String, _ shape: [Int], kernel: Int, stride: Int?) throws {
        guard shape.count == 4 else {
            throw CoreError(op, "needs a batch of feature maps [N, C, H, W], got \(describe(shape))")
        }
        let stride = stride ?? kernel
        guard kernel >= 1, stride >= 1 else { throw CoreError(op, "kernel and stride must be at least 1, got \(kernel) and \(stride)") }
        guard kernel <= shape[2], kernel <= shape[3] else {
            throw CoreError(op, "a \(kernel)×\(kernel) window does not fit maps of \(shape[2])×\(shape[3])")
        }
        (planes, height, width) = (shape[0] * shape[1], shape[2], shape[3])
        (self.kernel, self.stride) = (kernel, stride)
        outHeight = (height - kernel) / stride + 1
        outWidth = (width - kernel) / stride + 1
        outputShape = [shape[0], shape[1], outHeight, outWidth]
    }

    /// Calls `body(first, rowCorner)` for every row of windows: `first` is the output index of its first
    /// window, `rowCorner` the flat offset of that window's top-left cell (the next are `stride` apart).
    @inline(__always)
    func forEachRow(_ body: (_ first: Int, _ rowCorner: Int) -> Void) {
        for plane in 0..<planes {
            for i in 0..<outHeight { body((plane &* outHeight &+ i) &* outWidth, (plane &* height &+ i &* stride) &* width) }
        }
    }

    /// Calls `body(output, corner)` for every window in output order, with the flat offset of its
    /// top-left cell; the window's cells are `corner + p·width + q` for p, q in 0..<kernel.
    @inline(__always)
    func forEachWindow(_ body: (_ output: Int, _ corner: Int) -> Void) {
        var output = 0
        for plane in 0..<planes {
            for i in 0..<outHeight {
                let rowCorner = (plane &* height &+ i &* stride) &* width
                for j in 0..<outWidth {
                    body(output, rowCorner &+ j &* stride)
                    output &+= 1
                }
            }
        }
    }
}
