/// The matrix product for the smallest matrices (a 4×2 by 2×4 batch of XOR), where the row
/// kernel's setup (copying a transposed side into rows, padding the last columns, choosing
/// a path) costs more than the multiply-adds themselves.
///
/// The plain triple loop over the views' strides: each entry of C is Σₚ a·b with p
/// ascending, one multiply and one add per step, the order every other path keeps.
enum TinyProduct {
    /// Multiply-adds (m·k·n) up to which products take this loop.
    static let maxWork = 128

    /// Writes C = A · B into `c` (row-major, m × n).
    static func multiply(_ a: MatrixView, _ b: MatrixView, into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) {
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    sum += a.base[i &* a.rowStride &+ p &* a.columnStride] * b.base[p &* b.rowStride &+ j &* b.columnStride]
                }
                c[i &* n &+ j] = sum
            }
        }
    }
}
