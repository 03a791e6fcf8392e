import Foundation
import Testing
@testable import NNCore

/// Random op graphs whose every gradient is checked by central finite differences, so that a
/// wrong backward rule anywhere cannot come back unnoticed.
///
/// 300 graphs per run; NNLEARN_DIFFTEST_GRAPHS=5000 checks more. With NNLEARN_DIFFTEST_EMIT=FILE
/// each graph, its loss and gradients are written to FILE as JSON lines, for scripts/difftest to replay in PyTorch.
@Suite struct DifferentialTests {
    static var graphCount: Int {
        ProcessInfo.processInfo.environment["NNLEARN_DIFFTEST_GRAPHS"].flatMap { Int($0) } ?? 300
    }

    @Test func randomGraphsAreReproducibleAndVaried() throws {
        let a = RandomGraph(seed: 7), b = RandomGraph(seed: 7)
        #expect(a.program == b.program)
        var ops = Set<String>(), ranks = Set<Int>()
        for seed in 0..<UInt64(200) {
            let graph = RandomGraph(seed: seed)
            #expect((3...9).contains(graph.opCount), "seed \(seed): \(graph.opCount) ops")
            #expect(try graph.evaluate(graph.inputs).count == 1)
            ops.formUnion(graph.steps.map(\.op))
            ranks.formUnion(graph.inputs.map(\.rank))
        }
        let all = Set(RandomGraph.unaryOps + RandomGraph.binaryOps + RandomGraph.shapeOps + RandomGraph.lossOps)
        #expect(all.subtracting(ops).isEmpty, "never generated: \(all.subtracting(ops).sorted())")
        #expect(ranks.isSuperset(of: [0, 1, 2, 3]))
    }

    @Test func everyGradientMatchesFiniteDifferences() throws {
        let emitPath = ProcessInfo.processInfo.environment["NNLEARN_DIFFTEST_EMIT"]
        var lines: [String] = []
        var failures: [(graph: RandomGraph, errors: [Double])] = []
        for seed in 0..<UInt64(Self.graphCount) {
            let graph = RandomGraph(seed: seed)
            let result = try Gradcheck.check(graph.evaluate, at: graph.inputs)
            if !result.passed { failures.append((graph, result.maxErrors)) }
            if emitPath != nil {
                let leaves = graph.inputs.map { Tensor(uncheckedData: $0.data, shape: $0.shape, requiresGrad: true) }
                let loss = try graph.evaluate(leaves)
                try loss.backward()
                let grads = leaves.map { $0.grad ?? Tensor(uncheckedData: [Double](repeating: 0, count: $0.count), shape: $0.shape) }
                lines.append(try graph.json(output: try loss.item(), grads: grads))
            }
        }
        if let emitPath {
            try (lines.joined(separator: "\n") + "\n").write(toFile: emitPath, atomically: true, encoding: .utf8)
        }
        let smallest = failures.min { ($0.graph.opCount, $0.graph.program.count) < ($1.graph.opCount, $1.graph.program.count) }
        #expect(failures.isEmpty, """
            \(failures.count) of \(Self.graphCount) graphs failed gradcheck; the smallest (seed \(smallest?.graph.seed ?? 0), errors \(smallest?.errors ?? [])):
            \(smallest?.graph.program ?? "")
            """)
    }
}
