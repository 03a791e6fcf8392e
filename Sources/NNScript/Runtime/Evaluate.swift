import NNCore

extension Interpreter {
    /// Evaluates an expression; errors carry the expression's location.
    func evaluate(_ expr: Expr, in scope: Scope) throws -> Value {
        // A bound local of the running frame, the commonest expression, is read straight from its slot.
        let binding = expr.binding
        if binding.kind == .frame, binding.depth == 0 {
            let slot = Int(truncatingIfNeeded: binding.slot)
            if slot < scope.slots.count, let value = scope.slots[slot] { return value }
        }
        do {
            return try evaluateUnlocated(expr, in: scope)
        } catch let error as ScriptError {
            throw error.located(expr.location)
        } catch let error as CoreError {
            throw ScriptError(error, at: expr.location)
        }
    }

    private func evaluateUnlocated(_ expr: Expr, in scope: Scope) throws -> Value {
        let at = expr.location
        switch expr.kind {
        case .number(let x): return .number(x)
        case .integer(let n): return .integer(n)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .ellipsis:
            throw ScriptError(.notImplemented, "this part is still `...`", at: at, hint: "replace `...` with your code")
        case .formatted(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let literal): text += literal
                case .value(let inner, let spec):
                    let value = try evaluate(inner, in: scope)
                    text += try Format.apply(spec, to: value, interpreter: self, at: inner.location)
                }
            }
            return .string(text)
        case .name(let name):
            return try readName(name, expr.binding, in: scope, at: at)
        case .list(let items):
            let values = try items.map { try evaluate($0, in: scope) }
            // A list of numbers (nested or not) is a tensor, as learners write weights.
            // Ragged rows stay a list of lists, as in Python.
            if Convert.isNumeric(values, items),
               let tensor = try? Convert.tensor(.list(ListStorage(values)), context: "list literal", at: at) {
                return .tensor(tensor)
            }
            return .list(ListStorage(values))
        case .comprehension(let element, let clauses, let locals):
            return try listComprehension(element, clauses, locals, in: scope, at: at)
        case .dict(let entries):
            return try dictDisplay(entries, in: scope)
        case .dictComprehension(let key, let value, let clauses, let locals):
            return try dictComprehension(key: key, value: value, clauses, locals, in: scope, at: at)
        case .tuple(let items):
            return .tuple(try items.map { try evaluate($0, in: scope) })
        case .set(let items):
            let set = SetObject()
            for item in items { try set.insert(try evaluate(item, in: scope), at: item.location) }
            return .object(set)
        case .unary(let op, let operand):
            return try unary(op, try evaluate(operand, in: scope), at: at)
        case .binary(let op, let left, let right):
            let (a, b) = (try evaluate(left, in: scope), try evaluate(right, in: scope))
            if op == .multiply { try refuseRepeatedLiteral(left, a, right, b, at: at) }
            return try binary(op, a, b, at: at)
        case .compare(let first, let comparisons):
            var left = try evaluate(first, in: scope)
            var result = Value.bool(true)
            for comparison in comparisons {
                let right = try evaluate(comparison.right, in: scope)
                result = try compare(comparison.op, left, right, at: comparison.right.location)
                if comparisons.count > 1, !(try result.truth(at: at)) { return .bool(false) }
                left = right
            }
            return result
        case .logical(let op, let left, let right):
            let value = try evaluate(left, in: scope)
            let truth = try value.truth(at: left.location)
            switch op {
            case .and: return truth ? try evaluate(right, in: scope) : value
            case .or: return truth ? value : try evaluate(right, in: scope)
            }
        case .not(let operand):
            return .bool(!(try evaluate(operand, in: scope).truth(at: operand.location)))
        case .call(let calleeExpr, let argumentExprs):
            let callee = try evaluateCallee(calleeExpr, in: scope)
            if let result = try callDirectly(callee, argumentExprs, in: scope, at: at) { return result }
            var positional: [Value] = []
            // Room for every argument at once: appending to an empty array regrows it at the second and third.
            positional.reserveCapacity(argumentExprs.count)
            var keywords: [(String, Value)] = []
            for argument in argumentExprs {
                let value = try evaluate(argument.value, in: scope)
                if let unpacking = argument.unpacking {
                    try unpackArgument(value, unpacking, into: &positional, &keywords, at: argument.value.location,
                                       calleeName: Self.calleeName(calleeExpr))
                    continue
                }
                if let label = argument.label { keywords.append((label, value)) } else { positional.append(value) }
            }
            return try call(callee, positional, keywords, at: at, calleeName: Self.calleeName(calleeExpr))
        case .attribute(let objectExpr, let name, let nameLocation):
            let object = try evaluate(objectExpr, in: scope)
            if let restrictions = scope.restrictions, restrictions.names.contains(name), case .tensor = object {
                throw restrictions.error(name, at: nameLocation)
            }
            return try attribute(name, expr.binding, of: object, at: nameLocation)
        case .subscripted(let containerExpr, let subscripts):
            return try subscriptValue(try evaluate(containerExpr, in: scope), subscripts, in: scope, at: at)
        case .lambda(let parameters, let body, let slot):
            let defaults = try parameters.map { try $0.defaultValue.map { try evaluate($0, in: scope) } }
            let template = slot.template ?? FunctionTemplate(lambda: parameters, body)
            return .function(Function(template, defaults: defaults, closure: template.closure(in: scope), source: currentSource))
        case .conditional(let condition, let then, let otherwise):
            return try evaluate(condition, in: scope).truth(at: condition.location)
                ? try evaluate(then, in: scope) : try evaluate(otherwise, in: scope)
        }
    }

    /// The name a call is spelled with, for messages: `softmax`, `model.summary`.
    static func calleeName(_ expr: Expr) -> String {
        switch expr.kind {
        case .name(let name): return name
        case .attribute(let base, let name, _): return "\(calleeName(base)).\(name)"
        default: return "this value"
        }
    }

    /// NameError with the nearest visible name as a suggestion.
    func undefinedName(_ name: String, in scope: Scope, at location: SourceLocation) -> ScriptError {
        let candidates = scope.visibleNames
        var hint = Diagnostic.closestName(to: name, among: candidates).map { "did you mean '\($0)'?" }
        if hint == nil, let python = Self.pythonNames[name] { hint = python }
        return ScriptError(.name, "name '\(name)' is not defined", at: location, hint: hint)
    }

    /// Names from Python and its libraries that learners reach for, with nnlearn's way.
    static let pythonNames: [String: String] = [
        "np": "nnlearn has no imports; tensor functions such as zeros, exp and softmax are builtins",
        "torch": "nnlearn has no imports; use tensor(...), param(...) and the builtins directly",
        "import": "nnlearn has no imports; everything is a builtin",
        "true": "write True", "false": "write False", "null": "write None", "nil": "write None",
        "math": "exp, log, sqrt and friends are builtins: exp(x)",
        "self": "self is the first parameter of a method: def forward(self, x): inside a class",
    ]

    /// `[0.0] * n` repeats the list in Python but, a list of numbers being a tensor here, would
    /// scale its values: the two readings disagree, so the literal times an int is refused.
    private func refuseRepeatedLiteral(_ left: Expr, _ a: Value, _ right: Expr, _ b: Value, at location: SourceLocation) throws {
        switch (left.kind, a, right.kind, b) {
        case (.list, .tensor, _, .integer), (_, .integer, .list, .tensor): break
        default: return
        }
        throw ScriptError(.type, "a list of numbers is a tensor, so `*` would multiply its values instead of repeating the list as Python does",
                          at: location, hint: "for n zeros write zeros(n) (or full(n, value)); to scale, write tensor([...]) * n")
    }
}
