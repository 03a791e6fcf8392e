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
        #expect(captured.output == "tensor([2., 4.])\n\n")
        captured.clear()
        #expect(session.handle(.code("x[0] + 10")) == .ran(succeeded: true))
        #expect(captured.output.contains("tensor(11.)"))
        captured.clear()
        session.handle(.empty)
        #expect(captured.output.contains("Then we sum it."))
        #expect(captured.output.contains("── cell 2 of 2"))
        captured.clear()
        session.handle(.empty)
        #expect(captured.output == "3.0\n\n")
        #expect(session.runCommand(":cells") == .success)
        #expect(captured.output.hasSuffix(" ✓ 1  x = [1.0, 2.0] …\n▸✓ 2  print(x.sum().item())\n"))
        captured.clear()
        session.handle(.empty)
        #expect(captured.output.contains("End of the lesson."))
    }

    @Test func pipedInputStepsThroughTheLessonLineByLine() throws {
        let (catalog, progress) = try fixture()
        let (console, captured) = ReplConsole.capturing()
        let session = ReplSession(console: console, style: .plain)
        #expect(session.openLesson("01-two", catalog: catalog, progress: progress) == .success)
        captured.clear()
        let input = "\nfor i in range(2):\n    print(x[i] + 100)\n\n:where\n\n\n\n:quit\nprint('never')\n"
        #expect(PipedRepl.stepLesson(input, in: session) == 0)
        let output = captured.output
        #expect(output.hasPrefix("tensor([2., 4.])\n\ntensor(101.)\ntensor(102.)\n"), "\(output)")
        #expect(output.contains("Two cells (01-two): cell 1 of 2"))
        #expect(output.contains("Then we sum it."))
        #expect(output.contains("3.0\n"))
        #expect(output.contains("End of the lesson."))
        #expect(!output.contains("never"))
    }

    @Test func eachLessonStartsInAFreshNamespaceWithDefaultSettings() throws {
        let (catalog, progress) = try fixture()
        let (console, captured) = ReplConsole.capturing()
        let session = ReplSession(console: console)
        session.runCell("leftover = 1\nprecision(6)\nseed(5)\nanomaly(True)")
        #expect(session.openLesson("01-two", catalog: catalog, progress: progress) == .success)
        #expect(!session.interpreter.userVariables.contains { $0.name == "leftover" })
        #expect(session.interpreter.precision == 4)
        #expect(session.interpreter.detectsAnomalies == false)
        captured.clear()
        session.handle(.empty)
        #expect(captured.output == "tensor([2., 4.])\n\n")
        // A second lesson forgets the first one's variables.
        session.runCell("mine = 2")
        #expect(session.openLesson("01-two", restart: true, catalog: catalog, progress: progress) == .success)
        #expect(!session.interpreter.userVariables.contains { $0.name == "mine" || $0.name == "x" })
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
        #expect(captured.output == "3.0\n\n")
        captured.clear()
        session.runCommand(":where")
        #expect(captured.output.contains("cell 2 of 2"))
        #expect(session.runCommand(":goto 9") == .success)
        #expect(captured.output.contains("There is no cell 9"))
    }

    @Test func aLessonCellRunIsOneHistoryEntryAndEditHandsItToTheEditor() throws {
        let (catalog, progress) = try fixture()
        let (console, captured) = ReplConsole.capturing()
        let session = ReplSession(console: console)
        let history = try #require(HistoryStore(url: FileManager.default.temporaryDirectory
            .appendingPathComponent("nnlearn-edit-\(UUID().uuidString)/history")))
        session.history = history
        session.hasLineEditor = true
        #expect(session.runCommand(":edit") == .failure)
        #expect(captured.error.contains("no lesson is open: :lesson ID opens one (:lesson lists them)"))
        #expect(session.takeEditorText() == nil)

        _ = session.openLesson("01-two", catalog: catalog, progress: progress)
        // The cell shown and not run yet is the one :edit takes.
        #expect(session.handle(.command(":edit")) == .ran(succeeded: true))
        #expect(session.takeEditorText() == "x = [1.0, 2.0]\nx * 2")
        #expect(session.takeEditorText() == nil)
        session.handle(.empty)
        #expect(history.entries == [":edit", "x = [1.0, 2.0]\nx * 2"])
        // The learner's changed cell runs in the lesson's variables and is one entry too.
        captured.clear()
        #expect(session.handle(.code("x = [1.0, 2.0]\nx * 3")) == .ran(succeeded: true))
        #expect(captured.output.contains("tensor([3., 6.])"))
        session.handle(.empty)
        session.handle(.empty)
        // After cell 2 ran, :edit takes cell 2; :edit 1 takes cell 1; :run is an entry, then the cell it ran.
        session.runCommand(":edit")
        #expect(session.takeEditorText() == "print(x.sum().item())")
        session.runCommand(":edit 1")
        #expect(session.takeEditorText() == "x = [1.0, 2.0]\nx * 2")
        session.handle(.command(":run"))
        #expect(history.entries == [":edit", "x = [1.0, 2.0]\nx * 2", "x = [1.0, 2.0]\nx * 3", "print(x.sum().item())",
                                    ":run", "print(x.sum().item())"])
        captured.clear()
        #expect(session.runCommand(":edit 3") == .failure)
        #expect(captured.error.contains(":edit takes a cell number from 1 to 2, such as :edit 2"))

        // :help :edit says which cell it takes, in sentences without stray spaces.
        captured.clear()
        session.runCommand(":help :edit")
        #expect(captured.output.contains("the cell shown and not yet run, or the one you just ran; :edit N takes cell N."))
        #expect(!captured.output.contains("  "))

        // Without a line editor (a pipe) the cell's code is printed to copy instead.
        session.hasLineEditor = false
        captured.clear()
        #expect(session.runCommand(":edit 1") == .success)
        #expect(captured.output.hasSuffix("no line editor: input is not a terminal)\nx = [1.0, 2.0]\nx * 2\n"))
        #expect(session.takeEditorText() == nil)
    }

    @Test func commandsWithoutALessonSayHowToOpenOne() {
        let (console, captured) = ReplConsole.capturing()
        let session = ReplSession(console: console)
        #expect(session.runCommand(":next") == .failure)
        #expect(captured.error.contains("no lesson is open: :lesson ID opens one"))
        #expect(session.handle(.empty) == .nothing)
    }
}
