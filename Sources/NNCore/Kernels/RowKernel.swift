/// The matrix product for small matrices, where packing panels would cost more than it saves.
///
/// One row of C at a time, in blocks of 16, 8 and 4 columns held in registers while
/// the inner dimension is summed in order (bit-identical to the triple loop, like the
/// packed kernel); the last n % 4 columns of B are copied into zero-padded lanes.
/// This is the baseline path; the AVX path runs the same loops in 4-lane registers.
enum RowKernel {
    /// Writes C = A · B into `c` (row-major, m × n); a transposed side is first copied into rows.
    static func multiply(_ a: MatrixView, _ b: MatrixView, into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int,
                         path: KernelPath) {
        withRows(a, rows: m, columns: k) { a in
            withRows(b, rows: k, columns: n) { b in path.rowProduct(a, b, into: c, m: m, k: k, n: n) }
        }
    }

    /// Calls `body` with the view's entries as a row-major matrix: the view's own memory when it
    /// already is one, otherwise a copy in scratch memory (on the stack when small).
    @inline(__always)
    private static func withRows(_ view: MatrixView, rows: Int, columns: Int, _ body: (UnsafePointer<Double>) -> Void) {
        if view.columnStride == 1 && (view.rowStride == columns || rows <= 1) {
            body(view.base)
            return
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: rows &* columns) { scratch in
            guard let out = scratch.baseAddress else { return }
            for i in 0..<rows {
                for j in 0..<columns { out[i &* columns &+ j] = view.base[i &* view.rowStride &+ j &* view.columnStride] }
            }
            body(UnsafePointer(out))
        }
    }

    static func product(_ aBase: UnsafePointer<Double>, _ bBase: UnsafePointer<Double>, into cBase: UnsafeMutablePointer<Double>,
                                m: Int, k: Int, n: Int) {
        let tail = n % 4, tailStart = n - tail
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
}
