/// `del`: removing a variable, a list item or slice, a dict key, or an attribute.
extension Interpreter {
    func delete(_ target: Expr, in scope: Scope) throws {
        let location = target.location
        switch target.kind {
        case .name(let name):
            try deleteName(name, target.binding, in: scope, at: location)
        case .attribute(let objectExpr, let name, _):
            let object = try evaluate(objectExpr, in: scope)
            switch object {
            case .object(let instance as Instance):
                guard instance.removeAttribute(name) else {
                    throw ScriptError(.attribute, "'\(instance.type.name)' object has no attribute '\(name)'", at: location,
                                      hint: Diagnostic.closestName(to: name, among: instance.fieldOrder).map { "did you mean '\($0)'?" })
                }
            case .object(let cls as ScriptClass):
                guard cls.removeAttribute(name) else {
                    throw ScriptError(.attribute, "type object '\(cls.name)' has no attribute '\(name)'", at: location)
                }
            default:
                throw ScriptError(.attribute, "cannot delete attribute '\(name)' of \(object.typeNameWithArticle)", at: location)
            }
        case .subscripted(let containerExpr, let subscripts):
            try deleteItem(of: try evaluate(containerExpr, in: scope), subscripts, in: scope, at: location)
        default:
            throw ScriptError(.syntax, "cannot delete this expression", at: location)
        }
    }

    /// `del xs[i]`, `del xs[a:b]`, `del d[key]`, `del obj[key]` (through `__delitem__`).
    private func deleteItem(of container: Value, _ subscripts: [Subscript], in scope: Scope, at location: SourceLocation) throws {
        switch (container, subscripts.first) {
        case (.list(let list), .index(let expr)?) where subscripts.count == 1:
            let index = try wholeNumber(try evaluate(expr, in: scope), what: "list index", at: expr.location)
            let resolved = index < 0 ? index + list.items.count : index
            guard list.items.indices.contains(resolved) else {
                throw ScriptError(.index, "list assignment index \(index) is out of range for a list of length \(list.items.count)", at: location)
            }
            list.items.remove(at: resolved)
        case (.list(let list), .slice?) where subscripts.count == 1:
            // The positions a slice would read, removed from the back so the others keep their places.
            guard case .list(let selected) = try subscriptValue(.list(ListStorage(Array(list.items.indices).map { .integer($0) })),
                                                                 subscripts, in: scope, at: location) else { return }
            let positions = selected.items.compactMap { if case .integer(let i) = $0 { return i } else { return nil } }
            for position in positions.sorted(by: >) { list.items.remove(at: position) }
        case (.dict(let dict), _):
            let (key, keyLocation) = try dictKey(subscripts, in: scope, at: location)
            guard try dict.remove(key, at: keyLocation) != nil else { throw dict.missingKey(key, interpreter: self, at: location) }
        case (.object(let instance as Instance), .index(let expr)?) where subscripts.count == 1:
            guard try callSpecial("__delitem__", of: instance, [try evaluate(expr, in: scope)], at: location) != nil else {
                throw ScriptError(.type, "'\(instance.type.name)' object does not support item deletion", at: location,
                                  hint: "define def __delitem__(self, key) in class \(instance.type.name)")
            }
        default:
            var hint: String?
            if case .tensor = container { hint = "tensors have a fixed shape; build a new one, e.g. with a mask: x[x != 0]" }
            throw ScriptError(.type, "\(container.typeNameWithArticle) does not support item deletion", at: location, hint: hint)
        }
    }
}
