import ArgumentParser
import Foundation
import NNScript

/// `nnlearn run FILE`: runs a program and prints what it prints.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a program in the nnlearn language.",
        discussion: "Top-level expressions are displayed as in a notebook. Exit status 0 on success, 1 on any error."
    )

    @ArgumentParser.Argument(help: "The program to run, or - for standard input.", completion: .file(extensions: ["nn"]))
    var file: String

    @OptionGroup var memory: MemoryLimitOption
    @OptionGroup var graphics: GraphicsOption

    func run() throws {
        memory.apply()
        graphics.apply()
        let source: String
        do {
            // Capped: `run - < /dev/zero` or a 100 MB file is refused rather than read without end.
            source = String(decoding: try StandardStream.readProgram(path: file), as: UTF8.self)
        } catch {
            StandardStream.write("nnlearn: \(error)\n", to: 2)
            throw ExitCode(1)
        }
        let base = file == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            : URL(fileURLWithPath: file).deletingLastPathComponent()
        let succeeded = ScriptRunner.run(source, file: file == "-" ? "<stdin>" : file, base: base)
        if !succeeded { throw ExitCode(1) }
    }
}
