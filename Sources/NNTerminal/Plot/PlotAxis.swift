import Foundation

/// A value axis: the drawn range and its tick values.
struct PlotAxis {
    var lo: Double
    var hi: Double
    var ticks: [Double]

    /// A range fitted to data and widened to nice ticks; whole decades on a log axis.
    /// Short plots get fewer ticks (never under 3), so ticks land on distinct rows.
    static func fitted(_ lo: Double, _ hi: Double, logY: Bool, rows: Int) -> PlotAxis {
        let (a, b) = Ticks.widened(lo, hi)
        let nice = Ticks.extended(a, b, integerSteps: logY && b - a >= 1, maxTicks: min(5, max(3, rows)))
        return PlotAxis(lo: nice.lo, hi: nice.hi, ticks: nice.ticks)
    }

    /// A caller-chosen range with nice ticks inside it.
    static func fixed(_ range: ClosedRange<Double>, logY: Bool) -> PlotAxis {
        var (lo, hi) = (range.lowerBound, range.upperBound)
        if logY { (lo, hi) = (log10(max(lo, .leastNormalMagnitude)), log10(max(hi, .leastNormalMagnitude))) }
        (lo, hi) = Ticks.widened(lo, hi)
        return PlotAxis(lo: lo, hi: hi, ticks: Ticks.inner(lo, hi, integerSteps: logY && hi - lo >= 1))
    }

    /// The dot index of `value` on an axis of `dots` dots (top first when `flipped`), clamped.
    static func dot(_ value: Double, from lo: Double, to hi: Double, dots: Int, flipped: Bool) -> Int {
        let fraction = RangeFraction.of(value, lo, hi)
        let position = (flipped ? 1 - fraction : fraction) * Double(dots - 1)
        guard position.isFinite else { return 0 }
        // Clamp before converting: Int(_:) traps on values beyond its range.
        return Int(min(max(position, 0), Double(dots - 1)).rounded())
    }
}
