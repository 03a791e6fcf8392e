/// Parsing dict displays: `{}`, `{"a": 1, **other}` and dict comprehensions.
extension SyntaxParser {
    /// `{key: value, ...}` or `{key: value for ...}`; a set display (`{1, 2}`) is refused by name.
    func parseDict() throws(Diagnostic) -> Expr {
        let open = advance()
        var entries: [DictEntry] = []
        while !check(.rightBrace) {
            if accept(.doubleStar) {
                entries.append(.unpacked(try parseOperators(.sum)))
            } else {
                let key = try parseExpression()
                guard accept(.colon) else {
                    if entries.isEmpty && (check(.comma) || check(.rightBrace) || check(.for)) {
                        throw Diagnostic(
                            "sets are not supported in nnlearn", at: open.location, length: 1,
                            suggestion: "use a list or a tuple; a dict is written {key: value}")
                    }
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
}
