import Foundation
import NNLessons
import Testing
@testable import NNRepl

@Suite struct SaveReplaysTests {
    @Test func aSavedSessionIsALessonThatReplayPassesUnchanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (console, captured) = ReplConsole.capturing()
        let session = ReplSession(console: console, baseDirectory: folder)
        _ = randn(session)  // moves the session's random stream, which the saved lesson must not depend on
        session.handle(.code("w = randn(2)\nw"))
        session.handle(.code("print(undefined_name)"))
        session.handle(.code("def f(x):\n    return x * 2\nf(w)"))
        #expect(session.runCommand(":save session.md") == .success)
        #expect(captured.output.contains("Saved 4 cells to session.md."))
        let url = folder.appendingPathComponent("session.md")
        let lesson = try LessonParser.load(url, name: "session.md")
        #expect(lesson.cells.count == 4)
        #expect(lesson.cells[2].output?.text.contains("cell 3:1:7: error: NameError: name 'undefined_name' is not defined") == true)
        let result = LessonReplay.run(lesson, folder: folder, afterCell: nil)
        #expect(result.failedCount == 0)
        #expect(result.passedCount == 4)
    }

    private func randn(_ session: ReplSession) -> Bool {
        session.runCell("randn(5)")
    }
}
