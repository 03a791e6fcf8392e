/// Convolution as deep-learning libraries compute it: cross-correlation with zero padding.
extension Tensor {
    /// conv2d(x, w, b): x [N, C, H, W], w [out, C, kh, kw], b [out] or nil.
    ///
    /// out[n, o, i, j] = b[o] + Σ_c,p,q x[n, c, i·s + p − pad, j·s + q − pad] · w[o, c, p, q].
    /// Each sample's windows are unrolled into the columns of a matrix (im2col), so that
    /// forward and backward are matrix products: out = W @ cols, dW = Σ g @ colsᵀ,
    /// dcols = Wᵀ @ g, folded back onto the input (col2im); db = Σ g over N, H, W.
    public static func conv2d(_ x: Tensor, _ w: Tensor, bias b: Tensor? = nil, stride: Int = 1, padding: Int = 0) throws -> Tensor {
        guard x.rank == 4, w.rank == 4 else {
            throw CoreError("conv2d", "needs x [N, C, H, W] and w [out, C, kh, kw], got \(describe(x.shape)) and \(describe(w.shape))")
        }
        let geometry = try ConvolutionGeometry(
            "conv2d", x: x.shape, w: w.shape, bias: b?.shape, stride: (stride, stride), padding: (padding, padding))
        return try convolve("conv2d", x, w, b, geometry, shape: [geometry.batch, geometry.outChannels, geometry.outHeight, geometry.outWidth])
    }

    /// conv1d(x, w, b): x [N, C, L], w [out, C, k]; conv2d over a single row.
    public static func conv1d(_ x: Tensor, _ w: Tensor, bias b: Tensor? = nil, stride: Int = 1, padding: Int = 0) throws -> Tensor {
        guard x.rank == 3, w.rank == 3 else {
            throw CoreError("conv1d", "needs x [N, C, L] and w [out, C, k], got \(describe(x.shape)) and \(describe(w.shape))")
        }
        let geometry = try ConvolutionGeometry(
            "conv1d", x: [x.shape[0], x.shape[1], 1, x.shape[2]], w: [w.shape[0], w.shape[1], 1, w.shape[2]],
            bias: b?.shape, stride: (1, stride), padding: (0, padding))
        return try convolve("conv1d", x, w, b, geometry, shape: [geometry.batch, geometry.outChannels, geometry.outWidth])
    }

    private static func convolve(_ op: String, _ x: Tensor, _ w: Tensor, _ b: Tensor?, _ geo: ConvolutionGeometry, shape: [Int]) throws -> Tensor {
        let (rows, columns, outChannels, batch) = (geo.windowSize, geo.outHeight * geo.outWidth, geo.outChannels, geo.batch)
        let weights = w.data
        // The whole batch's windows side by side: one product W @ cols gives every sample's output.
        let cols = geo.unfold(x.data)
        let product = Kernels.matmul(weights, cols, m: outChannels, k: rows, n: batch * columns)
        let out = geo.batchMajor(product, adding: b?.data)
        if batch * outChannels * rows * columns >= Kernels.pollingWork { try ResourceBudget.checkpoint() }
        let inputs: OpInputs = b.map { [x, w, $0] } ?? [x, w]
        let (needsX, needsW) = (x.requiresGrad, w.requiresGrad)
        return try record(op, out, shape: shape, inputs: inputs,
                          formulas: ["conv_transpose({g}, {1})", "correlate({0}, {g})", "Σ {g} over batch and positions"]) { _, g in
            // dW sums one product per sample, in sample order, as Σₙ gₙ @ colsₙᵀ reads.
            let dw = needsW ? geo.weightGradient(g, cols) : nil
            // Each column of Wᵀ @ g needs only its own sample, so the batch is one product.
            let dcols = needsX ? Kernels.matmulTransposedA(weights, geo.channelMajor(g), m: rows, k: outChannels, n: batch * columns) : nil
            return InputGradients([dcols.map(geo.fold), dw, b == nil ? nil : geo.biasGradient(g)])
        }
    }
}

/// The sizes of one convolution and the unrolling of its windows (im2col and its inverse).
struct ConvolutionGeometry {
    let batch: Int, channels: Int, height: Int, width: Int
    let outChannels: Int, kernelHeight: Int, kernelWidth: Int
    let strideY: Int, strideX: Int, padY: Int, padX: Int
    let outHeight: Int, outWidth: Int

    /// Values per window: C·kh·kw, the rows of the unrolled matrix.
    var windowSize: Int { channels * kernelHeight * kernelWidth }

    init(_ op: String, x: [Int], w: [Int], bias: [Int]?, stride: (Int, Int), padding: (Int, Int)) throws {
        (batch, channels, height, width) = (x[0], x[1], x[2], x[3])
        (outChannels, kernelHeight, kernelWidth) = (w[0], w[2], w[3])
        (strideY, strideX) = stride
        (padY, padX) = padding
        guard w[1] == channels else {
            throw CoreError(op, "the input has \(channels) channels but the weights expect \(w[1]) (w is [out, in, …])")
        }
        guard strideY >= 1, strideX >= 1 else { throw CoreError(op, "stride must be at least 1, got \(Swift.min(strideY, strideX))") }
        guard padY >= 0, padX >= 0 else { throw CoreError(op, "padding must be 0 or more, got \(Swift.min(padY, padX))") }
        if let bias, bias != [outChannels] {
            throw CoreError(op, "the bias must have shape [\(outChannels)], one per output channel, got \(describe(bias))")
        }
        let paddedHeight = height + 2 * padY, paddedWidth = width + 2 * padX
        guard kernelHeight >= 1, kernelWidth >= 1, kernelHeight <= paddedHeight, kernelWidth <= paddedWidth else {
            throw CoreError(op, "a kernel of \(kernelHeight)×\(kernelWidth) does not fit an input of \(height)×\(width) with padding \(padX)")
        }
        outHeight = (paddedHeight - kernelHeight) / strideY + 1
        outWidth = (paddedWidth - kernelWidth) / strideX + 1
        _ = try Shape.count([batch, windowSize, outHeight * outWidth], op: op)
        _ = try Shape.count([batch, outChannels, outHeight * outWidth], op: op)
    }

    /// Calls `body(row, column, source, count)` for every run of one sample's unrolled matrix that
    /// falls inside the input: `count` entries of row `row` from column `column` on, read from offset
    /// `source` of the sample on, `strideX` apart. Padding entries are skipped; they stay zero.
    @inline(__always)
    private func forEachRun(_ body: (_ row: Int, _ column: Int, _ source: Int, _ count: Int) -> Void) {
        for c in 0..<channels {
            for p in 0..<kernelHeight {
                for q in 0..<kernelWidth {
                    let row = (c * kernelHeight + p) * kernelWidth + q
                    // The output columns j whose x = j·s + q − pad lies in [0, width): from ⌈(pad − q)/s⌉
                    // up to ⌈(width + pad − q)/s⌉ (a negative numerator gives 0 or less: no run).
                    let first = q >= padX ? 0 : (padX - q + strideX - 1) / strideX
                    let end = Swift.min(outWidth, (width + padX - q + strideX - 1) / strideX)
                    guard end > first else { continue }
                    for i in 0..<outHeight {
                        let y = i * strideY + p - padY
                        guard y >= 0, y < height else { continue }
                        body(row, i * outWidth + first, (c * height + y) * width + first * strideX + q - padX, end - first)
                    }
                }
            }
        }
    }

    /// im2col for the whole batch: a [C·kh·kw, N·outH·outW] matrix whose columns are the windows,
    /// sample after sample.
    func unfold(_ x: [Double]) -> [Double] {
        let columns = outHeight * outWidth, sampleIn = channels * height * width, width = batch * columns, step = strideX
        var cols = [Double](zeros: windowSize * width)
        cols.withUnsafeMutableBufferPointer { cols in
            x.withUnsafeBufferPointer { x in
                guard let target = cols.baseAddress, let source = x.baseAddress else { return }
                for n in 0..<batch {
                    let sample = source + n &* sampleIn, windows = target + n &* columns
                    forEachRun { row, column, from, count in
                        let run = windows + (row &* width &+ column)
                        for t in 0..<count { run[t] = sample[from &+ t &* step] }
                    }
                }
            }
        }
        return cols
    }

    /// col2im: adds every window's entries back onto the input position it was read from.
    func fold(_ cols: [Double]) -> [Double] {
        let columns = outHeight * outWidth, sampleIn = channels * height * width, width = batch * columns, step = strideX
        var x = [Double](zeros: batch * sampleIn)
        x.withUnsafeMutableBufferPointer { x in
            cols.withUnsafeBufferPointer { cols in
                guard let target = x.baseAddress, let source = cols.baseAddress else { return }
                for n in 0..<batch {
                    let sample = target + n &* sampleIn, windows = source + n &* columns
                    forEachRun { row, column, to, count in
                        let run = windows + (row &* width &+ column)
                        for t in 0..<count { sample[to &+ t &* step] += run[t] }
                    }
                }
            }
        }
        return x
    }

    /// [out, N, positions] (the batch-wide product's layout) reordered as [N, out, positions], with
    /// `bias[o]` added to every value of channel o when given.
    func batchMajor(_ values: [Double], adding bias: [Double]?) -> [Double] {
        guard let bias else { return permuted(values, outer: outChannels, inner: batch) }
        let positions = outHeight * outWidth
        return [Double](count: values.count) { out in
            values.withUnsafeBufferPointer { values in
                guard let source = values.baseAddress, let target = out.baseAddress else { return }
                for o in 0..<outChannels {
                    let shift = bias[o]
                    for n in 0..<batch {
                        let from = source + (o &* batch &+ n) &* positions, to = target + (n &* outChannels &+ o) &* positions
                        for t in 0..<positions { to[t] = from[t] + shift }
                    }
                }
            }
        }
    }

    /// db[o] = Σ g[n, o, positions], summed in the order of g's values (n, then position).
    func biasGradient(_ g: [Double]) -> [Double] {
        let positions = outHeight * outWidth
        var sums = [Double](zeros: outChannels)
        g.withUnsafeBufferPointer { g in
            guard let base = g.baseAddress else { return }
            for n in 0..<batch {
                for o in 0..<outChannels {
                    let values = base + (n &* outChannels &+ o) &* positions
                    var sum = sums[o]
                    for t in 0..<positions { sum += values[t] }
                    sums[o] = sum
                }
            }
        }
        return sums
    }

    /// [N, out, positions] reordered as [out, N, positions], the layout of the batch-wide product.
    func channelMajor(_ values: [Double]) -> [Double] {
        permuted(values, outer: batch, inner: outChannels)
    }

    /// Swaps the two leading axes of [outer, inner, positions].
    private func permuted(_ values: [Double], outer: Int, inner: Int) -> [Double] {
        let positions = outHeight * outWidth
        return [Double](count: values.count) { out in
            values.withUnsafeBufferPointer { values in
                guard let source = values.baseAddress, let target = out.baseAddress else { return }
                for i in 0..<outer {
                    for j in 0..<inner {
                        (target + (j * outer + i) * positions).update(from: source + (i * inner + j) * positions, count: positions)
                    }
                }
            }
        }
    }

    /// dW = Σₙ gₙ @ colsₙᵀ, one product per sample added in sample order; `g` is [N, out, positions].
    ///
    /// Each term is computed transposed, colsₙ @ gₙᵀ: every entry is the same sum over positions in the
    /// same order, and a product as wide as the output channels (usually a multiple of 4) fills the row
    /// kernel's lanes where one as wide as the window (9 for 3×3) left a padded remainder.
    func weightGradient(_ g: [Double], _ cols: [Double]) -> [Double] {
        let columns = outHeight * outWidth, rows = windowSize, channels = outChannels
        var dw = [Double](zeros: channels * rows)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: channels * rows) { term in
            dw.withUnsafeMutableBufferPointer { dw in
                g.withUnsafeBufferPointer { g in
                    cols.withUnsafeBufferPointer { cols in
                        guard let gBase = g.baseAddress, let colsBase = cols.baseAddress, let termBase = term.baseAddress,
                              let dwBase = dw.baseAddress else { return }
                        for n in 0..<batch {
                            // colsₙ: row r is cols[r · N·positions + n · positions ..< … + positions].
                            Kernels.multiply(MatrixView(colsBase + n &* columns, rowStride: batch &* columns, columnStride: 1),
                                             MatrixView(transposing: gBase + n &* channels &* columns, columns: columns),
                                             into: termBase, m: rows, k: columns, n: channels)
                            for o in 0..<channels {
                                for r in 0..<rows { dwBase[o &* rows &+ r] += termBase[r &* channels &+ o] }
                            }
                        }
                    }
                }
            }
        }
        return dw
    }
}
