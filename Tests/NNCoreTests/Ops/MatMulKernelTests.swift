import Foundation
import Testing
@testable import NNCore

/// The blocked matrix kernels must give exactly the sums of the plain triple loop
/// (same order of additions), so that lesson outputs never change with the kernel.
/// Every test runs each micro-kernel this CPU has (the 2-lane baseline and, where the
/// CPU has it, AVX) and compares bit for bit.
@Suite struct MatMulKernelTests {
    /// Shapes that exercise the row kernel's 16-column blocks, 4-column blocks, scalar tail and empty sides,
    /// and the packed kernel's edge tiles, several blocks of p (k > 256), of rows (m > 64) and of columns (n > 1024).
    static let shapes: [(m: Int, k: Int, n: Int)] = [
        (1, 1, 1), (4, 2, 4), (4, 4, 1), (3, 5, 7), (2, 3, 16), (5, 9, 17), (32, 64, 25), (7, 33, 36), (2, 0, 3), (0, 3, 2),
        (67, 300, 131), (129, 517, 6), (5, 1031, 43), (3, 7, 1029), (65, 257, 65), (1, 70_000, 1),
    ]

    @Test(arguments: shapes)
    func productsMatchTheTripleLoopExactly(shape: (m: Int, k: Int, n: Int)) throws {
        var rng = RandomGenerator(seed: 7)
        let a = (0..<shape.m * shape.k).map { _ in rng.nextNormal() }
        let b = (0..<shape.k * shape.n).map { _ in rng.nextNormal() }
        let expected = bits(naive(a, b, m: shape.m, k: shape.k, n: shape.n))
        for path in KernelPath.available {
            #expect(bits(Kernels.matmul(a, b, m: shape.m, k: shape.k, n: shape.n, path: path)) == expected, "\(path)")
        }
    }

    @Test(arguments: shapes)
    func gradientsMatchTheTripleLoopExactly(shape: (m: Int, k: Int, n: Int)) throws {
        var rng = RandomGenerator(seed: 11)
        let (m, k, n) = shape
        let a = (0..<m * k).map { _ in rng.nextNormal() }
        let b = (0..<k * n).map { _ in rng.nextNormal() }
        let g = (0..<m * n).map { _ in rng.nextNormal() }
        // dA = G @ Bᵀ and dB = Aᵀ @ G, written out with explicit transposes.
        let da = bits(naive(g, transpose(b, rows: k, cols: n), m: m, k: n, n: k))
        let db = bits(naive(transpose(a, rows: m, cols: k), g, m: k, k: m, n: n))
        for path in KernelPath.available {
            #expect(bits(Kernels.matmulTransposedB(g, b, m: m, k: n, n: k, path: path)) == da, "\(path)")
            #expect(bits(Kernels.matmulTransposedA(a, g, m: k, k: m, n: n, path: path)) == db, "\(path)")
        }
    }

    /// Zeros of both signs, infinities, nan, overflow and subnormals go through the same operations as in the
    /// triple loop, in every kernel. (Which nan comes out of nan + nan is the compiler's choice, so nan is one value.)
    @Test(arguments: [(3, 5, 7), (66, 300, 70), (97, 513, 23)])
    func specialValuesMatchTheTripleLoopExactly(shape: (m: Int, k: Int, n: Int)) throws {
        let (m, k, n) = shape
        var rng = RandomGenerator(seed: 3)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 1e308, -1e-308, 5e-324, -2.5e-310]
        let a = (0..<m * k).map { i in i % 1999 == 4 ? specials[(i / 1999) % specials.count] : rng.nextNormal() }
        let b = (0..<k * n).map { i in i % 1499 == 2 ? specials[(i / 1499 + 3) % specials.count] : rng.nextNormal() }
        let b2 = (0..<k * n).map { i in i % 5 == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : 1e300 * rng.nextNormal() }
        // Subnormal products: both factors near 1e-160 multiply to below the smallest normal double.
        let tiny = (0..<k * n).map { i in i % 3 == 0 ? 1e-160 * rng.nextNormal() : rng.nextNormal() }
        let tinyA = a.map { $0 * 1e-150 }
        let zeros = [Double](repeating: -0.0, count: m * k)
        for (left, right) in [(a, b), (a, b2), (zeros, b2), (tinyA, tiny)] {
            let expected = bits(naive(left, right, m: m, k: k, n: n))
            for path in KernelPath.available {
                #expect(bits(Kernels.matmul(left, right, m: m, k: k, n: n, path: path)) == expected, "\(path)")
            }
        }
    }

    /// Products as large as these trigger the packed kernel; they must also be summed exactly like the row kernel.
    @Test func packedAndRowKernelsAgreeAroundTheThreshold() throws {
        var rng = RandomGenerator(seed: 5)
        for (m, k, n) in [(16, 64, 63), (16, 64, 64), (16, 64, 65), (64, 32, 33)] {
            let a = (0..<m * k).map { _ in rng.nextNormal() }
            let b = (0..<k * n).map { _ in rng.nextNormal() }
            #expect(m * k * n >= Kernels.packedWork - 1024 && m * k * n <= Kernels.packedWork + 2048)
            for path in KernelPath.available {
                #expect(bits(Kernels.matmul(a, b, m: m, k: k, n: n, path: path)) == bits(naive(a, b, m: m, k: k, n: n)), "\(path)")
            }
        }
    }

    /// The tile edges of both paths (4×4 and 6×8, short tiles on the bottom edge) and block edges (rows 64 and 96, p 256, columns 1024) in every
    /// direction, with operands given as strided views (the transposes backward reads).
    @Test func everyPathSumsEdgesAndBlocksLikeTheTripleLoop() throws {
        var rng = RandomGenerator(seed: 13)
        // m one to five rows past a multiple of six leaves a short tile on the bottom edge (m = 32 and 128 leave two).
        let shortEdges = [(31, 300, 16), (32, 32, 128), (33, 300, 24), (34, 130, 16), (35, 257, 16)]
        for (m, k, n) in [(95, 255, 9), (96, 256, 8), (97, 257, 7), (193, 40, 1025), (6, 2000, 16), (61, 12, 1031)] + shortEdges {
            let a = (0..<m * k).map { _ in rng.nextNormal() }
            let b = (0..<k * n).map { _ in rng.nextNormal() }
            let expected = bits(naive(a, b, m: m, k: k, n: n))
            let aT = transpose(a, rows: m, cols: k), bT = transpose(b, rows: k, cols: n)
            for path in KernelPath.available {
                #expect(bits(Kernels.matmul(a, b, m: m, k: k, n: n, path: path)) == expected, "\(path) \(m)×\(k)×\(n)")
                #expect(bits(Kernels.matmulTransposedB(a, bT, m: m, k: k, n: n, path: path)) == expected, "\(path) \(m)×\(k)×\(n)")
                #expect(bits(Kernels.matmulTransposedA(aT, b, m: m, k: k, n: n, path: path)) == expected, "\(path) \(m)×\(k)×\(n)")
            }
        }
    }

    /// Every packing of A moves each value, its bits untouched (signed zeros, nan payloads), to the place the
    /// element-by-element layout gives it: p-major panels of the tile's rows, missing rows zero. Rows 1 to a full
    /// tile, depths around the 4-value steps of the AVX transpose, and A row-major, transposed and strided.
    @Test func packingOfAPlacesEveryValueExactly() throws {
        forEachPanel(lanes: \.tileRows, size: { $0.aPanelSize(depth: $1) }) { path, view, rows, depth, panel in
            path.packA(view, rows: rows, depth: depth, into: panel)
        } expected: { path, value, rows, depth in
            // The baseline's 2-lane kernel reads each value twice in a row (a register's two lanes).
            let copies = path == .baseline ? 2 : 1
            return (0..<depth).flatMap { p in
                (0..<path.tileRows).flatMap { i in [UInt64](repeating: i < rows ? value(i, p) : 0, count: copies) }
            }
        }
    }

    /// Every packing of B moves each value, its bits untouched, to its place in a p-major panel of the tile's
    /// columns, missing columns zero: B row-major, transposed (the Wᵀ of a backward pass, packed four values of p
    /// at a time) and strided, for every column count and depths around the 4-value steps.
    @Test func packingOfBPlacesEveryValueExactly() throws {
        forEachPanel(lanes: \.tileColumns, size: { $0.bPanelSize(depth: $1) }) { path, view, columns, depth, panel in
            path.packB(view, columns: columns, depth: depth, into: panel)
        } expected: { path, value, columns, depth in
            (0..<depth).flatMap { p in (0..<path.tileColumns).map { j in j < columns ? value(p, j) : 0 } }
        }
    }

    /// Packs panels of 1 to `lanes` rows or columns and several depths, from a source laid out row-major,
    /// transposed and strided, and compares each with `expected`, given the bits of element (i, j) of the view.
    private func forEachPanel(
        lanes: KeyPath<KernelPath, Int>, size: (KernelPath, Int) -> Int,
        pack: (KernelPath, MatrixView, Int, Int, UnsafeMutablePointer<Double>) -> Void,
        expected: (KernelPath, (Int, Int) -> UInt64, Int, Int) -> [UInt64]
    ) {
        let (rowStride, columnStride) = (13, 3)
        let source = (0..<(16 * rowStride * columnStride + 64)).map { (i: Int) -> Double in
            if i % 7 == 3 { return Double(bitPattern: 0x7FF8_0000_0000_0000 | UInt64(i)) }
            return i % 5 == 1 ? -0.0 : Double(i) + 0.25
        }
        source.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for path in KernelPath.available {
                for (row, column) in [(rowStride, 1), (1, rowStride), (rowStride, columnStride)] {
                    for count in 1...path[keyPath: lanes] {
                        for depth in [0, 1, 3, 4, 5, 8, 11] {
                            var panel = [Double](repeating: 1, count: size(path, depth))
                            panel.withUnsafeMutableBufferPointer { out in
                                guard let target = out.baseAddress else { return }
                                pack(path, MatrixView(base, rowStride: row, columnStride: column), count, depth, target)
                            }
                            let want = expected(path, { i, j in source[i * row + j * column].bitPattern }, count, depth)
                            #expect(panel.map(\.bitPattern) == want, "\(path) \(count) lanes, depth \(depth), strides \(row), \(column)")
                        }
                    }
                }
            }
        }
    }

    /// Tiles on the bottom edge of C are summed in place by the AVX path, for the rows of C that exist:
    /// every value past C stays untouched.
    @Test func bottomEdgeTilesWriteNothingPastC() throws {
        var rng = RandomGenerator(seed: 17)
        for (m, k, n) in [(31, 300, 16), (32, 32, 128), (33, 300, 24), (34, 130, 16), (128, 70, 32)] {
            #expect(m * k * n >= Kernels.packedWork, "\(m)×\(k)×\(n) must take the packed kernel")
            let a = (0..<m * k).map { _ in rng.nextNormal() }
            let b = (0..<k * n).map { _ in rng.nextNormal() }
            let expected = bits(naive(a, b, m: m, k: k, n: n))
            for path in KernelPath.available {
                let guardValue = Double(bitPattern: 0x7FF8_0000_0000_1234)
                var c = [Double](repeating: guardValue, count: m * n + 6 * n)
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        c.withUnsafeMutableBufferPointer { c in
                            guard let (pa, pb, pc) = zip3(a.baseAddress, b.baseAddress, c.baseAddress) else { return }
                            Kernels.multiply(MatrixView(rowMajor: pa, columns: k), MatrixView(rowMajor: pb, columns: n), into: pc,
                                             m: m, k: k, n: n, path: path)
                        }
                    }
                }
                #expect(bits(Array(c[..<(m * n)])) == expected, "\(path) \(m)×\(k)×\(n)")
                #expect(c[(m * n)...].allSatisfy { $0.bitPattern == guardValue.bitPattern }, "\(path) \(m)×\(k)×\(n) wrote past C")
            }
        }
    }

    private func zip3<A, B, C>(_ a: A?, _ b: B?, _ c: C?) -> (A, B, C)? {
        guard let a, let b, let c else { return nil }
        return (a, b, c)
    }

    /// A CPU whose flags list AVX must get the AVX path, so that the tests above really compare two kernels here.
    @Test func theAVXPathIsChosenWhereTheCPUHasIt() throws {
        #if os(Linux) && arch(x86_64)
        let info = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = info.split(separator: "\n").first { $0.hasPrefix("flags") }.map { Set($0.split(separator: " ").map(String.init)) } ?? []
        #expect(KernelPath.preferred == (flags.contains("avx") ? .avx : .baseline))
        #expect(KernelPath.available.count == (flags.contains("avx") ? 2 : 1))
        #else
        #expect(KernelPath.preferred == .baseline)
        #endif
    }

    private func bits(_ values: [Double]) -> [UInt64] {
        values.map { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern }
    }

    private func naive(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k { sum += a[i * k + p] * b[p * n + j] }
                c[i * n + j] = sum
            }
        }
        return c
    }

    private func transpose(_ a: [Double], rows: Int, cols: Int) -> [Double] {
        var out = [Double](repeating: 0, count: rows * cols)
        for i in 0..<rows { for j in 0..<cols { out[j * rows + i] = a[i * cols + j] } }
        return out
    }
}
