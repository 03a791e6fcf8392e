import Foundation

/// The losses, each a single op whose backward rule is its textbook gradient.
/// All of them average over the elements (rows, for cross-entropy).
public enum Loss {
    /// The clamp applied to probabilities in ``binaryCrossEntropy(_:_:)``:
    /// p is kept in [ε, 1 − ε] so that log never sees 0.
    public static let probabilityEpsilon = 1e-12

    /// Mean squared error: mean((p − y)²); dp = 2(p − y)/n.
    public static func meanSquaredError(_ prediction: Tensor, _ target: Tensor) throws -> Tensor {
        try sameShape("mse", prediction, target)
        let n = Double(prediction.count)
        let diff = zip(prediction.data, target.data).map { $0 - $1 }
        let value = diff.reduce(0) { $0 + $1 * $1 } / n
        return try Tensor.record("mse", [value], shape: [], inputs: [prediction, target],
                                 formulas: ["{g} · 2({0} − {1}) / {n}", "−{g} · 2({0} − {1}) / {n}"]) { g in
            let scale = 2 * g[0] / n
            return [diff.map { $0 * scale }, diff.map { -$0 * scale }]
        }
    }

    /// Binary cross-entropy on probabilities: −mean(y log p + (1 − y) log(1 − p)).
    ///
    /// dp = (p − y) / (p(1 − p)) / n, with p clamped to [ε, 1 − ε].
    public static func binaryCrossEntropy(_ probability: Tensor, _ target: Tensor) throws -> Tensor {
        try sameShape("bce", probability, target)
        let eps = probabilityEpsilon
        let p = probability.data.map { Swift.min(Swift.max($0, eps), 1 - eps) }
        let y = target.data
        let n = Double(p.count)
        var total = 0.0
        for i in p.indices { total -= y[i] * Foundation.log(p[i]) + (1 - y[i]) * Foundation.log(1 - p[i]) }
        return try Tensor.record("bce", [total / n], shape: [], inputs: [probability],
                                 formulas: ["{g} · (−y/{0} + (1 − y)/(1 − {0})) / {n}"]) { g in
            [p.indices.map { g[0] * (-y[$0] / p[$0] + (1 - y[$0]) / (1 - p[$0])) / n }]
        }
    }

    /// Binary cross-entropy on logits, in the stable form
    /// mean(max(z, 0) − z·y + log(1 + e^−|z|)); dz = (σ(z) − y)/n.
    public static func binaryCrossEntropyWithLogits(_ logits: Tensor, _ target: Tensor) throws -> Tensor {
        try sameShape("bce_logits", logits, target)
        let z = logits.data, y = target.data
        let n = Double(z.count)
        var total = 0.0
        for i in z.indices { total += Swift.max(z[i], 0) - z[i] * y[i] + Foundation.log1p(Foundation.exp(-Swift.abs(z[i]))) }
        return try Tensor.record("bce_logits", [total / n], shape: [], inputs: [logits],
                                 formulas: ["{g} · (σ({0}) − y) / {n}"]) { g in
            [z.indices.map { g[0] * (Activation.sigmoid(z[$0]) - y[$0]) / n }]
        }
    }

    /// Cross-entropy from logits: −mean over rows of Σ y·log_softmax(z).
    ///
    /// `target` holds one class index per row ([n]) or one probability row per
    /// row (one-hot, [n, C]). dz = (softmax(z) − y)/n.
    public static func crossEntropy(_ logits: Tensor, _ target: Tensor) throws -> Tensor {
        let matrix = logits.rank == 1 ? try logits.reshaped([1, logits.count]) : logits
        guard matrix.rank == 2 else {
            throw CoreError("cross_entropy", "logits must be [rows, classes], not \(describe(logits.shape))")
        }
        let (rows, classes) = (matrix.shape[0], matrix.shape[1])
        let probabilities: [Double]
        if target.shape == matrix.shape || (logits.rank == 1 && target.shape == logits.shape) {
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
        return try Tensor.record("cross_entropy", [total / n], shape: [], inputs: [logits],
                                 formulas: ["{g} · (softmax({0}) − y) / {rows}"]) { g in
            [logProbabilities.indices.map { g[0] * (Foundation.exp(logProbabilities[$0]) - probabilities[$0]) / n }]
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
                                 formulas: ["{g} · (−t where 1 − {0}·t > 0) / {n}"]) { g in
            [z.indices.map { margins[$0] > 0 ? -g[0] * t[$0] / n : 0 }]
        }
    }

    private static func sameShape(_ op: String, _ prediction: Tensor, _ target: Tensor) throws {
        guard prediction.shape == target.shape else {
            var hint = ""
            if prediction.count == target.count {
                hint = "; they hold the same number of values, so reshape the target: y.reshape(\(prediction.shape.map(String.init).joined(separator: ", ")))"
            }
            throw CoreError(op, "prediction \(describe(prediction.shape)) and target \(describe(target.shape)) must have the same shape\(hint)")
        }
    }
}
