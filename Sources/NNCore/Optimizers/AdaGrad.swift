import Foundation

/// AdaGrad (Duchi et al., 2011): a per-coordinate rate that shrinks with the gradients seen.
///
///     η_t = η / (1 + (t − 1)·decay)
///     s ← s + g²
///     p ← p − η_t g / (√s + ε)
public final class AdaGrad: Optimizer {
    /// How fast the step size decays, the L2 penalty added to gradients, and the constant added to the denominator.
    public let learningRateDecay: Double, weightDecay: Double, epsilon: Double
    @exclusivity(unchecked) private var sums: [[Double]]

    /// AdaGrad with PyTorch's defaults and update rule.
    public init(_ parameters: [Tensor], learningRate: Double = 1e-2, learningRateDecay: Double = 0,
                weightDecay: Double = 0, initialAccumulator: Double = 0, epsilon: Double = 1e-10, maximize: Bool = false) throws {
        self.learningRateDecay = learningRateDecay
        self.weightDecay = weightDecay
        self.epsilon = epsilon
        sums = parameters.map { [Double](repeating: initialAccumulator, count: $0.count) }
        try super.init(parameters, learningRate: learningRate, maximize: maximize, name: "AdaGrad")
    }

    /// The optimizer's name, as PyTorch's class is called.
    public override var name: String { "AdaGrad" }

    override func update(_ index: Int, _ p: inout [Double], _ g: [Double], step: Int) {
        let rate = learningRate / (1 + Double(step - 1) * learningRateDecay)
        sums[index].withUnsafeMutableBufferPointer { s in
            for i in p.indices {
                let d = g[i] + weightDecay * p[i]
                s[i] += d * d
                p[i] -= rate * d / (Foundation.sqrt(s[i]) + epsilon)
            }
        }
    }
}
