/// Level bands of a function on a grid with optimizer trajectories on top.
///
/// A thin layer over ``Heatmap`` with contour defaults: row 0 at the bottom,
/// bands on a log scale when asked (loss surfaces span decades), trajectory
/// markers `1`…`9` connected by `·` (`~` in ASCII), and a legend naming each
/// trajectory.
public struct ContourPlot: Sendable {
    /// f evaluated on the grid: `values[r][c]` at y = yRange row r, x = xRange column c.
    public var values: [[Double]]
    /// The x extent of the grid.
    public var xRange: ClosedRange<Double>
    /// The y extent of the grid.
    public var yRange: ClosedRange<Double>
    /// The paths drawn over the bands.
    public var trajectories: [Trajectory]
    /// Number of level bands (at most the ramp's length); nil uses every shade.
    public var levels: Int?
    /// Bands equally spaced on a log scale of the value above its minimum.
    public var logScale: Bool
    /// Characters per grid column.
    public var cellWidth: Int
    /// A line centred above the grid.
    public var title: String?
    /// Plain ASCII shades and axes.
    public var ascii: Bool

    /// Creates a contour plot.
    public init(
        values: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
        trajectories: [Trajectory] = [], levels: Int? = nil, logScale: Bool = false,
        cellWidth: Int = 1, title: String? = nil, ascii: Bool = false
    ) {
        self.values = values
        self.xRange = xRange
        self.yRange = yRange
        self.trajectories = trajectories
        self.levels = levels
        self.logScale = logScale
        self.cellWidth = cellWidth
        self.title = title
        self.ascii = ascii
    }

    /// The heatmap this plot is drawn as.
    public var heatmap: Heatmap {
        Heatmap(
            values: values, xRange: xRange, yRange: yRange, origin: .bottom, trajectories: trajectories,
            levels: levels, logScale: logScale, cellWidth: cellWidth, title: title, ascii: ascii)
    }

    /// The plot as text; an enabled `colour` paints each trajectory in its palette colour.
    public func render(colour: ColourPolicy = .plain) -> String {
        heatmap.render(colour: colour)
    }
}
