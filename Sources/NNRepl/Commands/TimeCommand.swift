import Foundation
import NNScript

/// `:time CODE`: runs code repeatedly for about 0.2 s and reports the best and
/// mean time per run, as IPython's `%timeit` does.
public enum TimeCommand {
    /// How long the repeated runs should take together, in seconds.
    public static let budget = 0.2

    public static let command = ReplCommand(
        name: "time", aliases: ["timeit"], usage: ":time CODE",
        summary: "time code: repeat it for about 0.2 s, report best and mean",
        details: "The code runs many times with its output hidden; the last result `_` is left alone. Ctrl-C stops early.",
        argumentCompletion: .code
    ) { invocation, session in
        guard !invocation.arguments.isEmpty else { return session.fail("usage: :time CODE, e.g. :time matmul(A, B)") }
        return session.time(invocation.arguments, budget: budget)
    }
}

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

extension ReplSession {
    /// Times `code` and writes the report, or the error that stopped it.
    func time(_ code: String, budget: Double) -> CommandOutcome {
        let file = "In[\(currentNumber)]"
        let timed = TimedCode(code)
        let program: [Stmt]
        do {
            program = try Parser.parse(timed.source)
        } catch {
            let diagnostic = Diagnostic("SyntaxError: " + error.message, at: timed.originalLocation(error.location),
                                        length: error.length, suggestion: error.suggestion)
            return fail(diagnostic.render(source: code, file: file))
        }
        Interruption.clear()
        let interpreter = self.interpreter
        let (measurement, failure) = LargeStack.run { Self.measure(program, interpreter: interpreter, budget: budget) }
        if let failure {
            var located = failure
            located.location = failure.location.map(timed.originalLocation)
            console.error(located.render(source: code, file: file))
            if measurement.durations.isEmpty { return .failure }
        }
        console.line(measurement.report)
        return failure == nil ? .success : .failure
    }

    /// The most runs of one `:time`, for code too fast to fill the budget quickly.
    static var maximumRuns: Int { 1_000_000 }

    /// Runs the program until the budget is used, output hidden; stops at an error or Ctrl-C.
    private static func measure(_ program: [Stmt], interpreter: Interpreter, budget: Double) -> (TimingMeasurement, ScriptError?) {
        let saved = (interpreter.write, interpreter.display)
        interpreter.write = { _ in }
        interpreter.display = nil
        defer { (interpreter.write, interpreter.display) = saved }
        var measurement = TimingMeasurement(durations: [])
        var total = 0.0
        let clock = ContinuousClock()
        // Until the budget is used: the first runs are often slower (caches warming),
        // so the count is not fixed from the first run.
        while total < budget, measurement.durations.count < maximumRuns {
            if Interruption.flag.load(ordering: .relaxed) {
                Interruption.clear()
                measurement.wasInterrupted = true
                break
            }
            let start = clock.now
            do {
                _ = try interpreter.execute(program)
            } catch {
                let failure = error as? ScriptError ?? ScriptError(.value, "\(error)")
                if failure.kind == .interrupted, !measurement.durations.isEmpty {
                    measurement.wasInterrupted = true
                    return (measurement, nil)
                }
                return (measurement, failure)
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            measurement.durations.append(seconds)
            total += seconds
        }
        return (measurement, nil)
    }
}

/// The code `:time` runs: an expression is assigned to a hidden variable so
/// that timing does not change `_`, the last result.
struct TimedCode {
    /// The text handed to the parser.
    let source: String
    /// How many lines were put before the learner's code.
    let linesBefore: Int

    init(_ code: String) {
        if (try? Parser.parseExpression(code)) != nil {
            // The expression keeps a line of its own, so its columns are unchanged in errors.
            source = "__timed__ = (\n" + code + "\n)"
            linesBefore = 1
        } else {
            source = code
            linesBefore = 0
        }
    }

    /// A location in `source` as a location in the learner's code.
    func originalLocation(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(line: max(1, location.line - linesBefore), column: location.column)
    }
}
