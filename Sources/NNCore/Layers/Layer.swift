/// A layer of a model: called on a batch, with named trainable tensors and a training mode.
///
/// Every layer lists its parameters in one place, ``namedParameters``; the rest
/// (``parameters``, counts, labels) derives from it.
public protocol Layer: AnyObject {
    /// The name summaries print, such as `Conv2d`.
    var name: String { get }
    /// The trainable tensors by name (`W`, `b`, `gamma`…), in PyTorch's order.
    var namedParameters: [(name: String, tensor: Tensor)] { get }
    /// Tensors the layer keeps that are not trained, such as batch norm's running statistics.
    var buffers: [(name: String, tensor: Tensor)] { get }
    /// Whether the layer is in training mode (dropout active, batch statistics); true when created.
    var isTraining: Bool { get set }
    /// Applies the layer to a batch.
    func callAsFunction(_ x: Tensor) throws -> Tensor
}

extension Layer {
    /// The trainable tensors, in order.
    public var parameters: [Tensor] { namedParameters.map(\.tensor) }
    /// The number of trainable values.
    public var parameterCount: Int { namedParameters.reduce(0) { $0 + $1.tensor.count } }
    /// No buffers unless the layer keeps some.
    public var buffers: [(name: String, tensor: Tensor)] { [] }

    /// Makes each tensor a trainable leaf labelled with its name.
    static func trainable(_ named: [(String, Tensor)]) {
        for (name, tensor) in named {
            tensor.requiresGrad = true
            tensor.label = name
        }
    }
}

/// A layer that reads a sequence [N, T, F] step by step and keeps a state.
public protocol RecurrentLayer: Layer {
    /// The outputs at every step [N, T, hidden] and the last state (h, or h and c for an LSTM).
    func sequence(_ x: Tensor) throws -> (outputs: Tensor, state: [Tensor])
}

extension RecurrentLayer {
    /// Inside a model a recurrent layer passes on its last hidden state [N, hidden], as Keras does by default.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try sequence(x).state[0]
    }
}

/// A pointwise activation as a layer: ReLU(), Tanh(), Sigmoid(), Softmax(axis).
public final class ActivationLayer: Layer {
    /// The activation the layer applies.
    public let kind: ActivationKind
    /// The axis of Softmax.
    public let axis: Int
    /// Whether the layer behaves as in training (no effect here: activations are the same in both modes).
    public var isTraining = true
    /// The layer's name, as PyTorch's class is called (ReLU, Tanh, Sigmoid, Softmax…).
    public var name: String {
        switch kind {
        case .relu: "ReLU"
        case .tanh: "Tanh"
        case .sigmoid: "Sigmoid"
        case .softmax: "Softmax"
        default: kind.rawValue
        }
    }
    /// None: an activation has no trainable tensors.
    public var namedParameters: [(name: String, tensor: Tensor)] { [] }

    /// Creates the layer; `axis` matters only for softmax.
    public init(_ kind: ActivationKind, axis: Int = -1) {
        self.kind = kind
        self.axis = axis
    }

    /// Applies the activation to every element (softmax along its axis).
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        kind == .softmax ? try x.softmax(axis: axis) : try kind.apply(x)
    }
}

extension Dense: Layer {
    /// The layer's name, as PyTorch's class is called.
    public var name: String { "Dense" }
    /// The weight and bias, by the names the language shows them.
    public var namedParameters: [(name: String, tensor: Tensor)] { [("W", weight), ("b", bias)] }
}
