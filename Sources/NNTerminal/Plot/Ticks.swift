import Foundation

/// "Nice" axis tick positions: multiples of 1, 2, 2.5 or 5 times a power of ten.
enum Ticks {
    /// Ticks covering `lo...hi`, with the range widened to the outer ticks so
    /// that the first and last rows of a plot carry labels (3 to `maxTicks`).
    static func extended(
        _ lo: Double, _ hi: Double, integerSteps: Bool = false, maxTicks: Int = 5
    ) -> (lo: Double, hi: Double, ticks: [Double]) {
        let (lo, hi) = widened(lo, hi)
        for step in candidates(lo, hi, integerSteps: integerSteps) {
            let first = (lo / step + 1e-9).rounded(.down)
            let last = (hi / step - 1e-9).rounded(.up)
            if last - first <= Double(max(maxTicks, 2) - 1) {
                let ticks = stride(from: first, through: last, by: 1).map { $0 * step }
                return (first * step, last * step, ticks)
            }
        }
        return (lo, hi, [lo, hi])
    }

    /// Ticks inside `lo...hi` (the range is kept), at most five; the two ends
    /// when no nice value fits.
    static func inner(_ lo: Double, _ hi: Double, integerSteps: Bool = false) -> [Double] {
        guard lo < hi else { return [lo] }
        for step in candidates(lo, hi, integerSteps: integerSteps) {
            let first = (lo / step - 1e-9).rounded(.up)
            let last = (hi / step + 1e-9).rounded(.down)
            if last - first <= 4 {
                guard last - first >= 1 else { break }
                return stride(from: first, through: last, by: 1).map { $0 * step }
            }
        }
        return [lo, hi]
    }

    /// A degenerate range (one value) opened up so that it can be drawn.
    static func widened(_ lo: Double, _ hi: Double) -> (Double, Double) {
        guard lo < hi else {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            return (lo - pad, hi + pad)
        }
        return (lo, hi)
    }

    /// Step sizes from fine to coarse around a quarter of the range.
    private static func candidates(_ lo: Double, _ hi: Double, integerSteps: Bool) -> [Double] {
        let raw = (hi - lo) / 4
        guard raw.isFinite, raw > 0 else { return [] }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        if integerSteps {
            // Whole steps only (decades on a log axis, indices of a grid).
            return [1, 2, 5, 10, 20, 50, 100].map { $0 * max(magnitude, 1) }
        }
        return [1, 2, 2.5, 5, 10, 20, 25, 50, 100].map { $0 * magnitude }
    }
}
