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
        let (rows, columns, outChannels) = (geo.windowSize, geo.outHeight * geo.outWidth, geo.outChannels)
        let weights = w.data
        let cols = geo.unfold(x.data)
        var out = [Double](repeating: 0, count: geo.batch * outChannels * columns)
        for n in 0..<geo.batch {
            let product = Kernels.matmul(weights, Array(cols[(n * rows * columns)..<((n + 1) * rows * columns)]), m: outChannels, k: rows, n: columns)
            out.replaceSubrange((n * outChannels * columns)..<((n + 1) * outChannels * columns), with: product)
        }
        if let b {
            for index in out.indices { out[index] += b.data[(index / columns) % outChannels] }
        }
        let inputs: OpInputs = b.map { [x, w, $0] } ?? [x, w]
        let (needsX, needsW) = (x.requiresGrad, w.requiresGrad)
        return try record(op, out, shape: shape, inputs: inputs,
                          formulas: ["conv_transpose({g}, {1})", "correlate({0}, {g})", "Σ {g} over batch and positions"]) { g in
            var dw = [Double](repeating: 0, count: needsW ? weights.count : 0)
            var dcols = [Double](repeating: 0, count: needsX ? cols.count : 0)
            for n in 0..<geo.batch {
                let gn = Array(g[(n * outChannels * columns)..<((n + 1) * outChannels * columns)])
                if needsW {
                    let colsN = Array(cols[(n * rows * columns)..<((n + 1) * rows * columns)])
                    let term = Kernels.matmulTransposedB(gn, colsN, m: outChannels, k: columns, n: rows)
                    for i in dw.indices { dw[i] += term[i] }
                }
                if needsX {
                    let term = Kernels.matmulTransposedA(weights, gn, m: rows, k: outChannels, n: columns)
                    dcols.replaceSubrange((n * rows * columns)..<((n + 1) * rows * columns), with: term)
                }
            }
            var db: [Double]?
            if b != nil {
                var sums = [Double](repeating: 0, count: outChannels)
                for index in g.indices { sums[(index / columns) % outChannels] += g[index] }
                db = sums
            }
            return InputGradients([needsX ? geo.fold(dcols) : nil, needsW ? dw : nil, db])
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

    /// Calls `body(row, column, source)` for every entry of one sample's unrolled matrix
    /// that falls inside the input (padding entries are skipped); `source` is the offset in the sample.
    @inline(__always)
    private func forEachEntry(_ body: (Int, Int, Int) -> Void) {
        for c in 0..<channels {
            for p in 0..<kernelHeight {
                for q in 0..<kernelWidth {
                    let row = (c * kernelHeight + p) * kernelWidth + q
                    for i in 0..<outHeight {
                        let y = i * strideY + p - padY
                        guard y >= 0, y < height else { continue }
                        for j in 0..<outWidth {
                            let x = j * strideX + q - padX
                            guard x >= 0, x < width else { continue }
                            body(row, i * outWidth + j, (c * height + y) * width + x)
                        }
                    }
                }
            }
        }
    }

    /// im2col: each sample becomes a [C·kh·kw, outH·outW] matrix whose columns are its windows.
    func unfold(_ x: [Double]) -> [Double] {
        let columns = outHeight * outWidth, sampleIn = channels * height * width, sampleOut = windowSize * columns
        var cols = [Double](repeating: 0, count: batch * sampleOut)
        for n in 0..<batch {
            forEachEntry { row, column, source in cols[n * sampleOut + row * columns + column] = x[n * sampleIn + source] }
        }
        return cols
    }

    /// col2im: adds every window's entries back onto the input position it was read from.
    func fold(_ cols: [Double]) -> [Double] {
        let columns = outHeight * outWidth, sampleIn = channels * height * width, sampleOut = windowSize * columns
        var x = [Double](repeating: 0, count: batch * sampleIn)
        for n in 0..<batch {
            forEachEntry { row, column, source in x[n * sampleIn + source] += cols[n * sampleOut + row * columns + column] }
        }
        return x
    }
}
