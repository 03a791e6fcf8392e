import ArgumentParser
import NNLessons

/// `nnlearn hint <id>`: the next hint of an exercise.
struct Hint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hint",
        abstract: "Show the next hint for an exercise, one at a time.",
        discussion: "Which hints you have seen is remembered in the state directory (hints.json)."
    )

    @ArgumentParser.Argument(help: "The exercise id.", completion: Completions.exercises)
    var id: String

    func run() throws {
        try requireLessons()
        let status = ExerciseRunner.standard(workspace: nil).hint(id).exitStatus
        if status != 0 { throw ExitCode(status) }
    }
}
