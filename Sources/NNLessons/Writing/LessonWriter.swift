import Foundation
import NNScript
import NNTerminal

/// Writes cells as a lesson file (the REPL's `:save FILE.md`): what the learner saw, never re-run.
public enum LessonWriter {
    /// One cell to write: its code and what it printed.
    public struct Cell: Sendable, Equatable {
        public var source: String
        public var output: String
        /// Ctrl-C stopped it: written as ```` ```python nn interrupted ````, which replay shows as recorded without running it.
        public var interrupted: Bool

        public init(source: String, output: String, interrupted: Bool = false) {
            self.source = source
            self.output = output
            self.interrupted = interrupted
        }
    }

    /// The lesson Markdown: a `# title` heading, then each cell in a `python nn` fence and its output block.
    ///
    /// Outputs are normalised as replay compares them; a cell that printed
    /// nothing gets no output block. Fences are made longer than any run of
    /// backticks that starts a line inside them, so no content can close them.
    /// Code is kept as it ran (only a final line break goes), because error
    /// line numbers in the outputs count from its first line.
    public static func markdown(title: String, cells: [Cell]) -> String {
        var text = "# \(title.split(whereSeparator: \.isNewline).joined(separator: " "))\n"
        for cell in cells {
            let source = LessonReplay.normalise(cell.source)
            let ticks = Fence.backticks(for: source)
            let info = cell.interrupted ? LessonParser.cellInfo + " " + LessonParser.interruptedMark : LessonParser.cellInfo
            text += "\n\(ticks)\(info)\n\(source.isEmpty ? "" : source + "\n")\(ticks)\n"
            let output = LessonReplay.normalise(cell.output)
            if !output.isEmpty {
                let outputTicks = Fence.backticks(for: output)
                text += "\n\(outputTicks)output\n\(output)\n\(outputTicks)\n"
            }
        }
        return text
    }

    /// Writes ``markdown(title:cells:)`` to `url` atomically.
    public static func write(title: String, cells: [Cell], to url: URL) throws {
        try AtomicFile.write(Data(markdown(title: title, cells: cells).utf8), to: url)
    }

    /// A session's cell as a lesson records it, from what it printed under the name `file`: its errors
    /// renamed `cell number` (as replay names them) and terminal styles dropped. Nothing is run again.
    public static func captured(source: String, output: String, file: String, number: Int, interrupted: Bool) -> Cell {
        let name = LessonReplay.errorFileName(cell: number)
        let lines = DisplayWidth.withoutEscapes(output).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(file + ":") ? name + line.dropFirst(file.count) : String(line)
        }
        return Cell(source: trimBlankLines(source), output: lines.joined(separator: "\n"), interrupted: interrupted)
    }

    /// The text without blank lines at its start and end (a fence shows them as empty code lines).
    static func trimBlankLines(_ text: String) -> String {
        let lines = LineDiff.lines(text.replacingOccurrences(of: "\r\n", with: "\n"))
        guard let first = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }),
              let last = lines.lastIndex(where: { !$0.trimmingWhitespace().isEmpty }) else { return "" }
        return lines[first...last].joined(separator: "\n")
    }
}
