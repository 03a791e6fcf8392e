import Foundation

/// Maps values to the characters of a shade ramp, and describes the mapping.
///
/// Continuous mode splits the value range into equal bands (on a log scale
/// when asked); class mode gives each distinct value its own shade, spread
/// over the ramp's middle so that overlay markers stay readable.
struct ShadeScale {
    /// The Unicode ramp, light to dark.
    static let unicodeRamp: [Character] = [" ", "░", "▒", "▓", "█"]
    /// The ASCII ramp, light to dark.
    static let asciiRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    private enum Mode {
        case constant(Double)
        case classes([Double])
        case bands(lo: Double, hi: Double, count: Int, shift: Double?)
    }

    let ramp: [Character]
    private let mode: Mode

    /// A scale for `values` (non-finite ones ignored); nil when there is no finite value.
    init?(values: [Double], ramp: [Character], range: ClosedRange<Double>?, levels: Int?, classes: Bool, logScale: Bool) {
        self.ramp = ramp
        let finite = values.filter(\.isFinite)
        guard var lo = finite.min(), var hi = finite.max(), !ramp.isEmpty else { return nil }
        if let range, range.lowerBound.isFinite, range.upperBound.isFinite { (lo, hi) = (range.lowerBound, range.upperBound) }
        let distinct = Array(Set(finite)).sorted()
        if classes && distinct.count <= ramp.count {
            mode = .classes(distinct)
        } else if hi <= lo {
            mode = .constant(lo)
        } else {
            let count = min(max(levels ?? ramp.count, 1), ramp.count)
            // Shifting by a thousandth of the range keeps log10 finite at the minimum.
            mode = .bands(lo: lo, hi: hi, count: count, shift: logScale ? (hi - lo) / 1000 : nil)
        }
    }

    /// The shade for one value; `?` for a missing one.
    func shade(_ value: Double) -> Character {
        guard value.isFinite else { return "?" }
        return ramp[rampIndex(value)]
    }

    /// The shade's darkness from 0 (lightest) to 1 (darkest); nil for a missing value.
    func level(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        return ramp.count > 1 ? Double(rampIndex(value)) / Double(ramp.count - 1) : 0
    }

    private func rampIndex(_ value: Double) -> Int {
        switch mode {
        case .constant:
            return ramp.count / 2
        case .classes(let distinct):
            let position = distinct.firstIndex(of: value) ?? 0
            return ShadeScale.spread(position, of: distinct.count, over: ramp.count)
        case let .bands(lo, hi, count, shift):
            let band = ShadeScale.band(value, lo: lo, hi: hi, count: count, shift: shift)
            return count == ramp.count ? band : ShadeScale.spread(band, of: count, over: ramp.count, interior: false)
        }
    }

    /// The legend: each shade in brackets with the values it stands for.
    func legend(ascii: Bool) -> String {
        let dash = ascii ? ".." : "–"
        switch mode {
        case .constant(let value):
            return "[\(ramp[ramp.count / 2])] \(NumberText.compact(value))"
        case .classes(let distinct):
            return distinct.enumerated().map { position, value in
                "[\(ramp[ShadeScale.spread(position, of: distinct.count, over: ramp.count)])] \(NumberText.compact(value))"
            }.joined(separator: "  ")
        case let .bands(lo, hi, count, shift):
            let edges = (0...count).map { ShadeScale.edge($0, lo: lo, hi: hi, count: count, shift: shift) }
            return (0..<count).map { band in
                let index = count == ramp.count ? band : ShadeScale.spread(band, of: count, over: ramp.count, interior: false)
                return "[\(ramp[index])] \(NumberText.compact(edges[band]))\(dash)\(NumberText.compact(edges[band + 1]))"
            }.joined(separator: "  ")
        }
    }

    /// The band (0..<count) a value falls in; values outside the range clamp.
    private static func band(_ value: Double, lo: Double, hi: Double, count: Int, shift: Double?) -> Int {
        let position: Double
        if let shift {
            let top = log10(hi - lo + shift), bottom = log10(shift)
            position = (log10(max(value - lo, 0) + shift) - bottom) / (top - bottom)
        } else {
            position = RangeFraction.of(value, lo, hi)
        }
        guard position.isFinite else { return 0 }
        // Clamp before converting: Int(_:) traps on values beyond its range.
        return Int(min(max(position * Double(count), 0), Double(count - 1)).rounded(.down))
    }

    /// The value at band edge `k` (0...count).
    private static func edge(_ k: Int, lo: Double, hi: Double, count: Int, shift: Double?) -> Double {
        let fraction = Double(k) / Double(count)
        guard let shift else { return lo + fraction * (hi - lo) }
        let top = log10(hi - lo + shift), bottom = log10(shift)
        return lo + pow(10, bottom + fraction * (top - bottom)) - shift
    }

    /// Position `i` of `n` spread evenly over a ramp of `size` shades; with
    /// `interior`, the lightest and darkest shades are avoided when they can be.
    private static func spread(_ i: Int, of n: Int, over size: Int, interior: Bool = true) -> Int {
        var first = 0, last = size - 1
        if interior && n <= size - 2 { (first, last) = (1, size - 2) }
        guard n > 1 else { return (first + last + 1) / 2 }
        return first + Int((Double(i * (last - first)) / Double(n - 1)).rounded())
    }
}
