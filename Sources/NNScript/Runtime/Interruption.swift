import Synchronization

/// A request to stop the running program, set by Ctrl-C and checked between steps.
public enum Interruption {
    /// Set from the SIGINT handler (an atomic store is async-signal-safe).
    public static let flag = Atomic<Bool>(false)

    /// Asks the running program to stop at its next step.
    public static func request() { flag.store(true, ordering: .relaxed) }

    /// Clears a pending request (before each cell).
    public static func clear() { flag.store(false, ordering: .relaxed) }

    static var isRequested: Bool { flag.load(ordering: .relaxed) }
}
