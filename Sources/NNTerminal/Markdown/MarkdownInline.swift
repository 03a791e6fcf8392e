/// Inline Markdown: emphasis, strong, code spans, math, links and breaks.
indirect enum MarkdownInline: Equatable {
    case text(String)
    case code(String)
    /// Math keeps its delimiters and content exactly as written.
    case math(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case link([MarkdownInline], url: String)
    case image(alt: String, url: String)
    case lineBreak
}

/// A small CommonMark-flavoured inline parser.
///
/// Delimiters must flank text (`*a*` but not `* a *`), `_` never opens or
/// closes inside a word (so `requires_grad` stays as written), code spans and
/// `$…$` math are taken verbatim, and anything unmatched is literal text.
struct InlineParser {
    private let chars: [Character]

    /// Parses one paragraph's text; newlines are soft breaks unless the line
    /// ends with two spaces or a backslash (hard breaks).
    static func parse(_ text: String) -> [MarkdownInline] {
        let parser = InlineParser(chars: Array(text))
        return parser.parse(0..<parser.chars.count)
    }

    private func parse(_ range: Range<Int>) -> [MarkdownInline] {
        var nodes: [MarkdownInline] = []
        var buffer = ""
        func flush() {
            if !buffer.isEmpty { nodes.append(.text(buffer)) }
            buffer = ""
        }
        var pos = range.lowerBound
        while pos < range.upperBound {
            let c = chars[pos]
            switch c {
            case "\\":
                if pos + 1 < range.upperBound, chars[pos + 1] == "\n" {
                    flush(); nodes.append(.lineBreak); pos += 2; continue
                }
                if pos + 1 < range.upperBound, InlineParser.isPunctuation(chars[pos + 1]) {
                    buffer.append(chars[pos + 1]); pos += 2; continue
                }
            case "\n":
                let hard = buffer.hasSuffix("  ")
                while buffer.hasSuffix(" ") { buffer.removeLast() }
                if hard { flush(); nodes.append(.lineBreak) } else { buffer.append(" ") }
                pos += 1
                while pos < range.upperBound, chars[pos] == " " { pos += 1 }
                continue
            case "`":
                let run = runLength(at: pos, limit: range.upperBound)
                if let close = closingBackticks(from: pos + run, length: run, limit: range.upperBound) {
                    flush()
                    nodes.append(.code(InlineParser.codeContent(String(chars[(pos + run)..<close]))))
                    pos = close + run
                    continue
                }
                buffer += String(repeating: "`", count: run)
                pos += run
                continue
            case "$":
                if let end = mathEnd(at: pos, limit: range.upperBound) {
                    flush()
                    nodes.append(.math(String(chars[pos..<end])))
                    pos = end
                    continue
                }
            case "*", "_":
                if let (node, end) = emphasis(at: pos, limit: range.upperBound) {
                    flush(); nodes.append(node); pos = end; continue
                }
                // Unmatched: the whole run is text when it cannot open, else one character.
                let run = canOpen(at: pos, limit: range.upperBound) ? 1 : runLength(at: pos, limit: range.upperBound)
                buffer += String(repeating: c, count: run)
                pos += run
                continue
            case "[", "!":
                if let (node, end) = link(at: pos, limit: range.upperBound) {
                    flush(); nodes.append(node); pos = end; continue
                }
            case "<":
                if let close = (pos + 1..<range.upperBound).first(where: { chars[$0] == ">" || chars[$0] == " " }),
                    chars[close] == ">"
                {
                    let url = String(chars[(pos + 1)..<close])
                    if url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("mailto:") {
                        flush(); nodes.append(.link([.text(url)], url: url)); pos = close + 1; continue
                    }
                }
            default:
                break
            }
            buffer.append(c)
            pos += 1
        }
        flush()
        return nodes
    }

    // MARK: Code spans and math

    private func runLength(at pos: Int, limit: Int) -> Int {
        var end = pos
        while end < limit, chars[end] == chars[pos] { end += 1 }
        return end - pos
    }

    private func closingBackticks(from start: Int, length: Int, limit: Int) -> Int? {
        var pos = start
        while pos < limit {
            if chars[pos] == "`" {
                let run = runLength(at: pos, limit: limit)
                if run == length { return pos }
                pos += run
            } else {
                pos += 1
            }
        }
        return nil
    }

    /// Code span content: newlines are spaces; one space padding each side is dropped.
    private static func codeContent(_ raw: String) -> String {
        let text = String(raw.map { $0 == "\n" ? " " : $0 })
        if text.count >= 2, text.hasPrefix(" "), text.hasSuffix(" "), text.contains(where: { $0 != " " }) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// The end of `$…$` or `$$…$$` starting at `pos`. Inline math must not start
    /// or end with a space, nor be followed by a digit, so prices stay text.
    private func mathEnd(at pos: Int, limit: Int) -> Int? {
        if pos + 1 < limit, chars[pos + 1] == "$" {
            var scan = pos + 2
            while scan + 1 < limit {
                if chars[scan] == "$" && chars[scan + 1] == "$" { return scan > pos + 2 ? scan + 2 : nil }
                scan += 1
            }
            return nil
        }
        guard pos + 1 < limit, chars[pos + 1] != " " else { return nil }
        var scan = pos + 1
        while scan < limit {
            if chars[scan] == "\\" { scan += 2; continue }
            if chars[scan] == "$" {
                guard chars[scan - 1] != " " else { return nil }
                if scan + 1 < limit, chars[scan + 1].isNumber { return nil }
                return scan + 1
            }
            scan += 1
        }
        return nil
    }

    // MARK: Emphasis

    private func canOpen(at pos: Int, limit: Int) -> Bool {
        let run = runLength(at: pos, limit: limit)
        guard pos + run < limit, !chars[pos + run].isWhitespace else { return false }
        if chars[pos] == "_", pos > 0, chars[pos - 1].isLetter || chars[pos - 1].isNumber { return false }
        return true
    }

    private func canClose(at pos: Int, run: Int, limit: Int) -> Bool {
        guard pos > 0, !chars[pos - 1].isWhitespace else { return false }
        if chars[pos] == "_", pos + run < limit, chars[pos + run].isLetter || chars[pos + run].isNumber { return false }
        return true
    }

    /// `*a*`, `**a**` or `***a***` (and the `_` forms) starting at `pos`.
    private func emphasis(at pos: Int, limit: Int) -> (MarkdownInline, Int)? {
        let delimiter = chars[pos]
        let run = runLength(at: pos, limit: limit)
        guard run <= 3, canOpen(at: pos, limit: limit) else { return nil }
        var scan = pos + run
        while scan < limit {
            let c = chars[scan]
            if c == "\\" { scan += 2; continue }
            if c == "`" {
                let ticks = runLength(at: scan, limit: limit)
                if let close = closingBackticks(from: scan + ticks, length: ticks, limit: limit) {
                    scan = close + ticks
                } else {
                    scan += ticks
                }
                continue
            }
            if c == delimiter {
                let closing = runLength(at: scan, limit: limit)
                if closing == run, scan > pos + run, canClose(at: scan, run: closing, limit: limit) {
                    let inner = parse((pos + run)..<scan)
                    switch run {
                    case 1: return (.emphasis(inner), scan + run)
                    case 2: return (.strong(inner), scan + run)
                    default: return (.strong([.emphasis(inner)]), scan + run)
                    }
                }
                scan += closing
                continue
            }
            scan += 1
        }
        return nil
    }

    // MARK: Links

    /// `[text](url)` or `![alt](url)` starting at `pos`.
    private func link(at pos: Int, limit: Int) -> (MarkdownInline, Int)? {
        let isImage = chars[pos] == "!"
        let open = isImage ? pos + 1 : pos
        guard open < limit, chars[open] == "[",
            let close = matching(from: open, open: "[", close: "]", limit: limit),
            close + 1 < limit, chars[close + 1] == "(",
            let end = matching(from: close + 1, open: "(", close: ")", limit: limit)
        else { return nil }
        var url = String(chars[(close + 2)..<end]).trimmingSpaces()
        if let space = url.firstIndex(of: " ") { url = String(url[..<space]) }  // drops a "title"
        if url.hasPrefix("<") && url.hasSuffix(">") && url.count >= 2 { url = String(url.dropFirst().dropLast()) }
        if isImage {
            return (.image(alt: String(chars[(open + 1)..<close]), url: url), end + 1)
        }
        return (.link(parse((open + 1)..<close), url: url), end + 1)
    }

    private func matching(from start: Int, open: Character, close: Character, limit: Int) -> Int? {
        var depth = 0
        var pos = start
        while pos < limit {
            let c = chars[pos]
            if c == "\\" { pos += 2; continue }
            if c == open { depth += 1 }
            if c == close {
                depth -= 1
                if depth == 0 { return pos }
            }
            pos += 1
        }
        return nil
    }

    static func isPunctuation(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return false }
        return (33...47).contains(ascii) || (58...64).contains(ascii) || (91...96).contains(ascii) || (123...126).contains(ascii)
    }
}
