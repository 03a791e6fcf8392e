import Foundation

/// NAdam (Dozat, 2016): Adam with Nesterov momentum and PyTorch's momentum schedule.
///
///     μ_t = β₁(1 − ½·0.96^(tψ)),  μ_{t+1} = β₁(1 − ½·0.96^((t+1)ψ)),  Π_t = Π μ_1…μ_t
///     m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,  d = √(v / (1 − β₂ᵗ)) + ε
///     p ← p − η(1 − μ_t)/(1 − Π_t) · g/d − η μ_{t+1}/(1 − Π_t μ_{t+1}) · m/d
/// where ψ is the momentum decay (4e-3).
public final class NAdam: Optimizer {
    /// β₁ (OneCycleLR may cycle it).
    @exclusivity(unchecked) public internal(set) var beta1: Double
    /// The decay of the squared-gradient average, the constant added to its root, the weight decay and the momentum decay.
    public let beta2: Double, epsilon: Double, weightDecay: Double, momentumDecay: Double
    @exclusivity(unchecked) private var first: [[Double]], second: [[Double]]

    /// NAdam with PyTorch's defaults and update rule.
    public init(_ parameters: [Tensor], learningRate: Double = 2e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0, momentumDecay: Double = 4e-3, maximize: Bool = false) throws {
        try Optimizer.checkBeta(beta1, "NAdam", "beta1")
        try Optimizer.checkBeta(beta2, "NAdam", "beta2")
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.momentumDecay = momentumDecay
        first = parameters.map { [Double](zeros: $0.count) }
        second = first
        muProducts = parameters.map { _ in 1 }
        try super.init(parameters, learningRate: learningRate, maximize: maximize, name: "NAdam")
    }

    /// The optimizer's name, as PyTorch's class is called.
    public override var name: String { "NAdam" }

    /// β₁, the momentum a one-cycle schedule varies.
    public override var cycledMomentum: Double? {
        get { beta1 }
        set { if let newValue { beta1 = newValue } }
    }

    /// Each parameter's product μ_1…μ_t, advanced at its own steps.
    @exclusivity(unchecked) private var muProducts: [Double]

    override func update(_ index: Int, _ p: inout [Double], _ g: [Double], step: Int) {
        let t = Double(step)
        let mu = beta1 * (1 - 0.5 * Elementary.pow(0.96, t * momentumDecay))
        let muNext = beta1 * (1 - 0.5 * Elementary.pow(0.96, (t + 1) * momentumDecay))
        muProducts[index] *= mu
        let muProduct = muProducts[index]
        let correction2 = 1 - Elementary.pow(beta2, t)
        for i in p.indices {
            let d = g[i] + weightDecay * p[i]
            first[index][i] = beta1 * first[index][i] + (1 - beta1) * d
            second[index][i] = beta2 * second[index][i] + (1 - beta2) * d * d
            let denominator = Foundation.sqrt(second[index][i] / correction2) + epsilon
            p[i] -= learningRate * (1 - mu) / (1 - muProduct) * d / denominator
            p[i] -= learningRate * muNext / (1 - muProduct * muNext) * first[index][i] / denominator
        }
    }
}
