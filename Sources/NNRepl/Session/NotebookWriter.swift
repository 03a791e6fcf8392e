import NNLessons

/// One cell of a session as a notebook keeps it: the code and what it printed.
public struct RecordedCell: Equatable, Sendable {
    /// The code that ran.
    public var source: String
    /// Everything it wrote: prints, displayed values and a rendered error.
    public var output: String
    /// The name its errors were rendered with (`In[3]`, or a loaded file's path).
    public var file: String
    /// Whether Ctrl-C stopped it.
    public var interrupted: Bool

    public init(source: String, output: String, file: String = "", interrupted: Bool = false) {
        self.source = source
        self.output = output
        self.file = file
        self.interrupted = interrupted
    }
}

/// Turns a session's cells into a Markdown lesson for `:save`.
///
/// A protocol so the lessons library's canonical writer can replace the
/// built-in one (``ReplSession/notebookWriter``) without touching the REPL.
public protocol NotebookWriter {
    /// The Markdown text of a lesson with this title and these cells.
    func markdown(title: String, cells: [RecordedCell]) -> String
}

/// The built-in writer: a heading, then each cell's code fenced as ```` ```python nn ````
/// followed by its output fenced as ```` ```output ```` (omitted when empty).
public struct MarkdownNotebookWriter: NotebookWriter {
    public init() {}

    public func markdown(title: String, cells: [RecordedCell]) -> String {
        var parts = ["# \(title)"]
        for cell in cells {
            parts.append(Self.fenced(cell.source, info: LessonParser.cellInfo))
            let output = cell.output.hasSuffix("\n") ? String(cell.output.dropLast()) : cell.output
            if !output.isEmpty { parts.append(Self.fenced(output, info: "output")) }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// A fenced block whose fence is longer than any run of backticks inside,
    /// so code or output containing ```` ``` ```` cannot close it early.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + info + "\n" + text + "\n" + fence
    }
}
