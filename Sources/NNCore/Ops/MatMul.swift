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
        _ = try Shape.count(shape, op: "matmul")
        let (x, w) = (a.data, b.data)
        let (needsA, needsB) = (a.requiresGrad, b.requiresGrad)
        let out = Kernels.matmul(x, w, m: m, k: k, n: n)
        // A long product polls the budget per block of rows and stops early when asked; say why here.
        if m &* k &* n >= Kernels.pollingWork { try ResourceBudget.checkpoint() }
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
///
/// Every product sums over the inner dimension in order, so results are
/// bit-identical to the plain triple loop; blocks of columns stay in SIMD
/// registers while they are summed.
enum Kernels {
    /// Multiply-adds (m·k·n) from which a product polls the running program's budget (about 4 ms of work).
    static let pollingWork = 1 << 22

    /// C[m×n] = A[m×k] · B[k×n].
    static func matmul(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in product(a, b, m: m, k: k, n: n) }
        }
    }

    /// C[m×n] = A[m×k] · Bᵀ, where B is stored as [n×k]: B is transposed once, then multiplied row by row.
    static func matmulTransposedB(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        withTransposed(b, rows: n, cols: k) { bt in
            a.withUnsafeBufferPointer { a in product(a, bt, m: m, k: k, n: n) }
        }
    }

    /// C[m×n] = Aᵀ · B, where A is stored as [k×m] and B as [k×n]: A is transposed once.
    static func matmulTransposedA(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        withTransposed(a, rows: k, cols: m) { at in
            b.withUnsafeBufferPointer { b in product(at, b, m: m, k: k, n: n) }
        }
    }

    /// C = A · B, one row of C at a time, in blocks of columns held in registers
    /// while the inner dimension is summed in order (bit-identical to the triple loop).
    private static func product(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>,
                                m: Int, k: Int, n: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            initialized = m * n
            guard let cBase = c.baseAddress else { return }
            // Every element is written below, so C is filled with zeros only when k is 0.
            guard k > 0, let aBase = a.baseAddress, let bBase = b.baseAddress else {
                c.initialize(repeating: 0)
                return
            }
            let tail = n % 4, tailStart = n - tail
            // Polled per eight rows, and only for products long enough for Ctrl-C or a time limit to matter.
            let budget = m &* k &* n >= pollingWork ? ResourceBudget.current : nil
            // The last n % 4 columns of B, copied into four zero-padded lanes so they
            // are summed like a full block; the padding lanes are never stored.
            withUnsafeTemporaryAllocation(of: Double.self, capacity: tail > 0 ? 4 * k : 0) { padded in
                if tail > 0, let paddedBase = padded.baseAddress {
                    padded.initialize(repeating: 0)
                    for p in 0..<k {
                        for lane in 0..<tail { paddedBase[4 * p + lane] = bBase[p * n + tailStart + lane] }
                    }
                }
                for i in 0..<m {
                    if i & 7 == 0, let budget, budget.poll() {
                        // Asked to stop: the rest stays zero and the caller's checkpoint throws.
                        (cBase + i * n).update(repeating: 0, count: (m - i) * n)
                        return
                    }
                    let aRow = aBase + i * k, cRow = cBase + i * n
                    var j = 0
                    while j + 16 <= n {
                        block16(aRow, bBase + j, cRow + j, k: k, stride: n)
                        j += 16
                    }
                    if j + 8 <= n {
                        block8(aRow, bBase + j, cRow + j, k: k, stride: n)
                        j += 8
                    }
                    if j + 4 <= n {
                        let sum = block4(aRow, bBase + j, k: k, stride: n)
                        UnsafeMutableRawPointer(cRow + j).storeBytes(of: sum, as: SIMD4<Double>.self)
                    }
                    if tail > 0, let paddedBase = padded.baseAddress {
                        let sum = block4(aRow, UnsafePointer(paddedBase), k: k, stride: 4)
                        for lane in 0..<tail { cRow[tailStart + lane] = sum[lane] }
                    }
                }
            }
        }
    }

    /// c[0..<16] = Σₚ a[p] · b[p·stride ..< p·stride + 16], four accumulators in registers.
    @inline(__always)
    private static func block16(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
                                k: Int, stride: Int) {
        var c0 = SIMD4<Double>(), c1 = SIMD4<Double>(), c2 = SIMD4<Double>(), c3 = SIMD4<Double>()
        for p in 0..<k {
            let s = SIMD4<Double>(repeating: a[p])
            let row = UnsafeRawPointer(b + p * stride)
            c0 += s * row.loadUnaligned(as: SIMD4<Double>.self)
            c1 += s * row.loadUnaligned(fromByteOffset: 32, as: SIMD4<Double>.self)
            c2 += s * row.loadUnaligned(fromByteOffset: 64, as: SIMD4<Double>.self)
            c3 += s * row.loadUnaligned(fromByteOffset: 96, as: SIMD4<Double>.self)
        }
        let out = UnsafeMutableRawPointer(c)
        out.storeBytes(of: c0, as: SIMD4<Double>.self)
        out.storeBytes(of: c1, toByteOffset: 32, as: SIMD4<Double>.self)
        out.storeBytes(of: c2, toByteOffset: 64, as: SIMD4<Double>.self)
        out.storeBytes(of: c3, toByteOffset: 96, as: SIMD4<Double>.self)
    }

    /// c[0..<8] = Σₚ a[p] · b[p·stride ..< p·stride + 8].
    @inline(__always)
    private static func block8(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
                               k: Int, stride: Int) {
        var c0 = SIMD4<Double>(), c1 = SIMD4<Double>()
        for p in 0..<k {
            let s = SIMD4<Double>(repeating: a[p])
            let row = UnsafeRawPointer(b + p * stride)
            c0 += s * row.loadUnaligned(as: SIMD4<Double>.self)
            c1 += s * row.loadUnaligned(fromByteOffset: 32, as: SIMD4<Double>.self)
        }
        let out = UnsafeMutableRawPointer(c)
        out.storeBytes(of: c0, as: SIMD4<Double>.self)
        out.storeBytes(of: c1, toByteOffset: 32, as: SIMD4<Double>.self)
    }

    /// Σₚ a[p] · b[p·stride ..< p·stride + 4].
    @inline(__always)
    private static func block4(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, k: Int, stride: Int) -> SIMD4<Double> {
        var sum = SIMD4<Double>()
        for p in 0..<k {
            sum += SIMD4<Double>(repeating: a[p]) * UnsafeRawPointer(b + p * stride).loadUnaligned(as: SIMD4<Double>.self)
        }
        return sum
    }

    /// Calls `body` with the transpose of a [rows×cols] matrix, in scratch memory
    /// (on the stack when small) rather than a new array: backward needs it only briefly.
    private static func withTransposed<Result>(
        _ a: [Double], rows: Int, cols: Int, _ body: (UnsafeBufferPointer<Double>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: rows * cols) { out in
            a.withUnsafeBufferPointer { a in
                for i in 0..<rows {
                    for j in 0..<cols { out[j * rows + i] = a[i * cols + j] }
                }
            }
            return body(UnsafeBufferPointer(out))
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
