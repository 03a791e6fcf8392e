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

/// Where a value sits within a range, safe for extreme inputs.
enum RangeFraction {
    /// `(value − lo) / (hi − lo)` clamped to 0...1; computed on halves so that
    /// ranges near ±Double.greatestFiniteMagnitude do not overflow, and 0.5
    /// for an empty range or a non-finite result.
    static func of(_ value: Double, _ lo: Double, _ hi: Double) -> Double {
        let span = hi / 2 - lo / 2
        guard span > 0, span.isFinite else { return 0.5 }
        let fraction = (value / 2 - lo / 2) / span
        guard !fraction.isNaN else { return 0.5 }
        return min(max(fraction, 0), 1)
    }
}
