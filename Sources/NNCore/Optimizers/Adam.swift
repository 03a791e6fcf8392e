import Foundation
internal import CKernels

/// Adam (Kingma and Ba, 2015), and AdamW (Loshchilov and Hutter, 2019) with decoupled weight decay.
///
///     p ← p(1 − ηλ)                      (AdamW only; Adam adds λp to g instead)
///     m ← β₁m + (1 − β₁)g
///     v ← β₂v + (1 − β₂)g²
///     v̄ ← max(v̄, v)                      (AMSGrad only; v̄ replaces v below)
///     m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
///     p ← p − η m̂ / (√v̂ + ε)
public final class Adam: Optimizer {
    /// β₁ (OneCycleLR may cycle it).
    @exclusivity(unchecked) public internal(set) var beta1: Double
    /// The decay of the squared-gradient average, the constant added to its root, and the weight decay.
    public let beta2: Double, epsilon: Double, weightDecay: Double
    /// Whether weight decay is decoupled from the gradient (AdamW).
    public let decoupled: Bool
    /// Whether the denominator uses the largest second moment so far (AMSGrad, Reddi et al., 2018).
    public let amsgrad: Bool
    @exclusivity(unchecked) private var first: [[Double]], second: [[Double]], largestSecond: [[Double]]
    /// Where plain Adam's update runs: the AVX kernel where the CPU has it; tests force the baseline to compare.
    var kernelPath = KernelPath.preferred

    /// Adam (or AdamW, with decoupled weight decay) with PyTorch's defaults and update rule.
    public init(_ parameters: [Tensor], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0, decoupled: Bool = false,
                amsgrad: Bool = false, maximize: Bool = false) throws {
        try Optimizer.checkBeta(beta1, decoupled ? "AdamW" : "Adam", "beta1")
        try Optimizer.checkBeta(beta2, decoupled ? "AdamW" : "Adam", "beta2")
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupled = decoupled
        self.amsgrad = amsgrad
        first = parameters.map { [Double](zeros: $0.count) }
        second = first
        largestSecond = amsgrad ? first : []
        try super.init(parameters, learningRate: learningRate, maximize: maximize, name: decoupled ? "AdamW" : "Adam")
    }

    /// AdamW with PyTorch's default weight decay of 0.01.
    public static func adamW(_ parameters: [Tensor], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                             epsilon: Double = 1e-8, weightDecay: Double = 1e-2,
                             amsgrad: Bool = false, maximize: Bool = false) throws -> Adam {
        try Adam(parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                 weightDecay: weightDecay, decoupled: true, amsgrad: amsgrad, maximize: maximize)
    }

    /// The optimizer's name: AdamW when the weight decay is decoupled, else Adam.
    public override var name: String { decoupled ? "AdamW" : "Adam" }

    /// β₁, the momentum a one-cycle schedule varies.
    public override var cycledMomentum: Double? {
        get { beta1 }
        set { if let newValue { beta1 = newValue } }
    }

    override func update(_ index: Int, _ p: inout [Double], _ g: [Double], step: Int) {
        let t = Double(step)
        let correction1 = 1 - Elementary.pow(beta1, t)
        let correction2Root = Foundation.sqrt(1 - Elementary.pow(beta2, t))
        let stepSize = learningRate / correction1
        let (b1, b2, eps, lr, wd) = (beta1, beta2, epsilon, learningRate, weightDecay)
        let (decoupled, amsgrad) = (decoupled, amsgrad)
        var largest = amsgrad ? largestSecond[index] : []
        defer { if amsgrad { largestSecond[index] = largest } }
        // Raw buffers: indexing four arrays through Swift's checks cost more than the arithmetic.
        first[index].withUnsafeMutableBufferPointer { m in
            second[index].withUnsafeMutableBufferPointer { v in
                p.withUnsafeMutableBufferPointer { p in
                    g.withUnsafeBufferPointer { g in
                        guard decoupled || amsgrad else {
                            // Plain Adam: four parameters at a time where the CPU has AVX, with the same operations in the same order.
                            if kernelPath == .avx {
                                nn_avx_adam(p.baseAddress, g.baseAddress, m.baseAddress, v.baseAddress, p.count,
                                            b1, b2, wd, stepSize, correction2Root, eps)
                                return
                            }
                            for i in 0..<p.count {
                                let d = g[i] + wd * p[i]
                                m[i] = b1 * m[i] + (1 - b1) * d
                                v[i] = b2 * v[i] + (1 - b2) * d * d
                                p[i] -= stepSize * m[i] / (Foundation.sqrt(v[i]) / correction2Root + eps)
                            }
                            return
                        }
                        for i in 0..<p.count {
                            var d = g[i]
                            if decoupled { p[i] *= 1 - lr * wd } else { d += wd * p[i] }
                            m[i] = b1 * m[i] + (1 - b1) * d
                            v[i] = b2 * v[i] + (1 - b2) * d * d
                            var moment = v[i]
                            if amsgrad {
                                largest[i] = Swift.max(largest[i], v[i])
                                moment = largest[i]
                            }
                            // PyTorch's arrangement: (√v / √(1 − β₂ᵗ)) + ε, then η/(1 − β₁ᵗ) · m / that.
                            p[i] -= stepSize * m[i] / (Foundation.sqrt(moment) / correction2Root + eps)
                        }
                    }
                }
            }
        }
    }
}
