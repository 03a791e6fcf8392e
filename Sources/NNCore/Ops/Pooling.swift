/// Max and average pooling over the last two axes of [N, C, H, W], and flatten.
extension Tensor {
    /// The largest value of each kernel×kernel window (stride defaults to the kernel).
    ///
    /// The position of each window's winner is kept: backward routes the window's gradient
    /// there, so a maximum that wins several overlapping windows collects all of their gradients.
    /// The first maximum in row-major order wins ties; nan wins, as in PyTorch.
    public func maxPool2d(kernel: Int, stride: Int? = nil) throws -> Tensor {
        let window = try PoolingWindow("max_pool2d", shape, kernel: kernel, stride: stride)
        let values = data
        var winners = [Int](repeating: 0, count: window.outputCount)
        var out = [Double](zeros: window.outputCount)
        window.forEachWindow { output, cells in
            var best = cells[0]
            for cell in cells.dropFirst() where values[cell] > values[best] || (values[cell].isNaN && !values[best].isNaN) { best = cell }
            winners[output] = best
            out[output] = values[best]
        }
        let inputCount = count
        return try Tensor.record("max_pool2d", out, shape: window.outputShape, inputs: [self],
                                 formulas: ["{g} routed to each window's maximum in {0}"]) { g in
            var grad = [Double](zeros: inputCount)
            for (output, winner) in winners.enumerated() { grad[winner] += g[output] }
            return [grad]
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
        window.forEachWindow { output, cells in
            var total = 0.0
            for cell in cells { total += values[cell] }
            out[output] = total * scale
        }
        let inputCount = count
        return try Tensor.record("avg_pool2d", out, shape: window.outputShape, inputs: [self],
                                 formulas: ["{g} / \(kernel * kernel) spread over each window of {0}"]) { g in
            var grad = [Double](zeros: inputCount)
            window.forEachWindow { output, cells in
                for cell in cells { grad[cell] += g[output] * scale }
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
        return try Tensor.record("flatten", data, shape: target, inputs: [self], formulas: ["reshape({g})"]) { g in [g] }
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

    /// Calls `body(output, cells)` for every window, with the flat offsets of its cells in row-major order.
    func forEachWindow(_ body: (Int, [Int]) -> Void) {
        var cells = [Int](repeating: 0, count: kernel * kernel)
        var output = 0
        for plane in 0..<planes {
            for i in 0..<outHeight {
                for j in 0..<outWidth {
                    for p in 0..<kernel {
                        for q in 0..<kernel { cells[p * kernel + q] = (plane * height + i * stride + p) * width + j * stride + q }
                    }
                    body(output, cells)
                    output += 1
                }
            }
        }
    }
}
