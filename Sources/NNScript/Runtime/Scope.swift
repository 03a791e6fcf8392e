/// What a scope holds besides its slots; a ``Scope`` keeps it in front of the slots, in one allocation.
public struct ScopeHeader {
    /// Variables found by name: the globals, a class body's, and names no slot was made for.
    var values: NameTable
    /// The names of the slots, in slot order.
    let slotNames: [String]
    let parent: Scope?
    /// Names an exercise forbids here; inner scopes inherit the parent's.
    var restrictions: Restrictions?
    /// Whether this is a class body: functions defined in it close over the scope around the class, as in Python.
    let isClassBody: Bool
    /// How many slots follow the header.
    let slotCount: Int
    /// Where the scope stands in the running program's heap (see ``Heap``).
    var heapLink = HeapLink()
}

/// The variables of one running scope: the globals and class bodies by name in a table; a function
/// call's or a comprehension's locals in numbered slots, as ``Resolver`` numbered them.
///
/// A call makes one: its slots are allocated with it, after the header (one allocation per call, not
/// an object and an array).
public final class Scope: ManagedBuffer<ScopeHeader, Value?> {
    /// A scope inside `parent`; `capacity` reserves room for that many names, so that binding them does not regrow the table.
    static func make(parent: Scope?, capacity: Int = 0, classBody: Bool = false) -> Scope {
        let scope = create(minimumCapacity: 0) { _ in
            ScopeHeader(values: NameTable(capacity: capacity), slotNames: [], parent: parent,
                        restrictions: parent?.restrictions, isClassBody: classBody, slotCount: 0)
        }
        return unsafeDowncast(scope, to: Scope.self)
    }

    /// A frame inside `parent` with one unbound slot for each of `locals`.
    @inline(__always)
    static func frame(parent: Scope, locals: [String]) -> Scope {
        let count = locals.count
        let scope = unsafeDowncast(create(minimumCapacity: count) { _ in
            ScopeHeader(values: NameTable(), slotNames: locals, parent: parent,
                        restrictions: parent.restrictions, isClassBody: false, slotCount: count)
        }, to: Scope.self)
        scope.slots.initialize(repeating: nil)
        return scope
    }

    deinit {
        untrack()
        _ = withUnsafeMutablePointers { header, slots in slots.deinitialize(count: header.pointee.slotCount) }
    }

    /// The header, read and written in place (the object outlives every use its callers make of it).
    @inline(__always)
    private var head: UnsafeMutablePointer<ScopeHeader> { withUnsafeMutablePointerToHeader { $0 } }

    /// A frame's locals by slot; nil while a local is unbound.
    @inline(__always)
    var slots: UnsafeMutableBufferPointer<Value?> {
        withUnsafeMutablePointers { header, slots in UnsafeMutableBufferPointer(start: slots, count: header.pointee.slotCount) }
    }

    /// Variables found by name: the globals, a class body's, and names no slot was made for.
    var values: NameTable {
        @inline(__always) _read { yield head.pointee.values }
        @inline(__always) _modify { yield &head.pointee.values }
    }

    /// The names of the slots, in slot order.
    var slotNames: [String] {
        @inline(__always) _read { yield head.pointee.slotNames }
    }

    /// The enclosing scope; nil for the globals.
    var parent: Scope? { head.pointee.parent }

    /// The enclosing scope without a reference of the caller's (the collector walks a closure's frames).
    var parentUnretained: Unmanaged<Scope>? { head.pointee.parent.map { Unmanaged.passUnretained($0) } }

    /// Names an exercise forbids here; inner scopes inherit the parent's.
    var restrictions: Restrictions? {
        @inline(__always) _read { yield head.pointee.restrictions }
        set { head.pointee.restrictions = newValue }
    }

    /// Whether this is a class body: functions defined in it close over the scope around the class, as in Python.
    var isClassBody: Bool { head.pointee.isClassBody }

    /// Where the scope stands in the running program's heap (see ``Heap``).
    var heapLink: HeapLink {
        @inline(__always) get { head.pointee.heapLink }
        @inline(__always) _modify { yield &head.pointee.heapLink }
    }

    /// How many slots the frame has.
    var slotCount: Int {
        @inline(__always) get { head.pointee.slotCount }
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
