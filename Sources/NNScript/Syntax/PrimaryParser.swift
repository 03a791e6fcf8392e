/// Parsing primaries: atoms followed by calls, attributes and subscripts.
extension SyntaxParser {
    /// An atom followed by any number of `(args)`, `.name` and `[index]`.
    func parsePrimary() throws(Diagnostic) -> Expr {
        let start = position
        var expression = try parseAtom()
        var chain = 0
        defer { leave(cost: chain) }
        while true {
            if check(.leftParen) {
                try enter(cost: 1)
                chain += 1
                expression = Expr(.call(expression, try parseArguments()), at: expression.location)
            } else if check(.leftBracket) {
                try enter(cost: 1)
                chain += 1
                expression = Expr(.subscripted(expression, try parseSubscripts()), at: expression.location)
            } else if accept(.dot) {
                guard case .name(let name) = current.kind else {
                    throw error("expected a name after '.'", at: current)
                }
                let nameLocation = current.location
                advance()
                try enter(cost: 1)
                chain += 1
                expression = Expr(.attribute(expression, name, name: nameLocation), at: expression.location)
            } else {
                break
            }
        }
        primaryStart = start
        primaryEnd = position
        return expression
    }

    /// `(a, b, key=value, *items, **entries)`: positional arguments before keyword ones,
    /// with Python's rules for where the starred ones may stand.
    func parseArguments() throws(Diagnostic) -> [Argument] {
        advance()
        var arguments: [Argument] = []
        var labels: Set<String> = []
        var unpacksKeywords = false
        while !check(.rightParen) {
            if check(.star) || check(.doubleStar) {
                let star = advance()
                let unpacking: Argument.Unpacking = star.is(.doubleStar) ? .keywords : .iterable
                if unpacking == .iterable && unpacksKeywords {
                    throw error("iterable argument unpacking follows keyword argument unpacking", at: star)
                }
                unpacksKeywords = unpacksKeywords || unpacking == .keywords
                arguments.append(Argument(try parseExpression(), unpacking: unpacking))
            } else if peek().is(.assign), case .name(let label) = current.kind {
                let labelToken = advance()
                advance()
                guard labels.insert(label).inserted else {
                    throw error("keyword argument repeated: '\(label)'", at: labelToken)
                }
                arguments.append(Argument(label: label, try parseExpression()))
            } else if peek().is(.assign), let diagnostic = keywordAsName("an argument name") {
                throw diagnostic
            } else {
                if unpacksKeywords {
                    throw error("positional argument follows keyword argument unpacking", at: current)
                }
                if !labels.isEmpty {
                    throw error("positional argument follows keyword argument", at: current)
                }
                arguments.append(Argument(try parseExpression()))
                if check(.for) {
                    throw error("generator expressions are not supported; use a for loop", at: current)
                }
            }
            guard accept(.comma) else { break }
        }
        guard accept(.rightParen) else { throw unexpected(expecting: "expected ',' or ')' after the argument") }
        return arguments
    }

    /// `[i]`, `[:, 1]`, `[i:i+32]`, `[::-1]`, `[0, -1]`: one or more indices or slices.
    func parseSubscripts() throws(Diagnostic) -> [Subscript] {
        advance()
        if check(.rightBracket) {
            throw error("expected an index inside '[]'", at: current)
        }
        var items: [Subscript] = []
        repeat {
            items.append(try parseSubscript())
        } while accept(.comma) && !check(.rightBracket)
        guard accept(.rightBracket) else { throw unexpected(expecting: "expected ',' or ']' after the index") }
        return items
    }

    /// One index, or a slice `start:stop:step` with any part left out.
    func parseSubscript() throws(Diagnostic) -> Subscript {
        var start: Expr?
        if !check(.colon) {
            let value = try parseExpression()
            guard check(.colon) else { return .index(value) }
            start = value
        }
        advance()
        let stop = endsSlicePart ? nil : try parseExpression()
        var step: Expr?
        if accept(.colon) {
            step = endsSlicePart ? nil : try parseExpression()
        }
        return .slice(start: start, stop: stop, step: step)
    }

    var endsSlicePart: Bool { check(.colon) || check(.comma) || check(.rightBracket) }

    /// Literals, names, `(...)`, `[...]` and `{...}`.
    func parseAtom() throws(Diagnostic) -> Expr {
        let token = current
        let kind: ExprKind
        switch token.kind {
        case .number(let value): kind = .number(value)
        case .integer(let value): kind = .integer(value)
        case .name(let name): kind = .name(name)
        case .keyword(.true): kind = .bool(true)
        case .keyword(.false): kind = .bool(false)
        case .keyword(.none): kind = .none
        case .punctuation(.ellipsis): kind = .ellipsis
        case .string, .formattedString: return try parseStrings()
        case .punctuation(.leftParen): return try parseParenthesized()
        case .punctuation(.leftBracket): return try parseList()
        case .punctuation(.leftBrace): return try parseDict()
        default: throw expectedExpression()
        }
        advance()
        return Expr(kind, at: token.location)
    }

    /// The error when an operand is missing: "expected an expression after '+'".
    func expectedExpression() -> Diagnostic {
        if peek().is(.assign), let diagnostic = keywordAsName() {
            return diagnostic
        }
        if current.kind == .indent {
            return error("unexpected indent", at: current)
        }
        if let previous {
            switch previous.kind {
            case .keyword, .punctuation(.leftParen), .punctuation(.leftBracket), .punctuation(.leftBrace):
                return error("expected an expression after \(previous.describe(in: chars))", at: current)
            case .punctuation(let punctuation)
            where punctuation != .rightParen && punctuation != .rightBracket && punctuation != .rightBrace:
                return error("expected an expression after \(previous.describe(in: chars))", at: current)
            default:
                break
            }
        }
        return error("invalid syntax: unexpected \(current.describe(in: chars))", at: current)
    }

    /// Adjacent string literals concatenate; any f-string among them makes the whole an f-string.
    func parseStrings() throws(Diagnostic) -> Expr {
        let location = current.location
        var text = ""
        var parts: [FormattedPart] = []
        var formatted = false
        while true {
            if case .string(let value) = current.kind {
                advance()
                if formatted { Self.append(value, to: &parts) } else { text += value }
            } else if case .formattedString(let pieces) = current.kind {
                advance()
                if !formatted {
                    formatted = true
                    if !text.isEmpty { parts.append(.text(text)) }
                }
                for piece in pieces {
                    switch piece {
                    case .text(let value):
                        Self.append(value, to: &parts)
                    case .expression(let source, let start, let format):
                        let value = try SyntaxParser.parseEmbedded(source, at: start, depth: depth + Self.nestingCost)
                        parts.append(.value(value, format: format))
                    }
                }
            } else {
                break
            }
        }
        return Expr(formatted ? .formatted(parts) : .string(text), at: location)
    }

    static func append(_ text: String, to parts: inout [FormattedPart]) {
        if case .text(let last) = parts.last {
            parts[parts.count - 1] = .text(last + text)
        } else {
            parts.append(.text(text))
        }
    }

    /// `(expr)`, or a tuple: `()`, `(a,)`, `(a, b)`.
    func parseParenthesized() throws(Diagnostic) -> Expr {
        let open = advance()
        if accept(.rightParen) { return Expr(.tuple([]), at: open.location) }
        let first = try parseExpression()
        if check(.for) {
            throw error("generator expressions are not supported; use a for loop", at: current)
        }
        if accept(.rightParen) { return first }
        guard check(.comma) else { throw unexpected(expecting: "expected ',' or ')'") }
        var items = [first]
        while accept(.comma) && !check(.rightParen) {
            items.append(try parseExpression())
        }
        guard accept(.rightParen) else { throw unexpected(expecting: "expected ',' or ')'") }
        return Expr(.tuple(items), at: open.location)
    }

    /// `[a, b, c]`, with an optional trailing comma.
    func parseList() throws(Diagnostic) -> Expr {
        let open = advance()
        var items: [Expr] = []
        while !check(.rightBracket) {
            items.append(try parseExpression())
            if items.count == 1, check(.for) {
                let clauses = try parseComprehensionClauses(closing: .rightBracket)
                return Expr(.comprehension(element: items[0], clauses: clauses), at: open.location)
            }
            guard accept(.comma) else { break }
        }
        guard accept(.rightBracket) else { throw unexpected(expecting: "expected ',' or ']'") }
        return Expr(.list(items), at: open.location)
    }
}
