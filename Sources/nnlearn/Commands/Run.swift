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

    func run() throws {
        let source: String
        let base: URL
        if file == "-" {
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        } else {
            let url = URL(fileURLWithPath: file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                FileHandle.standardError.write(Data("nnlearn: cannot read '\(file)': \(FileManager.default.fileExists(atPath: url.path) ? "permission denied" : "no such file")\n".utf8))
                throw ExitCode(1)
            }
            source = String(decoding: data, as: UTF8.self)
            base = url.deletingLastPathComponent()
        }
        let succeeded = ScriptRunner.run(source, file: file == "-" ? "<stdin>" : file, base: base)
        if !succeeded { throw ExitCode(1) }
    }
}
