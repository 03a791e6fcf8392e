import NNCore

extension Interpreter {
    /// `value.name`: a tensor's properties and methods, list and string methods, object attributes.
    func attribute(_ name: String, of value: Value, at location: SourceLocation) throws -> Value {
        let found: Value?
        switch value {
        case .tensor(let tensor): found = try TensorMembers.member(name, of: tensor, interpreter: self)
        case .list(let list): found = ListMembers.member(name, of: list)
        case .string(let text): found = StringMembers.member(name, of: text)
        case .dict(let dict): found = try DictMembers.member(name, of: dict)
        case .object(let object): found = try object.attribute(name, interpreter: self)
        case .function(let function):
            found = name == "__name__" ? .string(function.name) : name == "__doc__" ? (function.docstring.map { .string($0) } ?? Value.none) : nil
        default: found = nil
        }
        if let found { return found }
        let candidates = Self.memberNames(of: value)
        var hint = Diagnostic.closestName(to: name, among: candidates).map { "did you mean '\($0)'?" }
        if case .tensor = value, name == "append" {
            hint = "a list of numbers is a tensor in nnlearn; start from an empty list (xs = []) to append"
        }
        if case .tensor = value, name == "size" || name == "dim" { hint = "use .shape" }
        if case .object(let instance as Instance) = value {
            throw ScriptError(.attribute, "'\(instance.type.name)' object has no attribute '\(name)'", at: location,
                              hint: hint ?? (instance.type.isModule && name == "forward" ? "define def forward(self, x) in class \(instance.type.name)" : nil))
        }
        if case .object(let cls as ScriptClass) = value {
            throw ScriptError(.attribute, "type object '\(cls.name)' has no attribute '\(name)'", at: location, hint: hint)
        }
        throw ScriptError(.attribute, "\(value.typeName) has no attribute '\(name)'", at: location, hint: hint)
    }

    /// The names offered after a dot, for completion and suggestions.
    public static func memberNames(of value: Value) -> [String] {
        switch value {
        case .tensor: return TensorMembers.names
        case .list: return ListMembers.names
        case .string: return StringMembers.names
        case .dict: return DictMembers.names
        case .object(let object): return object.attributeNames
        default: return []
        }
    }

    /// `value.name = newValue`.
    func setAttribute(_ name: String, of value: Value, to newValue: Value, at location: SourceLocation) throws {
        switch value {
        case .object(let instance as Instance):
            ModuleClass.label(newValue, as: name)
            try instance.setAttribute(name, to: newValue)
        case .object(let object):
            do { try object.setAttribute(name, to: newValue) } catch let error as ScriptError { throw error.located(location) }
        case .tensor(let tensor) where name == "label" || name == "name":
            guard case .string(let label) = newValue else {
                throw ScriptError(.type, "a label must be a string", at: location)
            }
            tensor.label = label
        default:
            throw ScriptError(.attribute, "cannot set attribute '\(name)' of \(value.typeNameWithArticle)", at: location)
        }
    }
}

/// A method bound to its receiver: a builtin whose body closes over the value.
func method(_ name: String, _ signature: String, doc: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) -> Value {
    .builtin(Builtin(name, Signature.cached(signature), doc: doc, body))
}

/// Methods of lists, as in Python.
enum ListMembers {
    static let names = ["append", "extend", "insert", "pop", "index", "reverse", "sort", "copy"]

    static func member(_ name: String, of list: ListStorage) -> Value? {
        switch name {
        case "append":
            return method("append", "item", doc: "Adds an item at the end.") { args, interpreter in
                list.items.append(args.named["item"] ?? .none)
                try interpreter.checkGrowth(list.items.count, at: args.location)
                return .none
            }
        case "extend":
            return method("extend", "items", doc: "Adds every item of another list.") { args, interpreter in
                let items = args.named["items"] ?? .none
                try interpreter.iterate(items, at: args.location) {
                    list.items.append($0)
                    try interpreter.checkGrowth(list.items.count, at: args.location)
                    return true
                }
                return .none
            }
        case "insert":
            return method("insert", "index, item", doc: "Inserts an item before a position.") { args, _ in
                let index = try args.integer("index")
                let resolved = Swift.min(Swift.max(index < 0 ? index + list.items.count : index, 0), list.items.count)
                list.items.insert(args.named["item"] ?? .none, at: resolved)
                return .none
            }
        case "pop":
            return method("pop", "index=", doc: "Removes and returns an item (the last by default).") { args, _ in
                guard !list.items.isEmpty else { throw ScriptError(.index, "pop from an empty list", at: args.location) }
                let index = try args.integer("index", default: -1)
                let resolved = index < 0 ? index + list.items.count : index
                guard list.items.indices.contains(resolved) else {
                    throw ScriptError(.index, "pop index \(index) is out of range", at: args.location)
                }
                return list.items.remove(at: resolved)
            }
        case "index":
            return method("index", "item", doc: "The position of the first equal item.") { args, _ in
                let item = args.named["item"] ?? .none
                guard let position = list.items.firstIndex(where: { Interpreter.equal($0, item) }) else {
                    throw ScriptError(.value, "the item is not in the list", at: args.location)
                }
                return .integer(position)
            }
        case "reverse":
            return method("reverse", "", doc: "Reverses the list in place.") { _, _ in list.items.reverse(); return .none }
        case "sort":
            return method("sort", "key=, reverse=", doc: "Sorts in place, as sorted(items, key=None, reverse=False) does.") { args, interpreter in
                list.items = try Sorting.sorted(list.items, key: args.value("key"), reverse: try args.bool("reverse", default: false),
                                                interpreter: interpreter, at: args.location)
                return .none
            }
        case "copy":
            return method("copy", "", doc: "A shallow copy.") { _, _ in .list(ListStorage(list.items)) }
        default: return nil
        }
    }
}

/// Methods of strings, as in Python.
enum StringMembers {
    static let names = ["upper", "lower", "strip", "split", "join", "replace", "startswith", "endswith", "format", "ljust", "rjust", "center"]

    static func member(_ name: String, of text: String) -> Value? {
        switch name {
        case "upper": return method(name, "", doc: "Upper case.") { _, _ in .string(text.uppercased()) }
        case "lower": return method(name, "", doc: "Lower case.") { _, _ in .string(text.lowercased()) }
        case "strip": return method(name, "", doc: "Without surrounding white space.") { _, _ in .string(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case "split":
            return method(name, "separator=", doc: "Splits on white space or a separator.") { args, _ in
                let parts = args.has("separator")
                    ? text.components(separatedBy: try args.string("separator"))
                    : text.split(whereSeparator: \.isWhitespace).map(String.init)
                return .list(ListStorage(parts.map { .string($0) }))
            }
        case "join":
            return method(name, "items", doc: "Joins strings with this one between them.") { args, interpreter in
                var parts: [String] = []
                try interpreter.iterate(args.named["items"] ?? .none, at: args.location) { item in
                    guard case .string(let s) = item else {
                        throw ScriptError(.type, "join needs strings, found \(item.typeName)", at: args.location, hint: "convert with str(x)")
                    }
                    parts.append(s); return true
                }
                try interpreter.reserveText(text.utf8.count, times: Swift.max(parts.count - 1, 0),
                                            plus: parts.reduce(0) { $0 &+ $1.utf8.count }, at: args.location)
                return .string(parts.joined(separator: text))
            }
        case "replace":
            return method(name, "old, new", doc: "Replaces every occurrence.") { args, interpreter in
                let (old, new) = (try args.string("old"), try args.string("new"))
                if new.utf8.count > old.utf8.count, text.utf8.count > 1 << 16 {
                    // The result grows by the difference per occurrence: checked before it is built.
                    let occurrences = old.isEmpty ? text.count + 1 : text.components(separatedBy: old).count - 1
                    try interpreter.reserveText(new.utf8.count - old.utf8.count, times: occurrences, plus: text.utf8.count, at: args.location)
                }
                return .string(text.replacingOccurrences(of: old, with: new))
            }
        case "startswith": return method(name, "prefix", doc: "Whether it starts with a prefix.") { args, _ in .bool(text.hasPrefix(try args.string("prefix"))) }
        case "endswith": return method(name, "suffix", doc: "Whether it ends with a suffix.") { args, _ in .bool(text.hasSuffix(try args.string("suffix"))) }
        case "format":
            return method(name, "*values", doc: "Fills {} and {:spec} fields with the values.") { args, interpreter in
                .string(try Format.python(text, args.rest, interpreter: interpreter, at: args.location))
            }
        case "ljust", "rjust", "center":
            return method(name, "width", doc: "Pads to a width.") { args, interpreter in
                let width = try args.integer("width")
                let padding = Swift.max(0, width &- text.count)
                try interpreter.reserveText(padding, plus: text.utf8.count, at: args.location)
                switch name {
                case "ljust": return .string(text + String(repeating: " ", count: padding))
                case "rjust": return .string(String(repeating: " ", count: padding) + text)
                default: return .string(String(repeating: " ", count: padding / 2) + text + String(repeating: " ", count: padding - padding / 2))
                }
            }
        default: return nil
        }
    }
}

import Foundation
