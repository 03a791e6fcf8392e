import Foundation

/// The outcome of running one cell: everything it wrote, in order, and its error if any.
public struct CellResult: Sendable {
    /// The cell's output as a notebook records it: prints, displayed values, and a rendered error.
    public var output: String
    /// The error that stopped the cell, if one did.
    public var error: ScriptError?
    /// The values of the cell's top-level expressions, rendered (for `Out[n]:`).
    public var displays: [String]

    public var succeeded: Bool { error == nil }
}

/// Something a running cell produced, delivered as it happens (for live REPL output).
public enum CellEvent: Sendable {
    /// Text written by print or a report.
    case text(String)
    /// The repr of a top-level expression's value.
    case display(String)
    /// The rendered error that stopped the cell.
    case error(String)
}

extension Interpreter {
    /// Runs one cell of a notebook or REPL session and captures what it writes.
    ///
    /// Displayed values are written as their repr on a line of their own, and
    /// an error is rendered (file:line:column, the line, a caret, a hint), so
    /// the captured text is exactly what a learner saw. State from earlier
    /// cells, and from the statements of this cell before an error, is kept.
    /// Runs on the large stack.
    /// `live`, when given, sees each piece of output as soon as it is produced.
    public func runCell(_ source: String, file: String, live: (@Sendable (CellEvent) -> Void)? = nil) -> CellResult {
        LargeStack.run { self.runCellHere(source, file: file, live: live) }
    }

    private func runCellHere(_ source: String, file: String, live: ((CellEvent) -> Void)?) -> CellResult {
        var output = ""
        var displays: [String] = []
        let (savedWrite, savedDisplay) = (write, display)
        write = { text in
            output += text
            live?(.text(text))
        }
        display = { value in
            let text = Display.repr(value, interpreter: self)
            displays.append(text)
            output += text + "\n"
            live?(.display(text))
        }
        defer { (write, display) = (savedWrite, savedDisplay) }
        do {
            _ = try run(source)
            return CellResult(output: output, error: nil, displays: displays)
        } catch {
            let failure = error as? ScriptError ?? ScriptError(.value, "\(error)")
            let rendered = failure.render(source: source, file: file)
            output += rendered + "\n"
            live?(.error(rendered))
            return CellResult(output: output, error: failure, displays: displays)
        }
    }
}
