/// A pointwise nonlinearity applied by a layer.
public enum ActivationKind: String, CaseIterable, Sendable {
    case linear, sigmoid, tanh, relu, leakyRelu = "leaky_relu", elu, selu, gelu, swish, softplus, mish, softmax

    /// Accepts the language's spellings: "relu", "leaky_relu", "silu" for swish, "none" for linear.
    public init?(name: String) {
        switch name.lowercased() {
        case "none", "identity", "linear": self = .linear
        case "silu": self = .swish
        default: self.init(rawValue: name.lowercased())
        }
    }

    /// Applies the activation.
    public func apply(_ x: Tensor) throws -> Tensor {
        switch self {
        case .linear: return x
        case .sigmoid: return try x.sigmoid()
        case .tanh: return try x.tanh()
        case .relu: return try x.relu()
        case .leakyRelu: return try x.leakyRelu()
        case .elu: return try x.elu()
        case .selu: return try x.selu()
        case .gelu: return try x.gelu()
        case .swish: return try x.swish()
        case .softplus: return try x.softplus()
        case .mish: return try x.mish()
        case .softmax: return try x.softmax()
        }
    }
}

/// A fully connected layer: `activation(x @ W + b)`, W of shape [inputs, outputs].
public final class Dense {
    /// Weights, [inputs, outputs].
    public let weight: Tensor
    /// Bias, [outputs].
    public let bias: Tensor
    /// The activation applied after the affine map.
    public let activation: ActivationKind
    /// A Dense layer acts the same in training and evaluation; the mode is kept for models.
    public var isTraining = true

    /// Creates a layer with weights from `initializer` and a zero bias.
    public init(inputs: Int, outputs: Int, activation: ActivationKind = .linear,
                initializer: Initializer = .glorotUniform, using rng: inout RandomGenerator) throws {
        guard inputs > 0, outputs > 0 else {
            throw CoreError("Dense", "a layer needs at least one input and one output, got \(inputs) → \(outputs)")
        }
        weight = try initializer.weights(fanIn: inputs, fanOut: outputs, using: &rng)
        bias = try Tensor.zeros([outputs])
        weight.requiresGrad = true
        bias.requiresGrad = true
        weight.label = "W"
        bias.label = "b"
        self.activation = activation
    }

    /// Creates a layer from given weights and bias, which become parameters.
    public init(weight: Tensor, bias: Tensor, activation: ActivationKind = .linear) throws {
        guard weight.rank == 2, bias.shape == [weight.shape[1]] else {
            throw CoreError("Dense", "weight must be [inputs, outputs] and bias [outputs]; got \(describe(weight.shape)) and \(describe(bias.shape))")
        }
        try weight.makeParameter()
        try bias.makeParameter()
        self.weight = weight
        self.bias = bias
        self.activation = activation
    }

    /// The size of each input vector.
    public var inputs: Int { weight.shape[0] }
    /// The size of each output vector.
    public var outputs: Int { weight.shape[1] }
    /// The trainable tensors: weight, then bias.
    public var parameters: [Tensor] { [weight, bias] }
    /// The number of trainable values.
    public var parameterCount: Int { weight.count + bias.count }

    /// Applies the layer to a batch [n, inputs] (or one example [inputs]).
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        guard x.shape.last == inputs else {
            throw CoreError("Dense", "the layer expects \(inputs) features per example but the input has shape \(describe(x.shape))")
        }
        return try activation.apply(try Tensor.matmul(x, weight) + bias)
    }
}
