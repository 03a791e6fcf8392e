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
        if case .object(let instance as Instance) = value { return instance.text("__str__", interpreter: interpreter) }
        return repr(value, interpreter: interpreter)
    }

    /// The text a display (`Out[n]:`) shows.
    public static func repr(_ value: Value, interpreter: Interpreter) -> String {
        var open: [ObjectIdentifier] = []
        return repr(value, interpreter: interpreter, open: &open)
    }

    /// The deepest nesting of containers printed; deeper ones show as `[...]` or `{...}`, as do cycles.
    static let maximumNesting = 100

    /// `repr`, tracking the lists and dicts being printed so that one holding itself prints `[...]`
    /// or `{...}` as in Python.
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
            return container(list, "[", "]", open: &open) { open in
                parts(of: list.items, interpreter: interpreter, open: &open)
            }
        case .tuple(let items):
            guard open.count < maximumNesting else { return "(...)" }
            let parts = parts(of: items, interpreter: interpreter, open: &open)
            let inner = parts.joined(separator: ", ")
            return items.count == 1 ? "(\(inner),)" : "(\(inner))"
        case .dict(let dict):
            return container(dict, "{", "}", open: &open) { open in
                zip(dict.keys, dict.values).map { key, item in
                    repr(key, interpreter: interpreter, open: &open) + ": " + repr(item, interpreter: interpreter, open: &open)
                }
            }
        case .function(let f): return "<function \(f.signature)>"
        case .builtin(let b): return "<builtin \(b.signature.render(b.name))>"
        case .object(let view as DictView):
            // Here rather than in the view's display, so that a dict holding its own view stays finite.
            return view.typeName + "(" + container(view.dict, "[", "]", open: &open) { open in
                (0..<view.dict.count).map { repr(view.dict.element(view.part, at: $0), interpreter: interpreter, open: &open) }
            } + ")"
        case .object(let object): return object.display(interpreter: interpreter)
        }
    }

    /// The reprs of a list's or tuple's items. Long ones stop early with `...` when the program must
    /// stop (Ctrl-C, a time limit) or the text would not fit the memory budget; the builtin's
    /// caller then reports why.
    private static func parts(of items: [Value], interpreter: Interpreter, open: inout [ObjectIdentifier]) -> [String] {
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        var length = 0
        for item in items {
            if parts.count & 1023 == 1023, interpreter.stopsPrinting(length) {
                parts.append("...")
                break
            }
            let part = repr(item, interpreter: interpreter, open: &open)
            length &+= part.utf8.count &+ 2
            parts.append(part)
        }
        return parts
    }

    /// A list's or dict's items between its brackets, or `[...]` / `{...}` when it is already
    /// being printed (it holds itself) or nested too deeply.
    private static func container(_ storage: AnyObject, _ opening: String, _ closing: String, open: inout [ObjectIdentifier],
                                  _ items: (inout [ObjectIdentifier]) -> [String]) -> String {
        let id = ObjectIdentifier(storage)
        guard !open.contains(id), open.count < maximumNesting else { return opening + "..." + closing }
        open.append(id)
        defer { open.removeLast() }
        return opening + items(&open).joined(separator: ", ") + closing
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
