import Testing
@testable import NNCore

/// Index lists pair up as NumPy's advanced indexing, and gradients land where the values came from.
@Suite struct AdvancedIndexingTests {
    /// A tensor of shape `shape` holding 0, 1, 2, … so that every value names its flat position.
    static func counting(_ shape: [Int]) throws -> Tensor {
        try Tensor((0..<shape.reduce(1, *)).map(Double.init), shape: shape, requiresGrad: true)
    }

    @Test func twoListsPickPairsAndScatterTheGradientBack() throws {
        let x = try Self.counting([2, 3])
        let picked = try x.indexed([.positions([0, 1, 1]), .positions([1, 2, 2])])
        #expect(picked.shape == [3])
        #expect(picked.data == [1, 5, 5])
        try picked.backward(upstream: Tensor([1.0, 10, 100]))
        #expect(x.grad?.data == [0, 1, 0, 0, 0, 110])  // the repeated pair accumulates
    }

    @Test func intsBesideListsAndSlicesFollowNumPysPlacement() throws {
        let x = try Self.counting([2, 3, 4])
        // Adjacent advanced indices: the paired axis stays where they stand.
        let adjacent = try x.indexed([.all, .positions([0, 2]), .positions([1, 3])])
        #expect(adjacent.shape == [2, 2])
        #expect(adjacent.data == [1, 11, 13, 23])
        // An int and a list separated by a slice: the paired axis goes first, as NumPy's x[0, :, [1, 2]].
        let separated = try x.indexed([.at(0), .all, .positions([1, 2])])
        #expect(separated.shape == [2, 3])
        #expect(separated.data == [1, 5, 9, 2, 6, 10])
        // An int next to one list is one pair of indices; a length-1 list pairs with every element.
        #expect(try x.indexed([.at(1), .positions([2, 0])]).shape == [2, 4])
        #expect(try x.indexed([.positions([1]), .positions([0, 2]), .at(3)]).data == [15, 23])
        // Without lists, ints drop their axes and slices keep theirs, wherever they stand.
        #expect(try x.indexed([.at(0), .all, .at(1)]).data == [1, 5, 9])
    }

    @Test func listsOfDifferentLengthsAreRefusedWithTheRule() throws {
        let x = try Self.counting([3, 3])
        #expect {
            _ = try x.indexed([.positions([0, 1]), .positions([0, 1, 2])])
        } throws: { error in
            "\(error)".contains("lengths 2 and 3 cannot be paired")
        }
        #expect(try x.indexed([.positions([]), .positions([2])]).shape == [0])
    }

    @Test func assignmentUsesTheSamePairs() throws {
        let x = try Tensor([Double](repeating: 0, count: 6), shape: [2, 3])
        try x.setIndexed([.positions([0, 1]), .positions([2, 0])], to: Tensor([7.0, 8]))
        #expect(x.data == [0, 0, 7, 8, 0, 0])
    }
}
