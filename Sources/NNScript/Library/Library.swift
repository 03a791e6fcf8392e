/// The standard library: every builtin, gathered from one file per family.
public enum Library {
    /// Every builtin, in the order `help()` lists the families.
    public static let all: [Builtin] = TensorBuiltins.all + MathBuiltins.all + LossBuiltins.all + AutodiffBuiltins.all
        + DeepLearningBuiltins.all
        + ModelBuiltins.all + LayerBuiltins.all + OptimizerBuiltins.all + DataBuiltins.all + ExchangeBuiltins.all + ModelExchangeBuiltins.all
        + MetricBuiltins.all + PlotBuiltins.all + CheckBuiltins.all + BasicBuiltins.all
        + IterationBuiltins.all + ClassBuiltins.all

    /// The builtins' names, for completion and for telling them apart from user variables.
    public static let builtinNames: Set<String> = Set(all.map(\.name))

    /// The properties and methods of tensors (`x.backward`, `x.softmax`), for exercises that forbid some.
    public static let tensorMemberNames: Set<String> = Set(TensorMembers.table.names)

    /// A fresh global scope's contents.
    static func globals() -> NameTable {
        var values = NameTable(capacity: all.count + 2)
        for builtin in all { values[builtin.name] = .builtin(builtin) }
        values["Module"] = .object(ModuleClass.make())
        values["NotImplemented"] = .object(NotImplementedValue.shared)
        return values
    }

    /// Whether a global is one of the library's objects (`Module`, `NotImplemented`) rather than a learner's variable.
    static func isBuiltinObject(_ name: String, _ value: Value) -> Bool {
        switch (name, value) {
        case ("Module", .object(let cls as ScriptClass)): return cls.isModuleBase
        case ("NotImplemented", .object(let object)): return object === NotImplementedValue.shared
        default: return false
        }
    }

    /// The builtin with this name, for help.
    public static func builtin(named name: String) -> Builtin? {
        all.first { $0.name == name }
    }
}
