/// What a tracked object is, so that the collector can reach its fields from an untyped pointer.
enum TrackedKind: UInt8 {
    case instance, scriptClass, function, scope, list, dict, set

    /// An estimate of the object's own size, before the arrays it holds (which each collection measures).
    var bytes: Int {
        switch self {
        case .instance: 80
        case .scriptClass: 160
        case .function: 176
        case .scope: 112
        case .list: 48
        case .dict: 128
        case .set: 40
        }
    }
}

extension TrackedEntry {
    /// Calls `body` with the object's link, without retaining the object (it may be in its `deinit`).
    @inline(__always)
    func withLink<T>(_ body: (inout HeapLink) -> T) -> T {
        switch kind {
        case .instance: Unmanaged<Instance>.fromOpaque(object)._withUnsafeGuaranteedRef { body(&$0.heapLink) }
        case .scriptClass: Unmanaged<ScriptClass>.fromOpaque(object)._withUnsafeGuaranteedRef { body(&$0.heapLink) }
        case .function: Unmanaged<Function>.fromOpaque(object)._withUnsafeGuaranteedRef { body(&$0.heapLink) }
        case .scope: Unmanaged<Scope>.fromOpaque(object)._withUnsafeGuaranteedRef { body(&$0.heapLink) }
        case .list: Unmanaged<ListStorage>.fromOpaque(object)._withUnsafeGuaranteedRef { body(&$0.heapLink) }
        case .dict: Unmanaged<DictStorage>.fromOpaque(object)._withUnsafeGuaranteedRef { body(&$0.heapLink) }
        case .set: Unmanaged<SetObject>.fromOpaque(object)._withUnsafeGuaranteedRef { body(&$0.heapLink) }
        }
    }
}

// Each tracked type joins the running program's heap as it is made, and leaves it as it goes.
extension Instance {
    /// Joins `heap` (its interpreter's).
    @inline(__always) func track(in heap: Heap) { heap.add(self, .instance, link: &heapLink) }
    /// Leaves its heap.
    @inline(__always) func untrack() { heapLink.leave(.instance) }
}
extension ScriptClass {
    /// Joins the running program's heap.
    @inline(__always) func track() { Heap.withCurrent { $0.add(self, .scriptClass, link: &heapLink) } }
    /// Leaves its heap.
    @inline(__always) func untrack() { heapLink.leave(.scriptClass) }
}
extension ListStorage {
    /// Joins the running program's heap.
    @inline(__always) func track() { Heap.withCurrent { $0.add(self, .list, link: &heapLink) } }
    /// Leaves its heap.
    @inline(__always) func untrack() { heapLink.leave(.list) }
}
extension DictStorage {
    /// Joins the running program's heap.
    @inline(__always) func track() { Heap.withCurrent { $0.add(self, .dict, link: &heapLink) } }
    /// Leaves its heap.
    @inline(__always) func untrack() { heapLink.leave(.dict) }
}
extension SetObject {
    /// Joins the running program's heap.
    @inline(__always) func track() { Heap.withCurrent { $0.add(self, .set, link: &heapLink) } }
    /// Leaves its heap.
    @inline(__always) func untrack() { heapLink.leave(.set) }
}
extension Scope {
    /// Leaves its heap.
    @inline(__always) func untrack() { heapLink.leave(.scope) }
}
extension Function {
    /// Joins a heap with the frames it closes over: a frame is tracked only once a function that can
    /// outlive the call closes over it, so that ordinary calls pay nothing. The heap is that of the
    /// nearest tracked frame it closes over (the globals, after the first function), else the running program's.
    @inline(__always) func track() {
        var untracked = 0
        var frame: Unmanaged<Scope>? = Unmanaged.passUnretained(closure)
        var found: UnsafeMutableRawPointer?
        while let scope = frame {
            found = scope._withUnsafeGuaranteedRef { $0.heapLink.address }
            if found != nil { break }
            untracked &+= 1
            frame = scope._withUnsafeGuaranteedRef { $0.parentUnretained }
        }
        if let heap = found {
            Unmanaged<Heap>.fromOpaque(heap)._withUnsafeGuaranteedRef { join($0, untracked: untracked) }
        } else {
            Heap.withCurrent { join($0, untracked: untracked) }
        }
    }

    /// Adds the function and the first `untracked` frames of its closure to `heap`.
    @inline(__always) private func join(_ heap: Heap, untracked: Int) {
        heap.add(self, .function, link: &heapLink)
        var frame = Unmanaged.passUnretained(closure)
        for index in 0..<untracked {
            frame._withUnsafeGuaranteedRef { heap.add($0, .scope, link: &$0.heapLink) }
            if index &+ 1 < untracked, let parent = frame._withUnsafeGuaranteedRef({ $0.parentUnretained }) { frame = parent }
        }
    }

    /// Leaves its heap.
    @inline(__always) func untrack() { heapLink.leave(.function) }
}
