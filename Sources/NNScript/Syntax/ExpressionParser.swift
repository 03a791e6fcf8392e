/// Parsing operator expressions, from lambdas down to powers, by precedence.
///
/// Lowest to highest: `lambda`; `a if c else b`; `or`; `and`; `not`; comparisons
/// (chained, with `in`, `not in`, `is`, `is not`); `+ -`; `* / // % @`; unary `- +`;
/// `**` (right-associative, and tighter than a unary minus on its left, so
/// `-2**2` is `-(2**2)`); then calls, attributes and subscripts.
extension SyntaxParser {
    /// `a, b, c`: one expression, or a tuple when there are top-level commas
    /// (a trailing comma makes a one-element tuple).
    func parseExpressionList() throws(Diagnostic) -> Expr {
        let first = try parseExpression()
        guard check(.comma) else { return first }
        var items = [first]
        while accept(.comma) {
            guard Self.startsExpression(current) else { break }
            items.append(try parseExpression())
        }
        return Expr(.tuple(items), at: first.location)
    }

    /// Whether a token can begin an expression.
    static func startsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .name, .number, .integer, .string, .formattedString:
            return true
        case .keyword(let keyword):
            return [.lambda, .not, .true, .false, .none].contains(keyword)
        case .punctuation(let punctuation):
            return [.leftParen, .leftBracket, .leftBrace, .minus, .plus, .ellipsis].contains(punctuation)
        default:
            return false
        }
    }

    /// One expression: a lambda, a conditional, or anything tighter.
    func parseExpression() throws(Diagnostic) -> Expr {
        try enter()
        defer { leave() }
        if check(.lambda) { return try parseLambda() }
        let value = try parseOperators()
        guard accept(.if) else { return value }
        let condition = try parseOperators()
        guard accept(.else) else {
            throw error("expected 'else' after 'if' expression", at: current)
        }
        let otherwise = try parseExpression()
        return Expr(.conditional(condition: condition, then: value, otherwise: otherwise), at: value.location)
    }

    /// `lambda a, b=1: body`.
    func parseLambda() throws(Diagnostic) -> Expr {
        let keyword = advance()
        if check(.assign) {
            throw error("'lambda' is a keyword and cannot be a variable name", at: keyword)
        }
        let parameters = try parseParameters(closing: .colon)
        guard accept(.colon) else {
            throw unexpected(expecting: "expected ':' after the lambda parameters")
        }
        let body = try parseExpression()
        return Expr(.lambda(parameters, body), at: keyword.location)
    }

    /// How tightly an operator binds; each level binds tighter than the one before.
    enum Precedence: Int, Comparable {
        case or = 1, and, not, comparison, sum, product, unary

        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }

        /// The next tighter level, for the right operand of a left-associative operator.
        var tighter: Precedence { Precedence(rawValue: rawValue + 1) ?? .unary }
    }

    /// The precedence of the infix operator starting at `token`, or nil.
    static func infixPrecedence(_ token: Token, next: Token) -> Precedence? {
        switch token.kind {
        case .keyword(.or): return .or
        case .keyword(.and): return .and
        case .keyword(.in), .keyword(.is): return .comparison
        case .keyword(.not): return next.is(.in) ? .comparison : nil
        case .punctuation(let punctuation):
            switch punctuation {
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return .comparison
            case .plus, .minus: return .sum
            case .star, .slash, .doubleSlash, .percent, .at: return .product
            default: return nil
            }
        default: return nil
        }
    }

    /// An expression whose operators all bind at least as tightly as `minimum`, by
    /// precedence climbing: `or`, `and` and arithmetic are left-associative, and
    /// comparisons are kept flat as one chain (`a < b <= c`).
    func parseOperators(_ minimum: Precedence = .or) throws(Diagnostic) -> Expr {
        var left = try parsePrefixed(minimum)
        var chain = 0
        defer { leave(cost: chain) }
        while let precedence = Self.infixPrecedence(current, next: peek()), precedence >= minimum {
            try enter(cost: 1)
            chain += 1
            switch precedence {
            case .comparison:
                var comparisons: [Comparison] = []
                while let op = acceptComparisonOperator() {
                    comparisons.append(Comparison(op, try parseOperators(.sum)))
                }
                left = Expr(.compare(left, comparisons), at: left.location)
            case .or, .and:
                advance()
                let right = try parseOperators(precedence.tighter)
                left = Expr(.logical(precedence == .or ? .or : .and, left, right), at: left.location)
            default:
                let token = advance()
                guard case .punctuation(let punctuation) = token.kind,
                    let op = BinaryOperator(rawValue: punctuation.rawValue)
                else { throw error("invalid syntax: unexpected \(token.describe(in: chars))", at: token) }
                let right = try parseOperators(precedence.tighter)
                left = Expr(.binary(op, left, right), at: left.location)
            }
        }
        return left
    }

    /// `not x` and `-x` / `+x` when `minimum` allows them, else a power or primary.
    /// `not` binds looser than comparisons (`not a in b` is `not (a in b)`); a unary
    /// sign binds looser than `**` on its right (`-2**2` is `-(2**2)`).
    func parsePrefixed(_ minimum: Precedence) throws(Diagnostic) -> Expr {
        let token = current
        let kind: ExprKind
        if token.is(.not) && minimum <= .not {
            advance()
            try enter()
            defer { leave() }
            kind = .not(try parseOperators(.not))
        } else if (token.is(.minus) || token.is(.plus)) && minimum <= .unary {
            advance()
            try enter()
            defer { leave() }
            kind = .unary(token.is(.minus) ? .negate : .plus, try parseOperators(.unary))
        } else {
            return try parsePower()
        }
        return Expr(kind, at: token.location)
    }

    func acceptComparisonOperator() -> ComparisonOperator? {
        switch current.kind {
        case .punctuation(let punctuation):
            guard let op = ComparisonOperator(rawValue: punctuation.rawValue) else { return nil }
            advance()
            return op
        case .keyword(.in):
            advance()
            return .in
        case .keyword(.not) where peek().is(.in):
            advance()
            advance()
            return .notIn
        case .keyword(.is):
            advance()
            return accept(.not) ? .isNot : .is
        default:
            return nil
        }
    }

    /// `a ** b`, right-associative; the exponent may carry a sign: `2 ** -1`.
    func parsePower() throws(Diagnostic) -> Expr {
        let base = try parsePrimary()
        guard accept(.doubleStar) else { return base }
        try enter()
        defer { leave() }
        let exponent = try parseOperators(.unary)
        return Expr(.binary(.power, base, exponent), at: base.location)
    }
}
