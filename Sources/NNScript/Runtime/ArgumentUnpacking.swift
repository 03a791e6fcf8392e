/// `f(*items)` and `f(**entries)`: starred arguments spread into plain ones before a call,
/// and `**entries` parameters of builtins (`dict(lr=0.1)`) collect keywords into a dict.
extension Interpreter {
    /// Appends the items of `*value` to the positional arguments, or the entries of
    /// `**value` to the keyword arguments, with Python's checks.
    func unpackArgument(_ value: Value, _ unpacking: Argument.Unpacking, into positional: inout [Value],
                        _ keywords: inout [(String, Value)], at location: SourceLocation,
                        calleeName: @autoclosure () -> String) throws {
        switch unpacking {
        case .iterable:
            guard Self.isIterable(value) else {
                throw ScriptError(.type, "\(calleeName())() argument after * must be an iterable, not \(value.typeName)", at: location,
                                  hint: "unpack a list, a tuple, a range or a tensor: f(*xs)")
            }
            try iterate(value, at: location) { positional.append($0); return true }
        case .keywords:
            guard case .dict(let dict) = value else {
                throw ScriptError(.type, "\(calleeName())() argument after ** must be a dict, not \(value.typeName)", at: location)
            }
            for (key, item) in zip(dict.keys, dict.values) {
                guard case .string(let label) = key else {
                    throw ScriptError(.type, "keywords must be strings, not \(key.typeName)", at: location,
                                      hint: "** passes a dict's entries as name=value, so its keys must be names")
                }
                guard !keywords.contains(where: { $0.0 == label }) else {
                    throw ScriptError(.type, "\(calleeName())() got multiple values for keyword argument '\(label)'", at: location)
                }
                keywords.append((label, item))
            }
        }
    }

    /// Whether a for loop can visit the value's items (a scalar tensor says why not when visited).
    static func isIterable(_ value: Value) -> Bool {
        switch value {
        case .list, .tuple, .string, .tensor, .dict: return true
        case .object(let object): return object is ScriptSequence
        default: return false
        }
    }
}

extension Arguments {
    /// Stores a keyword argument that names no parameter in the dict of the signature's
    /// `**collector`, keeping the order the call gave.
    static func collect(_ label: String, _ value: Value, into named: inout NameTable, collector: String,
                        at location: SourceLocation) throws {
        let entries: DictStorage
        if case .dict(let existing)? = named[collector] {
            entries = existing
        } else {
            entries = DictStorage()
            named[collector] = .dict(entries)
        }
        try entries.set(value, for: .string(label), at: location)
    }
}
