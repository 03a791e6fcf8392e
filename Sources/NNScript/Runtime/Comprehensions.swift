/// List and dict comprehensions: `for` and `if` clauses nested left to right, as in Python.
extension Interpreter {
    /// `[element for ...]`.
    func listComprehension(_ element: Expr, _ clauses: [ComprehensionClause], _ locals: [String], in scope: Scope,
                           at location: SourceLocation) throws -> Value {
        // The loop variables live in their own frame, as in Python 3.
        let inner = Scope.frame(parent: scope, locals: locals)
        var values: [Value] = []
        try runClauses(clauses[...], in: inner, outside: scope, at: location) {
            values.append(try evaluate(element, in: inner))
            try checkGrowth(values.count, at: location)
        }
        return .list(ListStorage(values))
    }

    /// `{key: value for ...}`; a later equal key replaces the value, keeping its first place.
    func dictComprehension(key keyExpr: Expr, value valueExpr: Expr, _ clauses: [ComprehensionClause], _ locals: [String],
                           in scope: Scope, at location: SourceLocation) throws -> Value {
        let inner = Scope.frame(parent: scope, locals: locals)
        let dict = DictStorage()
        try runClauses(clauses[...], in: inner, outside: scope, at: location) {
            let key = try evaluate(keyExpr, in: inner)
            try dict.set(try evaluate(valueExpr, in: inner), for: key, at: keyExpr.location)
        }
        return .dict(dict)
    }

    /// Runs the first clause and, inside it, the rest: `produce` runs once for each
    /// combination of the loops' items that passes every filter. The first iterable is
    /// evaluated `outside` the comprehension's frame, as in Python; the rest inside it.
    private func runClauses(_ clauses: ArraySlice<ComprehensionClause>, in scope: Scope, outside: Scope? = nil,
                            at location: SourceLocation, _ produce: () throws -> Void) throws {
        guard let clause = clauses.first else { return try produce() }
        let rest = clauses.dropFirst()
        switch clause {
        case .for(let target, let iterableExpr):
            try iterate(try evaluate(iterableExpr, in: outside ?? scope), at: iterableExpr.location) { item in
                try tick(location)
                try assign(item, to: target, in: scope)
                try runClauses(rest, in: scope, at: location, produce)
                return true
            }
        case .if(let condition):
            if try evaluate(condition, in: scope).truth(at: condition.location) {
                try runClauses(rest, in: scope, at: location, produce)
            }
        }
    }
}
