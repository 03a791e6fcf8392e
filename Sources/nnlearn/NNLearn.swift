import ArgumentParser

/// The `nnlearn` command: a thin shell over the NN libraries.
@main
struct NNLearn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnlearn",
        abstract: "Learn how neural networks really work, one traced gradient at a time.",
        version: "0.1.0",
        subcommands: [Run.self, Replay.self, LessonsCommand.self, LessonCommand.self]
    )

    func run() throws {
        print("nnlearn \(Self.configuration.version)")
        print("Run `nnlearn --help` for the commands.")
    }
}
