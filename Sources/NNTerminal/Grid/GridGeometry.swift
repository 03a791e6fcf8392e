/// Converts between data coordinates and the cells of a heatmap grid.
struct GridGeometry {
    let rows: Int
    let columns: Int
    let xLo: Double, xHi: Double
    let yLo: Double, yHi: Double
    let origin: Heatmap.Origin

    init(rows: Int, columns: Int, xRange: ClosedRange<Double>?, yRange: ClosedRange<Double>?, origin: Heatmap.Origin) {
        self.rows = rows
        self.columns = columns
        self.origin = origin
        let x = GridGeometry.finite(xRange) ?? 0...Double(columns - 1)
        let y = GridGeometry.finite(yRange) ?? 0...Double(rows - 1)
        // A single row or column keeps its one coordinate: the mapping puts
        // everything in that cell and the axis shows that one value.
        (xLo, xHi) = (x.lowerBound, x.upperBound)
        (yLo, yHi) = (y.lowerBound, y.upperBound)
    }

    /// The grid row shown on display row `displayRow` (display rows count from the top).
    func gridRow(ofDisplayRow displayRow: Int) -> Int {
        origin == .bottom ? rows - 1 - displayRow : displayRow
    }

    /// The grid column nearest to `x`, clamped to the grid.
    func column(ofX x: Double) -> Int {
        PlotAxis.dot(x, from: xLo, to: xHi, dots: columns, flipped: false)
    }

    /// The display row nearest to `y`, clamped to the grid.
    func displayRow(ofY y: Double) -> Int {
        PlotAxis.dot(y, from: yLo, to: yHi, dots: rows, flipped: origin == .bottom)
    }

    /// The display cell of a point; nil when it is not finite, or outside the
    /// ranges (by more than half a cell) and `clamped` is false.
    func cell(x: Double, y: Double, clamped: Bool) -> (row: Int, column: Int)? {
        guard x.isFinite, y.isFinite else { return nil }
        if !clamped {
            let halfX = columns > 1 ? (xHi - xLo) / Double(columns - 1) / 2 : (xHi - xLo) / 2
            let halfY = rows > 1 ? (yHi - yLo) / Double(rows - 1) / 2 : (yHi - yLo) / 2
            guard x >= xLo - halfX, x <= xHi + halfX, y >= yLo - halfY, y <= yHi + halfY else { return nil }
        }
        return (displayRow(ofY: y), column(ofX: x))
    }

    /// Nice ticks that fall on (or within a quarter cell of) a grid line, so
    /// that a label never names a value its cell does not hold; the two ends
    /// of the range when fewer than two nice ticks qualify.
    func alignedTicks(_ lo: Double, _ hi: Double, cells: Int, integerSteps: Bool) -> [Double] {
        guard hi > lo, cells > 1 else { return [lo] }
        let aligned = Ticks.inner(lo, hi, integerSteps: integerSteps).filter { tick in
            let position = (tick - lo) / (hi - lo) * Double(cells - 1)
            return abs(position - position.rounded()) <= 0.25
        }
        return aligned.count >= 2 ? aligned : [lo, hi]
    }

    /// The cells strictly between two cells on a straight line (Bresenham).
    static func segment(_ from: (row: Int, column: Int), _ to: (row: Int, column: Int)) -> [(row: Int, column: Int)] {
        var cells: [(row: Int, column: Int)] = []
        let dx = abs(to.column - from.column), dy = -abs(to.row - from.row)
        let sx = from.column < to.column ? 1 : -1, sy = from.row < to.row ? 1 : -1
        var error = dx + dy
        var (x, y) = (from.column, from.row)
        while !(x == to.column && y == to.row) {
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
            if !(x == to.column && y == to.row) { cells.append((y, x)) }
        }
        return cells
    }

    private static func finite(_ range: ClosedRange<Double>?) -> ClosedRange<Double>? {
        guard let range, range.lowerBound.isFinite, range.upperBound.isFinite else { return nil }
        return range
    }
}
