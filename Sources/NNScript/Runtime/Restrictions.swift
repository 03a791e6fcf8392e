/// Builtins and tensor methods an exercise asks the learner to write themselves.
///
/// Set on the learner's namespace only (``Interpreter/forbid(_:exercise:)``):
/// every scope created under it (function calls, comprehensions) inherits it,
/// so a learner's function raises wherever it runs, while the checks, in their
/// own namespace, keep the real builtins to compare with.
public final class Restrictions {
    /// The names that raise.
    public let names: Set<String>
    /// The exercise that forbids them, for the message.
    public let exercise: String

    init(names: Set<String>, exercise: String) {
        self.names = names
        self.exercise = exercise
    }

    /// The error for using `name`: what the exercise asks and what to do instead.
    func error(_ name: String, at location: SourceLocation?) -> ScriptError {
        ScriptError(.name, "'\(name)' is not available in the exercise '\(exercise)': it asks you to write it yourself",
                    at: location, hint: "the checks compare your function with \(name); build yours from simpler operations, as the statement describes")
    }
}

extension Interpreter {
    /// Makes `names` (builtins, and tensor methods such as `x.backward()`) raise in this interpreter's namespace.
    public func forbid(_ names: [String], exercise: String) {
        guard !names.isEmpty else { return }
        let restrictions = Restrictions(names: Set(names), exercise: exercise)
        globals.restrictions = restrictions
        for name in names where globals.values[name] != nil {
            globals.values[name] = .builtin(Builtin(name, Signature("*arguments, **keywords"), doc: "not available in this exercise") { args, _ in
                throw restrictions.error(name, at: args.location)
            })
        }
    }
}

extension Interpreter {
    /// Copies the globals `names` into `other`'s namespace (nothing else crosses); returns the names this one lacks.
    ///
    /// Functions keep their own namespace: called from `other`, their bodies still see this one's globals.
    public func export(_ names: [String], to other: Interpreter) -> [String] {
        var missing: [String] = []
        for name in names {
            if let value = globals.values[name] { other.globals.values[name] = value } else { missing.append(name) }
        }
        return missing
    }
}
