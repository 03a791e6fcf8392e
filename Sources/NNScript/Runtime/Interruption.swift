import Synchronization

/// A request to stop a running program, checked between steps.
public final class InterruptRequest: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A request not yet made.
    public init() {}

    /// Asks the running program to stop at its next step (async-signal-safe: an atomic store).
    public func request() { flag.store(true, ordering: .relaxed) }

    /// Clears a pending request (before each cell).
    public func clear() { flag.store(false, ordering: .relaxed) }

    /// Whether a stop was asked for and not yet taken.
    public var isRequested: Bool { flag.load(ordering: .relaxed) }
}

/// The process's own stop requests, both set by Ctrl-C (the handler is `InterruptSignal` in NNRepl).
public enum Interruption {
    /// The request the SIGINT handler sets and the interpreter that stops takes back: hosts hand it to interpreters.
    public static let shared = InterruptRequest()
    /// Ctrl-C was pressed since the handler was installed: nothing clears it, so batch work
    /// (replay, grading, `grade --watch`) stops after the running cell or block.
    public static let pressed = InterruptRequest()

    /// Asks the running program to stop at its next step.
    public static func request() { shared.request() }

    /// Clears a pending request (before each cell).
    public static func clear() { shared.clear() }

    /// Whether Ctrl-C was pressed and not yet taken.
    public static var isRequested: Bool { shared.isRequested }
}
