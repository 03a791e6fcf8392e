extension Table {
    /// The table as an HTML `<table>` (a notebook shows it as a table): the header in `<thead>`,
    /// each cell escaped, right-aligned columns marked with `text-align: right`.
    public func html() -> String {
        let columns = columnCount
        guard columns > 0 else { return "<p>(no data)</p>" }
        func row(_ cells: [String], tag: String) -> String {
            let items = (0..<columns).map { column -> String in
                let text = column < cells.count ? SVGDocument.escape(cells[column]).replacingOccurrences(of: "\n", with: "<br>") : ""
                let style = alignment(ofColumn: column) == .right ? " style=\"text-align: right\"" : ""
                return "<\(tag)\(style)>\(text)</\(tag)>"
            }
            return "<tr>" + items.joined() + "</tr>"
        }
        var html = "<table>\n"
        if !headers.isEmpty { html += "<thead>" + row(headers, tag: "th") + "</thead>\n" }
        html += "<tbody>\n" + rows.map { row($0, tag: "td") + "\n" }.joined() + "</tbody>\n</table>"
        return html
    }

    /// Preformatted text as HTML (`<pre>`), for tables that exist only as text.
    public static func preformattedHTML(_ text: String) -> String {
        "<pre>" + SVGDocument.escape(text) + "</pre>"
    }
}
