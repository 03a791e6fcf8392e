/// Layers applied one after another, as Keras' and PyTorch's Sequential.
public final class Sequential: Layer {
    /// The layers in the order they run.
    public let layers: [any Layer]
    /// The shape of the last batch the model was called on, for ``summary(inputShape:)``.
    @exclusivity(unchecked) public private(set) var lastInputShape: [Int]?
    /// The layer's name, as PyTorch's class is called.
    public var name: String { "Sequential" }

    /// Chains the layers; an empty list is refused.
    public init(_ layers: [any Layer]) throws {
        guard !layers.isEmpty else { throw CoreError("Sequential", "needs at least one layer, e.g. Sequential([Dense(2, 1)])") }
        self.layers = layers
    }

    /// Every layer's parameters, named by layer number: W1, b1, gamma2…
    public var namedParameters: [(name: String, tensor: Tensor)] {
        layers.enumerated().flatMap { index, layer in layer.namedParameters.map { ("\($0.name)\(index + 1)", $0.tensor) } }
    }

    /// The buffers of every layer, each name followed by the layer's number (running_mean1).
    public var buffers: [(name: String, tensor: Tensor)] {
        layers.enumerated().flatMap { index, layer in layer.buffers.map { ("\($0.name)\(index + 1)", $0.tensor) } }
    }

    /// Training mode of every layer: setting it sets them all.
    public var isTraining: Bool {
        get { layers.allSatisfy(\.isTraining) }
        set { for layer in layers { layer.isTraining = newValue } }
    }

    /// Runs the input through every layer in turn.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        lastInputShape = x.shape
        return try layers.reduce(x) { try $1($0) }
    }

    /// A table of layers with their output shapes and parameter counts, as Keras prints it.
    ///
    /// Shapes come from running one example of `inputShape` (without its batch axis; by default
    /// that of the last batch) through the layers in evaluation mode, with no graph and no
    /// change to running statistics; the batch axis is printed as N.
    public func summary(inputShape: [Int]? = nil) throws -> String {
        var shapes: [String] = layers.map { _ in "?" }
        if let example = inputShape ?? lastInputShape.map({ Array($0.dropFirst()) }) {
            let wasTraining = layers.map(\.isTraining)
            defer { for (layer, mode) in zip(layers, wasTraining) { layer.isTraining = mode } }
            isTraining = false
            try GradMode.withoutGrad {
                var x = try Tensor.zeros([1] + example)
                for (index, layer) in layers.enumerated() {
                    x = try layer(x)
                    shapes[index] = "(" + (["N"] + x.shape.dropFirst().map(String.init)).joined(separator: ", ") + ")"
                }
            }
        }
        var rows = [["layer", "output shape", "params"]]
        for (index, layer) in layers.enumerated() {
            rows.append(["\(index + 1) \(layer.name)", shapes[index], String(layer.parameterCount)])
        }
        let note = shapes.contains("?") ? "\n(call the model on a batch, or give summary an input shape, to see the shapes)" : ""
        return Tensor.alignColumns(rows) + "\ntotal parameters: \(parameterCount)" + note
    }
}
