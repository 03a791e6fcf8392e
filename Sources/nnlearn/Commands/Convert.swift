import ArgumentParser
import Foundation
import NNLessons
import NNRepl
import NNScript

/// `nnlearn convert FILE --to ipynb|md`: a lesson as a Jupyter notebook, and back.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a lesson to a Jupyter notebook (--to ipynb) or a notebook back to a lesson (--to md).",
        discussion: """
            To a notebook, the lesson's cells run once, as replay runs them, so that values, prints and \
            figures (as SVG) become separate outputs. A lesson converted to a notebook and back is the same \
            file byte for byte. The output is a new file (never an existing one), by default in the current \
            folder with the input's name and the new extension.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ipynb, md
    }

    @ArgumentParser.Argument(help: "A lesson (.md) or a notebook (.ipynb).", completion: .file(extensions: ["md", "ipynb"]))
    var file: String

    @Option(help: "What to write: ipynb or md.")
    var to: Format

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (a new .ipynb or .md file).", valueName: "file"))
    var output: String?

    func validate() throws {
        let input = URL(fileURLWithPath: file).pathExtension
        let expected = to == .ipynb ? "md" : "ipynb"
        if input != expected { throw ValidationError("--to \(to.rawValue) converts a .\(expected) file; \(file) is not one.") }
        if let output, URL(fileURLWithPath: output).pathExtension != to.rawValue {
            throw ValidationError("-o names the \(to.rawValue) file to write: give it the .\(to.rawValue) extension.")
        }
    }

    func run() throws {
        InterruptSignal.install()
        let input = URL(fileURLWithPath: file)
        let target = output.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                .appendingPathComponent(input.deletingPathExtension().lastPathComponent + "." + to.rawValue)
        do {
            let data = try convert(input)
            guard !FileManager.default.fileExists(atPath: target.path) else {
                throw LessonError(file: target.path, line: 0, message: "exists already; nnlearn convert writes only new files (choose another name with -o)")
            }
            try AtomicFile.write(data, to: target)
            StandardStream.write("Wrote \(target.path)\n", to: 1)
        } catch let error as LessonError {
            StandardStream.write("nnlearn convert: \(error.description)\n", to: 2)
            throw ExitCode(1)
        } catch {
            StandardStream.write("nnlearn convert: cannot write \(target.path): \(error.localizedDescription)\n", to: 2)
            throw ExitCode(1)
        }
    }

    private func convert(_ input: URL) throws(LessonError) -> Data {
        switch to {
        case .ipynb:
            let source = try LessonParser.read(input, name: file)
            let lesson = try LessonParser.parse(source, file: file)
            let outputs = NotebookOutput.record(lesson, folder: input.deletingLastPathComponent(), timeLimit: ReplayRunner.defaultTimeLimit)
            return NotebookConversion.notebook(lesson: lesson, source: source, outputs: outputs)
        case .md:
            guard let data = FileManager.default.contents(atPath: input.path) else {
                throw LessonError(file: file, line: 0, message: "cannot read the notebook")
            }
            return Data(try NotebookConversion.markdown(notebook: data, file: file).utf8)
        }
    }
}
