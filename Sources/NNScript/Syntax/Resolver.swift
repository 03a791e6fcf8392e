/// Works out once, after parsing, where every name of a program is found when it runs, by Python's rule:
/// a name bound anywhere in a function (assigned, a loop or `with` target, a `def` or `class`, deleted, a
/// parameter) is local to the whole function; a comprehension's loop variables are local to it. Locals are
/// numbered slots of their frame, a closure reaches an enclosing function's by how many scopes out it is,
/// and other names keep their hash, so that nothing is hashed while the program runs. Top-level code and
/// class bodies look names up by name, scope by scope, as before: their variables grow as they run.
///
/// The results are plain numbers in the tree (``Expr/binding``, ``FunctionDefinition/locals``, a
/// comprehension's `locals`): the tree stays data.
enum Resolver {
    /// Resolves a program's statements in place.
    static func resolve(_ program: inout [Stmt]) {
        let module = Region(.module, parent: nil)
        for index in program.indices { resolve(&program[index], in: module) }
    }

    /// Resolves a top-level expression in place.
    static func resolve(_ expr: inout Expr) {
        resolve(&expr, in: Region(.module, parent: nil))
    }

    /// One scope as the program will have it at run time.
    private final class Region {
        enum Kind { case module, classBody, function, comprehension }
        let kind: Kind
        /// The scope a frame of this region is made inside: a function defined in a class body skips the class.
        let parent: Region?
        private(set) var locals: [String] = []
        private var slots: [String: Int] = [:]
        /// Whether code in this region, or in a region inside it, names anything (reads, binds or defines a name).
        private(set) var namesAnything = false

        init(_ kind: Kind, parent: Region?) {
            self.kind = kind
            self.parent = parent
        }

        /// A function or lambda defined here: made inside this scope, or around it for a class body.
        func function() -> Region { Region(.function, parent: kind == .classBody ? parent : self) }

        func declare(_ name: String) {
            guard slots[name] == nil else { return }
            slots[name] = locals.count
            locals.append(name)
        }

        func slot(of name: String) -> Int? { slots[name] }

        /// Notes that code here names something: so does every region around it.
        func noteName() {
            var current: Region? = self
            while let region = current, !region.namesAnything {
                region.namesAnything = true
                current = region.parent
            }
        }
    }

    /// Where `name` is found from code running in `region`.
    private static func binding(of name: String, in region: Region) -> NameBinding {
        region.noteName()
        var binding = NameBinding()
        binding.hash = NameIndex.hash(name)
        binding.kind = .dynamic
        guard region.kind == .function || region.kind == .comprehension else { return binding }
        var depth: UInt32 = 0
        var current: Region? = region
        while let scope = current {
            switch scope.kind {
            case .function, .comprehension:
                if let slot = scope.slot(of: name) {
                    binding.kind = .frame
                    binding.depth = depth
                    binding.slot = UInt32(truncatingIfNeeded: slot)
                    return binding
                }
            case .classBody:
                // A comprehension in a class body sees the class's names, which grow as the body runs.
                return binding
            case .module:
                binding.kind = .global
                return binding
            }
            depth += 1
            current = scope.parent
        }
        return binding
    }

    // MARK: Statements

    private static func resolve(_ block: inout [Stmt], in region: Region) {
        for index in block.indices { resolve(&block[index], in: region) }
    }

    private static func resolve(_ statement: inout Stmt, in region: Region) {
        switch statement.kind {
        case .expression(var expr):
            resolve(&expr, in: region)
            statement.kind = .expression(expr)
        case .assign(var targets, var value):
            resolve(&value, in: region)
            for index in targets.indices { resolve(&targets[index], in: region) }
            statement.kind = .assign(targets: targets, value: value)
        case .augmentedAssign(var target, let op, var value):
            resolve(&target, in: region)
            resolve(&value, in: region)
            statement.kind = .augmentedAssign(target: target, op: op, value: value)
        case .function(var definition):
            region.noteName()
            resolveDefaults(&definition.parameters, in: region)
            let frame = region.function()
            for parameter in definition.parameters { frame.declare(parameter.name) }
            declareBindings(of: definition.body, in: frame)
            resolve(&definition.body, in: frame)
            definition.locals = frame.locals
            definition.template = TemplateSlot(template: FunctionTemplate(definition, namesNothing: !frame.namesAnything))
            statement.kind = .function(definition)
        case .classDefinition(var definition):
            region.noteName()
            if var base = definition.base {
                resolve(&base, in: region)
                definition.base = base
            }
            resolve(&definition.body, in: Region(.classBody, parent: region))
            statement.kind = .classDefinition(definition)
        case .delete(var targets):
            for index in targets.indices { resolve(&targets[index], in: region) }
            statement.kind = .delete(targets)
        case .return(let value):
            statement.kind = .return(resolved(value, in: region))
        case .if(var branches, var otherwise):
            for index in branches.indices {
                resolve(&branches[index].condition, in: region)
                resolve(&branches[index].body, in: region)
            }
            resolve(&otherwise, in: region)
            statement.kind = .if(branches, otherwise: otherwise)
        case .for(var target, var iterable, var body):
            resolve(&iterable, in: region)
            resolve(&target, in: region)
            resolve(&body, in: region)
            statement.kind = .for(target: target, iterable: iterable, body: body)
        case .while(var condition, var body):
            resolve(&condition, in: region)
            resolve(&body, in: region)
            statement.kind = .while(condition: condition, body: body)
        case .with(var context, let name, var body):
            if name != nil { region.noteName() }
            resolve(&context, in: region)
            resolve(&body, in: region)
            statement.kind = .with(context: context, name: name, body: body)
        case .assert(var condition, var message):
            resolve(&condition, in: region)
            statement.kind = .assert(condition: condition, message: resolved(message, in: region))
        case .break, .continue, .pass:
            break
        }
    }

    /// Declares every name `block` binds in `frame`, in the order written; nested functions and class
    /// bodies bind their own names, but their own name belongs to the block.
    private static func declareBindings(of block: [Stmt], in frame: Region) {
        for statement in block {
            switch statement.kind {
            case .assign(let targets, _):
                for target in targets { declareTarget(target, in: frame) }
            case .augmentedAssign(let target, _, _): declareTarget(target, in: frame)
            case .function(let definition): frame.declare(definition.name)
            case .classDefinition(let definition): frame.declare(definition.name)
            case .delete(let targets):
                for target in targets { declareTarget(target, in: frame) }
            case .if(let branches, let otherwise):
                for branch in branches { declareBindings(of: branch.body, in: frame) }
                declareBindings(of: otherwise, in: frame)
            case .for(let target, _, let body):
                declareTarget(target, in: frame)
                declareBindings(of: body, in: frame)
            case .while(_, let body): declareBindings(of: body, in: frame)
            case .with(_, let name, let body):
                if let name { frame.declare(name) }
                declareBindings(of: body, in: frame)
            case .expression, .return, .break, .continue, .pass, .assert: break
            }
        }
    }

    /// Declares the names an assignment target binds (`a`, `a, (b, c)`); attributes and items bind none.
    private static func declareTarget(_ target: Expr, in frame: Region) {
        switch target.kind {
        case .name(let name): frame.declare(name)
        case .tuple(let items), .list(let items): for item in items { declareTarget(item, in: frame) }
        default: break
        }
    }

    // MARK: Expressions

    private static func resolve(_ expr: inout Expr, in region: Region) {
        switch expr.kind {
        case .number, .integer, .string, .bool, .none, .ellipsis:
            break
        case .name(let name):
            expr.binding = binding(of: name, in: region)
        case .formatted(var parts):
            for index in parts.indices {
                guard case .value(var inner, let format) = parts[index] else { continue }
                resolve(&inner, in: region)
                parts[index] = .value(inner, format: format)
            }
            expr.kind = .formatted(parts)
        case .list(var items):
            resolve(&items, in: region)
            expr.kind = .list(items)
        case .tuple(var items):
            resolve(&items, in: region)
            expr.kind = .tuple(items)
        case .set(var items):
            resolve(&items, in: region)
            expr.kind = .set(items)
        case .comprehension(var element, var clauses, _):
            let frame = comprehension(&clauses, in: region)
            resolve(&element, in: frame)
            expr.binding.slot = UInt32(truncatingIfNeeded: frame.locals.count)
            expr.kind = .comprehension(element: element, clauses: clauses, locals: frame.locals)
        case .dictComprehension(var key, var value, var clauses, _):
            let frame = comprehension(&clauses, in: region)
            resolve(&key, in: frame)
            resolve(&value, in: frame)
            expr.binding.slot = UInt32(truncatingIfNeeded: frame.locals.count)
            expr.kind = .dictComprehension(key: key, value: value, clauses: clauses, locals: frame.locals)
        case .dict(var entries):
            for index in entries.indices {
                switch entries[index] {
                case .pair(var key, var value):
                    resolve(&key, in: region)
                    resolve(&value, in: region)
                    entries[index] = .pair(key: key, value: value)
                case .unpacked(var inner):
                    resolve(&inner, in: region)
                    entries[index] = .unpacked(inner)
                }
            }
            expr.kind = .dict(entries)
        case .unary(let op, var operand):
            resolve(&operand, in: region)
            expr.kind = .unary(op, operand)
        case .binary(let op, var left, var right):
            resolve(&left, in: region)
            resolve(&right, in: region)
            expr.kind = .binary(op, left, right)
        case .compare(var first, var comparisons):
            resolve(&first, in: region)
            for index in comparisons.indices { resolve(&comparisons[index].right, in: region) }
            expr.kind = .compare(first, comparisons)
        case .logical(let op, var left, var right):
            resolve(&left, in: region)
            resolve(&right, in: region)
            expr.kind = .logical(op, left, right)
        case .not(var operand):
            resolve(&operand, in: region)
            expr.kind = .not(operand)
        case .call(var callee, var arguments):
            resolve(&callee, in: region)
            for index in arguments.indices { resolve(&arguments[index].value, in: region) }
            expr.kind = .call(callee, arguments)
        case .attribute(var object, let name, let location):
            resolve(&object, in: region)
            expr.binding.kind = .member
            expr.binding.hash = NameIndex.hash(name)
            expr.kind = .attribute(object, name, name: location)
        case .subscripted(var container, var subscripts):
            resolve(&container, in: region)
            for index in subscripts.indices {
                switch subscripts[index] {
                case .index(var inner):
                    resolve(&inner, in: region)
                    subscripts[index] = .index(inner)
                case .slice(let start, let stop, let step):
                    subscripts[index] = .slice(start: resolved(start, in: region), stop: resolved(stop, in: region),
                                               step: resolved(step, in: region))
                }
            }
            expr.kind = .subscripted(container, subscripts)
        case .lambda(var parameters, var body, _):
            resolveDefaults(&parameters, in: region)
            let frame = region.function()
            for parameter in parameters { frame.declare(parameter.name) }
            resolve(&body, in: frame)
            let template = FunctionTemplate(lambda: parameters, body, namesNothing: !frame.namesAnything)
            expr.kind = .lambda(parameters, body, TemplateSlot(template: template))
        case .conditional(var condition, var then, var otherwise):
            resolve(&condition, in: region)
            resolve(&then, in: region)
            resolve(&otherwise, in: region)
            expr.kind = .conditional(condition: condition, then: then, otherwise: otherwise)
        }
    }

    private static func resolve(_ items: inout [Expr], in region: Region) {
        for index in items.indices { resolve(&items[index], in: region) }
    }

    /// Defaults are evaluated where the function is defined.
    private static func resolveDefaults(_ parameters: inout [Parameter], in region: Region) {
        for index in parameters.indices { parameters[index].defaultValue = resolved(parameters[index].defaultValue, in: region) }
    }

    private static func resolved(_ expr: Expr?, in region: Region) -> Expr? {
        guard var expr else { return nil }
        resolve(&expr, in: region)
        return expr
    }

    /// A comprehension's frame: its loop variables are its slots. The first iterable is evaluated outside
    /// it, as in Python; the other clauses inside.
    private static func comprehension(_ clauses: inout [ComprehensionClause], in region: Region) -> Region {
        let frame = Region(.comprehension, parent: region)
        for clause in clauses { if case .for(let target, _) = clause { declareTarget(target, in: frame) } }
        for index in clauses.indices {
            switch clauses[index] {
            case .for(var target, var iterable):
                resolve(&iterable, in: index == 0 ? region : frame)
                resolve(&target, in: frame)
                clauses[index] = .for(target: target, iterable: iterable)
            case .if(var condition):
                resolve(&condition, in: frame)
                clauses[index] = .if(condition)
            }
        }
        return frame
    }
}
