import Foundation
import NNScript

/// Runs bad input inside a session that already holds state, as a REPL would.
enum Survival {
    /// The outcome of one bad cell and of the cell run after it.
    struct Outcome {
        /// The bad cell's result: its output and its error.
        let result: CellResult
        /// What `print(keep + 1)` printed afterwards ("42\n" when state survived).
        let after: String
    }

    /// A session interpreter with a step and time budget (unless others are given), after `keep = 41`.
    static func session(steps: Int? = 200_000, time: TimeInterval? = 20, memory: Int? = nil, files: FileAccess = FileAccess(),
                        interrupt: InterruptRequest? = nil) -> Interpreter {
        let interpreter = Interpreter(host: Host(files: files, limits: Host.Limits(steps: steps, time: time, memory: memory), interrupt: interrupt))
        _ = interpreter.runCell("keep = 41", file: "setup.nn")
        return interpreter
    }

    /// Runs `source` as a cell named `bad.nn`, then checks that the session still answers.
    static func run(_ source: String, in interpreter: Interpreter = session()) -> Outcome {
        let result = interpreter.runCell(source, file: "bad.nn")
        let after = interpreter.runCell("print(keep + 1)", file: "after.nn")
        return Outcome(result: result, after: after.output)
    }
}
