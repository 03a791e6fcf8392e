import Foundation

/// Methods of strings, as in Python.
enum StringMembers {
    static let table = MemberTable<String>([
        .method("upper", "", doc: "Upper case.") { text, _, _ in .string(text.uppercased()) },
        .method("lower", "", doc: "Lower case.") { text, _, _ in .string(text.lowercased()) },
        .method("strip", "", doc: "Without surrounding white space.") { text, _, _ in .string(text.trimmingCharacters(in: .whitespacesAndNewlines)) },
        .method("split", "separator=", doc: "Splits on white space or a separator.") { text, args, _ in
            let parts = args.has("separator")
                ? text.components(separatedBy: try args.string("separator"))
                : text.split(whereSeparator: \.isWhitespace).map(String.init)
            return .list(ListStorage(parts.map { .string($0) }))
        },
        .method("join", "items", doc: "Joins strings with this one between them.") { text, args, interpreter in
            var parts: [String] = []
            try interpreter.iterate(args.named["items"] ?? .none, at: args.location) { item in
                guard case .string(let s) = item else {
                    throw ScriptError(.type, "join needs strings, found \(item.typeName)", at: args.location, hint: "convert with str(x)")
                }
                parts.append(s); return true
            }
            try interpreter.reserveText(text.utf8.count, times: Swift.max(parts.count - 1, 0),
                                        plus: parts.reduce(0) { $0 &+ $1.utf8.count }, at: args.location)
            return .string(parts.joined(separator: text))
        },
        .method("replace", "old, new", doc: "Replaces every occurrence.") { text, args, interpreter in
            let (old, new) = (try args.string("old"), try args.string("new"))
            if new.utf8.count > old.utf8.count, text.utf8.count > 1 << 16 {
                // The result grows by the difference per occurrence: checked before it is built.
                let occurrences = old.isEmpty ? text.count + 1 : text.components(separatedBy: old).count - 1
                try interpreter.reserveText(new.utf8.count - old.utf8.count, times: occurrences, plus: text.utf8.count, at: args.location)
            }
            return .string(text.replacingOccurrences(of: old, with: new))
        },
        .method("startswith", "prefix", doc: "Whether it starts with a prefix.") { text, args, _ in .bool(text.hasPrefix(try args.string("prefix"))) },
        .method("endswith", "suffix", doc: "Whether it ends with a suffix.") { text, args, _ in .bool(text.hasSuffix(try args.string("suffix"))) },
        .method("format", "*values", doc: "Fills {} and {:spec} fields with the values.") { text, args, interpreter in
            .string(try Format.python(text, args.rest, interpreter: interpreter, at: args.location))
        },
        padding("ljust") { text, padding in text + String(repeating: " ", count: padding) },
        padding("rjust") { text, padding in String(repeating: " ", count: padding) + text },
        padding("center") { text, padding in
            String(repeating: " ", count: padding / 2) + text + String(repeating: " ", count: padding - padding / 2)
        },
    ])

    /// `ljust`, `rjust` and `center`: the text padded with spaces to a width.
    private static func padding(_ name: String, _ pad: @escaping (String, Int) -> String) -> Member<String> {
        .method(name, "width", doc: "Pads to a width.") { text, args, interpreter in
            let width = try args.integer("width")
            let padding = Swift.max(0, width &- text.count)
            try interpreter.reserveText(padding, plus: text.utf8.count, at: args.location)
            return .string(pad(text, padding))
        }
    }
}
