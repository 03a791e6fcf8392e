import Foundation
import NNCore
import NNTerminal

/// One check's result, as the grader reports it.
public struct CheckResult: Sendable, Equatable {
    /// Whether the check held.
    public var passed: Bool
    /// What the check verifies, in the exercise author's words.
    public var message: String
    /// Expected vs got for numbers, or an error, when it failed.
    public var detail: String?
    /// The hint shown when it fails.
    public var hint: String?
    /// Where the `check`/`check_close` call is, so the grader can tell which calls ran.
    public var location: SourceLocation?

    /// A check's result; `location` is where `check` was called.
    public init(passed: Bool, message: String, detail: String? = nil, hint: String? = nil, location: SourceLocation? = nil) {
        self.passed = passed
        self.message = message
        self.detail = detail
        self.hint = hint
        self.location = location
    }
}

/// The checks of exercises: `check(cond, message)` and `check_close(got, expected, tol=)`.
///
/// Each call records a result and the program goes on, so one failure does
/// not hide the others. Outside the grader, results are also printed as ✓/✗ lines.
enum CheckBuiltins {
    /// The names of the check functions, which the grader counts call sites of.
    static let names = ["check", "check_close"]

    static let all: [Builtin] = [
        Builtin("check", Signature("condition, message=, hint="), doc: """
            check(condition, message="", hint=""): records a passing check when condition is true, a failing one
            (with its hint) otherwise. Used in exercises' checks.
            """) { args, interpreter in
            let condition = try (args.named["condition"] ?? .none).truth(at: args.location)
            interpreter.record(CheckResult(passed: condition, message: try args.string("message", default: "check"),
                                           hint: args.has("hint") ? try args.string("hint") : nil, location: args.location))
            return .none
        },
        Builtin("check_close", Signature("got, expected, tol=, message=, hint="), doc: """
            check_close(got, expected, tol=1e-9, message="", hint=""): passes when every |got − expected| ≤ tol·max(1, |expected|)
            and the shapes agree; a failure names the first position that differs and the largest error.
            """) { args, interpreter in
            let message = try args.string("message", default: "values match")
            let hint = args.has("hint") ? try args.string("hint") : nil
            let detail = try Mismatch.describe(got: args.named["got"] ?? .none, expected: try args.tensor("expected"),
                                               tolerance: try args.number("tol", default: 1e-9), at: args.location)
            interpreter.record(CheckResult(passed: detail == nil, message: message, detail: detail, hint: hint, location: args.location))
            return .none
        },
    ]
}

/// What `check_close` says when values differ: the common mistakes by name, else the first
/// differing position and the largest error, at 4 significant digits (more when needed to tell them apart).
enum Mismatch {
    /// nil when `got` matches `expected` within `tolerance`, else a one-line description.
    static func describe(got value: Value, expected: Tensor, tolerance: Double, at location: SourceLocation) throws -> String? {
        if case .none = value { return "your function returns nothing (None) — is `return` missing?" }
        guard let got = try? Convert.tensor(value, context: "", at: location) else {
            return "expected numbers, got \(value.typeNameWithArticle)"
        }
        if got.shape != expected.shape && !(got.count == 1 && expected.count == 1) {
            let shapes = "expected shape \(show(expected.shape)), got shape \(show(got.shape))"
            if got.shape.count == 2, got.shape.reversed() == expected.shape, let flipped = try? got.transposed(),
               worst(flipped.data, expected.data, tolerance) == nil {
                return shapes + ": your result is transposed"
            }
            return shapes
        }
        guard let (index, error) = worst(got.data, expected.data, tolerance) else { return nil }
        let negated = got.data.map { -$0 }
        if let nonzero = expected.data.firstIndex(where: { $0 != 0 }), worst(negated, expected.data, tolerance) == nil {
            return "the sign is flipped: every value is the negative of the expected one" + position(nonzero, got, expected)
        }
        guard let first = (0..<min(got.count, expected.count)).first(where: { differs(got.data[$0], expected.data[$0], tolerance) }) else { return nil }
        var text = (expected.count == 1 ? "" : "at \(show(index: first, in: expected.shape)): ") + pair(expected.data[first], got.data[first])
        if first != index { text += "; largest error \(number(error)) at \(show(index: index, in: expected.shape))" }
        return text
    }

    /// `: expected 0.1923, got -0.1923 at [0]`, for the sign-flip message.
    private static func position(_ index: Int, _ got: Tensor, _ expected: Tensor) -> String {
        let at = expected.count == 1 ? "" : " at \(show(index: index, in: expected.shape))"
        return " (" + pair(expected.data[index], got.data[index]) + at + ")"
    }

    /// `expected 0.1923, got 0.2019`: 4 significant digits, more when 4 would show the same number.
    static func pair(_ expected: Double, _ got: Double) -> String {
        var digits = 4
        while digits < 17, number(expected, digits: digits) == number(got, digits: digits) { digits += 1 }
        return "expected \(number(expected, digits: digits)), got \(number(got, digits: digits))"
    }

    static func number(_ x: Double, digits: Int = 4) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let text = String(format: "%.\(digits)g", x)
        // Whole numbers keep their ".0", as the language prints floats.
        return text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
    }

    private static func differs(_ g: Double, _ e: Double, _ tolerance: Double) -> Bool {
        relativeError(g, e) > tolerance
    }

    private static func relativeError(_ g: Double, _ e: Double) -> Double {
        if g == e { return 0 }
        return g.isNaN || e.isNaN ? .infinity : Swift.abs(g - e) / Swift.max(1, Swift.abs(e))
    }

    /// The position and size of the largest error beyond `tolerance`, or nil when none is.
    private static func worst(_ got: [Double], _ expected: [Double], _ tolerance: Double) -> (Int, Double)? {
        var found: (Int, Double)?
        for (index, pair) in zip(got, expected).enumerated() {
            let error = relativeError(pair.0, pair.1)
            if error > tolerance, error > (found?.1 ?? -1) { found = (index, error) }
        }
        return found
    }

    private static func show(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

    /// `[2, 1]`: a flat position as indices in `shape`.
    private static func show(index: Int, in shape: [Int]) -> String {
        var indices: [Int] = []
        var rest = index
        for size in shape.reversed() where size > 0 {
            indices.append(rest % size)
            rest /= size
        }
        return show(indices.reversed())
    }
}

extension Interpreter {
    /// Records a check: into the grader's list when one is collecting, else printed as ✓/✗.
    func record(_ result: CheckResult) {
        if let collect = host.checks {
            collect(result)
            return
        }
        var line = (result.passed ? "✓ " : "✗ ") + result.message
        if let detail = result.detail { line += ": " + detail }
        if !result.passed, let hint = result.hint { line += "\n  hint: " + hint }
        printLine(line)
    }

    /// Where `check` and `check_close` are called in `source` (each call site once), by the tokens:
    /// the grader expects every one of them to run.
    public static func checkCallSites(in source: String) -> Set<SourceLocation> {
        guard let tokens = try? Lexer.tokenize(source) else { return [] }
        var sites: Set<SourceLocation> = []
        for (index, token) in tokens.enumerated() where index + 1 < tokens.count {
            guard case .name(let name) = token.kind, CheckBuiltins.names.contains(name), tokens[index + 1].is(.leftParen) else { continue }
            if index > 0, tokens[index - 1].is(.dot) || tokens[index - 1].is(Keyword.def) { continue }
            sites.insert(token.location)
        }
        return sites
    }
}
