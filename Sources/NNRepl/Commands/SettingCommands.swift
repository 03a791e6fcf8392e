import NNCore
// `:reset`, `:precision N`, `:trace on|off` and `:quit`: commands that change
// the session rather than run code.

/// `:reset`: forgets every variable.
public enum ResetCommand {
    public static let command = ReplCommand(
        name: "reset", usage: ":reset",
        summary: "forget every variable (settings and numbering stay)"
    ) { _, session in
        session.reset()
        session.console.line("All variables were cleared.")
        return .success
    }
}

/// `:precision [N]`: how many decimals tensors print with.
public enum PrecisionCommand {
    /// The decimals a tensor may be printed with, as `precision(n)` allows.
    static let range = 0...16

    public static let command = ReplCommand(
        name: "precision", usage: ":precision [N]",
        summary: "print tensors with N decimals (show the setting without N)"
    ) { invocation, session in
        let words = invocation.words
        guard let word = words.first else {
            session.console.line("Tensors print with \(session.interpreter.precision) decimals.")
            return .success
        }
        guard words.count == 1, let decimals = Int(word), range.contains(decimals) else {
            return session.fail("usage: :precision N, with N a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        session.interpreter.precision = decimals
        session.console.line("Tensors print with \(decimals) decimals.")
        return .success
    }
}

/// `:memory [SIZE]`: the session's memory budget (live tensors, the program's objects, and any one new string or list).
public enum MemoryCommand {
    public static let command = ReplCommand(
        name: "memory", usage: ":memory [SIZE]",
        summary: "set the memory budget, such as 4G or 512M (show it and the use without SIZE)",
        details: "A program that would take its tensors, or one new string or list, past the budget stops with a MemoryError instead of driving the computer into swap."
    ) { invocation, session in
        let budget = session.interpreter.budget
        let words = invocation.words
        if words.count == 1, let bytes = ResourceBudget.bytes(parsing: words[0]) {
            budget.memoryLimit = bytes
        } else if !words.isEmpty {
            return session.fail("usage: :memory SIZE, such as :memory 4G or :memory 512M")
        }
        let objects = session.interpreter.measureObjectBytes()
        session.console.line("Memory budget: \(ResourceBudget.describe(bytes: budget.memoryLimit)) (tensors in use: \(ResourceBudget.describe(bytes: budget.liveBytes)), "
                                 + "the program's objects: about \(ResourceBudget.describe(bytes: objects))).")
        return .success
    }
}

/// `:trace [on|off]`: the graph trace after every `backward()`.
public enum TraceCommand {
    public static let command = ReplCommand(
        name: "trace", usage: ":trace [on|off]",
        summary: "print the graph trace after every backward()",
        details: "With tracing on, each backward() prints every node of the graph with its value and gradient.",
        argumentCompletion: .words(["on", "off"])
    ) { invocation, session in
        switch invocation.words {
        case []: break
        case ["on"]: session.tracesBackward = true
        case ["off"]: session.tracesBackward = false
        default: return session.fail("usage: :trace on, or :trace off")
        }
        session.console.line("Tracing is \(session.tracesBackward ? "on: every backward() prints its trace" : "off").")
        return .success
    }
}

/// `:quit`: ends the session.
public enum QuitCommand {
    public static let command = ReplCommand(
        name: "quit", aliases: ["q", "exit"], usage: ":quit",
        summary: "leave nnlearn (Ctrl-D does too); history is saved"
    ) { _, _ in .quit }
}
