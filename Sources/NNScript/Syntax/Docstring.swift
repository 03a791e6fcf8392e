/// Docstrings: a function's leading string, cleaned up as Python's `inspect.cleandoc` does.
extension SyntaxParser {
    /// The cleaned text of the body's first statement when it is a plain string literal.
    static func docstring(of body: [Stmt]) -> String? {
        guard case .expression(let expression)? = body.first?.kind, case .string(let text) = expression.kind else {
            return nil
        }
        return cleanDocstring(text)
    }

    /// Removes the indentation common to all lines after the first, the first line's
    /// leading whitespace, and blank lines at the start and end.
    static func cleanDocstring(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let isBlank = { (line: String) in line.allSatisfy(\.isWhitespace) }
        let margin = lines.dropFirst().filter { !isBlank($0) }
            .map { $0.prefix(while: { $0 == " " || $0 == "\t" }).count }
            .min() ?? 0
        for index in lines.indices {
            if index == lines.startIndex {
                lines[index] = String(lines[index].drop(while: { $0 == " " || $0 == "\t" }))
            } else {
                lines[index] = String(lines[index].dropFirst(margin))
            }
        }
        while let first = lines.first, isBlank(first) { lines.removeFirst() }
        while let last = lines.last, isBlank(last) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
