/// GFM pipe tables: a header row, a delimiter row such as `|---|--:|`, then body rows.
extension BlockParser {
    /// The table starting at line `i`, advancing `i` past it; nil when line `i` does not start one.
    static func parseTable(_ lines: [String], _ i: inout Int) -> MarkdownBlock? {
        guard i + 1 < lines.count, lines[i].contains("|"),
            let alignments = delimiterRow(lines[i + 1])
        else { return nil }
        let header = cells(lines[i])
        var rows: [[String]] = []
        i += 2
        while i < lines.count, lines[i].contains("|"), !lines[i].trimmingSpaces().isEmpty {
            rows.append(cells(lines[i]))
            i += 1
        }
        return .table(header: header, alignments: alignments, rows: rows)
    }

    /// `| :--- | ---: | :-: |` → left, right, centre (nil where unspecified).
    private static func delimiterRow(_ line: String) -> [Table.Alignment?]? {
        guard line.contains("-") else { return nil }
        let parts = cells(line)
        guard !parts.isEmpty else { return nil }
        var result: [Table.Alignment?] = []
        for part in parts {
            let core = part.filter { $0 != ":" }
            guard !core.isEmpty, core.allSatisfy({ $0 == "-" }) else { return nil }
            switch (part.hasPrefix(":"), part.hasSuffix(":")) {
            case (true, true): result.append(.centre)
            case (false, true): result.append(.right)
            case (true, false): result.append(.left)
            case (false, false): result.append(nil)
            }
        }
        return result
    }

    /// The cells of a pipe-table row; `\|` and pipes inside code spans do not split.
    static func cells(_ line: String) -> [String] {
        var text = line.trimmingSpaces()
        if text.hasPrefix("|") { text.removeFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text.removeLast() }
        var cells: [String] = []
        var current = ""
        var inCode = false
        var escaped = false
        for c in text {
            if escaped { current.append(c == "|" ? "|" : "\\"); if c != "|" { current.append(c) }; escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "`" { inCode.toggle() }
            if c == "|" && !inCode {
                cells.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current.trimmingSpaces())
        return cells
    }
}
