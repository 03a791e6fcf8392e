import Foundation
import NNScript

/// Running code repeatedly for `:time`, its output hidden.
extension ReplSession {
    /// Times `code` and writes the report, or the error that stopped it.
    func time(_ code: String, budget: Double) -> CommandOutcome {
        let file = "In[\(currentNumber)]"
        let timed = TimedCode(code)
        let program: [Stmt]
        do {
            program = try Parser.parse(timed.source, id: timed.id)
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
            located.calls = failure.calls.map { CallSite(location: timed.originalLocation($0.location), function: $0.function) }
            console.error(located.render(in: SourceText(id: timed.id, file: file, text: code)))
            if measurement.durations.isEmpty { return .failure }
        }
        console.line(measurement.report)
        return failure == nil ? .success : .failure
    }

    /// The most runs of one `:time`, for code too fast to fill the budget quickly.
    static var maximumRuns: Int { 1_000_000 }

    /// Runs the program until the budget is used, output hidden; stops at an error or Ctrl-C.
    private static func measure(_ program: [Stmt], interpreter: Interpreter, budget: Double) -> (TimingMeasurement, ScriptError?) {
        interpreter.muted { measureMuted(program, interpreter: interpreter, budget: budget) }
    }

    private static func measureMuted(_ program: [Stmt], interpreter: Interpreter, budget: Double) -> (TimingMeasurement, ScriptError?) {
        var measurement = TimingMeasurement(durations: [])
        var total = 0.0
        let clock = ContinuousClock()
        // Until the budget is used: the first runs are often slower (caches warming),
        // so the count is not fixed from the first run.
        while total < budget, measurement.durations.count < maximumRuns {
            if Interruption.isRequested {
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
    /// The identity of the timed text's locations (other locations lie in functions of earlier cells).
    let id = SourceID.unique()

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

    /// A location in `source` as a location in the learner's code; a location in another text as it is.
    func originalLocation(_ location: SourceLocation) -> SourceLocation {
        guard location.source == id else { return location }
        return SourceLocation(line: max(1, location.line - linesBefore), column: location.column, source: id)
    }
}
