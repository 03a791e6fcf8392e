import Foundation

/// One named series of a line plot: y values and optional x values.
public struct PlotSeries: Sendable, Equatable {
    /// The name shown in the legend.
    public var name: String
    /// The y values; NaN and infinite values leave a gap in the line.
    public var y: [Double]
    /// The x values; nil means 0, 1, 2, …. Extra values on either side are ignored.
    public var x: [Double]?

    /// Creates a series.
    public init(_ name: String = "", y: [Double], x: [Double]? = nil) {
        self.name = name
        self.y = y
        self.x = x
    }

    /// The (x, y) pairs with nil where a value is missing or not drawable.
    func points(logY: Bool) -> [(x: Double, y: Double)?] {
        let count = min(y.count, x?.count ?? y.count)
        return (0..<count).map { index in
            let px = x?[index] ?? Double(index)
            var py = y[index]
            if logY { py = py > 0 ? log10(py) : .nan }
            return px.isFinite && py.isFinite ? (px, py) : nil
        }
    }
}
