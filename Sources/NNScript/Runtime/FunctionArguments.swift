/// Binding a call's arguments to a `def`'s parameters, as Python does: positional ones
/// first, then keywords, then defaults; `*args` gathers extra positional arguments into a
/// tuple and `**kwargs` extra keywords into a dict, in the order given.
extension Interpreter {
    /// A new local scope for one call of `function`, with every parameter bound; a method's
    /// `receiver` is its first positional argument.
    func bindParameters(_ function: Function, receiver: Value? = nil, _ positional: [Value], _ keywords: [(String, Value)],
                        at location: SourceLocation) throws -> Scope {
        let parameters = function.parameters
        // Parameters are the frame's first slots, in order.
        let scope = Scope.frame(parent: function.closure, locals: function.localNames)
        let slots = scope.slots
        let takesPositional = function.positionalCount
        let skipped = receiver == nil ? 0 : 1
        let given = positional.count + skipped
        let variadic = function.collectsExtras ? parameters.first { $0.kind == .variadic } : nil
        let collector = function.collectsExtras ? parameters.first { $0.kind == .keywords } : nil
        guard given <= takesPositional || variadic != nil else {
            throw ScriptError(.type, "\(function.name)() takes \(takesPositional) argument\(takesPositional == 1 ? "" : "s") but \(given) were given",
                              at: location, hint: missingSelfHint(function, given: given) ?? "its signature is \(function.signature)")
        }
        let bound = Swift.min(given, takesPositional)
        if let receiver, bound > 0 { slots[0] = receiver }
        for index in skipped..<Swift.max(skipped, bound) { slots[index] = positional[index - skipped] }
        // Every parameter is plain and took a positional argument: nothing is left to bind.
        if keywords.isEmpty && bound == parameters.count { return scope }
        var extras: DictStorage?
        for (label, value) in keywords {
            guard let index = parameters.firstIndex(where: { $0.name == label }), parameters[index].kind == .plain else {
                if let collector {
                    if extras == nil { extras = DictStorage() }
                    try extras?.set(value, for: .string(label), at: location)
                    continue
                }
                let names = parameters.filter { $0.kind == .plain }.map(\.name)
                throw ScriptError(.type, "\(function.name)() got an unexpected keyword argument '\(label)'", at: location,
                                  hint: Diagnostic.closestName(to: label, among: names).map { "did you mean '\($0)'?" } ?? "its signature is \(function.signature)")
            }
            guard slots[index] == nil else {
                throw ScriptError(.type, "\(function.name)() got multiple values for argument '\(label)'", at: location)
            }
            slots[index] = value
        }
        // Without keywords, the parameters from `bound` on are the unbound ones.
        for (index, parameter) in parameters.enumerated() where parameter.kind == .plain
            && (keywords.isEmpty ? index >= bound : slots[index] == nil) {
            guard let fallback = function.defaults[index] else {
                throw ScriptError(.type, "\(function.name)() missing required argument '\(parameter.name)'", at: location,
                                  hint: unboundMethodHint(function, index: index) ?? "its signature is \(function.signature)")
            }
            slots[index] = fallback
        }
        if let variadic {
            let arguments = receiver.map { [$0] + positional } ?? positional
            scope.bind(variadic.name, to: .tuple(Array(arguments.dropFirst(takesPositional))))
        }
        if let collector { scope.bind(collector.name, to: .dict(extras ?? DictStorage())) }
        return scope
    }

    /// Why a method defined without `self` fails when called on an instance.
    private func missingSelfHint(_ function: Function, given: Int) -> String? {
        guard let owner = function.owner, given == function.positionalCount + 1,
              function.parameters.first?.name != "self" else { return nil }
        return "a method receives the instance as its first argument: write def \(function.name)(self\(function.parameters.isEmpty ? "" : ", …")) in class \(owner.name)"
    }

    /// Why `Class.method()` without an instance fails.
    private func unboundMethodHint(_ function: Function, index: Int) -> String? {
        guard let owner = function.owner, index == 0 else { return nil }
        let receiver = owner.name.prefix(1).lowercased()
        return "\(function.name) is a method of \(owner.name): call it on an instance, \(receiver).\(function.name)(…), or pass one: \(owner.name).\(function.name)(\(receiver), …)"
    }
}
