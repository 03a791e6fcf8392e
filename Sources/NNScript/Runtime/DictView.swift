/// `d.keys()`, `d.values()` and `d.items()`: live views of a dict, as in Python, so a
/// view taken before a change shows the change.
final class DictView: ScriptObject, ScriptSequence {
    let dict: DictStorage
    let part: DictStorage.Part

    init(_ dict: DictStorage, _ part: DictStorage.Part) {
        self.dict = dict
        self.part = part
    }

    var typeName: String { "dict_\(part.rawValue)" }
    var attributeNames: [String] { [] }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? { nil }

    func visit(_ body: (Value) throws -> Bool) throws {
        try dict.visit(part, at: nil, body)
    }

    /// `dict_keys(['a', 'b'])`, as Python shows a view.
    func display(interpreter: Interpreter) -> String {
        Display.repr(.object(self), interpreter: interpreter)
    }
}
