import NNScript

/// Gathers typed lines into one entry: a meta-command, or a cell of code that
/// may span several lines (a `def`, an open bracket), as Python's REPL does.
public struct EntryBuffer: Sendable {
    /// What to do after a line was added.
    public enum Outcome: Equatable, Sendable {
        /// A blank line at the start: nothing to run.
        case empty
        /// The code so far is unfinished: show the continuation prompt.
        case needsMore
        /// A meta-command line such as `:vars`, without leading spaces.
        case command(String)
        /// A whole cell of code, ready to run (or to report as a syntax error).
        case code(String)
    }

    /// The lines of the unfinished entry.
    public private(set) var lines: [String] = []

    public init() {}

    /// True when no entry is under way (the next prompt is `In [n]:`).
    public var isEmpty: Bool { lines.isEmpty }

    /// Adds one line (without its newline) and says whether the entry is whole.
    ///
    /// A line starting with `:` begins a meta-command only at the start of an
    /// entry. Code is finished when the parser says so; a blank line closes an
    /// indented block. Two blank lines in a row always finish the entry, so an
    /// unfinished header such as `def f():` reports its error instead of waiting
    /// forever.
    public mutating func add(_ line: String) -> Outcome {
        let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" }
        if lines.isEmpty {
            if isBlank { return .empty }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(":") { return .command(String(trimmed)) }
        }
        let previousWasBlank = lines.last.map { $0.allSatisfy { $0 == " " || $0 == "\t" } } ?? false
        lines.append(line)
        let source = lines.joined(separator: "\n")
        if isBlank && previousWasBlank { return finish() }
        switch Parser.status(of: source) {
        case .incomplete: return .needsMore
        case .complete, .invalid: return finish()
        }
    }

    /// Adds text of several lines edited as one block (recalled with Up, or put in the editor by
    /// `:edit`): the block ends the entry, as ``EnterKey`` accepted it whole.
    ///
    /// Lines already typed at continuation prompts come first. Text of one line is added as
    /// a typed line.
    public mutating func addBlock(_ text: String) -> Outcome {
        let blockLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard blockLines.count > 1 else { return add(text) }
        if lines.isEmpty, let first = blockLines.first?.drop(while: { $0 == " " || $0 == "\t" }), first.hasPrefix(":") {
            return .command(String(text.drop { $0 == " " || $0 == "\t" }))
        }
        lines += blockLines
        let outcome = finish()
        return outcome == .code("") ? .empty : outcome
    }

    /// Drops the unfinished entry (Ctrl-C at a continuation prompt).
    public mutating func clear() { lines = [] }

    private mutating func finish() -> Outcome {
        var body = lines
        while let last = body.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { body.removeLast() }
        lines = []
        return .code(body.joined(separator: "\n"))
    }
}
