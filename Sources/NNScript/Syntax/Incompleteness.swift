/// Deciding whether a REPL entry is finished, needs more lines, or is already wrong.

/// What the REPL should do with the text typed so far.
public enum InputStatus: Equatable, Sendable {
    /// A whole entry: run it.
    case complete
    /// Unfinished: show the `...:` continuation prompt and read another line.
    case incomplete
    /// A syntax error more input cannot fix: report it.
    case invalid
}

extension Parser {
    /// Whether `source` is complete, incomplete or invalid, as Python's REPL decides.
    ///
    /// Input is incomplete while a bracket is open, a triple-quoted string is
    /// unterminated, the last line ends with `\` or with a block header's `:`, or the
    /// input is inside an indented block whose last line is not blank (a blank line
    /// closes the block, as in Python's REPL).
    public static func status(of source: String) -> InputStatus {
        (try? LargeStack.run(size: LargeStack.parserSize) { () throws(Diagnostic) in classify(source) }) ?? .invalid
    }

    static func classify(_ source: String) -> InputStatus {
        let chars = Array(source)
        let tokens: [Token]
        do {
            tokens = try SyntaxParser.parseProgram(chars).tokens
        } catch {
            return error.needsMoreInput ? .incomplete : .invalid
        }
        let endsInsideBlock = tokens.count >= 2 && tokens[tokens.count - 2].kind == .dedent
        return endsInsideBlock && !lastLineIsBlank(chars) ? .incomplete : .complete
    }

    /// Whether the text after the last line break holds only spaces and tabs.
    static func lastLineIsBlank(_ chars: [Character]) -> Bool {
        var index = chars.count
        while index > 0 {
            let character = chars[index - 1]
            if character.isLineBreak { return true }
            if character != " " && character != "\t" { return false }
            index -= 1
        }
        return true
    }
}
