/// The syntax tree: plain data produced by the parser and walked by the interpreter.

/// An expression and where it starts.
public struct Expr: Equatable, Sendable {
    public var kind: ExprKind
    public var location: SourceLocation

    public init(_ kind: ExprKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

public indirect enum ExprKind: Equatable, Sendable {
    /// A floating-point literal: `0.5`, `2.`, `1e-5`.
    case number(Double)
    /// A whole-number literal: `3`.
    case integer(Int)
    case string(String)
    /// An f-string: literal text and `{expression:format}` pieces.
    case formatted([FormattedPart])
    case bool(Bool)
    case none
    /// `...`: the body of an exercise scaffold waiting to be filled in.
    case ellipsis
    case name(String)
    case list([Expr])
    /// `[element for x in xs if c for y in ys]`: the clauses nest left to right, as in Python.
    case comprehension(element: Expr, clauses: [ComprehensionClause])
    /// `{"a": 1, **other}`: entries in the order written.
    case dict([DictEntry])
    /// `{key: value for x in xs if c}`.
    case dictComprehension(key: Expr, value: Expr, clauses: [ComprehensionClause])
    case tuple([Expr])
    /// `{a, b}`: a set of the items, in the order written.
    case set([Expr])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `a < b <= c`: each comparison against the previous operand, all must hold.
    case compare(Expr, [Comparison])
    /// `a and b`, `a or b`: short-circuiting, yielding an operand as Python does.
    case logical(LogicalOperator, Expr, Expr)
    case not(Expr)
    case call(Expr, [Argument])
    case attribute(Expr, String)
    case subscripted(Expr, [Subscript])
    case lambda([Parameter], Expr)
    /// `then if condition else otherwise`.
    case conditional(condition: Expr, then: Expr, otherwise: Expr)
}

public enum UnaryOperator: String, Equatable, Sendable {
    case negate = "-", plus = "+"
}

public enum BinaryOperator: String, Equatable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
    case remainder = "%", power = "**", matmul = "@"
}

public enum ComparisonOperator: String, Equatable, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

public struct Comparison: Equatable, Sendable {
    public var op: ComparisonOperator
    public var right: Expr
    public init(_ op: ComparisonOperator, _ right: Expr) {
        self.op = op
        self.right = right
    }
}

public enum LogicalOperator: String, Equatable, Sendable {
    case and, or
}

/// One clause of a comprehension: a `for` over an iterable, or an `if` filter.
public enum ComprehensionClause: Equatable, Sendable {
    case `for`(target: Expr, iterable: Expr)
    case `if`(Expr)
}

/// An entry of a dict display: `key: value`, or `**other` to copy another dict's entries.
public enum DictEntry: Equatable, Sendable {
    case pair(key: Expr, value: Expr)
    case unpacked(Expr)
}

/// A call argument, positional (`label` nil) or keyword, or a starred one to unpack.
public struct Argument: Equatable, Sendable {
    /// `*items` spreads an iterable into positional arguments; `**entries` a dict into keywords.
    public enum Unpacking: Equatable, Sendable {
        case iterable, keywords
    }

    public var label: String?
    public var value: Expr
    /// Set for `*value` and `**value`, which have no label.
    public var unpacking: Unpacking?
    public init(label: String? = nil, _ value: Expr, unpacking: Unpacking? = nil) {
        self.label = label
        self.value = value
        self.unpacking = unpacking
    }
}

/// One position inside `[...]`: an expression or a slice `start:stop:step`.
public enum Subscript: Equatable, Sendable {
    case index(Expr)
    case slice(start: Expr?, stop: Expr?, step: Expr?)
}

/// A piece of an f-string.
public enum FormattedPart: Equatable, Sendable {
    case text(String)
    /// An embedded expression with its optional format spec (`.4f`, `>8`, `e`…).
    case value(Expr, format: String?)
}

/// A function parameter with an optional default.
public struct Parameter: Equatable, Sendable {
    /// A plain parameter, `*args` (extra positional arguments as a tuple) or `**kwargs` (extra keywords as a dict).
    public enum Kind: Equatable, Sendable {
        case plain, variadic, keywords
    }

    public var name: String
    public var defaultValue: Expr?
    public var kind: Kind
    public init(_ name: String, default defaultValue: Expr? = nil, kind: Kind = .plain) {
        self.name = name
        self.defaultValue = defaultValue
        self.kind = kind
    }
}

/// A statement and where it starts.
public struct Stmt: Equatable, Sendable {
    public var kind: StmtKind
    public var location: SourceLocation

    public init(_ kind: StmtKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

public indirect enum StmtKind: Equatable, Sendable {
    case expression(Expr)
    /// `a = b = value`: the value is evaluated once, then stored into each target from left
    /// to right; a target is a name, attribute, subscript or tuple/list of targets.
    case assign(targets: [Expr], value: Expr)
    /// `target op= value` for `+= -= *= /= **= @=`.
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
    case function(FunctionDefinition)
    /// `class Name(Base): ...`.
    case classDefinition(ClassDefinition)
    /// `del a, xs[0], d["k"], obj.attr`: removes names, items, keys and attributes, left to right.
    case delete([Expr])
    case `return`(Expr?)
    /// `if`/`elif` branches in order, then the `else` body (empty when absent).
    case `if`([ConditionalBranch], otherwise: [Stmt])
    case `for`(target: Expr, iterable: Expr, body: [Stmt])
    case `while`(condition: Expr, body: [Stmt])
    case `break`
    case `continue`
    case pass
    /// `with context [as name]:`.
    case with(context: Expr, name: String?, body: [Stmt])
    case assert(condition: Expr, message: Expr?)
}

public struct ConditionalBranch: Equatable, Sendable {
    public var condition: Expr
    public var body: [Stmt]
    public init(_ condition: Expr, _ body: [Stmt]) {
        self.condition = condition
        self.body = body
    }
}

public struct FunctionDefinition: Equatable, Sendable {
    public var name: String
    public var parameters: [Parameter]
    public var body: [Stmt]
    /// The first statement when it is a string: the function's help text.
    public var docstring: String?
    public init(name: String, parameters: [Parameter], body: [Stmt], docstring: String? = nil) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.docstring = docstring
    }
}

/// `class Name(Base):` and its body: methods, class attributes and a docstring.
public struct ClassDefinition: Equatable, Sendable {
    public var name: String
    /// The one base class, or nil for `class Name:`.
    public var base: Expr?
    public var body: [Stmt]
    public var docstring: String?
    public init(name: String, base: Expr?, body: [Stmt], docstring: String? = nil) {
        self.name = name
        self.base = base
        self.body = body
        self.docstring = docstring
    }
}
