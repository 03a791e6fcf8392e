import NNCore

/// A mistake found while running a program: what, where, and a suggestion.
public struct ScriptError: Error, CustomStringConvertible {
    /// The family of mistake, printed before the message as Python does (`NameError`).
    public enum Kind: String, Sendable {
        case syntax = "SyntaxError", name = "NameError", type = "TypeError", value = "ValueError"
        case attribute = "AttributeError", index = "IndexError", shape = "ShapeError", zeroDivision = "ZeroDivisionError"
        case recursion = "RecursionError", limit = "LimitError", interrupted = "KeyboardInterrupt"
        case assertion = "AssertionError", notImplemented = "NotImplementedError", file = "FileError"
        case floatingPoint = "FloatingPointError", key = "KeyError", runtime = "RuntimeError"
        case memory = "MemoryError", endOfInput = "EOFError", stdinNotImplemented = "StdinNotImplementedError"
        case unboundLocal = "UnboundLocalError"
    }

    /// The kind of error, named as Python names it.
    public var kind: Kind
    /// What went wrong, in one sentence.
    public var message: String
    /// Where it happened, when known.
    public var location: SourceLocation?
    /// A suggestion for fixing it, if there is one.
    public var hint: String?
    /// The texts of the functions the error left, by identity: its locations that lie in another
    /// text than the one it is rendered in (a function defined in an earlier cell) are quoted from these.
    public var texts: [SourceID: SourceText] = [:]
    /// The calls the error passed through, innermost first (see ``traceback(in:)``).
    public var calls: [CallSite] = []

    /// An error of `kind` with `message`, where it happened, and a hint.
    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Wraps a syntax diagnostic from the parser.
    init(syntax diagnostic: Diagnostic) {
        self.init(.syntax, diagnostic.message, at: diagnostic.location, hint: diagnostic.suggestion)
        length = diagnostic.length
    }

    /// How many characters the caret underlines.
    public var length = 1

    /// What a MemoryError suggests.
    static let memoryHint = "use smaller sizes, or let go of large values you no longer need (reassign the variable); the budget is set with --memory-limit or :memory"

    /// Wraps a core error (shapes, axes, arguments) as a script error.
    init(_ error: CoreError, at location: SourceLocation?) {
        // Anomaly detection reports nan and inf, which Python calls FloatingPointError.
        if error.kind == .memory {
            self.init(.memory, error.description, at: location,
                      hint: Self.memoryHint)
            return
        }
        self.init(error.reason.hasPrefix("anomaly:") ? .floatingPoint : .shape, error.description, at: location)
    }

    /// `Kind: message`, as the error is shown without its source.
    public var description: String {
        "\(kind.rawValue): \(message)" + (hint.map { " — \($0)" } ?? "")
    }

    /// Fills in the location when none is set yet (the innermost location wins).
    func located(_ location: SourceLocation) -> ScriptError {
        var copy = self
        if copy.location == nil { copy.location = location }
        return copy
    }
}

extension ScriptError {
    /// The error as a learner sees it: the calls it passed through (as Python's traceback), then
    /// `file:line:col: error: NameError: …`, the line, a caret and a hint.
    public func render(source: String, file: String) -> String {
        render(in: SourceText(file: file, text: source))
    }

    /// The error as a learner sees it, each location quoted from the text its identity names:
    /// `text` or one of ``texts``.
    public func render(in text: SourceText) -> String {
        let file = text.file
        let own = location.map { self.text(of: $0, fallback: text) } ?? text
        let diagnostic = Diagnostic("\(kind.rawValue): \(message)", at: location ?? SourceLocation(line: 0, column: 0),
                                    length: length, suggestion: hint)
        guard location != nil else {
            return "\(file): error: \(kind.rawValue): \(message)" + (hint.map { "\nhint: \($0)" } ?? "")
        }
        return traceback(in: text) + diagnostic.render(source: own.text, file: own.file)
    }
}
