/// A grid of text cells drawn with box-drawing characters or plain ASCII.
///
/// ```
/// ┌───────┬──────┐
/// │ layer │ size │
/// ├───────┼──────┤
/// │ dense │   16 │
/// └───────┴──────┘
/// ```
/// Columns are as wide as their widest cell in terminal columns (see
/// ``DisplayWidth``), so wide characters and colour escapes stay aligned.
/// Rows may have different lengths; missing cells are blank. A cell holding
/// newlines spans several lines.
public struct Table: Sendable {
    /// Where text sits inside its column.
    public enum Alignment: Sendable, Equatable { case left, right, centre }

    /// The header row; empty for a table without one.
    public var headers: [String]
    /// The body rows.
    public var rows: [[String]]
    /// Per-column alignment; columns without an entry (or with nil) are right-aligned
    /// when every non-empty body cell is a number, and left-aligned otherwise.
    public var alignments: [Alignment?]

    /// Creates a table; `alignments` may be shorter than the number of columns.
    public init(headers: [String] = [], rows: [[String]], alignments: [Alignment?] = []) {
        self.headers = headers
        self.rows = rows
        self.alignments = alignments
    }

    /// The number of columns: the longest of the header and the rows.
    public var columnCount: Int {
        rows.reduce(headers.count) { max($0, $1.count) }
    }

    /// The alignment used for column `index`, explicit or inferred.
    public func alignment(ofColumn index: Int) -> Alignment {
        if index < alignments.count, let explicit = alignments[index] { return explicit }
        let cells = rows.compactMap { index < $0.count ? $0[index] : nil }.filter { !$0.isEmpty }
        return !cells.isEmpty && cells.allSatisfy(Table.looksNumeric) ? .right : .left
    }

    /// The table as text; `ascii` uses `+-|` instead of box drawing, and an
    /// enabled `colour` makes the header bold.
    public func render(ascii: Bool = false, colour: ColourPolicy = .plain) -> String {
        let columns = columnCount
        guard columns > 0 else { return "(no data)" }
        let box = ascii ? TableBox.ascii : TableBox.unicode
        let headerCells = headers.isEmpty ? nil : cells(of: headers, columns)
        let bodyCells = rows.map { cells(of: $0, columns) }
        var widths = Array(repeating: 0, count: columns)
        for row in ([headerCells].compactMap { $0 } + bodyCells) {
            for (column, lines) in row.enumerated() {
                widths[column] = max(widths[column], lines.map(DisplayWidth.of).max() ?? 0)
            }
        }
        let placements = (0..<columns).map { column -> TextLayout.Placement in
            switch alignment(ofColumn: column) {
            case .left: return .left
            case .right: return .right
            case .centre: return .centre
            }
        }
        var out = [box.rule(widths, box.top)]
        if let headerCells {
            out += textLines(headerCells, widths, placements, box) { colour.paint($0, .bold) }
            if !bodyCells.isEmpty { out.append(box.rule(widths, box.middle)) }
        }
        for row in bodyCells {
            out += textLines(row, widths, placements, box) { $0 }
        }
        out.append(box.rule(widths, box.bottom))
        return out.joined(separator: "\n")
    }

    /// One row's cells padded to `columns`, each split into its lines.
    private func cells(of row: [String], _ columns: Int) -> [[String]] {
        (0..<columns).map { column in
            let text = column < row.count ? row[column] : ""
            return text.split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0).replacingTabs()
            }
        }
    }

    /// The lines of one row; the row is as tall as its tallest cell.
    private func textLines(
        _ row: [[String]], _ widths: [Int], _ placements: [TextLayout.Placement],
        _ box: TableBox, style: (String) -> String
    ) -> [String] {
        let height = row.map(\.count).max() ?? 1
        return (0..<height).map { line in
            let parts = row.enumerated().map { column, lines -> String in
                let text = line < lines.count ? lines[line] : ""
                let padded = TextLayout.pad(text, to: widths[column], placements[column])
                return " " + (text.isEmpty ? padded : style(padded)) + " "
            }
            return box.vertical + parts.joined(separator: box.vertical) + box.vertical
        }
    }

    /// True for cells such as `3`, `-0.25`, `1e-05`, `nan`, `+4`, `12%`.
    static func looksNumeric(_ cell: String) -> Bool {
        var text = Substring(cell.trimmingSpaces())
        if text.hasSuffix("%") { text = text.dropLast() }
        return !text.isEmpty && Double(text) != nil
    }
}

/// The characters that draw a table's frame.
struct TableBox {
    let horizontal: String
    let vertical: String
    let top: (left: String, join: String, right: String)
    let middle: (left: String, join: String, right: String)
    let bottom: (left: String, join: String, right: String)

    static let unicode = TableBox(
        horizontal: "─", vertical: "│",
        top: ("┌", "┬", "┐"), middle: ("├", "┼", "┤"), bottom: ("└", "┴", "┘"))
    static let ascii = TableBox(
        horizontal: "-", vertical: "|",
        top: ("+", "+", "+"), middle: ("+", "+", "+"), bottom: ("+", "+", "+"))

    /// A horizontal rule spanning columns of `widths` (plus one space each side).
    func rule(_ widths: [Int], _ ends: (left: String, join: String, right: String)) -> String {
        ends.left + widths.map { TextLayout.repeated(horizontal, $0 + 2) }.joined(separator: ends.join) + ends.right
    }
}

extension String {
    /// Tabs become single spaces: their width depends on the terminal.
    func replacingTabs() -> String {
        contains("\t") ? String(map { $0 == "\t" ? " " : $0 }) : self
    }

    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
