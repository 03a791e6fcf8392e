import NNCore

extension Interpreter {
    /// `container[subscripts]` for tensors, lists, tuples, strings and dicts.
    func subscriptValue(_ container: Value, _ subscripts: [Subscript], in scope: Scope, at location: SourceLocation) throws -> Value {
        switch container {
        case .tensor(let tensor):
            // x[x > 0] on a matrix: a mask of the whole shape selects elements, flattened, as NumPy does.
            if subscripts.count == 1, case .index(let expr) = subscripts[0], tensor.rank > 1,
               case .tensor(let mask) = try evaluate(expr, in: scope), mask.isMask, mask.shape == tensor.shape {
                let positions = mask.data.indices.filter { mask.data[$0] != 0 }
                return .tensor(try core(location) { try tensor.reshaped([-1]).indexed([.positions(positions)]) })
            }
            let specs = try indexSpecs(subscripts, shape: tensor.shape, in: scope)
            return .tensor(try core(location) { try tensor.indexed(specs) })
        case .list(let list):
            return try sequenceItem(list.items, subscripts, in: scope, at: location) { .list(ListStorage($0)) }
        case .tuple(let items):
            return try sequenceItem(items, subscripts, in: scope, at: location) { .tuple($0) }
        case .string(let text):
            return try sequenceItem(text.map { .string(String($0)) }, subscripts, in: scope, at: location) { parts in
                .string(parts.map { if case .string(let s) = $0 { return s } else { return "" } }.joined())
            }
        case .dict(let dict):
            let (key, keyLocation) = try dictKey(subscripts, in: scope, at: location)
            guard let value = try dict.value(for: key, at: keyLocation) else {
                throw dict.missingKey(key, interpreter: self, at: location)
            }
            return value
        case .object(let object as ScriptIndexable):
            guard subscripts.count == 1, case .index(let expr) = subscripts[0] else {
                throw ScriptError(.type, "\(object.typeName) takes one key in brackets", at: location)
            }
            return try object.item(try evaluate(expr, in: scope), at: location)
        default:
            var hint: String?
            if case .object(let view as DictView) = container { hint = "make a list first: list(d.\(view.part.rawValue)())[0]" }
            throw ScriptError(.type, "\(container.typeNameWithArticle) cannot be indexed", at: location, hint: hint)
        }
    }

    /// One item or a slice of a Python sequence.
    private func sequenceItem(_ items: [Value], _ subscripts: [Subscript], in scope: Scope, at location: SourceLocation,
                              rebuild: ([Value]) -> Value) throws -> Value {
        guard subscripts.count == 1 else {
            throw ScriptError(.type, "lists take one index; to index in two dimensions make a tensor", at: location)
        }
        switch subscripts[0] {
        case .index(let expr):
            let index = try wholeNumber(try evaluate(expr, in: scope), what: "list index", at: expr.location)
            let resolved = index < 0 ? index + items.count : index
            guard items.indices.contains(resolved) else {
                throw ScriptError(.index, "index \(index) is out of range for a sequence of length \(items.count)", at: location)
            }
            return items[resolved]
        case .slice(let start, let stop, let step):
            let positions = try core(location) {
                try Tensor.slicePositions(try optionalWhole(start, in: scope), try optionalWhole(stop, in: scope),
                                          try optionalWhole(step, in: scope), size: items.count, op: "slice")
            }
            return rebuild(positions.map { items[$0] })
        }
    }

    /// Assignment into `container[subscripts]`.
    func setSubscript(_ container: Value, _ subscripts: [Subscript], to value: Value, in scope: Scope, at location: SourceLocation) throws {
        switch container {
        case .tensor(let tensor):
            let specs = try indexSpecs(subscripts, shape: tensor.shape, in: scope)
            let source = try Convert.tensor(value, context: "the assigned value", at: location)
            try core(location) { try tensor.setIndexed(specs, to: source) }
        case .list(let list):
            guard subscripts.count == 1, case .index(let expr) = subscripts[0] else {
                throw ScriptError(.type, "list assignment takes one index", at: location)
            }
            let index = try wholeNumber(try evaluate(expr, in: scope), what: "list index", at: expr.location)
            let resolved = index < 0 ? index + list.items.count : index
            guard list.items.indices.contains(resolved) else {
                throw ScriptError(.index, "list assignment index \(index) is out of range for a list of length \(list.items.count)", at: location)
            }
            list.items[resolved] = value
        case .dict(let dict):
            let (key, keyLocation) = try dictKey(subscripts, in: scope, at: location)
            try dict.set(value, for: key, at: keyLocation)
        case .object(let instance as Instance):
            guard case .index(let expr) = subscripts[0], subscripts.count == 1,
                  try callSpecial("__setitem__", of: instance, [try evaluate(expr, in: scope), value], at: location) != nil else {
                throw ScriptError(.type, "'\(instance.type.name)' object does not support item assignment", at: location,
                                  hint: "define def __setitem__(self, key, value) in class \(instance.type.name)")
            }
        default:
            throw ScriptError(.type, "\(container.typeNameWithArticle) does not support item assignment", at: location,
                              hint: container.typeName == "tuple" || container.typeName == "str" ? "\(container.typeName)s cannot be changed; build a new one" : nil)
        }
    }

    /// Translates subscripts to the core's index specs.
    func indexSpecs(_ subscripts: [Subscript], shape: [Int], in scope: Scope) throws -> [IndexSpec] {
        try subscripts.enumerated().map { axis, part in
            switch part {
            case .slice(let start, let stop, let step):
                return .slice(start: try optionalWhole(start, in: scope), stop: try optionalWhole(stop, in: scope),
                              step: try optionalWhole(step, in: scope))
            case .index(let expr):
                let value = try evaluate(expr, in: scope)
                if case .tensor(let mask) = value, mask.isMask, axis < shape.count, mask.count != shape[axis] {
                    throw ScriptError(.index, "a boolean mask of \(mask.count) values cannot select along an axis of size \(shape[axis])", at: expr.location,
                                      hint: "a mask from a comparison must have one value per row: X[y == 1]")
                }
                if let positions = Convert.positions(value) { return .positions(positions) }
                if case .tensor(let t) = value, t.rank == 1 {
                    throw ScriptError(.type, "tensor indices must be whole numbers, found \(t.data.first { Convert.integer($0) == nil }.map(Display.number) ?? "a non-integer")",
                                      at: expr.location, hint: "convert a computed index with int(...), or index with a comparison such as x[x > 0]")
                }
                return .at(try wholeNumber(value, what: "tensor index", at: expr.location))
            }
        }
    }

    private func optionalWhole(_ expr: Expr?, in scope: Scope) throws -> Int? {
        guard let expr else { return nil }
        let value = try evaluate(expr, in: scope)
        if case .none = value { return nil }
        return try wholeNumber(value, what: "slice bound", at: expr.location)
    }

    func wholeNumber(_ value: Value, what: String, at location: SourceLocation) throws -> Int {
        guard let number = Convert.number(value) else {
            throw ScriptError(.type, "a \(what) must be a whole number, not \(value.typeName)", at: location)
        }
        guard let whole = Convert.integer(number) else {
            throw ScriptError(.type, "a \(what) must be a whole number, not \(Display.number(number))", at: location,
                              hint: "convert with int(x)")
        }
        return whole
    }
}

/// An object that supports `object[key]` (a history's "loss" column).
protocol ScriptIndexable: ScriptObject {
    func item(_ key: Value, at location: SourceLocation) throws -> Value
}
