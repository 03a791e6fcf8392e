/// Turns source text into tokens, following Python's rules for lines and indentation.
///
/// - `#` starts a comment; blank and comment-only lines produce no tokens.
/// - Each logical line ends with NEWLINE; a deeper indentation emits INDENT and a
///   shallower one emits one DEDENT per closed block. A dedent must return to a
///   width seen before, and a file indents with tabs or with spaces, not both.
/// - Inside `()`, `[]` and `{}` line breaks and indentation are ignored, and a backslash
///   at the end of a line joins it to the next.
///
/// The lexer is a single forward pass over the source's Characters, so it runs in
/// linear time; columns in locations count Characters, starting at 1. Its helper
/// methods are `mutating` even when they only read, so that unoptimised builds pass
/// the lexer by reference instead of copying it on every call.
public struct Lexer {
    /// More open brackets than this is "expression nested too deeply".
    static let maxBracketDepth = 200
    /// More nested blocks than this is "too many levels of indentation".
    static let maxIndentLevels = 100

    let chars: [Character]
    /// Each Character's ASCII value, or `nonASCII`: the hot loops test bytes, not Characters.
    let bytes: [UInt8]
    static let nonASCII: UInt8 = 0x80
    /// Lexing an f-string's embedded expression: no indentation, line breaks are spaces.
    let embedded: Bool
    let firstLine: Int
    /// The text being lexed, carried by every location.
    let source: SourceID
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
        self.bytes = chars.map { $0.asciiValue ?? Self.nonASCII }
        self.embedded = embedded
        self.firstLine = origin.line
        self.source = origin.source
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
    mutating func location(of position: Int) -> SourceLocation {
        let offset = line == firstLine ? firstColumnOffset : 0
        return SourceLocation(line: line, column: position - lineStart + 1 + offset, source: source)
    }

    var here: SourceLocation {
        mutating get { location(of: index) }
    }

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
            let ascii = bytes[index]
            guard ascii != Self.nonASCII else {
                let character = chars[index]
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
                    pendingContinuation = false
                }
            case UInt8(ascii: "#"):
                skipToLineEnd()
            case UInt8(ascii: "\\"):
                try lineContinuation()
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                try lexString(start: index, location: here, raw: false, formatted: false)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                try lexNumber()
            case UInt8(ascii: ".") where Self.isDigit(byte(index + 1)):
                try lexNumber()
            default:
                if Self.isIdentifierByte(ascii) {
                    try lexWord()
                } else if chars[index].isForbiddenControl {
                    throw invalidCharacterDiagnostic(chars[index], at: here)
                } else {
                    try lexPunctuation()
                }
            }
        }
        try finish()
        return tokens
    }

    /// Moves `index` to the next line break or the end of input, as after `#`.
    mutating func skipToLineEnd() {
        let bytes = self.bytes
        var position = index
        while position < bytes.count && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
        index = position
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// An ASCII letter, digit or `_`.
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        byte == 0x5F || isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Ends the logical line with NEWLINE, unless it produced no tokens.
    mutating func endLogicalLine(offset: Int) {
        guard let last = tokens.last else { return }
        switch last.kind {
        case .newline, .indent, .dedent: return
        default: tokens.append(Token(.newline, at: lastTokenEnd, length: 1, offset: offset))
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
