/// The variables of one running scope: the globals and class bodies by name in a table; a function
/// call's or a comprehension's locals in numbered slots, as ``Resolver`` numbered them.
public final class Scope {
    /// Variables found by name: the globals, a class body's, and names no slot was made for.
    @exclusivity(unchecked) var values: NameTable
    /// A frame's locals by slot; nil while a local is unbound.
    @exclusivity(unchecked) var slots: [Value?]
    /// The names of the slots, in slot order.
    let slotNames: [String]
    let parent: Scope?
    /// Names an exercise forbids here; inner scopes inherit the parent's.
    @exclusivity(unchecked) var restrictions: Restrictions?
    /// Whether this is a class body: functions defined in it close over the scope around the class, as in Python.
    let isClassBody: Bool

    /// A scope inside `parent`; `capacity` reserves room for that many names, so that binding them does not regrow the table.
    init(parent: Scope?, capacity: Int = 0, classBody: Bool = false) {
        self.parent = parent
        values = NameTable(capacity: capacity)
        slots = []
        slotNames = []
        isClassBody = classBody
        restrictions = parent?.restrictions
    }

    /// A frame inside `parent` with one unbound slot for each of `locals`.
    init(parent: Scope, locals: [String]) {
        self.parent = parent
        values = NameTable()
        // Filled in place: Array(repeating:count:) copied each nil through the generic path, about 100 instructions a slot.
        slots = [Value?](unsafeUninitializedCapacity: locals.count) { buffer, initialized in
            buffer.initialize(repeating: nil)
            initialized = buffer.count
        }
        slotNames = locals
        isClassBody = false
        restrictions = parent.restrictions
    }

    /// The outermost scope: the globals of the module this scope runs in.
    var module: Scope {
        var scope = self
        while let parent = scope.parent { scope = parent }
        return scope
    }

    /// Looks a name up here, then in the enclosing scopes.
    func lookup(_ name: String) -> Value? { lookup(name, hash: NameIndex.hash(name)) }

    /// Looks up a name whose ``NameIndex/hash(_:)`` is `hash`, here and then in the enclosing scopes.
    func lookup(_ name: String, hash: UInt32) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if !current.slotNames.isEmpty, let slot = current.slotNames.firstIndex(of: name) {
                if let value = current.slots[slot] { return value }
            } else if let value = current.values.value(name, hash: hash) {
                return value
            }
            scope = current.parent
        }
        return nil
    }

    /// Binds `name` here: in its slot when it has one, otherwise by name.
    func bind(_ name: String, to value: Value) {
        if !slotNames.isEmpty, let slot = slotNames.firstIndex(of: name) {
            slots[slot] = value
        } else {
            values[name] = value
        }
    }

    /// Whether `name` is a slot of this frame.
    func hasSlot(_ name: String) -> Bool { slotNames.contains(name) }

    /// Every name visible from here, innermost first.
    var visibleNames: [String] {
        var names: [String] = []
        var scope: Scope? = self
        while let current = scope {
            let bound = zip(current.slotNames, current.slots).compactMap { $0.1 == nil ? nil : $0.0 }
            names.append(contentsOf: (bound + current.values.names).sorted())
            scope = current.parent
        }
        return names
    }
}

extension Scope {
    /// The scope a function defined here closes over: the scope around a class body, as in Python,
    /// so that methods never see the class's names as variables.
    var definitions: Scope { isClassBody ? parent ?? self : self }
}
