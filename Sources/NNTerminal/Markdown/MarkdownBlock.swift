/// Block-level Markdown structure.
indirect enum MarkdownBlock: Equatable {
    case heading(level: Int, text: String)
    /// Raw lines, joined for inline parsing (hard breaks need the line ends).
    case paragraph([String])
    case code(info: String, lines: [String])
    /// A `$$ … $$` display-math block, kept exactly as written.
    case math([String])
    case quote([MarkdownBlock])
    case list(ordered: Bool, start: Int, items: [[MarkdownBlock]], loose: Bool)
    case table(header: [String], alignments: [Table.Alignment?], rows: [[String]])
    case rule
}

/// Splits Markdown source into blocks, CommonMark-ish and forgiving.
///
/// Supported: ATX and setext headings, paragraphs, fenced code (``` and ~~~),
/// `$$` math, block quotes (with lazy continuation), bulleted and numbered
/// lists nested by indentation (a marker indented past its parent's marker is
/// nested), GFM pipe tables and thematic breaks. Indented code blocks (lines
/// indented four spaces after a blank line, as lessons write formulas) are
/// recognised at the top level only, so that loosely indented list content stays text.
enum BlockParser {
    static func parse(_ source: String) -> [MarkdownBlock] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var text = String(line)
            if text.hasSuffix("\r") { text.removeLast() }
            return expandLeadingTabs(text)
        }
        return parse(lines, indentedCode: true)
    }

    static func parse(_ lines: [String], indentedCode: Bool = false) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { i += 1; continue }
            if indentedCode, indent(of: line) >= 4 {
                blocks.append(parseIndentedCode(lines, &i))
            } else if let fence = Fence(line) {
                var body: [String] = []
                i += 1
                while i < lines.count, !fence.isClosed(by: lines[i]) {
                    body.append(dropIndent(lines[i], upTo: fence.indent))
                    i += 1
                }
                i += 1
                blocks.append(.code(info: fence.info, lines: body))
            } else if trimmed.hasPrefix("$$") {
                var body = [trimmed]
                i += 1
                if !(trimmed.count >= 4 && trimmed.hasSuffix("$$")) {
                    while i < lines.count {
                        body.append(dropIndent(lines[i], upTo: indent(of: line)))
                        i += 1
                        if lines[i - 1].trimmingSpaces().hasSuffix("$$") { break }
                    }
                }
                blocks.append(.math(body))
            } else if let heading = atxHeading(trimmed) {
                blocks.append(heading)
                i += 1
            } else if isRule(trimmed) {
                blocks.append(.rule)
                i += 1
            } else if trimmed.hasPrefix(">") {
                blocks.append(parseQuote(lines, &i))
            } else if ListMarker(line) != nil {
                blocks.append(parseList(lines, &i))
            } else if let table = parseTable(lines, &i) {
                blocks.append(table)
            } else {
                // Trailing spaces stay: two of them mark a hard line break.
                var text = [String(line.drop(while: { $0 == " " }))]
                i += 1
                while i < lines.count, !lines[i].trimmingSpaces().isEmpty, !startsBlock(lines[i]) {
                    let next = String(lines[i].drop(while: { $0 == " " }))
                    if let level = setextLevel(next.trimmingSpaces()) {
                        blocks.append(.heading(level: level, text: text.joined(separator: " ").trimmingSpaces()))
                        text = []
                        i += 1
                        break
                    }
                    text.append(next)
                    i += 1
                }
                if !text.isEmpty { blocks.append(.paragraph(text)) }
            }
        }
        return blocks
    }

    /// Whether a line begins a block other than a paragraph (so it interrupts one).
    static func startsBlock(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        return Fence(line) != nil || trimmed.hasPrefix("$$") || atxHeading(trimmed) != nil
            || (isRule(trimmed) && setextLevel(trimmed) == nil) || trimmed.hasPrefix(">") || ListMarker(line) != nil
    }

    // MARK: Leaf blocks

    /// Lines indented four or more spaces (blank lines between them included),
    /// shown as written with the four spaces removed.
    static func parseIndentedCode(_ lines: [String], _ i: inout Int) -> MarkdownBlock {
        var body: [String] = []
        while i < lines.count, lines[i].trimmingSpaces().isEmpty || indent(of: lines[i]) >= 4 {
            body.append(dropIndent(lines[i], upTo: 4))
            i += 1
        }
        while body.last?.trimmingSpaces().isEmpty == true { body.removeLast() }
        return .code(info: "", lines: body)
    }

    static func atxHeading(_ trimmed: String) -> MarkdownBlock? {
        let hashes = trimmed.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = String(rest).trimmingSpaces()
        // An optional closing run of #s, separated by a space.
        let closing = text.reversed().prefix(while: { $0 == "#" }).count
        if closing > 0 {
            let kept = text.dropLast(closing)
            if kept.isEmpty || kept.hasSuffix(" ") { text = String(kept).trimmingSpaces() }
        }
        return .heading(level: hashes, text: text)
    }

    static func isRule(_ trimmed: String) -> Bool {
        let compact = trimmed.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    /// `===` under a paragraph makes a level-1 heading, `---` a level-2 one.
    static func setextLevel(_ trimmed: String) -> Int? {
        guard !trimmed.isEmpty else { return nil }
        if trimmed.allSatisfy({ $0 == "=" }) { return 1 }
        if trimmed.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    // MARK: Containers

    private static func parseQuote(_ lines: [String], _ i: inout Int) -> MarkdownBlock {
        var body: [String] = []
        while i < lines.count {
            let trimmed = lines[i].trimmingSpaces()
            if trimmed.hasPrefix(">") {
                var rest = trimmed.dropFirst()
                if rest.first == " " { rest = rest.dropFirst() }
                body.append(String(rest))
            } else if !trimmed.isEmpty, let last = body.last, !last.trimmingSpaces().isEmpty, !startsBlock(lines[i]) {
                body.append(trimmed)  // lazy continuation of the quoted paragraph
            } else {
                break
            }
            i += 1
        }
        return .quote(parse(body))
    }

    private static func parseList(_ lines: [String], _ i: inout Int) -> MarkdownBlock {
        guard let first = ListMarker(lines[i]) else { return .paragraph([lines[i]]) }
        var items: [[MarkdownBlock]] = []
        var loose = false
        while i < lines.count, let marker = ListMarker(lines[i]), marker.ordered == first.ordered,
            marker.indent <= first.indent
        {
            var body = [marker.content]
            i += 1
            var sawBlank = false
            while i < lines.count {
                let line = lines[i]
                if line.trimmingSpaces().isEmpty {
                    // A blank line continues the item only if indented content follows.
                    guard let next = lines[i...].firstIndex(where: { !$0.trimmingSpaces().isEmpty }),
                        indent(of: lines[next]) > marker.indent
                    else { break }
                    body.append("")
                    sawBlank = true
                    i += 1
                    continue
                }
                if indent(of: line) > marker.indent {
                    body.append(dropIndent(line, upTo: marker.contentColumn))
                } else if !sawBlank, !startsBlock(line), body.last.map({ !$0.isEmpty }) ?? false {
                    body.append(line.trimmingSpaces())  // lazy continuation
                } else {
                    break
                }
                i += 1
            }
            let inner = body.enumerated().filter { $0.offset > 0 && $0.element.isEmpty }
            if !inner.isEmpty && body.last.map({ !$0.isEmpty }) ?? false { loose = true }
            items.append(parse(body))
            // Blank lines between two items make the list loose.
            var next = i
            while next < lines.count, lines[next].trimmingSpaces().isEmpty { next += 1 }
            if next > i, next < lines.count, let sibling = ListMarker(lines[next]), sibling.ordered == first.ordered,
                sibling.indent <= first.indent
            {
                loose = true
                i = next
            }
        }
        return .list(ordered: first.ordered, start: first.number, items: items, loose: loose)
    }

    // MARK: Lines

    static func indent(of line: String) -> Int {
        line.prefix(while: { $0 == " " }).count
    }

    static func dropIndent(_ line: String, upTo count: Int) -> String {
        String(line.dropFirst(min(indent(of: line), count)))
    }

    /// Leading tabs become four spaces so indentation can be compared.
    static func expandLeadingTabs(_ line: String) -> String {
        guard line.first == "\t" || line.hasPrefix(" ") else { return line }
        var result = ""
        var rest = Substring(line)
        while let c = rest.first, c == " " || c == "\t" {
            result += c == "\t" ? String(repeating: " ", count: 4 - result.count % 4) : " "
            rest = rest.dropFirst()
        }
        return result + rest
    }
}
