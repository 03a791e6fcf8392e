import Foundation
import Testing
@testable import NNLessons

@Suite struct LessonSessionTests {
    static let text = """
        # Steps

        Intro.

        ```nn
        a = 1
        print(a)
        ```

        ```output
        1
        ```

        Middle.

        ```nn
        b = a + 1
        print(b)
        ```

        ```output
        2
        ```

        ```nn
        print(a + b)
        ```

        ```output
        3
        ```

        The end.
        """

    static let folder = URL(fileURLWithPath: "/tmp")

    func session(progress: ProgressStore? = nil) throws -> LessonSession {
        LessonSession(lesson: try parse(Self.text, file: "lessons/05-steps.md"), folder: Self.folder, progress: progress)
    }

    @Test func theEndOfALessonShowsHowToStartItsExerciseNeverTheChecks() throws {
        let text = """
            # One

            ```nn
            print(1)
            ```

            ## Exercise: double

            Write `double(x)`.

            ```exercise double
            def double(x):
                ...
            ```

            ```check double
            check(double(2) == 4, message="secret message", hint="secret hint")
            ```

            Good luck.
            """
        let session = LessonSession(lesson: try parse(text, file: "lessons/01-one.md"), folder: Self.folder)
        _ = session.next()
        _ = session.run()
        let end = session.next()
        #expect(end == [.prose("## Exercise: double\n\nWrite `double(x)`.\n\n"
                            + "Start it with `:exercise double` (or `nnlearn start double`); `:grade double` checks your answer.\n\nGood luck."),
                        .finished])
    }

    @Test func stepsThroughProseCellsAndOutputs() throws {
        let session = try session()
        #expect(session.where() == "Steps (05-steps): not started; press Enter for the first cell.")
        #expect(session.run() == [.notice("No cell is shown yet: press Enter (or :next) to see the first one.")])
        #expect(session.next() == [.prose("# Steps\n\nIntro."), .cell(number: 1, of: 3, source: "a = 1\nprint(a)", line: 5)])
        #expect(session.currentCellIsPending)
        #expect(session.advance() == [.output(cell: 1, text: "1", error: nil)])
        #expect(session.advance() == [.prose("Middle."), .cell(number: 2, of: 3, source: "b = a + 1\nprint(b)", line: 16)])
        #expect(session.advance() == [.output(cell: 2, text: "2", error: nil)])
        #expect(session.advance() == [.cell(number: 3, of: 3, source: "print(a + b)", line: 25)])
        #expect(session.advance() == [.output(cell: 3, text: "3", error: nil)])
        #expect(session.advance() == [.prose("The end."), .finished])
        #expect(session.next() == [.notice("The lesson is finished: :back or :goto n revisits a cell.")])
        #expect(session.where() == "Steps (05-steps): finished; 3 of 3 cells run.")
        #expect(session.back() == [.cell(number: 3, of: 3, source: "print(a + b)", line: 25)])
    }

    @Test func ownCodeSharesTheInterpreterAndNamesItsErrors() throws {
        let session = try session()
        _ = session.next()
        _ = session.run()
        #expect(session.runOwnCode("print(a * 20)") == [.output(cell: nil, text: "20", error: nil)])
        #expect(session.runOwnCode("a = 5") == [.output(cell: nil, text: "", error: nil)])
        let failed = session.runOwnCode("nope")
        let rendered = "input 3:1:1: error: NameError: name 'nope' is not defined\n    nope\n    ^"
        #expect(failed == [.output(cell: nil, text: rendered, error: rendered)])
        // The learner's a = 5 is seen by the next lesson cell.
        _ = session.next()
        #expect(session.run() == [.output(cell: 2, text: "6", error: nil)])
    }

    @Test func backAndGotoMoveWithoutUndoingAndCatchUp() throws {
        let session = try session()
        #expect(session.back() == [.notice("This is the first cell."), .prose("# Steps\n\nIntro."),
                                   .cell(number: 1, of: 3, source: "a = 1\nprint(a)", line: 5)])
        #expect(session.goto(3) == [.notice("Ran cells 1–2 first, silently, so their variables exist."),
                                    .cell(number: 3, of: 3, source: "print(a + b)", line: 25)])
        #expect(session.ran == [1, 2])
        #expect(session.run() == [.output(cell: 3, text: "3", error: nil)])
        #expect(session.goto(1).last == .cell(number: 1, of: 3, source: "a = 1\nprint(a)", line: 5))
        #expect(session.ran == [1, 2, 3])
        #expect(session.goto(4) == [.notice("There is no cell 4: this lesson has cells 1–3.")])
        #expect(session.goto(0) == [.notice("There is no cell 0: this lesson has cells 1–3.")])
    }

    @Test func cellsOutlineAndWhere() throws {
        let session = try session()
        _ = session.goto(2)
        #expect(session.cells() == " ✓ 1  a = 1 …\n▸  2  b = a + 1 …\n   3  print(a + b)")
        #expect(session.where() == "Steps (05-steps): cell 2 of 3, lessons/05-steps.md:16; 1 of 3 cells run.")
    }

    @Test func rerunStartsAfreshUpToTheCurrentCell() throws {
        let session = try session()
        _ = session.goto(2)
        _ = session.runOwnCode("a = 100")
        #expect(session.run() == [.output(cell: 2, text: "101", error: nil)])
        #expect(session.rerun() == [.notice("Started afresh at seed 0; cell 1 ran again silently."),
                                    .output(cell: 2, text: "2", error: nil)])
        #expect(session.ran == [1, 2])
    }

    @Test func catchingUpMentionsCellsThatDifferFromTheLesson() throws {
        let lesson = try parse("```nn\nprint(9)\n```\n```output\n1\n```\n```nn\nx = 1\n```\n")
        let session = LessonSession(lesson: lesson, folder: Self.folder)
        #expect(session.goto(2) == [
            .notice("Ran cell 1 first, silently, so their variables exist."),
            .notice("Cell 1 printed something other than the lesson records; later cells may differ too."),
            .cell(number: 2, of: 2, source: "x = 1", line: 7),
        ])
    }

    @Test func progressIsRecordedAndResumeRebuildsState() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = ProgressStore(directory: directory.url)
        let first = try session(progress: store)
        _ = first.next()
        _ = first.run()
        _ = first.next()
        _ = first.run()
        #expect(store.status(of: "05-steps", cellCount: 3) == .inProgress(cell: 2, of: 3))
        // Going back and running an earlier cell does not lose the furthest point.
        _ = first.back()
        _ = first.run()
        #expect(store.progress.lessons["05-steps"]?.lastCell == 2)

        let second = try session(progress: ProgressStore(directory: directory.url))
        #expect(second.resume() == [
            .notice("Resuming after cell 2 of 3: cells 1–2 ran again silently to rebuild their variables."),
            .cell(number: 3, of: 3, source: "print(a + b)", line: 25),
        ])
        #expect(second.ran == [1, 2])
        #expect(second.advance() == [.output(cell: 3, text: "3", error: nil)])
        #expect(ProgressStore(directory: directory.url).status(of: "05-steps", cellCount: 3) == .done)

        // A finished lesson starts again at the top.
        let third = try session(progress: ProgressStore(directory: directory.url))
        #expect(third.resume().last == .cell(number: 1, of: 3, source: "a = 1\nprint(a)", line: 5))
    }

    @Test func aLessonWithoutCellsIsJustProse() throws {
        let session = LessonSession(lesson: try parse("# Only words\n"), folder: Self.folder)
        #expect(session.next() == [.prose("# Only words"), .finished])
        #expect(session.back() == [.notice("This lesson has no code cells.")])
        #expect(session.goto(1) == [.notice("There is no cell 1: this lesson has cells 1–0.")])
        #expect(session.cells() == "")
    }
}
