/// The tokens the lexer produces: names, literals, keywords, punctuation and layout.

/// What a token is, with its value when it carries one.
public enum TokenKind: Equatable, Sendable {
    /// An identifier such as `x`, `W1` or `α`.
    case name(String)
    /// A floating-point literal, already converted: `0.5`, `2.`, `1e-5`.
    case number(Double)
    /// A whole-number literal: `3`, `1_000`, `0xFF`.
    case integer(Int)
    /// A string literal with its escapes decoded.
    case string(String)
    /// An f-string: literal text and the raw source of each `{expression:format}` field.
    case formattedString([FormattedPiece])
    case keyword(Keyword)
    case punctuation(Punctuation)
    /// The end of a logical line.
    case newline
    /// The start of a more deeply indented block.
    case indent
    /// The end of an indented block.
    case dedent
    /// The end of the input; always the last token.
    case eof
}

/// One piece of an f-string as the lexer sees it.
///
/// Embedded expressions are kept as source text with the location of their first
/// character, so the parser can parse them and report errors at the right place.
public enum FormattedPiece: Equatable, Sendable {
    /// Literal text, with `{{`, `}}` and escapes already decoded.
    case text(String)
    /// The text between `{` and `}` (or the format spec's `:`), its location, and the spec.
    case expression(source: String, location: SourceLocation, format: String?)
}

/// The reserved words of the language.
public enum Keyword: String, CaseIterable, Sendable {
    case def, `return`, `if`, elif, `else`, `for`, `in`, `while`, `break`, `continue`, pass
    case with, `as`, and, or, not, `is`, lambda, assert, `class`, del
    case `true` = "True", `false` = "False", none = "None"
}

/// Operators and delimiters, spelled as in the source.
public enum Punctuation: String, CaseIterable, Sendable {
    case plus = "+", minus = "-", star = "*", slash = "/", doubleSlash = "//"
    case percent = "%", doubleStar = "**", at = "@"
    case assign = "=", plusAssign = "+=", minusAssign = "-=", starAssign = "*="
    case slashAssign = "/=", doubleSlashAssign = "//=", percentAssign = "%="
    case doubleStarAssign = "**=", atAssign = "@="
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", leftBrace = "{", rightBrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = ".", ellipsis = "..."

    /// The binary operator of an augmented assignment such as `+=`, or nil for other punctuation.
    public var augmentedOperator: BinaryOperator? {
        switch self {
        case .plusAssign: .add
        case .minusAssign: .subtract
        case .starAssign: .multiply
        case .slashAssign: .divide
        case .doubleSlashAssign: .floorDivide
        case .percentAssign: .remainder
        case .doubleStarAssign: .power
        case .atAssign: .matmul
        default: nil
        }
    }
}

/// A token with its place in the source.
public struct Token: Equatable, Sendable {
    /// What the token is, with its value.
    public var kind: TokenKind
    /// Where the token starts (for NEWLINE: just after the line's last token).
    public var location: SourceLocation
    /// How many Characters of source the token covers (at least 1 for layout tokens).
    public var length: Int
    /// The index of the token's first Character in the source the lexer was given.
    public var offset: Int

    /// A token of `length` Characters starting at `offset` (line and column: `location`).
    public init(_ kind: TokenKind, at location: SourceLocation, length: Int, offset: Int) {
        self.kind = kind
        self.location = location
        self.length = length
        self.offset = offset
    }

    /// Whether this token is the given punctuation.
    public func `is`(_ punctuation: Punctuation) -> Bool {
        kind == .punctuation(punctuation)
    }

    /// Whether this token is the given keyword.
    public func `is`(_ keyword: Keyword) -> Bool {
        kind == .keyword(keyword)
    }

    /// The token's source text, clamped to the source's bounds.
    func text(in source: [Character]) -> String {
        let start = min(max(0, offset), source.count)
        let end = min(start + max(0, length), source.count)
        return String(source[start..<end])
    }

    /// How error messages name the token: `'x'`, `end of line`, `end of input`.
    func describe(in source: [Character]) -> String {
        switch kind {
        case .newline: return "end of line"
        case .eof: return "end of input"
        case .indent: return "indent"
        case .dedent: return "dedent"
        default:
            var text = text(in: source)
            if let lineBreak = text.firstIndex(where: \.isLineBreak) {
                text = String(text[..<lineBreak]) + "…"
            }
            if text.count > 24 { text = String(text.prefix(24)) + "…" }
            return "'\(text)'"
        }
    }
}
