/// Parsing operator expressions, from lambdas down to powers, by precedence.
///
/// Lowest to highest: `lambda`; `a if c else b`; `or`; `and`; `not`; comparisons
/// (chained, with `in`, `not in`, `is`, `is not`); `+ -`; `* / // % @`; unary `- +`;
/// `**` (right-associative, and tighter than a unary minus on its left, so
/// `-2**2` is `-(2**2)`); then calls, attributes and subscripts.
extension Parser {
    /// `a, b, c`: one expression, or a tuple when there are top-level commas
    /// (a trailing comma makes a one-element tuple).
    mutating func parseExpressionList() throws(Diagnostic) -> Expr {
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
        case .name, .number, .string, .formattedString:
            return true
        case .keyword(let keyword):
            return [.lambda, .not, .true, .false, .none].contains(keyword)
        case .punctuation(let punctuation):
            return [.leftParen, .leftBracket, .minus, .plus, .ellipsis].contains(punctuation)
        default:
            return false
        }
    }

    /// One expression: a lambda, a conditional, or anything tighter.
    mutating func parseExpression() throws(Diagnostic) -> Expr {
        try enter()
        defer { leave() }
        if check(.lambda) { return try parseLambda() }
        let value = try parseOr()
        guard accept(.if) else { return value }
        let condition = try parseOr()
        guard accept(.else) else {
            throw error("expected 'else' after 'if' expression", at: current)
        }
        let otherwise = try parseExpression()
        return Expr(.conditional(condition: condition, then: value, otherwise: otherwise), at: value.location)
    }

    /// `lambda a, b=1: body`.
    mutating func parseLambda() throws(Diagnostic) -> Expr {
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

    mutating func parseOr() throws(Diagnostic) -> Expr {
        var left = try parseAnd()
        var chain = 0
        defer { leave(cost: chain) }
        while accept(.or) {
            try enter(cost: 1)
            chain += 1
            let right = try parseAnd()
            left = Expr(.logical(.or, left, right), at: left.location)
        }
        return left
    }

    mutating func parseAnd() throws(Diagnostic) -> Expr {
        var left = try parseNot()
        var chain = 0
        defer { leave(cost: chain) }
        while accept(.and) {
            try enter(cost: 1)
            chain += 1
            let right = try parseNot()
            left = Expr(.logical(.and, left, right), at: left.location)
        }
        return left
    }

    /// `not x`, which binds looser than comparisons: `not a in b` is `not (a in b)`.
    mutating func parseNot() throws(Diagnostic) -> Expr {
        guard check(.not) else { return try parseComparison() }
        let keyword = advance()
        try enter()
        defer { leave() }
        let operand = try parseNot()
        return Expr(.not(operand), at: keyword.location)
    }

    /// `a < b <= c`, kept flat as one comparison chain.
    mutating func parseComparison() throws(Diagnostic) -> Expr {
        let left = try parseArithmetic()
        var comparisons: [Comparison] = []
        while let op = acceptComparisonOperator() {
            comparisons.append(Comparison(op, try parseArithmetic()))
        }
        return comparisons.isEmpty ? left : Expr(.compare(left, comparisons), at: left.location)
    }

    mutating func acceptComparisonOperator() -> ComparisonOperator? {
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

    /// `a + b - c`, left-associative.
    mutating func parseArithmetic() throws(Diagnostic) -> Expr {
        try parseBinaryChain(of: [.plus, .minus]) { (parser: inout Parser) throws(Diagnostic) in
            try parser.parseTerm()
        }
    }

    /// `a * b / c // d % e @ f`, left-associative.
    mutating func parseTerm() throws(Diagnostic) -> Expr {
        try parseBinaryChain(of: [.star, .slash, .doubleSlash, .percent, .at]) {
            (parser: inout Parser) throws(Diagnostic) in try parser.parseUnary()
        }
    }

    /// A left-associative chain of the given operators between operands.
    mutating func parseBinaryChain(
        of operators: [Punctuation], operand: (inout Parser) throws(Diagnostic) -> Expr
    ) throws(Diagnostic) -> Expr {
        var left = try operand(&self)
        var chain = 0
        defer { leave(cost: chain) }
        while case .punctuation(let punctuation) = current.kind, operators.contains(punctuation),
            let op = BinaryOperator(rawValue: punctuation.rawValue)
        {
            advance()
            try enter(cost: 1)
            chain += 1
            let right = try operand(&self)
            left = Expr(.binary(op, left, right), at: left.location)
        }
        return left
    }

    /// `-x`, `+x`.
    mutating func parseUnary() throws(Diagnostic) -> Expr {
        let op: UnaryOperator
        if check(.minus) {
            op = .negate
        } else if check(.plus) {
            op = .plus
        } else {
            return try parsePower()
        }
        let token = advance()
        try enter()
        defer { leave() }
        let operand = try parseUnary()
        return Expr(.unary(op, operand), at: token.location)
    }

    /// `a ** b`, right-associative; the exponent may carry a sign: `2 ** -1`.
    mutating func parsePower() throws(Diagnostic) -> Expr {
        let base = try parsePrimary()
        guard accept(.doubleStar) else { return base }
        try enter()
        defer { leave() }
        let exponent = try parseUnary()
        return Expr(.binary(.power, base, exponent), at: base.location)
    }
}
