import ArgumentParser
import Foundation
import NNScript
import NNLessons
import NNRepl
import NNTerminal

/// `nnlearn replay FILE...`: runs lessons and checks every output against the recorded one.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay lessons and check each cell's output against the recorded one.",
        discussion: """
            Each file runs in a fresh interpreter (random seed 0). A difference is shown as a unified \
            diff naming the file, the cell and its line. A cell that runs longer than the time limit \
            is stopped and fails, and the lesson goes on with its next cell. Exit status 0 when every \
            cell matches, 1 on any difference, timed-out cell or malformed lesson. See docs/lesson-format.md.
            """
    )

    @ArgumentParser.Argument(help: "Lesson Markdown files, or notebooks (.ipynb) converted from lessons.", completion: .file(extensions: ["md", "ipynb"]))
    var files: [String]

    @Flag(help: "Rewrite the output blocks with the actual outputs (nothing else in the files changes).")
    var update = false

    @Flag(help: "Print only failures and the closing 'N passed, N failed' line.")
    var quiet = false

    @Option(name: .customLong("time-limit"), help: ArgumentHelp(
        "Seconds each cell may run before it is stopped and fails (default: \(Int(ReplayRunner.defaultTimeLimit))).",
        valueName: "seconds"))
    var timeLimit: Double?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one lesson file.") }
        // Written so that nan, which compares false with everything, is refused too.
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit takes a number of seconds above 0, such as 60 or 0.5.")
        }
    }

    @OptionGroup var memory: MemoryLimitOption

    func run() throws {
        memory.apply()
        // Ctrl-C stops after the running cell, with a summary of what ran.
        InterruptSignal.install()
        let environment = ProcessInfo.processInfo.environment
        let colour = ColourPolicy.detect(environment: environment)
        let printer = NotebookPrinter(colour: colour, prose: .terminal(colour: colour))
        let runner = ReplayRunner(
            mode: update ? .update : quiet ? .quiet : .notebook,
            printer: printer,
            timeLimit: timeLimit ?? ReplayRunner.defaultTimeLimit,
            write: { text in StandardStream.write(text, to: 1) },
            writeError: { text in StandardStream.write(text, to: 2) }
        )
        let status = runner.run(files: files).exitStatus
        if status != 0 { throw ExitCode(status) }
    }
}
