import Testing
@testable import NNCore

@Suite struct ShapeTests {
    @Test func errorsNameTheOpAndTheShapes() throws {
        let a = try Tensor.ones([4, 2]), b = try Tensor.ones([3, 1])
        #expect(throws: CoreError("matmul", "[4, 2] @ [3, 1]: inner dimensions 2 and 3 differ")) { try Tensor.matmul(a, b) }
        #expect(throws: CoreError("add", "shapes [4, 2] and [3, 1] cannot be broadcast together (dimension 0: 4 vs 3)")) { try a + b }
        #expect(throws: CoreError("sum", "axis 2 is out of range for a tensor of rank 2")) { try a.sum(axis: 2) }
        #expect(throws: CoreError("reshape", "cannot reshape [4, 2] (8 elements) into [3, 3] (9 elements)")) { try a.reshaped([3, 3]) }
        #expect(throws: CoreError("index", "index 5 is out of range for axis 0 with size 4 (shape [4, 2])")) { try a.indexed([.at(5)]) }
        #expect(throws: CoreError("index", "a slice step cannot be zero")) { try a.indexed([.slice(start: nil, stop: nil, step: 0)]) }
        #expect(throws: CoreError("mse", "prediction [4, 1] and target [4] must have the same shape; they hold the same number of values, so reshape the target: y.reshape(4, 1)")) {
            try Loss.meanSquaredError(try Tensor.ones([4, 1]), try Tensor.ones([4]))
        }
        #expect(throws: CoreError("one_hot", "label 3.0 is not a class index in 0..<3")) { try Tensor.oneHot(Tensor([0, 3]), classes: 3) }
        #expect(throws: CoreError("concat", "tensor 1 has shape [2, 3] but tensor 0 has shape [4, 2]: only axis 0 may differ")) {
            try Tensor.concat([a, try Tensor.ones([2, 3])])
        }
    }

    @Test func broadcastingFollowsNumPy() throws {
        let column = try Tensor([1, 2, 3], shape: [3, 1])
        let row = Tensor([10, 20])
        let sum = try column + row
        #expect(sum.shape == [3, 2])
        #expect(sum.data == [11, 21, 12, 22, 13, 23])
        let scaled = try Tensor(2.0) * row
        #expect(scaled.data == [20, 40])
    }

    @Test func indexingAndSlicingFollowPython() throws {
        let x = try Tensor((0..<12).map(Double.init), shape: [3, 4])
        #expect(try x.indexed([.at(-1)]).data == [8, 9, 10, 11])
        #expect(try x.indexed([.all, .at(1)]).data == [1, 5, 9])
        #expect(try x.indexed([.slice(start: 1, stop: 3, step: nil)]).shape == [2, 4])
        #expect(try x.indexed([.slice(start: nil, stop: nil, step: -1), .at(0)]).data == [8, 4, 0])
        #expect(try x.indexed([.slice(start: 5, stop: 9, step: nil)]).shape == [0, 4])
        #expect(try x.indexed([.positions([2, 0])]).data == [8, 9, 10, 11, 0, 1, 2, 3])
        #expect(try x.indexed([.at(1), .at(2)]).data == [6])
        #expect(try x.indexed([.at(1), .at(2)]).shape == [])
    }

    @Test func assigningIntoASelection() throws {
        let x = try Tensor.zeros([2, 3])
        try x.setIndexed([.all, .at(1)], to: Tensor(5.0))
        try x.setIndexed([.at(0)], to: Tensor([1, 2, 3]))
        #expect(x.data == [1, 2, 3, 0, 5, 0])
        let w = try Tensor.zeros([2])
        try w.makeParameter()
        #expect(throws: CoreError.self) { try w.setIndexed([.at(0)], to: Tensor(1.0)) }
        try GradMode.withoutGrad { try w.setIndexed([.at(0)], to: Tensor(1.0)) }
        #expect(w.data == [1, 0])
    }

    @Test func reductionsAlongAxes() throws {
        let x = try Tensor([[1, 5, 3], [4, 2, 6]])
        #expect(try x.sum(axis: 0).data == [5, 7, 9])
        #expect(try x.mean(axis: 1, keepdims: true).shape == [2, 1])
        #expect(try x.max(axis: 1).data == [5, 6])
        #expect(try x.min().data == [1])
        #expect(try x.argmax(axis: 1).data == [1, 2])
        #expect(try x.argmax().data == [5])
        #expect(try Tensor.stack([Tensor([1, 2]), Tensor([3, 4])], axis: 1).data == [1, 3, 2, 4])
    }

    @Test func softmaxIsStableForHugeLogits() throws {
        let x = try Tensor([[1000, 1001, 1002]])
        let p = try x.softmax()
        #expect(p.data.allSatisfy { $0.isFinite })
        #expect(Swift.abs(p.data.reduce(0, +) - 1) < 1e-15)
        let naive = try x.exp()
        #expect(naive.data[0] == .infinity)
        let lse = try x.logSumExp(axis: 1)
        #expect(Swift.abs(lse.data[0] - (1002 + Foundation.log(1 + Foundation.exp(-1) + Foundation.exp(-2)))) < 1e-12)
    }
}
import Foundation
