/// The cache-blocked matrix product C = A · B over packed panels.
///
/// Loops as in Goto and van de Geijn's GEMM: a block of B (`depthBlock` values of p ×
/// `columnBlock` columns) is packed into panels of a micro-tile's columns, a block of A
/// (the path's `rowBlock` rows × the same p) into panels of its rows, and the micro-kernel
/// of the ``KernelPath`` walks the tiles of C. Blocks of p are taken in ascending
/// order and each continues the sums the previous one stored in C, so every entry
/// of C is still Σₚ a·b with p ascending: bit-identical to the plain triple loop.
extension Kernels {
    /// Values of p per packed block: one panel of A and one of B stay in the L1 cache.
    static let depthBlock = 256
    /// Columns of B per packed block (a multiple of every path's tile columns).
    static let columnBlock = 1024
    /// Multiply-adds below which packing does not pay: ``RowKernel`` takes those products.
    static let packedWork = 65_536

    /// Writes C = A · B into `c` (row-major, m × n, every entry written).
    ///
    /// `stop` is polled before each packed block of A; when it returns true the product ends
    /// early, C is filled with zeros, and false is returned. `path` picks the micro-kernel
    /// (tests run every available one; the results are the same).
    static func multiply(_ a: MatrixView, _ b: MatrixView, into c: UnsafeMutablePointer<Double>,
                         m: Int, k: Int, n: Int, stop: (() -> Bool)? = nil, path: KernelPath = .preferred) -> Bool {
        guard m > 0, n > 0 else { return true }
        guard k > 0 else {
            c.initialize(repeating: 0, count: m &* n)
            return true
        }
        if m &* k &* n <= TinyProduct.maxWork {
            TinyProduct.multiply(a, b, into: c, m: m, k: k, n: n)
            return true
        }
        if m &* k &* n < packedWork {
            RowKernel.multiply(a, b, into: c, m: m, k: k, n: n, path: path)
            return true
        }
        let (tileRows, tileColumns, rowBlock) = (path.tileRows, path.tileColumns, path.rowBlock)
        let depth = Swift.min(k, depthBlock)
        let rowsPacked = Swift.min(roundedUp(m, to: tileRows), rowBlock)
        let columnsPacked = Swift.min(roundedUp(n, to: tileColumns), columnBlock)
        let aSize = path.aPanelSize(depth: depth) &* (rowsPacked / tileRows)
        let bSize = path.bPanelSize(depth: depth) &* (columnsPacked / tileColumns)
        let edgeSize = tileRows &* tileColumns
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: aSize &+ bSize &+ edgeSize) { scratch in
            guard let aPacked = scratch.baseAddress else { return true }
            let bPacked = aPacked + aSize, edge = bPacked + bSize
            for jc in Swift.stride(from: 0, to: n, by: columnBlock) {
                let columns = Swift.min(columnBlock, n &- jc)
                for pc in Swift.stride(from: 0, to: k, by: depthBlock) {
                    let steps = Swift.min(depthBlock, k &- pc)
                    for jr in Swift.stride(from: 0, to: columns, by: tileColumns) {
                        path.packB(b.offset(row: pc, column: jc &+ jr), columns: Swift.min(tileColumns, columns &- jr),
                                   depth: steps, into: bPacked + (jr / tileColumns) &* path.bPanelSize(depth: steps))
                    }
                    for ic in Swift.stride(from: 0, to: m, by: rowBlock) {
                        if let stop, stop() {
                            c.update(repeating: 0, count: m &* n)
                            return false
                        }
                        let rows = Swift.min(rowBlock, m &- ic)
                        for ir in Swift.stride(from: 0, to: rows, by: tileRows) {
                            path.packA(a.offset(row: ic &+ ir, column: pc), rows: Swift.min(tileRows, rows &- ir),
                                       depth: steps, into: aPacked + (ir / tileRows) &* path.aPanelSize(depth: steps))
                        }
                        for jr in Swift.stride(from: 0, to: columns, by: tileColumns) {
                            let bPanel = UnsafePointer(bPacked + (jr / tileColumns) &* path.bPanelSize(depth: steps))
                            let tileWidth = Swift.min(tileColumns, columns &- jr)
                            for ir in Swift.stride(from: 0, to: rows, by: tileRows) {
                                let aPanel = UnsafePointer(aPacked + (ir / tileRows) &* path.aPanelSize(depth: steps))
                                let offset = (ic &+ ir) &* n &+ jc &+ jr
                                let target = c + offset
                                let tileHeight = Swift.min(tileRows, rows &- ir)
                                if tileHeight == tileRows && tileWidth == tileColumns {
                                    path.tile(depth: steps, aPanel, bPanel, target, ldc: n, accumulate: pc > 0)
                                } else if tileWidth == tileColumns && tileHeight <= path.shortTileRows {
                                    // The bottom edge (m = 32 or 128 leaves two rows of a 6-row tile): only its rows are summed.
                                    path.shortTile(depth: steps, aPanel, bPanel, target, ldc: n, accumulate: pc > 0, rows: tileHeight)
                                } else {
                                    // A tile on the edge of C is summed in scratch; only its real entries are copied.
                                    copy(rows: tileHeight, columns: tileWidth, from: target, stride: n, to: edge, stride: tileColumns,
                                         when: pc > 0)
                                    path.tile(depth: steps, aPanel, bPanel, edge, ldc: tileColumns, accumulate: pc > 0)
                                    copy(rows: tileHeight, columns: tileWidth, from: edge, stride: tileColumns, to: target, stride: n,
                                         when: true)
                                }
                            }
                        }
                    }
                }
            }
            return true
        }
    }

    @inline(__always)
    private static func copy(rows: Int, columns: Int, from source: UnsafeMutablePointer<Double>, stride sourceStride: Int,
                             to target: UnsafeMutablePointer<Double>, stride targetStride: Int, when condition: Bool) {
        guard condition else { return }
        for r in 0..<rows {
            for q in 0..<columns { target[r &* targetStride &+ q] = source[r &* sourceStride &+ q] }
        }
    }

    @inline(__always)
    private static func roundedUp(_ value: Int, to multiple: Int) -> Int {
        (value &+ multiple &- 1) / multiple &* multiple
    }
}
