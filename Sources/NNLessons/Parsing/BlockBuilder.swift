/// Collects a lesson's blocks as the parser meets lines, cells and output blocks.
///
/// It decides which cell an output block belongs to: the code cell just
/// before it, with only blank lines between. Blank lines between a cell and
/// its output are layout, not prose, and are dropped.
struct BlockBuilder {
    let file: String
    private(set) var blocks: [LessonBlock] = []
    /// The first level-1 `#` heading outside fences, the default title.
    private(set) var firstHeading: String?
    private var prose: [String] = []
    private var proseStart = 0
    /// The index in `blocks` of the cell an output block may still attach to.
    private var openCell: Int?
    /// Whether only blank lines have come since `openCell` (or its output) ended.
    private var onlyBlankSinceCell = false

    init(file: String) {
        self.file = file
    }

    mutating func addProseLine(_ line: String, at number: Int, isFenced: Bool = false) {
        let blank = line.trimmingWhitespace().isEmpty
        if !blank { onlyBlankSinceCell = false }
        if prose.isEmpty { proseStart = number }
        prose.append(line)
        if !isFenced, firstHeading == nil, let heading = Self.levelOneHeading(line) { firstHeading = heading }
    }

    mutating func addCell(source: String, line: Int, closingLine: Int, interrupted: Bool = false) {
        flushProse()
        let number = blocks.reduce(1) { count, block in
            if case .cell = block { return count + 1 }
            return count
        }
        blocks.append(.cell(LessonCell(number: number, source: source, line: line, closingLine: closingLine, interrupted: interrupted)))
        openCell = blocks.count - 1
        onlyBlankSinceCell = true
    }

    mutating func addOutput(_ output: RecordedOutput) throws(LessonError) {
        guard let index = openCell, onlyBlankSinceCell, case .cell(var cell) = blocks[index] else {
            throw LessonError(file: file, line: output.line,
                              message: "output block at line \(output.line) does not follow a code cell")
        }
        if let first = cell.output {
            throw LessonError(file: file, line: output.line,
                              message: "second output block for the code cell at line \(cell.line) (the first is at line \(first.line))")
        }
        cell.output = output
        blocks[index] = .cell(cell)
        prose = []
        onlyBlankSinceCell = true
    }

    /// The blocks, with the trailing prose flushed.
    mutating func finish() -> [LessonBlock] {
        flushProse()
        return blocks
    }

    /// Ends the current prose block, trimming blank lines at its edges (cells separate it).
    private mutating func flushProse() {
        defer { prose = [] }
        guard let first = prose.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }),
              let last = prose.lastIndex(where: { !$0.trimmingWhitespace().isEmpty }) else { return }
        let text = prose[first...last].joined(separator: "\n")
        blocks.append(.prose(Prose(text: text, line: proseStart + first)))
    }

    /// The text of an ATX level-1 heading (`# Title`, optional closing `#`s), or nil.
    static func levelOneHeading(_ line: String) -> String? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard rest.hasPrefix("#"), !rest.hasPrefix("##") else { return nil }
        let after = rest.dropFirst()
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var text = after.trimmingWhitespace()
        // A closing sequence of #s preceded by a space is not part of the heading.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let kept = text.dropLast(closing)
            if kept.isEmpty || kept.last == " " || kept.last == "\t" { text = kept.trimmingWhitespace() }
        }
        return text.isEmpty ? nil : text
    }
}
