import Foundation
import NNLessons
import Testing
@testable import NNRepl

/// Stepping through a lesson inside the REPL session, as `:lesson` and Enter do.
@Suite struct LessonModeTests {
    func fixture() throws -> (catalog: LessonCatalog, progress: ProgressStore) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-lessonmode-\(UUID().uuidString)")
        let lessons = root.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try """
            # Two cells

            First we make a tensor.

            ```nn
            x = [1.0, 2.0]
            x * 2
            ```

            Then we sum it.

            ```nn
            print(x.sum().item())
            ```
            """.write(to: lessons.appendingPathComponent("01-two.md"), atomically: true, encoding: .utf8)
        return (LessonCatalog(directory: lessons), ProgressStore(directory: root.appendingPathComponent("state")))
    }

    @Test func enterShowsRunsAndAdvancesAndOwnCodeSharesTheVariables() throws {
        let (catalog, progress) = try fixture()
        let (console, captured) = ReplConsole.capturing()
        let session = ReplSession(console: console)
        #expect(session.openLesson("01-two", catalog: catalog, progress: progress) == .success)
        #expect(captured.output.contains("First we make a tensor."))
        #expect(captured.output.contains("── cell 1 of 2 ── Enter runs it\n    x = [1.0, 2.0]\n    x * 2\n"))
        captured.clear()
        #expect(session.handle(.empty) == .ran(succeeded: true))
        #expect(captured.output == "tensor([2., 4.])\n")
        captured.clear()
        #expect(session.handle(.code("x[0] + 10")) == .ran(succeeded: true))
        #expect(captured.output.contains("tensor(11.)"))
        captured.clear()
        session.handle(.empty)
        #expect(captured.output.contains("Then we sum it."))
        #expect(captured.output.contains("── cell 2 of 2"))
        captured.clear()
        session.handle(.empty)
        #expect(captured.output == "3.0\n")
        #expect(session.runCommand(":cells") == .success)
        #expect(captured.output.hasSuffix(" ✓ 1  x = [1.0, 2.0] …\n▸✓ 2  print(x.sum().item())\n"))
        captured.clear()
        session.handle(.empty)
        #expect(captured.output.contains("End of the lesson."))
    }

    @Test func gotoCatchesUpAndWhereTellsThePosition() throws {
        let (catalog, progress) = try fixture()
        let (console, captured) = ReplConsole.capturing()
        let session = ReplSession(console: console)
        _ = session.openLesson("1", catalog: catalog, progress: progress)
        captured.clear()
        #expect(session.runCommand(":goto 2") == .success)
        #expect(captured.output.contains("── cell 2 of 2"))
        captured.clear()
        #expect(session.runCommand(":run") == .success)
        #expect(captured.output == "3.0\n")
        captured.clear()
        session.runCommand(":where")
        #expect(captured.output.contains("cell 2 of 2"))
        #expect(session.runCommand(":goto 9") == .success)
        #expect(captured.output.contains("There is no cell 9"))
    }

    @Test func commandsWithoutALessonSayHowToOpenOne() {
        let (console, captured) = ReplConsole.capturing()
        let session = ReplSession(console: console)
        #expect(session.runCommand(":next") == .failure)
        #expect(captured.error.contains("no lesson is open: :lesson ID opens one"))
        #expect(session.handle(.empty) == .nothing)
    }
}
