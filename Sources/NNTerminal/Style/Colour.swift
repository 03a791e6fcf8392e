#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether output may carry ANSI colour: only on a terminal, and never when NO_COLOR is set.
public struct ColourPolicy: Sendable, Equatable {
    /// True when escape sequences may be written.
    public let isEnabled: Bool

    /// Creates a policy that colours exactly when `isEnabled` is true.
    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// Decides for a file descriptor and an environment, following no-color.org:
    /// any non-empty NO_COLOR turns colour off.
    public static func detect(fileDescriptor: Int32 = 1, environment: [String: String]) -> ColourPolicy {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return ColourPolicy(isEnabled: isatty(fileDescriptor) == 1 && !noColour && !dumb)
    }

    /// Wraps `text` in an SGR sequence when colour is on.
    public func paint(_ text: String, _ style: Style) -> String {
        isEnabled ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Wraps `text` in one SGR sequence combining several styles when colour is on.
    ///
    /// Combining matters because a nested reset would cancel the outer style:
    /// bold code inside a bold heading is written as one `1;33` run instead.
    public func paint(_ text: String, _ styles: [Style]) -> String {
        guard isEnabled, !styles.isEmpty, !text.isEmpty else { return text }
        let codes = styles.map(\.rawValue).joined(separator: ";")
        return "\u{1B}[\(codes)m\(text)\u{1B}[0m"
    }

    /// The styles nnlearn uses.
    public enum Style: String, Sendable, CaseIterable {
        case bold = "1", dim = "2", italic = "3", underline = "4"
        case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
        case boldRed = "1;31", boldGreen = "1;32", boldCyan = "1;36"
    }

    /// The colours given to plot series, legends and class markers, in order.
    ///
    /// Blue, yellow, green, red first, like matplotlib's default cycle, so the
    /// first series look familiar; series past the sixth reuse the cycle.
    public static let seriesPalette: [Style] = [.blue, .yellow, .green, .red, .magenta, .cyan]

    /// The palette colour for the series or class at `index` (cycling).
    public static func seriesColour(_ index: Int) -> Style {
        seriesPalette[((index % seriesPalette.count) + seriesPalette.count) % seriesPalette.count]
    }

    /// A policy that never colours; the default for every renderer.
    public static let plain = ColourPolicy(isEnabled: false)
}
