import NNCore

/// How a statement finished: normally, or by leaving a loop or a function.
enum Flow {
    case normal, breakLoop, continueLoop
    case returned(Value)
}

extension Interpreter {
    /// Runs a block, stopping at the first statement that leaves it.
    func execute(_ block: [Stmt], in scope: Scope) throws -> Flow {
        for statement in block {
            let flow = try execute(statement, in: scope)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func execute(_ statement: Stmt, in scope: Scope) throws -> Flow {
        let at = statement.location
        switch statement.kind {
        case .expression(let expr):
            _ = try evaluate(expr, in: scope)
        case .assign(let targets, let valueExpr):
            let value = try evaluate(valueExpr, in: scope)
            for target in targets { try assign(value, to: target, in: scope) }
        case .augmentedAssign(let target, let op, let valueExpr):
            let current = try evaluate(target, in: scope)
            let operand = try evaluate(valueExpr, in: scope)
            let result = try augmented(op, current, operand, at: at)
            // Updated in place (a parameter under no_grad, a list): the target already holds it.
            if Interpreter.identical(result, current), case .attribute = target.kind { return .normal }
            try assign(result, to: target, in: scope)
        case .classDefinition(let definition):
            try defineClass(definition, in: scope, at: at)
        case .delete(let targets):
            for target in targets { try delete(target, in: scope) }
        case .function(let definition):
            let defaults = try definition.parameters.map { try $0.defaultValue.map { try evaluate($0, in: scope) } }
            let template = definition.template.template ?? FunctionTemplate(definition)
            scope.bind(definition.name, to: .function(Function(template, defaults: defaults, closure: template.closure(in: scope),
                                                               source: currentSource)))
        case .return(let expr):
            return .returned(try expr.map { try evaluate($0, in: scope) } ?? .none)
        case .if(let branches, let otherwise):
            for branch in branches where try evaluate(branch.condition, in: scope).truth(at: branch.condition.location) {
                return try execute(branch.body, in: scope)
            }
            return try execute(otherwise, in: scope)
        case .for(let target, let iterableExpr, let body):
            let iterable = try evaluate(iterableExpr, in: scope)
            var flow = Flow.normal
            // A stop (Ctrl-C, a limit) is reported at the body's line, which is what was running.
            let bodyLocation = body.first?.location ?? at
            try iterate(iterable, at: iterableExpr.location) { item in
                try tick(bodyLocation)
                try assign(item, to: target, in: scope)
                flow = try execute(body, in: scope)
                switch flow {
                case .breakLoop: flow = .normal; return false
                case .returned: return false
                case .normal, .continueLoop: flow = .normal; return true
                }
            }
            return flow
        case .while(let condition, let body):
            let bodyLocation = body.first?.location ?? at
            while try evaluate(condition, in: scope).truth(at: condition.location) {
                try tick(bodyLocation)
                let flow = try execute(body, in: scope)
                switch flow {
                case .breakLoop: return .normal
                case .returned: return flow
                case .normal, .continueLoop: continue
                }
            }
        case .break:
            return .breakLoop
        case .continue:
            return .continueLoop
        case .pass:
            break
        case .with(let contextExpr, let name, let body):
            let context = try evaluate(contextExpr, in: scope)
            if let name { scope.bind(name, to: context) }
            guard case .object(let object) = context, let manager = object as? ContextManager else {
                throw ScriptError(.type, "\(context.typeNameWithArticle) cannot be used in a with statement", at: contextExpr.location,
                                  hint: "nnlearn supports `with no_grad():`")
            }
            return try manager.run { try execute(body, in: scope) }
        case .assert(let condition, let message):
            guard try evaluate(condition, in: scope).truth(at: condition.location) else {
                let text = try message.map { Display.str(try evaluate($0, in: scope), interpreter: self) } ?? "assertion failed"
                throw ScriptError(.assertion, text, at: at)
            }
        }
        return .normal
    }

    /// Stores a value into a name, attribute, subscript, or a tuple of targets.
    func assign(_ value: Value, to target: Expr, in scope: Scope) throws {
        switch target.kind {
        case .name(let name):
            // A tensor takes the name it is first given, so traces read `z1 = matmul(X, W1)`.
            if case .tensor(let tensor) = value, tensor.label == nil { tensor.label = name }
            bindName(name, target.binding, to: value, in: scope)
        case .tuple(let targets), .list(let targets):
            let items = try unpack(value, count: targets.count, at: target.location)
            for (item, sub) in zip(items, targets) { try assign(item, to: sub, in: scope) }
        case .attribute(let objectExpr, let name, _):
            try setAttribute(name, target.binding, of: try evaluate(objectExpr, in: scope), to: value, at: target.location)
        case .subscripted(let containerExpr, let subscripts):
            let (container, writeBack) = try assignablePart(containerExpr, in: scope)
            try setSubscript(container, subscripts, to: value, in: scope, at: target.location)
            try writeBack()
        default:
            throw ScriptError(.syntax, "cannot assign to this expression", at: target.location)
        }
    }

    /// The value of an assignment's container, and how to store it back when it is part of a tensor.
    ///
    /// `out[i]` of a tensor is a copy here, while in NumPy and PyTorch it is a view, so that
    /// `out[i][j] = 1.0` lands in `out`: the changed part is written back, at any depth.
    /// Indexing with a list or a mask copies in NumPy too, so writing through it is refused.
    private func assignablePart(_ expr: Expr, in scope: Scope) throws -> (Value, writeBack: () throws -> Void) {
        guard case .subscripted(let parentExpr, let subscripts) = expr.kind else { return (try evaluate(expr, in: scope), {}) }
        let (parentValue, parentWriteBack) = try assignablePart(parentExpr, in: scope)
        guard case .tensor(let parent) = parentValue else {
            return (try subscriptValue(parentValue, subscripts, in: scope, at: expr.location), {})
        }
        let specs = try indexSpecs(subscripts, shape: parent.shape, in: scope)
        if specs.contains(where: { if case .positions = $0 { true } else { false } }) {
            throw ScriptError(.index, "a part chosen with a list or a mask is a copy, so assigning into it would change nothing",
                              at: expr.location, hint: "put every index in one pair of brackets: x[rows, j] = value")
        }
        let part = try core(expr.location) { try parent.detached().indexed(specs) }
        return (.tensor(part), {
            try self.core(expr.location) { try parent.setIndexed(specs, to: part) }
            try parentWriteBack()
        })
    }

    /// Splits a value into exactly `count` items for `a, b = value`.
    func unpack(_ value: Value, count: Int, at location: SourceLocation) throws -> [Value] {
        var items: [Value] = []
        try iterate(value, at: location) { items.append($0); return items.count <= count }
        guard items.count == count else {
            throw ScriptError(.value, items.count > count ? "too many values to unpack (expected \(count))"
                                                           : "not enough values to unpack (expected \(count), got \(items.count))",
                              at: location)
        }
        return items
    }

    /// Calls `body` with each item of an iterable until it returns false.
    func iterate(_ value: Value, at location: SourceLocation, _ body: (Value) throws -> Bool) throws {
        switch value {
        case .list(let list):
            var index = 0
            // Index-based, so appending while iterating behaves as in Python.
            while index < list.items.count {
                guard try body(list.items[index]) else { return }
                index += 1
            }
        case .tuple(let items):
            for item in items { guard try body(item) else { return } }
        case .string(let text):
            for character in text { guard try body(.string(String(character))) else { return } }
        case .tensor(let tensor):
            guard tensor.rank > 0 else {
                throw ScriptError(.type, "a scalar tensor cannot be iterated", at: location)
            }
            if tensor.rank == 1 {
                for x in tensor.data { guard try body(.number(x)) else { return } }
                return
            }
            for row in 0..<tensor.shape[0] {
                guard try body(.tensor(try core(location) { try tensor.indexed([.at(row)]) })) else { return }
            }
        case .dict(let dict):
            try dict.visit(.keys, at: location, body)
        // Sets and ranges are found by casts to their classes (a comparison of types) before the cast to the
        // protocol, which searches the conformance tables and cost more than a small set's whole loop.
        case .object(let set as SetObject):
            try visit(set, at: location, body)
        case .object(let range as RangeValue):
            try visit(range, at: location, body)
        case .object(let view as DictView):
            try view.dict.visit(view.part, at: location, body)
        case .object(let object as ScriptSequence):
            try visit(object, at: location, body)
        default:
            throw ScriptError(.type, "\(value.typeNameWithArticle) cannot be iterated", at: location,
                              hint: "for loops take a range(...), a list, a tuple, a string, a dict or a tensor")
        }
    }

    /// The items of a sequence whose type is known here, so that its visit is called directly.
    @inline(__always)
    private func visit(_ sequence: some ScriptSequence, at location: SourceLocation, _ body: (Value) throws -> Bool) throws {
        do { try sequence.visit(body) } catch let error as ScriptError { throw error.located(location) }
    }

    /// Runs a core operation, turning its errors into located script errors.
    @inline(__always)
    func core<T>(_ location: SourceLocation, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as CoreError { throw ScriptError(error, at: location) }
    }
}

/// An object that can stand in a `with` statement.
protocol ContextManager {
    func run(_ body: () throws -> Flow) throws -> Flow
}

/// An object whose items a for loop visits (a range, a history).
protocol ScriptSequence {
    /// Calls `body` with each item until it returns false.
    func visit(_ body: (Value) throws -> Bool) throws
}
