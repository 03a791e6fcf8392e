/// The text of `help()` and `:help`.
public enum Help {
    /// Help for a name, a builtin, a function or an object; every builtin when nil.
    public static func text(for subject: Value?, interpreter: Interpreter, at location: SourceLocation) throws -> String {
        guard let subject else { return overview }
        switch subject {
        case .string(let name):
            if let builtin = Library.builtin(named: name) { return describe(builtin) }
            if let value = interpreter.globals.lookup(name) { return try text(for: value, interpreter: interpreter, at: location) }
            let suggestion = Diagnostic.closestName(to: name, among: Array(Library.builtinNames))
            throw ScriptError(.name, "no help for '\(name)': it is not a builtin or a variable", at: location,
                              hint: suggestion.map { "did you mean '\($0)'?" } ?? "help() lists every builtin")
        case .builtin(let builtin): return describe(builtin)
        case .function(let function):
            return function.signature + "\n" + (function.docstring ?? "(no docstring)")
        case .object(let cls as ScriptClass):
            return describe(cls)
        case .object(let instance as Instance):
            return describe(instance.type)
        case .object(let method as BoundMethod):
            return try text(for: method.function, interpreter: interpreter, at: location)
        case .object(let object):
            return "\(object.typeName): attributes \(object.attributeNames.joined(separator: ", "))"
        case .tensor:
            return "tensor: attributes and methods " + TensorMembers.table.names.joined(separator: ", ")
        case .dict:
            return "dict: methods " + DictMembers.table.names.joined(separator: ", ")
        default:
            return "\(subject.typeName): see help() for the builtins"
        }
    }

    /// A class's header, docstring, methods with their signatures and first doc line, and class attributes.
    static func describe(_ cls: ScriptClass) -> String {
        var lines = ["class \(cls.name)" + (cls.base.map { "(\($0.name))" } ?? "")]
        if let doc = cls.docstring { lines.append(doc) }
        var methods: [String] = [], constants: [String] = []
        for name in cls.allAttributeNames {
            switch cls.lookup(name) {
            case .function(let function)?:
                let summary = function.docstring.map { ": " + ($0.split(separator: "\n").first.map(String.init) ?? "") } ?? ""
                methods.append("  " + function.signature + summary)
            case .builtin(let builtin)? where name == "__init__" || !name.hasPrefix("__"):
                methods.append("  " + (builtin.doc.split(separator: "\n").first.map(String.init) ?? name))
            case .builtin?, nil: continue
            default: constants.append(name)
            }
        }
        if !methods.isEmpty { lines.append("methods:"); lines += methods }
        if !constants.isEmpty { lines.append("class attributes: " + constants.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    static func describe(_ builtin: Builtin) -> String {
        builtin.signature.render(builtin.name) + "\n" + builtin.doc
    }

    /// Every builtin name, grouped by family.
    static var overview: String {
        let families: [(String, [Builtin])] = [
            ("tensors", TensorBuiltins.all), ("math", MathBuiltins.all), ("losses", LossBuiltins.all),
            ("autodiff", AutodiffBuiltins.all), ("models", ModelBuiltins.all), ("optimizers", OptimizerBuiltins.all),
            ("data", DataBuiltins.all), ("metrics", MetricBuiltins.all), ("graphics", PlotBuiltins.all), ("checks", CheckBuiltins.all),
            ("basics", BasicBuiltins.all), ("iteration", IterationBuiltins.all), ("classes", ClassBuiltins.all),
        ]
        var lines = ["Builtins (help(\"name\") for one of them):"]
        for (family, builtins) in families {
            lines.append("  \(family): " + builtins.map(\.name).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
