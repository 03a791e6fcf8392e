/// The frame around a plot's canvas: y tick labels, axis lines, x tick
/// labels, title, axis names and legend.
///
/// ```
///        title
/// 1.00 ┤⠈⠢⡀
/// 0.50 ┤   ⠈⠢⡀
///      │      ⠈⠢
/// 0.00 ┤
///      └┬─────┬─────┬
///       0     5     10
///       ⣿ loss
/// ```
struct AxisFrame {
    /// A label on the y axis at a canvas row.
    struct YTick { var row: Int; var label: String }
    /// A label under the x axis at a canvas column.
    struct XTick { var column: Int; var label: String }
    /// One legend item: a (possibly coloured) marker and a name.
    struct LegendItem { var marker: String; var name: String }

    var title: String?
    var xLabel: String?
    var yLabel: String?
    var ascii: Bool
    var canvasWidth: Int
    var yTicks: [YTick]
    var xTicks: [XTick]
    var legend: [LegendItem] = []
    var extraLines: [String] = []

    /// The framed plot; `rows` are the canvas rows, already coloured.
    func render(rows: [String]) -> String {
        // When ticks share a row (a short canvas), the outermost ticks win so
        // that the top and bottom rows name the ends of the range.
        var labels: [Int: String] = [:]
        let ordered = yTicks.isEmpty ? [] : [yTicks[0], yTicks[yTicks.count - 1]] + yTicks.dropFirst().dropLast()
        for tick in ordered where labels[tick.row] == nil { labels[tick.row] = tick.label }
        let labelWidth = labels.values.map(DisplayWidth.of).max() ?? 0
        let canvasStart = labelWidth + 2
        var out: [String] = []
        if let title, !title.isEmpty {
            let pad = max(0, (canvasWidth - DisplayWidth.of(title)) / 2)
            out.append(TextLayout.spaces(canvasStart + pad) + title)
        }
        if let yLabel, !yLabel.isEmpty { out.append(yLabel) }
        for (index, row) in rows.enumerated() {
            let label = labels[index]
            let axis = label == nil ? (ascii ? "|" : "│") : (ascii ? "+" : "┤")
            out.append(TextLayout.pad(label ?? "", to: labelWidth, .right) + " " + axis + row)
        }
        out.append(TextLayout.spaces(labelWidth + 1) + axisLine())
        out.append(xLabelLine(canvasStart: canvasStart))
        if let xLabel, !xLabel.isEmpty {
            let pad = max(0, (canvasWidth - DisplayWidth.of(xLabel)) / 2)
            out.append(TextLayout.spaces(canvasStart + pad) + xLabel)
        }
        out += legendLines(indent: canvasStart)
        out += extraLines.map { TextLayout.spaces(canvasStart) + $0 }
        return TextLayout.join(out)
    }

    /// The legend's items, as many to a line as fit in 80 columns or the plot's width if wider,
    /// so that a terminal never wraps them (a marker is one column, whatever its colour escapes).
    private func legendLines(indent: Int) -> [String] {
        let limit = max(80, indent + canvasWidth)
        var lines: [String] = []
        var line = "", used = 0
        for item in legend {
            let width = 2 + DisplayWidth.of(item.name)
            if used > 0, indent + used + 3 + width > limit {
                lines.append(TextLayout.spaces(indent) + line)
                (line, used) = ("", 0)
            }
            line += (used > 0 ? "   " : "") + item.marker + " " + item.name
            used += (used > 0 ? 3 : 0) + width
        }
        if used > 0 { lines.append(TextLayout.spaces(indent) + line) }
        return lines
    }

    /// The x axis with a tick mark at each labelled column.
    private func axisLine() -> String {
        let columns = Set(xTicks.map(\.column))
        let body = (0..<canvasWidth).map { columns.contains($0) ? (ascii ? "+" : "┬") : (ascii ? "-" : "─") }
        return (ascii ? "+" : "└") + body.joined()
    }

    /// The x tick labels centred under their columns; a label that would touch
    /// the previous one is left out.
    private func xLabelLine(canvasStart: Int) -> String {
        var line = ""
        var used = 0
        for tick in xTicks.sorted(by: { $0.column < $1.column }) {
            let width = DisplayWidth.of(tick.label)
            let start = max(0, canvasStart + tick.column - (width - 1) / 2)
            guard line.isEmpty || start > used else { continue }
            line += TextLayout.spaces(start - used) + tick.label
            used = start + width
        }
        return line
    }
}
