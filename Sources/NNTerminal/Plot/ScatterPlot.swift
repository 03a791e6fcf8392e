/// A point with a class label, for scatter plots and heatmap overlays.
public struct LabeledPoint: Sendable, Equatable {
    /// The x coordinate in data units.
    public var x: Double
    /// The y coordinate in data units.
    public var y: Double
    /// The class; each distinct label gets its own marker.
    public var label: String

    /// Creates a point.
    public init(x: Double, y: Double, label: String = "") {
        self.x = x
        self.y = y
        self.label = label
    }
}

/// Points drawn as one marker per class (`o`, `x`, `^`, `s`, …) on axes.
///
/// Each point takes a whole character cell; when several land in one cell
/// the last one drawn shows. Classes are ordered numerically when their labels
/// are numbers (`2` before `10`), so a class keeps its marker across plots.
public struct ScatterPlot: Sendable {
    /// The points; non-finite ones are skipped.
    public var points: [LabeledPoint]
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
    /// Plain ASCII axes instead of box drawing.
    public var ascii: Bool
    /// Markers chosen by the caller for some labels.
    public var markers: [String: Character]

    /// Creates a scatter plot.
    public init(
        points: [LabeledPoint], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
        width: Int = 60, height: Int = 15, ascii: Bool = false, markers: [String: Character] = [:]
    ) {
        self.points = points
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
        self.ascii = ascii
        self.markers = markers
    }

    /// The plot as text; an enabled `colour` paints each class in its palette colour.
    public func render(colour: ColourPolicy = .plain) -> String {
        let drawable = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard let xMin = drawable.map(\.x).min(), let xMax = drawable.map(\.x).max(),
            let yMin = drawable.map(\.y).min(), let yMax = drawable.map(\.y).max()
        else {
            return TextLayout.join([title, "(no data)"].compactMap { $0 })
        }
        let cellsX = TextLayout.clampSize(width, limit: 1000), cellsY = TextLayout.clampSize(height, limit: 500)
        let (xLo, xHi) = Ticks.widened(xMin, xMax)
        let yAxis = PlotAxis.fitted(yMin, yMax, logY: false, rows: TextLayout.clampSize(height, limit: 500))
        let classes = ClassMarkers.assign(drawable.map(\.label), overrides: markers)
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1.label, $0) })

        var canvas = PlotCanvas(width: cellsX, height: cellsY, braille: false)
        for point in drawable {
            let index = classIndex[point.label] ?? 0
            canvas.put(
                PlotAxis.dot(point.x, from: xLo, to: xHi, dots: cellsX, flipped: false),
                PlotAxis.dot(point.y, from: yAxis.lo, to: yAxis.hi, dots: cellsY, flipped: true),
                classes[index].marker, owner: index)
        }
        let xTicks = Ticks.inner(xLo, xHi).map {
            AxisFrame.XTick(column: PlotAxis.dot($0, from: xLo, to: xHi, dots: cellsX, flipped: false), label: NumberText.compact($0))
        }
        let yTicks = yAxis.ticks.map {
            AxisFrame.YTick(row: PlotAxis.dot($0, from: yAxis.lo, to: yAxis.hi, dots: cellsY, flipped: true), label: NumberText.compact($0))
        }
        var frame = AxisFrame(
            title: title, xLabel: xLabel, yLabel: yLabel, ascii: ascii,
            canvasWidth: cellsX, yTicks: yTicks, xTicks: xTicks)
        if classes.count > 1 || classes.contains(where: { !$0.label.isEmpty }) {
            frame.legend = classes.enumerated().map { index, item in
                AxisFrame.LegendItem(marker: colour.paint(String(item.marker), ColourPolicy.seriesColour(index)), name: item.label)
            }
        }
        return frame.render(rows: canvas.rows(colour: colour))
    }
}
