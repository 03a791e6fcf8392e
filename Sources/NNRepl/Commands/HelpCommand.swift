import NNScript
import NNTerminal

/// `:help [topic]`: the commands, a command's help, or a builtin's doc and formula.
public enum HelpCommand {
    public static let command = ReplCommand(
        name: "help", aliases: ["?"], usage: ":help [topic]",
        summary: "list the commands, or explain a builtin, a variable or a :command",
        details: "`:help softmax` shows a builtin's signature, formula and doc; `:help :time` a command's help.",
        argumentCompletion: .helpTopics
    ) { invocation, session in
        let topic = invocation.arguments
        if topic.isEmpty {
            session.console.out(overview(session))
            return .success
        }
        return explain(topic, in: session)
    }

    /// The list of commands, aligned in two columns.
    static func overview(_ session: ReplSession) -> String {
        let listed = session.commands.commands.filter(\.isListed)
        let width = listed.map(\.usage.count).max() ?? 0
        var lines = [session.console.colour.paint("Commands", .bold)]
        for command in listed {
            lines.append("  " + command.usage.paddedRight(to: width) + "  " + command.summary)
        }
        lines.append("")
        lines.append("Type code to run it. help() lists every builtin; Tab completes names; Ctrl-D quits.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Help for one topic: a `:command`, a builtin or variable, or a command named without its colon.
    static func explain(_ topic: String, in session: ReplSession) -> CommandOutcome {
        let commands = session.commands
        if topic.hasPrefix(":") {
            let name = String(topic.dropFirst())
            guard let command = commands.command(named: name) else {
                let hint = commands.suggestion(for: name).map { "; did you mean :\($0)?" } ?? ""
                return session.fail("no command :\(name)\(hint)")
            }
            session.console.line(command.helpText)
            return .success
        }
        let isName = Library.builtin(named: topic) != nil || session.interpreter.userVariables.contains { $0.name == topic }
        if !isName, let command = commands.command(named: topic) {
            session.console.line(command.helpText)
            return .success
        }
        do {
            let text = try Help.text(for: .string(topic), interpreter: session.interpreter, at: SourceLocation(line: 1, column: 1))
            session.console.line(text)
            return .success
        } catch let error as ScriptError {
            return session.fail(error.message + (error.hint.map { " (\($0))" } ?? ""))
        } catch {
            return session.fail("no help for '\(topic)'")
        }
    }
}

extension String {
    /// The text padded with spaces to `width` characters.
    func paddedRight(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
