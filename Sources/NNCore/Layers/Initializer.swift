/// How a layer's weights are drawn, with the scales of the literature.
///
/// For a weight matrix of shape [fanIn, fanOut] (inputs × outputs, so that a
/// layer computes `x @ W + b`):
/// - Glorot/Xavier (Glorot and Bengio, 2010): variance 2 / (fanIn + fanOut);
///   uniform on ±√(6 / (fanIn + fanOut)).
/// - He/Kaiming (He et al., 2015), for ReLU: variance 2 / fanIn; uniform on ±√(6 / fanIn).
/// - LeCun (LeCun et al., 1998), for SELU: variance 1 / fanIn.
public enum Initializer: Equatable, Sendable {
    case normal(mean: Double, std: Double)
    case uniform(low: Double, high: Double)
    case glorotNormal, glorotUniform
    case heNormal, heUniform
    case lecunNormal
    case zeros

    /// The initializer named as the language spells it: "glorot_uniform", "he_normal", "xavier_normal"…
    public init?(name: String) {
        switch name.lowercased() {
        case "glorot_normal", "xavier_normal", "glorot", "xavier": self = .glorotNormal
        case "glorot_uniform", "xavier_uniform": self = .glorotUniform
        case "he_normal", "kaiming_normal", "he", "kaiming": self = .heNormal
        case "he_uniform", "kaiming_uniform": self = .heUniform
        case "lecun_normal", "lecun": self = .lecunNormal
        case "normal": self = .normal(mean: 0, std: 1)
        case "uniform": self = .uniform(low: -1, high: 1)
        case "zeros": self = .zeros
        default: return nil
        }
    }

    /// The names accepted by ``init(name:)``.
    public static let names = ["glorot_normal", "glorot_uniform", "xavier_normal", "xavier_uniform", "he_normal", "he_uniform", "kaiming_normal", "kaiming_uniform", "lecun_normal", "normal", "uniform", "zeros"]

    /// The standard deviation this initializer gives for the fans.
    public func standardDeviation(fanIn: Int, fanOut: Int) -> Double {
        let (fi, fo) = (Double(fanIn), Double(fanOut))
        switch self {
        case .normal(_, let std): return std
        case .uniform(let low, let high): return (high - low) / 12.0.squareRoot()
        case .glorotNormal, .glorotUniform: return (2 / (fi + fo)).squareRoot()
        case .heNormal, .heUniform: return (2 / fi).squareRoot()
        case .lecunNormal: return (1 / fi).squareRoot()
        case .zeros: return 0
        }
    }

    /// Draws a weight matrix of shape [fanIn, fanOut].
    public func weights(fanIn: Int, fanOut: Int, using rng: inout RandomGenerator) throws -> Tensor {
        let shape = [fanIn, fanOut]
        let std = standardDeviation(fanIn: fanIn, fanOut: fanOut)
        switch self {
        case .normal(let mean, let std):
            return try Tensor.randn(shape, mean: mean, std: std, using: &rng)
        case .uniform(let low, let high):
            return try Tensor.uniform(shape, low: low, high: high, using: &rng)
        case .glorotUniform, .heUniform:
            let limit = std * 3.0.squareRoot()  // a uniform on ±a has std a/√3
            return try Tensor.uniform(shape, low: -limit, high: limit, using: &rng)
        case .glorotNormal, .heNormal, .lecunNormal:
            return try Tensor.randn(shape, std: std, using: &rng)
        case .zeros:
            return try Tensor.zeros(shape)
        }
    }
}
