import NNCore

extension Interpreter {
    /// Calls a function, builtin or callable object.
    func call(_ callee: Value, _ positional: [Value], _ keywords: [(String, Value)],
              at location: SourceLocation, calleeName: @autoclosure () -> String) throws -> Value {
        switch callee {
        case .builtin(let builtin):
            return try runBuiltin(builtin, positional, keywords, at: location)
        case .function(let function):
            return try callFunction(function, positional, keywords, at: location)
        case .object(let object):
            if let result = try callClassObject(object, positional, keywords, at: location) { return result }
            var named = NameTable(capacity: keywords.count)
            for (label, value) in keywords where named[label] == nil { named[label] = value }
            let arguments = Arguments(function: object.typeName, named: named, rest: positional, location: location)
            if let result = try object.call(arguments, interpreter: self) { return result }
            throw ScriptError(.type, "\(callee.typeNameWithArticle) is not callable", at: location)
        default:
            var hint: String? = nil
            if case .tensor = callee { hint = "to multiply, write the * explicitly: 2 * (x + 1); to index, use brackets: x[0]" }
            if Interpreter.plainNumber(callee) != nil { hint = "to multiply, write the * explicitly: 2 * (x + 1)" }
            if case .dict = callee { hint = "to read a key, use brackets: d[key]" }
            throw ScriptError(.type, "'\(calleeName())' is \(callee.typeNameWithArticle), which cannot be called", at: location, hint: hint)
        }
    }

    /// Calls a user function: binds arguments Python's way and runs the body in a new scope.
    /// A method called on an instance gets the instance as `receiver`, bound to its first parameter,
    /// so that no array of the receiver and the arguments is made for the call.
    func callFunction(_ function: Function, receiver: Value? = nil, _ positional: [Value], _ keywords: [(String, Value)],
                      at location: SourceLocation) throws -> Value {
        let scope = try bindParameters(function, receiver: receiver, positional, keywords, at: location)
        return try run(function, in: scope, receiver: receiver ?? positional.first, calledAt: location)
    }

    /// Calls a method with its receiver and one argument (an operator's other operand), without an argument array.
    func callMethod(_ method: Value, on receiver: Value, with argument: Value, at location: SourceLocation) throws -> Value {
        guard case .function(let function) = method, !function.collectsExtras, function.parameters.count == 2 else {
            return try callMethod(method, on: receiver, [argument], [], at: location)
        }
        let scope = Scope.frame(parent: function.closure, locals: function.localNames)
        let slots = scope.slots
        slots[0] = receiver
        slots[1] = argument
        return try run(function, in: scope, receiver: receiver, calledAt: location)
    }

    /// Runs `function`'s body in `scope`, its frame with the parameters bound; `receiver` is its first argument, for super().
    func run(_ function: Function, in scope: Scope, receiver: Value?, calledAt location: SourceLocation) throws -> Value {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw ScriptError(.recursion, "maximum recursion depth (\(Self.maximumDepth)) exceeded in \(function.name)()", at: location,
                              hint: "a recursive function needs a base case that returns without calling itself")
        }
        try tick(location)
        // The body runs with the function's own text as the current source; the caller's frame comes back after.
        let (callerSource, caller) = (currentSource, currentCall)
        currentSource = function.source ?? callerSource
        currentCall = CallFrame(function: function, receiver: receiver)
        defer { (currentSource, currentCall) = (callerSource, caller) }
        do {
            switch function.body {
            case .expression(let expr):
                return try evaluate(expr, in: scope)
            case .statements(let body):
                if case .returned(let value) = try execute(body, in: scope) { return value }
                return .none
            }
        } catch let error as ScriptError where error.location != nil {
            throw error.leaving(function, calledAt: location, from: caller?.function.name ?? "<module>")
        }
    }

    /// Calls any callable value with positional arguments (for builtins that take functions).
    public func invoke(_ callee: Value, _ arguments: [Value], at location: SourceLocation) throws -> Value {
        try call(callee, arguments, [], at: location, calleeName: "the function")
    }
}
