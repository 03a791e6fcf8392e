/// Tensors made from a shape and a rule: constants, ranges and random draws.
extension Tensor {
    /// A tensor of `shape` filled with `value`.
    public static func full(_ shape: [Int], _ value: Double) throws -> Tensor {
        Tensor(uncheckedData: [Double](repeating: value, count: try Shape.count(shape, op: "full")), shape: shape)
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) throws -> Tensor { try full(shape, 0) }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) throws -> Tensor { try full(shape, 1) }

    /// The n×n identity matrix.
    public static func eye(_ n: Int) throws -> Tensor {
        let identity = try zeros([n, n])
        identity.update { data in for i in 0..<n { data[i * n + i] = 1 } }
        return identity
    }

    /// Evenly spaced values in [start, stop) by `step`, as NumPy's arange.
    public static func arange(_ start: Double, _ stop: Double, step: Double = 1) throws -> Tensor {
        guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
            throw CoreError("arange", "needs finite bounds and a non-zero step")
        }
        let n = Swift.max(0, Int((((stop - start) / step)).rounded(.up)))
        _ = try Shape.count([n], op: "arange")
        return Tensor((0..<n).map { start + Double($0) * step })
    }

    /// `count` evenly spaced values from `start` to `stop` inclusive, as NumPy's linspace.
    public static func linspace(_ start: Double, _ stop: Double, count: Int) throws -> Tensor {
        _ = try Shape.count([count], op: "linspace")
        guard count > 1 else { return Tensor(count == 1 ? [start] : []) }
        let step = (stop - start) / Double(count - 1)
        return Tensor((0..<count).map { $0 == count - 1 ? stop : start + Double($0) * step })
    }

    /// Uniform draws from [low, high).
    public static func uniform(_ shape: [Int], low: Double = 0, high: Double = 1, using rng: inout RandomGenerator) throws -> Tensor {
        let n = try Shape.count(shape, op: "uniform")
        return Tensor(uncheckedData: (0..<n).map { _ in low + (high - low) * rng.nextUniform() }, shape: shape)
    }

    /// Uniform draws from [0, 1).
    public static func rand(_ shape: [Int], using rng: inout RandomGenerator) throws -> Tensor {
        try uniform(shape, using: &rng)
    }

    /// Normal draws with the given mean and standard deviation.
    public static func randn(_ shape: [Int], mean: Double = 0, std: Double = 1, using rng: inout RandomGenerator) throws -> Tensor {
        let n = try Shape.count(shape, op: "randn")
        return Tensor(uncheckedData: (0..<n).map { _ in mean + std * rng.nextNormal() }, shape: shape)
    }
}
