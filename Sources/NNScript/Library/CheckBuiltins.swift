import NNCore
import NNTerminal

/// One check's result, as the grader reports it.
public struct CheckResult: Sendable, Equatable {
    public var passed: Bool
    /// What the check verifies, in the exercise author's words.
    public var message: String
    /// Expected vs got for numbers, or an error, when it failed.
    public var detail: String?
    /// The hint shown when it fails.
    public var hint: String?
}

/// The checks of exercises: `check(cond, message)` and `check_close(got, expected, tol=)`.
///
/// Each call records a result and the program goes on, so one failure does
/// not hide the others. Outside the grader, results are also printed as ✓/✗ lines.
enum CheckBuiltins {
    static let all: [Builtin] = [
        Builtin("check", Signature("condition, message=, hint="), doc: """
            check(condition, message="", hint=""): records a passing check when condition is true, a failing one
            (with its hint) otherwise. Used in exercises' checks.
            """) { args, interpreter in
            let condition = try (args.named["condition"] ?? .none).truth(at: args.location)
            interpreter.record(CheckResult(passed: condition, message: try args.string("message", default: "check"),
                                           detail: nil, hint: args.has("hint") ? try args.string("hint") : nil))
            return .none
        },
        Builtin("check_close", Signature("got, expected, tol=, message=, hint="), doc: """
            check_close(got, expected, tol=1e-9, message="", hint=""): passes when every |got − expected| ≤ tol·max(1, |expected|)
            and the shapes agree; a failure shows expected and got.
            """) { args, interpreter in
            let message = try args.string("message", default: "values match")
            let hint = args.has("hint") ? try args.string("hint") : nil
            let tolerance = try args.number("tol", default: 1e-9)
            let gotValue = args.named["got"] ?? .none
            guard let got = try? Convert.tensor(gotValue, context: "", at: args.location) else {
                interpreter.record(CheckResult(passed: false, message: message, detail: "expected numbers, got \(gotValue.typeName)", hint: hint))
                return .none
            }
            let expected = try args.tensor("expected")
            func show(_ t: Tensor) -> String {
                t.count > 12 ? "\(t.shape) values starting \(TensorFormatter.list(shape: [6], values: Array(t.data.prefix(6))))…"
                    : TensorFormatter.list(shape: t.shape, values: t.data)
            }
            var detail: String?
            if got.shape != expected.shape && !(got.count == 1 && expected.count == 1) {
                detail = "expected shape \(expected.shape), got shape \(got.shape)"
            } else if let worst = zip(got.data, expected.data).map({ pair -> Double in
                let (g, e) = pair
                if g == e { return 0 }
                return g.isNaN || e.isNaN ? .infinity : Swift.abs(g - e) / Swift.max(1, Swift.abs(e))
            }).max(), worst > tolerance {
                detail = "expected \(show(expected)), got \(show(got))"
            }
            interpreter.record(CheckResult(passed: detail == nil, message: message, detail: detail, hint: hint))
            return .none
        },
    ]
}

extension Interpreter {
    /// Records a check: into the grader's list when one is collecting, else printed as ✓/✗.
    func record(_ result: CheckResult) {
        if let collect = checkCollector {
            collect(result)
            return
        }
        var line = (result.passed ? "✓ " : "✗ ") + result.message
        if let detail = result.detail { line += ": " + detail }
        if !result.passed, let hint = result.hint { line += "\n  hint: " + hint }
        printLine(line)
    }
}
