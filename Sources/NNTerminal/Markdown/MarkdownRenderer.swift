/// Renders Markdown lessons for the terminal.
///
/// Headings, re-wrapped paragraphs, `*emphasis*`, `**bold**`, `` `code` ``,
/// links (`text (url)`), nested bulleted and numbered lists, block quotes
/// (`│ `), fenced code (indented four spaces, verbatim), pipe tables (drawn
/// with ``Table``), rules and `$…$` math (passed through as written). With an
/// enabled ``ColourPolicy`` styles are ANSI sequences; with a disabled one the
/// output is plain text without a single escape: emphasis and bold lose their
/// markers, code spans keep their backticks, and level 1-2 headings are
/// underlined with `=` and `-`.
public struct MarkdownRenderer: Sendable {
    /// The line width paragraphs are wrapped to (at least 20).
    public var width: Int
    /// Whether ANSI styles are used.
    public var colour: ColourPolicy
    /// ASCII bullets, quote bars, rules and tables instead of Unicode ones.
    public var ascii: Bool

    /// Creates a renderer.
    public init(width: Int = 80, colour: ColourPolicy = .plain, ascii: Bool = false) {
        self.width = width
        self.colour = colour
        self.ascii = ascii
    }

    /// The rendered document; blocks are separated by one blank line.
    public func render(_ markdown: String) -> String {
        // Escape characters in the source could smuggle styles into plain output.
        let source = markdown.contains("\u{1B}") ? String(markdown.filter { $0 != "\u{1B}" }) : markdown
        let lines = render(BlockParser.parse(source), width: min(max(width, 20), 1000), depth: 0, tight: false)
        return TextLayout.join(lines)
    }

    private func render(_ blocks: [MarkdownBlock], width: Int, depth: Int, tight: Bool) -> [String] {
        var out: [String] = []
        for block in blocks {
            if !out.isEmpty && !tight { out.append("") }
            out += render(block, width: max(width, 10), depth: depth)
        }
        return out
    }

    private func render(_ block: MarkdownBlock, width: Int, depth: Int) -> [String] {
        switch block {
        case let .heading(level, text):
            return heading(level, text, width: width)
        case .paragraph(let lines):
            return inline(lines.joined(separator: "\n")).wrapped(width: width, colour: colour)
        case .code(_, let lines):
            return lines.map { "    " + colour.paint($0, [.yellow]) }
        case .math(let lines):
            return lines
        case .quote(let blocks):
            let bar = colour.paint(ascii ? "|" : "│", [.dim])
            return render(blocks, width: width - 2, depth: depth, tight: false).map { $0.isEmpty ? bar : bar + " " + $0 }
        case let .list(ordered, start, items, loose):
            return list(ordered: ordered, start: start, items: items, loose: loose, width: width, depth: depth)
        case let .table(header, alignments, rows):
            let cell = { (text: String) in inline(text).singleLine(colour: colour) }
            let table = Table(headers: header.map(cell), rows: rows.map { $0.map(cell) }, alignments: alignments)
            return table.render(ascii: ascii, colour: colour).split(separator: "\n").map(String.init)
        case .rule:
            return [colour.paint(TextLayout.repeated(ascii ? "-" : "─", width), [.dim])]
        }
    }

    private func heading(_ level: Int, _ text: String, width: Int) -> [String] {
        if colour.isEnabled {
            let styles: [ColourPolicy.Style] = level == 1 ? [.bold, .underline, .cyan] : level == 2 ? [.bold, .cyan] : [.bold]
            return inline(text, base: styles).wrapped(width: width, colour: colour)
        }
        let lines = inline(text).wrapped(width: width, colour: colour)
        guard level <= 2 else { return lines }
        let ruleWidth = lines.map(DisplayWidth.of).max() ?? 0
        return lines + [TextLayout.repeated(level == 1 ? "=" : "-", ruleWidth)]
    }

    private func list(
        ordered: Bool, start: Int, items: [[MarkdownBlock]], loose: Bool, width: Int, depth: Int
    ) -> [String] {
        let bullets = ascii ? ["-", "*", "+"] : ["•", "◦", "▪"]
        let last = start + max(items.count - 1, 0)
        let numberWidth = String(last).count
        var out: [String] = []
        for (index, item) in items.enumerated() {
            let marker = ordered
                ? TextLayout.pad("\(start + index).", to: numberWidth + 1, .right)
                : bullets[depth % bullets.count]
            let indent = DisplayWidth.of(marker) + 1
            var body = render(item, width: width - indent, depth: ordered ? depth : depth + 1, tight: !loose)
            if body.isEmpty { body = [""] }
            if loose && index > 0 { out.append("") }
            for (line, text) in body.enumerated() {
                let prefix = line == 0 ? marker + " " : TextLayout.spaces(indent)
                out.append(text.isEmpty && line > 0 ? "" : prefix + text)
            }
        }
        return out
    }

    /// Inline markup as styled text; `base` styles apply to every run.
    private func inline(_ text: String, base: [ColourPolicy.Style] = []) -> StyledText {
        StyledText(pieces: pieces(InlineParser.parse(text), base))
    }

    private func pieces(_ nodes: [MarkdownInline], _ styles: [ColourPolicy.Style]) -> [StyledText.Piece] {
        nodes.flatMap { node -> [StyledText.Piece] in
            switch node {
            case .text(let text):
                return [.run(.init(text: text, styles: styles))]
            case .code(let code):
                let text = colour.isEnabled ? code : "`" + code + "`"
                return [.run(.init(text: text, styles: adding(.yellow, to: styles)))]
            case .math(let math):
                return [.run(.init(text: math, styles: styles, atomic: true))]
            case .emphasis(let inner):
                return pieces(inner, adding(.italic, to: styles))
            case .strong(let inner):
                return pieces(inner, adding(.bold, to: styles))
            case let .link(inner, url):
                let text = pieces(inner, adding(.underline, to: styles))
                if case .text(let label) = inner.first, inner.count == 1, label == url { return text }
                return text + [.run(.init(text: " (\(url))", styles: adding(.dim, to: styles)))]
            case let .image(alt, url):
                return [.run(.init(text: "[image: \(alt)] (\(url))", styles: adding(.dim, to: styles)))]
            case .lineBreak:
                return [.lineBreak]
            }
        }
    }

    private func adding(_ style: ColourPolicy.Style, to styles: [ColourPolicy.Style]) -> [ColourPolicy.Style] {
        styles.contains(style) ? styles : styles + [style]
    }
}
