/// Operators and builtins on instances through their special methods (`__add__`, `__len__`…),
/// with Python's reflected-operand rule and `NotImplemented`.
extension Interpreter {
    /// The forward and reflected method names of a binary operator (a switch: these enums hash by their raw text).
    static func binaryMethods(_ op: BinaryOperator) -> (String, String) {
        switch op {
        case .add: ("__add__", "__radd__")
        case .subtract: ("__sub__", "__rsub__")
        case .multiply: ("__mul__", "__rmul__")
        case .divide: ("__truediv__", "__rtruediv__")
        case .floorDivide: ("__floordiv__", "__rfloordiv__")
        case .remainder: ("__mod__", "__rmod__")
        case .power: ("__pow__", "__rpow__")
        case .matmul: ("__matmul__", "__rmatmul__")
        }
    }

    /// A comparison's method and the one the other operand tries when it is reflected; nil for `in` and `is`.
    static func comparisonMethods(_ op: ComparisonOperator) -> (String, String)? {
        switch op {
        case .equal: ("__eq__", "__eq__")
        case .notEqual: ("__ne__", "__ne__")
        case .less: ("__lt__", "__gt__")
        case .lessEqual: ("__le__", "__ge__")
        case .greater: ("__gt__", "__lt__")
        case .greaterEqual: ("__ge__", "__le__")
        case .in, .notIn, .is, .isNot: nil
        }
    }

    @inline(__always)
    static func instance(_ value: Value) -> Instance? {
        if case .object(let object) = value { return object as? Instance }
        return nil
    }

    /// `left op right` when an operand is an instance: `left.__op__(right)`, then, if that is missing
    /// or returns NotImplemented, `right.__rop__(left)`; a subclass's reflected method goes first.
    /// Nil when neither operand is an instance.
    func specialBinary(_ op: BinaryOperator, _ left: Value, _ right: Value, at location: SourceLocation) throws -> Value? {
        let (leftInstance, rightInstance) = (Self.instance(left), Self.instance(right))
        guard leftInstance != nil || rightInstance != nil else { return nil }
        let (forward, reflected) = Self.binaryMethods(op)
        if let result = try dispatch(leftInstance, forward, left, rightInstance, reflected, right, at: location) { return result }
        throw ScriptError(.type, "unsupported operand type(s) for \(op.rawValue): '\(left.typeName)' and '\(right.typeName)'", at: location,
                          hint: "define \(leftInstance != nil ? forward : reflected) in class \((leftInstance ?? rightInstance)?.type.name ?? "")"
                              + (leftInstance != nil && rightInstance == nil ? " (and \(reflected) for \(right.typeName) \(op.rawValue) \(left.typeName))" : ""))
    }

    /// Tries `left.forward(right)` and `right.reflected(left)` in Python's order; nil when both decline.
    /// Arithmetic tries the reflected method only for operands of different classes; comparisons always do.
    private func dispatch(_ leftInstance: Instance?, _ forward: String, _ left: Value,
                          _ rightInstance: Instance?, _ reflected: String, _ right: Value, reflectsSameType: Bool = false,
                          at location: SourceLocation) throws -> Value? {
        // The attempts in order, without building a list of them for every operator.
        func attempt(_ receiver: Instance?, _ name: String, _ other: Value) throws -> Value? {
            guard let receiver, let method = receiver.type.lookup(name) else { return nil }
            let result = try callMethod(method, on: .object(receiver), with: other, at: location)
            if case .object(let object) = result, object === NotImplementedValue.shared { return nil }
            return result
        }
        var reflectedInstance: Instance? = nil
        if let rightInstance, reflectsSameType || leftInstance?.type !== rightInstance.type { reflectedInstance = rightInstance }
        if let reflectedInstance, let leftInstance, leftInstance.type !== reflectedInstance.type,
           reflectedInstance.type.isSubclass(of: leftInstance.type) {
            return try attempt(reflectedInstance, reflected, left) ?? attempt(leftInstance, forward, right)
        }
        return try attempt(leftInstance, forward, right) ?? attempt(reflectedInstance, reflected, left)
    }

    /// `-x` and `+x` on an instance; nil for other values.
    func specialUnary(_ op: UnaryOperator, _ value: Value, at location: SourceLocation) throws -> Value? {
        guard let instance = Self.instance(value) else { return nil }
        let name = op == .negate ? "__neg__" : "__pos__"
        guard let method = instance.type.lookup(name) else {
            throw ScriptError(.type, "bad operand type for unary \(op.rawValue): '\(instance.type.name)'", at: location,
                              hint: "define \(name) in class \(instance.type.name)")
        }
        return try callMethod(method, on: value, [], [], at: location)
    }

    /// `==`, `!=`, `<`, `<=`, `>`, `>=` when an operand is an instance; nil otherwise.
    /// Without the methods, == and != compare identity and ordering is a TypeError, as in Python.
    func specialCompare(_ op: ComparisonOperator, _ left: Value, _ right: Value, at location: SourceLocation) throws -> Value? {
        let (leftInstance, rightInstance) = (Self.instance(left), Self.instance(right))
        guard leftInstance != nil || rightInstance != nil, let (forward, reflected) = Self.comparisonMethods(op) else { return nil }
        if let result = try dispatch(leftInstance, forward, left, rightInstance, reflected, right, reflectsSameType: true, at: location) {
            return result
        }
        switch op {
        case .equal: return .bool(Self.identical(left, right))
        case .notEqual:
            // Python's default __ne__ inverts __eq__.
            if let equal = try dispatch(leftInstance, "__eq__", left, rightInstance, "__eq__", right, reflectsSameType: true, at: location) {
                return .bool(!(try truth(of: equal, at: location)))
            }
            return .bool(!Self.identical(left, right))
        default:
            throw ScriptError(.type, "'\(op.rawValue)' is not supported between instances of '\(left.typeName)' and '\(right.typeName)'",
                              at: location, hint: "define \(forward) in class \((leftInstance ?? rightInstance)?.type.name ?? "")")
        }
    }

    /// Calls a special method that takes no arguments beyond self; nil when the class lacks it.
    func callSpecial(_ name: String, of instance: Instance, _ arguments: [Value] = [], at location: SourceLocation) throws -> Value? {
        guard let method = instance.type.lookup(name) else { return nil }
        return try callMethod(method, on: .object(instance), arguments, [], at: location)
    }

    /// Python's truth of any value: an instance asks `__bool__`, then `__len__`, else it is true.
    func truth(of value: Value, at location: SourceLocation) throws -> Bool {
        guard let instance = Self.instance(value) else { return try value.truth(at: location) }
        if let result = try callSpecial("__bool__", of: instance, at: location) {
            guard case .bool(let truth) = result else {
                throw ScriptError(.type, "__bool__ should return a bool, returned \(result.typeName)", at: location)
            }
            return truth
        }
        if let length = try callSpecial("__len__", of: instance, at: location) {
            return try wholeNumber(length, what: "__len__ result", at: location) != 0
        }
        return true
    }

    /// `len(instance)` through `__len__`.
    func length(of instance: Instance, at location: SourceLocation) throws -> Value {
        guard let result = try callSpecial("__len__", of: instance, at: location) else {
            throw ScriptError(.type, "object of type '\(instance.type.name)' has no len()", at: location,
                              hint: "define def __len__(self) in class \(instance.type.name)")
        }
        let count = try wholeNumber(result, what: "__len__ result", at: location)
        guard count >= 0 else { throw ScriptError(.value, "__len__() should return >= 0", at: location) }
        return .integer(count)
    }
}

/// Indexing, iteration and membership of instances, through their special methods.
extension Instance: ScriptIndexable, ScriptSequence {
    func item(_ key: Value, at location: SourceLocation) throws -> Value {
        guard let interpreter, let result = try interpreter.callSpecial("__getitem__", of: self, [key], at: location) else {
            throw ScriptError(.type, "'\(type.name)' object is not subscriptable", at: location,
                              hint: "define def __getitem__(self, key) in class \(type.name)")
        }
        return result
    }

    /// `for x in instance`: the items of what `__iter__` returns (a list, a tuple, a range…).
    func visit(_ body: (Value) throws -> Bool) throws {
        let location = SourceLocation(line: 0, column: 0)
        guard let interpreter, let iterable = try interpreter.callSpecial("__iter__", of: self, at: location) else {
            throw ScriptError(.type, "'\(type.name)' object is not iterable", at: nil,
                              hint: "define def __iter__(self) returning a list or another iterable, e.g. return self.items")
        }
        if let inner = Interpreter.instance(iterable), inner === self {
            throw ScriptError(.type, "__iter__ returned the instance itself; nnlearn has no __next__ protocol", at: nil,
                              hint: "return a list, a tuple or a range of the items instead")
        }
        try interpreter.iterate(iterable, at: location, body)
    }
}
