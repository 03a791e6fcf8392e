/// Methods of dicts, as in Python.
enum DictMembers {
    static let table = MemberTable<DictStorage>([
        view("keys"), view("values"), view("items"),
        .method("get", "key, default=", doc: "d.get(key, default=None): the value under key, or the default when it is missing.") { dict, args, _ in
            try dict.value(for: args.named["key"] ?? .none, at: args.location) ?? args.named["default"] ?? .none
        },
        .method("pop", "key, default=", doc: "d.pop(key[, default]): removes the key and returns its value; a missing key gives the default, or a KeyError without one.") { dict, args, interpreter in
            let key = args.named["key"] ?? .none
            if let value = try dict.remove(key, at: args.location) { return value }
            // Told apart from a missing default, since None is a default like any other.
            if let fallback = args.named["default"] { return fallback }
            throw dict.missingKey(key, interpreter: interpreter, at: args.location)
        },
        .method("setdefault", "key, default=", doc: "d.setdefault(key, default=None): the value under key, first storing the default when it is missing.") { dict, args, _ in
            let key = args.named["key"] ?? .none
            if let value = try dict.value(for: key, at: args.location) { return value }
            let fallback = args.named["default"] ?? .none
            try dict.set(fallback, for: key, at: args.location)
            return fallback
        },
        .method("update", "*other, **entries", doc: "d.update(other, **entries): stores every entry of another dict, of (key, value) pairs, and of the keyword arguments.") { dict, args, interpreter in
            try fill(dict, from: args, interpreter: interpreter)
            return .none
        },
        .method("copy", "", doc: "d.copy(): a shallow copy.") { dict, _, _ in .dict(dict.copy()) },
        .method("clear", "", doc: "d.clear(): removes every entry.") { dict, _, _ in dict.removeAll(); return .none },
    ])

    /// `d.keys()`, `d.values()`, `d.items()`: live views.
    private static func view(_ name: String) -> Member<DictStorage> {
        let part = DictStorage.Part(rawValue: name) ?? .keys
        return .method(name, "", doc: "d.\(name)(): a live view of the dict's \(name), in insertion order.") { dict, _, _ in
            .object(DictView(dict, part))
        }
    }

    /// The attribute `name` of a dict: a method bound to it, or nil. `d.lr` where `"lr"` is a key is an
    /// AttributeError that shows the brackets, since a dict's keys are not attributes.
    static func member(_ name: String, of dict: DictStorage, interpreter: Interpreter) throws -> Value? {
        if let method = try table.value(name, of: dict, interpreter: interpreter) { return method }
        if dict.keys.contains(where: { if case .string(name) = $0 { true } else { false } }) {
            throw ScriptError(.attribute, "dict has no attribute '\(name)'", hint: "to read the key '\(name)', write d[\"\(name)\"]")
        }
        return nil
    }

    /// `dict(...)` and `d.update(...)`: at most one source (a dict or (key, value) pairs),
    /// then the keyword arguments, in the order given.
    static func fill(_ dict: DictStorage, from args: Arguments, interpreter: Interpreter) throws {
        guard args.rest.count <= 1 else {
            throw ScriptError(.type, "\(args.function) expected at most 1 argument, got \(args.rest.count)", at: args.location)
        }
        if let source = args.rest.first {
            guard Interpreter.isIterable(source) else {
                throw ScriptError(.type, "\(args.function)() needs a dict or (key, value) pairs, not \(source.typeNameWithArticle)", at: args.location)
            }
            try merge(source, into: dict, interpreter: interpreter, at: args.location)
        }
        if case .dict(let entries)? = args.named["entries"] { try dict.update(from: entries, at: args.location) }
    }

    /// Stores the entries of a dict, or of an iterable of (key, value) pairs, into `dict`.
    static func merge(_ source: Value, into dict: DictStorage, interpreter: Interpreter, at location: SourceLocation) throws {
        if case .dict(let other) = source { return try dict.update(from: other, at: location) }
        var index = 0
        try interpreter.iterate(source, at: location) { element in
            var pair: [Value] = []
            do {
                try interpreter.iterate(element, at: location) { pair.append($0); return pair.count <= 2 }
            } catch let error as ScriptError {
                guard error.kind == .type else { throw error }
                throw ScriptError(.type, "cannot convert element #\(index) (\(element.typeName)) to a (key, value) pair", at: location,
                                  hint: "give a dict, or a list of pairs such as [(\"a\", 1), (\"b\", 2)]")
            }
            guard pair.count == 2 else {
                throw ScriptError(.value, "element #\(index) has \(pair.count > 2 ? "more than 2 items" : "\(pair.count) item\(pair.count == 1 ? "" : "s")"); a (key, value) pair needs 2",
                                  at: location)
            }
            try dict.set(pair[1], for: pair[0], at: location)
            index += 1
            return true
        }
    }
}
