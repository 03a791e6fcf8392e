import Testing
@testable import NNCore

/// The blocked matrix kernels must give exactly the sums of the plain triple loop
/// (same order of additions), so that lesson outputs never change with the kernel.
@Suite struct MatMulKernelTests {
    /// Shapes that exercise the 16-column blocks, the 4-column blocks, the scalar tail and empty sides.
    static let shapes: [(m: Int, k: Int, n: Int)] = [
        (1, 1, 1), (4, 2, 4), (4, 4, 1), (3, 5, 7), (2, 3, 16), (5, 9, 17), (32, 64, 25), (7, 33, 36), (2, 0, 3), (0, 3, 2),
    ]

    @Test(arguments: shapes)
    func productsMatchTheTripleLoopExactly(shape: (m: Int, k: Int, n: Int)) throws {
        var rng = RandomGenerator(seed: 7)
        let a = (0..<shape.m * shape.k).map { _ in rng.nextNormal() }
        let b = (0..<shape.k * shape.n).map { _ in rng.nextNormal() }
        #expect(Kernels.matmul(a, b, m: shape.m, k: shape.k, n: shape.n) == naive(a, b, m: shape.m, k: shape.k, n: shape.n))
    }

    @Test(arguments: shapes)
    func gradientsMatchTheTripleLoopExactly(shape: (m: Int, k: Int, n: Int)) throws {
        var rng = RandomGenerator(seed: 11)
        let (m, k, n) = shape
        let a = (0..<m * k).map { _ in rng.nextNormal() }
        let b = (0..<k * n).map { _ in rng.nextNormal() }
        let g = (0..<m * n).map { _ in rng.nextNormal() }
        // dA = G @ Bᵀ and dB = Aᵀ @ G, written out with explicit transposes.
        #expect(Kernels.matmulTransposedB(g, b, m: m, k: n, n: k) == naive(g, transpose(b, rows: k, cols: n), m: m, k: n, n: k))
        #expect(Kernels.matmulTransposedA(a, g, m: k, k: m, n: n) == naive(transpose(a, rows: m, cols: k), g, m: k, k: m, n: n))
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
