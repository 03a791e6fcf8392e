import Testing
@testable import NNCore

@Suite struct ReportTests {
    /// The 2-2-1 network of the manual-backprop lesson, labelled.
    func network() throws -> (loss: Tensor, w1: Tensor) {
        let x = try Tensor([[0.5, 0.3]]); x.label = "X"
        let w1 = try Tensor([[0.966, 0.826], [-0.664, -0.465]], requiresGrad: true); w1.label = "W1"
        let w2 = try Tensor([[0.072], [-0.083]], requiresGrad: true); w2.label = "W2"
        let z1 = try Tensor.matmul(x, w1); z1.label = "z1"
        let a1 = try z1.sigmoid(); a1.label = "a1"
        let z2 = try Tensor.matmul(a1, w2); z2.label = "z2"
        let a2 = try z2.sigmoid(); a2.label = "a2"
        let loss = try Loss.binaryCrossEntropy(a2, try Tensor([[1.0]])); loss.label = "loss"
        return (loss, w1)
    }

    @Test func traceListsNodesInForwardOrderWithValuesAndGradients() throws {
        let (loss, _) = try network()
        #expect(loss.traceReport() == """
            node                 shape   value                                   grad
            X (input)            [1, 2]  [[0.5000, 0.3000]]                      —
            W1 (param)           [2, 2]  [[0.9660, 0.8260], [-0.6640, -0.4650]]  —
            z1 = matmul(X, W1)   [1, 2]  [[0.2838, 0.2735]]                      —
            a1 = sigmoid(z1)     [1, 2]  [[0.5705, 0.5680]]                      —
            W2 (param)           [2, 1]  [[0.0720], [-0.0830]]                   —
            z2 = matmul(a1, W2)  [1, 1]  [[-0.0061]]                             —
            a2 = sigmoid(z2)     [1, 1]  [[0.4985]]                              —
            loss = bce(a2)       []      0.6962                                  —
            """)
        try loss.backward()
        let after = loss.traceReport(width: 200)
        let lines = after.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("node"))
        #expect(lines[2].hasPrefix("W1 (param)"))
        #expect(lines[2].hasSuffix("[[-0.0044, 0.0051], [-0.0027, 0.0031]]"))
        #expect(lines.last?.hasPrefix("loss = bce(a2)") == true)
        #expect(lines.last?.hasSuffix("1.0000") == true)
    }

    @Test func aTraceWiderThanTheTerminalIsStackedWithinItsWidth() throws {
        let (loss, _) = try network()
        try loss.backward()
        let report = loss.traceReport()
        let lines = report.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(Array(lines.prefix(6)) == [
            "X (input)  [1, 2]",
            "  value [[0.5000, 0.3000]]",
            "  grad  —",
            "W1 (param)  [2, 2]",
            "  value [[0.9660, 0.8260], [-0.6640, -0.4650]]",
            "  grad  [[-0.0044, 0.0051], [-0.0027, 0.0031]]",
        ])
        #expect(lines.suffix(3) == ["loss = bce(a2)  []", "  value 0.6962", "  grad  1.0000"])
        // A value longer than a line breaks after a comma, continuing under the values.
        let narrow = loss.traceReport(width: 30).split(separator: "\n").map(String.init)
        #expect(narrow[4...6] == ["  value [[0.9660, 0.8260],", "        [-0.6640, -0.4650]]", "  grad  [[-0.0044, 0.0051],"])
        #expect(narrow.allSatisfy { $0.count <= 30 })
    }

    @Test func explainWritesEachChainRuleStep() throws {
        let (loss, _) = try network()
        let report = try loss.explainReport()
        let lines = report.split(separator: "\n").map(String.init)
        #expect(lines[0] == "backward from loss: dL/dloss = 1")
        #expect(lines[1] == "dL/da2 = dL/dloss · (−y/a2 + (1 − y)/(1 − a2)) / 1 = [[-2.0061]]")
        #expect(lines[2] == "dL/dz2 = dL/da2 ⊙ σ'(z2) = [[-0.5015]]")
        #expect(lines[3] == "dL/da1 = dL/dz2 @ W2ᵀ = [[-0.0361, 0.0416]]")
        #expect(lines[4] == "dL/dW2 = a1ᵀ @ dL/dz2 = [[-0.2861], [-0.2848]]")
        #expect(lines[5] == "dL/dz1 = dL/da1 ⊙ σ'(z1) = [[-0.0088, 0.0102]]")
        #expect(lines[6] == "dL/dW1 = Xᵀ @ dL/dz1 = [[-0.0044, 0.0051], [-0.0027, 0.0031]]")
        #expect(lines.count == 7)
        // explain stores no gradients.
        #expect(loss.grad == nil)
    }

    @Test func explainMarksRepeatedContributionsAndBroadcastSums() throws {
        let x = try Tensor([[1, 2], [3, 4]], requiresGrad: true); x.label = "x"
        let b = try Tensor([0.5, -0.5], shape: [2], requiresGrad: true); b.label = "b"
        let y = try (x * x + b).sum(); y.label = "y"
        let report = try y.explainReport()
        #expect(report.contains("dL/db = dL/dt4 (summed to [2]) = [2.0000, 2.0000]"))
        #expect(report.contains("dL/dx = dL/dt2 ⊙ x = [[1.0000, 2.0000], [3.0000, 4.0000]]"))
        #expect(report.contains("dL/dx += dL/dt2 ⊙ x = [[1.0000, 2.0000], [3.0000, 4.0000]]"))
    }

    @Test func dotExportHasANodePerTensorAndAnEdgePerInput() throws {
        let (loss, _) = try network()
        let dot = loss.dotGraph()
        #expect(dot.hasPrefix("digraph nnlearn {\n"))
        #expect(dot.contains("n8 [label=\"loss = bce\\n[]\\nvalue 0.6962\"];"))
        #expect(dot.components(separatedBy: " -> ").count - 1 == 7)
        #expect(dot.hasSuffix("}\n"))
    }
}
