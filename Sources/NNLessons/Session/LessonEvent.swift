/// Something a ``LessonSession`` has for the learner to see; front ends decide how to show it.
public enum LessonEvent: Sendable, Equatable {
    /// Prose Markdown before a cell (or after the last one), to be rendered.
    case prose(String)
    /// A code cell shown but not yet run: its number (1-based), the cell count, its source and file line.
    case cell(number: Int, of: Int, source: String, line: Int)
    /// What code printed, normalised as output blocks record it (no final line break).
    /// `cell` is nil for the learner's own code; `error` is the rendered error that stopped it (also in `text`), if any.
    case output(cell: Int?, text: String, error: String?)
    /// A message about the session itself (resuming, catching up, nothing to run).
    case notice(String)
    /// The last cell has been passed; the lesson is over.
    case finished
}

extension NotebookPrinter {
    /// An event as terminal text, ending in "\n" (or "" when there is nothing to show).
    public func text(for event: LessonEvent) -> String {
        switch event {
        case .prose(let markdown):
            return proseBlock(markdown)
        case let .cell(number, _, source, _):
            return input(source, number: number)
        case let .output(cell, text, error):
            let gap = Self.gap(afterOutputOf: cell)
            guard !text.isEmpty else { return gap }
            return (error != nil ? colour.paint(text, [.red]) : text) + "\n" + gap
        case .notice(let message):
            return colour.paint(message, [.dim]) + "\n"
        case .finished:
            return colour.paint("End of the lesson.", [.bold]) + "\n"
        }
    }

    /// What follows a cell's output: a blank line after a lesson cell's, separating it from the prose that
    /// follows; nothing after the learner's own code.
    public static func gap(afterOutputOf cell: Int?) -> String {
        cell == nil ? "" : "\n"
    }
}
