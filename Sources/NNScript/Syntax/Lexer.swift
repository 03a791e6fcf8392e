/// Turns source text into tokens, following Python's rules for lines and indentation.
///
/// - `#` starts a comment; blank and comment-only lines produce no tokens.
/// - Each logical line ends with NEWLINE; a deeper indentation emits INDENT and a
///   shallower one emits one DEDENT per closed block. A dedent must return to a
///   width seen before, and a file indents with tabs or with spaces, not both.
/// - Inside `()` and `[]` line breaks and indentation are ignored, and a backslash
///   at the end of a line joins it to the next.
///
/// The lexer is a single forward pass over the source's Characters, so it runs in
/// linear time; columns in locations count Characters, starting at 1.
public struct Lexer {
    /// More open brackets than this is "expression nested too deeply".
    static let maxBracketDepth = 200
    /// More nested blocks than this is "too many levels of indentation".
    static let maxIndentLevels = 100

    let chars: [Character]
    /// Lexing an f-string's embedded expression: no indentation, line breaks are spaces.
    let embedded: Bool
    let firstLine: Int
    /// Added to columns on the first line, where an embedded expression starts mid-line.
    let firstColumnOffset: Int
    var index = 0
    var line: Int
    var lineStart = 0
    var tokens: [Token] = []
    var indentStack = [0]
    /// The indentation character the file uses, once a line has been indented.
    var indentCharacter: Character?
    var brackets: [(character: Character, location: SourceLocation)] = []
    var lastTokenEnd: SourceLocation
    /// A backslash joined this line to the next and no token has followed yet.
    var pendingContinuation = false

    init(chars: [Character], origin: SourceLocation = SourceLocation(line: 1, column: 1), embedded: Bool = false) {
        self.chars = chars
        self.embedded = embedded
        self.firstLine = origin.line
        self.firstColumnOffset = origin.column - 1
        self.line = origin.line
        self.lastTokenEnd = origin
    }

    /// All tokens of `source`, ending with NEWLINE (when the last line has tokens),
    /// a DEDENT for each open block, and EOF.
    public static func tokenize(_ source: String) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(chars: Array(source))
        return try lexer.run()
    }

    /// The location of a position on the current line.
    func location(of position: Int) -> SourceLocation {
        let offset = line == firstLine ? firstColumnOffset : 0
        return SourceLocation(line: line, column: position - lineStart + 1 + offset)
    }

    var here: SourceLocation { location(of: index) }

    /// Steps over the line break at `index`.
    mutating func advanceLine() {
        index += 1
        line += 1
        lineStart = index
    }

    /// Appends a token that ends at `index`.
    mutating func emit(_ kind: TokenKind, from start: Int, at location: SourceLocation) {
        tokens.append(Token(kind, at: location, length: max(1, index - start), offset: start))
        lastTokenEnd = here
        pendingContinuation = false
    }

    mutating func run() throws(Diagnostic) -> [Token] {
        var atLineStart = !embedded
        while index < chars.count {
            if atLineStart {
                if try skipBlankLineOrIndent() { continue }
                atLineStart = false
            }
            let character = chars[index]
            guard let ascii = character.asciiValue else {
                if character.isIdentifierStart {
                    try lexWord()
                } else {
                    throw invalidCharacterDiagnostic(character, at: here)
                }
                continue
            }
            switch ascii {
            case 0x20, 0x09, 0x0C:
                index += 1
            case 0x0A, 0x0D:
                let breakOffset = index
                advanceLine()
                if !embedded && brackets.isEmpty {
                    endLogicalLine(offset: breakOffset)
                    atLineStart = true
                }
            case UInt8(ascii: "#"):
                while index < chars.count && !chars[index].isLineBreak { index += 1 }
            case UInt8(ascii: "\\"):
                try lineContinuation()
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                try lexString(start: index, location: here, raw: false, formatted: false)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                try lexNumber()
            case UInt8(ascii: ".") where index + 1 < chars.count && chars[index + 1].isDigit:
                try lexNumber()
            default:
                if character.isIdentifierStart {
                    try lexWord()
                } else if character.isForbiddenControl {
                    throw invalidCharacterDiagnostic(character, at: here)
                } else {
                    try lexPunctuation()
                }
            }
        }
        try finish()
        return tokens
    }

    /// Ends the logical line with NEWLINE, unless it produced no tokens.
    mutating func endLogicalLine(offset: Int) {
        guard let last = tokens.last else { return }
        switch last.kind {
        case .newline, .indent, .dedent: return
        default: tokens.append(Token(.newline, at: lastTokenEnd, length: 1, offset: offset))
        }
    }

    /// At the start of a physical line: skips it when blank or comment-only
    /// (returning true), otherwise measures its indentation and emits INDENT/DEDENT.
    mutating func skipBlankLineOrIndent() throws(Diagnostic) -> Bool {
        var end = index
        var sawSpace = false
        var sawTab = false
        while end < chars.count, let value = chars[end].asciiValue, value == 0x20 || value == 0x09 || value == 0x0C {
            if value == 0x20 { sawSpace = true } else if value == 0x09 { sawTab = true }
            end += 1
        }
        guard end < chars.count else {
            index = end
            return true
        }
        if chars[end].isLineBreak {
            index = end
            advanceLine()
            return true
        }
        if chars[end] == "#" {
            index = end
            while index < chars.count && !chars[index].isLineBreak { index += 1 }
            return true
        }
        let width = end - index
        let lineLocation = location(of: index)
        let inconsistent = "inconsistent use of tabs and spaces in indentation"
        if sawSpace && sawTab {
            throw Diagnostic(inconsistent, at: lineLocation, length: width)
        }
        if width > 0 {
            let kind: Character = sawTab ? "\t" : " "
            if let known = indentCharacter, known != kind {
                throw Diagnostic(inconsistent, at: lineLocation, length: width)
            }
            indentCharacter = kind
        }
        index = end
        let first = here
        let current = indentStack.last ?? 0
        if width > current {
            indentStack.append(width)
            if indentStack.count > Self.maxIndentLevels + 1 {
                throw Diagnostic("too many levels of indentation", at: first)
            }
            tokens.append(Token(.indent, at: first, length: 1, offset: end))
        } else if width < current {
            while let last = indentStack.last, last > width {
                indentStack.removeLast()
                tokens.append(Token(.dedent, at: first, length: 1, offset: end))
            }
            if indentStack.last != width {
                throw Diagnostic("unindent does not match any outer indentation level", at: first)
            }
        }
        return false
    }

    /// A backslash must be the last character of its line, joining it to the next.
    mutating func lineContinuation() throws(Diagnostic) {
        let next = index + 1
        guard next < chars.count else {
            throw Diagnostic(
                "unexpected end of input after line continuation '\\'", at: here, length: 1,
                suggestion: nil, needsMoreInput: true)
        }
        guard chars[next].isLineBreak else {
            throw Diagnostic(
                "unexpected character after line continuation '\\'", at: location(of: next),
                suggestion: "'\\' must be the last character on its line")
        }
        index = next
        advanceLine()
        pendingContinuation = true
    }

    /// Operators and brackets, longest match first; unknown symbols are errors.
    mutating func lexPunctuation() throws(Diagnostic) {
        let start = index
        let location = here
        for length in [3, 2, 1] where start + length <= chars.count {
            let text = String(chars[start..<start + length])
            if let punctuation = Punctuation(rawValue: text) {
                index += length
                try trackBrackets(punctuation, at: location)
                emit(.punctuation(punctuation), from: start, at: location)
                return
            }
            if let diagnostic = unsupportedOperatorDiagnostic(text, at: location) {
                throw diagnostic
            }
        }
        throw invalidCharacterDiagnostic(chars[start], at: location)
    }

    /// Keeps the stack of open brackets, checking that each closes the right one.
    mutating func trackBrackets(_ punctuation: Punctuation, at location: SourceLocation) throws(Diagnostic) {
        switch punctuation {
        case .leftParen, .leftBracket:
            brackets.append((punctuation == .leftParen ? "(" : "[", location))
            if brackets.count > Self.maxBracketDepth {
                throw Diagnostic("expression nested too deeply", at: location)
            }
        case .rightParen, .rightBracket:
            let closing = punctuation.rawValue
            guard let open = brackets.popLast() else {
                throw Diagnostic("unmatched '\(closing)'", at: location)
            }
            let expected = open.character == "(" ? ")" : "]"
            if closing != expected {
                throw Diagnostic(
                    "'\(closing)' does not match '\(open.character)' opened at \(open.location)", at: location)
            }
        default:
            break
        }
    }

    /// End of input: open brackets and dangling continuations are errors; otherwise
    /// close the last line and every open block, then EOF.
    mutating func finish() throws(Diagnostic) {
        if let open = brackets.last {
            throw Diagnostic(
                "unclosed '\(open.character)' opened at \(open.location)", at: open.location, length: 1,
                suggestion: nil, needsMoreInput: true)
        }
        if pendingContinuation {
            throw Diagnostic(
                "unexpected end of input after line continuation '\\'", at: here, length: 1,
                suggestion: nil, needsMoreInput: true)
        }
        if !embedded {
            endLogicalLine(offset: index)
            for _ in 1..<max(1, indentStack.count) {
                tokens.append(Token(.dedent, at: here, length: 1, offset: index))
            }
        }
        tokens.append(Token(.eof, at: here, length: 1, offset: index))
    }
}
