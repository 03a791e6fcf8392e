import Foundation

/// RMSProp (Hinton, 2012): divide by a running root mean square of the gradients.
///
///     v ← αv + (1 − α)g²
///     p ← p − η g / (√v + ε)
/// With momentum μ: b ← μb + g / (√v + ε), p ← p − ηb. Centered: v is replaced
/// by v − (running mean of g)².
public final class RMSProp: Optimizer {
    /// The smoothing of the squared-gradient average, the constant added to its root, the weight decay, and whether it is centered.
    public let alpha: Double, epsilon: Double, weightDecay: Double, centered: Bool
    /// The momentum μ (OneCycleLR may cycle it).
    @exclusivity(unchecked) public internal(set) var momentum: Double
    @exclusivity(unchecked) private var squares: [[Double]], means: [[Double]], buffers: [[Double]]

    /// RMSProp with PyTorch's defaults and update rule.
    public init(_ parameters: [Tensor], learningRate: Double = 1e-2, alpha: Double = 0.99, epsilon: Double = 1e-8,
                weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false, maximize: Bool = false) throws {
        try Optimizer.checkBeta(alpha, "RMSProp", "alpha")
        self.alpha = alpha
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
        squares = parameters.map { [Double](zeros: $0.count) }
        means = squares
        buffers = squares
        try super.init(parameters, learningRate: learningRate, maximize: maximize, name: "RMSProp")
    }

    /// The optimizer's name, as PyTorch's class is called.
    public override var name: String { "RMSProp" }

    /// The momentum a one-cycle schedule varies, if the optimizer has one.
    public override var cycledMomentum: Double? {
        get { momentum }
        set { if let newValue { momentum = newValue } }
    }

    override func update(_ index: Int, _ p: inout [Double], _ g: [Double], step: Int) {
        for i in p.indices {
            let d = g[i] + weightDecay * p[i]
            squares[index][i] = alpha * squares[index][i] + (1 - alpha) * d * d
            var average = squares[index][i]
            if centered {
                means[index][i] = alpha * means[index][i] + (1 - alpha) * d
                average -= means[index][i] * means[index][i]
            }
            let denominator = Foundation.sqrt(average) + epsilon
            if momentum > 0 {
                buffers[index][i] = momentum * buffers[index][i] + d / denominator
                p[i] -= learningRate * buffers[index][i]
            } else {
                p[i] -= learningRate * d / denominator
            }
        }
    }
}
