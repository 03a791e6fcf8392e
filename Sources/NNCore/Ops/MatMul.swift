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
        var shape: [Int] = []
        if a.rank == 2 { shape.append(m) }
        if b.rank == 2 { shape.append(n) }
        _ = try Shape.count(shape, op: "matmul")
        let (x, w) = (a.data, b.data)
        let (needsA, needsB) = (a.requiresGrad, b.requiresGrad)
        let out = Kernels.matmul(x, w, m: m, k: k, n: n)
        return try record("matmul", out, shape: shape, inputs: [a, b], formulas: ["{g} @ {1}ᵀ", "{0}ᵀ @ {g}"]) { g in
            [
                needsA ? Kernels.matmulTransposedB(g, w, m: m, k: n, n: k) : nil,
                needsB ? Kernels.matmulTransposedA(x, g, m: k, k: m, n: n) : nil,
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
        return try Tensor.record("transpose", Kernels.transpose(data, rows: rows, cols: cols), shape: [cols, rows], inputs: [self], formulas: ["{g}ᵀ"]) { g in
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
        return try Tensor.record("reshape", data, shape: target, inputs: [self], formulas: ["reshape({g})"]) { g in [g] }
    }
}

/// The inner loops of the matrix products, over raw buffers.
enum Kernels {
    /// C[m×n] = A[m×k] · B[k×n], in i-k-j order so the innermost loop runs along rows of B and C.
    static func matmul(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            c.initialize(repeating: 0)
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 0..<m {
                        let row = i * n
                        for p in 0..<k {
                            let scale = a[i * k + p]
                            let bRow = p * n
                            for j in 0..<n { c[row + j] += scale * b[bRow + j] }
                        }
                    }
                }
            }
            initialized = m * n
        }
    }

    /// C[m×n] = A[m×k] · Bᵀ, where B is stored as [n×k]: dot products of rows.
    static func matmulTransposedB(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 0..<m {
                        for j in 0..<n {
                            var sum = 0.0
                            for p in 0..<k { sum += a[i * k + p] * b[j * k + p] }
                            c[i * n + j] = sum
                        }
                    }
                }
            }
            initialized = m * n
        }
    }

    /// C[m×n] = Aᵀ · B, where A is stored as [k×m] and B as [k×n].
    static func matmulTransposedA(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            c.initialize(repeating: 0)
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for p in 0..<k {
                        let bRow = p * n
                        for i in 0..<m {
                            let scale = a[p * m + i]
                            let row = i * n
                            for j in 0..<n { c[row + j] += scale * b[bRow + j] }
                        }
                    }
                }
            }
            initialized = m * n
        }
    }

    static func transpose(_ a: [Double], rows: Int, cols: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: rows * cols) { out, initialized in
            a.withUnsafeBufferPointer { a in
                for i in 0..<rows {
                    for j in 0..<cols { out[j * rows + i] = a[i * cols + j] }
                }
            }
            initialized = rows * cols
        }
    }
}
