/// The recursive-descent parser's state and shared helpers; the grammar lives in
/// the extensions in `ExpressionParser.swift`, `PrimaryParser.swift`,
/// `StatementParser.swift` and `CompoundStatementParser.swift`.
///
/// A class rather than a struct so that each parsing function passes one reference
/// instead of copying the state, which keeps stack frames small for deep nesting.
final class SyntaxParser {
    /// A token's kind without its payload, cheap to copy and compare: `check` and
    /// `accept` run for nearly every token and look only at these.
    enum Mark: Equatable {
        case punctuation(Punctuation)
        case keyword(Keyword)
        case other
    }

    /// The nesting budget, which bounds both the parser's recursion and the depth of
    /// the trees it builds: each nested expression, operator operand or block costs
    /// `nestingCost`, and so does each link of a chain like `a + b + c` or `x.y.z`.
    static let maxDepth = 200
    static let nestingCost = 1

    let tokens: [Token]
    let marks: [Mark]
    /// The Characters the tokens' offsets refer to, for quoting source in messages.
    let chars: [Character]
    @exclusivity(unchecked) var position = 0
    @exclusivity(unchecked) var depth: Int
    @exclusivity(unchecked) var loopDepth = 0
    @exclusivity(unchecked) var functionDepth = 0
    /// The token indices where the most recent primary expression (`f(x)`, `a.b`)
    /// began and just after it ended, for quoting it in "did you forget a comma?".
    @exclusivity(unchecked) var primaryStart = 0
    @exclusivity(unchecked) var primaryEnd = -1

    init(tokens: [Token], chars: [Character], depth: Int = 0, source: SourceID = .unnamed) {
        var tokens = tokens
        if tokens.last?.kind != .eof {
            let end = tokens.last.map { SourceLocation(line: $0.location.line, column: $0.location.column + $0.length, source: source) }
            tokens.append(Token(.eof, at: end ?? SourceLocation(line: 1, column: 1, source: source), length: 1, offset: chars.count))
        }
        self.tokens = tokens
        self.marks = tokens.map { token in
            switch token.kind {
            case .punctuation(let punctuation): .punctuation(punctuation)
            case .keyword(let keyword): .keyword(keyword)
            default: .other
            }
        }
        self.chars = chars
        self.depth = depth
    }

    /// Lexes and parses a whole program, returning its tokens too.
    ///
    /// When the lexer stops at an unclosed bracket or string, a parse error earlier in
    /// the input is reported instead, as Python does: in `print(x y` the missing comma
    /// is the real problem, and no further input could fix it.
    static func parseProgram(
        _ chars: [Character], source: SourceID = .unnamed
    ) throws(Diagnostic) -> (statements: [Stmt], tokens: [Token]) {
        var lexer = Lexer(chars: chars, origin: SourceLocation(line: 1, column: 1, source: source))
        let tokens: [Token]
        do {
            tokens = try lexer.run()
        } catch {
            if error.needsMoreInput, let earlier = earlierError(in: lexer.tokens, chars: chars, source: source) {
                throw earlier
            }
            throw error
        }
        return (try SyntaxParser(tokens: tokens, chars: chars, source: source).parseFile(), tokens)
    }

    /// The parse error in the tokens lexed before the input ran out, unless the parser
    /// only failed because it reached their end.
    static func earlierError(in tokens: [Token], chars: [Character], source: SourceID = .unnamed) -> Diagnostic? {
        let parser = SyntaxParser(tokens: tokens, chars: chars, source: source)
        do {
            _ = try parser.parseFile()
            return nil
        } catch {
            return parser.current.kind == .eof ? nil : error
        }
    }

    /// Parses an expression that starts at `origin` in a larger source, such as an
    /// f-string field, continuing the nesting count of the enclosing parse.
    static func parseEmbedded(_ source: String, at origin: SourceLocation, depth: Int) throws(Diagnostic) -> Expr {
        let chars = Array(source)
        var lexer = Lexer(chars: chars, origin: origin, embedded: true)
        let parser = SyntaxParser(tokens: try lexer.run(), chars: chars, depth: depth, source: origin.source)
        if parser.current.kind == .eof {
            throw Diagnostic("expected an expression", at: parser.current.location)
        }
        let expression = try parser.parseExpressionList()
        guard parser.current.kind == .eof else { throw parser.unexpected() }
        return expression
    }

    // MARK: Tokens

    var current: Token { tokens[position] }

    var previous: Token? { position > 0 ? tokens[position - 1] : nil }

    func peek(_ offset: Int = 1) -> Token {
        tokens[min(position + offset, tokens.count - 1)]
    }

    func check(_ punctuation: Punctuation) -> Bool { marks[position] == .punctuation(punctuation) }

    func check(_ keyword: Keyword) -> Bool { marks[position] == .keyword(keyword) }

    /// Consumes and returns the current token; EOF is never consumed.
    @discardableResult
    func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func accept(_ punctuation: Punctuation) -> Bool {
        guard check(punctuation) else { return false }
        if position < tokens.count - 1 { position += 1 }
        return true
    }

    func accept(_ keyword: Keyword) -> Bool {
        guard check(keyword) else { return false }
        if position < tokens.count - 1 { position += 1 }
        return true
    }

    // MARK: Nesting

    /// Spends nesting budget, failing with "expression nested too deeply" when exhausted.
    func enter(cost: Int = nestingCost) throws(Diagnostic) {
        depth += cost
        if depth > Self.maxDepth {
            throw error("expression nested too deeply", at: current)
        }
    }

    func leave(cost: Int = nestingCost) {
        depth -= cost
    }

    // MARK: Errors

    func error(_ message: String, at token: Token, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(message, at: token.location, length: token.length, suggestion: suggestion)
    }

    /// The error for an out-of-place current token: `=` where a comparison was
    /// probably meant, two operands in a row, or a plain "unexpected" message.
    func unexpected(expecting fallback: String? = nil) -> Diagnostic {
        let token = current
        if token.is(.assign) {
            return error("'=' is assignment; use '==' to compare", at: token)
        }
        if let juxtaposed = juxtaposition() {
            return juxtaposed
        }
        return error(fallback ?? "invalid syntax: unexpected \(token.describe(in: chars))", at: token)
    }

    /// "invalid syntax: 'x y' — did you forget an operator or a comma?" when the
    /// current token starts an operand right after another operand.
    func juxtaposition() -> Diagnostic? {
        let token = current
        guard Self.isOperandStart(token), position > 0 else { return nil }
        let before = tokens[position - 1]
        var text: String
        var location: SourceLocation
        if primaryEnd == position, primaryStart < position, tokens[primaryStart].offset <= token.offset {
            let first = tokens[primaryStart]
            text = String(chars[first.offset..<min(token.offset + token.length, chars.count)])
            location = first.location
        } else if Self.isOperandEnd(before) {
            text = before.text(in: chars) + " " + token.text(in: chars)
            location = before.location
        } else {
            return nil
        }
        if text.contains(where: \.isLineBreak) || text.count > 40 {
            text = before.text(in: chars) + " " + token.text(in: chars)
            location = before.location
            if text.contains(where: \.isLineBreak) || text.count > 40 { return nil }
        }
        let suggestion = text.hasPrefix("print ") ? "print is a function: write print(...)" : nil
        return Diagnostic(
            "invalid syntax: '\(text)' — did you forget an operator or a comma?", at: location,
            length: text.count, suggestion: suggestion)
    }

    /// A token that starts an operand and cannot continue an expression.
    static func isOperandStart(_ token: Token) -> Bool {
        switch token.kind {
        case .name, .number, .integer, .string, .formattedString, .keyword(.true), .keyword(.false), .keyword(.none),
            .punctuation(.ellipsis):
            true
        default:
            false
        }
    }

    /// A token that can end an operand.
    static func isOperandEnd(_ token: Token) -> Bool {
        isOperandStart(token) || token.is(.rightParen) || token.is(.rightBracket) || token.is(.rightBrace)
    }

    /// "'lambda' is a keyword and cannot be a variable name" when a keyword is used
    /// where a name belongs; nil when the current token is not a keyword.
    func keywordAsName(_ role: String = "a variable name") -> Diagnostic? {
        guard case .keyword(let keyword) = current.kind else { return nil }
        return error("'\(keyword.rawValue)' is a keyword and cannot be \(role)", at: current)
    }
}
