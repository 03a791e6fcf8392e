/// A named sequence of points, such as an optimizer's path, drawn over a grid.
public struct Trajectory: Sendable {
    /// The name shown in the legend.
    public var name: String
    /// The points in data coordinates, in order; non-finite ones are skipped.
    public var points: [(x: Double, y: Double)]
    /// The marker drawn at each point; nil picks `1`…`9`, then `a`…`z` by position.
    public var marker: Character?

    /// Creates a trajectory.
    public init(_ name: String, points: [(x: Double, y: Double)], marker: Character? = nil) {
        self.name = name
        self.points = points
        self.marker = marker
    }

    /// The default marker of the trajectory at `index`: `1`…`9`, then `a`…`z`, then `#`.
    public static func defaultMarker(_ index: Int) -> Character {
        let markers = Array("123456789abcdefghijklmnopqrstuvwxyz")
        return index >= 0 && index < markers.count ? markers[index] : "#"
    }
}
