import Testing
@testable import NNCore

/// Slices of leading rows (`X[i:i+k]`, `X[i]`, `X[a:b, :]`) read their rows in place when they are
/// large; they must give the values and gradients of a copy and behave exactly as one when either
/// side is written, and be charged to the budget as a copy is.
@Suite struct RowWindowTests {
    /// A [rows × 64] tensor of distinct values, so every view is above the copying threshold.
    private func source(rows: Int = 40, requiresGrad: Bool = false) throws -> Tensor {
        let values = (0..<rows * 64).map { (i: Int) -> Double in Double(i) * 0.25 - 7 }
        return try Tensor(values, shape: [rows, 64], requiresGrad: requiresGrad)
    }

    /// The same selection through the strided path (`step: 1` is not `:`), which copies.
    private func copied(_ x: Tensor, _ specs: [IndexSpec]) throws -> Tensor {
        let strided = specs.map { (spec: IndexSpec) -> IndexSpec in
            if case .slice(let start, let stop, nil) = spec { return .slice(start: start, stop: stop, step: 1) }
            return spec
        }
        return try x.indexed(strided.count == 1 ? strided + [.slice(start: nil, stop: nil, step: 1)] : strided)
    }

    @Test func rowSlicesHoldTheValuesOfACopy() throws {
        let x = try source()
        let cases: [[IndexSpec]] = [
            [.slice(start: 3, stop: 20, step: nil)], [.slice(start: -12, stop: nil, step: nil)],
            [.slice(start: 30, stop: 1000, step: nil)], [.slice(start: 8, stop: 16, step: nil), .all],
            [.slice(start: nil, stop: nil, step: nil)],
        ]
        for specs in cases {
            let view = try x.indexed(specs), copy = try copied(x, specs)
            #expect(view.readsInPlace, "\(specs)")
            #expect(view.shape == copy.shape)
            #expect(view.count == copy.count)
            #expect(view.data.map(\.bitPattern) == copy.data.map(\.bitPattern), "\(specs)")
        }
        let wide = try Tensor((0..<3 * 600).map(Double.init), shape: [3, 600])
        let row = try wide.indexed([.at(-2)])
        #expect(row.readsInPlace && row.shape == [600] && row.data == (600..<1200).map(Double.init))
        // Small blocks are copied: sharing them costs more than the copy.
        #expect(try !x.indexed([.at(1)]).readsInPlace)
        #expect(try !x.indexed([.slice(start: 0, stop: 7, step: nil)]).readsInPlace)
    }

    @Test func boundsAndEmptySlicesAsBefore() throws {
        let x = try source()
        #expect(throws: CoreError.self) { try x.indexed([.at(40)]) }
        #expect(throws: CoreError.self) { try x.indexed([.at(-41), .all]) }
        let empty = try x.indexed([.slice(start: 20, stop: 10, step: nil)])
        #expect(empty.shape == [0, 64] && empty.count == 0)
    }

    @Test func gradientsFlowIntoTheSourceRows() throws {
        var rng = RandomGenerator(seed: 4)
        let x = try source(rows: 30, requiresGrad: true)
        let w = try Tensor((0..<64 * 5).map { _ in rng.nextNormal() }, shape: [64, 5], requiresGrad: true)
        let g = try Tensor((0..<10 * 5).map { _ in rng.nextNormal() }, shape: [10, 5])
        let view = try x.indexed([.slice(start: 12, stop: 22, step: nil)])
        #expect(view.readsInPlace)
        try Tensor.matmul(view, w).backward(upstream: g)
        let (viewX, viewW) = (x.grad?.data ?? [], w.grad?.data ?? [])
        x.zeroGrad()
        w.zeroGrad()
        try Tensor.matmul(try copied(x, [.slice(start: 12, stop: 22, step: nil)]), w).backward(upstream: g)
        #expect(viewX.map(\.bitPattern) == (x.grad?.data ?? []).map(\.bitPattern))
        #expect(viewW.map(\.bitPattern) == (w.grad?.data ?? []).map(\.bitPattern))
        #expect(viewX[0..<(12 * 64)].allSatisfy { $0 == 0 } && viewX[(22 * 64)...].allSatisfy { $0 == 0 })
    }

    @Test func writingTheSliceLeavesTheSourceAlone() throws {
        let x = try source()
        let before = x.data
        let view = try x.indexed([.slice(start: 5, stop: 15, step: nil)])
        try view.setIndexed([.at(0)], to: Tensor(99.0))
        #expect(view.data[0..<64].allSatisfy { $0 == 99 } && !view.readsInPlace)
        #expect(x.data == before)
        let other = try x.indexed([.slice(start: 5, stop: 15, step: nil)])
        try other.assign([Double](repeating: 1, count: other.count))
        #expect(x.data == before && other.data.allSatisfy { $0 == 1 })
    }

    @Test func writingTheSourceLeavesTheSliceAlone() throws {
        let x = try source()
        let view = try x.indexed([.slice(start: 5, stop: 15, step: nil)])
        let expected = try copied(x, [.slice(start: 5, stop: 15, step: nil)]).data
        let address = x.data.withUnsafeBufferPointer { $0.baseAddress }
        try x.setIndexed([.slice(start: 0, stop: 10, step: nil)], to: Tensor(-1.0))
        #expect(view.data == expected)
        // The slice took a copy of its own rows, so the source was written in place, not copied whole.
        #expect(x.data.withUnsafeBufferPointer { $0.baseAddress } == address)
        // Through a detached tensor sharing the source's values, and through assign and update.
        let d = x.detached()
        let fromDetached = try d.indexed([.slice(start: 20, stop: 30, step: nil)])
        let rows = try copied(x, [.slice(start: 20, stop: 30, step: nil)]).data
        try x.assign([Double](repeating: 3, count: x.count))
        #expect(fromDetached.data == rows && d.data.allSatisfy { $0 == 3 })
        let again = try d.indexed([.slice(start: 0, stop: 10, step: nil)])
        d.update { values in values[0] = 42 }
        #expect(again.data.allSatisfy { $0 == 3 } && x.data[0] == 42)
    }

    /// A backward rule that reads a slice's rows sees them as they were when the op ran, as with a copy,
    /// even when the source changes between forward and backward.
    @Test func aRecordedSliceKeepsItsRowsThroughALaterWrite() throws {
        let x = try source(rows: 20)
        let w = try Tensor([Double](repeating: 1, count: 64 * 2), shape: [64, 2], requiresGrad: true)
        let rows = try copied(x, [.slice(start: 2, stop: 12, step: nil)]).data
        let y = try Tensor.matmul(try x.indexed([.slice(start: 2, stop: 12, step: nil)]), w)
        try x.assign([Double](repeating: 0, count: x.count))
        try y.backward(upstream: Tensor([Double](repeating: 1, count: 20), shape: [10, 2]))
        // dW = viewᵀ · 1: each column is the sum of the old rows' column.
        let expected = (0..<64).flatMap { j -> [Double] in
            let s = (0..<10).reduce(0.0) { $0 + rows[$1 * 64 + j] }
            return [s, s]
        }
        #expect(w.grad?.data == expected)
    }

    @Test func aSliceOutlivesItsSource() throws {
        var view: Tensor
        do {
            let x = try source()
            view = try x.indexed([.slice(start: 30, stop: 40, step: nil)])
        }
        let expected = (30 * 64..<40 * 64).map { (i: Int) -> Double in Double(i) * 0.25 - 7 }
        #expect(view.data == expected)
    }

    @Test func slicesAreChargedAsCopiesAndWindowsDoNotPileUp() throws {
        let budget = ResourceBudget()
        try ResourceBudget.local.withValue(budget) {
            let x = try source()
            let base = budget.liveBytes
            var view: Tensor? = try x.indexed([.slice(start: 0, stop: 10, step: nil)])
            #expect(budget.liveBytes == base + 10 * 64 * 8)
            _ = view?.data  // reading it whole copies the rows; the charge stays the same
            #expect(budget.liveBytes == base + 10 * 64 * 8)
            view = try x.indexed([.slice(start: 10, stop: 30, step: nil)])
            #expect(budget.liveBytes == base + 20 * 64 * 8)
            view = nil
            #expect(budget.liveBytes == base)
            // A training loop's batches: the windows of freed slices are dropped as new ones come.
            for i in 0..<200 {
                let batch = try x.indexed([.slice(start: i % 30, stop: i % 30 + 10, step: nil)])
                #expect(batch.readsInPlace)
            }
            #expect(x.sharedStorage().windows.count <= 1)
        }
        #expect(budget.liveBytes == 0)
    }
}
