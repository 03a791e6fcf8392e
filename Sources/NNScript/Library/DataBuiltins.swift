import Foundation
import NNCore

/// Loading and making data: CSV files, the bundled data sets, toy generators, splits and scaling.
enum DataBuiltins {
    static let all: [Builtin] = [
        Builtin("load_csv", Signature("path"), doc: """
            load_csv(path): (data, columns) from a CSV file with a header row. Numbers are read as they are;
            a column of text (such as species) becomes class indices 0, 1, … in order of first appearance.
            """) { args, interpreter in
            let url = try interpreter.host.files.urlForReading(try args.string("path"), at: args.location)
            let table = try CSVTable.load(url, at: args.location)
            return .tuple([.tensor(table.tensor), .list(ListStorage(table.columns.map { .string($0) }))])
        },
        Builtin("dataset", Signature("name"), doc: """
            dataset(name): (X, y) for a bundled real data set: "iris" (150 × 4, 3 species), "digits" (1797 × 64 pixels 0–16, labels 0–9),
            "moons" (1000 × 2, labels 0/1), or "xor" (the 4 rows of the truth table).
            """) { args, interpreter in
            let name = try args.string("name")
            if name == "xor" {
                return .tuple([.tensor(try Tensor([[0, 0], [0, 1], [1, 0], [1, 1]])), .tensor(Tensor([0, 1, 1, 0]))])
            }
            let files = ["iris": "iris.csv", "digits": "digits.csv", "moons": "moons1000.csv"]
            guard let file = files[name] else {
                throw ScriptError(.value, "no bundled data set named '\(name)'", at: args.location, hint: "choose iris, digits, moons or xor")
            }
            guard ResourceRoot.current.url != nil else {
                throw ScriptError(.file, "the bundled data sets are not installed, so '\(name)' cannot be loaded", at: args.location,
                                  hint: "set NNLEARN_HOME to the folder that holds lessons/data, or install nnlearn with `make install`")
            }
            let table = try CSVTable.load(BundledData.directory.appendingPathComponent(file), at: args.location)
            let width = table.columns.count
            let x = try table.tensor.indexed([.all, .slice(start: 0, stop: width - 1, step: nil)])
            let y = try table.tensor.indexed([.all, .at(width - 1)])
            return .tuple([.tensor(x), .tensor(y)])
        },
        Builtin("moons", Signature("n=, noise=, seed="), doc: "moons(n=100, noise=0.1, seed=None): (X, y), two interleaving half circles, as scikit-learn's make_moons.") { args, interpreter in
            try generate(args, interpreter) { rng in
                let n = try args.integer("n", default: 100), noise = try args.number("noise", default: 0.1)
                let outer = n / 2, inner = n - outer
                var points: [Double] = [], labels: [Double] = []
                for i in 0..<outer {
                    let t = Double.pi * Double(i) / Double(Swift.max(outer - 1, 1))
                    points += [Elementary.cos(t), Elementary.sin(t)]; labels.append(0)
                }
                for i in 0..<inner {
                    let t = Double.pi * Double(i) / Double(Swift.max(inner - 1, 1))
                    points += [1 - Elementary.cos(t), 1 - Elementary.sin(t) - 0.5]; labels.append(1)
                }
                return (points.map { $0 + noise * rng.nextNormal() }, labels, 2)
            }
        },
        Builtin("circles", Signature("n=, noise=, factor=, seed="), doc: "circles(n=100, noise=0.05, factor=0.5, seed=None): (X, y), a circle inside another.") { args, interpreter in
            try generate(args, interpreter) { rng in
                let n = try args.integer("n", default: 100), noise = try args.number("noise", default: 0.05)
                let factor = try args.number("factor", default: 0.5)
                let outer = n / 2
                var points: [Double] = [], labels: [Double] = []
                for i in 0..<n {
                    let first = i < outer
                    let count = first ? outer : n - outer
                    let t = 2 * Double.pi * Double(first ? i : i - outer) / Double(Swift.max(count, 1))
                    let r = first ? 1 : factor
                    points += [r * Elementary.cos(t), r * Elementary.sin(t)]; labels.append(first ? 0 : 1)
                }
                return (points.map { $0 + noise * rng.nextNormal() }, labels, 2)
            }
        },
        Builtin("blobs", Signature("n=, centers=, std=, seed="), doc: "blobs(n=100, centers=3, std=1.0, seed=None): (X, y), Gaussian clusters around random centres in [−10, 10]².") { args, interpreter in
            try generate(args, interpreter) { rng in
                let n = try args.integer("n", default: 100), k = try args.integer("centers", default: 3)
                let std = try args.number("std", default: 1)
                guard k > 0 else { throw ScriptError(.value, "blobs needs at least one centre", at: args.location) }
                let centres = (0..<(2 * k)).map { _ in -10 + 20 * rng.nextUniform() }
                var points: [Double] = [], labels: [Double] = []
                for i in 0..<n {
                    let c = i % k
                    points += [centres[2 * c] + std * rng.nextNormal(), centres[2 * c + 1] + std * rng.nextNormal()]
                    labels.append(Double(c))
                }
                return (points, labels, 2)
            }
        },
        Builtin("split", Signature("X, y, test=, seed="), doc: """
            split(X, y, test=0.2, seed=0): (X_train, X_test, y_train, y_test) after shuffling the rows with the seed,
            as scikit-learn's train_test_split.
            """) { args, _ in
            if case .integer = args.value("y") ?? .none {
                throw ScriptError(.type, "split(X, y) splits data rows and labels into training and test sets; y must be the labels, got int",
                                  at: args.location, hint: "to cut a tensor into pieces, use x.split(size, axis=0) or chunk(x, n, axis=0)")
            }
            let x = try args.tensor("X"), y = try args.tensor("y")
            guard x.rank >= 1, y.rank >= 1, x.shape[0] == y.shape[0] else {
                throw ScriptError(.shape, "split: X has \(x.shape.first ?? 0) rows but y has \(y.shape.first ?? 0)", at: args.location)
            }
            let fraction = try args.number("test", default: 0.2)
            guard fraction > 0, fraction < 1 else { throw ScriptError(.value, "split: test must be a fraction between 0 and 1", at: args.location) }
            var rng = RandomGenerator(seed: UInt64(Swift.max(0, try args.integer("seed", default: 0))))
            let order = rng.permutation(x.shape[0])
            let testCount = Int((Double(x.shape[0]) * fraction).rounded(.up))
            let test = Array(order.prefix(testCount)), train = Array(order.dropFirst(testCount))
            return .tuple([
                .tensor(try x.indexed([.positions(train)])), .tensor(try x.indexed([.positions(test)])),
                .tensor(try y.indexed([.positions(train)])), .tensor(try y.indexed([.positions(test)])),
            ])
        },
        Builtin("standardize", Signature("X"), doc: "standardize(X): each column shifted to mean 0 and scaled to standard deviation 1 (constant columns stay 0).") { args, _ in
            let x = try args.tensor("X")
            guard x.rank == 2 else { throw ScriptError(.shape, "standardize expects a matrix [rows, features], got \(x.shape)", at: args.location) }
            let (rows, cols) = (x.shape[0], x.shape[1])
            var out = x.data
            for j in 0..<cols {
                let column = (0..<rows).map { x.data[$0 * cols + j] }
                let mean = column.reduce(0, +) / Double(Swift.max(rows, 1))
                let std = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(Swift.max(rows, 1))).squareRoot()
                for i in 0..<rows { out[i * cols + j] = std > 0 ? (x.data[i * cols + j] - mean) / std : 0 }
            }
            return .tensor(try Tensor(out, shape: x.shape))
        },
    ]

    /// Runs a generator with the global stream or a private seeded one; returns (X, y).
    static func generate(_ args: Arguments, _ interpreter: Interpreter,
                         _ make: (inout RandomGenerator) throws -> ([Double], [Double], Int)) throws -> Value {
        let n = try args.integer("n", default: 100)
        guard n > 0, n <= 1_000_000 else { throw ScriptError(.value, "\(args.function): n must be from 1 to 1000000", at: args.location) }
        let (points, labels, width) = try ModelBuiltins.withGenerator(args, interpreter, make)
        return .tuple([.tensor(try Tensor(points, shape: [labels.count, width])), .tensor(Tensor(labels))])
    }
}
