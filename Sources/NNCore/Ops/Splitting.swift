/// Splitting a tensor into pieces along an axis, the inverse of `concat`.
extension Tensor {
    /// The tensor cut along `axis` into consecutive pieces of the given sizes, as PyTorch's
    /// `split` with a list of sizes.
    ///
    /// Backward: every piece's gradient is added into its own place in ONE gradient array of the
    /// input's size; a piece that gets no gradient leaves zeros there. (Selecting each piece with an
    /// index would send back a zero-filled full-size gradient per piece, to be summed.)
    public func split(sizes: [Int], axis: Int = 0) throws -> [Tensor] {
        guard rank > 0 else { throw CoreError("split", "a scalar cannot be split; it has no axis") }
        let axis = try Shape.axis(axis, rank: rank, op: "split")
        let length = shape[axis]
        if let negative = sizes.first(where: { $0 < 0 }) {
            throw CoreError("split", "a piece cannot have the negative size \(negative)")
        }
        // Summed with overflow reported, so that huge sizes cannot trap.
        var covered = 0
        for size in sizes {
            let (sum, overflow) = covered.addingReportingOverflow(size)
            guard !overflow else { covered = .max; break }
            covered = sum
        }
        guard covered == length else {
            throw CoreError("split", "sizes \(sizes.map(String.init).joined(separator: ", ")) add up to \(covered == .max ? "more than any axis" : String(covered)), but axis \(axis) has size \(length) (shape \(describe(shape))); the sizes must add up to the axis")
        }
        let inner = shape[(axis + 1)...].reduce(1, *)
        let runs = shape[..<axis].reduce(1, *)
        let source = data
        let mode = RecordingMode.current  // read once for all the pieces
        var pieces: [Tensor] = []
        pieces.reserveCapacity(sizes.count)
        var start = 0
        for size in sizes {
            let part = GradientPart(total: count, offset: start * inner, runs: runs, width: size * inner, stride: length * inner)
            let values = [Double](count: runs * part.width) { out in
                source.withUnsafeBufferPointer { source in
                    guard let from = source.baseAddress, let to = out.baseAddress else { return }
                    // Each run is one copy (a gate's row of an LSTM step: 32 values), not a loop of checked indices.
                    for run in 0..<runs {
                        (to + run &* part.width).initialize(from: from + (part.offset &+ run &* part.stride), count: part.width)
                    }
                }
            }
            var pieceShape = shape
            pieceShape[axis] = size
            pieces.append(try Tensor.record("split", values, shape: pieceShape, inputs: [self],
                                            formulas: ["{g} in its place in the gradient of {0}"], mode: mode) { _, g in
                InputGradients(g, in: part)
            })
            start += size
        }
        return pieces
    }

    /// The tensor cut along `axis` into pieces `size` long, the last shorter when `size` does not
    /// divide the axis, as PyTorch's `split` with one size; an empty axis gives one empty piece.
    public func split(size: Int, axis: Int = 0) throws -> [Tensor] {
        guard rank > 0 else { throw CoreError("split", "a scalar cannot be split; it has no axis") }
        let length = shape[try Shape.axis(axis, rank: rank, op: "split")]
        guard size >= 0 else { throw CoreError("split", "a piece cannot have the negative size \(size)") }
        guard size > 0 || length == 0 else {
            throw CoreError("split", "pieces of size 0 cannot cover axis \(axis) of size \(length); give a size from 1 to \(length), or use chunk(n) for n pieces")
        }
        guard length > 0 else { return try split(sizes: [0], axis: axis) }
        var sizes = [Int](repeating: size, count: length / size)
        if length % size != 0 { sizes.append(length % size) }
        return try split(sizes: sizes, axis: axis)
    }

    /// The tensor cut along `axis` into `parts` pieces as PyTorch's `chunk`: each ⌈size / parts⌉ long
    /// but the last, which is shorter when the size does not divide, so there may be fewer than `parts`.
    public func chunk(_ parts: Int, axis: Int = 0) throws -> [Tensor] {
        guard parts > 0 else { throw CoreError("chunk", "needs a positive number of pieces, got \(parts)") }
        guard rank > 0 else { throw CoreError("chunk", "a scalar cannot be split; it has no axis") }
        let length = shape[try Shape.axis(axis, rank: rank, op: "chunk")]
        // ⌈length / parts⌉ without overflow: length ≥ 0 and parts ≥ 1.
        let size = length / parts + (length % parts == 0 ? 0 : 1)
        guard size > 0 else { return try split(sizes: [Int](repeating: 0, count: parts), axis: axis) }
        return try split(size: size, axis: axis)
    }
}
