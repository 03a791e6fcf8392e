/// The storage of a dict value: entries in insertion order, in a class so that aliases
/// see each other's changes, as with lists.
public final class DictStorage {
    /// The keys as first stored, in insertion order (updating `1` through `1.0` keeps `1`, as Python does).
    @exclusivity(unchecked) public internal(set) var keys: [Value] = []
    /// The values, at the same positions as their keys.
    @exclusivity(unchecked) public internal(set) var values: [Value] = []
    /// Each key's hashable form, at the same positions.
    @exclusivity(unchecked) private var hashKeys: [DictKey] = []
    /// Where each key stands in `keys`; built only once the dict holds more than ``indexThreshold`` keys
    /// (a Value's two children, a small set): below that, comparing the few hashable forms in order costs
    /// less than making, hashing into and freeing a Swift dictionary.
    @exclusivity(unchecked) private var positions: [DictKey: Int]?
    /// Past this many keys, lookups go through `positions`.
    static let indexThreshold = 8
    /// Counts insertions and removals of keys, not value updates: a loop over the dict
    /// compares it after each step to report keys changed under it, as Python does.
    @exclusivity(unchecked) private(set) var generation = 0
    /// Where the object stands in the running program's heap (see ``Heap``).
    @exclusivity(unchecked) var heapLink = HeapLink()

    /// An empty dictionary.
    public init() { track() }

    /// An empty dictionary that stays out of the heap: a set's table, which the set's own entry covers.
    init(untracked: Void) {}

    deinit { untrack() }

    /// The number of entries.
    public var count: Int { keys.count }

    /// The position of `key`, or nil when the dict lacks it; a TypeError for an unhashable key.
    func position(of key: Value, at location: SourceLocation?) throws -> Int? {
        position(of: try DictKey(key, at: location))
    }

    /// The position of a key's hashable form, or nil.
    private func position(of hashKey: DictKey) -> Int? {
        if let positions { return positions[hashKey] }
        return hashKeys.firstIndex(of: hashKey)
    }

    /// Appends a key known to be new, indexing it once the dict is past ``indexThreshold`` keys.
    private func append(_ key: Value, _ hashKey: DictKey, value: Value) {
        if positions != nil {
            positions?[hashKey] = keys.count
        } else if keys.count == Self.indexThreshold {
            positions = Dictionary(uniqueKeysWithValues: zip(hashKeys + [hashKey], 0...))
        }
        keys.append(key)
        values.append(value)
        hashKeys.append(hashKey)
        generation += 1
    }

    /// The value stored under `key`, or nil.
    func value(for key: Value, at location: SourceLocation?) throws -> Value? {
        try position(of: key, at: location).map { values[$0] }
    }

    /// Stores `value` under `key`: a new key goes last, an existing one keeps its place.
    func set(_ value: Value, for key: Value, at location: SourceLocation?) throws {
        let hashKey = try DictKey(key, at: location)
        if let position = position(of: hashKey) {
            values[position] = value
            return
        }
        append(key, hashKey, value: value)
    }

    /// Stores `key` with `value` unless the dict has the key already (a set's add): the key is hashed once.
    func insertIfAbsent(_ key: Value, value: Value, at location: SourceLocation?) throws {
        let hashKey = try DictKey(key, at: location)
        if positions != nil {
            // Hashed once: the probe that finds the key absent also stores its position.
            if let position = positions?.updateValue(keys.count, forKey: hashKey) {
                positions?[hashKey] = position
                return
            }
            keys.append(key)
            values.append(value)
            hashKeys.append(hashKey)
            generation += 1
            return
        }
        guard !hashKeys.contains(hashKey) else { return }
        append(key, hashKey, value: value)
    }

    /// Makes room for `count` entries, so that filling an empty dict of a known size does not regrow it.
    func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        hashKeys.reserveCapacity(count)
        if count > Self.indexThreshold {
            if positions == nil { positions = Dictionary(uniqueKeysWithValues: zip(hashKeys, 0...)) }
            positions?.reserveCapacity(count)
        }
    }

    /// Stores every entry of `other`, in its order.
    func update(from other: DictStorage, at location: SourceLocation?) throws {
        for (key, value) in zip(other.keys, other.values) { try set(value, for: key, at: location) }
    }

    /// Removes `key` and returns its value, or nil when the dict lacks it.
    func remove(_ key: Value, at location: SourceLocation?) throws -> Value? {
        let hashKey = try DictKey(key, at: location)
        let found = positions != nil ? positions?.removeValue(forKey: hashKey) : hashKeys.firstIndex(of: hashKey)
        guard let position = found else { return nil }
        keys.remove(at: position)
        hashKeys.remove(at: position)
        let value = values.remove(at: position)
        if positions != nil {
            for later in hashKeys[position...] { positions?[later, default: 0] -= 1 }
        }
        generation += 1
        return value
    }

    /// Empties the dict.
    func removeAll() {
        keys = []
        values = []
        hashKeys = []
        positions = nil
        generation += 1
    }

    /// A shallow copy: the same keys and values in a new dict.
    func copy(tracked: Bool = true) -> DictStorage {
        let copy = tracked ? DictStorage() : DictStorage(untracked: ())
        (copy.keys, copy.values, copy.hashKeys, copy.positions) = (keys, values, hashKeys, positions)
        return copy
    }

    /// What a loop over the dict, or one of its views, visits.
    enum Part: String {
        case keys, values, items
    }

    /// The key, the value or the `(key, value)` pair at a position.
    func element(_ part: Part, at index: Int) -> Value {
        switch part {
        case .keys: keys[index]
        case .values: values[index]
        case .items: .tuple([keys[index], values[index]])
        }
    }

    /// Calls `body` with each key, value or `(key, value)` pair in order until it returns
    /// false; a RuntimeError when the body adds or removes keys, as in Python.
    func visit(_ part: Part, at location: SourceLocation?, _ body: (Value) throws -> Bool) throws {
        let (startGeneration, startCount) = (generation, count)
        var index = 0
        while index < keys.count {
            guard try body(element(part, at: index)) else { return }
            guard generation == startGeneration else {
                let change = count == startCount ? "keys changed" : "changed size"
                throw ScriptError(.runtime, "dictionary \(change) during iteration", at: location,
                                  hint: "loop over a copy of the keys instead: for key in list(d):")
            }
            index += 1
        }
    }

    /// The KeyError for a missing key: a near spelling, a key of another type that reads
    /// the same (`1` for `'1'`), or the keys there are.
    func missingKey(_ key: Value, interpreter: Interpreter, at location: SourceLocation?) -> ScriptError {
        let shown = Display.repr(key, interpreter: interpreter)
        let names = keys.compactMap { key -> String? in if case .string(let name) = key { name } else { nil } }
        var hint: String
        if case .string(let name) = key, let near = Diagnostic.closestName(to: name, among: names) {
            hint = "did you mean \(Display.quoted(near))?"
        } else if let twin = keys.first(where: { Display.str($0, interpreter: interpreter) == Display.str(key, interpreter: interpreter) }) {
            hint = "the dict has the key \(Display.repr(twin, interpreter: interpreter)), \(twin.typeNameWithArticle), not \(key.typeNameWithArticle)"
        } else if keys.isEmpty {
            hint = "the dict is empty"
        } else {
            let listed = keys.prefix(8).map { Display.repr($0, interpreter: interpreter) }.joined(separator: ", ")
            hint = "its keys: " + listed + (count > 8 ? ", … (\(count) in all)" : "")
                + "; d.get(key, default) gives a default for a missing key"
        }
        return ScriptError(.key, "key \(shown) is not in the dict", at: location, hint: hint)
    }
}
