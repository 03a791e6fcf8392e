import Foundation
import NNScript

/// One output of a notebook code cell, as nbformat 4 stores it.
public enum NotebookOutput: Equatable, Sendable {
    /// Text the cell printed.
    case stream(String)
    /// The value of a top-level expression (Out[n]).
    case result(String)
    /// A figure: its terminal drawing and, when the cell drew it, its SVG.
    case figure(text: String, svg: String?)
    /// A table: its text and its HTML.
    case table(text: String, html: String)
    /// The error that stopped the cell: kind, message, the rendered diagnostic.
    case error(name: String, value: String, rendered: String)

    /// The text this output adds to the cell's recorded output.
    public var text: String {
        switch self {
        case .stream(let text): text
        case .result(let text), .figure(let text, _), .table(let text, _): text + "\n"
        case .error(_, _, let rendered): rendered + "\n"
        }
    }

    /// The output as nbformat's JSON.
    func json(executionCount: Int) -> [String: Any] {
        switch self {
        case .stream(let text):
            return ["output_type": "stream", "name": "stdout", "text": NotebookJSON.lines(text)]
        case .result(let text):
            return ["output_type": "execute_result", "execution_count": executionCount,
                    "data": ["text/plain": NotebookJSON.lines(text)], "metadata": [String: Any]()]
        case .figure(let text, let svg):
            var data: [String: Any] = ["text/plain": NotebookJSON.lines(text)]
            if let svg { data["image/svg+xml"] = NotebookJSON.lines(svg) }
            return ["output_type": "display_data", "data": data, "metadata": [String: Any]()]
        case .table(let text, let html):
            return ["output_type": "display_data", "data": ["text/plain": NotebookJSON.lines(text), "text/html": NotebookJSON.lines(html)],
                    "metadata": [String: Any]()]
        case .error(let name, let value, let rendered):
            return ["output_type": "error", "ename": name, "evalue": value,
                    "traceback": rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)]
        }
    }

    /// The output read back from nbformat's JSON; nil for kinds nnlearn does not write.
    init?(json: [String: Any]) {
        let data = json["data"] as? [String: Any] ?? [:]
        switch json["output_type"] as? String {
        case "stream": self = .stream(NotebookJSON.text(json["text"]))
        case "execute_result": self = .result(NotebookJSON.text(data["text/plain"]))
        case "display_data" where data["text/html"] != nil && data["image/svg+xml"] == nil:
            self = .table(text: NotebookJSON.text(data["text/plain"]), html: NotebookJSON.text(data["text/html"]))
        case "display_data":
            self = .figure(text: NotebookJSON.text(data["text/plain"]), svg: data["image/svg+xml"].map(NotebookJSON.text))
        case "error":
            let traceback = (json["traceback"] as? [String] ?? []).joined(separator: "\n")
            self = .error(name: json["ename"] as? String ?? "", value: json["evalue"] as? String ?? "", rendered: traceback)
        default: return nil
        }
    }

    /// Runs a lesson's cells in a fresh interpreter, as replay does, and keeps each cell's outputs apart:
    /// prints, values, figures with their SVG, the error.
    public static func record(_ lesson: Lesson, folder: URL, timeLimit: TimeInterval? = nil) -> [[NotebookOutput]] {
        let sink = Sink()
        let base = LessonReplay.makeInterpreter(folder: folder, timeLimit: timeLimit)
        var host = base.host
        host.output = { sink.print($0) }
        host.display = { shown in
            switch shown.kind {
            case .result: sink.add(.result(shown.text))
            case .figure: sink.add(.figure(text: shown.text, svg: shown.svg))
            case .table: sink.add(.table(text: shown.text, html: shown.html ?? ""))
            }
        }
        let interpreter = Interpreter(host: host)
        return lesson.cells.map { cell in
            guard !cell.interrupted else { return [] }
            sink.outputs = []
            let result = interpreter.runCell(cell.source, file: LessonReplay.errorFileName(cell: cell.number))
            if let error = result.error, let rendered = result.renderedError {
                sink.add(.error(name: error.kind.rawValue, value: error.message, rendered: rendered))
            }
            sink.flush()
            return sink.outputs
        }
    }

    /// Gathers one cell's outputs; consecutive prints make one stream.
    private final class Sink: @unchecked Sendable {
        var outputs: [NotebookOutput] = []
        private var pending = ""

        func print(_ text: String) { pending += text }

        func add(_ output: NotebookOutput) {
            flush()
            outputs.append(output)
        }

        func flush() {
            if !pending.isEmpty { outputs.append(.stream(pending)) }
            pending = ""
        }
    }
}

/// nbformat's conventions for text.
enum NotebookJSON {
    /// A multi-line string as nbformat writes it: a list of lines, each but the last ending in "\n".
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A multi-line string read back: a string, or a list of strings joined.
    static func text(_ value: Any?) -> String {
        if let text = value as? String { return text }
        return (value as? [String] ?? []).joined()
    }
}
