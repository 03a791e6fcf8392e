import NNCore
import NNTerminal

/// How values print: `str` for print(), `repr` for displays and inside containers.
public enum Display {
    /// A float as Python prints it: the shortest text that reads back the same (`0.1`, `3.0`, `1e-05`).
    public static func number(_ x: Double) -> String {
        TensorFormatter.shortest(x)
    }

    /// The text `print` writes.
    public static func str(_ value: Value, interpreter: Interpreter) -> String {
        if case .string(let text) = value { return text }
        return repr(value, interpreter: interpreter)
    }

    /// The text a display (`Out[n]:`) shows.
    public static func repr(_ value: Value, interpreter: Interpreter) -> String {
        var open: [ObjectIdentifier] = []
        return repr(value, interpreter: interpreter, open: &open)
    }

    /// The deepest nesting of containers printed; deeper ones show as `[...]`, as do cycles.
    static let maximumNesting = 100

    /// `repr`, tracking the lists being printed so that a list holding itself prints `[...]` as in Python.
    private static func repr(_ value: Value, interpreter: Interpreter, open: inout [ObjectIdentifier]) -> String {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .number(let x): return number(x)
        case .integer(let n): return String(n)
        case .string(let s): return quoted(s)
        case .tensor(let t):
            return TensorFormatter(precision: interpreter.precision).format(shape: t.shape, values: t.data, requiresGrad: t.requiresGrad && t.isLeaf)
        case .list(let list):
            let id = ObjectIdentifier(list)
            guard !open.contains(id), open.count < maximumNesting else { return "[...]" }
            open.append(id)
            defer { open.removeLast() }
            var parts: [String] = []
            for item in list.items { parts.append(repr(item, interpreter: interpreter, open: &open)) }
            return "[" + parts.joined(separator: ", ") + "]"
        case .tuple(let items):
            guard open.count < maximumNesting else { return "(...)" }
            var parts: [String] = []
            for item in items { parts.append(repr(item, interpreter: interpreter, open: &open)) }
            let inner = parts.joined(separator: ", ")
            return items.count == 1 ? "(\(inner),)" : "(\(inner))"
        case .function(let f): return "<function \(f.signature)>"
        case .builtin(let b): return "<builtin \(b.signature.render(b.name))>"
        case .object(let object): return object.display(interpreter: interpreter)
        }
    }

    /// Python's quoting: single quotes unless the text contains one.
    static func quoted(_ s: String) -> String {
        let quote = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = quote
        for character in s {
            switch character {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\\": out += "\\\\"
            case Character(quote): out += "\\" + quote
            default: out.append(character)
            }
        }
        return out + quote
    }
}
