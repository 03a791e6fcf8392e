import Foundation
import NNScript
import NNTerminal

/// Writes cells as a lesson file (the REPL's `:save FILE.md`): what the learner saw, never re-run.
public enum LessonWriter {
    /// The lesson Markdown: a `# title` heading, then each cell in a `python nn` fence and its output block.
    ///
    /// Outputs are normalised as replay compares them; a cell that printed
    /// nothing gets no output block. Code is kept as it ran (only a final line
    /// break goes), because error line numbers in the outputs count from its first line.
    public static func markdown(title: String, cells: [LessonCell]) -> String {
        var text = "# \(title.split(whereSeparator: \.isNewline).joined(separator: " "))\n"
        for cell in cells {
            let info = cell.interrupted ? LessonParser.cellInfo + " " + LessonParser.interruptedMark : LessonParser.cellInfo
            text += "\n" + Fence.block(LessonReplay.normalise(cell.source), info: info) + "\n"
            let output = LessonReplay.normalise(cell.expectedOutput)
            if !output.isEmpty { text += "\n" + Fence.block(output, info: "output") + "\n" }
        }
        return text
    }

    /// Writes ``markdown(title:cells:)`` to `url` atomically.
    public static func write(title: String, cells: [LessonCell], to url: URL) throws {
        try AtomicFile.write(Data(markdown(title: title, cells: cells).utf8), to: url)
    }

    /// A session's cell as a lesson records it, from what it printed under the name `file`: its errors
    /// renamed `cell number` (as replay names them) and terminal styles dropped. Nothing is run again.
    public static func captured(source: String, output: String, file: String, number: Int, interrupted: Bool) -> LessonCell {
        let name = LessonReplay.errorFileName(cell: number)
        let lines = DisplayWidth.withoutEscapes(output).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(file + ":") ? name + line.dropFirst(file.count) : String(line)
        }
        return LessonCell(number: number, source: trimBlankLines(source), output: lines.joined(separator: "\n"),
                          interrupted: interrupted)
    }

    /// The text without blank lines at its start and end (a fence shows them as empty code lines).
    static func trimBlankLines(_ text: String) -> String {
        let lines = LineDiff.lines(text.replacingOccurrences(of: "\r\n", with: "\n"))
        guard let first = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }),
              let last = lines.lastIndex(where: { !$0.trimmingWhitespace().isEmpty }) else { return "" }
        return lines[first...last].joined(separator: "\n")
    }
}
