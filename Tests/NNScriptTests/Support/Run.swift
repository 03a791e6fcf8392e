import Foundation
@testable import NNScript

/// Runs a program in a fresh interpreter and returns what it printed and its error.
func run(_ source: String, file: String = "test.nn") -> (output: String, error: ScriptError?) {
    let result = Interpreter().runCell(source, file: file)
    return (result.output, result.error)
}

/// The output of a program that must succeed (the rendered error otherwise).
func output(_ source: String) -> String {
    let (text, _) = run(source)
    return text
}

/// The text of a program in Tests/NNScriptTests/Scripts.
func scriptSource(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}
