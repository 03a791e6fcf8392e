/// The outcome of comparing autodiff's gradients with finite differences.
public struct GradcheckResult: Sendable {
    /// The largest error per input, |analytic − numeric| / max(1, |analytic|, |numeric|):
    /// relative for large gradients, absolute for small ones.
    public let maxErrors: [Double]
    /// The tolerance the errors were held to.
    public let tolerance: Double
    /// Whether every input's error is within the tolerance.
    public var passed: Bool { maxErrors.allSatisfy { $0 <= tolerance } }
}

/// Gradient checking by central finite differences.
public enum Gradcheck {
    /// Checks the gradients of `function` at `inputs`.
    ///
    /// A non-scalar output is reduced to a scalar with fixed pseudo-random
    /// weights, so every element of the Jacobian takes part. Each input value
    /// is nudged by ±ε and (f(x + ε) − f(x − ε)) / 2ε compared with backward's.
    public static func check(
        _ function: ([Tensor]) throws -> Tensor, at inputs: [Tensor],
        epsilon: Double = 1e-6, tolerance: Double = 1e-5
    ) throws -> GradcheckResult {
        let leaves = inputs.map { Tensor(uncheckedData: $0.data, shape: $0.shape, requiresGrad: true) }
        let output = try function(leaves)
        var rng = RandomGenerator(seed: 0)
        let weights = output.count == 1 ? [1.0] : (0..<output.count).map { _ in rng.nextUniform() + 0.5 }
        try output.backward(upstream: Tensor(uncheckedData: weights, shape: output.shape))

        func objective(_ values: [[Double]]) throws -> Double {
            try GradMode.withoutGrad {
                let probe = try function(zip(values, leaves).map { Tensor(uncheckedData: $0, shape: $1.shape) })
                guard probe.count == weights.count else {
                    throw CoreError("gradcheck", "the function's output changed size from \(weights.count) to \(probe.count)")
                }
                return zip(probe.data, weights).reduce(0) { $0 + $1.0 * $1.1 }
            }
        }

        var errors: [Double] = []
        let base = leaves.map(\.data)
        for (index, leaf) in leaves.enumerated() {
            let analytic = leaf.grad?.data ?? [Double](zeros: leaf.count)
            var worst = 0.0
            for element in 0..<leaf.count {
                try ResourceBudget.checkpoint()
                var values = base
                values[index][element] += epsilon
                let plus = try objective(values)
                values[index][element] -= 2 * epsilon
                let minus = try objective(values)
                let numeric = (plus - minus) / (2 * epsilon)
                let error = Swift.abs(analytic[element] - numeric) / Swift.max(1, Swift.abs(analytic[element]), Swift.abs(numeric))
                worst = Swift.max(worst, error.isNaN ? .infinity : error)
            }
            errors.append(worst)
        }
        return GradcheckResult(maxErrors: errors, tolerance: tolerance)
    }
}
