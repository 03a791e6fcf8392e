/// A standalone SVG image built from a few primitives, written deterministically.
///
/// Every coordinate is written with exactly two decimals and attributes in a
/// fixed order, so the same plot always gives the same bytes.
public struct SVGDocument: Sendable {
    /// Image width in pixels.
    public var width: Double
    /// Image height in pixels.
    public var height: Double
    /// The elements in drawing order, as SVG text.
    public private(set) var elements: [String] = []

    /// Creates an empty document with a white background.
    public init(width: Double, height: Double) {
        self.width = SVGDocument.clean(width, fallback: 640)
        self.height = SVGDocument.clean(height, fallback: 400)
        rect(x: 0, y: 0, width: self.width, height: self.height, fill: "#ffffff")
    }

    /// The line after the opening tag that tells nnlearn a file is its own figure, which it may replace.
    public static let mark = "  <!-- drawn by nnlearn -->"

    /// The whole document.
    public func render() -> String {
        let w = SVGDocument.number(width), h = SVGDocument.number(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
            + "font-family=\"sans-serif\" font-size=\"12\">\n" + Self.mark + "\n" + elements.map { "  " + $0 }.joined(separator: "\n") + "\n</svg>\n"
    }

    /// Appends raw SVG markup.
    public mutating func add(_ element: String) {
        elements.append(element)
    }

    /// A straight line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#000000", width: Double = 1) {
        add("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>")
    }

    /// A connected line through points (not filled).
    public mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 1.5) {
        let list = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
        add("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>")
    }

    /// A rectangle; `stroke` nil draws no outline.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        let outline = stroke.map { " stroke=\"\($0)\"" } ?? ""
        add("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(fill)\"\(outline)/>")
    }

    /// A circle.
    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil) {
        let outline = stroke.map { " stroke=\"\($0)\"" } ?? ""
        add("<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(fill)\"\(outline)/>")
    }

    /// A closed polygon.
    public mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, stroke: String? = nil) {
        let list = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
        let outline = stroke.map { " stroke=\"\($0)\"" } ?? ""
        add("<polygon points=\"\(list)\" fill=\"\(fill)\"\(outline)/>")
    }

    /// Text; `anchor` is `start`, `middle` or `end`.
    public mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12) {
        add("<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(n(size))\">\(SVGDocument.escape(content))</text>")
    }

    /// A number with two decimals (`0.00` for non-finite values, which SVG cannot hold).
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0.00" }
        let text = NumberText.fixed(x, decimals: 2)
        return text == "-0.00" ? "0.00" : text
    }

    /// Text with the XML special characters escaped.
    public static func escape(_ text: String) -> String {
        var result = ""
        for c in text {
            switch c {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(c)
            }
        }
        return result
    }

    private func n(_ x: Double) -> String { SVGDocument.number(x) }

    private static func clean(_ size: Double, fallback: Double) -> Double {
        // Tiny, negative or non-finite sizes would give an unreadable or invalid image.
        size.isFinite && size >= 50 ? min(size, 10_000) : fallback
    }
}
