/// Parsing dict displays: `{}`, `{"a": 1, **other}` and dict comprehensions; set displays `{1, 2}`.
extension SyntaxParser {
    /// `{key: value, ...}`, `{key: value for ...}` or a set `{a, b}`; a set comprehension is refused by name.
    func parseDict() throws(Diagnostic) -> Expr {
        let open = advance()
        var entries: [DictEntry] = []
        while !check(.rightBrace) {
            if accept(.doubleStar) {
                entries.append(.unpacked(try parseOperators(.sum)))
            } else {
                let key = try parseExpression()
                guard accept(.colon) else {
                    if entries.isEmpty && check(.for) {
                        throw Diagnostic(
                            "set comprehensions are not supported in nnlearn", at: open.location, length: 1,
                            suggestion: "build a list and make it a set: set([x for x in xs])")
                    }
                    if entries.isEmpty && (check(.comma) || check(.rightBrace)) { return try parseSet(first: key, open: open) }
                    throw unexpected(expecting: "expected ':' after the dict key")
                }
                let value = try parseExpression()
                if entries.isEmpty, check(.for) {
                    let clauses = try parseComprehensionClauses(closing: .rightBrace)
                    return Expr(.dictComprehension(key: key, value: value, clauses: clauses), at: open.location)
                }
                entries.append(.pair(key: key, value: value))
            }
            guard accept(.comma) else { break }
        }
        guard accept(.rightBrace) else { throw unexpected(expecting: "expected ',' or '}'") }
        return Expr(.dict(entries), at: open.location)
    }

    /// The rest of `{a, b, c}` after its first item.
    private func parseSet(first: Expr, open: Token) throws(Diagnostic) -> Expr {
        var items = [first]
        while accept(.comma) && !check(.rightBrace) {
            if check(.doubleStar) || check(.star) { throw error("unpacking inside a set display is not supported", at: current) }
            items.append(try parseExpression())
        }
        guard accept(.rightBrace) else { throw unexpected(expecting: "expected ',' or '}'") }
        return Expr(.set(items), at: open.location)
    }
}
