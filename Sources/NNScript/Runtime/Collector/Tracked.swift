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
    /// Joins the running program's heap.
    @inline(__always) func track() { Heap.withCurrent { $0.add(self, .instance) } }
}
extension ScriptClass {
    /// Joins the running program's heap.
    @inline(__always) func track() { Heap.withCurrent { $0.add(self, .scriptClass) } }
}
extension ListStorage {
    /// Joins the running program's heap.
    @inline(__always) func track() { Heap.withCurrent { $0.add(self, .list) } }
}
extension DictStorage {
    /// Joins the running program's heap.
    @inline(__always) func track() { Heap.withCurrent { $0.add(self, .dict) } }
}
extension SetObject {
    /// Joins the running program's heap.
    @inline(__always) func track() { Heap.withCurrent { $0.add(self, .set) } }
}
extension Function {
    /// Joins the running program's heap, with the frames it closes over: a frame is tracked only once
    /// a function that can outlive the call closes over it, so that ordinary calls pay nothing.
    @inline(__always) func track() {
        Heap.withCurrent { heap in
            heap.add(self, .function)
            var scope: Scope? = closure
            while let frame = scope, frame.heapLink.heap == nil {
                heap.add(frame, .scope)
                scope = frame.parent
            }
        }
    }
}
