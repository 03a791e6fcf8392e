import CEditLine
import NNScript
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C in the REPL: stops a running cell, or clears the line at the prompt.
///
/// The handler only stores two flags (both async-signal-safe): the
/// interpreter's, which the running cell checks at its next step on its own
/// thread, and the line editor's, which ends the line being read.
enum InterruptSignal {
    /// Installs the SIGINT handler for the rest of the process.
    static func install() {
        // Touch the flag first: its lazy initialisation must not happen inside the handler.
        Interruption.clear()
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            Interruption.request()
            nn_editor_note_interrupt()
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            Interruption.request()
            nn_editor_note_interrupt()
        }
        #endif
        // No SA_RESTART: a blocking read must return so the prompt can be cleared.
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
    }
}
