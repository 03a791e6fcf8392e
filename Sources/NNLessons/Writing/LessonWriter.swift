import Foundation
import NNScript

/// Writes cells as a lesson file that `nnlearn replay` passes unchanged (the REPL's `:save FILE.md`).
public enum LessonWriter {
    /// One cell to write: its code and what it printed.
    public struct Cell: Sendable, Equatable {
        public var source: String
        public var output: String

        public init(source: String, output: String) {
            self.source = source
            self.output = output
        }
    }

    /// The lesson Markdown: a `# title` heading, then each cell in an `nn` fence and its output block.
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
            text += "\n\(ticks)nn\n\(source.isEmpty ? "" : source + "\n")\(ticks)\n"
            let output = LessonReplay.normalise(cell.output)
            if !output.isEmpty {
                let outputTicks = Fence.backticks(for: output)
                text += "\n\(outputTicks)output\n\(output)\n\(outputTicks)\n"
            }
        }
        return text
    }

    /// Writes ``markdown(title:cells:)`` to `url` atomically.
    ///
    /// The outputs must be what the code prints in a fresh interpreter with
    /// errors named `cell n` (see ``LessonReplay/errorFileName(cell:)``) for
    /// replay to pass; ``record(title:sources:folder:)`` guarantees that.
    public static func write(title: String, cells: [Cell], to url: URL) throws {
        try AtomicFile.write(Data(markdown(title: title, cells: cells).utf8), to: url)
    }

    /// Runs `sources` as a lesson would (fresh interpreter, seed 0) and pairs each with its output.
    ///
    /// Blank lines around each source are dropped first.
    /// A REPL session's outputs depend on its history (the random stream,
    /// earlier experiments, error names); re-running the kept cells gives
    /// outputs that replay reproduces exactly.
    public static func record(sources: [String], folder: URL) -> [Cell] {
        let interpreter = LessonReplay.makeInterpreter(folder: folder)
        return sources.enumerated().map { index, source in
            let code = trimBlankLines(source)
            let result = interpreter.runCell(code, file: LessonReplay.errorFileName(cell: index + 1))
            return Cell(source: code, output: result.output)
        }
    }

    /// The text without blank lines at its start and end (a fence shows them as empty code lines).
    static func trimBlankLines(_ text: String) -> String {
        let lines = LineDiff.lines(text.replacingOccurrences(of: "\r\n", with: "\n"))
        guard let first = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }),
              let last = lines.lastIndex(where: { !$0.trimmingWhitespace().isEmpty }) else { return "" }
        return lines[first...last].joined(separator: "\n")
    }
}
