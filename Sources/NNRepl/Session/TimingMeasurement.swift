import Foundation

/// The durations of the runs of a `:time`, and their report.
public struct TimingMeasurement: Equatable, Sendable {
    /// Seconds taken by each run, in order.
    public var durations: [Double]
    /// Whether Ctrl-C stopped the runs early.
    public var wasInterrupted = false

    public init(durations: [Double], wasInterrupted: Bool = false) {
        self.durations = durations
        self.wasInterrupted = wasInterrupted
    }

    public var best: Double { durations.min() ?? 0 }
    public var mean: Double { durations.isEmpty ? 0 : durations.reduce(0, +) / Double(durations.count) }

    /// `best 1.23 ms, mean 1.31 ms per run (152 runs, 0.200 s in all)`.
    public var report: String {
        let count = durations.count
        let runs = "\(count) run\(count == 1 ? "" : "s")"
        let total = Self.duration(durations.reduce(0, +))
        let stopped = wasInterrupted ? ", interrupted" : ""
        if count == 1 { return "\(Self.duration(best)) (1 run\(stopped))" }
        return "best \(Self.duration(best)), mean \(Self.duration(mean)) per run (\(runs), \(total) in all\(stopped))"
    }

    /// A duration with three significant digits in a fitting unit: `812 ns`, `1.23 ms`, `2.50 s`.
    public static func duration(_ seconds: Double) -> String {
        let (value, unit): (Double, String) = switch seconds {
        case ..<1e-6: (seconds * 1e9, "ns")
        case ..<1e-3: (seconds * 1e6, "µs")
        case ..<1: (seconds * 1e3, "ms")
        default: (seconds, "s")
        }
        let decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
        return String(format: "%.\(decimals)f %@", value, unit)
    }
}
