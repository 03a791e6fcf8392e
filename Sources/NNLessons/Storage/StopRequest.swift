import NNScript
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C in the batch commands: stops the running cell or check block, then
/// `grade`, `grade --watch` and `replay` stop and summarise what ran.
///
/// The interpreter clears ``Interruption`` when it stops a block, so the watch
/// loop keeps a flag of its own that nothing clears but a new watch.
public enum StopRequest {
    /// Set by the handler; the watch loop stops when it sees it.
    public static let stopRequested = Atomic<Bool>(false)

    /// Installs the SIGINT handler for the rest of the process.
    public static func install() {
        // Touch both flags first: lazy initialisation must not happen inside the handler.
        Interruption.clear()
        stopRequested.store(false, ordering: .relaxed)
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            Interruption.request()
            StopRequest.stopRequested.store(true, ordering: .relaxed)
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            Interruption.request()
            StopRequest.stopRequested.store(true, ordering: .relaxed)
        }
        #endif
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
    }

    /// Whether Ctrl-C was pressed since `install()`.
    public static var isRequested: Bool { stopRequested.load(ordering: .relaxed) }
}
