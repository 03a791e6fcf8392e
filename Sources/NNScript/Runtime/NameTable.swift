/// Named values in the order their names were first bound: a scope's variables, an instance's fields,
/// a class's attributes, a builtin call's arguments. A few names are found by comparing their hashes in order, which costs less than
/// probing a dictionary; past ``indexThreshold`` names a ``NameIndex`` finds them.
public struct NameTable {
    /// One binding.
    struct Entry {
        let name: String
        /// ``NameIndex/hash(_:)`` of the name: compared before the names themselves.
        let hash: UInt32
        var value: Value
    }

    /// Past this many names, lookups go through the hash index.
    static let indexThreshold = 8

    /// The bindings, in the order their names were first bound.
    private(set) var entries: [Entry] = []
    /// Each name's position in `entries`; built only once the table holds more than ``indexThreshold`` names.
    private var positions: NameIndex?

    /// An empty table with room for `capacity` names.
    public init(capacity: Int = 0) {
        if capacity > 0 { entries.reserveCapacity(capacity) }
    }

    /// A table holding `bindings`, in their order.
    init(_ bindings: [(String, Value)]) {
        entries.reserveCapacity(bindings.count)
        for (name, value) in bindings { self[name] = value }
    }

    /// How many names it holds.
    public var count: Int { entries.count }

    /// Whether it holds no names.
    public var isEmpty: Bool { entries.isEmpty }

    /// The names, in the order they were first bound.
    public var names: [String] { entries.map(\.name) }

    /// The position of `name`, whose ``NameIndex/hash(_:)`` is `hash`, in ``entries``, or nil.
    @inline(__always)
    func position(of name: String, hash: UInt32) -> Int? {
        if let positions { return positions.position(hash: hash) { entries[$0].name == name } }
        // Hashes first: names that differ almost always differ in hash, and comparing two integers is cheap.
        for position in entries.indices where entries[position].hash == hash && entries[position].name == name { return position }
        return nil
    }

    /// The value bound to `name`, whose ``NameIndex/hash(_:)`` is `hash` (scopes hash a name once for the whole chain).
    @inline(__always)
    func value(_ name: String, hash: UInt32) -> Value? {
        guard let position = position(of: name, hash: hash) else { return nil }
        return entries[position].value
    }

    /// The value bound to `name`; setting nil removes the name.
    public subscript(name: String) -> Value? {
        @inline(__always) get { value(name, hash: NameIndex.hash(name)) }
        set {
            if let newValue { updateValue(newValue, forKey: name) } else { removeValue(forKey: name) }
        }
    }

    /// Binds `name` to `value`: a new name goes last, a bound one keeps its place. Returns the old value.
    @discardableResult
    mutating func updateValue(_ value: Value, forKey name: String) -> Value? {
        updateValue(value, forKey: name, hash: NameIndex.hash(name))
    }

    /// Binds `name`, whose ``NameIndex/hash(_:)`` is `hash`, to `value`; returns the old value.
    @discardableResult
    mutating func updateValue(_ value: Value, forKey name: String, hash: UInt32) -> Value? {
        if let position = position(of: name, hash: hash) {
            let old = entries[position].value
            entries[position].value = value
            return old
        }
        append(value, forNewKey: name, hash: hash)
        return nil
    }

    /// Binds `name`, whose ``NameIndex/hash(_:)`` is `hash`, to `value` at the end, without looking for it:
    /// the caller knows the table does not hold it (a builtin's parameters, bound by position).
    @inline(__always)
    mutating func append(_ value: Value, forNewKey name: String, hash: UInt32) {
        entries.append(Entry(name: name, hash: hash, value: value))
        if positions != nil {
            positions?.insert(hash, at: entries.count - 1)
        } else if entries.count > Self.indexThreshold {
            reindex()
        }
    }

    /// Removes `name`, keeping the others in order; returns its value, or nil when it was not bound.
    @discardableResult
    mutating func removeValue(forKey name: String) -> Value? {
        guard let position = position(of: name, hash: NameIndex.hash(name)) else { return nil }
        let old = entries.remove(at: position).value
        if positions != nil { reindex() }
        return old
    }

    /// Builds the hash index when the table is past ``indexThreshold`` names, drops it otherwise.
    private mutating func reindex() {
        positions = entries.count > Self.indexThreshold ? NameIndex(hashes: entries.lazy.map(\.hash)) : nil
    }
}
