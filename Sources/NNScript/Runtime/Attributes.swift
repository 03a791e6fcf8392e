import NNCore

extension Interpreter {
    /// `value.name`: a tensor's properties and methods, list and string methods, object attributes.
    func attribute(_ name: String, of value: Value, at location: SourceLocation) throws -> Value {
        let found: Value?
        switch value {
        case .tensor(let tensor): found = try TensorMembers.table.value(name, of: tensor, interpreter: self)
        case .list(let list): found = try ListMembers.table.value(name, of: list, interpreter: self)
        case .string(let text): found = try StringMembers.table.value(name, of: text, interpreter: self)
        case .tuple(let items): found = try TupleMembers.table.value(name, of: items, interpreter: self)
        case .dict(let dict):
            do { found = try DictMembers.member(name, of: dict, interpreter: self) } catch let error as ScriptError {
                var located = error.located(location)
                located.length = max(1, name.count)
                throw located
            }
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
        var error = ScriptError(.attribute, "\(value.typeName) has no attribute '\(name)'", at: location, hint: hint)
        if case .object(let instance as Instance) = value {
            error = ScriptError(.attribute, "'\(instance.type.name)' object has no attribute '\(name)'", at: location,
                                hint: hint ?? (instance.type.isModule && name == "forward" ? "define def forward(self, x) in class \(instance.type.name)" : nil))
        }
        if case .object(let cls as ScriptClass) = value {
            error = ScriptError(.attribute, "type object '\(cls.name)' has no attribute '\(name)'", at: location, hint: hint)
        }
        // The caret underlines the attribute's name.
        error.length = max(1, name.count)
        throw error
    }

    /// The names offered after a dot, for completion and suggestions.
    public static func memberNames(of value: Value) -> [String] {
        switch value {
        case .tensor: return TensorMembers.table.names
        case .list: return ListMembers.table.names
        case .string: return StringMembers.table.names
        case .tuple: return TupleMembers.table.names
        case .dict: return DictMembers.table.names
        case .object(let object): return object.attributeNames
        default: return []
        }
    }

    /// `value.name`, where `binding` holds the name's hash: an instance's field is found without hashing the name.
    @inline(__always)
    func attribute(_ name: String, _ binding: NameBinding, of value: Value, at location: SourceLocation) throws -> Value {
        if binding.kind == .member, case .object(let instance as Instance) = value, let field = instance.field(name, hash: binding.hash) {
            return field
        }
        return try attribute(name, of: value, at: location)
    }

    /// `value.name = newValue`, where `binding` holds the name's hash when it was resolved.
    func setAttribute(_ name: String, _ binding: NameBinding, of value: Value, to newValue: Value, at location: SourceLocation) throws {
        if binding.kind == .member, case .object(let instance as Instance) = value {
            ModuleClass.label(newValue, as: name)
            instance.setField(name, hash: binding.hash, to: newValue)
            return
        }
        try setAttribute(name, of: value, to: newValue, at: location)
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
