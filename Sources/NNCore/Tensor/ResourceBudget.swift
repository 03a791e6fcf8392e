import Synchronization

/// One interpreter's limits on what it asks of the core: the bytes of live tensor data,
/// and a stop check (Ctrl-C, a time limit) that long kernels poll.
///
/// Installed for a run with `ResourceBudget.local.withValue(budget) { … }`. Every tensor
/// created meanwhile is charged to it until it is freed, in ``Tensor``'s initializer and
/// deinitializer, so ops added later are covered without code of their own; result shapes
/// checked by `Shape.count` are refused before their memory is allocated.
public final class ResourceBudget: @unchecked Sendable {
    /// Installs the running program's budget: `ResourceBudget.local.withValue(budget) { … }`.
    public static let local = Slot()
    /// The budget of the running program on this thread, if any.
    public static var current: ResourceBudget? { RecordingMode.current.budget }

    /// The budget's place in the task-local value that ops read anyway (``RecordingMode``), so that
    /// an op reads its recording mode and its budget with one lookup.
    public struct Slot: Sendable {
        /// Runs `operation` with `budget` as the current task's budget.
        public func withValue<Result>(_ budget: ResourceBudget?, operation: () throws -> Result) rethrows -> Result {
            var mode = RecordingMode.current
            mode.budget = budget
            return try RecordingMode.withValue(mode, operation: operation)
        }

        /// The current task's budget.
        public func get() -> ResourceBudget? { RecordingMode.current.budget }
    }

    /// The most bytes of live tensor data (and of one new string or list) allowed.
    @exclusivity(unchecked) public var memoryLimit: Int
    /// Returns the error that stops the program now (interrupted, out of time), or nil; polled by long kernels.
    @exclusivity(unchecked) public var stopCheck: (() -> (any Error)?)?
    private let live = Atomic<Int>(0)
    /// An estimate of the bytes the program's own objects take (lists, dicts, instances, frames), kept by the
    /// interpreter's collector: they share the budget with tensor data.
    @exclusivity(unchecked) public var scriptBytes = 0
    /// What first went over the memory limit since the last checkpoint ("matmul [3000, 3000]").
    @exclusivity(unchecked) private var overdraft: String?
    /// A stop found by ``poll()``, thrown by the next ``checkpoint()``.
    @exclusivity(unchecked) private var pendingStop: (any Error)?

    /// Two gigabytes: the default budget of an interpreter.
    public static let defaultLimit = 2 << 30

    /// A budget of `memoryLimit` bytes of live tensor data.
    public init(memoryLimit: Int = ResourceBudget.defaultLimit) {
        self.memoryLimit = memoryLimit
    }

    /// Bytes of tensor data alive now.
    public var liveBytes: Int { live.load(ordering: .relaxed) }

    /// Bytes in use: tensor data and the program's objects.
    public var usedBytes: Int { liveBytes &+ scriptBytes }

    /// Whether a checkpoint would throw (memory over budget or a stop already found): one plain load.
    public var hasPending: Bool { overdraft != nil || pendingStop != nil }

    /// Counts a new tensor's bytes; over the limit, the next checkpoint throws a MemoryError naming it.
    func charge(_ bytes: Int, _ what: () -> String) {
        let total = live.add(bytes, ordering: .relaxed).newValue
        if total &+ scriptBytes > memoryLimit, overdraft == nil { overdraft = what() }
    }

    /// Returns a freed tensor's bytes.
    func release(_ bytes: Int) {
        live.subtract(bytes, ordering: .relaxed)
    }

    /// Records that something built without a check beforehand (a printed text) went past the
    /// budget; the next checkpoint throws a MemoryError naming it.
    public func overdraw(_ what: String) {
        if overdraft == nil { overdraft = what }
    }

    /// Refuses to build `bytes` more (a tensor, a string, a list) when they would not fit.
    public func reserve(_ bytes: Int, for what: @autoclosure () -> String) throws {
        let (total, overflow) = usedBytes.addingReportingOverflow(bytes)
        guard overflow || total > memoryLimit else { return }
        throw CoreError.memory(what(), needs: bytes, live: usedBytes, limit: memoryLimit)
    }

    /// Whether the program must stop; remembers why for the next ``checkpoint()``. For loops
    /// that cannot throw (kernels, printing): they finish early and their caller checkpoints.
    public func poll() -> Bool {
        if hasPending { return true }
        if let stop = stopCheck?() { pendingStop = stop }
        return pendingStop != nil
    }

    /// Throws when the memory budget was exceeded or the program must stop.
    public func checkpoint() throws {
        guard poll() else { return }
        if let overdraft {
            self.overdraft = nil
            throw CoreError.memory(overdraft, needs: 0, live: usedBytes, limit: memoryLimit)
        }
        if let stop = pendingStop {
            pendingStop = nil
            throw stop
        }
    }

    /// Forgets a pending stop or overdraft (before a new cell).
    public func clearPending() {
        overdraft = nil
        pendingStop = nil
    }

    /// ``checkpoint()`` of the current budget, when there is one.
    public static func checkpoint() throws {
        try current?.checkpoint()
    }

    /// Bytes from a size such as `2G`, `512M`, `1.5GB` or `800000000` (bytes); nil when malformed or not positive.
    public static func bytes(parsing text: String) -> Int? {
        var number = text.uppercased()
        if number.hasSuffix("B"), number.count > 1, !number.dropLast().allSatisfy(\.isNumber) { number.removeLast() }
        let scale: Double
        switch number.last {
        case "K": scale = Double(1 << 10)
        case "M": scale = Double(1 << 20)
        case "G": scale = Double(1 << 30)
        case "T": scale = Double(1 << 40)
        default: scale = 1
        }
        if scale > 1 { number.removeLast() }
        guard let value = Double(number), value > 0, (value * scale).isFinite, value * scale < 9e18 else { return nil }
        return Int(value * scale)
    }

    /// Gigabytes or megabytes, for messages: `2 GB`, `1.5 GB`, `512 MB`.
    public static func describe(bytes: Int) -> String {
        if bytes >= 1 << 30 {
            let tenths = Int((Double(bytes) / Double(1 << 30) * 10).rounded())
            return "\(tenths / 10)" + (tenths % 10 == 0 ? "" : ".\(tenths % 10)") + " GB"
        }
        return "\(Int((Double(bytes) / Double(1 << 20)).rounded())) MB"
    }
}

extension CoreError {
    /// Building `what` would take the live data past the memory budget (`bytes` 0: it already did).
    static func memory(_ what: String, needs bytes: Int, live: Int, limit: Int) -> CoreError {
        let budget = ResourceBudget.describe(bytes: limit), used = ResourceBudget.describe(bytes: live)
        var error = CoreError(what, bytes > 0
            ? "needs \(ResourceBudget.describe(bytes: bytes)), more than this session's memory budget of \(budget) allows (\(used) in use)"
            : "took this session's tensor data past its memory budget of \(budget) (\(used) in use)")
        error.kind = .memory
        return error
    }
}
