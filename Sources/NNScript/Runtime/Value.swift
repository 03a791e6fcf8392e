import NNCore

/// A value of the language.
public enum Value {
    case none
    case bool(Bool)
    /// A whole number, as Python's int: literals like `3`, lengths, ranges, shapes.
    case integer(Int)
    /// A floating-point number, as Python's float.
    case number(Double)
    case string(String)
    case tensor(Tensor)
    /// A mutable list, shared by reference as in Python.
    case list(ListStorage)
    case tuple([Value])
    /// A mutable dict with keys in insertion order, shared by reference as in Python.
    case dict(DictStorage)
    /// A `def` or `lambda`.
    case function(Function)
    case builtin(Builtin)
    /// A model, layer, optimizer or other object from the core.
    case object(any ScriptObject)

    /// The type's name as messages print it.
    public var typeName: String {
        switch self {
        case .none: return "None"
        case .bool: return "bool"
        case .integer: return "int"
        case .number: return "float"
        case .string: return "str"
        case .tensor: return "tensor"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .function: return "function"
        case .builtin: return "builtin function"
        case .object(let object): return object.typeName
        }
    }

    /// The type's name after "a" or "an", as messages read: `an int`, `a tensor`.
    public var typeNameWithArticle: String {
        let name = typeName
        return ("aeiouAEIOU".contains(name.first ?? "x") ? "an " : "a ") + name
    }

    /// Python's truthiness; a tensor is true only when it has one non-zero element.
    func truth(at location: SourceLocation) throws -> Bool {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .number(let x): return x != 0
        case .integer(let n): return n != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count > 0
        case .tensor(let t):
            guard t.count == 1 else {
                throw ScriptError(.value, "the truth value of a tensor with \(t.count) elements is ambiguous", at: location,
                                  hint: "reduce it first, e.g. (x > 0).sum() > 0, or compare one element: x[0] > 0")
            }
            return t.data[0] != 0
        case .object(let instance as Instance):
            guard let interpreter = instance.interpreter else { return true }
            return try interpreter.truth(of: self, at: location)
        case .function, .builtin, .object: return true
        }
    }
}

/// The storage of a list value: a class, so that aliases see each other's changes.
public final class ListStorage {
    /// The list's items.
    @exclusivity(unchecked) public var items: [Value]
    /// Where the object stands in the running program's heap (see ``Heap``).
    @exclusivity(unchecked) var heapLink = HeapLink()
    /// A list holding `items`.
    public init(_ items: [Value]) {
        self.items = items
        track()
    }

    deinit { untrack() }
}

/// An object with attributes and methods: models, layers, optimizers, histories.
public protocol ScriptObject: AnyObject {
    /// The name shown by type errors and `:vars`, such as `MLP` or `Adam`.
    var typeName: String { get }
    /// The attribute `name`, or nil when there is none.
    func attribute(_ name: String, interpreter: Interpreter) throws -> Value?
    /// The names completion offers after a dot.
    var attributeNames: [String] { get }
    /// Sets an attribute; the default refuses.
    func setAttribute(_ name: String, to value: Value) throws
    /// What the REPL shows for the object.
    func display(interpreter: Interpreter) -> String
    /// Calls the object (a model applied to a batch); nil when it is not callable.
    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value?
    /// Where the method `name` is in the object's member table, so that `obj.name(…)` calls it without binding it; nil by default.
    func methodPosition(_ name: String) -> Int?
    /// Calls the method at `position` (from ``methodPosition(_:)``) on the object.
    func callMethod(at position: Int, _ positional: [Value], _ keywords: [(String, Value)],
                    interpreter: Interpreter, at location: SourceLocation) throws -> Value
}

extension ScriptObject {
    /// Sets an attribute; the default refuses.
    public func setAttribute(_ name: String, to value: Value) throws {
        throw ScriptError(.attribute, "cannot set attribute '\(name)' of \(typeName)")
    }
    /// Calls the object; the default is not callable (nil).
    public func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
    /// What the REPL shows; the default is `<typeName>`.
    public func display(interpreter: Interpreter) -> String { "<\(typeName)>" }
    /// No member table by default: methods are read as attributes, then called.
    public func methodPosition(_ name: String) -> Int? { nil }
    /// Without a member table there is no method to call by position.
    public func callMethod(at position: Int, _ positional: [Value], _ keywords: [(String, Value)],
                           interpreter: Interpreter, at location: SourceLocation) throws -> Value {
        throw ScriptError(.type, "\(typeName) has no method table", at: location)
    }
}

/// A function defined in the language with `def` or `lambda`: a definition's ``FunctionTemplate``, with
/// the defaults evaluated when the definition ran and the scope it closes over.
public final class Function {
    /// What every function made from the same definition shares.
    let template: FunctionTemplate
    /// Default values, evaluated once when the function is defined (as in Python); emptied only by the collector.
    @exclusivity(unchecked) var defaults: [Value?]
    let closure: Scope
    /// The text the function is written in, for errors raised in it from another cell.
    let source: SourceText?
    /// The class whose body defined the function, for `super()`: weak, as the class holds its methods.
    var owner: ScriptClass? {
        get { ownerAnchor?.object }
        set { ownerAnchor = newValue?.anchor }
    }
    private weak var ownerAnchor: WeakAnchor<ScriptClass>?
    /// Where the object stands in the running program's heap (see ``Heap``).
    @exclusivity(unchecked) var heapLink = HeapLink()

    /// The body of a function: statements, or a lambda's single expression.
    public typealias Body = FunctionTemplate.Body

    /// The function's name (`<lambda>` for a lambda).
    public var name: String { template.name }
    /// Its parameters, in order.
    public var parameters: [Parameter] { template.parameters }
    /// The statements of a `def`, or the expression of a lambda.
    public var body: Body { template.body }
    /// The docstring, if there is one.
    public var docstring: String? { template.docstring }
    /// How many leading parameters take positional arguments (those before `*args`).
    var positionalCount: Int { template.positionalCount }
    /// Whether the function has `*args` or `**kwargs`.
    var collectsExtras: Bool { template.collectsExtras }
    /// The names of a call's slots, parameters first (see ``Resolver``).
    var localNames: [String] { template.localNames }

    /// A function made from `template`, closing over `closure`.
    init(_ template: FunctionTemplate, defaults: [Value?], closure: Scope, source: SourceText?) {
        self.template = template
        self.defaults = defaults
        self.closure = closure
        self.source = source
        track()
    }

    deinit { untrack() }

    /// The same function closing over another scope (a method leaves its class body's scope for the enclosing one).
    func closing(over scope: Scope) -> Function {
        Function(template, defaults: defaults, closure: scope, source: source)
    }

    /// `name(a, b=1, *args, **kwargs)`, for help and messages.
    public var signature: String {
        "\(name)(" + parameters.map { parameter in
            switch parameter.kind {
            case .variadic: return "*" + parameter.name
            case .keywords: return "**" + parameter.name
            case .plain: return parameter.defaultValue == nil ? parameter.name : "\(parameter.name)=…"
            }
        }.joined(separator: ", ") + ")"
    }
}
