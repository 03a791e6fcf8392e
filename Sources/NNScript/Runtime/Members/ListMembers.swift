/// Methods of lists, as in Python.
enum ListMembers {
    static let table = MemberTable<ListStorage>([
        .method("append", item: "Adds an item at the end.") { list, item, location, interpreter in
            list.items.append(item)
            try interpreter.checkGrowth(list.items.count, at: location)
            return .none
        },
        .method("extend", "items", doc: "Adds every item of another list.") { list, args, interpreter in
            let items = args.named["items"] ?? .none
            try interpreter.iterate(items, at: args.location) {
                list.items.append($0)
                try interpreter.checkGrowth(list.items.count, at: args.location)
                return true
            }
            return .none
        },
        .method("insert", "index, item", doc: "Inserts an item before a position.") { list, args, _ in
            let index = try args.integer("index")
            let resolved = Swift.min(Swift.max(index < 0 ? index + list.items.count : index, 0), list.items.count)
            list.items.insert(args.named["item"] ?? .none, at: resolved)
            return .none
        },
        .method("pop", "index=", doc: "Removes and returns an item (the last by default).") { list, args, _ in
            guard !list.items.isEmpty else { throw ScriptError(.index, "pop from an empty list", at: args.location) }
            let index = try args.integer("index", default: -1)
            let resolved = index < 0 ? index + list.items.count : index
            guard list.items.indices.contains(resolved) else {
                throw ScriptError(.index, "pop index \(index) is out of range", at: args.location)
            }
            return list.items.remove(at: resolved)
        },
        .method("count", "item", doc: "How many items equal item.") { list, args, _ in
            .integer(SequenceSearch.count(args.named["item"] ?? .none, in: list.items))
        },
        .method("index", "item, start=, stop=", doc: "The position of the first item equal to item, searching items[start:stop].") { list, args, interpreter in
            guard let position = try SequenceSearch.index(in: list.items, args) else {
                let item = Display.repr(args.named["item"] ?? .none, interpreter: interpreter)
                throw ScriptError(.value, "\(item) is not in list", at: args.location)
            }
            return .integer(position)
        },
        .method("reverse", "", doc: "Reverses the list in place.") { list, _, _ in list.items.reverse(); return .none },
        .method("sort", "key=, reverse=", doc: "Sorts in place, as sorted(items, key=None, reverse=False) does.") { list, args, interpreter in
            list.items = try Sorting.sorted(list.items, key: args.value("key"), reverse: try args.bool("reverse", default: false),
                                            interpreter: interpreter, at: args.location)
            return .none
        },
        .method("copy", "", doc: "A shallow copy.") { list, _, _ in .list(ListStorage(list.items)) },
    ])
}
