/// Trial deletion, as CPython's cycle collector does it:
/// 1. each tracked object's count starts as its runtime retain count;
/// 2. every reference a tracked object holds to another, directly or inside arrays only it holds,
///    is subtracted from the other's count;
/// 3. an object whose count stays above zero is referenced from outside (the native stack, the host,
///    an untracked object) and is alive, with everything it reaches;
/// 4. the rest is referenced only by itself: its contents are cleared, which breaks the cycles, and
///    reference counting frees it.
/// Step 2 may undercount (an array two holders share is not looked into) but never overcount, so a
/// live object is never freed; what it misses stays allocated until its cycle is broken.
extension Heap {
    /// Frees the tracked objects that only cycles among themselves keep alive; returns how many.
    /// `root` is the position of an object whose holder is going away (the globals of a discarded
    /// interpreter): its holder's reference does not keep it alive. A position rather than the object,
    /// so that no reference of the caller's is counted while the collection runs.
    @discardableResult
    func collect(releasing root: Int? = nil) -> Int {
        let layout = RawLayout.calibrated  // probed outside the lock: probing makes objects
        var garbage: [TrackedObject] = []
        var survivors = 0, measured = 0
        withLock {
            let count = entries.count
            var refs = entries.map { strongRetainCount($0.object) }
            if let root, root < count { refs[root] -= 1 }
            if let layout {
                refs.withUnsafeMutableBufferPointer { refs in
                    let subtraction = Subtraction(heap: self, layout: layout, refs: refs)
                    for entry in entries { subtraction.subtractReferences(of: entry) }
                }
            }
            var marking = Marking(heap: self, count: count)
            for index in 0..<count where refs[index] > 0 || strongRetainCount(entries[index].object) == 0 {
                // An object being freed on another thread (count 0) waits for the lock in its deinit: left alone.
                marking.live[index] = true
                if refs[index] > 0 { marking.pending.append(index) }
            }
            marking.markReachable()
            measured = marking.bytes
            for index in 0..<count where !marking.live[index] { garbage.append(TrackedObject(entries[index])) }
            survivors = count - garbage.count
        }
        // Cleared outside the lock: what the garbage releases leaves the heap in its deinit.
        for object in garbage { object.clear() }
        let freed = garbage.count
        garbage = []
        finishCollection(survivors: survivors, measuredBytes: measured, freed: freed)
        return freed
    }
}

/// Step 2 of ``Heap/collect(releasing:)``: reads arrays through raw memory, so that an array's retain
/// count is the number of its holders, and descends only into arrays held once.
private struct Subtraction {
    let heap: Heap
    let layout: RawLayout
    let refs: UnsafeMutableBufferPointer<Int>
    /// Tuples nested deeper are not looked into (which can only keep objects alive).
    static let maximumDepth = 64

    @inline(__always)
    func subtract(_ link: HeapLink) {
        if link.heap === heap { refs[link.index] -= 1 }
    }

    func subtractReferences(of entry: TrackedEntry) {
        switch entry.kind {
        case .instance:
            Unmanaged<Instance>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { instance in
                subtract(instance.type.heapLink)
                withUnsafeMutablePointer(to: &instance.fields) { subtractTable($0) }
            }
        case .scriptClass:
            Unmanaged<ScriptClass>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { cls in
                if let base = cls.base { subtract(base.heapLink) }
                withUnsafeMutablePointer(to: &cls.attributes) { subtractTable($0) }
            }
        case .function:
            Unmanaged<Function>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { function in
                subtract(function.closure.heapLink)
                withUnsafeMutablePointer(to: &function.defaults) { subtractValues(arrayStorage(at: $0), depth: 0) }
            }
        case .scope:
            Unmanaged<Scope>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { scope in
                if let parent = scope.parent { subtract(parent.heapLink) }
                // The slots are part of the frame's own allocation, so only the frame refers to them.
                let slots = scope.slots
                if var slot = slots.baseAddress.map(UnsafeRawPointer.init) {
                    for _ in 0..<slots.count {
                        subtractValue(at: slot, depth: 0)
                        slot += layout.valueStride
                    }
                }
                withUnsafeMutablePointer(to: &scope.values) { subtractTable($0) }
            }
        case .list:
            Unmanaged<ListStorage>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { list in
                withUnsafeMutablePointer(to: &list.items) { subtractValues(arrayStorage(at: $0), depth: 0) }
            }
        case .dict:
            Unmanaged<DictStorage>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { dict in
                withUnsafeMutablePointer(to: &dict.keys) { subtractValues(arrayStorage(at: $0), depth: 0) }
                withUnsafeMutablePointer(to: &dict.values) { subtractValues(arrayStorage(at: $0), depth: 0) }
            }
        case .set:
            Unmanaged<SetObject>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { set in subtract(set.storage.heapLink) }
        }
    }

    /// The values of a name table kept at `table`.
    private func subtractTable(_ table: UnsafeMutablePointer<NameTable>) {
        let storage = UnsafeRawPointer(table).load(fromByteOffset: layout.tableEntriesOffset, as: UnsafeRawPointer.self)
        subtractArray(storage, stride: layout.entryStride, valueOffset: layout.entryValueOffset, depth: 0)
    }

    private func subtractValues(_ storage: UnsafeRawPointer, depth: Int) {
        subtractArray(storage, stride: layout.valueStride, valueOffset: 0, depth: depth)
    }

    /// The values in an array's storage, when the array is held once (by the holder being traced).
    private func subtractArray(_ storage: UnsafeRawPointer, stride: Int, valueOffset: Int, depth: Int) {
        let count = storage.load(fromByteOffset: layout.countOffset, as: Int.self)
        // An empty array is the shared empty storage, which has nothing to look into.
        guard count > 0, strongRetainCount(UnsafeMutableRawPointer(mutating: storage)) == 1 else { return }
        var element = storage + layout.elementsOffset + valueOffset
        for _ in 0..<count {
            subtractValue(at: element, depth: depth)
            element += stride
        }
    }

    /// One value, read by its tag: a reference to a tracked object is subtracted; a tuple is looked into.
    private func subtractValue(at value: UnsafeRawPointer, depth: Int) {
        let tag = value.load(fromByteOffset: layout.tagOffset, as: UInt8.self)
        let kind: TrackedKind
        switch tag {
        case layout.tupleTag:
            if depth < Self.maximumDepth { subtractValues(value.load(as: UnsafeRawPointer.self), depth: depth + 1) }
            return
        case layout.listTag: kind = .list
        case layout.dictTag: kind = .dict
        case layout.functionTag: kind = .function
        case layout.objectTag:
            let object = value.load(as: UnsafeRawPointer.self)
            switch object.load(as: UnsafeRawPointer.self) {
            case layout.instanceType: kind = .instance
            case layout.classType: kind = .scriptClass
            case layout.setType: kind = .set
            default: return  // not a tracked type: its reference counts as one from outside
            }
        default: return
        }
        TrackedEntry(object: value.load(as: UnsafeMutableRawPointer.self), kind: kind).withLink { subtract($0) }
    }
}

/// Step 3 of ``Heap/collect(releasing:)``: everything reachable from the live objects is live. Follows
/// every reference it knows, shared arrays included, so it marks at least what step 2 subtracted.
private struct Marking {
    let heap: Heap
    var live: [Bool]
    /// Live objects whose references are not followed yet.
    var pending: [Int] = []
    /// Values whose references are not followed yet (the items of tuples, what bound methods hold).
    private var values: [Value] = []
    /// The estimated size of the live objects and their arrays.
    private(set) var bytes = 0

    init(heap: Heap, count: Int) {
        self.heap = heap
        live = [Bool](repeating: false, count: count)
    }

    mutating func markReachable() {
        while let index = pending.popLast() { trace(heap.entries[index]) }
    }

    private mutating func reach(_ link: HeapLink) {
        guard link.heap === heap, !live[link.index] else { return }
        live[link.index] = true
        pending.append(link.index)
    }

    private mutating func reach(_ value: Value) {
        values.append(value)
        while let value = values.popLast() {
            switch value {
            case .list(let list): reach(list.heapLink)
            case .dict(let dict): reach(dict.heapLink)
            case .function(let function): reach(function.heapLink)
            case .tuple(let items): values.append(contentsOf: items)
            case .object(let object):
                switch object {
                case let instance as Instance: reach(instance.heapLink)
                case let cls as ScriptClass: reach(cls.heapLink)
                case let set as SetObject: reach(set.heapLink)
                case let method as BoundMethod: values.append(method.receiver); values.append(method.function)
                case let proxy as SuperProxy:
                    if let start = proxy.start { reach(start.heapLink) }
                    values.append(proxy.receiver)
                case let view as DictView: reach(view.dict.heapLink)
                default: break
                }
            default: break
            }
        }
    }

    private mutating func reach(_ table: NameTable) {
        for entry in table.entries { reach(entry.value) }
        bytes &+= table.entries.capacity &* MemoryLayout<NameTable.Entry>.stride
    }

    private mutating func reach(_ items: [Value?]) {
        for case let item? in items { reach(item) }
        bytes &+= items.capacity &* MemoryLayout<Value?>.stride
    }

    private mutating func reach(_ items: [Value]) {
        for item in items { reach(item) }
        bytes &+= items.capacity &* MemoryLayout<Value>.stride
    }

    private mutating func trace(_ entry: TrackedEntry) {
        bytes &+= entry.kind.bytes
        switch entry.kind {
        case .instance:
            let instance = Unmanaged<Instance>.fromOpaque(entry.object).takeUnretainedValue()
            reach(instance.type.heapLink)
            reach(instance.fields)
        case .scriptClass:
            let cls = Unmanaged<ScriptClass>.fromOpaque(entry.object).takeUnretainedValue()
            if let base = cls.base { reach(base.heapLink) }
            reach(cls.attributes)
        case .function:
            let function = Unmanaged<Function>.fromOpaque(entry.object).takeUnretainedValue()
            reach(function.closure.heapLink)
            reach(function.defaults)
        case .scope:
            let scope = Unmanaged<Scope>.fromOpaque(entry.object).takeUnretainedValue()
            if let parent = scope.parent { reach(parent.heapLink) }
            for case let item? in scope.slots { reach(item) }
            bytes &+= scope.slotCount &* MemoryLayout<Value?>.stride
            reach(scope.values)
        case .list:
            reach(Unmanaged<ListStorage>.fromOpaque(entry.object).takeUnretainedValue().items)
        case .dict:
            let dict = Unmanaged<DictStorage>.fromOpaque(entry.object).takeUnretainedValue()
            reach(dict.keys)
            reach(dict.values)
        case .set:
            reach(Unmanaged<SetObject>.fromOpaque(entry.object).takeUnretainedValue().storage.heapLink)
        }
    }
}

/// A tracked object found to be garbage, held strongly while its contents are cleared.
private enum TrackedObject {
    case instance(Instance), scriptClass(ScriptClass), function(Function), scope(Scope)
    case list(ListStorage), dict(DictStorage), set(SetObject)

    init(_ entry: TrackedEntry) {
        let object = entry.object
        switch entry.kind {
        case .instance: self = .instance(Unmanaged.fromOpaque(object).takeUnretainedValue())
        case .scriptClass: self = .scriptClass(Unmanaged.fromOpaque(object).takeUnretainedValue())
        case .function: self = .function(Unmanaged.fromOpaque(object).takeUnretainedValue())
        case .scope: self = .scope(Unmanaged.fromOpaque(object).takeUnretainedValue())
        case .list: self = .list(Unmanaged.fromOpaque(object).takeUnretainedValue())
        case .dict: self = .dict(Unmanaged.fromOpaque(object).takeUnretainedValue())
        case .set: self = .set(Unmanaged.fromOpaque(object).takeUnretainedValue())
        }
    }

    /// Drops every reference the object holds to values, which breaks the cycles it is in.
    func clear() {
        switch self {
        case .instance(let instance): instance.fields = NameTable()
        case .scriptClass(let cls): cls.attributes = NameTable()
        case .function(let function): function.defaults = [Value?](repeating: nil, count: function.defaults.count)
        case .scope(let scope):
            // Unbound slots rather than none, so that the frame keeps its shape.
            let slots = scope.slots
            for index in slots.indices { slots[index] = nil }
            scope.values = NameTable()
        case .list(let list): list.items = []
        case .dict(let dict): dict.removeAll()
        case .set(let set): set.storage.removeAll()
        }
    }
}
