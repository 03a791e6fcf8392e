/// A set, as Python's: items without repeats, kept in insertion order (so that
/// printing and iterating are the same on every run), with `add`, `in` and `len`.
/// Items are hashed as dict keys are: numbers, strings, tuples, and objects by identity.
final class SetObject: ScriptObject, ScriptSequence {
    /// The items as the keys of a dict whose values are unused.
    let storage: DictStorage
    init(_ storage: DictStorage = DictStorage()) { self.storage = storage }

    var typeName: String { "set" }
    static let names = ["add", "remove", "discard", "update", "clear", "copy", "pop"]
    var attributeNames: [String] { Self.names }

    func contains(_ item: Value, at location: SourceLocation) throws -> Bool {
        try storage.position(of: item, at: location) != nil
    }

    func insert(_ item: Value, at location: SourceLocation?) throws {
        if try storage.position(of: item, at: location) == nil { try storage.set(.none, for: item, at: location) }
    }

    func visit(_ body: (Value) throws -> Bool) throws {
        try storage.visit(.keys, at: nil, body)
    }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "add":
            return method(name, "item", doc: "Adds an item (nothing happens when it is already there).") { args, _ in
                try self.insert(args.named["item"] ?? .none, at: args.location); return .none
            }
        case "remove", "discard":
            return method(name, "item", doc: name == "remove" ? "Removes an item; a KeyError when it is missing." : "Removes an item if it is there.") { args, interpreter in
                let item = args.named["item"] ?? .none
                if try self.storage.remove(item, at: args.location) == nil, name == "remove" {
                    throw ScriptError(.key, Display.repr(item, interpreter: interpreter), at: args.location, hint: "discard(item) removes it only if present")
                }
                return .none
            }
        case "update":
            return method(name, "items", doc: "Adds every item of an iterable.") { args, interpreter in
                try interpreter.iterate(args.named["items"] ?? .none, at: args.location) { try self.insert($0, at: args.location); return true }
                return .none
            }
        case "clear":
            return method(name, "", doc: "Removes every item.") { _, _ in self.storage.removeAll(); return .none }
        case "copy":
            return method(name, "", doc: "A shallow copy.") { _, _ in .object(SetObject(self.storage.copy())) }
        case "pop":
            return method(name, "", doc: "Removes and returns the item added first.") { args, _ in
                guard let first = self.storage.keys.first else { throw ScriptError(.key, "pop from an empty set", at: args.location) }
                _ = try self.storage.remove(first, at: args.location)
                return first
            }
        default: return nil
        }
    }

    func display(interpreter: Interpreter) -> String {
        guard storage.count > 0 else { return "set()" }
        return "{" + storage.keys.map { Display.repr($0, interpreter: interpreter) }.joined(separator: ", ") + "}"
    }
}
