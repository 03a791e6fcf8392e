import Foundation

/// AdaMax (Kingma and Ba, 2015): Adam with the infinity norm in place of the second moment.
///
///     m ← β₁m + (1 − β₁)g
///     u ← max(β₂u, |g| + ε)
///     p ← p − (η / (1 − β₁ᵗ)) m / u
public final class AdaMax: Optimizer {
    /// β₁ (OneCycleLR may cycle it).
    @exclusivity(unchecked) public internal(set) var beta1: Double
    /// The decay of the infinity norm, the constant added to it, and the L2 penalty added to gradients.
    public let beta2: Double, epsilon: Double, weightDecay: Double
    @exclusivity(unchecked) private var first: [[Double]], norms: [[Double]]

    /// AdaMax with PyTorch's defaults and update rule.
    public init(_ parameters: [Tensor], learningRate: Double = 2e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0, maximize: Bool = false) throws {
        try Optimizer.checkBeta(beta1, "AdaMax", "beta1")
        try Optimizer.checkBeta(beta2, "AdaMax", "beta2")
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        first = parameters.map { [Double](zeros: $0.count) }
        norms = first
        try super.init(parameters, learningRate: learningRate, maximize: maximize, name: "AdaMax")
    }

    /// The optimizer's name, as PyTorch's class is called.
    public override var name: String { "AdaMax" }

    /// β₁, the momentum a one-cycle schedule varies.
    public override var cycledMomentum: Double? {
        get { beta1 }
        set { if let newValue { beta1 = newValue } }
    }

    override func update(_ index: Int, _ p: inout [Double], _ g: [Double], step: Int) {
        let stepSize = learningRate / (1 - Elementary.pow(beta1, Double(step)))
        for i in p.indices {
            let d = g[i] + weightDecay * p[i]
            first[index][i] = beta1 * first[index][i] + (1 - beta1) * d
            norms[index][i] = Swift.max(beta2 * norms[index][i], Swift.abs(d) + epsilon)
            p[i] -= stepSize * first[index][i] / norms[index][i]
        }
    }
}
