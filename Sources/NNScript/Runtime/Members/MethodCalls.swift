import NNCore

/// An object whose attributes are one member table (sets, optimizers): its methods are called straight from the table.
protocol TabledObject: ScriptObject {
    /// The object's attributes and methods.
    static var members: MemberTable<Self> { get }
}

extension TabledObject {
    /// The names completion offers after a dot: the table's, in order.
    var attributeNames: [String] { Self.members.names }

    /// The attribute `name` from the table, or nil.
    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        try Self.members.value(name, of: self, interpreter: interpreter)
    }

    /// The position of the method `name` in the table.
    func methodPosition(_ name: String) -> Int? { Self.members.methodPosition(of: name) }

    /// Calls the table's method at `position` on this object.
    func callMethod(at position: Int, _ positional: [Value], _ keywords: [(String, Value)],
                    interpreter: Interpreter, at location: SourceLocation) throws -> Value {
        try Self.members.call(position, on: self, positional, keywords, interpreter: interpreter, at: location)
    }
}

extension Interpreter {
    /// What a call's callee expression gave: a value to call, or a method found on a value, which is
    /// called without making a bound builtin or bound method first.
    enum Callee {
        case value(Value)
        case tensorMethod(Tensor, Int)
        case listMethod(ListStorage, Int)
        case tupleMethod([Value], Int)
        case stringMethod(String, Int)
        case dictMethod(DictStorage, Int)
        case objectMethod(any ScriptObject, Int)
        /// A method of an instance's class (a `def`, or a builtin of Module): called with the instance first.
        case classMethod(receiver: Value, method: Value)
    }

    /// Evaluates the callee of a call; `x.name(…)` finds the method without binding it to x.
    func evaluateCallee(_ expr: Expr, in scope: Scope) throws -> Callee {
        guard case .attribute(let objectExpr, let name, _) = expr.kind else { return .value(try evaluate(expr, in: scope)) }
        let object = try evaluate(objectExpr, in: scope)
        if let restrictions = scope.restrictions, restrictions.names.contains(name), case .tensor = object {
            throw restrictions.error(name, at: expr.location)
        }
        if let method = methodCallee(name, hash: expr.binding.kind == .member ? expr.binding.hash : NameIndex.hash(name), of: object) {
            return method
        }
        do {
            return .value(try attribute(name, of: object, at: expr.location))
        } catch let error as ScriptError {
            throw error.located(expr.location)
        } catch let error as CoreError {
            throw ScriptError(error, at: expr.location)
        }
    }

    /// The method `name` of `value` as a callee, or nil when `value.name` is not a method to call directly.
    @inline(__always)
    private func methodCallee(_ name: String, hash: UInt32, of value: Value) -> Callee? {
        switch value {
        case .object(let instance as Instance):
            // A field of the same name hides the class's method, as in Python.
            if let field = instance.field(name, hash: hash) { return .value(field) }
            guard let method = instance.type.lookup(name, hash: hash) else { return nil }
            switch method {
            case .function, .builtin: return .classMethod(receiver: value, method: method)
            default: return nil
            }
        case .object(let object): return object.methodPosition(name).map { .objectMethod(object, $0) }
        case .tensor(let tensor): return TensorMembers.table.methodPosition(of: name).map { .tensorMethod(tensor, $0) }
        case .list(let list): return ListMembers.table.methodPosition(of: name).map { .listMethod(list, $0) }
        case .tuple(let items): return TupleMembers.table.methodPosition(of: name).map { .tupleMethod(items, $0) }
        case .string(let text): return StringMembers.table.methodPosition(of: name).map { .stringMethod(text, $0) }
        case .dict(let dict): return DictMembers.table.methodPosition(of: name).map { .dictMethod(dict, $0) }
        default: return nil
        }
    }

    /// Calls what ``evaluateCallee(_:in:)`` found; a class method gets its receiver apart from `positional`.
    func call(_ callee: Callee, _ positional: [Value], _ keywords: [(String, Value)],
              at location: SourceLocation, calleeName: @autoclosure () -> String) throws -> Value {
        switch callee {
        case .value(let value): return try call(value, positional, keywords, at: location, calleeName: calleeName())
        case .tensorMethod(let tensor, let position):
            return try TensorMembers.table.call(position, on: tensor, positional, keywords, interpreter: self, at: location)
        case .listMethod(let list, let position):
            return try ListMembers.table.call(position, on: list, positional, keywords, interpreter: self, at: location)
        case .tupleMethod(let items, let position):
            return try TupleMembers.table.call(position, on: items, positional, keywords, interpreter: self, at: location)
        case .stringMethod(let text, let position):
            return try StringMembers.table.call(position, on: text, positional, keywords, interpreter: self, at: location)
        case .dictMethod(let dict, let position):
            return try DictMembers.table.call(position, on: dict, positional, keywords, interpreter: self, at: location)
        case .objectMethod(let object, let position):
            return try object.callMethod(at: position, positional, keywords, interpreter: self, at: location)
        case .classMethod(let receiver, let method):
            return try callMethod(method, on: receiver, positional, keywords, at: location)
        }
    }

    /// Runs a builtin: its fast path when it has one for these arguments, its body otherwise.
    func runBuiltin(_ builtin: Builtin, _ positional: [Value], _ keywords: [(String, Value)], at location: SourceLocation) throws -> Value {
        if keywords.isEmpty, let fast = builtin.positional, let result = try runFast(at: location, { try fast(positional, location, self) }) {
            return result
        }
        return try runBuiltin(builtin.name, builtin.signature, positional, keywords, at: location) { try builtin.body($0, self) }
    }

    /// Runs a builtin's or method's fast path (nil: it declined); reports what its kernels left pending, as `runBuiltin` does.
    @inline(__always)
    func runFast(at location: SourceLocation, _ fast: () throws -> Value?) throws -> Value? {
        do {
            guard let result = try fast() else { return nil }
            if budget.hasPending { try checkpoint(at: location) }
            return result
        } catch let error as CoreError {
            throw ScriptError(error, at: location)
        }
    }

    /// Binds arguments to a builtin's signature and runs its body; reports what its kernels left pending.
    @inline(__always)
    func runBuiltin(_ name: String, _ signature: Signature, _ positional: [Value], _ keywords: [(String, Value)],
                    at location: SourceLocation, _ body: (Arguments) throws -> Value) throws -> Value {
        let arguments = try Arguments.bind(signature, function: name, positional: positional, keywords: keywords, at: location)
        do {
            let result = try body(arguments)
            // Whatever a builtin built past the budget, or a stop its kernels saw, is reported as it returns.
            if budget.hasPending { try checkpoint(at: location) }
            return result
        } catch let error as CoreError {
            throw ScriptError(error, at: location)
        }
    }
}
