/// Running class definitions, making instances and calling methods.
extension Interpreter {
    /// `class Name(Base): body`: runs the body in its own scope; what it defines becomes the class's attributes.
    func defineClass(_ definition: ClassDefinition, in scope: Scope, at location: SourceLocation) throws {
        var base: ScriptClass?
        if let baseExpr = definition.base {
            let value = try evaluate(baseExpr, in: scope)
            guard case .object(let cls as ScriptClass) = value else {
                throw ScriptError(.type, "a class can derive only from a class, not from \(value.typeNameWithArticle)", at: baseExpr.location,
                                  hint: value.typeName == "builtin function" ? "builtin types such as list or dict cannot be subclassed; derive from Module or from your own class" : nil)
            }
            base = cls
        }
        let body = Scope.make(parent: scope, classBody: true)
        let flow = try execute(definition.body, in: body)
        if case .returned = flow { throw ScriptError(.syntax, "'return' outside a function", at: location) }
        // Methods see the scope around the class, not the class body, as in Python.
        var attributes: [(String, Value)] = []
        for name in Self.definitionOrder(definition.body, defined: body.values.names) {
            guard var value = body.values[name] else { continue }
            if case .function(let function) = value, function.closure === body { value = .function(function.closing(over: scope)) }
            attributes.append((name, value))
        }
        let cls = ScriptClass(name: definition.name, base: base, attributes: attributes, docstring: definition.docstring)
        for (_, value) in attributes { if case .function(let function) = value { function.owner = cls } }
        scope.bind(definition.name, to: .object(cls))
    }

    /// The names a class body defined, in the order its statements first define them.
    static func definitionOrder(_ statements: [Stmt], defined: [String]) -> [String] {
        var order: [String] = []
        func note(_ name: String) { if !order.contains(name) { order.append(name) } }
        for statement in statements {
            switch statement.kind {
            case .function(let definition): note(definition.name)
            case .classDefinition(let definition): note(definition.name)
            case .assign(let targets, _):
                for target in targets { if case .name(let name) = target.kind { note(name) } }
            case .augmentedAssign(let target, _, _):
                if case .name(let name) = target.kind { note(name) }
            default: break
            }
        }
        // Names defined in other ways (a loop variable, a nested block) follow, alphabetically.
        return order.filter { defined.contains($0) } + defined.filter { !order.contains($0) }.sorted()
    }

    /// `Class(arguments)`: a new instance, initialised by `__init__`.
    func instantiate(_ cls: ScriptClass, _ positional: [Value], _ keywords: [(String, Value)], at location: SourceLocation) throws -> Value {
        instanceCount += 1
        let instance = Value.object(Instance(of: cls, serial: instanceCount, interpreter: self))
        guard let initializer = cls.lookup("__init__") else {
            guard positional.isEmpty && keywords.isEmpty else {
                throw ScriptError(.type, "\(cls.name)() takes no arguments", at: location,
                                  hint: "define def __init__(self, …) in class \(cls.name) to take arguments")
            }
            return instance
        }
        try checkInitializerResult(try callMethod(initializer, on: instance, positional, keywords, at: location), at: location)
        return instance
    }

    /// `__init__` returns None, as in Python.
    func checkInitializerResult(_ result: Value, at location: SourceLocation) throws {
        guard case .none = result else {
            throw ScriptError(.type, "__init__() should return None, not \(result.typeNameWithArticle)", at: location,
                              hint: "__init__ sets attributes on self; calling the class returns the new instance")
        }
    }

    /// Calls a class's function with the instance as its first argument.
    func callMethod(_ method: Value, on receiver: Value, _ positional: [Value], _ keywords: [(String, Value)],
                    at location: SourceLocation) throws -> Value {
        if case .function(let function) = method {
            return try callFunction(function, receiver: receiver, positional, keywords, at: location)
        }
        // A builtin method of Module takes its receiver as its first argument.
        return try call(method, [receiver] + positional, keywords, at: location, calleeName: "method")
    }

    /// Calls a class (makes an instance), a bound method, `super()`'s methods, or an instance with `__call__`;
    /// nil for other objects.
    func callClassObject(_ object: any ScriptObject, _ positional: [Value], _ keywords: [(String, Value)],
                         at location: SourceLocation) throws -> Value? {
        switch object {
        case let method as BoundMethod:
            return try callMethod(method.function, on: method.receiver, positional, keywords, at: location)
        case let cls as ScriptClass:
            return try instantiate(cls, positional, keywords, at: location)
        case let instance as Instance:
            guard let method = instance.type.lookup("__call__") else {
                throw ScriptError(.type, "'\(instance.type.name)' object is not callable", at: location,
                                  hint: "define def __call__(self, …) in class \(instance.type.name), or derive from Module and define forward")
            }
            return try callMethod(method, on: .object(instance), positional, keywords, at: location)
        default:
            return nil
        }
    }

    /// Runs `__repr__` or `__str__` of an instance; nil when its class has neither.
    func representation(of instance: Instance, method requested: String) throws -> String? {
        var name = requested
        if requested == "__str__", instance.type.lookup(name) == nil { name = "__repr__" }  // str falls back to repr
        guard let method = instance.type.lookup(name) else {
            return instance.type.isModule ? ModuleClass.describe(instance, interpreter: self) : nil
        }
        let result = try callMethod(method, on: .object(instance), [], [], at: SourceLocation(line: 0, column: 0))
        guard case .string(let text) = result else {
            throw ScriptError(.type, "\(name) returned \(result.typeNameWithArticle), not a string")
        }
        return text
    }

    /// One running function call, for `super()` and tracebacks: the function (a method knows its class) and its first argument.
    struct CallFrame {
        let function: Function
        let receiver: Value?
    }

    /// `super()`: the method's class and instance; `super(Class, obj)` names them.
    func superProxy(_ arguments: Arguments) throws -> Value {
        if let classArgument = arguments.value("type") {
            guard case .object(let cls as ScriptClass) = classArgument, let receiver = arguments.value("obj") else {
                throw ScriptError(.type, "super(Class, obj) takes a class and an instance", at: arguments.location)
            }
            return .object(SuperProxy(after: cls, receiver: receiver))
        }
        guard let frame = currentCall, let owner = frame.function.owner, let receiver = frame.receiver else {
            throw ScriptError(.runtime, "super() outside a method", at: arguments.location,
                              hint: "call super().__init__(…) inside a method of a class that has a base class")
        }
        return .object(SuperProxy(after: owner, receiver: receiver))
    }
}
