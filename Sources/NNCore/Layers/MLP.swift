/// A multilayer perceptron: Dense layers of the given sizes.
public final class MLP {
    /// The dense layers, input first.
    public let layers: [Dense]

    /// Builds layers sizes[0]→sizes[1]→…; hidden layers use `activation`, the last `output`.
    public init(sizes: [Int], activation: ActivationKind = .relu, output: ActivationKind = .linear,
                initializer: Initializer? = nil, using rng: inout RandomGenerator) throws {
        guard sizes.count >= 2 else {
            throw CoreError("MLP", "needs at least an input and an output size, e.g. MLP([2, 4, 1]); got \(sizes)")
        }
        let chosen = initializer ?? MLP.defaultInitializer(for: activation)
        var built: [Dense] = []
        for index in 0..<(sizes.count - 1) {
            let last = index == sizes.count - 2
            let layer = try Dense(inputs: sizes[index], outputs: sizes[index + 1],
                                  activation: last ? output : activation, initializer: chosen, using: &rng)
            layer.weight.label = "W\(index + 1)"
            layer.bias.label = "b\(index + 1)"
            built.append(layer)
        }
        layers = built
    }

    /// The initializer an MLP uses when none is given: He for ReLU-like activations, LeCun normal for SELU
    /// (its self-normalizing fixed point holds only with variance 1/fan-in), Glorot for sigmoid, tanh and the rest.
    public static func defaultInitializer(for activation: ActivationKind) -> Initializer {
        let reluLike: Set<ActivationKind> = [.relu, .leakyRelu, .elu, .gelu, .swish, .mish, .softplus]
        if activation == .selu { return .lecunNormal }
        return reluLike.contains(activation) ? .heNormal : .glorotUniform
    }

    /// Wraps existing layers.
    public init(layers: [Dense]) {
        self.layers = layers
    }

    /// Every trainable tensor, layer by layer.
    public var parameters: [Tensor] { layers.flatMap(\.parameters) }
    /// The number of trainable values.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// The forward pass.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try layers.reduce(x) { try $1($0) }
    }

    /// Clears every parameter's gradient (to nil, as PyTorch's `zero_grad()`).
    public func zeroGrad() {
        parameters.forEach { $0.zeroGrad() }
    }

    /// A table of layers, shapes and parameter counts, as Keras prints it.
    public func summary() -> String {
        var rows = [["layer", "shape", "activation", "params"]]
        for (index, layer) in layers.enumerated() {
            rows.append(["dense\(index + 1)", "\(layer.inputs) → \(layer.outputs)", layer.activation.rawValue, String(layer.parameterCount)])
        }
        return Tensor.alignColumns(rows) + "\ntotal parameters: \(parameterCount)"
    }
}
