import Foundation
import NNScript

/// Runs a lesson's cells in a fresh interpreter and compares each output with the recorded one.
public enum LessonReplay {
    /// The name errors in cell `number` are rendered with: `cell 3:2:5: error: …`.
    ///
    /// A fixed name rather than the file's path keeps recorded outputs the same
    /// on every machine; line and column count from the cell's first line.
    public static func errorFileName(cell number: Int) -> String { "cell \(number)" }

    /// A cell's output as an output block records it.
    ///
    /// The block holds lines without a final line break, so exactly one
    /// trailing "\n" is dropped; "\r\n" becomes "\n" because line breaks in
    /// the Markdown file cannot keep it. Nothing else is changed.
    public static func normalise(_ output: String) -> String {
        var text = output.contains("\r\n") ? output.replacingOccurrences(of: "\r\n", with: "\n") : output
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// A fresh interpreter for a lesson in `folder`: seed 0, files relative to the folder, output only
    /// captured by each cell, no progress bars, Ctrl-C stops a cell, each cell may run `timeLimit` seconds.
    public static func makeInterpreter(folder: URL, timeLimit: TimeInterval? = nil) -> Interpreter {
        // Lessons are small: a cell that needs more than 1 GB is a mistake or an attack.
        Interpreter(host: Host(files: FileAccess(base: folder), limits: Host.Limits(time: timeLimit, memory: Host.Limits.memory(default: 1 << 30)),
                               interrupt: Interruption.shared))
    }

    /// Runs every cell of `lesson` in order; `folder` is where its relative paths point.
    ///
    /// Each cell may run for `timeLimit` seconds (nil: no limit); one that runs
    /// longer is stopped and fails, and the later cells still run, as after any
    /// other error. `afterCell` sees each outcome as soon as it is known, so a
    /// front end can print a long lesson as it goes.
    public static func run(
        _ lesson: Lesson, folder: URL, timeLimit: TimeInterval? = nil, afterCell: ((CellOutcome) -> Void)? = nil
    ) -> ReplayResult {
        // The interpreter restarts the clock for every cell it runs.
        let interpreter = makeInterpreter(folder: folder, timeLimit: timeLimit)
        var outcomes: [CellOutcome] = []
        for cell in lesson.cells {
            // Where Ctrl-C stopped a cell depends on the moment: it is shown as recorded, not run.
            if cell.interrupted {
                let outcome = CellOutcome(cell: cell, actual: cell.expectedOutput, skipped: true)
                outcomes.append(outcome)
                afterCell?(outcome)
                continue
            }
            let result = interpreter.runCell(cell.source, file: errorFileName(cell: cell.number))
            // Replay sets no step budget, so a limit error can only be the time limit.
            let timedOut = result.error?.kind == .limit ? timeLimit : nil
            let outcome = CellOutcome(cell: cell, actual: normalise(result.output), stoppedWithError: result.error != nil,
                                      exceededTimeLimit: timedOut)
            outcomes.append(outcome)
            afterCell?(outcome)
            // Ctrl-C: the interrupted cell is reported, the rest are not run.
            if Interruption.pressed.isRequested { break }
        }
        return ReplayResult(lesson: lesson, outcomes: outcomes)
    }
}

/// One cell replayed: what it printed against what was recorded.
public struct CellOutcome: Sendable, Equatable {
    /// The cell as parsed, with its recorded output.
    public var cell: LessonCell
    /// What it printed, normalised as a block records it.
    public var actual: String
    /// Whether it stopped with an error (which may be the lesson's intent).
    public var stoppedWithError: Bool
    /// The time limit in seconds when the cell ran past it and was stopped, else nil.
    public var exceededTimeLimit: TimeInterval?
    /// Whether the cell was not run because it was marked interrupted when saved.
    public var skipped: Bool

    public init(cell: LessonCell, actual: String, stoppedWithError: Bool = false, exceededTimeLimit: TimeInterval? = nil,
                skipped: Bool = false) {
        self.cell = cell
        self.actual = actual
        self.stoppedWithError = stoppedWithError
        self.exceededTimeLimit = exceededTimeLimit
        self.skipped = skipped
    }

    /// Whether the cell finished in time and its output equals the recorded one byte for byte
    /// (a missing block records "").
    ///
    /// A cell stopped by the time limit fails even if it printed what was
    /// recorded: where a loop is cut off depends on the machine's speed.
    public var passed: Bool { exceededTimeLimit == nil && actual == cell.expectedOutput }

    /// The unified diff from the recorded output to the actual one ("" when they match).
    public var diff: String { LineDiff.unified(expected: cell.expectedOutput, actual: actual) }
}

/// A whole lesson replayed.
public struct ReplayResult: Sendable, Equatable {
    public var lesson: Lesson
    public var outcomes: [CellOutcome]

    public var passedCount: Int { outcomes.filter { $0.passed && !$0.skipped }.count }
    public var failedCount: Int { outcomes.filter { !$0.passed }.count }
    /// Cells marked interrupted, shown as recorded and not run.
    public var skippedCount: Int { outcomes.filter(\.skipped).count }
    public var passed: Bool { failedCount == 0 }
}
