/// A set, as Python's: items without repeats, kept in insertion order (so that
/// printing and iterating are the same on every run), with `add`, `in` and `len`.
/// Items are hashed as dict keys are: numbers, strings, tuples, and objects by identity.
final class SetObject: TabledObject, ScriptSequence {
    /// The items as the keys of a dict whose values are unused; the set's own (untracked: the collector looks into it through the set).
    let storage: DictStorage
    /// Where the object stands in the running program's heap (see ``Heap``).
    @exclusivity(unchecked) var heapLink = HeapLink()
    init(_ storage: DictStorage = DictStorage(untracked: ())) {
        self.storage = storage
        track()
    }

    deinit { untrack() }

    var typeName: String { "set" }

    func contains(_ item: Value, at location: SourceLocation) throws -> Bool {
        try storage.position(of: item, at: location) != nil
    }

    func insert(_ item: Value, at location: SourceLocation?) throws {
        try storage.insertIfAbsent(item, value: .none, at: location)
    }

    func visit(_ body: (Value) throws -> Bool) throws {
        try storage.visit(.keys, at: nil, body)
    }

    static let members = MemberTable<SetObject>([
        .method("add", item: "Adds an item (nothing happens when it is already there).") { set, item, location, _ in
            try set.insert(item, at: location); return .none
        },
        removal("remove", doc: "Removes an item; a KeyError when it is missing."),
        removal("discard", doc: "Removes an item if it is there."),
        .method("update", "items", doc: "Adds every item of an iterable.") { set, args, interpreter in
            try interpreter.iterate(args.named["items"] ?? .none, at: args.location) { try set.insert($0, at: args.location); return true }
            return .none
        },
        .method("clear", "", doc: "Removes every item.") { set, _, _ in set.storage.removeAll(); return .none },
        .method("copy", "", doc: "A shallow copy.") { set, _, _ in .object(SetObject(set.storage.copy(tracked: false))) },
        .method("pop", "", doc: "Removes and returns the item added first.") { set, args, _ in
            guard let first = set.storage.keys.first else { throw ScriptError(.key, "pop from an empty set", at: args.location) }
            _ = try set.storage.remove(first, at: args.location)
            return first
        },
    ])

    /// `remove` (a KeyError for a missing item) and `discard` (silent).
    private static func removal(_ name: String, doc: String) -> Member<SetObject> {
        .method(name, "item", doc: doc) { set, args, interpreter in
            let item = args.named["item"] ?? .none
            if try set.storage.remove(item, at: args.location) == nil, name == "remove" {
                throw ScriptError(.key, Display.repr(item, interpreter: interpreter), at: args.location, hint: "discard(item) removes it only if present")
            }
            return .none
        }
    }

    func display(interpreter: Interpreter) -> String {
        guard storage.count > 0 else { return "set()" }
        return "{" + storage.keys.map { Display.repr($0, interpreter: interpreter) }.joined(separator: ", ") + "}"
    }
}
