/// Parsing the `for` and `if` clauses of list and dict comprehensions.
extension SyntaxParser {
    /// `for x in xs if c for y in ys ...` up to and including `closing`, starting at the
    /// first `for`. Each clause costs nesting budget, since each nests a loop when run.
    func parseComprehensionClauses(closing: Punctuation) throws(Diagnostic) -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        defer { leave(cost: clauses.count) }
        while check(.for) || (!clauses.isEmpty && check(.if)) {
            try enter(cost: 1)
            if accept(.for) {
                let target = try parseForTarget()
                guard accept(.in) else { throw error("expected 'in' after the comprehension's variable", at: current) }
                // Below the conditional expression, so that a trailing `if` is a filter.
                clauses.append(.for(target: target, iterable: try parseOperators(.or)))
            } else {
                advance()
                clauses.append(.if(try parseOperators(.or)))
            }
        }
        guard accept(closing) else {
            throw unexpected(expecting: "expected '\(closing.rawValue)' to close the comprehension")
        }
        return clauses
    }
}
