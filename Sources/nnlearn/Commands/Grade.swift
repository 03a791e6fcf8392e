import ArgumentParser
import NNLessons
import NNRepl

/// `nnlearn grade [<id>...]`: runs the checks on the learner's exercise files.
struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade your exercise files: ✓ or ✗ per check, then 'N passed, N failed'.",
        discussion: """
            With no id, grades every exercise started in the workspace. Each grading runs in a fresh \
            interpreter with a step budget and a time limit per check block, and without file writing. \
            Exit status 1 when a check failed. --watch grades again whenever a file changes; Ctrl-C stops.
            """
    )

    @ArgumentParser.Argument(help: "Exercise ids; all started ones when none is given.", completion: Completions.exercises)
    var ids: [String] = []

    @Option(help: "The folder holding your exercise files.")
    var workspace: String?

    @Flag(help: "Grade again whenever a graded file changes (until Ctrl-C).")
    var watch = false

    @Option(help: "Fix grading_seed (checks otherwise draw fresh random cases on every run).")
    var seed: Int?

    @OptionGroup var memory: MemoryLimitOption

    func run() throws {
        memory.apply()
        try requireLessons()
        InterruptSignal.install()
        let runner = ExerciseRunner.standard(workspace: workspace, seed: seed)
        let status = watch ? runner.watch(ids).exitStatus : runner.grade(ids).exitStatus
        if status != 0 { throw ExitCode(status) }
    }
}
