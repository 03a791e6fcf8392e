/// Named values kept in the order their names were first set: a class's attributes, an instance's fields.
struct AttributeTable {
    private(set) var values: [String: Value] = [:]
    /// The names in the order they were first set (a Module's parameters follow it).
    private(set) var order: [String] = []

    init(_ entries: [(String, Value)] = []) {
        for (name, value) in entries { set(name, value) }
    }

    /// An empty table with room for `capacity` names.
    init(capacity: Int) {
        values.reserveCapacity(capacity)
        order.reserveCapacity(capacity)
    }

    /// How many names it holds.
    var count: Int { order.count }

    @inline(__always)
    subscript(name: String) -> Value? { values[name] }

    /// Stores a value; a new name goes last, an existing one keeps its place.
    mutating func set(_ name: String, _ value: Value) {
        if values.updateValue(value, forKey: name) == nil { order.append(name) }
    }

    /// Removes a name; false when there is none.
    mutating func remove(_ name: String) -> Bool {
        guard values.removeValue(forKey: name) != nil else { return false }
        order.removeAll { $0 == name }
        return true
    }
}
