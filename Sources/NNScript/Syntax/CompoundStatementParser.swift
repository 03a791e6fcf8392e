/// Parsing compound statements: `def`, `if`, `for`, `while`, `with` and their blocks.
extension SyntaxParser {
    /// The body after a header's `:`: an indented block, or simple statements on the same line.
    func parseBlock(after header: Token) throws(Diagnostic) -> [Stmt] {
        try enter()
        defer { leave() }
        guard current.kind == .newline else {
            if case .keyword(let keyword) = current.kind, [.def, .if, .for, .while, .with, .class].contains(keyword) {
                throw error(
                    "'\(keyword.rawValue)' cannot follow ':' on the same line", at: current,
                    suggestion: "start it on a new, indented line")
            }
            return try parseSimpleLine()
        }
        advance()
        guard current.kind == .indent else {
            throw Diagnostic(
                "expected an indented block after '\(header.text(in: chars))' on line \(header.location.line)",
                at: current.location, length: 1, suggestion: "indent the body, e.g. by 4 spaces",
                // The lexer closes open blocks at the end of the input, so after a header on the
                // last line of a nested block come dedents, then the end: still waiting for a body.
                needsMoreInput: tokens[position...].allSatisfy { $0.kind == .dedent || $0.kind == .eof })
        }
        advance()
        var body: [Stmt] = []
        while current.kind != .dedent && current.kind != .eof {
            if current.kind == .indent { throw error("unexpected indent", at: current) }
            body += try parseStatement()
        }
        if current.kind == .dedent { advance() }
        return body
    }

    /// Consumes the `:` ending a header, or explains that it is missing.
    func expectColon(_ message: String, comparing: Bool = false) throws(Diagnostic) {
        if accept(.colon) { return }
        if comparing && check(.assign) {
            throw error("'=' is assignment; use '==' to compare", at: current)
        }
        var suggestion: String?
        if current.kind == .newline || current.kind == .eof {
            suggestion = "add ':' at the end of the line"
        } else if check(.if) && previous?.is(.else) == true {
            suggestion = "write 'elif' instead of 'else if'"
        }
        throw error(message, at: current, suggestion: suggestion)
    }

    /// `if c: ... elif d: ... else: ...`.
    func parseIf() throws(Diagnostic) -> Stmt {
        let header = advance()
        let condition = try parseExpression()
        try expectColon("expected ':' after the if condition", comparing: true)
        var branches = [ConditionalBranch(condition, try parseBlock(after: header))]
        while check(.elif) {
            let clause = advance()
            let condition = try parseExpression()
            try expectColon("expected ':' after the elif condition", comparing: true)
            branches.append(ConditionalBranch(condition, try parseBlock(after: clause)))
        }
        var otherwise: [Stmt] = []
        if check(.else) {
            let clause = advance()
            try expectColon("expected ':' after 'else'")
            otherwise = try parseBlock(after: clause)
        }
        return Stmt(.if(branches, otherwise: otherwise), at: header.location)
    }

    /// `for target in iterable: ...`.
    func parseFor() throws(Diagnostic) -> Stmt {
        let header = advance()
        let target = try parseForTarget()
        guard accept(.in) else {
            throw error("expected 'in' after the loop variable", at: current)
        }
        let iterable = try parseExpressionList()
        try expectColon("expected ':' after the for clause")
        loopDepth += 1
        let body = try parseBlock(after: header)
        loopDepth -= 1
        return Stmt(.for(target: target, iterable: iterable, body: body), at: header.location)
    }

    /// `i`, `i, x`, `(a, b), c`: parsed above comparisons so that `in` ends it.
    func parseForTarget() throws(Diagnostic) -> Expr {
        var items: [Expr] = []
        var trailingComma = false
        while true {
            if check(.in) && items.isEmpty {
                throw error("expected a loop variable after 'for'", at: current)
            }
            if let diagnostic = keywordAsName() { throw diagnostic }
            let item = try parseOperators(.sum)
            try checkAssignmentTarget(item)
            items.append(item)
            guard accept(.comma) else { break }
            if check(.in) {
                trailingComma = true
                break
            }
        }
        guard let first = items.first else { throw error("expected a loop variable after 'for'", at: current) }
        return items.count == 1 && !trailingComma ? first : Expr(.tuple(items), at: first.location)
    }

    /// `while condition: ...`.
    func parseWhile() throws(Diagnostic) -> Stmt {
        let header = advance()
        let condition = try parseExpression()
        try expectColon("expected ':' after the while condition", comparing: true)
        loopDepth += 1
        let body = try parseBlock(after: header)
        loopDepth -= 1
        return Stmt(.while(condition: condition, body: body), at: header.location)
    }

    /// `with context [as name]: ...`.
    func parseWith() throws(Diagnostic) -> Stmt {
        let header = advance()
        let context = try parseExpression()
        var name: String?
        if accept(.as) {
            guard case .name(let target) = current.kind else {
                throw keywordAsName() ?? error("expected a name after 'as'", at: current)
            }
            advance()
            name = target
        }
        if check(.comma) {
            throw error("only one context manager per 'with' is supported", at: current)
        }
        try expectColon("expected ':' after the with clause")
        let body = try parseBlock(after: header)
        return Stmt(.with(context: context, name: name, body: body), at: header.location)
    }

    /// `def name(a, b=1): ...`, taking a leading string as the docstring.
    func parseFunction() throws(Diagnostic) -> Stmt {
        let header = advance()
        guard case .name(let name) = current.kind else {
            throw keywordAsName("a function name") ?? error("expected a function name after 'def'", at: current)
        }
        advance()
        guard accept(.leftParen) else {
            throw error("expected '(' after the function name", at: current)
        }
        let parameters = try parseParameters(closing: .rightParen)
        guard accept(.rightParen) else {
            throw unexpected(expecting: "expected ',' or ')' in the parameter list")
        }
        if check(.minus) && peek().is(.greater) {
            throw Diagnostic("return annotations ('->') are not supported", at: current.location, length: 2)
        }
        try expectColon("expected ':' after the function signature")
        let enclosingLoops = loopDepth
        loopDepth = 0
        functionDepth += 1
        let body = try parseBlock(after: header)
        functionDepth -= 1
        loopDepth = enclosingLoops
        let definition = FunctionDefinition(
            name: name, parameters: parameters, body: body, docstring: Self.docstring(of: body))
        return Stmt(.function(definition), at: header.location)
    }

    /// `a, b=1, *args, c=2, **kwargs` up to `closing` (not consumed): names, unique, defaults last
    /// among the positional ones; after `*args` come keyword-only parameters, `**kwargs` ends the list.
    func parseParameters(closing: Punctuation) throws(Diagnostic) -> [Parameter] {
        var parameters: [Parameter] = []
        var names: Set<String> = []
        var sawDefault = false
        var sawVariadic = false
        while !check(closing) {
            if parameters.last?.kind == .keywords {
                throw error("'**\(parameters.last?.name ?? "")' must be the last parameter", at: current)
            }
            var kind = Parameter.Kind.plain
            if accept(.star) {
                kind = .variadic
            } else if accept(.doubleStar) {
                kind = .keywords
            }
            let token = current
            guard case .name(let name) = token.kind else {
                if closing == .colon && (token.kind == .newline || token.kind == .eof) && kind == .plain {
                    break  // `lambda` at the end of a line: the caller asks for ':'
                }
                if kind == .variadic && (check(.comma) || check(closing)) {
                    throw error("a bare '*' (keyword-only marker) is not supported", at: current,
                                suggestion: "name it, as in def f(*args, key=None)")
                }
                throw keywordAsName("a parameter name") ?? unexpected(expecting: "expected a parameter name")
            }
            advance()
            guard names.insert(name).inserted else { throw error("duplicate parameter '\(name)'", at: token) }
            if closing == .rightParen && check(.colon) {
                throw error("type annotations are not supported", at: current)
            }
            var defaultValue: Expr?
            if kind != .plain {
                if check(.assign) { throw error("'\(kind == .variadic ? "*" : "**")\(name)' cannot have a default", at: current) }
                if kind == .variadic {
                    guard !sawVariadic else { throw error("only one '*' parameter is allowed", at: token) }
                    sawVariadic = true
                }
            } else if accept(.assign) {
                defaultValue = try parseExpression()
                sawDefault = true
            } else if sawDefault && !sawVariadic {
                throw error("parameter without a default follows parameter with a default", at: token)
            }
            parameters.append(Parameter(name, default: defaultValue, kind: kind))
            guard accept(.comma) else { break }
        }
        return parameters
    }
}
