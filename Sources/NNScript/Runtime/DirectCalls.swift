/// Calls whose arguments go straight into the callee's frame: a `def` or lambda, a method of an instance, a class
/// (its `__init__`) or an instance with `__call__`, given positional arguments only that its parameters take without
/// `*args`, `**kwargs` or a missing argument. No argument array is made and nothing is bound by name; any other call,
/// and every error a call can raise about its arguments, takes the general path.
extension Interpreter {
    /// The result of calling `callee` with `arguments`, evaluated in `scope`; nil when the call is not of that kind
    /// (nothing has been evaluated then).
    func callDirectly(_ callee: Callee, _ arguments: [Argument], in scope: Scope, at location: SourceLocation) throws -> Value? {
        switch callee {
        case .value(.function(let function)):
            guard let frame = try frame(of: function, skipping: 0, arguments, in: scope) else { return nil }
            // The first argument is the receiver `super()` reads, as on the general path.
            return try run(function, in: frame, receiver: arguments.isEmpty ? nil : frame.slots[0], calledAt: location)
        case .classMethod(let receiver, .function(let function)):
            guard let frame = try frame(of: function, skipping: 1, arguments, in: scope) else { return nil }
            frame.slots[0] = receiver
            return try run(function, in: frame, receiver: receiver, calledAt: location)
        case .value(.object(let cls as ScriptClass)):
            guard case .function(let initializer)? = cls.lookup(Self.initializerName, hash: Self.initializerHash),
                  let frame = try frame(of: initializer, skipping: 1, arguments, in: scope) else { return nil }
            // The arguments ran first, as in Python: what they made was made before the instance.
            guard case .function(let current)? = cls.lookup(Self.initializerName, hash: Self.initializerHash), current === initializer else {
                let given = arguments.indices.map { frame.slots[1 + $0] ?? .none }
                return try instantiate(cls, given, [], at: location)
            }
            instanceCount += 1
            let instance = Value.object(Instance(of: cls, serial: instanceCount, interpreter: self))
            frame.slots[0] = instance
            try checkInitializerResult(try run(initializer, in: frame, receiver: instance, calledAt: location), at: location)
            return instance
        case .value(.object(let instance as Instance)):
            guard case .function(let method)? = instance.type.lookup(Self.callName, hash: Self.callHash),
                  let frame = try frame(of: method, skipping: 1, arguments, in: scope) else { return nil }
            let receiver = Value.object(instance)
            frame.slots[0] = receiver
            return try run(method, in: frame, receiver: receiver, calledAt: location)
        default:
            return nil
        }
    }

    static let initializerName = "__init__", initializerHash = NameIndex.hash(initializerName)
    static let callName = "__call__", callHash = NameIndex.hash(callName)

    /// A frame for `function` with the arguments evaluated into its parameters from `skipping` on (the receiver's slot
    /// comes first) and the defaults after them; nil, before anything is evaluated, when the call is not that simple.
    private func frame(of function: Function, skipping: Int, _ arguments: [Argument], in scope: Scope) throws -> Scope? {
        let parameterCount = function.parameters.count
        let given = skipping + arguments.count
        guard !function.collectsExtras, given <= parameterCount else { return nil }
        for argument in arguments where argument.label != nil || argument.unpacking != nil { return nil }
        let defaults = function.defaults
        for index in given..<parameterCount where defaults[index] == nil { return nil }
        let frame = Scope.frame(parent: function.closure, locals: function.localNames)
        let slots = frame.slots
        for (offset, argument) in arguments.enumerated() { slots[skipping + offset] = try evaluate(argument.value, in: scope) }
        for index in given..<parameterCount { slots[index] = defaults[index] }
        return frame
    }
}
