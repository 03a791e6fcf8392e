import Foundation
import Testing

/// `scripts/install` (what `make install` runs) puts a working nnlearn under a prefix, and the
/// installed copy finds its lessons and data there, with no source checkout around.
@Suite(.serialized) struct InstallTests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A new temporary folder.
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs scripts/install with `arguments` and DESTDIR set; returns its status and standard error.
    static func install(_ arguments: [String], destination: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = checkout.appendingPathComponent("scripts/install")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DESTDIR"] = destination.path
        environment["PREFIX"] = "/usr/local"
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }

    /// Every file below `root`, relative to it.
    static func files(under root: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: root.path)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    @Test func theInstalledBinaryTeachesFromItsPrefixAndUninstallRemovesEverything() throws {
        let destination = try Self.folder("destdir")
        // `make test` builds swift-argument-parser's generate-manual first and insists on the man page;
        // a bare `swift test` may not have it, and then installs without one, as the script says.
        let manualTool = Binary.url.deletingLastPathComponent().appendingPathComponent("generate-manual")
        let hasManualTool = FileManager.default.isExecutableFile(atPath: manualTool.path)
        if ProcessInfo.processInfo.environment["NNLEARN_REQUIRE_MANUAL"] == "1" {
            #expect(hasManualTool, "make manual-tool builds \(manualTool.path)")
        }
        let installed = try Self.install([Binary.url.path] + (hasManualTool ? [manualTool.path] : []), destination: destination)
        #expect(installed.status == 0, "\(installed.stderr)")

        let prefix = destination.appendingPathComponent("usr/local")
        let files = Self.files(under: prefix)
        for expected in ["bin/nnlearn", "share/nnlearn/lessons/00-tour.md", "share/nnlearn/lessons/data/digits.csv",
                         "share/nnlearn/lessons/solutions/threshold_unit.nn",
                         "share/bash-completion/completions/nnlearn", "share/zsh/site-functions/_nnlearn",
                         "share/fish/vendor_completions.d/nnlearn.fish", "share/jupyter/kernels/nnlearn/kernel.json"] {
            #expect(files.contains(expected), "missing \(expected)")
        }
        let kernelSpec = try JSONSerialization.jsonObject(
            with: Data(contentsOf: prefix.appendingPathComponent("share/jupyter/kernels/nnlearn/kernel.json"))) as? [String: Any]
        #expect((kernelSpec?["argv"] as? [String])?.first == "/usr/local/bin/nnlearn", "the kernelspec starts the installed binary")
        if hasManualTool {
            let manual = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/nnlearn.1"), encoding: .utf8)
            #expect(manual.contains(".Dt NNLEARN 1"))
            #expect(manual.contains("replay"))
        } else {
            #expect(installed.stderr.contains("no man page installed"))
        }
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/nnlearn"), encoding: .utf8)
        #expect(bash.contains("---completion lesson"))

        // Run from a folder with no checkout around, as a learner who installed nnlearn would.
        let binary = prefix.appendingPathComponent("bin/nnlearn")
        let home = try Self.folder("home")
        let environment = ["NNLEARN_HOME": "", "XDG_STATE_HOME": home.appendingPathComponent("state").path, "HOME": home.path]
        func run(_ arguments: [String], input: String = "") throws -> Binary.Outcome {
            try Binary.run(arguments, input: input, environment: environment, directory: home, executable: binary)
        }

        let lessons = try run(["lessons"])
        #expect(lessons.status == 0)
        #expect(lessons.stdout.contains("01-perceptron") && lessons.stdout.contains("08-regularization"))

        let lesson = try run(["lesson", "1"], input: "\n\n\n")
        #expect(lesson.status == 0, "\(lesson.stderr)")
        #expect(lesson.stdout.contains("perceptron"))

        let program = try run(["run", "-"], input: "X, y = dataset(\"digits\")\nprint(X.shape, y.shape)\n")
        #expect(program.stdout == "(1797, 64) (1797,)\n", "\(program.stderr)")

        let exercises = try run(["exercises"])
        #expect(exercises.status == 0)
        #expect(exercises.stdout.contains("threshold_unit"))

        let started = try run(["start", "threshold_unit"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("nnlearn-exercises/threshold_unit.nn").path))
        let graded = try run(["grade", "threshold_unit"])
        #expect(graded.status == 1, "the scaffold fails its checks")
        #expect(graded.stdout.contains("failed"))

        let replayed = try run(["replay", "--quiet", prefix.appendingPathComponent("share/nnlearn/lessons/00-tour.md").path])
        #expect(replayed.status == 0, "\(replayed.stdout)\(replayed.stderr)")
        #expect(replayed.stdout.contains("0 failed"))

        let removed = try Self.install(["--uninstall"], destination: destination)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(Self.files(under: destination) == [])
    }

    @Test func withoutLessonsEveryCommandThatNeedsThemSaysWhereItLookedAndFails() throws {
        let folder = try Self.folder("bare")
        let copy = folder.appendingPathComponent("bin/nnlearn")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Copied by a child process: a write descriptor held open in this process could leak into a
        // process another test starts meanwhile, and running the copy would then fail with ETXTBSY.
        let cp = try Process.run(URL(fileURLWithPath: "/bin/cp"), arguments: [Binary.url.path, copy.path])
        cp.waitUntilExit()
        #expect(cp.terminationStatus == 0)
        let environment = ["NNLEARN_HOME": "", "XDG_STATE_HOME": folder.appendingPathComponent("state").path]
        for arguments in [["lessons"], ["lesson", "1"], ["exercises"], ["start", "threshold_unit"], ["grade", "threshold_unit"]] {
            let outcome = try Binary.run(arguments, environment: environment, directory: folder, executable: copy)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains("no lessons found"), "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains(folder.appendingPathComponent("share/nnlearn").path))
            #expect(outcome.stderr.contains("NNLEARN_HOME"))
        }
        let data = try Binary.run(["run", "-"], input: "dataset(\"iris\")\n", environment: environment, directory: folder, executable: copy)
        #expect(data.status == 1)
        #expect(data.stderr.contains("NNLEARN_HOME"))

        let pointed = try Binary.run(["lessons"], environment: ["NNLEARN_HOME": Self.checkout.path], directory: folder, executable: copy)
        #expect(pointed.status == 0)
        #expect(pointed.stdout.contains("00-tour") || pointed.stdout.contains("tour"))
    }
}
