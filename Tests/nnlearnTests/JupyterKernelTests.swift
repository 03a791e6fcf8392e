import Foundation
import Testing

/// The Jupyter kernel, driven by jupyter_client: the official conformance suite (jupyter_kernel_test),
/// interrupts by message and by SIGINT, and a forged message that must not run.
@Suite(.enabled(if: JupyterPython.isAvailable || TestPython.isRequired, "needs a Python with jupyter_client (make test provides one)"),
       .serialized)
struct JupyterKernelTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-jupyter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static var scripts: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts") }

    @Test func installWritesAKernelspecThatUninstallRemoves() throws {
        let prefix = try Self.folder()
        let installed = try Binary.run(["jupyter", "install", "--prefix", prefix.path])
        #expect(installed.status == 0, "\(installed.stderr)")
        let file = prefix.appendingPathComponent("share/jupyter/kernels/nnlearn/kernel.json")
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        #expect(spec?["argv"] as? [String] == [Binary.url.resolvingSymlinksInPath().path, "kernel", "--connection-file", "{connection_file}"])
        #expect(spec?["display_name"] as? String == "nnlearn")
        #expect(spec?["language"] as? String == "nnlearn")
        #expect(spec?["interrupt_mode"] as? String == "message")
        // Installing again replaces nnlearn's own spec; another program's is kept.
        #expect(try Binary.run(["jupyter", "install", "--prefix", prefix.path]).status == 0)
        let removed = try Binary.run(["jupyter", "uninstall", "--prefix", prefix.path])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"argv": ["python", "-m", "other"], "language": "python"}"#.utf8).write(to: file)
        let refused = try Binary.run(["jupyter", "install", "--prefix", prefix.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("another program's kernelspec"))
        #expect(try Binary.run(["jupyter", "uninstall", "--prefix", prefix.path]).status == 1)
        #expect(FileManager.default.fileExists(atPath: file.path))
    }

    @Test func passesTheConformanceSuite() throws {
        let prefix = try Self.folder()
        #expect(try Binary.run(["jupyter", "install", "--prefix", prefix.path]).status == 0)
        // A second spec interrupted by SIGINT, for the signal half of the interrupt test.
        let kernels = prefix.appendingPathComponent("share/jupyter/kernels")
        let signalSpec = kernels.appendingPathComponent("nnlearn-signal")
        try FileManager.default.createDirectory(at: signalSpec, withIntermediateDirectories: true)
        let json = try String(contentsOf: kernels.appendingPathComponent("nnlearn/kernel.json"), encoding: .utf8)
        try json.replacingOccurrences(of: "\"message\"", with: "\"signal\"")
            .write(to: signalSpec.appendingPathComponent("kernel.json"), atomically: true, encoding: .utf8)
        let script = try String(contentsOf: Self.scripts.appendingPathComponent("kernel_conformance.py"), encoding: .utf8)
        let data = prefix.appendingPathComponent("share/jupyter").path
        let program = "import sys\nsys.argv = ['kernel_conformance.py', \(Self.quoted(Binary.url.path)), \(Self.quoted(data))]\n" + script
        let outcome = try TestPython.run(program, in: prefix)
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.hasSuffix("ok\n"), "\(outcome.output)")
    }

    /// Lessons converted to notebooks: nbformat validates them, nbclient runs them on the kernel with the
    /// recorded outputs, they convert back byte for byte, and `replay` checks the notebooks themselves.
    /// Under `make test` (NNLEARN_RELEASE_BINARY names the optimized build) every lesson of the course;
    /// with only the debug build, three lessons (prints, values, errors, figures), which it runs in seconds.
    @Test func lessonsBecomeNotebooksThatRunAndComeBack() throws {
        let folder = try Self.folder()
        let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
        // Lesson code reads its data relative to the lesson: the notebooks sit beside a link to it.
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("data"), withDestinationURL: lessons.appendingPathComponent("data"))
        let release = ProcessInfo.processInfo.environment["NNLEARN_RELEASE_BINARY"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        let binary = release ?? Binary.url
        let ids = release == nil ? ["00-tour", "01-perceptron", "03-manual-backprop"] : try Self.course(in: lessons)
        #expect(ids.count >= 3)
        var notebooks: [String] = []
        for id in ids {
            let lesson = lessons.appendingPathComponent(id + ".md")
            let notebook = folder.appendingPathComponent(id + ".ipynb")
            let converted = try Binary.run(["convert", lesson.path, "--to", "ipynb", "-o", notebook.path], executable: binary)
            #expect(converted.status == 0, "\(converted.stderr)")
            let back = folder.appendingPathComponent(id + ".md")
            #expect(try Binary.run(["convert", notebook.path, "--to", "md", "-o", back.path], executable: binary).status == 0)
            #expect(try Data(contentsOf: back) == Data(contentsOf: lesson), "\(id) changed in the round trip")
            let refused = try Binary.run(["convert", notebook.path, "--to", "md", "-o", back.path], executable: binary)
            #expect(refused.status == 1 && refused.stderr.contains("writes only new files"))
            notebooks.append(notebook.path)
        }
        let replayed = try Binary.run(["replay", "--quiet"] + notebooks, executable: binary)
        #expect(replayed.status == 0, "\(replayed.stdout)\(replayed.stderr)")
        #expect(replayed.stdout.contains(" passed, 0 failed"))

        let prefix = try Self.folder()
        #expect(try Binary.run(["jupyter", "install", "--prefix", prefix.path], executable: binary).status == 0)
        let script = try String(contentsOf: Self.scripts.appendingPathComponent("notebook_check.py"), encoding: .utf8)
        let arguments = [prefix.appendingPathComponent("share/jupyter").path, lessons.path] + notebooks
        let program = "import sys\nsys.argv = ['notebook_check.py', " + arguments.map(Self.quoted).joined(separator: ", ") + "]\n" + script
        let outcome = try TestPython.run(program, in: folder)
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.hasSuffix("ok\n"), "\(outcome.output)")
    }

    /// The lessons of the course (`NN-name.md`), in order: a lesson added later is checked without a change here.
    static func course(in lessons: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: lessons.path)
            .filter { $0.hasSuffix(".md") && $0.first?.isNumber == true }
            .map { String($0.dropLast(3)) }
            .sorted()
    }

    /// A Python string literal.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}

/// Whether the test Python has jupyter_client, jupyter_kernel_test and nbformat.
enum JupyterPython {
    static let isAvailable: Bool = {
        guard TestPython.executable != nil, let probe = try? TestPython.run("import jupyter_kernel_test, nbformat") else { return false }
        return probe.status == 0
    }()
}
