import ArgumentParser
import NNLessons

/// `nnlearn start <id>`: writes an exercise's scaffold into the workspace and shows what to do.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start an exercise: write its scaffold to <workspace>/<id>.nn and show the statement.",
        discussion: "An existing file is never overwritten. The workspace is --workspace, else $NNLEARN_WORKSPACE, else ./nnlearn-exercises."
    )

    @ArgumentParser.Argument(help: "The exercise id (see `nnlearn exercises`).", completion: Completions.exercises)
    var id: String

    @Option(help: "The folder for your exercise files.")
    var workspace: String?

    func run() throws {
        try requireLessons()
        let status = ExerciseRunner.standard(workspace: workspace).start(id).exitStatus
        if status != 0 { throw ExitCode(status) }
    }
}
