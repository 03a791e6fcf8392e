/// Helpers for the syntax tests: token kinds, errors, and a compact tree notation.
import NNScript

/// NNScript's location type (Swift Testing has its own `SourceLocation`).
typealias Location = NNScript.SourceLocation

/// `SourceLocation(line:column:)`, shorter.
func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(line: line, column: column)
}

/// The kinds of the tokens of `source`.
func tokenKinds(_ source: String) throws -> [TokenKind] {
    try Lexer.tokenize(source).map(\.kind)
}

/// The diagnostic `Parser.parse` throws for `source`, or nil when it parses.
func syntaxError(_ source: String) -> Diagnostic? {
    do {
        _ = try Parser.parse(source)
        return nil
    } catch {
        return error
    }
}

/// One expression in the compact notation.
func tree(_ source: String) throws -> String {
    tree(try Parser.parseExpression(source))
}

/// A program's statements in the compact notation, one per line.
func program(_ source: String) throws -> String {
    try Parser.parse(source).map(tree).joined(separator: "\n")
}

/// Writes a number without a needless `.0`.
func numberText(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

/// An expression as an s-expression: `(+ a (* b c))`, `(call f x lr=0.5)`, `(sub x (: _ _ _) 1)`.
func tree(_ expression: Expr) -> String {
    switch expression.kind {
    case .number(let value): return numberText(value)
    case .integer(let value): return String(value)
    case .string(let text): return text.debugDescription
    case .formatted(let parts):
        let pieces = parts.map { part -> String in
            switch part {
            case .text(let text): return text.debugDescription
            case .value(let value, let format): return "{" + tree(value) + (format.map { ":" + $0 } ?? "") + "}"
            }
        }
        return "(f " + pieces.joined(separator: " ") + ")"
    case .bool(let value): return value ? "True" : "False"
    case .none: return "None"
    case .ellipsis: return "..."
    case .name(let name): return name
    case .list(let items): return "[" + items.map(tree).joined(separator: " ") + "]"
    case .comprehension(let element, let clauses, _):
        return "[" + tree(element) + tree(clauses) + "]"
    case .dict(let entries):
        let items = entries.map { entry -> String in
            switch entry {
            case .pair(let key, let value): return tree(key) + ": " + tree(value)
            case .unpacked(let value): return "**" + tree(value)
            }
        }
        return "{" + items.joined(separator: ", ") + "}"
    case .dictComprehension(let key, let value, let clauses, _):
        return "{" + tree(key) + ": " + tree(value) + tree(clauses) + "}"
    case .tuple(let items): return "(tuple" + items.map { " " + tree($0) }.joined() + ")"
    case .set(let items): return "(set" + items.map { " " + tree($0) }.joined() + ")"
    case .unary(let op, let operand): return "(\(op == .negate ? "neg" : "pos") \(tree(operand)))"
    case .binary(let op, let left, let right): return "(\(op.rawValue) \(tree(left)) \(tree(right)))"
    case .compare(let left, let comparisons):
        return "(cmp \(tree(left))" + comparisons.map { " \($0.op.rawValue) \(tree($0.right))" }.joined() + ")"
    case .logical(let op, let left, let right): return "(\(op.rawValue) \(tree(left)) \(tree(right)))"
    case .not(let operand): return "(not \(tree(operand)))"
    case .call(let callee, let arguments):
        let args = arguments.map { argument -> String in
            let star = argument.unpacking.map { $0 == .iterable ? "*" : "**" } ?? ""
            return " " + star + (argument.label.map { $0 + "=" } ?? "") + tree(argument.value)
        }
        return "(call \(tree(callee))" + args.joined() + ")"
    case .attribute(let base, let name, _): return "(. \(tree(base)) \(name))"
    case .subscripted(let base, let subscripts):
        let items = subscripts.map { item -> String in
            switch item {
            case .index(let index): return tree(index)
            case .slice(let start, let stop, let step):
                return "(: " + [start, stop, step].map { $0.map(tree) ?? "_" }.joined(separator: " ") + ")"
            }
        }
        return "(sub \(tree(base)) " + items.joined(separator: " ") + ")"
    case .lambda(let parameters, let body, _):
        return "(lambda (" + parameters.map(tree).joined(separator: " ") + ") " + tree(body) + ")"
    case .conditional(let condition, let then, let otherwise):
        return "(ifexp \(tree(condition)) \(tree(then)) \(tree(otherwise)))"
    }
}

/// A comprehension's clauses: ` for x in xs if c`.
func tree(_ clauses: [ComprehensionClause]) -> String {
    clauses.map { clause -> String in
        switch clause {
        case .for(let target, let iterable): return " for " + tree(target) + " in " + tree(iterable)
        case .if(let condition): return " if " + tree(condition)
        }
    }.joined()
}

func tree(_ parameter: Parameter) -> String {
    (parameter.kind == .variadic ? "*" : parameter.kind == .keywords ? "**" : "") + parameter.name + (parameter.defaultValue.map { "=" + tree($0) } ?? "")
}

/// A statement as an s-expression: `(= x 1)`, `(for i (call range 3) (pass))`.
func tree(_ statement: Stmt) -> String {
    func block(_ body: [Stmt]) -> String { body.map { " " + tree($0) }.joined() }
    switch statement.kind {
    case .expression(let expression): return tree(expression)
    case .assign(let targets, let value): return "(= " + targets.map(tree).joined(separator: " ") + " \(tree(value)))"
    case .augmentedAssign(let target, let op, let value): return "(\(op.rawValue)= \(tree(target)) \(tree(value)))"
    case .function(let definition):
        return "(def \(definition.name) (" + definition.parameters.map(tree).joined(separator: " ") + ")"
            + block(definition.body) + ")"
    case .classDefinition(let definition):
        return "(class \(definition.name)" + (definition.base.map { " (" + tree($0) + ")" } ?? "") + block(definition.body) + ")"
    case .delete(let targets): return "(del " + targets.map(tree).joined(separator: " ") + ")"
    case .return(let value): return "(return" + (value.map { " " + tree($0) } ?? "") + ")"
    case .if(let branches, let otherwise):
        let parts = branches.map { "(\(tree($0.condition))" + block($0.body) + ")" }
        return "(if " + parts.joined(separator: " ") + (otherwise.isEmpty ? "" : " (else" + block(otherwise) + ")") + ")"
    case .for(let target, let iterable, let body): return "(for \(tree(target)) \(tree(iterable))" + block(body) + ")"
    case .while(let condition, let body): return "(while \(tree(condition))" + block(body) + ")"
    case .break: return "(break)"
    case .continue: return "(continue)"
    case .pass: return "(pass)"
    case .with(let context, let name, let body):
        return "(with \(tree(context))" + (name.map { " as \($0)" } ?? "") + block(body) + ")"
    case .assert(let condition, let message):
        return "(assert \(tree(condition))" + (message.map { " " + tree($0) } ?? "") + ")"
    }
}
