/// Matrix products: matrix @ matrix, matrix @ vector, vector @ matrix, vector @ vector.
extension Tensor {
    /// The matrix product `a @ b`.
    ///
    /// Gradients: dA = G @ Bᵀ and dB = Aᵀ @ G, with vectors treated as a row
    /// (on the left) or a column (on the right), as NumPy does.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard (1...2).contains(a.rank), (1...2).contains(b.rank) else {
            throw CoreError("matmul", "\(describe(a.shape)) @ \(describe(b.shape)): both sides must be vectors or matrices")
        }
        let (m, k) = a.rank == 2 ? (a.shape[0], a.shape[1]) : (1, a.shape[0])
        let (k2, n) = b.rank == 2 ? (b.shape[0], b.shape[1]) : (b.shape[0], 1)
        guard k == k2 else {
            throw CoreError("matmul", "\(describe(a.shape)) @ \(describe(b.shape)): inner dimensions \(k) and \(k2) differ")
        }
        let shape: [Int] = switch (a.rank, b.rank) {
        case (2, 2): [m, n]
        case (2, _): [m]
        case (_, 2): [n]
        default: []
        }
        let mode = RecordingMode.current  // one task-local read for the budget and the recording
        _ = try Shape.count(shape, op: "matmul", budget: mode.budget)
        let (x, w) = (a.readableValues, b.readableValues)
        let (needsA, needsB) = (a.requiresGrad, b.requiresGrad)
        let out = Kernels.matmul(x, w, m: m, k: k, n: n)
        // A long product polls the budget per block of rows and stops early when asked; say why here.
        if m &* k &* n >= Kernels.pollingWork { try ResourceBudget.checkpoint() }
        // The rule keeps only the side each gradient reads: a weight kept by the graph while the optimizer
        // updates it in place would make that update copy the whole weight first (copy on write).
        return try record("matmul", out, shape: shape, inputs: [a, b], formulas: ["{g} @ {1}ᵀ", "{0}ᵀ @ {g}"], mode: mode) {
            [w = needsA ? w : nil, x = needsB ? x : nil] _, g in
            [
                w.map { Kernels.matmulTransposedB(g, $0, m: m, k: n, n: k) },
                x.map { Kernels.matmulTransposedA($0, g, m: k, k: m, n: n) },
            ]
        }
    }

    /// The transpose of a matrix (a vector or scalar is its own transpose).
    public func transposed() throws -> Tensor {
        guard rank <= 2 else {
            throw CoreError("transpose", "T needs a vector or a matrix, not shape \(describe(shape)); use reshape for higher ranks")
        }
        guard rank == 2 else { return try reshaped(shape) }
        let (rows, cols) = (shape[0], shape[1])
        return try Tensor.record("transpose", Kernels.transpose(data, rows: rows, cols: cols), shape: [cols, rows], inputs: [self], formulas: ["{g}ᵀ"]) { _, g in
            [Kernels.transpose(g, rows: cols, cols: rows)]
        }
    }

    /// The same values in a new shape; one dimension may be −1 and is inferred.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        var target = newShape
        let unknown = target.indices.filter { target[$0] == -1 }
        guard unknown.count <= 1 else { throw CoreError("reshape", "only one dimension can be -1, got \(describe(newShape))") }
        if let axis = unknown.first {
            let known = target.enumerated().filter { $0.offset != axis }.reduce(1) { $0 * $1.element }
            guard known > 0, count % known == 0 else {
                throw CoreError("reshape", "cannot reshape \(describe(shape)) (\(count) elements) into \(describe(newShape))")
            }
            target[axis] = count / known
        }
        let total = try Shape.count(target, op: "reshape")
        guard total == count else {
            throw CoreError("reshape", "cannot reshape \(describe(shape)) (\(count) elements) into \(describe(newShape)) (\(total) elements)")
        }
        return try Tensor.record("reshape", data, shape: target, inputs: [self], formulas: ["reshape({g})"]) { _, g in [g] }
    }
}
