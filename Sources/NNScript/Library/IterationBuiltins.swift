/// Builtins over iterables: set, reversed, any, all, map, filter.
/// Where Python returns a lazy iterator (reversed, map, filter), nnlearn returns a list.
enum IterationBuiltins {
    static let all: [Builtin] = [
        Builtin("set", Signature("items="), doc: "set(items=()): the distinct items, in the order first seen; add, remove, discard, in, len.",
                positional: { values, location, interpreter in
                    values.count <= 1 ? try makeSet(values.first, interpreter, at: location) : nil
                }) { args, interpreter in
            try makeSet(args.value("items"), interpreter, at: args.location)
        },
        Builtin("reversed", Signature("items"), doc: "reversed(items): a list of the items, last first.") { args, interpreter in
            .list(ListStorage(try items(args, "items", interpreter).reversed()))
        },
        Builtin("any", Signature("items"), doc: "any(items): whether at least one item is true (False for none).") { args, interpreter in
            for item in try items(args, "items", interpreter) where try interpreter.truth(of: item, at: args.location) { return .bool(true) }
            return .bool(false)
        },
        Builtin("all", Signature("items"), doc: "all(items): whether every item is true (True for none).") { args, interpreter in
            for item in try items(args, "items", interpreter) where !(try interpreter.truth(of: item, at: args.location)) { return .bool(false) }
            return .bool(true)
        },
        Builtin("map", Signature("f, *iterables"), doc: "map(f, items, …): a list of f(item), or f(a, b) over several iterables side by side.") { args, interpreter in
            let function = args.named["f"] ?? .none
            guard !args.rest.isEmpty else { throw ScriptError(.type, "map() needs at least one iterable", at: args.location) }
            let columns = try args.rest.map { try sequence($0, interpreter, at: args.location) }
            let count = columns.map(\.count).min() ?? 0
            return .list(ListStorage(try (0..<count).map { row in
                try interpreter.invoke(function, columns.map { $0[row] }, at: args.location)
            }))
        },
        Builtin("filter", Signature("f, items"), doc: "filter(f, items): a list of the items for which f(item) is true; with f None, the true items.") { args, interpreter in
            let function = args.value("f")
            return .list(ListStorage(try items(args, "items", interpreter).filter { item in
                try interpreter.truth(of: try function.map { try interpreter.invoke($0, [item], at: args.location) } ?? item, at: args.location)
            }))
        },
    ]

    /// set(items): a new set of the items (None or nothing: an empty set).
    static func makeSet(_ source: Value?, _ interpreter: Interpreter, at location: SourceLocation) throws -> Value {
        let set = SetObject()
        switch source {
        case nil, .none?:
            break
        case .tuple(let items)?:
            // A Value's children: inserted straight from the tuple, with room for all of them.
            set.storage.reserveCapacity(items.count)
            for item in items { try set.insert(item, at: location) }
        case let source?:
            try interpreter.iterate(source, at: location) { try set.insert($0, at: location); return true }
        }
        return .object(set)
    }
    static func items(_ args: Arguments, _ name: String, _ interpreter: Interpreter) throws -> [Value] {
        try sequence(args.named[name] ?? .none, interpreter, at: args.location)
    }

    static func sequence(_ value: Value, _ interpreter: Interpreter, at location: SourceLocation) throws -> [Value] {
        var items: [Value] = []
        try interpreter.iterate(value, at: location) { items.append($0); return true }
        return items
    }
}
