import Foundation
import Testing

/// The Python with NumPy, pandas and safetensors that checks nnlearn's files from the other side.
///
/// `make test` makes a virtual environment (.build/venv, scripts/test-requirements.txt) and sets
/// NNLEARN_TEST_PYTHON, and then these tests must run. A bare `swift test` uses `python3` when it
/// has NumPy, and otherwise skips them with a note.
enum TestPython {
    static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["NNLEARN_TEST_PYTHON"], !given.isEmpty { return given }
        let probe = try? run("import numpy", executable: "/usr/bin/env", prefix: ["python3"])
        return probe?.status == 0 ? "python3" : nil
    }()

    /// Whether tests that need Python must run (under `make test`), so a missing Python fails them.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["NNLEARN_TEST_PYTHON"].map { !$0.isEmpty } ?? false }

    /// How long one Python program may run before it and everything it started are stopped.
    static let timeLimitSeconds = 900

    struct Outcome {
        let status: Int32
        let output: String
    }

    /// Runs a Python program in `directory`; its standard output and error together.
    static func run(_ program: String, in directory: URL? = nil) throws -> Outcome {
        guard let executable else { return Outcome(status: -1, output: "no Python with NumPy") }
        // coreutils' timeout runs Python in a process group of its own and ends the whole group, so a kernel that
        // stops answering fails the test with status 124 instead of hanging the suite.
        return try run(program, executable: "/usr/bin/env",
                       prefix: ["timeout", "--kill-after=10", String(timeLimitSeconds), executable], directory: directory)
    }

    private static func run(_ program: String, executable: String, prefix: [String], directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = prefix + ["-c", program]
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
