/// The packed panels and the register-blocked micro-kernel of the matrix product.
///
/// The baseline path of ``KernelPath``. A micro-tile is `tileRows × tileColumns` entries
/// of C held in eight 2-lane registers (the width both x86-64's SSE2 and arm64's NEON
/// baselines have) while one packed panel of A and one of B are read in order of p.
/// Each entry is summed as `c += a · b`, a multiply then an add (never fused),
/// p ascending — the triple loop's order, so results do not depend on the CPU.
enum MicroKernel {
    /// Rows of C per micro-tile.
    static let tileRows = 4
    /// Columns of C per micro-tile.
    static let tileColumns = 4

    /// Doubles one packed panel of A takes for `depth` values of p: every value is stored twice,
    /// so that a 2-lane broadcast is a plain load.
    static func aPanelSize(depth: Int) -> Int { depth &* tileRows &* 2 }

    /// Doubles one packed panel of B takes for `depth` values of p.
    static func bPanelSize(depth: Int) -> Int { depth &* tileColumns }

    /// Packs rows `0..<rows` (at most ``tileRows``) and p in `0..<depth` of `a` into one panel,
    /// p-major, each value twice; missing rows are zero.
    @inline(__always)
    static func packA(_ a: MatrixView, rows: Int, depth: Int, into panel: UnsafeMutablePointer<Double>) {
        var out = panel
        for p in 0..<depth {
            var source = a.base + p &* a.columnStride
            for r in 0..<tileRows {
                let value = r < rows ? source.pointee : 0
                out[0] = value
                out[1] = value
                out += 2
                source += a.rowStride
            }
        }
    }

    /// Packs columns `0..<columns` (at most ``tileColumns``) and p in `0..<depth` of `b` into one panel,
    /// p-major; missing columns are zero.
    @inline(__always)
    static func packB(_ b: MatrixView, columns: Int, depth: Int, into panel: UnsafeMutablePointer<Double>) {
        var out = panel
        if columns == tileColumns && b.columnStride == 1 {
            for p in 0..<depth {
                let source = UnsafeRawPointer(b.base + p &* b.rowStride)
                let target = UnsafeMutableRawPointer(out)
                target.storeBytes(of: source.loadUnaligned(as: SIMD2<Double>.self), as: SIMD2<Double>.self)
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: 16, as: SIMD2<Double>.self), toByteOffset: 16,
                                  as: SIMD2<Double>.self)
                out += tileColumns
            }
            return
        }
        for p in 0..<depth {
            var source = b.base + p &* b.rowStride
            for lane in 0..<tileColumns {
                out[lane] = lane < columns ? source.pointee : 0
                source += b.columnStride
            }
            out += tileColumns
        }
    }

    /// C[0..<4, 0..<4] (row stride `ldc`) = (C if `accumulate`, else 0) + Σₚ A[·, p] · B[p, ·], p ascending.
    @inline(__always)
    static func tile(depth: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                     _ c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
        typealias Lanes = SIMD2<Double>
        let c0 = UnsafeMutableRawPointer(c), c1 = UnsafeMutableRawPointer(c + ldc)
        let c2 = UnsafeMutableRawPointer(c + 2 &* ldc), c3 = UnsafeMutableRawPointer(c + 3 &* ldc)
        var s00 = Lanes(), s01 = Lanes(), s10 = Lanes(), s11 = Lanes()
        var s20 = Lanes(), s21 = Lanes(), s30 = Lanes(), s31 = Lanes()
        if accumulate {
            s00 = c0.loadUnaligned(as: Lanes.self); s01 = c0.loadUnaligned(fromByteOffset: 16, as: Lanes.self)
            s10 = c1.loadUnaligned(as: Lanes.self); s11 = c1.loadUnaligned(fromByteOffset: 16, as: Lanes.self)
            s20 = c2.loadUnaligned(as: Lanes.self); s21 = c2.loadUnaligned(fromByteOffset: 16, as: Lanes.self)
            s30 = c3.loadUnaligned(as: Lanes.self); s31 = c3.loadUnaligned(fromByteOffset: 16, as: Lanes.self)
        }
        var pa = UnsafeRawPointer(a), pb = UnsafeRawPointer(b)
        for _ in 0..<depth {
            let b0 = pb.loadUnaligned(as: Lanes.self), b1 = pb.loadUnaligned(fromByteOffset: 16, as: Lanes.self)
            let a0 = pa.loadUnaligned(as: Lanes.self)
            s00 += a0 * b0; s01 += a0 * b1
            let a1 = pa.loadUnaligned(fromByteOffset: 16, as: Lanes.self)
            s10 += a1 * b0; s11 += a1 * b1
            let a2 = pa.loadUnaligned(fromByteOffset: 32, as: Lanes.self)
            s20 += a2 * b0; s21 += a2 * b1
            let a3 = pa.loadUnaligned(fromByteOffset: 48, as: Lanes.self)
            s30 += a3 * b0; s31 += a3 * b1
            pa += 64
            pb += 32
        }
        c0.storeBytes(of: s00, as: Lanes.self); c0.storeBytes(of: s01, toByteOffset: 16, as: Lanes.self)
        c1.storeBytes(of: s10, as: Lanes.self); c1.storeBytes(of: s11, toByteOffset: 16, as: Lanes.self)
        c2.storeBytes(of: s20, as: Lanes.self); c2.storeBytes(of: s21, toByteOffset: 16, as: Lanes.self)
        c3.storeBytes(of: s30, as: Lanes.self); c3.storeBytes(of: s31, toByteOffset: 16, as: Lanes.self)
    }
}
