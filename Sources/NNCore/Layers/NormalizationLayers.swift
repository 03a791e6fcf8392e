/// BatchNorm, LayerNorm, Dropout and Embedding as layers.
public final class BatchNorm: Layer {
    /// The learned scale and shift, one per feature.
    public let gamma: Tensor, beta: Tensor
    /// The running statistics used in evaluation, updated by every training batch.
    public let runningMean: Tensor, runningVar: Tensor
    /// How far each batch moves the running statistics, and the constant added to the variance.
    public let momentum: Double, epsilon: Double
    /// Whether the layer normalizes with the batch's statistics (training) or the running ones (evaluation).
    public var isTraining = true
    /// The layer's name, as PyTorch's class is called.
    public var name: String { "BatchNorm" }
    /// The learned scale and shift by PyTorch's names.
    public var namedParameters: [(name: String, tensor: Tensor)] { [("gamma", gamma), ("beta", beta)] }
    /// The running mean and variance, saved with the weights but not trained.
    public var buffers: [(name: String, tensor: Tensor)] { [("running_mean", runningMean), ("running_var", runningVar)] }

    /// γ = 1, β = 0, running mean 0 and variance 1, as PyTorch starts them.
    public init(features: Int, momentum: Double = 0.1, epsilon: Double = 1e-5) throws {
        guard features > 0 else { throw CoreError("BatchNorm", "needs at least one feature, got \(features)") }
        (gamma, beta) = (try Tensor.ones([features]), try Tensor.zeros([features]))
        (runningMean, runningVar) = (try Tensor.zeros([features]), try Tensor.ones([features]))
        (self.momentum, self.epsilon) = (momentum, epsilon)
        Self.trainable([("gamma", gamma), ("beta", beta)])
    }

    /// Normalizes a batch, updating the running statistics in training.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try Tensor.batchNorm(x, gamma: gamma, beta: beta, runningMean: runningMean, runningVar: runningVar,
                             training: isTraining, momentum: momentum, epsilon: epsilon)
    }
}

/// Layer normalization over the last axis.
public final class LayerNorm: Layer {
    /// The learned scale and shift, one per feature.
    public let gamma: Tensor, beta: Tensor
    /// The constant added to the variance before its square root.
    public let epsilon: Double
    /// Whether the layer normalizes with the batch's statistics (training) or the running ones (evaluation).
    public var isTraining = true
    /// The layer's name, as PyTorch's class is called.
    public var name: String { "LayerNorm" }
    /// The learned scale and shift by PyTorch's names.
    public var namedParameters: [(name: String, tensor: Tensor)] { [("gamma", gamma), ("beta", beta)] }

    /// γ = 1, β = 0, as PyTorch starts them.
    public init(features: Int, epsilon: Double = 1e-5) throws {
        guard features > 0 else { throw CoreError("LayerNorm", "needs at least one feature, got \(features)") }
        (gamma, beta, self.epsilon) = (try Tensor.ones([features]), try Tensor.zeros([features]), epsilon)
        Self.trainable([("gamma", gamma), ("beta", beta)])
    }

    /// Normalizes a batch, updating the running statistics in training.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try Tensor.layerNorm(x, gamma: gamma, beta: beta, epsilon: epsilon)
    }
}

/// Inverted dropout while training, the identity in evaluation.
public final class Dropout: Layer {
    /// The probability that an element is zeroed in training.
    public let probability: Double
    /// The layer's own stream, seeded from the one it was created with, so masks repeat run after run.
    @exclusivity(unchecked) private var random: RandomGenerator
    /// Whether the layer normalizes with the batch's statistics (training) or the running ones (evaluation).
    public var isTraining = true
    /// The layer's name, as PyTorch's class is called.
    public var name: String { "Dropout" }
    /// None: the layer has no trainable tensors.
    public var namedParameters: [(name: String, tensor: Tensor)] { [] }

    /// A dropout layer with drop probability `p` in [0, 1], its masks drawn from a stream seeded from `rng`.
    public init(p: Double, using rng: inout RandomGenerator) throws {
        guard (0...1).contains(p) else { throw CoreError("Dropout", "p must be a probability in [0, 1], got \(p)") }
        probability = p
        random = RandomGenerator(seed: rng.next())
    }

    /// Normalizes a batch, updating the running statistics in training.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try x.dropout(probability, training: isTraining, using: &random)
    }
}

/// A table of n vectors of size d, looked up by integer ids.
public final class Embedding: Layer {
    /// The table [n, d].
    public let table: Tensor
    /// Whether the layer normalizes with the batch's statistics (training) or the running ones (evaluation).
    public var isTraining = true
    /// The layer's name, as PyTorch's class is called.
    public var name: String { "Embedding" }
    /// The lookup table by PyTorch's name.
    public var namedParameters: [(name: String, tensor: Tensor)] { [("table", table)] }

    /// Rows drawn from N(0, 1), as PyTorch does.
    public init(count: Int, dimension: Int, using rng: inout RandomGenerator) throws {
        guard count > 0, dimension > 0 else { throw CoreError("Embedding", "needs n > 0 rows of d > 0 values, got \(count) and \(dimension)") }
        table = try Tensor.randn([count, dimension], using: &rng)
        Self.trainable([("table", table)])
    }

    /// The rows of the table for each id.
    public func callAsFunction(_ ids: Tensor) throws -> Tensor { try Tensor.embedding(ids, table) }
}
