import ArgumentParser
import NNLessons

/// `nnlearn solution <id>`: the course's reference solution, once the exercise is passed.
struct Solution: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solution",
        abstract: "Show the reference solution of an exercise you have passed.",
        discussion: "Before you pass it, --confirm shows it anyway."
    )

    @ArgumentParser.Argument(help: "The exercise id.", completion: Completions.exercises)
    var id: String

    @Flag(help: "Show the solution even though you have not passed the exercise.")
    var confirm = false

    func run() throws {
        try requireLessons()
        let status = ExerciseRunner.standard(workspace: nil).solution(id, confirm: confirm).exitStatus
        if status != 0 { throw ExitCode(status) }
    }
}
