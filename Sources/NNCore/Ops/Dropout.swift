/// Inverted dropout: zero each value with probability p, scale the survivors by 1/(1 − p).
extension Tensor {
    /// Inverted dropout with a mask drawn from `rng`; in evaluation (`training` false) or
    /// with p = 0 it is the identity. p = 1 zeroes everything, as in PyTorch.
    /// Backward multiplies the gradient by the same mask: dx = g ⊙ mask / (1 − p).
    public func dropout(_ p: Double, training: Bool = true, using rng: inout RandomGenerator) throws -> Tensor {
        guard (0...1).contains(p) else { throw CoreError("dropout", "p must be a probability in [0, 1], got \(p)") }
        guard training, p > 0 else { return self }
        let scale = p < 1 ? 1 / (1 - p) : 0
        let mask = (0..<count).map { _ in rng.nextUniform() < p ? 0 : scale }
        let out = zip(data, mask).map { $0 * $1 }
        return try Tensor.record("dropout", out, shape: shape, inputs: [self],
                                 formulas: ["{g} ⊙ mask/(1 − \(Tensor.number(p)))"]) { _, g in
            [zip(g, mask).map { $0 * $1 }]
        }
    }
}
