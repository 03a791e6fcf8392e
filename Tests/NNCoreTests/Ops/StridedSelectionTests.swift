import Testing
@testable import NNCore

/// Ints and slices are read and written by strided runs; they must select exactly the places,
/// in exactly the order, of the general offset table, and send the gradient to the same places.
@Suite struct StridedSelectionTests {
    @Test func stridedRunsSelectWhatTheOffsetTableSelects() throws {
        var rng = RandomGenerator(seed: 21)
        func pick(_ n: Int) -> Int { Int(rng.nextUniform() * Double(n)) }
        let bounds: [Int?] = [nil, 0, 1, 2, -1, -3, 5, 100, -100]
        let steps: [Int?] = [nil, 1, 2, 3, -1, -2, 7, Int.max, Int.min]
        var checked = 0
        for _ in 0..<400 {
            let shape = (0..<(1 + pick(4))).map { _ in pick(5) + (pick(6) == 0 ? 0 : 1) }
            let count = shape.reduce(1, *)
            let x = try Tensor((0..<count).map { Double($0) * 0.5 - 3 }, shape: shape, requiresGrad: true)
            let specs: [IndexSpec] = (0..<(1 + pick(shape.count))).map { axis in
                pick(3) == 0 ? .at(pick(2 * shape[axis] + 1) - shape[axis])
                             : .slice(start: bounds[pick(bounds.count)], stop: bounds[pick(bounds.count)], step: steps[pick(steps.count)])
            }
            guard let strided = try? x.stridedSelection(specs, op: "index") else {
                // Out of range: both ways refuse it with the same message.
                #expect(throws: CoreError.self) { try x.selection(specs, op: "index") }
                continue
            }
            let (offsets, resultShape) = try x.selection(specs, op: "index")
            #expect(strided.shape == resultShape)
            #expect(strided.gather(x.data) == offsets.map { x.data[$0] })
            let g = (0..<offsets.count).map { _ in rng.nextNormal() }
            var expected = [Double](repeating: 0, count: count)
            for (i, offset) in offsets.enumerated() { expected[offset] += g[i] }
            var scattered = [Double](repeating: 0, count: count)
            strided.scatterAdd(g, into: &scattered)
            #expect(scattered.map(\.bitPattern) == expected.map(\.bitPattern), "\(shape) \(specs)")
            checked += 1
        }
        #expect(checked > 200)
    }

    @Test func aColumnBlockAndItsGradient() throws {
        let x = try Tensor((0..<12).map(Double.init), shape: [3, 4], requiresGrad: true)
        let block = try x.indexed([.all, .slice(start: 1, stop: 3, step: nil)])
        #expect(block.shape == [3, 2])
        #expect(block.data == [1, 2, 5, 6, 9, 10])
        try block.backward(upstream: Tensor([1.0, 2, 3, 4, 5, 6], shape: [3, 2]))
        #expect(x.grad?.data == [0, 1, 2, 0, 0, 3, 4, 0, 0, 5, 6, 0])
        let reversed = try x.indexed([.at(-1), .slice(start: nil, stop: nil, step: -2)])
        #expect(reversed.data == [11, 9])
        #expect(try x.indexed([.at(1), .at(2)]).data == [6])
    }

    @Test func messagesMatchTheGeneralPath() throws {
        let x = try Tensor((0..<6).map(Double.init), shape: [2, 3])
        for specs: [IndexSpec] in [[.at(0), .at(3)], [.slice(start: nil, stop: nil, step: 0)], [.all, .all, .all]] {
            var strided = "", general = ""
            do { _ = try x.stridedSelection(specs, op: "index") } catch { strided = "\(error)" }
            do { _ = try x.selection(specs, op: "index") } catch { general = "\(error)" }
            #expect(!strided.isEmpty && strided == general)
        }
    }
}
