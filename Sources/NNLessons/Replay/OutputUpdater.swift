/// Rewrites a lesson's output blocks to hold what its cells printed, leaving every other byte alone.
public enum OutputUpdater {
    /// The lesson text with changed output blocks replaced and missing ones inserted.
    ///
    /// `source` must be the text `outcomes` were parsed from. A block whose
    /// fence its new content could close gets a longer backtick fence; a
    /// missing block is inserted after its cell's closing fence, after one
    /// blank line, indented like the cell; a cell that printed nothing and
    /// has no block is left without one. Returns how many blocks changed.
    public static func update(_ source: String, outcomes: [CellOutcome]) -> (text: String, changed: Int) {
        let lines = SourceLines(source)
        let eol = lines.preferredEnding
        // Replacements of 0-based line ranges, applied from the end so earlier ranges stay valid.
        var edits: [(range: Range<Int>, text: String)] = []
        for outcome in outcomes where !outcome.passed {
            let cell = outcome.cell
            // Outcomes from another text would point past its end: leave such cells alone.
            guard cell.line >= 1, cell.closingLine <= lines.count,
                  cell.output.map({ $0.line > cell.closingLine && $0.closingLine <= lines.count }) ?? true else { continue }
            let cellIndent = Fence.opening(lines[cell.line - 1])?.indent ?? 0
            if let output = cell.output {
                let range = (output.line - 1)..<output.closingLine
                let fence = Fence.opening(lines[output.line - 1])
                edits.append((range, block(outcome.actual, reusing: fence, lines: lines, range: range, indent: cellIndent, eol: eol)))
            } else if !outcome.actual.isEmpty {
                let close = cell.closingLine - 1
                // The closing fence may be the file's last line, without a line break yet.
                let closing = lines.lines[close].text + (lines.lines[close].ending.isEmpty ? eol : lines.lines[close].ending)
                let inserted = eol + block(outcome.actual, reusing: nil, lines: lines, range: close..<close, indent: cellIndent, eol: eol)
                edits.append((close..<(close + 1), closing + inserted))
            }
        }
        var pieces = lines.lines.map { $0.text + $0.ending }
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            pieces.replaceSubrange(edit.range, with: [edit.text])
        }
        return (pieces.joined(), edits.count)
    }

    /// An output block for `text`: the old fence lines when the text cannot close them, else fresh ones.
    private static func block(
        _ text: String, reusing fence: Fence?, lines: SourceLines, range: Range<Int>, indent: Int, eol: String
    ) -> String {
        let content = LineDiff.lines(text)
        if let fence, !content.contains(where: fence.isClosed(by:)), range.count >= 2 {
            let pad = String(repeating: " ", count: fence.indent)
            let body = content.map { ($0.isEmpty ? "" : pad) + $0 + eol }.joined()
            let closing = lines.lines[range.upperBound - 1]
            return lines.original(range.lowerBound..<(range.lowerBound + 1)) + body + closing.text + closing.ending
        }
        // A replaced block keeps the line break (or its absence) after its closing fence.
        let ending = range.isEmpty ? eol : lines.lines[range.upperBound - 1].ending
        return Fence.block(text, info: "output", indent: indent, eol: eol) + ending
    }
}
