import NNTerminal

/// Turns lessons and replayed cells into text for the terminal: prose, `In [n]:` cells, outputs, failures.
///
/// Everything is returned as strings ending in "\n", so front ends decide
/// where text goes and tests can compare it exactly.
public struct NotebookPrinter: Sendable {
    /// Whether ANSI styles are used (never when piped or NO_COLOR is set).
    public var colour: ColourPolicy
    /// How prose Markdown is shown.
    public var prose: ProseRenderer

    public init(colour: ColourPolicy = .plain, prose: ProseRenderer = .plain) {
        self.colour = colour
        self.prose = prose
    }

    /// The line that opens a file's notebook.
    public func header(_ file: String) -> String {
        colour.paint("══ \(file) ══", [.bold]) + "\n"
    }

    /// Rendered prose followed by a blank line, or "" when there is none.
    public func proseBlock(_ markdown: String) -> String {
        guard !markdown.isEmpty else { return "" }
        let text = prose.render(markdown)
        return text.hasSuffix("\n") ? text + "\n" : text + "\n\n"
    }

    /// A code cell as the REPL shows input: `In [n]:` then `   ...:` continuation lines.
    public func input(_ source: String, number: Int) -> String {
        let first = "In [\(number)]: "
        let more = String(repeating: " ", count: max(0, first.count - 5)) + "...: "
        let lines = LineDiff.lines(source)
        guard !lines.isEmpty else { return colour.paint(first, [.green]) + "\n" }
        return lines.enumerated().map { index, line in
            colour.paint(index == 0 ? first : more, [.green]) + line + "\n"
        }.joined()
    }

    /// What a cell printed, as-is, with a final line break (nothing for no output).
    public func output(_ text: String) -> String {
        text.isEmpty ? "" : text + "\n"
    }

    /// A replayed cell: its input, its output, and when it differs, a marked diff.
    public func cell(_ outcome: CellOutcome, file: String) -> String {
        var text = input(outcome.cell.source, number: outcome.cell.number) + output(outcome.actual)
        if !outcome.passed { text += failure(outcome, file: file) }
        if outcome.skipped { text += skipped(outcome, file: file) }
        return text + "\n"
    }

    /// The note for a cell marked interrupted: shown as recorded, not run.
    public func skipped(_ outcome: CellOutcome, file: String) -> String {
        colour.paint("– \(file):\(outcome.cell.line): cell \(outcome.cell.number) was interrupted (Ctrl-C) when it was saved: not run, its recorded output kept", [.yellow]) + "\n"
    }

    /// Why a cell failed: `file:line: cell n …` then the unified diff from recorded to actual,
    /// or for a cell stopped by the time limit, what to do about it.
    public func failure(_ outcome: CellOutcome, file: String) -> String {
        let cell = outcome.cell
        if let limit = outcome.exceededTimeLimit {
            // No diff: the output was cut off wherever the clock ran out, so it says nothing more.
            let seconds = Self.seconds(limit)
            let heading = "✗ \(file):\(cell.line): cell \(cell.number) ran longer than the time limit of \(seconds) s and was stopped"
            return colour.paint(heading, [.boldRed]) + "\n"
                + "  If it loops forever, fix the loop; if it is only slow, give it more time: nnlearn replay --time-limit SECONDS\n"
        }
        let reason = cell.output == nil
            ? "cell \(cell.number) printed output but has no output block (replay --update records it)"
            : "cell \(cell.number) output differs from the recorded output"
        let heading = colour.paint("✗ \(file):\(cell.line): \(reason)", [.boldRed]) + "\n"
        let diff = outcome.diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line -> String in
            if line.hasPrefix("-") && !line.hasPrefix("---") { return colour.paint(String(line), [.red]) }
            if line.hasPrefix("+") && !line.hasPrefix("+++") { return colour.paint(String(line), [.green]) }
            if line.hasPrefix("@@") { return colour.paint(String(line), [.cyan]) }
            return String(line)
        }
        return heading + diff.map { $0 + "\n" }.joined()
    }

    /// Seconds as a person writes them: `60`, `0.5`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The closing line of a replay, exactly `N passed, N failed` (counting cells), then `, N skipped` when cells
    /// marked interrupted were not run.
    public func summary(passed: Int, failed: Int, skipped: Int = 0) -> String {
        let text = "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
        return (failed == 0 ? colour.paint(text, [.green]) : colour.paint(text, [.boldRed])) + "\n"
    }
}

/// How prose Markdown becomes terminal text.
///
/// A value rather than a direct call so the terminal Markdown renderer can
/// be plugged in where it is available; `plain` shows the Markdown as written,
/// which reads well because lessons are written to read well on a forge.
public struct ProseRenderer: Sendable {
    /// Renders one prose block.
    public var render: @Sendable (String) -> String

    public init(render: @escaping @Sendable (String) -> String) {
        self.render = render
    }

    /// The Markdown as written.
    public static let plain = ProseRenderer { $0 }

    /// Markdown rendered for the terminal: headings, emphasis, lists, quotes, tables (plain text without colour).
    public static func terminal(colour: ColourPolicy, width: Int = 80) -> ProseRenderer {
        ProseRenderer { MarkdownRenderer(width: width, colour: colour).render($0) }
    }
}
