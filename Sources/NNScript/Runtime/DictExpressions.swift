/// Dict displays and `d[key]`: building dicts and reading and writing their entries.
extension Interpreter {
    /// `{"a": 1, **other}`: keys and values evaluated left to right; a repeated key keeps its
    /// first place and takes the last value, as in Python.
    func dictDisplay(_ entries: [DictEntry], in scope: Scope) throws -> Value {
        let dict = DictStorage()
        for entry in entries {
            switch entry {
            case .pair(let keyExpr, let valueExpr):
                let key = try evaluate(keyExpr, in: scope)
                try dict.set(try evaluate(valueExpr, in: scope), for: key, at: keyExpr.location)
            case .unpacked(let expr):
                let source = try evaluate(expr, in: scope)
                guard case .dict(let other) = source else {
                    throw ScriptError(.type, "'**' in a dict needs a dict, not \(source.typeNameWithArticle)", at: expr.location)
                }
                try dict.update(from: other, at: expr.location)
            }
        }
        return .dict(dict)
    }

    /// The key inside `d[...]` and where it is written; `d[a, b]` is the tuple key `(a, b)`, as in Python.
    func dictKey(_ subscripts: [Subscript], in scope: Scope, at location: SourceLocation) throws -> (Value, SourceLocation) {
        var parts: [Value] = []
        for part in subscripts {
            guard case .index(let expr) = part else {
                throw ScriptError(.type, "unhashable type: 'slice'", at: location, hint: "a dict has no order to slice; read one entry with d[key]")
            }
            parts.append(try evaluate(expr, in: scope))
        }
        if parts.count == 1, case .index(let expr) = subscripts[0] { return (parts[0], expr.location) }
        return (.tuple(parts), location)
    }
}
