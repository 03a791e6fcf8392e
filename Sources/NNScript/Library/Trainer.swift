import Foundation
import NNCore

/// The training loop behind `fit`: mini-batches, an optimizer, per-epoch history, and a NaN watch.
struct Trainer {
    /// A loss by name or as a function of the language.
    enum LossKind {
        case named(String, (Tensor, Tensor) throws -> Tensor)
        case function(Value)

        init(_ value: Value, at location: SourceLocation) throws {
            switch value {
            case .string(let name):
                let table: [String: (Tensor, Tensor) throws -> Tensor] = [
                    "mse": Loss.meanSquaredError, "bce": Loss.binaryCrossEntropy, "bce_logits": Loss.binaryCrossEntropyWithLogits,
                    "cross_entropy": Loss.crossEntropy, "hinge": Loss.hinge,
                ]
                guard let loss = table[name] else {
                    throw ScriptError(.value, "unknown loss '\(name)'", at: location, hint: "choose mse, bce, bce_logits, cross_entropy or hinge, or pass a function")
                }
                self = .named(name, loss)
            case .function, .builtin: self = .function(value)
            default: throw ScriptError(.type, "loss must be a name such as \"bce\" or a function, not \(value.typeName)", at: location)
            }
        }

        func apply(_ output: Tensor, _ target: Tensor, interpreter: Interpreter, at location: SourceLocation) throws -> Tensor {
            switch self {
            case .named(_, let loss): return try loss(output, target)
            case .function(let f):
                let value = try interpreter.invoke(f, [.tensor(output), .tensor(target)], at: location)
                return try Convert.tensor(value, context: "the loss function's result", at: location)
            }
        }

        /// Classification accuracy, for the losses that classify.
        func accuracy(_ output: Tensor, _ target: Tensor) -> Double? {
            guard case .named(let name, _) = self, name != "mse" else { return nil }
            return Metrics.accuracy(output, target, logits: name == "bce_logits" || name == "hinge")
        }
    }

    let model: any ScriptModel
    let x: Tensor, y: Tensor
    let loss: LossKind
    let optimizer: Optimizer
    let epochs: Int, batchSize: Int
    let validation: (Tensor, Tensor)?
    let shuffle: Bool
    var rng: RandomGenerator?
    let report: Int
    let interpreter: Interpreter
    let location: SourceLocation

    init(_ args: Arguments, _ interpreter: Interpreter) throws {
        self.interpreter = interpreter
        location = args.location
        model = try args.model("model")
        x = try args.tensor("X")
        y = try args.tensor("y")
        guard x.rank >= 1, y.rank >= 1, x.shape[0] == y.shape[0] else {
            throw ScriptError(.shape, "fit: X has \(x.shape.first ?? 0) rows but y has \(y.shape.first ?? 0); they must match", at: args.location)
        }
        loss = try LossKind(args.named["loss"] ?? .string("mse"), at: args.location)
        switch args.value("optimizer") {
        case .object(let object as OptimizerObject)?: optimizer = object.optimizer
        case let other:
            let name = other.flatMap { if case .string(let s) = $0 { return s.lowercased() } else { return nil } } ?? "sgd"
            let lr = try args.number("lr", default: name == "sgd" ? 0.01 : 1e-3)
            switch name {
            case "sgd": optimizer = try SGD(model.parameters, learningRate: lr)
            case "momentum": optimizer = try SGD(model.parameters, learningRate: lr, momentum: 0.9)
            case "adam": optimizer = try Adam(model.parameters, learningRate: lr)
            case "rmsprop": optimizer = try RMSProp(model.parameters, learningRate: lr)
            case "adagrad": optimizer = try AdaGrad(model.parameters, learningRate: lr)
            default: throw ScriptError(.value, "unknown optimizer '\(name)'", at: args.location, hint: "pass an optimizer such as Adam(model.params, lr=0.01), or one of sgd, momentum, adam, rmsprop, adagrad")
            }
        }
        epochs = try args.integer("epochs", default: 10)
        guard epochs >= 0 else { throw ScriptError(.value, "epochs must be 0 or more", at: args.location) }
        let size = try args.integer("batch_size", default: x.shape[0])
        guard size > 0 else { throw ScriptError(.value, "batch_size must be positive", at: args.location) }
        batchSize = size
        if let pair = args.value("validation") {
            guard let items = Convert.sequence(pair), items.count == 2 else {
                throw ScriptError(.type, "validation must be a pair (X_val, y_val)", at: args.location)
            }
            validation = (try Convert.tensor(items[0], context: "validation X", at: args.location),
                          try Convert.tensor(items[1], context: "validation y", at: args.location))
        } else {
            validation = nil
        }
        shuffle = try args.bool("shuffle", default: false)
        rng = args.has("seed") ? RandomGenerator(seed: UInt64(Swift.max(0, try args.integer("seed")))) : nil
        switch args.value("verbose") {
        case .bool(let b)?: report = b ? 1 : 0
        case nil: report = 0
        default: report = Swift.max(0, try args.integer("verbose"))
        }
    }

    mutating func run() throws -> HistoryObject {
        let history = HistoryObject()
        let rows = x.shape[0]
        let started = Date()
        // Training steps run in training mode, validation in evaluation mode; the model's mode is restored after.
        let modes = model.trainingModes
        defer { model.restoreTrainingModes(modes) }
        for epoch in 1...Swift.max(epochs, 1) where epochs > 0 {
            var order = Array(0..<rows)
            if shuffle {
                if rng != nil { order = rng!.permutation(rows) } else { order = interpreter.random.permutation(rows) }
            }
            model.isTraining = true
            var totalLoss = 0.0, correct = 0.0, seen = 0
            var start = 0
            while start < rows {
                try interpreter.tick(location)
                let batch = Array(order[start..<Swift.min(start + batchSize, rows)])
                let contiguous = !shuffle
                let xb = try contiguous ? x.indexed([.slice(start: start, stop: start + batch.count, step: nil)]) : x.indexed([.positions(batch)])
                let yb = try contiguous ? y.indexed([.slice(start: start, stop: start + batch.count, step: nil)]) : y.indexed([.positions(batch)])
                optimizer.zeroGrad()
                let output = try model.forward(xb, interpreter: interpreter, at: location)
                let value = try loss.apply(output, yb, interpreter: interpreter, at: location)
                let number = try value.item()
                guard number.isFinite else {
                    interpreter.printLine("fit stopped: the loss became \(Display.number(number)) at epoch \(epoch), batch \(start / batchSize + 1). "
                        + "Common causes: a learning rate too high (now \(Display.number(optimizer.learningRate)); try a tenth of it), "
                        + "log of 0 in a loss on probabilities (use bce_logits or cross_entropy on logits), or overflow in exp.")
                    return history
                }
                try value.backward()
                optimizer.step()
                totalLoss += number * Double(batch.count)
                if let accuracy = loss.accuracy(output, yb) { correct += accuracy * Double(batch.count) }
                seen += batch.count
                start += batchSize
            }
            let epochLoss = totalLoss / Double(Swift.max(seen, 1))
            let epochAccuracy = isClassifier ? correct / Double(Swift.max(seen, 1)) : nil
            var validationLoss: Double?, validationAccuracy: Double?
            if let (xv, yv) = validation {
                try model.inEvaluation { try GradMode.withoutGrad {
                    let output = try model.forward(xv, interpreter: interpreter, at: location)
                    validationLoss = try loss.apply(output, yv, interpreter: interpreter, at: location).item()
                    validationAccuracy = loss.accuracy(output, yv)
                } }
            }
            history.record(loss: epochLoss, accuracy: epochAccuracy, validationLoss: validationLoss, validationAccuracy: validationAccuracy)
            if report > 0, epoch % report == 0 || epoch == epochs {
                interpreter.printLine(history.line(epoch: epoch, of: epochs))
            }
            interpreter.host.progress?(Double(epoch) / Double(epochs), Date().timeIntervalSince(started), history.line(epoch: epoch, of: epochs))
        }
        return history
    }

    private var isClassifier: Bool {
        if case .named(let name, _) = loss { return name != "mse" }
        return false
    }
}
