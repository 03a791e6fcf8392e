import Foundation

/// A learning-rate schedule stepped once per epoch, as `torch.optim.lr_scheduler`.
public final class LearningRateSchedule {
    public enum Rule: Equatable, Sendable {
        /// Multiply by `gamma` every `stepSize` epochs (StepLR).
        case step(stepSize: Int, gamma: Double)
        /// Multiply by `gamma` every epoch (ExponentialLR).
        case exponential(gamma: Double)
    }

    public let optimizer: Optimizer
    public let rule: Rule
    public let initialRate: Double
    public private(set) var epoch = 0

    public init(_ optimizer: Optimizer, _ rule: Rule) throws {
        if case .step(let size, _) = rule, size <= 0 {
            throw CoreError("StepLR", "step_size must be positive, got \(size)")
        }
        self.optimizer = optimizer
        self.rule = rule
        initialRate = optimizer.learningRate
    }

    /// Advances one epoch and sets the optimizer's learning rate.
    public func step() {
        epoch += 1
        switch rule {
        case .step(let size, let gamma):
            optimizer.learningRate = initialRate * Foundation.pow(gamma, Double(epoch / size))
        case .exponential(let gamma):
            optimizer.learningRate = initialRate * Foundation.pow(gamma, Double(epoch))
        }
    }
}
