import NNScript
import Testing

/// One entry of the bad-input catalogue: a program, the kind of error it must raise and words its message must contain.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// The program text, as a learner would type it.
    let source: String
    /// The family of error expected (`SyntaxError`, `ShapeError`, ...).
    let kind: ScriptError.Kind
    /// A substring of `kind: message — hint` that a learner can act on.
    let expected: String
    /// Whether the error must point at a line and column.
    let located: Bool

    init(_ source: String, _ kind: ScriptError.Kind, _ expected: String, located: Bool = true) {
        self.source = source
        self.kind = kind
        self.expected = expected
        self.located = located
    }

    /// Short enough to name a test case in a report.
    var testDescription: String {
        let flat = source.prefix(50).map { $0.isNewline ? "⏎" : ($0.isASCII && $0.asciiValue! < 32 ? "·" : $0) }
        return String(flat) + (source.count > 50 ? "…(\(source.utf8.count) bytes)" : "")
    }
}

/// A program whose output is a value rather than an error (nan, inf): the exact text it prints.
struct ValueCase: Sendable, CustomTestStringConvertible {
    /// The program text.
    let source: String
    /// Everything it prints.
    let printed: String

    init(_ source: String, _ printed: String) {
        self.source = source
        self.printed = printed
    }

    var testDescription: String { source }
}
