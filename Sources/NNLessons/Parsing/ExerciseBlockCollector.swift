/// Notices `exercise` and `check` blocks while the lesson parser walks the file.
///
/// It follows the prose lines so that an exercise block knows its heading
/// and statement: everything after the nearest heading, or after the previous
/// exercise or check block when that is closer, up to the block's fence.
struct ExerciseBlockCollector {
    private(set) var blocks: [ExerciseBlock] = []
    private var heading: String?
    /// Lines seen since the heading or the last exercise block, fenced prose included.
    private var pending: [String] = []

    /// Whether a fence's info string makes its block an exercise block.
    static func kind(of fence: Fence) -> ExerciseBlock.Kind? {
        ExerciseBlock.Kind(rawValue: fence.language)
    }

    /// A line of prose (outside a fence unless `isFenced`); headings start a new statement.
    mutating func addProseLine(_ line: String, isFenced: Bool) {
        if !isFenced, let text = Self.heading(line) {
            heading = text
            pending = []
        } else {
            pending.append(line)
        }
    }

    /// An exercise or check block: `fence` opened it at `line`.
    mutating func addBlock(_ kind: ExerciseBlock.Kind, fence: Fence, content: String, line: Int) {
        let words = fence.info.split(whereSeparator: \.isWhitespace)
        let id = words.count > 1 ? String(words[1]) : ""
        let statement = Self.trimmedLines(pending)
        let forbidden = words.dropFirst(2).filter { $0.hasPrefix("forbid=") }
            .flatMap { $0.dropFirst("forbid=".count).split(separator: ",").map(String.init) }
        blocks.append(ExerciseBlock(kind: kind, id: id, source: content, line: line, heading: heading, statement: statement,
                                    forbidden: forbidden))
        pending = []
    }

    /// A code cell or output block sits in the statement's place as the reader sees it.
    mutating func addFencedLines(_ lines: [String]) {
        pending.append(contentsOf: lines)
    }

    private static func trimmedLines(_ lines: [String]) -> String {
        guard let first = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }),
              let last = lines.lastIndex(where: { !$0.trimmingWhitespace().isEmpty }) else { return "" }
        return lines[first...last].joined(separator: "\n")
    }

    /// The text of an ATX heading of any level (`### Exercise: one step`), or nil.
    static func heading(_ line: String) -> String? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        let level = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let after = rest.dropFirst(level)
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var text = after.trimmingWhitespace()
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let kept = text.dropLast(closing)
            if kept.isEmpty || kept.last == " " || kept.last == "\t" { text = kept.trimmingWhitespace() }
        }
        return text
    }
}
