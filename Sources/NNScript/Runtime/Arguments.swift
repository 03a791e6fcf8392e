import NNCore

/// The arguments of one builtin call, bound to the builtin's parameter names.
public struct Arguments {
    /// The function being called, for messages.
    public let function: String
    /// Arguments bound to named parameters.
    public internal(set) var named: NameTable
    /// Extra positional arguments collected by `*rest`.
    public internal(set) var rest: [Value]
    /// Where the call is, for messages.
    public let location: SourceLocation

    /// PyTorch and Keras spellings learners type, with the name nnlearn uses.
    static let aliases = ["dim": "axis", "keepdim": "keepdims", "learning_rate": "lr", "num": "count"]

    /// Binds positional and keyword arguments to a signature, as Python does.
    static func bind(_ signature: Signature, function: String, positional: [Value], keywords: [(String, Value)],
                     at location: SourceLocation) throws -> Arguments {
        // The common call: positional arguments only, every required parameter among them. Each goes to its
        // parameter in order, with the hash the signature computed once; nothing is looked up.
        if keywords.isEmpty, positional.count >= signature.requiredPositional, positional.count <= signature.positionalCount {
            var named = NameTable(capacity: positional.count)
            for index in positional.indices {
                let parameter = signature.parameters[index]
                named.append(positional[index], forNewKey: parameter.name, hash: parameter.hash)
            }
            return Arguments(function: function, named: named, rest: [], location: location)
        }
        var named = NameTable(capacity: signature.parameters.count)
        var rest: [Value] = []
        for (index, value) in positional.enumerated() {
            if index < signature.positionalCount {
                named[signature.parameters[index].name] = value
            } else if signature.variadic != nil {
                rest.append(value)
            } else {
                let most = signature.positionalCount
                throw ScriptError(.type, "\(function)() takes at most \(most) positional argument\(most == 1 ? "" : "s") but \(positional.count) were given",
                                  at: location, hint: "its signature is \(signature.render(function))")
            }
        }
        for (label, value) in keywords {
            if let collector = signature.keywordCollector, !signature.parameters.contains(where: { $0.name == label }) {
                try collect(label, value, into: &named, collector: collector, at: location)
                continue
            }
            guard signature.parameters.contains(where: { $0.name == label }) else {
                let names = signature.parameters.map(\.name)
                let suggestion = aliases[label].flatMap { names.contains($0) ? $0 : nil } ?? Diagnostic.closestName(to: label, among: names)
                throw ScriptError(.type, "\(function)() got an unexpected keyword argument '\(label)'", at: location,
                                  hint: suggestion.map { "did you mean '\($0)'? The signature is \(signature.render(function))" } ?? "its signature is \(signature.render(function))")
            }
            guard named[label] == nil else {
                throw ScriptError(.type, "\(function)() got multiple values for argument '\(label)'", at: location)
            }
            named[label] = value
        }
        for parameter in signature.parameters where parameter.isRequired && named[parameter.name] == nil {
            throw ScriptError(.type, "\(function)() missing required argument '\(parameter.name)'", at: location,
                              hint: "its signature is \(signature.render(function))")
        }
        return Arguments(function: function, named: named, rest: rest, location: location)
    }

    /// The argument, or nil when it was not given (or given as None).
    public func value(_ name: String) -> Value? {
        guard let value = named[name] else { return nil }
        if case .none = value { return nil }
        return value
    }

    /// Whether the argument was given.
    public func has(_ name: String) -> Bool { value(name) != nil }

    func mismatch(_ name: String, _ expected: String, _ got: Value) -> ScriptError {
        ScriptError(.type, "\(function)() expects \(expected) for '\(name)', got \(got.typeName)", at: location)
    }

    /// A required tensor; numbers and (nested) lists of numbers are converted.
    public func tensor(_ name: String) throws -> Tensor {
        guard let value = value(name) else { throw ScriptError(.type, "\(function)() missing required argument '\(name)'", at: location) }
        return try Convert.tensor(value, context: "\(function)() argument '\(name)'", at: location)
    }

    /// A number (a one-element tensor counts).
    public func number(_ name: String, default fallback: Double? = nil) throws -> Double {
        guard let value = value(name) else {
            if let fallback { return fallback }
            throw ScriptError(.type, "\(function)() missing required argument '\(name)'", at: location)
        }
        guard let number = Convert.number(value) else { throw mismatch(name, "a number", value) }
        return number
    }

    /// A whole number.
    public func integer(_ name: String, default fallback: Int? = nil) throws -> Int {
        guard has(name) || fallback == nil else { return fallback ?? 0 }
        let number = try self.number(name)
        guard let whole = Convert.integer(number) else {
            throw ScriptError(.type, "\(function)() expects a whole number for '\(name)', got \(Display.number(number))", at: location)
        }
        return whole
    }

    /// The argument `name` as a truth value, or `fallback` when it was not given.
    public func bool(_ name: String, default fallback: Bool) throws -> Bool {
        guard let value = value(name) else { return fallback }
        switch value {
        case .bool(let b): return b
        case .number(let x): return x != 0
        case .integer(let n): return n != 0
        default: throw mismatch(name, "True or False", value)
        }
    }

    /// The argument `name` as a string, or `fallback` when it was not given (an error when there is neither).
    public func string(_ name: String, default fallback: String? = nil) throws -> String {
        guard let value = value(name) else {
            if let fallback { return fallback }
            throw ScriptError(.type, "\(function)() missing required argument '\(name)'", at: location)
        }
        guard case .string(let text) = value else { throw mismatch(name, "a string", value) }
        return text
    }

    /// An object of a given Swift type, such as a model.
    public func object<T>(_ name: String, as type: T.Type, described: String) throws -> T {
        guard let value = value(name) else { throw ScriptError(.type, "\(function)() missing required argument '\(name)'", at: location) }
        guard case .object(let object) = value, let typed = object as? T else { throw mismatch(name, described, value) }
        return typed
    }

    /// A shape given as separate numbers (`zeros(2, 3)`) or one list or tuple (`zeros((2, 3))`).
    public func shape(first: String) throws -> [Int] {
        var parts: [Value] = []
        if let head = value(first) { parts.append(head) }
        parts += rest
        if parts.count == 1, let items = Convert.sequence(parts[0]) { parts = items }
        return try parts.map { part in
            guard let number = Convert.number(part), let whole = Convert.integer(number) else {
                throw ScriptError(.type, "\(function)() expects whole numbers for the shape, got \(part.typeName)", at: location)
            }
            guard whole >= 0 else {
                throw ScriptError(.value, "\(function)() got a negative dimension \(whole)", at: location, hint: "sizes must be 0 or more")
            }
            return whole
        }
    }
}
