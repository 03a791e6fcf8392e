import NNScript

/// The functions a REPL session defined, as source text the grader can run in a fresh interpreter.
///
/// `:grade` does not hand the session's interpreter or its `Function` values to
/// the grader: those close over the session's variables, so a check could pass
/// only because of something typed earlier. Instead every top-level `def` of the
/// session's cells is taken, in order, as written (a later definition of a name
/// replaces an earlier one when run). Cells that do not parse defined nothing
/// and are skipped. Variables the functions read from the session are not carried
/// over: an exercise's function gets what it needs from its arguments.
public enum SessionDefinitions {
    /// The `def` statements of `cells` (cell sources in the order they ran), joined by blank lines.
    public static func source(from cells: [String]) -> String {
        var pieces: [String] = []
        for cell in cells {
            guard let program = try? Parser.parse(cell) else { continue }
            let lines = cell.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, statement) in program.enumerated() {
                guard case .function = statement.kind else { continue }
                let start = statement.location.line - 1
                let end = index + 1 < program.count ? program[index + 1].location.line - 1 : lines.count
                guard start >= 0, start < end, end <= lines.count else { continue }
                var text = Array(lines[start..<end])
                while let last = text.last, last.trimmingWhitespace().isEmpty { text.removeLast() }
                pieces.append(text.joined(separator: "\n"))
            }
        }
        return pieces.joined(separator: "\n\n")
    }

    /// The names of the functions defined, in order, each once.
    public static func names(in source: String) -> [String] {
        guard let program = try? Parser.parse(source) else { return [] }
        var seen: Set<String> = []
        return program.compactMap { statement in
            guard case .function(let definition) = statement.kind, seen.insert(definition.name).inserted else { return nil }
            return definition.name
        }
    }
}
