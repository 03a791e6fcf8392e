/// The optional metadata between `---` lines at the top of a lesson, in a small YAML subset.
///
/// Supported: `key: value` lines (values may be quoted), inline lists
/// `key: [a, b]`, block lists (`key:` then `- a` lines), blank lines and
/// `#` comments. That is all a lesson needs, and it keeps nnlearn free of a
/// YAML dependency; anything else is reported rather than guessed at.
struct FrontMatter: Equatable {
    /// Scalar fields, unquoted; list fields hold their items joined by ", ".
    var fields: [String: String] = [:]
    /// List fields (`prerequisites`), item by item.
    var lists: [String: [String]] = [:]
    /// The 1-based line each field is on, for diagnostics about its value.
    var fieldLines: [String: Int] = [:]
    /// How many lines it occupies, both `---` lines included (0 when absent).
    var lineCount = 0

    /// Reads front matter at the start of `lines`; an empty value when the file has none.
    static func parse(_ lines: SourceLines, file: String) throws(LessonError) -> FrontMatter {
        guard lines.count > 0, lines[0].trimmingWhitespace() == "---" else { return FrontMatter() }
        var matter = FrontMatter()
        var openList: String?
        for index in 1..<lines.count {
            let line = lines[index]
            let trimmed = line.trimmingWhitespace()
            if trimmed == "---" || trimmed == "..." {
                matter.lineCount = index + 1
                return matter
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("- "), let key = openList {
                matter.add(unquote(String(trimmed.dropFirst(2))), toList: key)
                continue
            }
            guard let colon = line.firstIndex(of: ":"), line.first?.isWhitespace == false else {
                throw LessonError(file: file, line: index + 1, message: "front matter line is not 'key: value': '\(trimmed)'")
            }
            let key = line[..<colon].trimmingWhitespace()
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            guard !key.isEmpty else {
                throw LessonError(file: file, line: index + 1, message: "front matter line has no key before ':': '\(trimmed)'")
            }
            openList = nil
            matter.fieldLines[key] = index + 1
            if value.isEmpty {
                openList = key
                matter.lists[key] = []
                matter.fields[key] = ""
            } else if value.hasPrefix("[") && value.hasSuffix("]") {
                matter.lists[key] = []
                matter.fields[key] = ""
                for item in value.dropFirst().dropLast().split(separator: ",") {
                    let text = unquote(item.trimmingWhitespace())
                    if !text.isEmpty { matter.add(text, toList: key) }
                }
            } else {
                matter.fields[key] = unquote(value)
            }
        }
        throw LessonError(file: file, line: 1, message: "front matter opened at line 1 is never closed: end it with a line '---'")
    }

    private mutating func add(_ item: String, toList key: String) {
        lists[key, default: []].append(item)
        fields[key] = lists[key, default: []].joined(separator: ", ")
    }

    /// A value without one pair of matching surrounding quotes.
    private static func unquote(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
