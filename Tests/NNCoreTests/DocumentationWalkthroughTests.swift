import Testing
@testable import NNCore

/// The code of the DocC article "Walking through the core" (Sources/NNCore/NNCore.docc), line for line.
@Suite struct DocumentationWalkthroughTests {
    @Test func theWalkthroughComputesWhatTheArticleSays() throws {
        let w = try Tensor([[0.5, -1.0], [2.0, 0.1]], requiresGrad: true)
        let x = Tensor([1.0, 2.0])

        let z = try Tensor.matmul(w, x)
        let loss = try (z * z).sum()
        #expect(Fixture.mismatch(z, Tensor([-1.5, 2.2])) == nil)
        #expect(Swift.abs(try loss.item() - 7.09) < 1e-12)

        #expect(loss.graphInForwardOrder().compactMap(\.op) == ["matmul", "mul", "sum"])

        try loss.backward()
        let grad = try #require(w.grad)
        #expect(Fixture.mismatch(grad, try Tensor([[-3, -6], [4.4, 8.8]])) == nil)

        let result = try Gradcheck.check({ inputs in
            try (Tensor.matmul(inputs[0], inputs[1]) * Tensor.matmul(inputs[0], inputs[1])).sum()
        }, at: [w, x])
        #expect(result.passed)

        let sgd = try SGD([w], learningRate: 0.1)
        sgd.step()
        #expect(Fixture.mismatch(w, try Tensor([[0.8, -0.4], [1.56, -0.78]])) == nil)
    }
}
