/// An opening code fence: three or more backticks or tildes.
struct Fence {
    let character: Character
    let length: Int
    let indent: Int
    let info: String

    init?(_ line: String) {
        let indent = BlockParser.indent(of: line)
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let length = rest.prefix(while: { $0 == first }).count
        guard length >= 3 else { return nil }
        let info = String(rest.dropFirst(length)).trimmingSpaces()
        if first == "`" && info.contains("`") { return nil }
        self.character = first
        self.length = length
        self.indent = indent
        self.info = info
    }

    func isClosed(by line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        return trimmed.count >= length && trimmed.allSatisfy { $0 == character }
    }
}

/// A list item marker: `-`, `*`, `+`, or `1.` / `1)`, followed by a space.
struct ListMarker {
    let indent: Int
    let ordered: Bool
    let number: Int
    /// The column where the item's text starts; continuation lines are indented to it.
    let contentColumn: Int
    let content: String

    init?(_ line: String) {
        let indent = BlockParser.indent(of: line)
        let rest = line.dropFirst(indent)
        guard let first = rest.first else { return nil }
        var markerLength: Int
        if "-*+".contains(first) {
            markerLength = 1
            ordered = false
            number = 1
        } else {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard (1...9).contains(digits.count), let delimiter = rest.dropFirst(digits.count).first,
                delimiter == "." || delimiter == ")", let value = Int(digits)
            else { return nil }
            markerLength = digits.count + 1
            ordered = true
            number = value
        }
        let afterMarker = rest.dropFirst(markerLength)
        guard afterMarker.isEmpty || afterMarker.first == " " else { return nil }
        let spaces = afterMarker.prefix(while: { $0 == " " }).count
        if afterMarker.allSatisfy({ $0 == " " }) {
            // "-" alone would read as a setext underline or a rule; an empty item needs the space.
            guard !afterMarker.isEmpty || ordered else { return nil }
        }
        self.indent = indent
        self.contentColumn = indent + markerLength + (spaces >= 1 && spaces <= 4 ? spaces : 1)
        self.content = String(afterMarker.dropFirst(min(spaces, 4)))
    }
}
