import NNCore
import NNTerminal

/// How well predictions match labels.
enum Metrics {
    /// The predicted class of each row: argmax for several columns, a threshold for one.
    static func classes(_ output: Tensor, logits: Bool) -> [Int] {
        if output.rank == 2, output.shape[1] > 1 {
            let width = output.shape[1]
            return (0..<output.shape[0]).map { row in
                var best = 0
                for j in 1..<width where output.data[row * width + j] > output.data[row * width + best] { best = j }
                return best
            }
        }
        let threshold = logits ? 0.0 : 0.5
        return output.data.map { $0 > threshold ? 1 : 0 }
    }

    /// The true class of each row from labels, one-hot rows, or ±1 targets.
    static func labels(_ target: Tensor) -> [Int] {
        if target.rank == 2, target.shape[1] > 1 { return classes(target, logits: false) }
        // Labels too large for an Int (1e300, inf) cannot match any class: -1 stands for "none".
        return target.data.map { $0 > 0.5 ? Int(exactly: $0.rounded()) ?? -1 : 0 }
    }

    /// The fraction of rows whose predicted class equals the label.
    static func accuracy(_ output: Tensor, _ target: Tensor, logits: Bool) -> Double {
        let predicted = classes(output, logits: logits), actual = labels(target)
        guard !predicted.isEmpty, predicted.count == actual.count else { return 0 }
        return Double(zip(predicted, actual).filter { $0 == $1 }.count) / Double(predicted.count)
    }
}

enum MetricBuiltins {
    static let all: [Builtin] = [
        Builtin("accuracy", Signature("prediction, y, logits="), doc: """
            accuracy(prediction, y, logits=False): the fraction classified correctly. Several columns: the argmax is the class;
            one column: probability > 0.5 (or logit > 0 with logits=True).
            """) { args, _ in
            let prediction = try args.tensor("prediction"), y = try args.tensor("y")
            guard Metrics.classes(prediction, logits: false).count == Metrics.labels(y).count else {
                throw ScriptError(.shape, "accuracy: \(prediction.shape) predictions for \(y.shape) labels; the row counts must match", at: args.location)
            }
            return .number(Metrics.accuracy(prediction, y, logits: try args.bool("logits", default: false)))
        },
        Builtin("confusion", Signature("prediction, y, classes="), doc: """
            confusion(prediction, y, classes=None): prints and returns the confusion matrix: row = true class, column = predicted.
            """) { args, interpreter in
            let predicted = Metrics.classes(try args.tensor("prediction"), logits: false)
            let actual = Metrics.labels(try args.tensor("y"))
            guard predicted.count == actual.count else {
                throw ScriptError(.shape, "confusion: \(predicted.count) predictions for \(actual.count) labels", at: args.location)
            }
            let count = try args.integer("classes", default: (predicted + actual).max().map { $0 + 1 } ?? 1)
            guard count > 0, count <= 1000 else { throw ScriptError(.value, "confusion: classes must be from 1 to 1000", at: args.location) }
            var matrix = [Double](repeating: 0, count: count * count)
            for (p, a) in zip(predicted, actual) where p < count && a >= 0 && a < count { matrix[a * count + p] += 1 }
            let rows = (0..<count).map { a in ["\(a)"] + (0..<count).map { p in String(Int(matrix[a * count + p])) } }
            let table = Table(headers: ["true \\ predicted"] + (0..<count).map(String.init), rows: rows, alignments: [.left])
            interpreter.printLine(table.render())
            return .tensor(try Tensor(matrix, shape: [count, count]))
        },
    ]
}
