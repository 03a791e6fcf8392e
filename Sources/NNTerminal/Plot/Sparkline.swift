/// A one-line chart of a series: `▁▂▃▅▇█`.
///
/// Unicode mode uses the eight block heights `▁▂▃▄▅▆▇█`; ASCII mode uses the
/// five characters `_.-=^`, which sit at rising heights in common fonts.
/// Missing values (NaN, ±inf) are blanks; a constant series sits at mid
/// height; an empty one reads `(no data)`.
public enum Sparkline {
    /// The Unicode levels, lowest first.
    public static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The ASCII levels, lowest first.
    public static let asciiLevels: [Character] = ["_", ".", "-", "=", "^"]

    /// The sparkline of `values`; `maxWidth` averages neighbouring values into
    /// at most that many characters, and `range` fixes the scale (else min...max).
    public static func render(
        _ values: [Double], ascii: Bool = false, maxWidth: Int? = nil, range: ClosedRange<Double>? = nil
    ) -> String {
        let levels = ascii ? asciiLevels : unicodeLevels
        var series = values
        if let maxWidth, series.count > max(1, maxWidth) {
            series = bucketMeans(series, max(1, maxWidth))
        }
        let finite = series.filter(\.isFinite)
        guard let dataMin = finite.min(), let dataMax = finite.max() else {
            return series.isEmpty ? "(no data)" : String(repeating: " ", count: series.count)
        }
        var lo = dataMin, hi = dataMax
        if let range, range.lowerBound.isFinite, range.upperBound.isFinite { (lo, hi) = (range.lowerBound, range.upperBound) }
        return String(series.map { value -> Character in
            guard value.isFinite else { return " " }
            guard hi > lo else { return levels[(levels.count - 1) / 2] }
            let fraction = RangeFraction.of(value, lo, hi)
            return levels[min(levels.count - 1, Int(fraction * Double(levels.count - 1) + 0.5))]
        })
    }

    /// Means of `count` consecutive buckets of nearly equal size, ignoring missing values.
    static func bucketMeans(_ values: [Double], _ count: Int) -> [Double] {
        (0..<count).map { bucket in
            let start = bucket * values.count / count, end = (bucket + 1) * values.count / count
            let finite = values[start..<max(end, start + 1)].filter(\.isFinite)
            return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        }
    }
}
