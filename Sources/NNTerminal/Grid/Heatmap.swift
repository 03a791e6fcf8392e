/// A matrix of values drawn with a shade ramp, with points and paths on top.
///
/// `values[r][c]` is the value at grid row `r`, column `c`. The grid spans
/// `xRange`×`yRange` in data coordinates, column `c` sitting at
/// `x = lo + c·(hi − lo)/(cols − 1)` (like `linspace`), so overlay points are
/// placed in the cell nearest to them. Without ranges the axes show indices.
/// Unicode shades are `" ░▒▓█"`, ASCII ones `" .:-=+*#%@"`; `?` marks a
/// missing value. Used for decision regions (`boundary`) with the data on
/// top, and (through ``ContourPlot``) for level bands with trajectories.
public struct Heatmap: Sendable {
    /// Which edge row 0 and the lower y bound sit at.
    public enum Origin: Sendable {
        /// Row 0 at the bottom, y growing upward: the meshgrid and contour convention.
        case bottom
        /// Row 0 at the top, y growing downward: the matrix and image convention.
        case top
    }

    /// The grid, rows × columns; short rows are padded with missing values.
    public var values: [[Double]]
    /// The x extent of the columns; nil shows column indices.
    public var xRange: ClosedRange<Double>?
    /// The y extent of the rows; nil shows row indices.
    public var yRange: ClosedRange<Double>?
    /// Where row 0 is drawn.
    public var origin: Origin
    /// Labelled points drawn as class markers (`o`, `x`, `^`, …); outside points are skipped.
    public var points: [LabeledPoint]
    /// Markers chosen by the caller for some point labels.
    public var markers: [String: Character]
    /// Paths drawn as connected markers.
    public var trajectories: [Trajectory]
    /// A fixed value range for the shades instead of the data's min...max.
    public var valueRange: ClosedRange<Double>?
    /// Number of shade bands (at most the ramp's length); nil uses every shade.
    public var levels: Int?
    /// One shade per distinct value (for class regions) when there are few enough.
    public var classes: Bool
    /// Bands equally spaced in log10(value − min + range/1000), for values spanning decades.
    public var logScale: Bool
    /// Characters per grid column (2 looks square in most terminals).
    public var cellWidth: Int
    /// A line centred above the grid.
    public var title: String?
    /// A name shown under the x tick labels.
    public var xLabel: String?
    /// A name shown above the y axis.
    public var yLabel: String?
    /// Plain ASCII shades and axes.
    public var ascii: Bool

    /// Creates a heatmap.
    public init(
        values: [[Double]], xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
        origin: Origin = .bottom, points: [LabeledPoint] = [], markers: [String: Character] = [:],
        trajectories: [Trajectory] = [], valueRange: ClosedRange<Double>? = nil, levels: Int? = nil,
        classes: Bool = false, logScale: Bool = false, cellWidth: Int = 1,
        title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, ascii: Bool = false
    ) {
        self.values = values
        self.xRange = xRange
        self.yRange = yRange
        self.origin = origin
        self.points = points
        self.markers = markers
        self.trajectories = trajectories
        self.valueRange = valueRange
        self.levels = levels
        self.classes = classes
        self.logScale = logScale
        self.cellWidth = cellWidth
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.ascii = ascii
    }

    /// The drawn size (at most 500 rows × 1000 columns) and the shade scale of
    /// the values in it; nil when there is nothing to draw. Shared by the text and SVG renderings.
    func shading() -> (rows: Int, columns: Int, scale: ShadeScale)? {
        let rows = min(values.count, 500)
        let columns = min(values.prefix(rows).map(\.count).max() ?? 0, 1000)
        let ramp = ascii ? ShadeScale.asciiRamp : ShadeScale.unicodeRamp
        guard rows > 0, columns > 0,
            let scale = ShadeScale(
                values: values.prefix(rows).flatMap { $0.prefix(columns) }, ramp: ramp, range: valueRange,
                levels: levels, classes: classes, logScale: logScale)
        else { return nil }
        return (rows, columns, scale)
    }

    /// The heatmap with axes and legend lines; an enabled `colour` paints the
    /// overlay markers (shades stay plain).
    public func render(colour: ColourPolicy = .plain) -> String {
        guard let (rows, columns, scale) = shading() else {
            return TextLayout.join([title, "(no data)"].compactMap { $0 })
        }
        let grid = GridGeometry(
            rows: rows, columns: columns, xRange: xRange, yRange: yRange, origin: origin)
        var cells = (0..<rows).map { displayRow in
            (0..<columns).map { column -> (Character, Int) in
                let row = grid.gridRow(ofDisplayRow: displayRow)
                let value = column < values[row].count ? values[row][column] : .nan
                return (scale.shade(value), -1)
            }
        }
        let overlay = drawOverlays(on: &cells, grid)

        let width = TextLayout.clampSize(cellWidth, limit: 8)
        let lines = cells.map { row in
            row.map { character, owner -> String in
                let tail = String(repeating: owner >= 0 ? " " : character, count: width - 1)
                guard owner >= 0 else { return String(character) + tail }
                return colour.paint(String(character), ColourPolicy.seriesColour(owner)) + tail
            }.joined()
        }
        let xTicks = grid.alignedTicks(grid.xLo, grid.xHi, cells: columns, integerSteps: xRange == nil).map {
            AxisFrame.XTick(column: grid.column(ofX: $0) * width + (width - 1) / 2, label: NumberText.compact($0))
        }
        let yTicks = grid.alignedTicks(grid.yLo, grid.yHi, cells: rows, integerSteps: yRange == nil).map {
            AxisFrame.YTick(row: grid.displayRow(ofY: $0), label: NumberText.compact($0))
        }
        var frame = AxisFrame(
            title: title, xLabel: xLabel, yLabel: yLabel, ascii: ascii,
            canvasWidth: columns * width, yTicks: yTicks, xTicks: xTicks)
        frame.extraLines = [scale.legend(ascii: ascii)]
        if !overlay.isEmpty {
            frame.extraLines.append(overlay.map { item in
                colour.paint(String(item.marker), ColourPolicy.seriesColour(item.owner)) + " " + item.name
            }.joined(separator: "   "))
        }
        return frame.render(rows: lines)
    }

    /// Draws trajectories and points into `cells` and returns their legend items.
    private func drawOverlays(
        on cells: inout [[(Character, Int)]], _ grid: GridGeometry
    ) -> [(marker: Character, name: String, owner: Int)] {
        var legend: [(marker: Character, name: String, owner: Int)] = []
        let classes = ClassMarkers.assign(points.map(\.label), overrides: markers)
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1.label, $0) })
        let connector: Character = ascii ? "~" : "·"
        func set(_ cell: (row: Int, column: Int)?, _ character: Character, _ owner: Int) {
            guard let cell, cells.indices.contains(cell.row), cells[cell.row].indices.contains(cell.column) else { return }
            cells[cell.row][cell.column] = (character, owner)
        }
        // Connectors first, then class points, then trajectory markers on top.
        for (index, path) in trajectories.enumerated() {
            let owner = classes.count + index
            let cellsOnPath = path.points.map { grid.cell(x: $0.x, y: $0.y, clamped: true) }
            for (from, to) in zip(cellsOnPath, cellsOnPath.dropFirst()) {
                guard let from, let to else { continue }
                for cell in GridGeometry.segment(from, to) { set(cell, connector, owner) }
            }
        }
        for point in points {
            let index = classIndex[point.label] ?? 0
            set(grid.cell(x: point.x, y: point.y, clamped: false), classes[index].marker, index)
        }
        if classes.count > 1 || classes.contains(where: { !$0.label.isEmpty }) {
            legend += classes.enumerated().map { ($1.marker, $1.label, $0) }
        }
        for (index, path) in trajectories.enumerated() {
            let owner = classes.count + index
            let marker = path.marker ?? Trajectory.defaultMarker(index)
            for point in path.points { set(grid.cell(x: point.x, y: point.y, clamped: true), marker, owner) }
            legend.append((marker, path.name, owner))
        }
        return legend
    }
}
