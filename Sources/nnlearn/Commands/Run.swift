import ArgumentParser
import Foundation
import NNScript

/// `nnlearn run FILE`: runs a program and prints what it prints.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
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
        if !Self.execute(file) { throw ExitCode(1) }
    }

    /// Reads and runs the program at `file` (- for standard input); false when it could not be read or stopped with an error.
    static func execute(_ file: String) -> Bool {
        let source: String
        do {
            // Capped: `run - < /dev/zero` or a 100 MB file is refused rather than read without end.
            source = String(decoding: try StandardStream.readProgram(path: file), as: UTF8.self)
        } catch {
            StandardStream.write("nnlearn: \(error)\n", to: 2)
            return false
        }
        let base = file == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            : URL(fileURLWithPath: file).deletingLastPathComponent()
        return ScriptRunner.run(source, file: file == "-" ? "<stdin>" : file, base: base)
    }

    /// `nnlearn run FILE` without options, the commonest command line, runs without ArgumentParser:
    /// its reflection of every command's options costs more than the rest of the start-up together.
    /// Anything else (an option, `--help`, a file name starting with `-`) is parsed as usual; nil then.
    static func plainFile(in arguments: [String]) -> String? {
        guard arguments.count == 2, arguments[0] == "run" else { return nil }
        let file = arguments[1]
        return file == "-" || !file.hasPrefix("-") ? file : nil
    }
}
