import Foundation
import NNScript
import NNTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts the REPL the way `nnlearn` (or `nnlearn repl`) was run: interactive
/// on a terminal, or reading all of a pipe.
public enum ReplMain {
    /// Runs a session to its end and returns the exit status.
    ///
    /// `configure` sees the session before the first entry: the place to
    /// register more commands (lessons, exercises) or another notebook writer.
    public static func run(banner: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                           configure: (ReplSession) -> Void = { _ in }) -> Int32 {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        // libedit decodes typed UTF-8 (é, →) only under the user's UTF-8 locale; set before it opens.
        setlocale(LC_CTYPE, "")
        guard isatty(0) == 1, let editor = LineEditor() else {
            // Not a terminal: the same output as `nnlearn run -`, plus any :commands.
            let session = ReplSession(console: .standard(colour: .plain), style: .plain,
                                      graphics: NNScript.Host.Graphics.detect(environment: environment), baseDirectory: base)
            configure(session)
            let input: Data
            do {
                input = try StandardStream.readAll(descriptor: 0, name: "standard input")
            } catch {
                session.console.error("nnlearn: \(error)\n")
                return 1
            }
            let text = String(decoding: input, as: UTF8.self)
            // A lesson opened by `configure` (`nnlearn lesson`) is stepped through line by line.
            return session.lesson == nil ? PipedRepl.run(text, in: session) : PipedRepl.stepLesson(text, in: session)
        }
        let colour = ColourPolicy.detect(fileDescriptor: 1, environment: environment)
        let session = ReplSession(console: .standard(colour: colour), style: .notebook, drawsProgress: isatty(1) == 1,
                                  graphics: NNScript.Host.Graphics.detect(environment: environment), baseDirectory: base)
        session.console.out(banner + "\n\n")
        configure(session)
        let history = HistoryStore(url: HistoryStore.defaultURL(environment: environment))
        return TerminalRepl(session: session, editor: editor, history: history).run()
    }
}
