/// Parsing `class` definitions and `del` statements.
extension SyntaxParser {
    /// `class Name:` or `class Name(Base):` and its indented body.
    func parseClass() throws(Diagnostic) -> Stmt {
        let header = advance()
        guard case .name(let name) = current.kind else {
            throw keywordAsName("a class name") ?? error("expected a class name after 'class'", at: current)
        }
        advance()
        var base: Expr?
        if accept(.leftParen) {
            if !check(.rightParen) {
                if case .name = current.kind, peek().is(.assign) {
                    throw error("class keywords such as metaclass= are not supported", at: current)
                }
                base = try parseExpression()
                if check(.comma) && !peek().is(.rightParen) {
                    throw error("a class may have one base class; multiple inheritance is not supported", at: current,
                                suggestion: "keep one base, and hold the other as an attribute")
                }
                _ = accept(.comma)
            }
            guard accept(.rightParen) else { throw unexpected(expecting: "expected ')' after the base class") }
        }
        try expectColon("expected ':' after the class name")
        // A class body is not a function or a loop: `return` and `break` there are errors.
        let (enclosingLoops, enclosingFunctions) = (loopDepth, functionDepth)
        (loopDepth, functionDepth) = (0, 0)
        let body = try parseBlock(after: header)
        (loopDepth, functionDepth) = (enclosingLoops, enclosingFunctions)
        let definition = ClassDefinition(name: name, base: base, body: body, docstring: Self.docstring(of: body))
        return Stmt(.classDefinition(definition), at: header.location)
    }

    /// `del target, target`: names, attributes, subscripts.
    func parseDelete() throws(Diagnostic) -> Stmt {
        let start = advance()
        guard Self.startsExpression(current) else { throw error("expected what to delete after 'del'", at: current) }
        let startPosition = position
        let list = try parseExpressionList()
        let targets: [Expr]
        if case .tuple(let items) = list.kind { targets = items } else { targets = [list] }
        for target in targets {
            switch target.kind {
            case .name, .attribute, .subscripted: continue
            default:
                throw Diagnostic("cannot delete \(Self.describeTarget(target.kind))", at: target.location,
                                 length: targets.count == 1 ? spanLength(from: startPosition) : 1)
            }
        }
        return Stmt(.delete(targets), at: start.location)
    }
}
