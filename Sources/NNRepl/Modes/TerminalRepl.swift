import Foundation
import NNScript
import NNTerminal

/// The interactive REPL on a terminal: prompts, line editing, history,
/// completion and Ctrl-C, around a ``ReplSession``.
final class TerminalRepl {
    private let session: ReplSession
    private let editor: LineEditor
    private let history: HistoryStore?
    private var buffer = EntryBuffer()
    /// Set once a failure to save the history was reported, so it is reported only once.
    private var reportedSaveProblem = false

    init(session: ReplSession, editor: LineEditor, history: HistoryStore?) {
        self.session = session
        self.editor = editor
        self.history = history
        if let history { editor.use(history) }
        session.history = history
        session.hasLineEditor = true
        let completer = Completer(session: session)
        editor.onTab(complete: { [unowned self] line in
            completer.complete(line, atEntryStart: buffer.isEmpty)
        }, list: { candidates in
            // On a line of its own; libedit then draws the prompt and the line again below.
            StandardStream.write("\n" + CandidateList.render(candidates, width: TerminalSize.columns()) + "\n", to: 1)
        })
    }

    /// Reads and runs entries until Ctrl-D or `:quit`, saving the history as it goes.
    func run() -> Int32 {
        let console = session.console
        if let problem = history?.problem { console.error("nnlearn: " + problem) }
        InterruptSignal.install()
        loop: while true {
            let indent = buffer.lines.last.map(AutoIndent.columns(after:)) ?? 0
            switch editor.read(prompt: prompt(), indent: indent, text: session.takeEditorText()) {
            case .interrupted:
                // Ctrl-C at the prompt drops what was typed, including unfinished lines above.
                buffer.clear()
                console.out("\n")
            case .end:
                // An unfinished block is kept in the history, so the next session can finish it.
                history?.add(buffer.lines.joined(separator: "\n"))
                console.out("\n")
                break loop
            case .line(let typed):
                // Ctrl-D typed while a cell ran reaches the next line as a literal U+0004: never code, so dropped.
                let text = typed.contains("\u{04}") ? typed.filter { $0 != "\u{04}" } : typed
                // The session keeps each whole entry in the history; a block edited as one is one entry.
                let entry = text.contains("\n") ? buffer.addBlock(text) : buffer.add(text)
                // A blank line does nothing, except in a lesson, where Enter steps on.
                if entry == .needsMore || (entry == .empty && session.lesson == nil) { continue }
                let result = ControlEcho.suppressed { session.handle(entry) }
                // Saved after every entry, so a session that is killed keeps its lines.
                saveHistory()
                if result == .quit { break loop }
                console.out("\n")
            }
        }
        saveHistory()
        return 0
    }

    private func saveHistory() {
        guard let message = history?.save(), !reportedSaveProblem else { return }
        reportedSaveProblem = true
        session.console.error("nnlearn: " + message)
    }

    private func prompt() -> String {
        let colour = session.console.colour
        return buffer.isEmpty ? EditorPrompt.input(session.nextNumber, colour: colour)
            : EditorPrompt.continuation(session.nextNumber, colour: colour)
    }
}
