/// A CommonMark code fence: a run of at least three backticks or tildes, indented at most three spaces.
struct Fence: Equatable {
    /// "`" or "~".
    var character: Character
    /// How many fence characters open it; a closing fence needs at least as many.
    var length: Int
    /// Spaces before the fence; removed (up to this many) from content lines, as CommonMark does.
    var indent: Int
    /// The info string after the fence, trimmed.
    var info: String

    /// The first word of the info string: `nn`, `output`, `python`…
    var language: String {
        String(info.prefix { !$0.isWhitespace })
    }

    /// The words after the cell marker when the fence opens an nnlearn code cell, nil otherwise.
    ///
    /// A cell is ```` ```nn ```` or ```` ```python nn ````: forges (GitHub's cmark-gfm, GitLab) take the
    /// first word as the language to highlight, and nnlearn's language reads as Python.
    var cellOptions: [Substring]? {
        let words = info.split(whereSeparator: \.isWhitespace)
        if words.first == "nn" { return Array(words.dropFirst()) }
        if words.count >= 2, words[0] == "python", words[1] == "nn" { return Array(words.dropFirst(2)) }
        return nil
    }

    /// The fence a line opens, or nil when it is not an opening fence.
    static func opening(_ line: String) -> Fence? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let length = rest.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        let info = rest.dropFirst(length).trimmingWhitespace()
        // A backtick fence's info string may not contain backticks (it would be a code span).
        if character == "`" && info.contains("`") { return nil }
        return Fence(character: character, length: length, indent: indent, info: info)
    }

    /// Whether `line` closes this fence: same character, at least as long, nothing after but spaces.
    func isClosed(by line: String) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == character }.count
        guard run >= length else { return false }
        return rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// A content line with up to `indent` leading spaces removed.
    func content(_ line: String) -> String {
        let spaces = min(indent, line.prefix { $0 == " " }.count)
        return String(line.dropFirst(spaces))
    }

    /// A fenced block of `text`: opening fence, its lines, closing fence, without a final line break.
    ///
    /// The backtick fence is longer than any run of backticks that starts a line
    /// inside, so no content can close it; each line is indented by `indent`
    /// spaces (empty lines stay empty) and ended by `eol`.
    static func block(_ text: String, info: String, indent: Int = 0, eol: String = "\n") -> String {
        let pad = String(repeating: " ", count: indent)
        let ticks = backticks(for: text)
        let body = LineDiff.lines(text).map { ($0.isEmpty ? "" : pad) + $0 + eol }.joined()
        return pad + ticks + info + eol + body + pad + ticks
    }

    /// A backtick fence long enough that no line of `text` can close it (at least three).
    static func backticks(for text: String) -> String {
        var longest = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            longest = max(longest, trimmed.prefix { $0 == "`" }.count)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
