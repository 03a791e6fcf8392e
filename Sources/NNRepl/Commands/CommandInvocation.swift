/// A meta-command line taken apart: `:precision 3` is the command `precision`
/// with the argument text `3`.
public struct CommandInvocation: Equatable, Sendable {
    /// The command's name without the colon, as typed (it may be an alias or a typo).
    public var name: String
    /// Everything after the name, trimmed.
    public var arguments: String

    public init(name: String, arguments: String) {
        self.name = name
        self.arguments = arguments
    }

    /// Parses a line that starts with `:`; nil for any other text.
    public init?(parsing line: String) {
        let trimmed = line.trimmingSpaces
        guard trimmed.hasPrefix(":") else { return nil }
        let rest = trimmed.dropFirst()
        let name = rest.prefix { !$0.isWhitespace }
        self.init(name: String(name), arguments: String(rest.dropFirst(name.count)).trimmingSpaces)
    }

    /// The arguments split at whitespace.
    public var words: [String] {
        arguments.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (Foundation-free).
    var trimmingSpaces: String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
