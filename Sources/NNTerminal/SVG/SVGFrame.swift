/// The axes, ticks, title and legend common to every SVG plot.
struct SVGFrame {
    /// The plotting area inside the margins.
    let left: Double, top: Double, right: Double, bottom: Double

    /// Matplotlib's first colours, for series and classes.
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#17becf", "#8c564b", "#e377c2"]

    static func colour(_ index: Int) -> String {
        palette[((index % palette.count) + palette.count) % palette.count]
    }

    init(document: SVGDocument) {
        left = 64
        top = 40
        right = max(left + 10, document.width - 24)
        bottom = max(top + 10, document.height - 64)
    }

    /// Pixel x of a fraction (0 = left edge of the area).
    func x(_ fraction: Double) -> Double { left + fraction * (right - left) }
    /// Pixel y of a fraction (0 = bottom edge of the area).
    func y(_ fraction: Double) -> Double { bottom - fraction * (bottom - top) }

    /// Draws the frame, ticks (given as fractions with labels) and the title.
    func draw(
        on svg: inout SVGDocument, title: String?, xTicks: [(Double, String)], yTicks: [(Double, String)],
        xLabel: String?, yLabel: String?
    ) {
        svg.rect(x: left, y: top, width: right - left, height: bottom - top, fill: "none", stroke: "#000000")
        for (fraction, label) in xTicks where (0...1).contains(fraction) {
            svg.line(x1: x(fraction), y1: bottom, x2: x(fraction), y2: bottom + 5)
            svg.text(label, x: x(fraction), y: bottom + 18, anchor: "middle")
        }
        for (fraction, label) in yTicks where (0...1).contains(fraction) {
            svg.line(x1: left - 5, y1: y(fraction), x2: left, y2: y(fraction))
            svg.text(label, x: left - 8, y: y(fraction) + 4, anchor: "end")
        }
        if let title, !title.isEmpty { svg.text(title, x: (left + right) / 2, y: 24, anchor: "middle", size: 14) }
        if let xLabel, !xLabel.isEmpty { svg.text(xLabel, x: (left + right) / 2, y: bottom + 34, anchor: "middle") }
        if let yLabel, !yLabel.isEmpty { svg.text(yLabel, x: 8, y: top - 8) }
    }

    /// Draws a legend row under the plot; `swatch` draws each item's mark at a point.
    func legend(on svg: inout SVGDocument, names: [String], swatch: (inout SVGDocument, Int, Double, Double) -> Void) {
        var position = left
        let baseline = svg.height - 14
        for (index, name) in names.enumerated() {
            swatch(&svg, index, position + 8, baseline - 4)
            svg.text(name, x: position + 20, y: baseline)
            // Text width is not measurable here; 7 px per character is a fair estimate.
            position += 36 + 7 * Double(name.count)
        }
    }

    /// A class marker shape: circle, square, triangle, diamond, cycling, in a colour.
    static func marker(_ svg: inout SVGDocument, shape: Int, x: Double, y: Double, colour: String, size: Double = 4) {
        switch ((shape % 4) + 4) % 4 {
        case 0: svg.circle(cx: x, cy: y, r: size, fill: colour, stroke: "#ffffff")
        case 1: svg.rect(x: x - size, y: y - size, width: 2 * size, height: 2 * size, fill: colour, stroke: "#ffffff")
        case 2: svg.polygon([(x, y - size), (x + size, y + size), (x - size, y + size)], fill: colour, stroke: "#ffffff")
        default: svg.polygon([(x, y - size), (x + size, y), (x, y + size), (x - size, y)], fill: colour, stroke: "#ffffff")
        }
    }

    /// A viridis-like colour for a level in 0...1 (light grey for missing).
    static func shade(_ level: Double?) -> String {
        guard let level, level.isFinite else { return "#dddddd" }
        let stops: [(Double, Double, Double)] = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
        let position = min(max(level, 0), 1) * Double(stops.count - 1)
        let low = min(Int(position), stops.count - 2)
        let t = position - Double(low)
        let (a, b) = (stops[low], stops[low + 1])
        let channels = [a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t]
        return "#" + channels.map { hex(Int($0.rounded())) }.joined()
    }

    private static func hex(_ value: Int) -> String {
        let digits = Array("0123456789abcdef")
        let v = min(max(value, 0), 255)
        return String([digits[v / 16], digits[v % 16]])
    }
}
