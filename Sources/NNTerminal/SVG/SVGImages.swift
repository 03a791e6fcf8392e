extension ImageRender {
    /// Images as a standalone SVG: one grey square per pixel (darker for larger values, as in
    /// the text rendering), tiles in rows of at most `columns`, each caption below its tile, as in the text rendering.
    public static func svg(_ images: [GrayImage], range: ClosedRange<Double>? = nil, columns: Int = 8, pixel: Double = 8) -> String {
        let columns = max(1, min(columns, images.count))
        let tileWidth = Double(images.map(\.width).max() ?? 1) * pixel, tileHeight = Double(images.map(\.height).max() ?? 1) * pixel
        let captionLines = Double(images.map { $0.caption.split(separator: "\n").count }.max() ?? 0)
        let (gap, lineHeight) = (12.0, 14.0)
        let cellWidth = tileWidth + gap, cellHeight = tileHeight + gap + captionLines * lineHeight
        let rows = (images.count + columns - 1) / columns
        var svg = SVGDocument(width: max(gap + Double(columns) * cellWidth, 50), height: max(gap + Double(rows) * cellHeight, 50))
        for (index, image) in images.enumerated() {
            let left = gap + Double(index % columns) * cellWidth, top = gap + Double(index / columns) * cellHeight
            for (line, text) in image.caption.split(separator: "\n").enumerated() {
                svg.text(String(text), x: left + tileWidth / 2, y: top + tileHeight + Double(line + 1) * lineHeight, anchor: "middle", size: 11)
            }
            let imageTop = top
            let finite = image.pixels.filter(\.isFinite)
            var lo = finite.min() ?? 0, hi = finite.max() ?? 0
            if let range, range.lowerBound.isFinite, range.upperBound.isFinite { (lo, hi) = (range.lowerBound, range.upperBound) }
            svg.rect(x: left, y: imageTop, width: Double(image.width) * pixel, height: Double(image.height) * pixel, fill: "#ffffff", stroke: "#cccccc")
            for row in 0..<image.height {
                for column in 0..<image.width {
                    let index = row * image.width + column
                    guard index < image.pixels.count, image.pixels[index].isFinite else { continue }
                    let level = Int((255 * (1 - RangeFraction.of(image.pixels[index], lo, hi))).rounded())
                    let hex = String(min(max(level, 0), 255), radix: 16)
                    let grey = "#" + String(repeating: hex.count == 1 ? "0" + hex : hex, count: 3)
                    svg.rect(x: left + Double(column) * pixel, y: imageTop + Double(row) * pixel, width: pixel, height: pixel, fill: grey)
                }
            }
        }
        return svg.render()
    }
}
