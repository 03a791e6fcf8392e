import Foundation

/// Losses that take log-probabilities (the output of log_softmax), as PyTorch's nll_loss and kl_div.
extension Loss {
    /// Negative log-likelihood: −mean over rows of logp[row, label]; dlogp = −1/n at each label.
    ///
    /// `logProbabilities` is [rows, classes] (or one row [classes]), `labels` one class index per row.
    public static func negativeLogLikelihood(_ logProbabilities: Tensor, _ labels: Tensor) throws -> Tensor {
        let classes = logProbabilities.shape.last ?? 0
        let rows = logProbabilities.rank == 1 ? 1 : logProbabilities.shape.first ?? 0
        guard logProbabilities.rank == 1 || logProbabilities.rank == 2, labels.count == rows, labels.rank <= 1 else {
            throw CoreError("nll_loss", "log-probabilities \(describe(logProbabilities.shape)) need one class index per row, got labels of shape \(describe(labels.shape))")
        }
        let picks = try Tensor.oneHot(labels.reshaped([rows]), classes: classes).data
        let n = Double(rows)
        let total = zip(picks, logProbabilities.data).reduce(0) { $0 - ($1.0 == 0 ? 0 : $1.1) }
        return try Tensor.record("nll_loss", [total / n], shape: [], inputs: [logProbabilities],
                                 formulas: ["−{g} · one_hot(labels) / {rows}"]) { _, g in
            [picks.map { -$0 * g[0] / n }]
        }
    }

    /// Kullback–Leibler divergence with PyTorch's `reduction="batchmean"`: Σ q(log q − logp) / rows.
    ///
    /// `logP` holds log-probabilities, `q` probabilities (0·log 0 counts as 0). dlogp = −q/rows;
    /// a q that needs a gradient gets (log q + 1 − logp)/rows, 0 where q = 0.
    public static func klDivergence(_ logP: Tensor, _ q: Tensor) throws -> Tensor {
        try sameShape("kl_div", logP, q)
        let (x, t) = (logP.data, q.data)
        let rows = Double(logP.shape.first ?? 1)
        var total = 0.0
        for i in x.indices { total += (t[i] == 0 ? 0 : t[i] * Elementary.log(t[i])) - t[i] * x[i] }
        return try Tensor.record("kl_div", [total / rows], shape: [], inputs: [logP, q],
                                 formulas: ["−{g} · q / {rows}", "{g} · (log q + 1 − {0}) / {rows}"]) { _, g in
            [t.map { -$0 * g[0] / rows },
             x.indices.map { t[$0] == 0 ? 0 : g[0] * (Elementary.log(t[$0]) + 1 - x[$0]) / rows }]
        }
    }
}
