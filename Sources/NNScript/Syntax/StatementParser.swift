/// Parsing statements: the program, lines of simple statements, and assignments.
extension SyntaxParser {
    /// Python statements nnlearn does not have, reported by name instead of as a
    /// confusing "invalid syntax".
    static let unsupportedStatements: Set<String> = [
        "import", "from", "try", "except", "finally", "raise", "global", "nonlocal", "yield",
        "async", "await",
    ]

    /// Every statement up to the end of input.
    func parseFile() throws(Diagnostic) -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            switch current.kind {
            case .eof:
                return statements
            case .newline, .dedent:
                advance()
            case .indent:
                throw error("unexpected indent", at: current)
            default:
                statements += try parseStatement()
            }
        }
    }

    /// One compound statement, or a line of simple statements separated by `;`.
    func parseStatement() throws(Diagnostic) -> [Stmt] {
        if Self.isAssignmentOperator(peek()), let diagnostic = keywordAsName() {
            throw diagnostic
        }
        switch current.kind {
        case .keyword(.def): return [try parseFunction()]
        case .keyword(.if): return [try parseIf()]
        case .keyword(.for): return [try parseFor()]
        case .keyword(.while): return [try parseWhile()]
        case .keyword(.with): return [try parseWith()]
        case .keyword(.class): return [try parseClass()]
        case .punctuation(.at) where peek().kind != .newline && peek().kind != .eof:
            throw error("decorators such as @property are not supported", at: current,
                        suggestion: "write a method and call it: obj.value() instead of obj.value")
        case .keyword(.elif), .keyword(.else):
            throw error("'\(current.text(in: chars))' without a matching 'if'", at: current)
        default: return try parseSimpleLine()
        }
    }

    static func isAssignmentOperator(_ token: Token) -> Bool {
        guard case .punctuation(let punctuation) = token.kind else { return false }
        return punctuation == .assign || punctuation.augmentedOperator != nil
    }

    /// `a = 1; b = 2` up to the end of the line.
    func parseSimpleLine() throws(Diagnostic) -> [Stmt] {
        var statements = [try parseSimpleStatement()]
        while accept(.semicolon) {
            if current.kind == .newline || current.kind == .eof { break }
            statements.append(try parseSimpleStatement())
        }
        if current.kind == .newline {
            advance()
        } else if current.kind != .eof {
            throw unexpected()
        }
        return statements
    }

    /// `pass`, `break`, `continue`, `return`, `assert`, or an expression or assignment.
    func parseSimpleStatement() throws(Diagnostic) -> Stmt {
        let start = current
        switch start.kind {
        case .keyword(.pass):
            advance()
            return Stmt(.pass, at: start.location)
        case .keyword(.break), .keyword(.continue):
            guard loopDepth > 0 else { throw error("'\(start.text(in: chars))' outside a loop", at: start) }
            advance()
            return Stmt(start.is(.break) ? .break : .continue, at: start.location)
        case .keyword(.return):
            guard functionDepth > 0 else { throw error("'return' outside a function", at: start) }
            advance()
            let value = Self.startsExpression(current) ? try parseExpressionList() : nil
            return Stmt(.return(value), at: start.location)
        case .keyword(.assert):
            advance()
            let condition = try parseExpression()
            let message = accept(.comma) ? try parseExpression() : nil
            return Stmt(.assert(condition: condition, message: message), at: start.location)
        case .keyword(.del):
            return try parseDelete()
        case .keyword(let keyword) where !Self.startsExpression(start):
            throw error("invalid syntax: unexpected '\(keyword.rawValue)'", at: start)
        case .name(let name) where Self.unsupportedStatements.contains(name) && Self.continuesStatement(peek()):
            throw error("'\(name)' is not supported in nnlearn", at: start)
        default:
            return try parseExpressionStatement()
        }
    }

    /// Whether a token after `import`, `class`, `try`... shows it is meant as a statement.
    static func continuesStatement(_ token: Token) -> Bool {
        switch token.kind {
        case .name, .string, .number, .integer, .formattedString, .punctuation(.colon): true
        default: false
        }
    }

    /// An expression statement, `target = value` (also `a = b = value`) or `target op= value`.
    func parseExpressionStatement() throws(Diagnostic) -> Stmt {
        let start = current
        let startPosition = position
        let first = try parseExpressionList()
        if check(.assign) {
            // `a = b = 0`: every expression but the last is a target.
            var targets: [Expr] = []
            var value = first
            var valueStart = startPosition
            while check(.assign) {
                try checkAssignmentTarget(value, length: spanLength(from: valueStart))
                advance()
                targets.append(value)
                valueStart = position
                value = try parseExpressionList()
            }
            return Stmt(.assign(targets: targets, value: value), at: start.location)
        }
        if case .punctuation(let punctuation) = current.kind, let op = punctuation.augmentedOperator {
            try checkAugmentedTarget(first, length: spanLength(from: startPosition))
            advance()
            let value = try parseExpressionList()
            return Stmt(.augmentedAssign(target: first, op: op, value: value), at: start.location)
        }
        return Stmt(.expression(first), at: start.location)
    }

    /// How many Characters the tokens from `start` to just before the current one span
    /// on one line (1 when they cross lines), for underlining a whole target.
    func spanLength(from start: Int) -> Int {
        guard start < position, position <= tokens.count else { return 1 }
        let first = tokens[start]
        let last = tokens[position - 1]
        guard first.location.line == last.location.line else { return 1 }
        return max(1, last.offset + last.length - first.offset)
    }

    /// Names, attributes, subscripts, and tuples or lists of them, may be assigned to.
    /// `length` is what to underline when `target` itself is not assignable.
    func checkAssignmentTarget(_ target: Expr, length: Int = 1) throws(Diagnostic) {
        switch target.kind {
        case .name, .attribute, .subscripted:
            return
        case .tuple(let items), .list(let items):
            for item in items { try checkAssignmentTarget(item) }
        default:
            throw Diagnostic(
                "cannot assign to \(Self.describeTarget(target.kind))", at: target.location, length: length)
        }
    }

    /// `x += 1` needs one name, attribute or subscript.
    func checkAugmentedTarget(_ target: Expr, length: Int = 1) throws(Diagnostic) {
        switch target.kind {
        case .name, .attribute, .subscripted:
            return
        case .tuple, .list:
            throw Diagnostic(
                "augmented assignment needs a single target, not several", at: target.location, length: length)
        default:
            throw Diagnostic(
                "cannot assign to \(Self.describeTarget(target.kind))", at: target.location, length: length)
        }
    }

    /// How "cannot assign to ..." names what is on the left of `=`.
    static func describeTarget(_ kind: ExprKind) -> String {
        switch kind {
        case .call: "a function call"
        case .number, .integer, .string, .formatted, .bool, .none, .ellipsis: "a literal"
        case .compare: "a comparison"
        case .lambda: "a lambda"
        case .conditional: "a conditional expression"
        default: "an expression"
        }
    }
}
