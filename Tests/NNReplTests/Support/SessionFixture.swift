import Foundation
import NNRepl

/// A session writing into buffers, in a temporary folder of its own.
struct SessionFixture {
    let session: ReplSession
    let captured: CapturedText
    let folder: URL

    init(style: ReplSession.Style = .notebook) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnrepl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (console, captured) = ReplConsole.capturing()
        self.captured = captured
        session = ReplSession(console: console, style: style, baseDirectory: folder)
    }

    /// Runs lines of code as one cell each and forgets their output.
    func run(_ cells: String...) {
        for cell in cells { session.runCell(cell) }
        captured.clear()
    }

    /// Runs a command and returns its outcome with what it wrote to stdout and stderr.
    func command(_ line: String) -> (outcome: CommandOutcome, output: String, error: String) {
        captured.clear()
        let outcome = session.runCommand(line)
        return (outcome, captured.output, captured.error)
    }
}
