import Testing
@testable import NNCore

/// The blocked matrix kernels must give exactly the sums of the plain triple loop
/// (same order of additions), so that lesson outputs never change with the kernel.
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
        #expect(bits(Kernels.matmul(a, b, m: shape.m, k: shape.k, n: shape.n)) == bits(naive(a, b, m: shape.m, k: shape.k, n: shape.n)))
    }

    @Test(arguments: shapes)
    func gradientsMatchTheTripleLoopExactly(shape: (m: Int, k: Int, n: Int)) throws {
        var rng = RandomGenerator(seed: 11)
        let (m, k, n) = shape
        let a = (0..<m * k).map { _ in rng.nextNormal() }
        let b = (0..<k * n).map { _ in rng.nextNormal() }
        let g = (0..<m * n).map { _ in rng.nextNormal() }
        // dA = G @ Bᵀ and dB = Aᵀ @ G, written out with explicit transposes.
        #expect(bits(Kernels.matmulTransposedB(g, b, m: m, k: n, n: k)) == bits(naive(g, transpose(b, rows: k, cols: n), m: m, k: n, n: k)))
        #expect(bits(Kernels.matmulTransposedA(a, g, m: k, k: m, n: n)) == bits(naive(transpose(a, rows: m, cols: k), g, m: k, k: m, n: n)))
    }

    /// Zeros of both signs, infinities, nan, overflow and subnormals go through the same operations as in the
    /// triple loop, in every kernel. (Which nan comes out of nan + nan is the compiler's choice, so nan is one value.)
    @Test(arguments: [(3, 5, 7), (66, 300, 70)])
    func specialValuesMatchTheTripleLoopExactly(shape: (m: Int, k: Int, n: Int)) throws {
        let (m, k, n) = shape
        var rng = RandomGenerator(seed: 3)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 1e308, -1e-308]
        let a = (0..<m * k).map { i in i % 1999 == 4 ? specials[(i / 1999) % specials.count] : rng.nextNormal() }
        let b = (0..<k * n).map { i in i % 1499 == 2 ? specials[(i / 1499 + 3) % specials.count] : rng.nextNormal() }
        let b2 = (0..<k * n).map { i in i % 5 == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : 1e300 * rng.nextNormal() }
        #expect(bits(Kernels.matmul(a, b, m: m, k: k, n: n)) == bits(naive(a, b, m: m, k: k, n: n)))
        #expect(bits(Kernels.matmul(a, b2, m: m, k: k, n: n)) == bits(naive(a, b2, m: m, k: k, n: n)))
        let zeros = [Double](repeating: -0.0, count: m * k)
        #expect(bits(Kernels.matmul(zeros, b2, m: m, k: k, n: n)) == bits(naive(zeros, b2, m: m, k: k, n: n)))
    }

    /// Products as large as these trigger the packed kernel; they must also be summed exactly like the row kernel.
    @Test func packedAndRowKernelsAgreeAroundTheThreshold() throws {
        var rng = RandomGenerator(seed: 5)
        for (m, k, n) in [(16, 64, 63), (16, 64, 64), (16, 64, 65), (64, 32, 33)] {
            let a = (0..<m * k).map { _ in rng.nextNormal() }
            let b = (0..<k * n).map { _ in rng.nextNormal() }
            #expect(m * k * n >= Kernels.packedWork - 1024 && m * k * n <= Kernels.packedWork + 2048)
            #expect(bits(Kernels.matmul(a, b, m: m, k: k, n: n)) == bits(naive(a, b, m: m, k: k, n: n)))
        }
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
