#if canImport(Darwin)
import Darwin
#endif

/// Trial deletion, as CPython's cycle collector does it:
/// 1. each tracked object's count starts as its runtime retain count;
/// 2. every reference a tracked object holds to another, directly or inside containers (arrays, bound
///    methods, a set's table) that only tracked objects hold, is subtracted from the other's count;
/// 3. an object whose count stays above zero is referenced from outside (the native stack, the host,
///    an untracked object) and is alive, with everything it reaches;
/// 4. the rest is referenced only by itself: its contents are cleared, which breaks the cycles, and
///    reference counting frees it.
/// Step 2 may undercount (a container held from outside is not looked into) but never overcount, so a
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
            var live = [Bool](repeating: true, count: count)
            if let layout {
                refs.withUnsafeMutableBufferPointer { refs in
                    var subtraction = ReferenceWalk(heap: self, layout: layout, visitor: Subtraction(refs: refs))
                    for entry in entries { subtraction.walk(entry) }
                    subtraction.subtractInternalShared()
                }
                var marking = ReferenceWalk(heap: self, layout: layout, visitor: Marking(count: count))
                for index in 0..<count where refs[index] > 0 || strongRetainCount(entries[index].object) == 0 {
                    // An object being freed on another thread (count 0) waits for the lock in its deinit: left alone.
                    marking.visitor.live[index] = true
                    if refs[index] > 0 { marking.visitor.pending.append(index) }
                }
                while let index = marking.visitor.pending.popLast() { marking.walk(entries[index]) }
                live = marking.visitor.live
                measured = marking.bytes
            } else {
                // Without the layout nothing is subtracted, so every object is held: only the sizes are counted.
                for entry in entries { measured &+= entry.kind.bytes }
            }
            // The survivors move to the front, in order; the garbage leaves the registry now, so that
            // freeing it does not take the lock once per object.
            var kept = 0
            for index in 0..<count {
                let entry = entries[index]
                if live[index] {
                    if kept != index {
                        entries[kept] = entry
                        entry.withLink { $0.index = kept }
                    }
                    kept += 1
                } else {
                    garbage.append(TrackedObject(entry))
                    entry.withLink { $0 = HeapLink() }
                }
            }
            entries.removeLast(count - kept)
            survivors = kept
        }
        // Cleared outside the lock: what the garbage releases may leave the heap in its deinit.
        for object in garbage { object.clear() }
        let freed = garbage.count
        garbage = []
        finishCollection(survivors: survivors, measuredBytes: measured, freed: freed)
        return freed
    }
}

/// What step 2 or 3 does with each reference a walk finds.
private protocol ReferenceVisitor {
    /// Whether containers held more than once are looked into (marking) or only counted (subtraction).
    static var followsShared: Bool { get }
    /// A reference to the tracked object at `index`.
    mutating func reach(_ index: Int)
}

/// Step 2: a reference from inside a tracked object is one fewer from outside.
private struct Subtraction: ReferenceVisitor {
    static let followsShared = false
    let refs: UnsafeMutableBufferPointer<Int>
    @inline(__always) mutating func reach(_ index: Int) { refs[index] -= 1 }
}

/// Step 3: everything a live object reaches is live.
private struct Marking: ReferenceVisitor {
    static let followsShared = true
    var live: [Bool]
    /// Live objects whose references are not followed yet.
    var pending: [Int] = []

    init(count: Int) { live = [Bool](repeating: false, count: count) }

    @inline(__always) mutating func reach(_ index: Int) {
        guard !live[index] else { return }
        live[index] = true
        pending.append(index)
    }
}

/// Something a tracked object holds that holds references in turn: an array's storage (of values, or
/// of a name table's entries), or an untracked object (a bound method, `super()`, a dict view, a set's table).
private struct Container: Hashable {
    enum Kind: UInt8 { case values, table, object }
    let address: UnsafeRawPointer
    let kind: Kind
}

/// Finds the references of tracked objects through raw memory (see ``RawLayout``), without retaining
/// anything: a container's retain count then says how many hold it, and one held once is the holder's own.
private struct ReferenceWalk<Visitor: ReferenceVisitor> {
    /// The heap's address, which the links of its objects hold.
    let address: UnsafeMutableRawPointer
    let layout: RawLayout
    var visitor: Visitor
    /// Containers still to look into: those nested deeper than ``maximumDepth`` wait here rather than
    /// deepen the recursion (tuples nest without limit).
    private var work: [Container] = []
    /// How deep the walk is in containers now.
    private var depth = 0
    static var maximumDepth: Int { 32 }
    /// Subtraction: how many references to each container held more than once were found inside tracked objects.
    private var shared: [Container: Int] = [:]
    /// Containers held more than once that were looked into already.
    private var seen: Set<Container> = []
    /// Marking: the bytes the live objects and their containers take, as malloc counts them.
    private(set) var bytes = 0

    init(heap: Heap, layout: RawLayout, visitor: Visitor) {
        address = Unmanaged.passUnretained(heap).toOpaque()
        self.layout = layout
        self.visitor = visitor
    }

    /// Every reference `entry`'s object holds, and those inside the containers only it holds.
    mutating func walk(_ entry: TrackedEntry) {
        if Visitor.followsShared { bytes &+= allocationSize(entry.object) }
        switch entry.kind {
        case .instance:
            Unmanaged<Instance>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { instance in
                reach(instance.type.heapLink)
                withUnsafeMutablePointer(to: &instance.fields) { reachTable($0) }
            }
        case .scriptClass:
            Unmanaged<ScriptClass>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { cls in
                if let base = cls.base { reach(base.heapLink) }
                withUnsafeMutablePointer(to: &cls.attributes) { reachTable($0) }
            }
        case .function:
            Unmanaged<Function>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { function in
                reach(function.closure.heapLink)
                withUnsafeMutablePointer(to: &function.defaults) { reach(Container(address: arrayStorage(at: $0), kind: .values)) }
            }
        case .scope:
            Unmanaged<Scope>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { scope in
                if let parent = scope.parent { reach(parent.heapLink) }
                // The slots are part of the frame's own allocation, so only the frame refers to them.
                let slots = scope.slots
                if var slot = slots.baseAddress.map(UnsafeRawPointer.init) {
                    for _ in 0..<slots.count {
                        reachValue(at: slot)
                        slot += layout.valueStride
                    }
                }
                withUnsafeMutablePointer(to: &scope.values) { reachTable($0) }
            }
        case .list:
            Unmanaged<ListStorage>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { list in
                withUnsafeMutablePointer(to: &list.items) { reach(Container(address: arrayStorage(at: $0), kind: .values)) }
            }
        case .dict:
            Unmanaged<DictStorage>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { reachItems(of: $0) }
        case .set:
            Unmanaged<SetObject>.fromOpaque(entry.object)._withUnsafeGuaranteedRef { set in
                let storage = set.storage
                if storage.heapLink.isIn(address) {
                    reach(storage.heapLink)
                } else {
                    reach(Container(address: UnsafeRawPointer(Unmanaged.passUnretained(storage).toOpaque()), kind: .object))
                }
            }
        }
        drain()
    }

    /// Subtraction, after every tracked object was walked: a container held more than once whose every
    /// holder was found inside tracked objects (a tuple two of them share, a bound method kept in two
    /// attributes) is theirs alone, so its references are subtracted too; that may complete others.
    mutating func subtractInternalShared() {
        var progress = true
        while progress {
            progress = false
            for (container, found) in shared where !seen.contains(container)
                && found == strongRetainCount(UnsafeMutableRawPointer(mutating: container.address)) {
                seen.insert(container)
                lookInto(container)
                drain()
                progress = true
            }
        }
    }

    @inline(__always)
    private mutating func reach(_ link: HeapLink) {
        if link.isIn(address) { visitor.reach(link.index) }
    }

    /// A container: looked into when held once; otherwise counted (subtraction) or looked into once (marking).
    private mutating func reach(_ container: Container) {
        // An empty array is the shared empty storage, which has nothing to look into.
        if container.kind != .object, container.address.load(fromByteOffset: layout.countOffset, as: Int.self) == 0 { return }
        if strongRetainCount(UnsafeMutableRawPointer(mutating: container.address)) == 1 {
            enter(container)
        } else if Visitor.followsShared {
            if seen.insert(container).inserted { enter(container) }
        } else {
            shared[container, default: 0] += 1
        }
    }

    @inline(__always)
    private mutating func enter(_ container: Container) {
        guard depth < Self.maximumDepth else { return work.append(container) }
        depth &+= 1
        lookInto(container)
        depth &-= 1
    }

    private mutating func drain() {
        while let container = work.popLast() { lookInto(container) }
    }

    private mutating func lookInto(_ container: Container) {
        if Visitor.followsShared { bytes &+= allocationSize(UnsafeMutableRawPointer(mutating: container.address)) }
        switch container.kind {
        case .values: reachArray(container.address, stride: layout.valueStride, valueOffset: 0)
        case .table: reachArray(container.address, stride: layout.entryStride, valueOffset: layout.entryValueOffset)
        case .object: reachObject(container.address)
        }
    }

    private mutating func reachTable(_ table: UnsafeMutablePointer<NameTable>) {
        let storage = UnsafeRawPointer(table).load(fromByteOffset: layout.tableEntriesOffset, as: UnsafeRawPointer.self)
        reach(Container(address: storage, kind: .table))
    }

    private mutating func reachItems(of dict: DictStorage) {
        withUnsafeMutablePointer(to: &dict.keys) { reach(Container(address: arrayStorage(at: $0), kind: .values)) }
        withUnsafeMutablePointer(to: &dict.values) { reach(Container(address: arrayStorage(at: $0), kind: .values)) }
    }

    private mutating func reachArray(_ storage: UnsafeRawPointer, stride: Int, valueOffset: Int) {
        let count = storage.load(fromByteOffset: layout.countOffset, as: Int.self)
        var element = storage + layout.elementsOffset + valueOffset
        for _ in 0..<count {
            reachValue(at: element)
            element += stride
        }
    }

    /// One value, read by its tag: a reference to a tracked object is reached; a container is queued.
    private mutating func reachValue(at value: UnsafeRawPointer) {
        let tag = value.load(fromByteOffset: layout.tagOffset, as: UInt8.self)
        let payload = value.load(as: UnsafeRawPointer.self)
        switch tag {
        case layout.tupleTag: reach(Container(address: payload, kind: .values))
        case layout.listTag: reach(Unmanaged<ListStorage>.fromOpaque(payload)._withUnsafeGuaranteedRef { $0.heapLink })
        case layout.dictTag: reach(Unmanaged<DictStorage>.fromOpaque(payload)._withUnsafeGuaranteedRef { $0.heapLink })
        case layout.functionTag: reach(Unmanaged<Function>.fromOpaque(payload)._withUnsafeGuaranteedRef { $0.heapLink })
        case layout.objectTag:
            switch payload.load(as: UnsafeRawPointer.self) {
            case layout.instanceType: reach(Unmanaged<Instance>.fromOpaque(payload)._withUnsafeGuaranteedRef { $0.heapLink })
            case layout.classType: reach(Unmanaged<ScriptClass>.fromOpaque(payload)._withUnsafeGuaranteedRef { $0.heapLink })
            case layout.setType: reach(Unmanaged<SetObject>.fromOpaque(payload)._withUnsafeGuaranteedRef { $0.heapLink })
            case layout.boundMethodType, layout.superProxyType, layout.dictViewType: reach(Container(address: payload, kind: .object))
            default: break  // not a type that can hold the language's objects
            }
        default: break
        }
    }

    /// The references of an untracked object that holds values: a bound method, `super()`, a dict view, a set's table.
    private mutating func reachObject(_ object: UnsafeRawPointer) {
        let pointer = UnsafeMutableRawPointer(mutating: object)
        switch object.load(as: UnsafeRawPointer.self) {
        case layout.boundMethodType:
            Unmanaged<BoundMethod>.fromOpaque(pointer)._withUnsafeGuaranteedRef { method in
                withUnsafePointer(to: method.receiver) { reachValue(at: UnsafeRawPointer($0)) }
                withUnsafePointer(to: method.function) { reachValue(at: UnsafeRawPointer($0)) }
            }
        case layout.superProxyType:
            Unmanaged<SuperProxy>.fromOpaque(pointer)._withUnsafeGuaranteedRef { proxy in
                if let start = proxy.start { reach(start.heapLink) }
                withUnsafePointer(to: proxy.receiver) { reachValue(at: UnsafeRawPointer($0)) }
            }
        case layout.dictViewType:
            Unmanaged<DictView>.fromOpaque(pointer)._withUnsafeGuaranteedRef { view in reach(view.dict.heapLink) }
        case layout.dictType:
            // Only a set's table is reached as an untracked dict: its values are all None.
            Unmanaged<DictStorage>.fromOpaque(pointer)._withUnsafeGuaranteedRef { dict in
                withUnsafeMutablePointer(to: &dict.keys) { reach(Container(address: arrayStorage(at: $0), kind: .values)) }
            }
        default: break
        }
    }
}

/// The bytes malloc set aside for an object or an array's storage, its header included.
@inline(__always)
private func allocationSize(_ pointer: UnsafeMutableRawPointer) -> Int {
    #if os(Linux)
    mallocUsableSize(pointer) &+ MemoryLayout<Int>.size
    #else
    malloc_size(pointer)
    #endif
}

#if os(Linux)
/// glibc's size of an allocation (malloc.h, which the Glibc module does not bring in).
@_silgen_name("malloc_usable_size")
private func mallocUsableSize(_ pointer: UnsafeMutableRawPointer) -> Int
#endif

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
