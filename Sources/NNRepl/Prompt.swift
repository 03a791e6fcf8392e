/// The notebook-style prompts: `In [3]:`, `   ...:` and `Out[3]:`.
public enum Prompt {
    /// The prompt before the first line of cell `number`.
    public static func input(_ number: Int) -> String { "In [\(number)]: " }

    /// The prompt before a continuation line, aligned under the input prompt.
    public static func continuation(_ number: Int) -> String {
        String(repeating: " ", count: max(0, input(number).count - 5)) + "...: "
    }

    /// The label before a displayed result.
    public static func output(_ number: Int) -> String { "Out[\(number)]: " }
}
