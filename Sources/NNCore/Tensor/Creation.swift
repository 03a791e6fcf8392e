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
        // Checked as a Double first: arange(0, 1e300) would not fit in an Int.
        let steps = ((stop - start) / step).rounded(.up)
        guard steps <= Double(Shape.maxElements) else {
            throw CoreError("arange", "\(Self.describeCount(steps)) values are too many (the limit is \(Shape.maxElements))")
        }
        let n = steps > 0 ? Int(steps) : 0
        return Tensor((0..<n).map { start + Double($0) * step })
    }

    /// A value count for a message: `1e+300`, or a whole number when it is one.
    private static func describeCount(_ x: Double) -> String {
        x < 1e15 ? String(Int(x)) : "\(x)"
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
