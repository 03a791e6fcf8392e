/// A read-only matrix in memory with arbitrary strides: element (i, j) is at
/// `base[i · rowStride + j · columnStride]`, so a transpose is a view, not a copy.
struct MatrixView {
    let base: UnsafePointer<Double>
    let rowStride: Int
    let columnStride: Int

    /// A row-major [rows × columns] matrix.
    init(rowMajor base: UnsafePointer<Double>, columns: Int) {
        self.init(base, rowStride: columns, columnStride: 1)
    }

    /// The transpose of a row-major matrix with `columns` columns: element (i, j) is stored at j · columns + i.
    init(transposing base: UnsafePointer<Double>, columns: Int) {
        self.init(base, rowStride: 1, columnStride: columns)
    }

    init(_ base: UnsafePointer<Double>, rowStride: Int, columnStride: Int) {
        (self.base, self.rowStride, self.columnStride) = (base, rowStride, columnStride)
    }

    /// The view starting at element (row, column).
    @inline(__always)
    func offset(row: Int, column: Int) -> MatrixView {
        MatrixView(base + (row &* rowStride &+ column &* columnStride), rowStride: rowStride, columnStride: columnStride)
    }
}
