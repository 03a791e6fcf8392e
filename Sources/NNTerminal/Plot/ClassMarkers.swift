/// Distinct markers for class labels and series, assigned in a stable order.
enum ClassMarkers {
    /// Markers for classes, chosen to stay distinct from both shade ramps.
    static let classes: [Character] = ["o", "x", "^", "s", "d", "v", "+", "*"]
    /// Markers for line-plot series in ASCII mode; never `#`, which marks a cell several series share.
    static let series: [Character] = ["*", "+", "o", "x", "=", "@", "%", "&"]

    /// The distinct labels, numbers in numeric order first, then text in
    /// lexicographic order, so `2` comes before `10` and the marker a class
    /// gets does not depend on the order of the points.
    static func sortedLabels(_ labels: [String]) -> [String] {
        Array(Set(labels)).sorted { a, b in
            switch (Double(a), Double(b)) {
            case let (x?, y?): return x != y ? x < y : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
    }

    /// A marker per label: `overrides` first, then the class markers in label order.
    static func assign(_ labels: [String], overrides: [String: Character] = [:]) -> [(label: String, marker: Character)] {
        sortedLabels(labels).enumerated().map { index, label in
            (label, overrides[label] ?? classes[index % classes.count])
        }
    }
}
