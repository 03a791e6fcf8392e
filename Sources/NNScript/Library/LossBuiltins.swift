import NNCore

/// The losses: squared, absolute, Huber and smooth L1 errors, binary and categorical cross-entropy, NLL, KL divergence, hinge.
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
            As PyTorch, each log is clamped at −100: a certain wrong prediction costs 100, a perfect one 0. Gradient: (p − y)/(p(1 − p))/n.
            """, Loss.binaryCrossEntropy),
        loss("bce_logits", doc: """
            bce_logits(z, y): binary cross-entropy from logits (before the sigmoid), in the stable form
            mean(max(z, 0) − z·y + log(1 + e^−|z|)); any number of 1s per row (multilabel). Gradient: (σ(z) − y)/n.
            """, Loss.binaryCrossEntropyWithLogits),
        loss("cross_entropy", doc: """
            cross_entropy(logits, labels) = −mean over rows of log softmax(logits)[label].
            labels: one class index per row, or rows of probabilities. Gradient: (softmax·Σy − y)/n.
            """, Loss.crossEntropy),
        loss("l1_loss", doc: "l1_loss(prediction, target) = mean(|p − y|). Gradient: sign(p − y)/n.", Loss.l1),
        Builtin("huber", Signature("prediction, target, delta="), doc: """
            huber(p, y, delta=1.0) = mean of ½d² where |d| < δ, δ(|d| − ½δ) elsewhere (d = p − y). Gradient: clamp(d, −δ, δ)/n.
            """) { args, _ in
            .tensor(try Loss.huber(try args.tensor("prediction"), try args.tensor("target"), delta: try args.number("delta", default: 1)))
        },
        Builtin("smooth_l1", Signature("prediction, target, beta="), doc: """
            smooth_l1(p, y, beta=1.0) = mean of ½d²/β where |d| < β, |d| − ½β elsewhere (d = p − y). Gradient: clamp(d/β, −1, 1)/n.
            """) { args, _ in
            .tensor(try Loss.smoothL1(try args.tensor("prediction"), try args.tensor("target"), beta: try args.number("beta", default: 1)))
        },
        loss("nll_loss", doc: """
            nll_loss(log_probs, labels) = −mean over rows of log_probs[row, label]: cross_entropy after log_softmax.
            Gradient: −1/n at each label.
            """, Loss.negativeLogLikelihood),
        loss("kl_div", doc: """
            kl_div(log_p, q) = Σ q·(log q − log_p) / rows, PyTorch's reduction="batchmean": log_p log-probabilities, q probabilities.
            Gradient: −q/rows.
            """, Loss.klDivergence),
        loss("hinge", doc: "hinge(scores, y) = mean(max(0, 1 − s·t)), t = 2y − 1 for 0/1 targets (or ±1 targets as given).", Loss.hinge),
    ]
}
