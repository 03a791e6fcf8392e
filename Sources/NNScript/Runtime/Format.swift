import Foundation

/// Python's format specs for f-strings and `str.format`: `.4f`, `>8`, `e`, `,`, `%`.
enum Format {
    /// Formats `value` by a spec such as `.4f`, `8.3f`, `<10`, `.2e`, `.1%`, `d`.
    static func apply(_ spec: String?, to value: Value, interpreter: Interpreter, at location: SourceLocation) throws -> String {
        guard let spec, !spec.isEmpty else { return Display.str(value, interpreter: interpreter) }
        let parsed = try Spec(spec, at: location)
        var body: String
        if let type = parsed.type, "fFeEgGd%".contains(type) {
            guard let number = Convert.number(value) else {
                throw ScriptError(.type, "the format '\(spec)' needs a number, got \(value.typeName)", at: location)
            }
            body = try parsed.formatNumber(number, at: location)
        } else if let precision = parsed.precision, let number = Convert.number(value), parsed.type == nil {
            body = String(format: "%.\(precision)g", number)
        } else if parsed.grouping, Convert.number(value) != nil {
            body = Format.grouped(Display.str(value, interpreter: interpreter))
        } else {
            body = Display.str(value, interpreter: interpreter)
        }
        return parsed.pad(body, numeric: Convert.number(value) != nil)
    }

    /// `"{} and {:.2f}".format(a, b)`: automatic and numbered fields.
    static func python(_ template: String, _ values: [Value], interpreter: Interpreter, at location: SourceLocation) throws -> String {
        var out = ""
        var index = template.startIndex
        var automatic = 0
        while index < template.endIndex {
            let character = template[index]
            if character == "{" {
                let next = template.index(after: index)
                if next < template.endIndex, template[next] == "{" { out.append("{"); index = template.index(after: next); continue }
                guard let close = template[next...].firstIndex(of: "}") else {
                    throw ScriptError(.value, "unmatched '{' in format string", at: location)
                }
                let field = String(template[next..<close])
                let parts = field.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                let position: Int
                if let number = Int(parts.first ?? "") { position = number } else { position = automatic; automatic += 1 }
                guard values.indices.contains(position) else {
                    throw ScriptError(.index, "the format string has more fields than the \(values.count) values given", at: location)
                }
                out += try apply(parts.count > 1 ? String(parts[1]) : nil, to: values[position], interpreter: interpreter, at: location)
                index = template.index(after: close)
            } else if character == "}" {
                let next = template.index(after: index)
                if next < template.endIndex, template[next] == "}" { index = template.index(after: next) } else { index = next }
                out.append("}")
            } else {
                out.append(character)
                index = template.index(after: index)
            }
        }
        return out
    }

    /// A parsed spec: [[fill]align][sign][width][,][.precision][type].
    struct Spec {
        var fill: Character = " "
        var align: Character?
        var sign: Character?
        var width = 0
        var grouping = false
        var precision: Int?
        var type: Character?

        init(_ spec: String, at location: SourceLocation) throws {
            var chars = Array(spec)
            if chars.count >= 2, "<>^".contains(chars[1]) { fill = chars[0]; align = chars[1]; chars.removeFirst(2) }
            else if let first = chars.first, "<>^".contains(first) { align = first; chars.removeFirst() }
            if let first = chars.first, "+- ".contains(first) { sign = first; chars.removeFirst() }
            if chars.first == "0", align == nil { fill = "0"; align = "="; chars.removeFirst() }
            var digits = ""
            while let c = chars.first, c.isNumber { digits.append(c); chars.removeFirst() }
            width = Int(digits) ?? 0
            if chars.first == "," { grouping = true; chars.removeFirst() }
            if chars.first == "." {
                chars.removeFirst()
                var p = ""
                while let c = chars.first, c.isNumber { p.append(c); chars.removeFirst() }
                guard let value = Int(p) else { throw ScriptError(.value, "format spec '\(spec)': a precision must follow '.'", at: location) }
                precision = Swift.min(value, 50)
            }
            if let c = chars.first { type = c; chars.removeFirst() }
            guard chars.isEmpty, width <= 1000 else { throw ScriptError(.value, "invalid format spec '\(spec)'", at: location) }
        }

        func formatNumber(_ x: Double, at location: SourceLocation) throws -> String {
            if x.isNaN { return "nan" }
            if x.isInfinite { return x > 0 ? "inf" : "-inf" }
            let p = precision ?? 6
            var text: String
            switch type {
            case "f", "F": text = String(format: "%.\(p)f", x)
            case "e", "E": text = String(format: "%.\(p)\(type == "E" ? "E" : "e")", x)
            case "g", "G": text = String(format: "%.\(Swift.max(p, 1))g", x)
            case "%": text = String(format: "%.\(p)f", x * 100) + "%"
            case "d":
                guard let whole = Convert.integer(x) else {
                    throw ScriptError(.value, "the format 'd' needs a whole number, got \(Display.number(x))", at: location)
                }
                text = String(whole)
            default: text = Display.number(x)
            }
            if grouping { text = Format.grouped(text) }
            if sign == "+", x >= 0 { text = "+" + text }
            if sign == " ", x >= 0 { text = " " + text }
            return text
        }

        func pad(_ text: String, numeric: Bool) -> String {
            let missing = width - text.count
            guard missing > 0 else { return text }
            let padding = String(repeating: fill, count: missing)
            switch align ?? (numeric ? ">" : "<") {
            case "<": return text + padding
            case "^": return String(repeating: fill, count: missing / 2) + text + String(repeating: fill, count: missing - missing / 2)
            case "=":
                if let first = text.first, first == "-" || first == "+" { return String(first) + padding + text.dropFirst() }
                return padding + text
            default: return padding + text
            }
        }
    }

    /// Thousands separators on the integer part.
    static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        var integer = String(parts.first ?? "")
        var groups: [String] = []
        while integer.count > 3 { groups.insert(String(integer.suffix(3)), at: 0); integer = String(integer.dropLast(3)) }
        groups.insert(integer, at: 0)
        let joined = groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
        return (negative ? "-" : "") + joined
    }
}
