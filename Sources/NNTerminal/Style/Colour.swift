#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether output may carry ANSI colour: only on a terminal, and never when NO_COLOR is set.
public struct ColourPolicy: Sendable, Equatable {
    /// True when escape sequences may be written.
    public let isEnabled: Bool

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

    /// The styles nnlearn uses.
    public enum Style: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
        case boldRed = "1;31", boldGreen = "1;32", boldCyan = "1;36"
    }
}
