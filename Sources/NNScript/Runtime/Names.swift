/// Reading and binding variables where ``Resolver`` found them: a frame's slot, the globals by a
/// precomputed hash, or by name scope by scope (top level, class bodies, trees built by hand).
extension Interpreter {
    /// The value of the variable `name`, reached by `binding` from `scope`.
    @inline(__always)
    func readName(_ name: String, _ binding: NameBinding, in scope: Scope, at location: SourceLocation) throws -> Value {
        switch binding.kind {
        case .frame:
            var frame = scope
            var depth = binding.depth
            while depth > 0, let parent = frame.parent {
                frame = parent
                depth -= 1
            }
            let slot = Int(truncatingIfNeeded: binding.slot)
            guard depth == 0, slot < frame.slots.count else { break }
            if let value = frame.slots[slot] { return value }
            throw unboundName(name, free: binding.depth > 0, in: scope, at: location)
        case .global:
            if let value = scope.module.values.value(name, hash: binding.hash) { return value }
            throw undefinedName(name, in: scope, at: location)
        case .dynamic, .member:
            // Top-level code runs in the globals, the one scope without a parent (and without slots):
            // one probe of their table, without walking a chain.
            let found = scope.parent == nil ? scope.values.value(name, hash: binding.hash) : scope.lookup(name, hash: binding.hash)
            if let value = found { return value }
            throw undefinedName(name, in: scope, at: location)
        case .unresolved:
            break
        }
        guard let value = scope.lookup(name) else { throw undefinedName(name, in: scope, at: location) }
        return value
    }

    /// Binds the variable `name` in `scope`, where `binding` says it lives.
    @inline(__always)
    func bindName(_ name: String, _ binding: NameBinding, to value: Value, in scope: Scope) {
        let slot = Int(truncatingIfNeeded: binding.slot)
        switch binding.kind {
        case .frame where binding.depth == 0 && slot < scope.slots.count:
            scope.slots[slot] = value
        case .dynamic where scope.slotNames.isEmpty:
            scope.values.updateValue(value, forKey: name, hash: binding.hash)
        default:
            scope.bind(name, to: value)
        }
    }

    /// `del name`: unbinds a variable of this scope.
    func deleteName(_ name: String, _ binding: NameBinding, in scope: Scope, at location: SourceLocation) throws {
        let slot = Int(truncatingIfNeeded: binding.slot)
        if binding.kind == .frame, binding.depth == 0, slot < scope.slots.count {
            guard scope.slots[slot] != nil else {
                if scope.parent?.lookup(name) != nil { throw enclosingDeletion(name, at: location) }
                throw unboundName(name, free: false, in: scope, at: location)
            }
            scope.slots[slot] = nil
            return
        }
        if let slot = scope.slotNames.firstIndex(of: name), scope.slots[slot] != nil {
            scope.slots[slot] = nil
            return
        }
        guard scope.values.removeValue(forKey: name) != nil else {
            if scope.lookup(name) != nil { throw enclosingDeletion(name, at: location) }
            throw undefinedName(name, in: scope, at: location)
        }
    }

    private func enclosingDeletion(_ name: String, at location: SourceLocation) -> ScriptError {
        ScriptError(.name, "cannot delete '\(name)' here: it belongs to an enclosing scope", at: location)
    }

    /// A local read before it was assigned (or after `del`), as Python reports it.
    func unboundName(_ name: String, free: Bool, in scope: Scope, at location: SourceLocation) -> ScriptError {
        if free {
            return ScriptError(.name, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope",
                               at: location, hint: "assign '\(name)' in the enclosing function before calling the function that reads it")
        }
        let outer = scope.parent?.lookup(name) != nil
        let hint = outer
            ? "'\(name)' is assigned in this function, which makes it local in the whole function, as in Python; to change an outer '\(name)', pass it in as an argument and return the new value"
            : "assign '\(name)' before reading it"
        return ScriptError(.unboundLocal, "cannot access local variable '\(name)' where it is not associated with a value", at: location, hint: hint)
    }
}
