import Foundation

/// How ops record, in the current task: whether they build the graph for
/// backward, whether they check every result for NaN and Inf, and the running
/// program's budget their results are charged to.
///
/// One task-local value for all three, because ops read it on every call and each
/// task-local read costs a lookup.
struct RecordingMode: Sendable {
    var buildsGraph = true
    var detectsAnomalies = false
    var budget: ResourceBudget?

    /// The task-local slot, a constant: a `@TaskLocal static var` is a global variable whose every
    /// read would pass a dynamic exclusivity check.
    static let local = TaskLocal(wrappedValue: RecordingMode())

    /// The mode of the current task.
    ///
    /// Every op reads it, and a task-local read costs a few hundred instructions, so the
    /// scopes that set it (``withValue(_:operation:)``, all synchronous) also leave it in a
    /// thread-local slot for the thread that runs them, read first here. A task started
    /// inside such a scope runs on another thread, finds that slot empty and reads the
    /// task-local value, which it inherited.
    static var current: RecordingMode {
        guard let raw = pthread_getspecific(threadSlot) else { return local.get() }
        return Unmanaged<ModeBox>.fromOpaque(raw).takeUnretainedValue().mode
    }

    /// Runs `operation` with `mode` as the current task's mode.
    static func withValue<Result>(_ mode: RecordingMode, operation: () throws -> Result) rethrows -> Result {
        let box = ModeBox(mode)
        let outer = pthread_getspecific(threadSlot)
        pthread_setspecific(threadSlot, Unmanaged.passUnretained(box).toOpaque())
        defer {
            pthread_setspecific(threadSlot, outer)
            withExtendedLifetime(box) {}
        }
        return try local.withValue(mode, operation: operation)
    }
}

/// A mode held for the thread-local slot, which stores a pointer (kept alive by the scope that set it).
private final class ModeBox {
    let mode: RecordingMode
    init(_ mode: RecordingMode) { self.mode = mode }
}

/// The key of the thread-local slot that mirrors the innermost mode set on this thread.
private let threadSlot: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()

/// Whether ops record the graph; off inside a no-grad scope.
public enum GradMode {
    /// Whether ops currently record the graph for backward.
    public static var isRecording: Bool { RecordingMode.current.buildsGraph }

    /// Runs `body` without recording the graph, as `torch.no_grad()` does:
    /// for parameter updates and evaluation.
    public static func withoutGrad<Result>(_ body: () throws -> Result) rethrows -> Result {
        var mode = RecordingMode.current
        mode.buildsGraph = false
        return try RecordingMode.withValue(mode, operation: body)
    }
}

/// Opt-in detection of the first op whose value or gradient becomes NaN or Inf.
///
/// Like PyTorch's `detect_anomaly`: slower, because every result is scanned,
/// but it names the op and describes its inputs instead of letting a NaN
/// travel silently to the loss.
public enum Anomaly {
    /// Whether detection is on in this scope.
    public static var isDetecting: Bool { RecordingMode.current.detectsAnomalies }

    /// Runs `body` with detection switched on or off.
    public static func detecting<Result>(_ on: Bool = true, _ body: () throws -> Result) rethrows -> Result {
        var mode = RecordingMode.current
        mode.detectsAnomalies = on
        return try RecordingMode.withValue(mode, operation: body)
    }

    /// Throws when `values` hold a NaN or Inf although every input was finite.
    static func check(_ values: [Double], op: String, inputs: OpInputs, phase: String) throws {
        guard let bad = values.first(where: { !$0.isFinite }) else { return }
        let inputsFinite = inputs.allSatisfy { $0.data.allSatisfy(\.isFinite) }
        guard inputsFinite || phase == "backward" else { return }
        let described = inputs.enumerated().map { index, input in
            let finite = input.data.filter(\.isFinite)
            let range = finite.isEmpty ? "no finite values" : "values in [\(format(finite.min() ?? 0)), \(format(finite.max() ?? 0))]"
            return "input \(index) \(input.label.map { "'\($0)' " } ?? "")shape \(describe(input.shape)), \(range)"
        }.joined(separator: "; ")
        throw CoreError(op, "anomaly: the \(phase) pass produced \(format(bad)) (\(described))")
    }

    private static func format(_ value: Double) -> String {
        value.isNaN ? "nan" : value.isInfinite ? (value > 0 ? "inf" : "-inf") : "\(value)"
    }
}
