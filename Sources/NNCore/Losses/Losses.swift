import Foundation

/// The losses, each a single op whose backward rule is its textbook gradient.
/// All of them average over the elements (rows, for cross-entropy).
public enum Loss {
    /// The floor of p(1 − p) in ``binaryCrossEntropy(_:_:)``'s gradient: PyTorch's EPSILON,
    /// 1e-12 held as a 32-bit float (9.99999996e-13), so a clamped gradient matches it to the last digit.
    public static let probabilityEpsilon = Double(Float(1e-12))

    /// Mean squared error: mean((p − y)²); dp = 2(p − y)/n, and dy = −dp when the target needs a gradient.
    public static func meanSquaredError(_ prediction: Tensor, _ target: Tensor) throws -> Tensor {
        try sameShape("mse", prediction, target)
        let n = Double(prediction.count)
        let diff = zip(prediction.data, target.data).map { $0 - $1 }
        let value = diff.reduce(0) { $0 + $1 * $1 } / n
        return try Tensor.record("mse", [value], shape: [], inputs: [prediction, target],
                                 formulas: ["{g} · 2({0} − {1}) / {n}", "−{g} · 2({0} − {1}) / {n}"]) { _, g in
            let scale = 2 * g[0] / n
            return [diff.map { $0 * scale }, diff.map { -$0 * scale }]
        }
    }

    /// Binary cross-entropy on probabilities: −mean(y·max(log p, −100) + (1 − y)·max(log(1 − p), −100)).
    ///
    /// As PyTorch: the logs are clamped at −100, so a certain wrong prediction costs 100 and a
    /// perfect one exactly 0; dp = (p − y) / max(p(1 − p), ε) / n, and a target that needs a
    /// gradient gets dy = (log(1 − p) − log p) / n.
    public static func binaryCrossEntropy(_ probability: Tensor, _ target: Tensor) throws -> Tensor {
        try sameShape("bce", probability, target)
        let p = probability.data, y = target.data
        let n = Double(p.count)
        var total = 0.0
        for i in p.indices {
            total -= y[i] * Swift.max(Elementary.log(p[i]), -100) + (1 - y[i]) * Swift.max(Elementary.log(1 - p[i]), -100)
        }
        // The target is an input only when it needs a gradient, so traces of the usual bce(p, y) show one input.
        let inputs: OpInputs = target.requiresGrad ? [probability, target] : [probability]
        return try Tensor.record("bce", [total / n], shape: [], inputs: inputs,
                                 formulas: ["{g} · (−y/{0} + (1 − y)/(1 − {0})) / {n}", "{g} · log((1 − {0})/{0}) / {n}"]) { _, g in
            [p.indices.map { g[0] * (p[$0] - y[$0]) / Swift.max((1 - p[$0]) * p[$0], probabilityEpsilon) / n },
             inputs.count > 1 ? p.indices.map { g[0] * (Elementary.log(1 - p[$0]) - Elementary.log(p[$0])) / n } : nil]
        }
    }

    /// Binary cross-entropy on logits, in the stable form
    /// mean(max(z, 0) − z·y + log(1 + e^−|z|)); dz = (σ(z) − y)/n, dy = −z/n.
    ///
    /// Any number of labels per row (multilabel): every element is its own yes/no question.
    public static func binaryCrossEntropyWithLogits(_ logits: Tensor, _ target: Tensor) throws -> Tensor {
        try sameShape("bce_logits", logits, target)
        let z = logits.data, y = target.data
        let n = Double(z.count)
        var total = 0.0
        for i in z.indices { total += Swift.max(z[i], 0) - z[i] * y[i] + Elementary.log1p(Elementary.exp(-Swift.abs(z[i]))) }
        let inputs: OpInputs = target.requiresGrad ? [logits, target] : [logits]
        return try Tensor.record("bce_logits", [total / n], shape: [], inputs: inputs,
                                 formulas: ["{g} · (σ({0}) − y) / {n}", "−{g} · {0} / {n}"]) { _, g in
            [z.indices.map { g[0] * (Activation.sigmoid(z[$0]) - y[$0]) / n }, inputs.count > 1 ? z.map { -g[0] * $0 / n } : nil]
        }
    }

    /// Cross-entropy from logits: −mean over rows of Σ y·log_softmax(z).
    ///
    /// `target` holds one class index per row ([n]) or one probability row per
    /// row ([n, C], which need not sum to 1). dz = (softmax(z)·Σy − y)/n; probability
    /// targets that need a gradient get dy = −log_softmax(z)/n.
    public static func crossEntropy(_ logits: Tensor, _ target: Tensor) throws -> Tensor {
        let matrix = logits.rank == 1 ? try logits.reshaped([1, logits.count]) : logits
        guard matrix.rank == 2 else {
            throw CoreError("cross_entropy", "logits must be [rows, classes], not \(describe(logits.shape))")
        }
        let (rows, classes) = (matrix.shape[0], matrix.shape[1])
        let probabilities: [Double]
        let soft = target.shape == matrix.shape || (logits.rank == 1 && target.shape == logits.shape)
        if soft {
            probabilities = target.data
        } else if target.count == rows, target.rank <= 1 {
            probabilities = try Tensor.oneHot(target.reshaped([rows]), classes: classes).data
        } else {
            throw CoreError("cross_entropy", "logits \(describe(logits.shape)) need targets of shape [\(rows)] (class indices) or \(describe(matrix.shape)) (one-hot), got \(describe(target.shape))")
        }
        let logProbabilities = try matrix.detached().logSoftmax(axis: 1).data
        var total = 0.0
        for i in logProbabilities.indices where probabilities[i] != 0 { total -= probabilities[i] * logProbabilities[i] }
        let n = Double(rows)
        // Each row's target mass Σy scales its softmax in the gradient.
        let mass = (0..<rows).map { row in probabilities[(row * classes)..<((row + 1) * classes)].reduce(0, +) }
        let targetNeedsGrad = soft && target.requiresGrad
        let inputs: OpInputs = targetNeedsGrad ? [logits, target] : [logits]
        return try Tensor.record("cross_entropy", [total / n], shape: [], inputs: inputs,
                                 formulas: soft ? ["{g} · (softmax({0})·Σy − y) / {rows}", "−{g} · log_softmax({0}) / {rows}"] : ["{g} · (softmax({0}) − y) / {rows}"]) { _, g in
            let softmax = Elementary.exp(logProbabilities)
            let dLogits = [Double](count: softmax.count) { out in
                for i in 0..<softmax.count { out[i] = g[0] * (softmax[i] * mass[i / classes] - probabilities[i]) / n }
            }
            return [dLogits, targetNeedsGrad ? logProbabilities.map { -g[0] * $0 / n } : nil]
        }
    }

    /// Hinge loss mean(max(0, 1 − z·t)), with targets in {−1, 1}; targets in {0, 1} are mapped to t = 2y − 1.
    public static func hinge(_ scores: Tensor, _ target: Tensor) throws -> Tensor {
        try sameShape("hinge", scores, target)
        let binary = target.data.allSatisfy { $0 == 0 || $0 == 1 }
        guard binary || target.data.allSatisfy({ $0 == -1 || $0 == 1 }) else {
            throw CoreError("hinge", "targets must all be in {0, 1} or all in {-1, 1}")
        }
        let t = binary ? target.data.map { 2 * $0 - 1 } : target.data
        let z = scores.data
        let n = Double(z.count)
        let margins = z.indices.map { 1 - z[$0] * t[$0] }
        let value = margins.reduce(0) { $0 + Swift.max($1, 0) } / n
        return try Tensor.record("hinge", [value], shape: [], inputs: [scores],
                                 formulas: ["{g} · (−t where 1 − {0}·t > 0) / {n}"]) { _, g in
            [z.indices.map { margins[$0] > 0 ? -g[0] * t[$0] / n : 0 }]
        }
    }

    static func sameShape(_ op: String, _ prediction: Tensor, _ target: Tensor) throws {
        guard prediction.shape == target.shape else {
            var hint = ""
            if prediction.count == target.count {
                hint = "; they hold the same number of values, so reshape the target: y.reshape(\(prediction.shape.map(String.init).joined(separator: ", ")))"
            }
            throw CoreError(op, "prediction \(describe(prediction.shape)) and target \(describe(target.shape)) must have the same shape\(hint)")
        }
    }
}
