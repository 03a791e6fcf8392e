import CEditLine
import NNScript
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C, for every command that handles it: stops a running cell or check block, clears
/// the line at the REPL's prompt, and tells batch work (replay, grading) to stop and summarise.
///
/// The one SIGINT handler of the process. It only stores three flags (all
/// async-signal-safe): ``Interruption/shared``, which the running program checks at
/// its next step on its own thread and takes back; ``Interruption/pressed``, which
/// stays set; and the line editor's, which ends the line being read.
public enum InterruptSignal {
    /// Installs the SIGINT handler for the rest of the process.
    public static func install() {
        // Touch the flags first: their lazy initialisation must not happen inside the handler.
        Interruption.clear()
        Interruption.pressed.clear()
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            Interruption.request()
            Interruption.pressed.request()
            nn_editor_note_interrupt()
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            Interruption.request()
            Interruption.pressed.request()
            nn_editor_note_interrupt()
        }
        #endif
        // No SA_RESTART: a blocking read must return so the prompt can be cleared.
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
    }
}
