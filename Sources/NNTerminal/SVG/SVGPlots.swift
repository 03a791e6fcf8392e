import Foundation

extension LinePlot {
    /// The plot as a standalone SVG: axes, ticks, one polyline per series and a legend.
    public func svg(width: Double = 640, height: Double = 400) -> String {
        var svg = SVGDocument(width: width, height: height)
        let frame = SVGFrame(document: svg)
        guard let layout = layout() else {
            svg.text("(no data)", x: svg.width / 2, y: svg.height / 2, anchor: "middle")
            return svg.render()
        }
        let fx = { (x: Double) in (x - layout.xLo) / (layout.xHi - layout.xLo) }
        let fy = { (y: Double) in (y - layout.yAxis.lo) / (layout.yAxis.hi - layout.yAxis.lo) }
        frame.draw(
            on: &svg, title: title,
            xTicks: layout.xTicks.map { (fx($0), NumberText.compact($0)) },
            yTicks: layout.yAxis.ticks.map { (fy($0), NumberText.compact(logY ? pow(10, $0) : $0)) },
            xLabel: xLabel, yLabel: yLabel)
        for (index, points) in layout.pointSets.enumerated() {
            var run: [(x: Double, y: Double)] = []
            func flush() {
                if run.count == 1 { svg.circle(cx: run[0].x, cy: run[0].y, r: 2, fill: SVGFrame.colour(index)) }
                if run.count > 1 { svg.polyline(run, stroke: SVGFrame.colour(index)) }
                run = []
            }
            for point in points {
                guard let point else { flush(); continue }
                let clampedY = min(max(fy(point.y), 0), 1)
                run.append((frame.x(fx(point.x)), frame.y(clampedY)))
            }
            flush()
        }
        if series.count > 1 || series.contains(where: { !$0.name.isEmpty }) {
            frame.legend(on: &svg, names: series.map(\.name)) { svg, index, x, y in
                svg.line(x1: x - 8, y1: y, x2: x + 8, y2: y, stroke: SVGFrame.colour(index), width: 2)
            }
        }
        return svg.render()
    }
}

extension ScatterPlot {
    /// The points as a standalone SVG, one shape and colour per class, with a legend.
    public func svg(width: Double = 640, height: Double = 400) -> String {
        var svg = SVGDocument(width: width, height: height)
        let frame = SVGFrame(document: svg)
        let drawable = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard let xMin = drawable.map(\.x).min(), let xMax = drawable.map(\.x).max(),
            let yMin = drawable.map(\.y).min(), let yMax = drawable.map(\.y).max()
        else {
            svg.text("(no data)", x: svg.width / 2, y: svg.height / 2, anchor: "middle")
            return svg.render()
        }
        let (xLo, xHi) = Ticks.widened(xMin, xMax)
        let yAxis = PlotAxis.fitted(yMin, yMax, logY: false, rows: 15)
        let fx = { (x: Double) in (x - xLo) / (xHi - xLo) }
        let fy = { (y: Double) in (y - yAxis.lo) / (yAxis.hi - yAxis.lo) }
        frame.draw(
            on: &svg, title: title, xTicks: Ticks.inner(xLo, xHi).map { (fx($0), NumberText.compact($0)) },
            yTicks: yAxis.ticks.map { (fy($0), NumberText.compact($0)) }, xLabel: xLabel, yLabel: yLabel)
        let classes = ClassMarkers.sortedLabels(drawable.map(\.label))
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        for point in drawable {
            let k = index[point.label] ?? 0
            SVGFrame.marker(&svg, shape: k, x: frame.x(fx(point.x)), y: frame.y(fy(point.y)), colour: SVGFrame.colour(k))
        }
        frame.legend(on: &svg, names: classes) { svg, k, x, y in
            SVGFrame.marker(&svg, shape: k, x: x, y: y, colour: SVGFrame.colour(k))
        }
        return svg.render()
    }
}

extension Heatmap {
    /// The grid as a standalone SVG: one rectangle per cell coloured by its
    /// shade band, overlay points and trajectories on top, and a legend.
    public func svg(width: Double = 640, height: Double = 400) -> String {
        var svg = SVGDocument(width: width, height: height)
        let frame = SVGFrame(document: svg)
        guard let (rows, columns, scale) = shading() else {
            svg.text("(no data)", x: svg.width / 2, y: svg.height / 2, anchor: "middle")
            return svg.render()
        }
        let grid = GridGeometry(rows: rows, columns: columns, xRange: xRange, yRange: yRange, origin: origin)
        let cellWidth = (frame.right - frame.left) / Double(columns)
        let cellHeight = (frame.bottom - frame.top) / Double(rows)
        for displayRow in 0..<rows {
            let row = grid.gridRow(ofDisplayRow: displayRow)
            for column in 0..<columns {
                let value = column < values[row].count ? values[row][column] : .nan
                svg.rect(
                    x: frame.left + Double(column) * cellWidth, y: frame.top + Double(displayRow) * cellHeight,
                    width: cellWidth, height: cellHeight, fill: SVGFrame.shade(scale.level(value)))
            }
        }
        // Data coordinates to pixels: grid column c (at x = lo + c·step) is the centre of cell c.
        let px = { (x: Double) -> Double in
            let c = grid.xHi > grid.xLo ? (x - grid.xLo) / (grid.xHi - grid.xLo) * Double(columns - 1) : 0
            return frame.left + (c + 0.5) * cellWidth
        }
        let py = { (y: Double) -> Double in
            let r = grid.yHi > grid.yLo ? (y - grid.yLo) / (grid.yHi - grid.yLo) * Double(rows - 1) : 0
            let d = origin == .bottom ? Double(rows - 1) - r : r
            return frame.top + (d + 0.5) * cellHeight
        }
        frame.draw(
            on: &svg, title: title,
            xTicks: grid.alignedTicks(grid.xLo, grid.xHi, cells: columns, integerSteps: xRange == nil).map {
                ((px($0) - frame.left) / (frame.right - frame.left), NumberText.compact($0))
            },
            yTicks: grid.alignedTicks(grid.yLo, grid.yHi, cells: rows, integerSteps: yRange == nil).map {
                ((frame.bottom - py($0)) / (frame.bottom - frame.top), NumberText.compact($0))
            },
            xLabel: xLabel, yLabel: yLabel)
        let classes = ClassMarkers.sortedLabels(points.map(\.label))
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        for point in points where point.x.isFinite && point.y.isFinite {
            let k = index[point.label] ?? 0
            SVGFrame.marker(&svg, shape: k, x: px(point.x), y: py(point.y), colour: SVGFrame.colour(k))
        }
        for (t, path) in trajectories.enumerated() {
            let colour = SVGFrame.colour(classes.count + t)
            let pixels = path.points.filter { $0.x.isFinite && $0.y.isFinite }.map { (x: px($0.x), y: py($0.y)) }
            if pixels.count > 1 { svg.polyline(pixels, stroke: colour, width: 2) }
            for pixel in pixels { svg.circle(cx: pixel.x, cy: pixel.y, r: 3, fill: colour, stroke: "#ffffff") }
        }
        let names = classes + trajectories.map(\.name)
        if !names.isEmpty {
            frame.legend(on: &svg, names: names) { svg, k, x, y in
                if k < classes.count {
                    SVGFrame.marker(&svg, shape: k, x: x, y: y, colour: SVGFrame.colour(k))
                } else {
                    svg.line(x1: x - 8, y1: y, x2: x + 8, y2: y, stroke: SVGFrame.colour(k), width: 2)
                }
            }
        }
        return svg.render()
    }
}

extension ContourPlot {
    /// The level bands and trajectories as a standalone SVG.
    public func svg(width: Double = 640, height: Double = 400) -> String {
        heatmap.svg(width: width, height: height)
    }
}
