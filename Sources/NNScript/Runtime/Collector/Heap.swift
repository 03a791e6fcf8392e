import Foundation
import NNCore
import Synchronization

/// The objects of one interpreter that can take part in a reference cycle (instances, classes, functions,
/// the frames functions close over, lists, dicts and sets), so that ``collect(releasing:)`` can free cycles
/// that reference counting alone never frees.
///
/// The registry is an array of untyped pointers: tracking an object appends to it, and an object leaving
/// it (in its `deinit`) moves the last entry into its place, so both cost a few instructions. The heap in
/// use is installed for the thread that runs a program (``install(_:)``), as the memory budget is; objects
/// made while no program runs are not tracked, which only means their cycles are not freed.
final class Heap {
    /// Guards the registry: an object may be released on another thread than the one running the program.
    private let lock = Atomic<Bool>(false)
    /// The tracked objects; each one's ``HeapLink/index`` is its position.
    @exclusivity(unchecked) var entries: [TrackedEntry] = []
    /// Objects tracked since the last collection.
    @exclusivity(unchecked) private(set) var allocations = 0
    /// A collection is due after this many allocations: the larger of ``minimumThreshold`` and the survivors of the last one.
    @exclusivity(unchecked) private(set) var threshold: Int
    /// An estimate of the bytes the tracked objects take: measured by each collection, plus the allocations since.
    @exclusivity(unchecked) private(set) var bytes = 0
    /// Past this many bytes a collection is due (the room the memory budget left at the last collection).
    @exclusivity(unchecked) var byteLimit = Int.max
    /// Whether the next safe point should collect: polled by the interpreter's step count.
    @exclusivity(unchecked) private(set) var isDue = false
    /// How many collections ran, and how many objects they freed.
    @exclusivity(unchecked) private(set) var collections = 0
    @exclusivity(unchecked) private(set) var freedObjects = 0
    /// Set when the interpreter that owns the heap is gone while objects it made are still alive elsewhere:
    /// the heap keeps itself until the last of them leaves.
    @exclusivity(unchecked) private var orphan: Unmanaged<Heap>?

    /// Allocations between collections when nothing else decides (CPython's first generation is 700; a
    /// larger number keeps collections rare in programs that make many short-lived objects).
    static let minimumThreshold = 10_000
    /// A collection after every `n` allocations, to make bugs in tracing show at once (tests, and
    /// `NNLEARN_COLLECT_EVERY=n` in the environment); nil in normal use.
    nonisolated(unsafe) static var stressInterval: Int? = getenv("NNLEARN_COLLECT_EVERY").flatMap { Int(String(cString: $0)) }.flatMap { $0 > 0 ? $0 : nil }

    /// This heap's ``stressInterval``.
    @exclusivity(unchecked) private var forcedInterval: Int?

    init() {
        forcedInterval = Heap.stressInterval
        threshold = forcedInterval ?? Heap.minimumThreshold
    }

    /// Collects after every `interval` allocations from now on (nil: the normal schedule); for tests.
    func collectEvery(_ interval: Int?) {
        forcedInterval = interval
        threshold = interval ?? max(Heap.minimumThreshold, trackedCount)
    }

    /// The number of objects tracked now.
    var trackedCount: Int { withLock { entries.count } }

    @inline(__always)
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        while !lock.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {}
        defer { lock.store(false, ordering: .releasing) }
        return try body()
    }

    /// Adds `object` to the registry.
    func add(_ object: AnyObject, _ kind: TrackedKind) {
        TrackedEntry(object: Unmanaged.passUnretained(object).toOpaque(), kind: kind).withLink { add(object, kind, link: &$0) }
    }

    /// Adds `object`, whose link is `link`, to the registry.
    @inline(__always)
    func add(_ object: AnyObject, _ kind: TrackedKind, link: inout HeapLink) {
        let entry = TrackedEntry(object: Unmanaged.passUnretained(object).toOpaque(), kind: kind)
        withLock {
            link = HeapLink(heap: self, index: entries.count)
            entries.append(entry)
        }
        allocations &+= 1
        bytes &+= kind.bytes
        if allocations >= threshold || bytes > byteLimit { isDue = true }
    }

    /// Removes the object whose link is `link` (from its `deinit`): the last entry takes its place.
    func remove(_ kind: TrackedKind, link: inout HeapLink) {
        var releaseOrphan = false
        withLock {
            let position = link.index
            link = HeapLink()
            let last = entries.removeLast()
            if position < entries.count {
                entries[position] = last
                last.withLink { $0.index = position }
            }
            releaseOrphan = orphan != nil && entries.isEmpty
        }
        bytes &-= kind.bytes
        if releaseOrphan, let orphan {
            self.orphan = nil
            orphan.release()
        }
    }

    /// Marks the collection done: the next is due after as many allocations as survived (at least the minimum).
    func finishCollection(survivors: Int, measuredBytes: Int, freed: Int) {
        collections &+= 1
        freedObjects &+= freed
        allocations = 0
        isDue = false
        bytes = measuredBytes
        threshold = forcedInterval ?? max(Heap.minimumThreshold, survivors)
    }

    /// The interpreter that owns the heap is going: frees what only it held, and keeps the heap alive
    /// (for the objects still held elsewhere to leave it) when anything survives.
    func ownerReleased(root: Int?) {
        collect(releasing: root)
        withLock {
            if !entries.isEmpty { orphan = Unmanaged.passRetained(self) }
        }
    }

    // MARK: The heap of the running program

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The heap of the program running on this thread, unretained; nil while none runs.
    @inline(__always)
    static var current: UnsafeMutableRawPointer? { pthread_getspecific(key) }

    /// Runs `body` with `heap` as this thread's heap, then puts back the one before.
    static func install<T>(_ heap: Heap, _ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(heap).toOpaque())
        defer { pthread_setspecific(key, previous) }
        return try body()
    }

    /// Calls `body` with this thread's heap, when a program is running.
    @inline(__always)
    static func withCurrent(_ body: (Heap) -> Void) {
        guard let pointer = current else { return }
        Unmanaged<Heap>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
    }
}

/// Where a tracked object stands in its heap: the heap (by address, unretained: the heap outlives its
/// objects, and comparing addresses costs no reference counting) and the position.
struct HeapLink {
    var address: UnsafeMutableRawPointer?
    var index: Int

    init() { address = nil; index = 0 }
    init(heap: Heap, index: Int) { address = Unmanaged.passUnretained(heap).toOpaque(); self.index = index }

    /// The heap, or nil while the object is not tracked.
    var heap: Heap? { address.map { Unmanaged<Heap>.fromOpaque($0).takeUnretainedValue() } }

    /// Whether the object is in `heap`.
    @inline(__always)
    func isIn(_ heap: UnsafeMutableRawPointer) -> Bool { address == heap }

    /// Leaves the heap the object is in, if any (from the object's `deinit`).
    @inline(__always)
    mutating func leave(_ kind: TrackedKind) {
        guard let address else { return }
        Unmanaged<Heap>.fromOpaque(address)._withUnsafeGuaranteedRef { $0.remove(kind, link: &self) }
    }
}

/// One tracked object: its address, unretained, and what it is.
struct TrackedEntry {
    let object: UnsafeMutableRawPointer
    let kind: TrackedKind
}
