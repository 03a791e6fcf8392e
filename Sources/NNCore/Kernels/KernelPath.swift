internal import CKernels

/// The kernels a product can run. All of them sum every entry of C over p in
/// ascending order with a multiply then an add, so they give bit-identical results and only
/// the speed depends on the CPU.
enum KernelPath: Sendable, CaseIterable {
    /// Swift's 2-lane SIMD (``MicroKernel``): the x86-64 (SSE2) and arm64 (NEON) baselines.
    case baseline
    /// The 4-lane AVX kernels of the CKernels target, on x86-64 CPUs that have AVX.
    case avx

    /// The fastest path this CPU runs, chosen once when first needed.
    static let preferred: KernelPath = nn_kernel_has_avx() != 0 ? .avx : .baseline

    /// The paths this CPU can run, the baseline first.
    static var available: [KernelPath] { preferred == .avx ? [.baseline, .avx] : [.baseline] }

    /// Rows of C per micro-tile.
    var tileRows: Int {
        switch self {
        case .baseline: MicroKernel.tileRows
        case .avx: Int(NN_AVX_TILE_ROWS)
        }
    }

    /// Columns of C per micro-tile.
    var tileColumns: Int {
        switch self {
        case .baseline: MicroKernel.tileColumns
        case .avx: Int(NN_AVX_TILE_COLUMNS)
        }
    }

    /// Rows of A per packed block (a multiple of ``tileRows``): one packed block of A stays in the L2 cache.
    var rowBlock: Int {
        switch self {
        case .baseline: 64
        case .avx: 96
        }
    }

    /// Doubles one packed panel of A takes for `depth` values of p.
    func aPanelSize(depth: Int) -> Int {
        switch self {
        case .baseline: MicroKernel.aPanelSize(depth: depth)
        case .avx: depth &* tileRows
        }
    }

    /// Doubles one packed panel of B takes for `depth` values of p.
    func bPanelSize(depth: Int) -> Int { depth &* tileColumns }

    /// Packs rows `0..<rows` (at most ``tileRows``) and p in `0..<depth` of `a` into one panel.
    @inline(__always)
    func packA(_ a: MatrixView, rows: Int, depth: Int, into panel: UnsafeMutablePointer<Double>) {
        switch self {
        case .baseline: MicroKernel.packA(a, rows: rows, depth: depth, into: panel)
        case .avx: nn_avx_pack_a(a.base, a.rowStride, a.columnStride, rows, depth, panel)
        }
    }

    /// Packs columns `0..<columns` (at most ``tileColumns``) and p in `0..<depth` of `b` into one panel.
    @inline(__always)
    func packB(_ b: MatrixView, columns: Int, depth: Int, into panel: UnsafeMutablePointer<Double>) {
        switch self {
        case .baseline: MicroKernel.packB(b, columns: columns, depth: depth, into: panel)
        case .avx: nn_avx_pack_b(b.base, b.rowStride, b.columnStride, columns, depth, panel)
        }
    }

    /// C = A · B for row-major A and B too small to pack (see ``RowKernel``).
    @inline(__always)
    func rowProduct(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
                    m: Int, k: Int, n: Int) {
        switch self {
        case .baseline: RowKernel.product(a, b, into: c, m: m, k: k, n: n)
        case .avx: nn_avx_row_product(a, b, c, m, k, n)
        }
    }

    /// The most rows of a tile on the bottom edge of C that ``shortTile(depth:_:_:_:ldc:accumulate:rows:)``
    /// sums in place (0: the path has none, and such tiles are summed in scratch).
    var shortTileRows: Int {
        switch self {
        case .baseline: 0
        case .avx: 4
        }
    }

    /// Rows `0..<rows` (at most ``shortTileRows``) of one tile of C, as ``tile(depth:_:_:_:ldc:accumulate:)``
    /// sums them, touching no other row of C.
    @inline(__always)
    func shortTile(depth: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
                   ldc: Int, accumulate: Bool, rows: Int) {
        switch self {
        case .baseline: break
        case .avx: nn_avx_tile_short(depth, a, b, c, ldc, accumulate ? 1 : 0, rows)
        }
    }

    /// One tile of C (row stride `ldc`) = (C if `accumulate`, else 0) + the packed panels' product, p ascending.
    @inline(__always)
    func tile(depth: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
              ldc: Int, accumulate: Bool) {
        switch self {
        case .baseline: MicroKernel.tile(depth: depth, a, b, c, ldc: ldc, accumulate: accumulate)
        case .avx: nn_avx_tile(depth, a, b, c, ldc, accumulate ? 1 : 0)
        }
    }
}
