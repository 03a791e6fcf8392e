import Foundation
import NNScript
import NNTerminal

/// Where a session writes: standard output and error on a terminal or in a pipe,
/// or two buffers in tests.
///
/// A running cell writes from the interpreter's thread while the main thread
/// waits for it, so the console is shared between threads; the lock orders the
/// writes and guards the progress-bar state.
public final class ReplConsole: @unchecked Sendable {
    /// Whether text may carry colour escapes.
    public let colour: ColourPolicy
    private let lock = NSLock()
    private let writeOutput: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void
    /// True while a progress bar occupies the current output line.
    private var progressIsShown = false
    /// Reads a line for `input(prompt)`; nil when nothing can be typed (a capturing console).
    public let input: ((String) -> NNScript.Host.InputLine)?

    /// A console writing through two functions and reading `input()`'s lines through a third.
    public init(colour: ColourPolicy,
                output: @escaping @Sendable (String) -> Void,
                error: @escaping @Sendable (String) -> Void,
                input: ((String) -> NNScript.Host.InputLine)? = nil) {
        self.colour = colour
        writeOutput = output
        writeError = error
        self.input = input
    }

    /// A console on the process's standard output and error, unbuffered so that
    /// prints appear as they happen and interleave correctly with errors.
    public static func standard(colour: ColourPolicy) -> ReplConsole {
        ReplConsole(colour: colour,
                    output: { StandardStream.write($0, to: 1) },
                    error: { StandardStream.write($0, to: 2) },
                    input: NNScript.Host.standardInput(output: { StandardStream.write($0, to: 1) }))
    }

    /// A console that keeps what is written, for tests and for capturing a command's text.
    public static func capturing(colour: ColourPolicy = .plain) -> (ReplConsole, CapturedText) {
        let captured = CapturedText()
        let console = ReplConsole(colour: colour,
                                  output: { captured.append(output: $0) },
                                  error: { captured.append(error: $0) })
        return (console, captured)
    }

    /// Writes text to standard output.
    public func out(_ text: String) {
        lock.withLock {
            clearProgressLocked()
            writeOutput(text)
        }
    }

    /// Writes a line to standard output.
    public func line(_ text: String) { out(text + "\n") }

    /// Writes a message to standard error, red when colour is on.
    public func error(_ text: String) {
        lock.withLock {
            clearProgressLocked()
            writeError(colour.paint(text, .red) + "\n")
        }
    }

    /// Draws a transient status line (a progress bar) over the current line.
    public func progress(_ text: String) {
        lock.withLock {
            writeOutput("\r\u{1B}[K" + text)
            progressIsShown = true
        }
    }

    /// Removes a progress bar, if one is shown, so the next text starts on a clean line.
    public func endProgress() {
        lock.withLock { clearProgressLocked() }
    }

    private func clearProgressLocked() {
        guard progressIsShown else { return }
        writeOutput("\r\u{1B}[K")
        progressIsShown = false
    }
}

/// Text written to a capturing console.
public final class CapturedText: @unchecked Sendable {
    private let lock = NSLock()
    private var outputText = ""
    private var errorText = ""

    /// Everything written to standard output so far.
    public var output: String { lock.withLock { outputText } }
    /// Everything written to standard error so far.
    public var error: String { lock.withLock { errorText } }

    func append(output text: String) { lock.withLock { outputText += text } }
    func append(error text: String) { lock.withLock { errorText += text } }

    /// Forgets what was captured.
    public func clear() { lock.withLock { outputText = ""; errorText = "" } }
}
