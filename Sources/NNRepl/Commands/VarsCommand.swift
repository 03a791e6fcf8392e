import NNScript
import NNTerminal

/// `:vars`: the session's variables as a table of name, type, shape and trainable.
public enum VarsCommand {
    public static let command = ReplCommand(
        name: "vars", aliases: ["whos"], usage: ":vars",
        summary: "list your variables: name, type, shape, trainable"
    ) { _, session in
        guard let table = variablesTable(for: session.interpreter) else {
            session.console.line(emptyText)
            return .success
        }
        session.showTable(table.render(colour: session.console.colour), html: table.html)
        return .success
    }

    /// What `:vars` says when there are no variables.
    static let emptyText = "No variables yet: assign one, e.g. x = tensor([1.0, 2.0])"

    /// The table text; names starting with `_` (such as `_`, the last result) are left out.
    public static func table(for interpreter: Interpreter, colour: ColourPolicy = .plain) -> String {
        variablesTable(for: interpreter)?.render(colour: colour) ?? emptyText
    }

    /// The table of variables; nil when there are none.
    static func variablesTable(for interpreter: Interpreter) -> Table? {
        let variables = interpreter.userVariables.filter { !$0.name.hasPrefix("_") }
        guard !variables.isEmpty else { return nil }
        let rows = variables.map { variable -> [String] in
            switch variable.value {
            case .tensor(let tensor):
                // Trainable means a parameter: a leaf that collects gradients, not a result computed from one.
                let trainable = tensor.requiresGrad && tensor.isLeaf
                return [variable.name, variable.value.typeName, shapeText(tensor.shape), trainable ? "yes" : "no"]
            default:
                return [variable.name, variable.value.typeName, "", ""]
            }
        }
        return Table(headers: ["name", "type", "shape", "trainable"], rows: rows, alignments: [.left, .left, .left, .left])
    }

    /// A shape as Python writes a tuple: `(2, 3)`, `(4,)`, `()`.
    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
