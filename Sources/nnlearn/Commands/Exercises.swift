import ArgumentParser
import NNLessons

/// `nnlearn exercises`: every exercise of the course with the learner's status.
struct ExercisesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises",
        abstract: "List the exercises with your status in each (not started, failing, passed).",
        discussion: "Exercises live in the lessons (see docs/exercise-format.md). Problems in the lessons' exercise blocks are reported on standard error."
    )

    func run() throws {
        try requireLessons()
        let status = ExerciseRunner.standard(workspace: nil).list().exitStatus
        if status != 0 { throw ExitCode(status) }
    }
}
