/// Padding, repetition and trimming measured in terminal columns.
///
/// Every renderer aligns with these so that wide characters and colour
/// escapes never shift a column.
enum TextLayout {
    /// Horizontal placement of text inside a wider cell.
    enum Placement { case left, right, centre }

    /// `text` padded with spaces to `width` columns (never truncated).
    static func pad(_ text: String, to width: Int, _ placement: Placement = .left) -> String {
        let gap = max(0, width - DisplayWidth.of(text))
        switch placement {
        case .left: return text + spaces(gap)
        case .right: return spaces(gap) + text
        case .centre: return spaces(gap / 2) + text + spaces(gap - gap / 2)
        }
    }

    /// `count` spaces; none for a negative count.
    static func spaces(_ count: Int) -> String {
        String(repeating: " ", count: max(0, count))
    }

    /// `unit` repeated `count` times; empty for a negative count.
    static func repeated(_ unit: String, _ count: Int) -> String {
        String(repeating: unit, count: max(0, count))
    }

    /// `line` without trailing spaces, so recorded output has no invisible tails.
    static func trimTrailing(_ line: String) -> String {
        var end = line.endIndex
        while end > line.startIndex {
            let before = line.index(before: end)
            guard line[before] == " " else { break }
            end = before
        }
        return String(line[..<end])
    }

    /// The lines joined with newlines after trimming each one's trailing spaces.
    static func join(_ lines: [String]) -> String {
        lines.map(trimTrailing).joined(separator: "\n")
    }

    /// Clamps a requested size to `1...limit` so that zero, negative or absurd
    /// sizes still render (a huge width would otherwise allocate a huge grid).
    static func clampSize(_ value: Int, limit: Int) -> Int {
        min(max(value, 1), limit)
    }
}
