import NNCore

/// The losses: mean squared error, binary and categorical cross-entropy, hinge.
enum LossBuiltins {
    static func loss(_ name: String, doc: String, _ f: @escaping (Tensor, Tensor) throws -> Tensor) -> Builtin {
        Builtin(name, Signature("prediction, target"), doc: doc) { args, _ in
            .tensor(try f(try args.tensor("prediction"), try args.tensor("target")))
        }
    }

    static let all: [Builtin] = [
        loss("mse", doc: "mse(prediction, target) = mean((p − y)²). Gradient: 2(p − y)/n.", Loss.meanSquaredError),
        loss("bce", doc: """
            bce(p, y) = −mean(y·log p + (1 − y)·log(1 − p)) for probabilities p (after a sigmoid).
            p is clamped to [1e-12, 1 − 1e-12] so log never sees 0. Gradient: (p − y)/(p(1 − p))/n.
            """, Loss.binaryCrossEntropy),
        loss("bce_logits", doc: """
            bce_logits(z, y): binary cross-entropy from logits (before the sigmoid), in the stable form
            mean(max(z, 0) − z·y + log(1 + e^−|z|)). Gradient: (σ(z) − y)/n.
            """, Loss.binaryCrossEntropyWithLogits),
        loss("cross_entropy", doc: """
            cross_entropy(logits, labels) = −mean over rows of log softmax(logits)[label].
            labels: one class index per row, or one-hot rows. Gradient: (softmax − one_hot)/n.
            """, Loss.crossEntropy),
        loss("hinge", doc: "hinge(scores, y) = mean(max(0, 1 − s·t)), t = 2y − 1 for 0/1 targets (or ±1 targets as given).", Loss.hinge),
    ]
}
