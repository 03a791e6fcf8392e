import NNScript

/// What Enter does at the terminal when the line being edited holds several
/// lines: a block recalled with Up, or a lesson cell put there by `:edit`.
///
/// A single line is always accepted: ``EntryBuffer`` then decides, line by
/// line, whether the entry goes on. A block is edited as a whole, as in
/// IPython: Enter on a line above the last breaks the line at the cursor;
/// on the last line it runs the block when the block is whole — complete as
/// it stands, or needing only the blank line that closes an indented block
/// (the learner sees the whole block, so no blank line is asked for) — and
/// otherwise, with a bracket open or a header without its body, starts a new
/// line. Esc Enter (Alt-Enter) always starts a new line. A new line gets the
/// indentation ``AutoIndent`` gives after the text left of the cursor.
public enum EnterKey {
    /// Enter's effect.
    public enum Action: Equatable, Sendable {
        /// Take the text as typed: run it.
        case accept
        /// Break the line at the cursor and type this many spaces.
        case breakLine(indent: Int)
    }

    /// The action for Enter (or Esc Enter when `forceBreak`) with `before` and `after` the cursor.
    public static func action(before: String, after: String, forceBreak: Bool = false) -> Action {
        let currentLine = String(before.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
        let indent = Action.breakLine(indent: AutoIndent.columns(after: currentLine))
        if forceBreak { return indent }
        let text = before + after
        guard text.contains("\n") else { return .accept }
        if after.contains("\n") { return indent }
        let isWhole = Parser.status(of: text) != .incomplete || Parser.status(of: text + "\n") != .incomplete
        return isWhole ? .accept : indent
    }
}
