/// What every function made from one `def` or `lambda` shares: its name, parameters, body and slots.
/// ``Resolver`` makes it once per definition, so running a `def` (a closure made on every call of the
/// function around it) makes only a small ``Function``: the template, the defaults and the scope it closes over.
public final class FunctionTemplate: Sendable {
    /// The function's name (`<lambda>` for a lambda).
    let name: String
    /// Its parameters, in order.
    let parameters: [Parameter]
    /// The statements of a `def`, or the expression of a lambda.
    let body: Body
    /// The docstring, if there is one.
    let docstring: String?
    /// The names of a call's slots, parameters first (see ``Resolver``).
    let localNames: [String]
    /// How many leading parameters take positional arguments (those before `*args`).
    let positionalCount: Int
    /// Whether the function has `*args` or `**kwargs`.
    let collectsExtras: Bool
    /// Whether its body names nothing at all (`lambda: None`, `def f(self): return 1`), as ``Resolver`` found: such a
    /// function closes over the module rather than the frame it is made in, since no name of its body could reach
    /// that frame, not even a message's did-you-mean. The frame then goes when its call returns, instead of living on
    /// in a cycle (a `Value`'s `self._backward = lambda: None` held the frame holding `self`) for the collector to find.
    let namesNothing: Bool

    /// The body of a function: statements, or a lambda's single expression.
    public enum Body: Sendable {
        case statements([Stmt])
        case expression(Expr)
    }

    init(name: String, parameters: [Parameter], body: Body, locals: [String], docstring: String?, namesNothing: Bool = false) {
        self.namesNothing = namesNothing
        self.name = name
        self.parameters = parameters
        self.body = body
        self.docstring = docstring
        // A lambda's locals are its parameters; an unresolved tree's other variables go by name.
        localNames = locals.isEmpty ? parameters.map(\.name) : locals
        positionalCount = parameters.firstIndex { $0.kind != .plain } ?? parameters.count
        collectsExtras = parameters.contains { $0.kind != .plain }
    }

    /// The template of a `def`.
    convenience init(_ definition: FunctionDefinition, namesNothing: Bool = false) {
        self.init(name: definition.name, parameters: definition.parameters, body: .statements(definition.body),
                  locals: definition.locals, docstring: definition.docstring, namesNothing: namesNothing)
    }

    /// The template of `lambda parameters: body`.
    convenience init(lambda parameters: [Parameter], _ body: Expr, namesNothing: Bool = false) {
        self.init(name: "<lambda>", parameters: parameters, body: .expression(body), locals: [], docstring: nil,
                  namesNothing: namesNothing)
    }

    /// The scope a function made from this template in `scope` closes over.
    @inline(__always)
    func closure(in scope: Scope) -> Scope { namesNothing ? scope.module : scope.definitions }
}

/// Where a definition in the tree keeps its ``FunctionTemplate``, once resolved; left out of comparisons
/// of trees, which compare what was written.
public struct TemplateSlot: Equatable, Sendable {
    /// The template; nil until ``Resolver`` makes it (a tree built by hand makes one per run).
    var template: FunctionTemplate?

    /// No template yet.
    public init() {}

    init(template: FunctionTemplate) { self.template = template }

    /// Two definitions written alike are equal whatever their templates.
    public static func == (left: TemplateSlot, right: TemplateSlot) -> Bool { true }
}
