import CEditLine
import Foundation

/// An interactive line reader on the terminal: libedit with Emacs keys,
/// history (Up, Down, Ctrl-R), Tab completion and blocks of several lines
/// edited as one (Enter as ``EnterKey`` decides; Up and Down move between
/// their lines).
final class LineEditor {
    /// What one read produced.
    enum Input: Equatable {
        /// A line, without its newline (a block edited as one holds line breaks).
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line (or one of only spaces), or the terminal closed.
        case end
    }

    private let editor: OpaquePointer
    /// Kept alive while libedit holds a pointer to it.
    private var bridge: CompletionBridge?

    /// Opens libedit on standard input and output; nil when it cannot start.
    init?() {
        // Streams of our own on the standard descriptors: libedit writes and flushes them itself.
        guard let input = fdopen(0, "r"), let output = fdopen(1, "w"), let errors = fdopen(2, "w"),
              let editor = nn_editor_open("nnlearn", input, output, errors) else { return nil }
        self.editor = editor
        nn_editor_set_enter(editor, { before, after, forceBreak, _ in
            guard let before, let after else { return -1 }
            switch EnterKey.action(before: String(cString: before), after: String(cString: after), forceBreak: forceBreak != 0) {
            case .accept: return -1
            case .breakLine(let indent): return Int32(clamping: indent)
            }
        }, nil)
    }

    deinit { nn_editor_close(editor) }

    /// Reads a line after drawing `prompt` (which may hold escapes marked by ``EditorPrompt``).
    ///
    /// The line starts with `indent` spaces already typed, which the learner
    /// may delete, unless input is already waiting: a pasted block brings its
    /// own indentation. Ctrl-D on a line of only spaces ends input as on an
    /// empty one. `text`, when given, is in the line instead, cursor at its
    /// end, ready to edit: it may hold several lines.
    func read(prompt: String, indent: Int = 0, text: String? = nil) -> Input {
        nn_editor_set_prompt(editor, prompt)
        nn_editor_prefill(editor, text == nil ? Int32(clamping: indent) : 0)
        nn_editor_prefill_text(editor, text)
        var interrupted: Int32 = 0
        let line = nn_editor_read_line(editor, &interrupted)
        if interrupted != 0 {
            nn_editor_reset(editor)
            return .interrupted
        }
        guard let line else { return .end }
        var text = String(cString: line)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return .line(text)
    }

    /// Lets Up, Down and Ctrl-R search this history.
    func use(_ history: HistoryStore) {
        nn_editor_set_history(editor, history.list)
    }

    /// Answers Tab: `complete` gets the text left of the cursor, `list` shows several candidates.
    func onTab(complete: @escaping (String) -> Completion, list: @escaping ([String]) -> Void) {
        let bridge = CompletionBridge(complete: complete, list: list)
        self.bridge = bridge
        nn_editor_set_completion(editor, { line, insert, capacity, context in
            guard let line, let insert, let context, capacity > 0 else { return 0 }
            let bridge = Unmanaged<CompletionBridge>.fromOpaque(context).takeUnretainedValue()
            return bridge.answer(String(cString: line), into: insert, capacity: Int(capacity))
        }, Unmanaged.passUnretained(bridge).toOpaque())
    }
}

/// Carries the Swift completion functions through libedit's C callback.
private final class CompletionBridge {
    let complete: (String) -> Completion
    let list: ([String]) -> Void

    init(complete: @escaping (String) -> Completion, list: @escaping ([String]) -> Void) {
        self.complete = complete
        self.list = list
    }

    /// Fills the C buffer with the text to insert and returns the shim's status code.
    func answer(_ line: String, into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        let completion = complete(line)
        let bytes = Array(completion.insertion.utf8)
        let fits = bytes.count < capacity
        buffer[0] = 0
        if fits {
            for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
            buffer[bytes.count] = 0
        }
        if !completion.candidates.isEmpty {
            list(completion.candidates)
            return 2
        }
        return fits && !bytes.isEmpty ? 1 : 0
    }
}
