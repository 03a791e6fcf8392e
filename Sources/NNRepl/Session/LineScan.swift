/// One line of code read left to right without the parser, which needs whole
/// statements: where a comment starts, whether a string is left open, and how
/// many brackets stay open.
///
/// Quotes pair up one character at a time, so a triple-quoted string reads as
/// three strings; that is close enough for completion and indentation.
struct LineScan {
    /// The line up to its comment (all of it when there is none).
    let code: Substring
    /// Whether a `#` outside strings starts a comment.
    let hasComment: Bool
    /// Whether the line ends inside a string literal.
    let endsInString: Bool
    /// Brackets opened on the line and not closed on it (negative when it closes more).
    let openBrackets: Int

    init(_ line: String) {
        var quote: Character?
        var escaped = false
        var depth = 0
        var commentStart: String.Index?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == open { quote = nil }
            } else if character == "#" {
                commentStart = index
                break
            } else if character == "\"" || character == "'" {
                quote = character
            } else if "([{".contains(character) {
                depth += 1
            } else if ")]}".contains(character) {
                depth -= 1
            }
        }
        code = line[..<(commentStart ?? line.endIndex)]
        hasComment = commentStart != nil
        endsInString = quote != nil
        openBrackets = depth
    }
}
