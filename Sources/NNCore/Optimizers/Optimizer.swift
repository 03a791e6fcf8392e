/// The common shape of the optimizers: a list of parameters, a learning rate,
/// a step that reads each parameter's gradient, and state kept per parameter.
///
/// Every subclass follows PyTorch's update rule and defaults exactly, so a
/// trajectory here matches `torch.optim` to rounding. As in PyTorch, all state is
/// per parameter, the step count included: a parameter without a gradient is skipped
/// by ``step()`` with its state untouched, and its count starts at its first gradient.
public class Optimizer {
    /// The tensors being trained.
    public let parameters: [Tensor]
    /// The current learning rate (schedules change it).
    @exclusivity(unchecked) public var learningRate: Double
    /// Whether the optimizer climbs the objective instead of descending it (PyTorch's `maximize`).
    public let maximize: Bool
    /// Calls of ``step()`` so far.
    @exclusivity(unchecked) public private(set) var stepCount = 0
    /// The steps each parameter has taken (those with a gradient at the time).
    @exclusivity(unchecked) public private(set) var parameterSteps: [Int]

    init(_ parameters: [Tensor], learningRate: Double, maximize: Bool = false, name: String) throws {
        guard learningRate >= 0, learningRate.isFinite else {
            throw CoreError(name, "the learning rate must be a non-negative number, got \(learningRate)")
        }
        for (index, parameter) in parameters.enumerated() where !parameter.requiresGrad {
            throw CoreError(name, "parameter \(index) (shape \(describe(parameter.shape))) is not trainable; create it with param(...)")
        }
        self.parameters = parameters
        self.learningRate = learningRate
        self.maximize = maximize
        parameterSteps = parameters.map { _ in 0 }
    }

    /// The optimizer's name as nnlearn spells it (AdaGrad, RMSProp, AdaMax for PyTorch's Adagrad, RMSprop, Adamax).
    public var name: String { "Optimizer" }

    /// Updates every parameter that has a gradient; the others keep their values and state.
    public func step() {
        stepCount += 1
        for (index, parameter) in parameters.enumerated() {
            guard let grad = parameter.gradientValues else { continue }
            parameterSteps[index] += 1
            let step = parameterSteps[index]
            let direction = maximize ? grad.map(-) : grad
            parameter.update { values in update(index, &values, direction, step: step) }
        }
    }

    /// The momentum a schedule may cycle (OneCycleLR): SGD's and RMSProp's momentum, the Adam
    /// family's β₁; nil for an optimizer without one (AdaGrad). Setting nil changes nothing.
    public var cycledMomentum: Double? {
        get { nil }
        set {}  // swiftlint:disable:this unused_setter_value
    }

    /// Clears every parameter's gradient (to None, PyTorch's `set_to_none=True`).
    public func zeroGrad() {
        parameters.forEach { $0.zeroGrad() }
    }

    /// Applies step number `step` of parameter `index` (counted per parameter); overridden by each optimizer.
    func update(_ index: Int, _ p: inout [Double], _ g: [Double], step: Int) {}

    /// Zero-filled state buffers, one per parameter.
    func zeroState() -> [[Double]] {
        parameters.map { [Double](zeros: $0.count) }
    }

    static func checkBeta(_ beta: Double, _ name: String, _ what: String) throws {
        guard beta >= 0, beta < 1 else { throw CoreError(name, "\(what) must be in [0, 1), got \(beta)") }
    }
}
