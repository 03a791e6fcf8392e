/// An error in a learner's code, located in the source, with an optional hint.
///
/// Syntax errors come from the lexer and parser; the interpreter may create its own
/// for runtime errors. `render(source:file:)` prints one the way a compiler does:
///
/// ```
/// file.nn:3:18: error: expected ':' after the for clause
///     for i in range(3)
///                      ^
/// hint: add ':' at the end of the line
/// ```
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, in plain words.
    public var message: String
    /// Where the problem starts.
    public var location: SourceLocation
    /// How many Characters to underline (at least 1 is drawn).
    public var length: Int
    /// A hint on how to fix it, shown as `hint: ...`.
    public var suggestion: String?
    /// Set when the input merely stopped too early (an open bracket, an unterminated
    /// triple-quoted string, a block header with no body): the REPL should read more.
    var needsMoreInput: Bool

    /// A diagnostic underlining `length` Characters from `location`, with an optional hint.
    public init(_ message: String, at location: SourceLocation, length: Int = 1, suggestion: String? = nil) {
        self.init(message, at: location, length: length, suggestion: suggestion, needsMoreInput: false)
    }

    init(_ message: String, at location: SourceLocation, length: Int, suggestion: String?, needsMoreInput: Bool) {
        self.message = message
        self.location = location
        self.length = length
        self.suggestion = suggestion
        self.needsMoreInput = needsMoreInput
    }

    /// `3:18: expected ':' after the for clause`.
    public var description: String { "\(location): \(message)" }

    /// The diagnostic as text: a `file:line:column: error:` header, the source line
    /// indented by four spaces with carets under the span, and the hint if there is one.
    ///
    /// Lines are joined by `\n` with no trailing newline. Tabs in the source line are
    /// repeated in the caret line so the carets stay aligned in a terminal.
    public func render(source: String, file: String) -> String {
        var lines = ["\(file):\(location.line):\(location.column): error: \(message)"]
        if let sourceLine = Self.line(location.line, of: source) {
            lines.append("    " + sourceLine)
            let column = max(1, location.column)
            var padding = ""
            for (offset, character) in sourceLine.enumerated() where offset < column - 1 {
                padding.append(character == "\t" ? "\t" : " ")
            }
            padding += String(repeating: " ", count: max(0, column - 1 - sourceLine.count))
            let available = max(1, sourceLine.count - (column - 1))
            let width = max(1, min(length, available))
            lines.append("    " + padding + "^" + String(repeating: "~", count: width - 1))
        }
        if let suggestion {
            lines.append("hint: \(suggestion)")
        }
        return lines.joined(separator: "\n")
    }

    /// The text of a 1-based line, without its line break, or nil when out of range.
    static func line(_ number: Int, of source: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var text = ""
        for character in source {
            if character.isLineBreak {
                if current == number { return text }
                current += 1
                continue
            }
            if current == number { text.append(character) }
        }
        return current == number ? text : nil
    }
}
