/// The inner loops of the matrix products, over raw buffers.
///
/// Every product sums over the inner dimension in order, one multiply and one add
/// per step, so results are bit-identical to the plain triple loop on every CPU;
/// see ``MicroKernel`` and `multiply(_:_:into:m:k:n:stop:)` for the blocking.
enum Kernels {
    /// Multiply-adds (m·k·n) from which a product polls the running program's budget (about 4 ms of work).
    static let pollingWork = 1 << 22

    /// C[m×n] = A[m×k] · B[k×n].
    static func matmul(_ a: some ContiguousValues, _ b: some ContiguousValues, m: Int, k: Int, n: Int, path: KernelPath = .preferred) -> [Double] {
        product(a, b, m: m, k: k, n: n, path: path) { MatrixView(rowMajor: $0, columns: k) } right: { MatrixView(rowMajor: $0, columns: n) }
    }

    /// C[m×n] = A[m×k] · Bᵀ, where B is stored as [n×k]; the transpose is a view.
    static func matmulTransposedB(_ a: some ContiguousValues, _ b: some ContiguousValues, m: Int, k: Int, n: Int, path: KernelPath = .preferred) -> [Double] {
        product(a, b, m: m, k: k, n: n, path: path) { MatrixView(rowMajor: $0, columns: k) } right: { MatrixView(transposing: $0, columns: k) }
    }

    /// C[m×n] = Aᵀ · B, where A is stored as [k×m] and B as [k×n]; the transpose is a view.
    static func matmulTransposedA(_ a: some ContiguousValues, _ b: some ContiguousValues, m: Int, k: Int, n: Int, path: KernelPath = .preferred) -> [Double] {
        product(a, b, m: m, k: k, n: n, path: path) { MatrixView(transposing: $0, columns: m) } right: { MatrixView(rowMajor: $0, columns: n) }
    }

    /// A new m×n array holding the product of views of `a` and `b`.
    @inline(__always)
    private static func product(_ a: some ContiguousValues, _ b: some ContiguousValues, m: Int, k: Int, n: Int, path: KernelPath,
                                left: (UnsafePointer<Double>) -> MatrixView,
                                right: (UnsafePointer<Double>) -> MatrixView) -> [Double] {
        [Double](count: m &* n) { c in
            guard let cBase = c.baseAddress else { return }
            a.withValues { a in
                b.withValues { b in
                    // An empty side has no address; its view is never read, so any pointer serves.
                    let fallback = UnsafePointer(cBase)
                    multiply(left(a.baseAddress ?? fallback), right(b.baseAddress ?? fallback), into: cBase, m: m, k: k, n: n,
                             path: path)
                }
            }
        }
    }

    /// Writes C = A · B into `c` (m × n, row-major). A long product polls the running program's
    /// budget; asked to stop, it leaves C zero and the caller's checkpoint throws.
    static func multiply(_ a: MatrixView, _ b: MatrixView, into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int,
                         path: KernelPath = .preferred) {
        let budget = m &* k &* n >= pollingWork ? ResourceBudget.current : nil
        _ = multiply(a, b, into: c, m: m, k: k, n: n, stop: budget.map { budget in { budget.poll() } }, path: path)
    }

    /// The transpose of a row-major [rows×cols] matrix.
    static func transpose(_ a: [Double], rows: Int, cols: Int) -> [Double] {
        [Double](count: rows * cols) { out in
            a.withUnsafeBufferPointer { a in
                for i in 0..<rows {
                    for j in 0..<cols { out[j * rows + i] = a[i * cols + j] }
                }
            }
        }
    }
}

/// Values a kernel reads in place: an array, or what an op reads of a tensor (``ReadableValues``).
protocol ContiguousValues {
    /// Calls `body` with the values, contiguous and in place.
    func withValues<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R
}

extension Array: ContiguousValues where Element == Double {
    @inline(__always)
    func withValues<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R { withUnsafeBufferPointer(body) }
}

extension ReadableValues: ContiguousValues {
    @inline(__always)
    func withValues<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
        switch self {
        case .array(let values): values.withUnsafeBufferPointer(body)
        case .window(let window): window.rows.withUnsafeBufferPointer(body)
        }
    }
}
