/// The one-line progress bar `fit` draws on a terminal:
/// `[██████████░░░░░░░░░░]  50% epoch 10/20 loss 0.3120`.
public enum ProgressBar {
    /// The bar for `fraction` (0…1) followed by the status line, cut to `width` columns.
    public static func render(fraction: Double, status: String, width: Int) -> String {
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let cells = 20
        let filled = Int((clamped * Double(cells)).rounded(.down))
        let percent = String(Int((clamped * 100).rounded(.down)))
        let bar = "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled) + "] "
            + String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "% "
        let firstLine = status.split(separator: "\n").first.map { $0.trimmingSpaces } ?? ""
        let line = bar + firstLine
        // Leave the last column free: writing into it makes some terminals wrap.
        return String(line.prefix(max(0, width - 1)))
    }
}
