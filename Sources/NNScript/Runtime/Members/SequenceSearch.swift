/// `count` and `index` of lists and tuples, as Python's.
enum SequenceSearch {
    /// How many of `items` equal `item`.
    static func count(_ item: Value, in items: [Value]) -> Int {
        var count = 0
        for candidate in items where Interpreter.equal(candidate, item) { count &+= 1 }
        return count
    }

    /// The position of the first of `items[start:stop]` equal to the argument `item`; `start` and `stop`
    /// count from the end when negative and are clamped, as slice bounds are. Nil when there is none.
    static func index(in items: [Value], _ args: Arguments) throws -> Int? {
        let item = args.named["item"] ?? .none
        let start = bound(try args.integer("start", default: 0), count: items.count)
        let stop = Swift.max(start, bound(try args.integer("stop", default: items.count), count: items.count))
        return items[start..<stop].firstIndex { Interpreter.equal($0, item) }
    }

    private static func bound(_ index: Int, count: Int) -> Int {
        index < 0 ? Swift.max(0, index &+ count) : Swift.min(index, count)
    }
}

/// Methods of tuples, as in Python.
enum TupleMembers {
    static let table = MemberTable<[Value]>([
        .method("count", "item", doc: "How many items equal item.") { items, args, _ in
            .integer(SequenceSearch.count(args.named["item"] ?? .none, in: items))
        },
        .method("index", "item, start=, stop=", doc: "The position of the first item equal to item, searching items[start:stop].") { items, args, _ in
            guard let position = try SequenceSearch.index(in: items, args) else {
                throw ScriptError(.value, "tuple.index(x): x not in tuple", at: args.location)
            }
            return .integer(position)
        },
    ])
}
