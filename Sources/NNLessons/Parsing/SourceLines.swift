/// A file's text split into lines that keep their line breaks, so it can be rebuilt byte for byte.
///
/// Splitting is done on UTF-8 bytes rather than Characters because Swift
/// treats "\r\n" as one Character; a file with Windows line endings must
/// come back with exactly the endings it had.
struct SourceLines {
    /// One line: its text without the line break, and the break itself ("\n", "\r\n" or "").
    struct Line {
        var text: String
        var ending: String
    }

    var lines: [Line]

    init(_ source: String) {
        var lines: [Line] = []
        let bytes = Array(source.utf8)
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                let hasReturn = index > start && bytes[index - 1] == 0x0D
                let end = hasReturn ? index - 1 : index
                lines.append(Line(text: String(decoding: bytes[start..<end], as: UTF8.self), ending: hasReturn ? "\r\n" : "\n"))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count {
            lines.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), ending: ""))
        }
        self.lines = lines
    }

    var count: Int { lines.count }

    /// The text of the line at a 0-based index.
    subscript(index: Int) -> String { lines[index].text }

    /// The line break new lines should use: the file's first one, else "\n".
    var preferredEnding: String {
        lines.first(where: { !$0.ending.isEmpty })?.ending ?? "\n"
    }

    /// The original text of lines `range` (0-based), breaks included.
    func original(_ range: Range<Int>) -> String {
        lines[range].map { $0.text + $0.ending }.joined()
    }
}
