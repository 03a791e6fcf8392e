/// The syntax tree: plain data produced by the parser and walked by the interpreter.

/// An expression and where it starts.
public struct Expr: Equatable, Sendable {
    /// What kind of expression it is, with its parts.
    public var kind: ExprKind
    /// Where it starts in the source.
    public var location: SourceLocation
    /// Where a name (or an attribute's name) is found when the program runs, as ``Resolver`` worked it out.
    public var binding = NameBinding()

    /// An expression of `kind` starting at `location`.
    public init(_ kind: ExprKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// Expressions are equal when they read alike, however they were resolved.
    public static func == (left: Expr, right: Expr) -> Bool { left.kind == right.kind && left.location == right.location }
}

/// How a name is reached at run time, worked out once per parsed program by ``Resolver``: plain numbers,
/// so the tree stays data and no name is hashed while the program runs.
public struct NameBinding: Sendable {
    /// The ways a name is reached.
    public enum Kind: UInt8, Sendable {
        /// Not resolved (a tree built by hand): found by name, scope by scope.
        case unresolved
        /// Found by name scope by scope (top level, class bodies), its hash given.
        case dynamic
        /// A variable of the module the function was defined in: found in the globals by its hash.
        case global
        /// A slot of the running frame, or of the frame `depth` levels out.
        case frame
        /// An attribute's name, its hash given.
        case member
    }

    /// How the name is reached.
    public var kind = Kind.unresolved
    /// For ``Kind/frame``: how many scopes out the frame is (0 for the running one).
    public var depth: UInt32 = 0
    /// For ``Kind/frame``: the slot; for a comprehension, how many slots its frame has.
    public var slot: UInt32 = 0
    /// The name's ``NameIndex`` hash, for ``Kind/dynamic``, ``Kind/global`` and ``Kind/member``.
    public var hash: UInt32 = 0

    /// Not resolved.
    public init() {}
}

/// The kinds of expression, each with its parts.
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
    /// `locals` names the loop variables, each the slot of its frame (filled by ``Resolver``).
    case comprehension(element: Expr, clauses: [ComprehensionClause], locals: [String] = [])
    /// `{"a": 1, **other}`: entries in the order written.
    case dict([DictEntry])
    /// `{key: value for x in xs if c}`.
    case dictComprehension(key: Expr, value: Expr, clauses: [ComprehensionClause], locals: [String] = [])
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
    /// `object.name`, with where the name is written (an unknown attribute's caret points there).
    case attribute(Expr, String, name: SourceLocation)
    case subscripted(Expr, [Subscript])
    /// `lambda parameters: body`, with the template ``Resolver`` makes for it.
    case lambda([Parameter], Expr, TemplateSlot = TemplateSlot())
    /// `then if condition else otherwise`.
    case conditional(condition: Expr, then: Expr, otherwise: Expr)
}

/// A prefix operator on numbers and tensors.
public enum UnaryOperator: String, Equatable, Sendable {
    case negate = "-", plus = "+"
}

/// An infix arithmetic operator.
public enum BinaryOperator: String, Equatable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
    case remainder = "%", power = "**", matmul = "@"
}

/// A comparison operator, chained as in Python.
public enum ComparisonOperator: String, Equatable, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

/// One link of a comparison chain: the operator and its right operand.
public struct Comparison: Equatable, Sendable {
    /// The comparison operator.
    public var op: ComparisonOperator
    /// The operand on the right.
    public var right: Expr
    /// A comparison with `op` against `right`.
    public init(_ op: ComparisonOperator, _ right: Expr) {
        self.op = op
        self.right = right
    }
}

/// A short-circuiting logical operator.
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

    /// The keyword of a keyword argument, nil for a positional one.
    public var label: String?
    /// The argument's expression.
    public var value: Expr
    /// Set for `*value` and `**value`, which have no label.
    public var unpacking: Unpacking?
    /// An argument, keyword when `label` is given, `*`/`**`-unpacked when `unpacking` is given.
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

    /// The name it is known by.
    public var name: String
    /// The default value's expression, nil when the parameter is required.
    public var defaultValue: Expr?
    /// Plain, `*args` or `**kwargs`.
    public var kind: Kind
    /// A parameter called `name`, with an optional default and its kind.
    public init(_ name: String, default defaultValue: Expr? = nil, kind: Kind = .plain) {
        self.name = name
        self.defaultValue = defaultValue
        self.kind = kind
    }
}

/// A statement and where it starts.
public struct Stmt: Equatable, Sendable {
    /// What kind of statement it is, with its parts.
    public var kind: StmtKind
    /// Where it starts in the source.
    public var location: SourceLocation

    /// A statement of `kind` starting at `location`.
    public init(_ kind: StmtKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// The kinds of statement, each with its parts.
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

/// One `if` or `elif` branch: its condition and its block.
public struct ConditionalBranch: Equatable, Sendable {
    /// The condition that selects the branch.
    public var condition: Expr
    /// The statements of its block.
    public var body: [Stmt]
    /// A branch running `body` when `condition` holds.
    public init(_ condition: Expr, _ body: [Stmt]) {
        self.condition = condition
        self.body = body
    }
}

/// A `def`: its name, parameters, block and docstring.
public struct FunctionDefinition: Equatable, Sendable {
    /// The name it is known by.
    public var name: String
    /// Its parameters, in order.
    public var parameters: [Parameter]
    /// The statements of its block.
    public var body: [Stmt]
    /// The first statement when it is a string: the function's help text.
    public var docstring: String?
    /// Its local variables, parameters first, each the slot of its frame at that position (filled by ``Resolver``).
    public var locals: [String] = []
    /// What every function this definition makes shares (made by ``Resolver``).
    var template = TemplateSlot()
    /// A function definition.
    public init(name: String, parameters: [Parameter], body: [Stmt], docstring: String? = nil) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.docstring = docstring
    }
}

/// `class Name(Base):` and its body: methods, class attributes and a docstring.
public struct ClassDefinition: Equatable, Sendable {
    /// The name it is known by.
    public var name: String
    /// The one base class, or nil for `class Name:`.
    public var base: Expr?
    /// The statements of its block.
    public var body: [Stmt]
    /// The docstring, if there is one.
    public var docstring: String?
    /// A class definition with an optional base.
    public init(name: String, base: Expr?, body: [Stmt], docstring: String? = nil) {
        self.name = name
        self.base = base
        self.body = body
        self.docstring = docstring
    }
}
