import Foundation
import NNRepl
import NNScript
import NNTerminal

/// The notebook's side of the kernel: one REPL session whose variables live across cells,
/// answering the shell requests on the worker thread.
///
/// Only the worker thread touches it once the kernel runs (the loop hands it requests in turn).
final class KernelSession: @unchecked Sendable {
    /// What the kernel reports about itself in `kernel_info_reply`.
    let version: String
    let session: ReplSession
    private let iopub: IOPub
    private let outbox: Outbox
    private let messenger: Messenger
    /// The `In [n]` of the last stored cell.
    private(set) var executionCount = 0
    /// Whether the cell running now is silent: then it shows no values.
    private var isSilent = false
    /// The error of the cell running now, if one stopped it.
    private var failure: ScriptError?
    /// What the running cell's commands wrote to standard error (a failed command's message).
    private let errorText = LockedText()
    /// `input()`'s questions to the front end and its answers.
    let stdin: StdinRequests

    init(version: String, iopub: IOPub, outbox: Outbox, messenger: Messenger, baseDirectory: URL) {
        self.version = version
        self.iopub = iopub
        self.outbox = outbox
        self.messenger = messenger
        let errors = errorText
        let stdin = StdinRequests(outbox: outbox, messenger: messenger, iopub: iopub)
        self.stdin = stdin
        let console = ReplConsole(colour: .plain,
                                  output: { iopub.stream("stdout", $0) },
                                  error: { text in
                                      errors.append(text)
                                      iopub.stream("stderr", text)
                                  },
                                  input: { stdin.read($0) })
        session = ReplSession(console: console, style: .plain, baseDirectory: baseDirectory)
        session.forgetsEarlierStops = false
        session.displaySink = { [unowned self] in show($0) }
        session.errorSink = { [unowned self] error, rendered in
            failure = error
            iopub.send("error", Self.errorContent(error, rendered: rendered))
        }
    }

    /// Answers one shell request, then tells the loop it may take the next.
    func handle(_ request: KernelMessage) {
        iopub.parent = request
        let reply = answer(request)
        // What the cell printed goes out before its reply.
        iopub.flush()
        if let (type, content) = reply { outbox.post(.shell, messenger.reply(to: request, type, content)) }
        iopub.send("status", ["execution_state": "idle"])
        outbox.post(.done)
    }

    private func answer(_ request: KernelMessage) -> (String, JSONObject)? {
        switch request.type {
        case "kernel_info_request": return ("kernel_info_reply", kernelInfo)
        case "execute_request": return ("execute_reply", execute(request))
        case "is_complete_request": return ("is_complete_reply", isComplete(request.string("code") ?? ""))
        case "complete_request":
            let code = request.string("code") ?? ""
            return ("complete_reply", complete(code, cursor: request.integer("cursor_pos") ?? code.unicodeScalars.count))
        case "inspect_request":
            let code = request.string("code") ?? ""
            return ("inspect_reply", inspect(code, cursor: request.integer("cursor_pos") ?? code.unicodeScalars.count))
        case "history_request": return ("history_reply", ["status": "ok", "history": [Any]()])
        case "comm_info_request": return ("comm_info_reply", ["status": "ok", "comms": JSONObject()])
        default:
            // Unknown requests (comm messages, debug) get no reply, as the protocol allows.
            FileHandle.standardError.write(Data("nnlearn kernel: ignored a \(request.type)\n".utf8))
            return nil
        }
    }

    /// `kernel_info_reply`'s content: the protocol version, the language and how to highlight it.
    var kernelInfo: JSONObject {
        ["status": "ok", "protocol_version": "5.3", "implementation": "nnlearn", "implementation_version": version,
         "language_info": ["name": "nnlearn", "version": version, "mimetype": "text/x-nnlearn", "file_extension": ".nn",
                           "pygments_lexer": "python", "codemirror_mode": "python", "nbconvert_exporter": "script"],
         "banner": "nnlearn \(version): neural networks, one traced gradient at a time. :help lists the commands.",
         "help_links": [Any]()]
    }

    // MARK: Execute

    /// Runs a cell: its code, and any `:command` lines at the left margin, in order.
    func execute(_ request: KernelMessage) -> JSONObject {
        let code = request.string("code") ?? ""
        isSilent = request.flag("silent", default: false)
        stdin.begin(request, allowsInput: request.flag("allow_stdin", default: false))
        if request.flag("store_history", default: !isSilent) { executionCount += 1 }
        let number = executionCount
        if !isSilent { iopub.send("execute_input", ["code": code, "execution_count": number]) }
        failure = nil
        errorText.clear()
        var commandFailed = false
        pieces: for piece in PipedRepl.pieces(of: code) {
            switch piece {
            case .code(let source, let firstLine):
                // Blank lines in front keep the line numbers of errors those of the whole cell.
                let padded = String(repeating: "\n", count: firstLine - 1) + source
                if !session.runCell(padded, file: "In[\(number)]") { break pieces }
            case .command(let line):
                if session.runCommand(line) == .failure {
                    commandFailed = true
                    break pieces
                }
            }
        }
        if let failure {
            var content = Self.errorContent(failure, rendered: nil)
            content["status"] = "error"
            content["execution_count"] = number
            return content
        }
        if commandFailed {
            let message = errorText.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return ["status": "error", "execution_count": number, "ename": "CommandError", "evalue": message,
                    "traceback": [message]]
        }
        return ["status": "ok", "execution_count": number, "user_expressions": JSONObject(), "payload": [Any]()]
    }

    /// A value as `execute_result` (Out[n]), a figure as `display_data` with its SVG, a table with its HTML.
    private func show(_ shown: Shown) {
        guard !isSilent else { return }
        switch shown.kind {
        case .result:
            iopub.send("execute_result", ["execution_count": executionCount, "data": ["text/plain": shown.text],
                                          "metadata": JSONObject()])
        case .figure, .table:
            var data: JSONObject = ["text/plain": shown.text]
            if let svg = shown.svg { data["image/svg+xml"] = svg }
            if let html = shown.html { data["text/html"] = html }
            iopub.send("display_data", ["data": data, "metadata": JSONObject(), "transient": JSONObject()])
        }
    }

    /// The fields of an `error` message: the kind as ename, the message, the rendering as the traceback.
    static func errorContent(_ error: ScriptError, rendered: String?) -> JSONObject {
        let traceback = (rendered ?? error.description).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return ["ename": error.kind.rawValue, "evalue": error.message, "traceback": traceback]
    }

    // MARK: Is complete, complete, inspect

    /// Whether a front end should run the code or wait for another line, by the REPL's rules.
    func isComplete(_ code: String) -> JSONObject {
        if code.drop(while: \.isWhitespace).hasPrefix(":") { return ["status": "complete"] }
        switch Parser.status(of: code) {
        case .complete: return ["status": "complete"]
        case .invalid: return ["status": "invalid"]
        case .incomplete:
            let lastLine = code.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            return ["status": "incomplete", "indent": String(repeating: " ", count: AutoIndent.columns(after: lastLine))]
        }
    }

    /// The REPL's completions at the cursor: builtins, variables, attributes after a dot, `:commands`.
    func complete(_ code: String, cursor: Int) -> JSONObject {
        let scalars = Array(code.unicodeScalars)
        let end = max(0, min(cursor, scalars.count))
        let before = String(String.UnicodeScalarView(scalars[..<end]))
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        let line = String(lines.last ?? "")
        let completion = Completer(session: session).complete(line, atEntryStart: lines.count == 1)
        let word = Self.word(before: line, candidates: completion.candidates)
        var matches = completion.candidates
        if matches.isEmpty, !completion.insertion.isEmpty, !(word.isEmpty && completion.insertion.allSatisfy(\.isWhitespace)) {
            matches = [word + completion.insertion]
        }
        return ["status": "ok", "matches": matches, "cursor_start": end - word.unicodeScalars.count, "cursor_end": end,
                "metadata": JSONObject()]
    }

    /// The text being completed: the name at the end of the line, or the longest end of the line
    /// that the candidates start with (a file path).
    static func word(before line: String, candidates: [String]) -> String {
        let name = String(line.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        guard let first = candidates.first, !first.hasPrefix(name) || name.isEmpty else { return name }
        let tail = String(line.reversed().prefix { !$0.isWhitespace }.reversed())
        var start = tail.startIndex
        while start < tail.endIndex, !first.hasPrefix(tail[start...]) { start = tail.index(after: start) }
        return String(tail[start...])
    }

    /// The help text (signature, formula, doc) of the name at the cursor.
    func inspect(_ code: String, cursor: Int) -> JSONObject {
        let scalars = Array(code.unicodeScalars)
        let end = max(0, min(cursor, scalars.count))
        let isNamePart: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" }
        var start = end
        while start > 0, isNamePart(scalars[start - 1]) { start -= 1 }
        var stop = end
        while stop < scalars.count, isNamePart(scalars[stop]) { stop += 1 }
        let name = String(String.UnicodeScalarView(scalars[start..<stop]))
        guard !name.isEmpty,
              let text = try? Help.text(for: .string(name), interpreter: session.interpreter, at: SourceLocation(line: 1, column: 1)) else {
            return ["status": "ok", "found": false, "data": JSONObject(), "metadata": JSONObject()]
        }
        return ["status": "ok", "found": true, "data": ["text/plain": text], "metadata": JSONObject()]
    }
}

/// Text appended from several threads.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""

    var text: String { lock.withLock { value } }
    func append(_ text: String) { lock.withLock { value += text } }
    func clear() { lock.withLock { value = "" } }
}
