import ArgumentParser
import Foundation
import NNScript

/// The `nnlearn` command: a thin shell over the NN libraries.
///
/// Every command names itself in its configuration: without a name, ArgumentParser derives one from
/// `String(describing:)` of the type, whose protocol conformance lookups in a binary this size cost
/// about a third of the start-up of `nnlearn run`.
@main
struct NNLearn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnlearn",
        abstract: "Learn how neural networks really work, one traced gradient at a time.",
        version: "0.1.0",
        subcommands: [Repl.self, Run.self, LessonsCommand.self, LessonCommand.self, Replay.self, ExercisesCommand.self, Start.self, Grade.self, Hint.self, Solution.self, KernelCommand.self, JupyterCommand.self, Convert.self],
        defaultSubcommand: Repl.self
    )

    /// Runs the command; output that could not be written (a closed or full standard output) makes the exit status 1.
    static func main() {
        StandardStream.installExitCheck()
        if let file = Run.plainFile(in: Array(CommandLine.arguments.dropFirst())) {
            Foundation.exit(Run.execute(file) ? 0 : 1)
        }
        main(nil)
    }
}
