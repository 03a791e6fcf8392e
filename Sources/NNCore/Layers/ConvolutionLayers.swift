import Foundation

/// The layers of a convolutional network: Conv2d, MaxPool2d, AvgPool2d and Flatten.
public final class Conv2d: Layer {
    /// Filters [out, in, k, k].
    public let weight: Tensor
    /// One bias per output channel.
    public let bias: Tensor
    /// The step between windows and the zeros added around each side of the input.
    public let stride: Int, padding: Int
    /// Whether the layer behaves as in training (no effect here: it has no training-only behaviour).
    public var isTraining = true
    /// The layer's name, as PyTorch's class is called.
    public var name: String { "Conv2d" }
    /// The trainable tensors by the names PyTorch's state dict gives them.
    public var namedParameters: [(name: String, tensor: Tensor)] { [("W", weight), ("b", bias)] }

    /// PyTorch's default initialization: weights and bias uniform on ±1/√(in·k·k).
    public init(inChannels: Int, outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
                using rng: inout RandomGenerator) throws {
        guard inChannels > 0, outChannels > 0, kernel > 0, stride > 0, padding >= 0 else {
            throw CoreError("Conv2d", "needs positive channels, kernel and stride and padding ≥ 0, got in \(inChannels), out \(outChannels), kernel \(kernel), stride \(stride), padding \(padding)")
        }
        let bound = 1 / Double(inChannels * kernel * kernel).squareRoot()
        weight = try Tensor.uniform([outChannels, inChannels, kernel, kernel], low: -bound, high: bound, using: &rng)
        bias = try Tensor.uniform([outChannels], low: -bound, high: bound, using: &rng)
        (self.stride, self.padding) = (stride, padding)
        Self.trainable([("W", weight), ("b", bias)])
    }

    /// Applies the layer to a batch [N, C, H, W].
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try Tensor.conv2d(x, weight, bias: bias, stride: stride, padding: padding)
    }
}

/// Max or average pooling over k×k windows.
public final class Pool2d: Layer {
    /// The window's side and the step between windows.
    public let kernel: Int, stride: Int
    /// Whether the layer takes each window's maximum (MaxPool2d) or its mean (AvgPool2d).
    public let takesMaximum: Bool
    /// Whether the layer behaves as in training (no effect here: it has no training-only behaviour).
    public var isTraining = true
    /// The layer's name, as PyTorch's class is called.
    public var name: String { takesMaximum ? "MaxPool2d" : "AvgPool2d" }
    /// None: pooling has no trainable tensors.
    public var namedParameters: [(name: String, tensor: Tensor)] { [] }

    /// Pools with the kernel as stride unless another is given.
    public init(kernel: Int, stride: Int? = nil, maximum: Bool) throws {
        guard kernel > 0, (stride ?? 1) > 0 else {
            throw CoreError(maximum ? "MaxPool2d" : "AvgPool2d", "kernel and stride must be at least 1, got \(kernel) and \(stride ?? kernel)")
        }
        (self.kernel, self.stride, takesMaximum) = (kernel, stride ?? kernel, maximum)
    }

    /// Applies the layer to a batch [N, C, H, W].
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        takesMaximum ? try x.maxPool2d(kernel: kernel, stride: stride) : try x.avgPool2d(kernel: kernel, stride: stride)
    }
}

/// Flattens every example: [N, …] becomes [N, features].
public final class Flatten: Layer {
    /// Whether the layer behaves as in training (no effect here: it has no training-only behaviour).
    public var isTraining = true
    /// The layer's name, as PyTorch's class is called.
    public var name: String { "Flatten" }
    /// None: pooling has no trainable tensors.
    public var namedParameters: [(name: String, tensor: Tensor)] { [] }
    /// A layer that flattens every dimension after the batch one.
    public init() {}
    /// Flattens [N, …] into [N, product of the rest].
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try x.flattened(from: 1) }
}
