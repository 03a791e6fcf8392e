import Foundation

/// The outcome of running one cell: everything it wrote, in order, and its error if any.
public struct CellResult: Sendable {
    /// The cell's output as a notebook records it: prints, displayed values, and a rendered error.
    public var output: String
    /// The error that stopped the cell, if one did.
    public var error: ScriptError?
    /// The values of the cell's top-level expressions, rendered (for `Out[n]:`).
    public var displays: [String]
    /// The error as the learner sees it (file:line:column, the line, a caret, a hint); nil when none.
    public var renderedError: String?
    /// The identity the cell's locations carry: an error or check located there is in this cell's code.
    public var source: SourceID

    /// Whether the cell ran to its end without an error.
    public var succeeded: Bool { error == nil }
}

extension Interpreter {
    /// Runs one cell of a notebook or REPL session and captures what it writes.
    ///
    /// Displayed values are written as their repr on a line of their own, and
    /// an error is rendered (file:line:column, the line, a caret, a hint), so
    /// the captured text is exactly what a learner saw. State from earlier
    /// cells, and from the statements of this cell before an error, is kept.
    /// Output also reaches the host as it is produced (the rendered error does
    /// not: the front end shows it from the result). An error inside a function
    /// an earlier cell defined is shown in that cell, under its name. Runs on the large stack.
    public func runCell(_ source: String, file: String) -> CellResult {
        LargeStack.run { self.runCellHere(source, file: file) }
    }

    private func runCellHere(_ source: String, file: String) -> CellResult {
        let saved = capture
        // Inside ``muted(_:)`` the cell is still captured, but nothing reaches the host.
        let captured = OutputCapture(forwards: saved?.forwards ?? true)
        capture = captured
        let text = SourceText(id: .unique(), file: file, text: source)
        let savedSource = currentSource
        currentSource = text
        defer { capture = saved; currentSource = savedSource }
        do {
            _ = try run(source, id: text.id)
            return CellResult(output: captured.output, error: nil, displays: captured.displays, source: text.id)
        } catch {
            let failure = error as? ScriptError ?? ScriptError(.value, "\(error)")
            let rendered = failure.render(in: text)
            return CellResult(output: captured.output + rendered + "\n", error: failure, displays: captured.displays,
                              renderedError: rendered, source: text.id)
        }
    }
}
