/// A lesson: a Markdown notebook of prose, code cells and their recorded outputs.
///
/// The model keeps the 1-based line numbers of every cell and output block so
/// diagnostics can point into the file and `replay --update` can rewrite the
/// output blocks without touching anything else.
public struct Lesson: Sendable, Equatable {
    /// The lesson's identifier: front matter `id`, else the file name without `.md`.
    public var id: String
    /// The title: front matter `title`, else the first `#` heading, else the id.
    public var title: String
    /// The position in the course: front matter `order`, else the file name's number prefix.
    public var order: Int?
    /// Ids of lessons to take first (front matter `prerequisites`).
    public var prerequisites: [String]
    /// Every front matter field as written (values unquoted), for later extensions.
    public var metadata: [String: String]
    /// The file name diagnostics use (the path as given).
    public var file: String
    /// Prose and code cells in file order; output blocks belong to their cells.
    public var blocks: [LessonBlock]
    /// The `exercise` and `check` blocks in file order (they are also in `blocks`, as prose).
    public var exerciseBlocks: [ExerciseBlock] = []

    /// Creates a lesson from parsed parts.
    public init(
        id: String, title: String, order: Int?, prerequisites: [String] = [], metadata: [String: String] = [:],
        file: String, blocks: [LessonBlock]
    ) {
        self.id = id
        self.title = title
        self.order = order
        self.prerequisites = prerequisites
        self.metadata = metadata
        self.file = file
        self.blocks = blocks
    }

    /// The code cells in order; `cells[i].number == i + 1`.
    public var cells: [LessonCell] {
        blocks.compactMap { block in
            if case .cell(let cell) = block { return cell }
            return nil
        }
    }

    /// The prose that comes before cell `number` (1-based) and after the previous cell, joined.
    ///
    /// The prose after the last cell is `closingProse`.
    public func prose(before number: Int) -> String {
        var seen = 1
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .prose(let prose):
                if seen == number { parts.append(prose.text) }
            case .cell:
                if seen == number { return parts.joined(separator: "\n") }
                seen += 1
            }
        }
        return seen == number ? parts.joined(separator: "\n") : ""
    }

    /// The prose after the last code cell (a summary, what to read next).
    public var closingProse: String { prose(before: cells.count + 1) }
}

/// One piece of a lesson: prose or a code cell.
public enum LessonBlock: Sendable, Equatable {
    case prose(Prose)
    case cell(LessonCell)
}

/// Markdown text between code cells, kept verbatim (other fenced blocks included).
public struct Prose: Sendable, Equatable {
    /// The text, lines joined with "\n", without the line break after the last line.
    public var text: String
    /// The 1-based line where it starts.
    public var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// A fenced `nn` code cell and the output block recorded after it: the one cell type, for
/// lessons read from files, for replay, and for the cells a REPL session saves.
public struct LessonCell: Sendable, Equatable {
    /// The 1-based position among the lesson's code cells.
    public var number: Int
    /// The code, lines joined with "\n", without a final line break.
    public var source: String
    /// The 1-based line of the opening fence (0 for a cell not read from a file).
    public var line: Int
    /// The 1-based line of the closing fence (an output block is inserted after it; 0 for a cell not read from a file).
    public var closingLine: Int
    /// The recorded output, or nil when the cell has no output block.
    public var output: RecordedOutput?
    /// Whether the cell was stopped by Ctrl-C when recorded (```` ```nn interrupted ````): replay does not run it.
    public var interrupted: Bool

    public init(number: Int, source: String, line: Int, closingLine: Int, output: RecordedOutput? = nil, interrupted: Bool = false) {
        self.number = number
        self.source = source
        self.line = line
        self.closingLine = closingLine
        self.output = output
        self.interrupted = interrupted
    }

    /// A cell not read from a file, such as a REPL session's, to be written as a lesson: its lines are 0.
    public init(number: Int, source: String, output: String, interrupted: Bool = false) {
        let recorded = output.isEmpty ? nil : RecordedOutput(text: output, line: 0, closingLine: 0)
        self.init(number: number, source: source, line: 0, closingLine: 0, output: recorded, interrupted: interrupted)
    }

    /// The output replay expects: the block's text, or "" when there is no block.
    public var expectedOutput: String { output?.text ?? "" }
}

/// An `output` block: what its cell printed when the lesson was recorded.
public struct RecordedOutput: Sendable, Equatable {
    /// The lines between the fences joined with "\n" (no final line break).
    public var text: String
    /// The 1-based line of the opening fence.
    public var line: Int
    /// The 1-based line of the closing fence.
    public var closingLine: Int

    public init(text: String, line: Int, closingLine: Int) {
        self.text = text
        self.line = line
        self.closingLine = closingLine
    }
}
