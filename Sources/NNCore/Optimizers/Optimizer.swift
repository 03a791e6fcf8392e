/// The common shape of the optimizers: a list of parameters, a learning rate,
/// a step that reads each parameter's gradient, and state kept per parameter.
///
/// Every subclass follows PyTorch's update rule and defaults exactly, so a
/// trajectory here matches `torch.optim` to rounding.
public class Optimizer {
    /// The tensors being trained.
    public let parameters: [Tensor]
    /// The current learning rate (schedules change it).
    public var learningRate: Double
    /// Steps taken so far.
    public private(set) var stepCount = 0

    init(_ parameters: [Tensor], learningRate: Double, name: String) throws {
        guard learningRate >= 0, learningRate.isFinite else {
            throw CoreError(name, "the learning rate must be a non-negative number, got \(learningRate)")
        }
        for (index, parameter) in parameters.enumerated() where !parameter.requiresGrad {
            throw CoreError(name, "parameter \(index) (shape \(describe(parameter.shape))) is not trainable; create it with param(...)")
        }
        self.parameters = parameters
        self.learningRate = learningRate
    }

    /// The optimizer's name as nnlearn spells it (AdaGrad, RMSProp, AdaMax for PyTorch's Adagrad, RMSprop, Adamax).
    public var name: String { "Optimizer" }

    /// Updates every parameter that has a gradient.
    public func step() {
        stepCount += 1
        for (index, parameter) in parameters.enumerated() {
            guard let grad = parameter.grad?.data else { continue }
            parameter.update { values in update(index, &values, grad) }
        }
    }

    /// Zeroes every parameter's gradient.
    public func zeroGrad() {
        parameters.forEach { $0.zeroGrad() }
    }

    /// Applies one step to parameter `index`; overridden by each optimizer.
    func update(_ index: Int, _ p: inout [Double], _ g: [Double]) {}

    /// Zero-filled state buffers, one per parameter.
    func zeroState() -> [[Double]] {
        parameters.map { [Double](repeating: 0, count: $0.count) }
    }

    static func checkBeta(_ beta: Double, _ name: String, _ what: String) throws {
        guard beta >= 0, beta < 1 else { throw CoreError(name, "\(what) must be in [0, 1), got \(beta)") }
    }
}
