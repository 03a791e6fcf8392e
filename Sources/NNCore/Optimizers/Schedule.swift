import Foundation

/// A learning-rate schedule stepped once per epoch (or batch), as `torch.optim.lr_scheduler`.
public final class LearningRateSchedule {
    /// How the learning rate changes with the epoch.
    public enum Rule: Equatable, Sendable {
        /// Multiply by `gamma` every `stepSize` epochs (StepLR).
        case step(stepSize: Int, gamma: Double)
        /// Multiply by `gamma` every epoch (ExponentialLR).
        case exponential(gamma: Double)
        /// Half a cosine from the initial rate down to `minimum` over `period` epochs, then back up (CosineAnnealingLR).
        case cosine(period: Int, minimum: Double)
        /// Warm up from max/div to max over `warmup` of the steps, then anneal to max/(div·finalDiv),
        /// both along cosines (OneCycleLR with cosine annealing and two phases). With `momentum`, the
        /// optimizer's momentum (β₁) moves the other way: from its upper bound down while lr rises, then back.
        case oneCycle(maximum: Double, totalSteps: Int, warmup: Double, div: Double, finalDiv: Double, momentum: ClosedRange<Double>?)
    }

    /// The optimizer whose learning rate the schedule sets.
    public let optimizer: Optimizer
    /// The schedule's rule.
    public let rule: Rule
    /// The rate at epoch 0 (for OneCycleLR, max/div, which it sets on the optimizer).
    public let initialRate: Double
    /// How many times `step()` has been called.
    public private(set) var epoch = 0

    /// A schedule that sets the optimizer's learning rate from epoch 0 on; throws on an invalid rule.
    public init(_ optimizer: Optimizer, _ rule: Rule) throws {
        switch rule {
        case .step(let size, _) where size <= 0:
            throw CoreError("StepLR", "step_size must be positive, got \(size)")
        case .cosine(let period, _) where period <= 0:
            throw CoreError("CosineAnnealingLR", "T_max must be positive, got \(period)")
        case .oneCycle(let maximum, let total, let warmup, let div, let finalDiv, let momentum):
            guard total > 0 else { throw CoreError("OneCycleLR", "total_steps must be positive, got \(total)") }
            guard warmup >= 0, warmup <= 1 else { throw CoreError("OneCycleLR", "pct_start must be in [0, 1], got \(warmup)") }
            guard maximum > 0, maximum.isFinite, div > 0, finalDiv > 0 else {
                throw CoreError("OneCycleLR", "max_lr, div_factor and final_div_factor must be positive")
            }
            if let momentum {
                guard optimizer.cycledMomentum != nil else {
                    throw CoreError("OneCycleLR", "\(optimizer.name) has no momentum or beta1 to cycle; pass cycle_momentum=False")
                }
                optimizer.cycledMomentum = momentum.upperBound
            }
            optimizer.learningRate = maximum / div
        default:
            break
        }
        self.optimizer = optimizer
        self.rule = rule
        initialRate = optimizer.learningRate
    }

    /// Advances one epoch and sets the optimizer's learning rate.
    public func step() throws {
        if case .oneCycle(_, let total, _, _, _, _) = rule, epoch + 1 > total {
            throw CoreError("OneCycleLR", "stepped \(epoch + 1) times, but total_steps is \(total); create the schedule with more steps")
        }
        epoch += 1
        optimizer.learningRate = rate(at: epoch)
        if case .oneCycle(_, _, _, _, _, let momentum?) = rule {
            optimizer.cycledMomentum = oneCyclePhase(at: epoch) { phase, fraction in
                phase == 0 ? Self.cosineAnneal(from: momentum.upperBound, to: momentum.lowerBound, fraction: fraction)
                    : Self.cosineAnneal(from: momentum.lowerBound, to: momentum.upperBound, fraction: fraction)
            }
        }
    }

    /// PyTorch's two phases of OneCycleLR, which end at steps pct_start·total − 1 and total − 1:
    /// `value` gets the phase (0 or 1) and how far into it `epoch` lies.
    private func oneCyclePhase(at epoch: Int, _ value: (Int, Double) -> Double) -> Double {
        guard case .oneCycle(_, let total, let warmup, _, _, _) = rule else { return 0 }
        let warmupEnd = warmup * Double(total) - 1
        let t = Double(epoch)
        if t <= warmupEnd { return value(0, t / warmupEnd) }
        return value(1, (t - warmupEnd) / (Double(total - 1) - warmupEnd))
    }

    /// The learning rate PyTorch's schedule gives at `epoch`.
    func rate(at epoch: Int) -> Double {
        switch rule {
        case .step(let size, let gamma):
            return initialRate * Elementary.pow(gamma, Double(epoch / size))
        case .exponential(let gamma):
            return initialRate * Elementary.pow(gamma, Double(epoch))
        case .cosine(let period, let minimum):
            return minimum + (initialRate - minimum) * (1 + Elementary.cos(Double.pi * Double(epoch) / Double(period))) / 2
        case .oneCycle(let maximum, _, _, _, let finalDiv, _):
            return oneCyclePhase(at: epoch) { phase, fraction in
                phase == 0 ? Self.cosineAnneal(from: initialRate, to: maximum, fraction: fraction)
                    : Self.cosineAnneal(from: maximum, to: initialRate / finalDiv, fraction: fraction)
            }
        }
    }

    private static func cosineAnneal(from start: Double, to end: Double, fraction: Double) -> Double {
        end + (start - end) / 2 * (Elementary.cos(Double.pi * fraction) + 1)
    }
}

/// Lowers the learning rate when a monitored loss stops improving, as PyTorch's `ReduceLROnPlateau`
/// (mode "min", relative threshold, no cooldown, min_lr 0).
public final class PlateauSchedule {
    /// The optimizer whose learning rate the schedule sets.
    public let optimizer: Optimizer
    /// The factor the rate is multiplied by, the epochs without improvement tolerated, and the relative improvement that counts.
    public let factor: Double, patience: Int, threshold: Double
    /// The best loss seen so far.
    public private(set) var best = Double.infinity
    /// Consecutive steps without an improvement on `best` by more than the threshold.
    public private(set) var badSteps = 0
    /// How many times `step()` has been called.
    public private(set) var epoch = 0

    /// A plateau schedule with PyTorch's defaults; throws on a factor outside (0, 1) or a negative patience or threshold.
    public init(_ optimizer: Optimizer, factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4) throws {
        guard factor > 0, factor < 1 else { throw CoreError("ReduceLROnPlateau", "factor must be in (0, 1), got \(factor)") }
        guard patience >= 0 else { throw CoreError("ReduceLROnPlateau", "patience must be non-negative, got \(patience)") }
        guard threshold >= 0 else { throw CoreError("ReduceLROnPlateau", "threshold must be non-negative, got \(threshold)") }
        self.optimizer = optimizer
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
    }

    /// Records this epoch's loss; after more than `patience` steps without improvement, lr × factor.
    public func step(_ loss: Double) {
        epoch += 1
        // PyTorch's "rel" threshold: better means below best·(1 − threshold); nan is never better.
        if loss < best * (1 - threshold) {
            best = loss
            badSteps = 0
        } else {
            badSteps += 1
        }
        guard badSteps > patience else { return }
        let reduced = optimizer.learningRate * factor
        // PyTorch skips changes smaller than eps = 1e-8.
        if optimizer.learningRate - reduced > 1e-8 { optimizer.learningRate = reduced }
        badSteps = 0
    }
}
