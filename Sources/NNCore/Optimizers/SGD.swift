/// Stochastic gradient descent, with optional momentum, Nesterov momentum and weight decay.
///
///     g ← g + λp                          (weight decay λ)
///     v ← g on the first step, then μv + (1 − τ)g   (momentum μ, dampening τ)
///     g ← g + μv (Nesterov)  or  g ← v
///     p ← p − η g
public final class SGD: Optimizer {
    /// The momentum μ (OneCycleLR may cycle it).
    @exclusivity(unchecked) public internal(set) var momentum: Double
    /// Dampening of the momentum, the L2 penalty added to gradients, and whether the step is Nesterov's.
    public let dampening: Double, weightDecay: Double, nesterov: Bool
    @exclusivity(unchecked) private var velocity: [[Double]]
    @exclusivity(unchecked) private var started: [Bool]

    /// SGD with optional momentum, with PyTorch's defaults and update rule.
    public init(_ parameters: [Tensor], learningRate: Double = 1e-3, momentum: Double = 0,
                dampening: Double = 0, weightDecay: Double = 0, nesterov: Bool = false, maximize: Bool = false) throws {
        guard momentum >= 0 else { throw CoreError("SGD", "momentum must be non-negative, got \(momentum)") }
        guard !nesterov || (momentum > 0 && dampening == 0) else {
            throw CoreError("SGD", "Nesterov momentum needs momentum > 0 and no dampening")
        }
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        velocity = parameters.map { _ in [] }
        started = parameters.map { _ in false }
        try super.init(parameters, learningRate: learningRate, maximize: maximize, name: "SGD")
    }

    /// The optimizer's name, as PyTorch's class is called.
    public override var name: String { "SGD" }

    /// The momentum a one-cycle schedule varies, if the optimizer has one.
    public override var cycledMomentum: Double? {
        get { momentum }
        set { if let newValue { momentum = newValue } }
    }

    override func update(_ index: Int, _ p: inout [Double], _ g: [Double], step: Int) {
        let (lr, mu, wd, tau, nesterov) = (learningRate, momentum, weightDecay, dampening, nesterov)
        // Loops over buffers (no bounds checks), so the plain update vectorizes; same arithmetic per element.
        if mu == 0 {
            p.withUnsafeMutableBufferPointer { p in
                g.withUnsafeBufferPointer { g in
                    for i in 0..<p.count { p[i] -= lr * (g[i] + wd * p[i]) }
                }
            }
            return
        }
        if !started[index] {
            velocity[index] = [Double](zeros: p.count)
        }
        let first = !started[index]
        started[index] = true
        velocity[index].withUnsafeMutableBufferPointer { v in
            p.withUnsafeMutableBufferPointer { p in
                g.withUnsafeBufferPointer { g in
                    for i in 0..<p.count {
                        let d = g[i] + wd * p[i]
                        v[i] = first ? d : mu * v[i] + (1 - tau) * d
                        p[i] -= lr * (nesterov ? d + mu * v[i] : v[i])
                    }
                }
            }
        }
    }
}
