import Testing
@testable import NNCore

/// `split` and `chunk`: PyTorch's piece sizes, values, gradients through one shared array, and errors.
@Suite struct SplitTests {
    static func arange(_ shape: [Int]) throws -> Tensor {
        try Tensor((0..<shape.reduce(1, *)).map(Double.init), shape: shape)
    }

    /// Piece sizes as `torch.chunk` gives them (PyTorch 2.13): ⌈n / parts⌉ each, the last shorter,
    /// so 6 in 4 gives three pieces and 2 in 5 gives two; an empty axis gives `parts` empty pieces.
    @Test(arguments: [(6, 4, [2, 2, 2]), (10, 3, [4, 4, 2]), (2, 5, [1, 1]), (0, 3, [0, 0, 0]), (8, 4, [2, 2, 2, 2]), (5, 1, [5]), (7, 7, [1, 1, 1, 1, 1, 1, 1])])
    func chunkSizesFollowPyTorch(_ example: (length: Int, parts: Int, sizes: [Int])) throws {
        let pieces = try Self.arange([example.length]).chunk(example.parts)
        #expect(pieces.map { $0.shape[0] } == example.sizes)
        #expect(pieces.flatMap(\.data) == (0..<example.length).map(Double.init))
    }

    /// torch.arange(24.).reshape(2, 3, 4).split([1, 3], dim=2) and .chunk(2, dim=1), value for value.
    @Test func piecesHoldTheValuesPyTorchGives() throws {
        let x = try Self.arange([2, 3, 4])
        let byColumns = try x.split(sizes: [1, 3], axis: -1)
        #expect(byColumns[0].shape == [2, 3, 1])
        #expect(byColumns[0].data == [0, 4, 8, 12, 16, 20])
        #expect(byColumns[1].shape == [2, 3, 3])
        #expect(byColumns[1].data == [1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15, 17, 18, 19, 21, 22, 23])
        let byRows = try x.chunk(2, axis: 1)
        #expect(byRows.map(\.shape) == [[2, 2, 4], [2, 1, 4]])
        #expect(byRows[0].data == [0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18, 19])
        #expect(byRows[1].data == [8, 9, 10, 11, 20, 21, 22, 23])
        let empty = try x.split(sizes: [0, 2, 0], axis: 0)
        #expect(empty.map(\.shape) == [[0, 3, 4], [2, 3, 4], [0, 3, 4]])
        #expect(empty[1].data == x.data)
    }

    @Test(arguments: [0, 1, 2])
    func gradientsAgreeWithFiniteDifferences(_ axis: Int) throws {
        let x = try GradcheckAllOpsTests.random([3, 4, 5], seed: UInt64(40 + axis))
        let result = try Gradcheck.check({ inputs in
            let pieces = try inputs[0].chunk(2, axis: axis)
            // Different functions of each piece, so a gradient sent to the wrong place would show.
            return try pieces[0].tanh().sum() + (try pieces[1].exp() * Tensor(0.5)).sum()
        }, at: [x])
        #expect(result.passed, "axis \(axis): \(result.maxErrors)")
    }

    /// Pieces without a gradient leave zeros in the shared array; another use of the input adds to it.
    @Test func unusedPiecesLeaveZerosAndOtherUsesAdd() throws {
        let x = Tensor(uncheckedData: (0..<12).map { Double($0) / 4 }, shape: [3, 4], requiresGrad: true)
        let pieces = try x.split(sizes: [1, 2, 1], axis: 1)
        let loss = try (try pieces[1] * Tensor(3.0)).sum() + x.sum()
        try loss.backward()
        #expect(x.grad?.data == [1, 4, 4, 1, 1, 4, 4, 1, 1, 4, 4, 1])

        let y = Tensor(uncheckedData: [1, 2, 3, 4, 5, 6], shape: [6], requiresGrad: true)
        try (try y.chunk(3)[2] * Tensor(2.0)).sum().backward()
        #expect(y.grad?.data == [0, 0, 0, 0, 2, 2])
    }

    /// The LSTM step's gates through one split give exactly the gradients they gave as four column slices.
    @Test func anLSTMStepKeepsItsGradientsBitForBit() throws {
        func inputs() throws -> [Tensor] {
            var rng = RandomGenerator(seed: 9)
            return try [[4, 3], [4, 5], [4, 5], [3, 20], [5, 20], [20]].map {
                Tensor(uncheckedData: try Tensor.randn($0, using: &rng).data, shape: $0, requiresGrad: true)
            }
        }
        let a = try inputs()
        let step = try Tensor.lstmStep(a[0], a[1], a[2], wx: a[3], wh: a[4], bias: a[5])
        try (try step.h * step.h + step.c).sum().backward()

        let b = try inputs()
        let gates = try Tensor.matmul(b[0], b[3]) + Tensor.matmul(b[1], b[4]) + b[5]
        let parts = try (0..<4).map { k in try gates.indexed([.all, .slice(start: 5 * k, stop: 5 * k + 5, step: nil)]) }
        let c = try parts[1].sigmoid() * b[2] + parts[0].sigmoid() * parts[2].tanh()
        let h = try parts[3].sigmoid() * c.tanh()
        try (try h * h + c).sum().backward()

        #expect(step.h.data == h.data)
        for (new, old) in zip(a, b) { #expect(new.grad?.data == old.grad?.data) }
    }

    /// explain shows each piece's term in the input's full shape.
    @Test func explainShowsEachPieceInPlace() throws {
        let x = Tensor(uncheckedData: [1, 2, 3, 4], shape: [1, 4], requiresGrad: true)
        x.label = "x"
        let pieces = try x.chunk(2, axis: 1)
        let loss = try (try pieces[0] * Tensor(2.0)).sum() + pieces[1].sum()
        let report = try loss.explainReport()
        #expect(report.contains("in its place in the gradient of x = [[0.0000, 0.0000, 1.0000, 1.0000]]"), "\(report)")
        #expect(report.contains("in its place in the gradient of x = [[2.0000, 2.0000, 0.0000, 0.0000]]"), "\(report)")
    }

    @Test func mistakesAreExplained() throws {
        let x = try Self.arange([2, 3])
        #expect(throws: CoreError.self) { try x.split(sizes: [1, 1], axis: 1) }
        #expect(throws: CoreError.self) { try x.split(sizes: [4, -1], axis: 1) }
        #expect(throws: CoreError.self) { try x.split(sizes: [Int.max, Int.max, 3], axis: 1) }
        #expect(throws: CoreError.self) { try x.split(sizes: [3], axis: 2) }
        #expect(throws: CoreError.self) { try x.chunk(0) }
        #expect(throws: CoreError.self) { try Tensor(2.0).chunk(2) }
        do {
            _ = try x.split(sizes: [1, 1], axis: 1)
        } catch let error as CoreError {
            #expect("\(error)".contains("sizes 1, 1 add up to 2, but axis 1 has size 3"), "\(error)")
        }
    }
}
