import Foundation

/// A line chart of one or more series, drawn with braille dots or ASCII markers.
///
/// The canvas is `width`×`height` character cells (braille gives 2×4 dots per
/// cell). The y axis gets 3-5 "nice" ticks with the range widened to the outer
/// ones; the x axis gets nice ticks inside the data range. Missing values
/// break a line; a single point is drawn as a dot; a constant series is drawn
/// mid-height. With several series each has its own ASCII marker (`*`, `+`,
/// `o`, `x`, …) and, when colour is enabled, its own colour; in ASCII a cell
/// two series share shows `#`, listed in the legend as "several".
public struct LinePlot: Sendable {
    /// The series, drawn in order (later ones on top).
    public var series: [PlotSeries]
    /// A line centred above the canvas.
    public var title: String?
    /// A name shown under the x tick labels.
    public var xLabel: String?
    /// A name shown above the y axis.
    public var yLabel: String?
    /// Canvas width in character cells (clamped to 1...1000).
    public var width: Int
    /// Canvas height in character cells (clamped to 1...500).
    public var height: Int
    /// Plots log10(y); values ≤ 0 are skipped. Ticks are labelled with the original values.
    public var logY: Bool
    /// Uses plain ASCII markers and axes instead of braille and box drawing.
    public var ascii: Bool
    /// A fixed y range instead of one fitted to the data; values outside are clamped to the edge.
    public var yRange: ClosedRange<Double>?

    /// Creates a plot of several series.
    public init(
        series: [PlotSeries], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
        width: Int = 60, height: Int = 15, logY: Bool = false, ascii: Bool = false, yRange: ClosedRange<Double>? = nil
    ) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
        self.logY = logY
        self.ascii = ascii
        self.yRange = yRange
    }

    /// Creates a plot of one unnamed series against its indices.
    public init(_ y: [Double], title: String? = nil, width: Int = 60, height: Int = 15, ascii: Bool = false) {
        self.init(series: [PlotSeries(y: y)], title: title, width: width, height: height, ascii: ascii)
    }

    /// The ASCII marker of series `index`.
    public static func marker(forSeries index: Int) -> Character {
        ClassMarkers.series[index % ClassMarkers.series.count]
    }

    /// The fitted axes shared by the text and SVG renderings.
    struct Layout {
        var pointSets: [[(x: Double, y: Double)?]]
        var xLo: Double, xHi: Double
        var yAxis: PlotAxis
        var xTicks: [Double]
    }

    /// The points and fitted axes; nil when no point can be drawn.
    func layout() -> Layout? {
        let pointSets = series.map { $0.points(logY: logY) }
        let all = pointSets.flatMap { $0.compactMap { $0 } }
        guard let xMin = all.map(\.x).min(), let xMax = all.map(\.x).max(),
            let dataYMin = all.map(\.y).min(), let dataYMax = all.map(\.y).max()
        else { return nil }
        let (xLo, xHi) = Ticks.widened(xMin, xMax)
        var yAxis = PlotAxis.fitted(dataYMin, dataYMax, logY: logY, rows: TextLayout.clampSize(height, limit: 500))
        if let yRange, yRange.lowerBound.isFinite, yRange.upperBound.isFinite {
            yAxis = PlotAxis.fixed(yRange, logY: logY)
        }
        // Implicit x values are indices, so their ticks are whole numbers.
        let xTicks = Ticks.inner(xLo, xHi, integerSteps: series.allSatisfy { $0.x == nil })
        return Layout(pointSets: pointSets, xLo: xLo, xHi: xHi, yAxis: yAxis, xTicks: xTicks)
    }

    /// The plot as text; an enabled `colour` paints each series in its palette colour.
    public func render(colour: ColourPolicy = .plain) -> String {
        guard let layout = layout() else {
            return TextLayout.join([title, "(no data)"].compactMap { $0 })
        }
        let (pointSets, xLo, xHi, yAxis) = (layout.pointSets, layout.xLo, layout.xHi, layout.yAxis)
        let cells = (width: TextLayout.clampSize(width, limit: 1000), height: TextLayout.clampSize(height, limit: 500))
        var canvas = PlotCanvas(width: cells.width, height: cells.height, braille: !ascii)
        let dotsX = cells.width * canvas.dotsAcross, dotsY = cells.height * canvas.dotsDown
        let toDotX = { (x: Double) in PlotAxis.dot(x, from: xLo, to: xHi, dots: dotsX, flipped: false) }
        let toDotY = { (y: Double) in PlotAxis.dot(y, from: yAxis.lo, to: yAxis.hi, dots: dotsY, flipped: true) }
        for (index, points) in pointSets.enumerated() {
            let marker = LinePlot.marker(forSeries: index)
            var previous: (Int, Int)?
            for point in points {
                guard let point else { previous = nil; continue }
                let current = (toDotX(point.x), toDotY(point.y))
                if let previous {
                    canvas.line(previous.0, previous.1, current.0, current.1, owner: index, marker: marker)
                } else {
                    canvas.dot(current.0, current.1, owner: index, marker: marker)
                }
                previous = current
            }
        }

        let xTicks = layout.xTicks.map {
            AxisFrame.XTick(column: toDotX($0) / canvas.dotsAcross, label: NumberText.compact($0))
        }
        let yTicks = yAxis.ticks.map {
            AxisFrame.YTick(row: toDotY($0) / canvas.dotsDown, label: NumberText.compact(logY ? pow(10, $0) : $0))
        }
        var frame = AxisFrame(
            title: title, xLabel: xLabel, yLabel: yLabel, ascii: ascii,
            canvasWidth: cells.width, yTicks: yTicks, xTicks: xTicks)
        if series.count > 1 || series.contains(where: { !$0.name.isEmpty }) {
            frame.legend = series.enumerated().map { index, item in
                let marker = ascii ? String(LinePlot.marker(forSeries: index)) : "⣿"
                return AxisFrame.LegendItem(marker: colour.paint(marker, ColourPolicy.seriesColour(index)), name: item.name)
            }
            if canvas.hasSharedCells {
                frame.legend.append(AxisFrame.LegendItem(marker: String(PlotCanvas.sharedMarker), name: "several"))
            }
        }
        return frame.render(rows: canvas.rows(colour: colour))
    }
}
