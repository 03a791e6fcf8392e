import Foundation
import Testing
@testable import NNLessons

@Suite struct ExerciseParsingTests {
    @Test func fixtureExercisesHaveTheirParts() throws {
        let catalog = ExerciseFixtures.catalog()
        #expect(catalog.diagnostics.isEmpty)
        #expect(catalog.ids == ["double", "average"])
        let double = try ExerciseFixtures.exercise("double")
        #expect(double.lessonID == "fixture")
        #expect(double.lessonFile == "lessons/01-fixture.md")
        #expect(double.title == "double a number")
        #expect(double.statement == "Write `double(x)`, returning 2·x.")
        #expect(double.scaffold == "def double(x):\n    \"\"\"Twice x.\"\"\"\n    ...")
        #expect(double.line == 24)
        #expect(double.checks.map(\.number) == [1, 2])
        #expect(double.checks.map(\.line) == [30, 35])
        #expect(double.checks[0].source.hasPrefix("check(double(2) == 4"))
        #expect(double.solutionPath == "lessons/solutions/double.nn")
        #expect(catalog.solutionURL(for: double).lastPathComponent == "double.nn")
        #expect(double.hints == ["multiply x by 2", "x * 2 works for floats too"])
    }

    @Test func exerciseBlocksStayProseForReplay() throws {
        let lesson = try LessonParser.load(ExerciseFixtures.lessons.appendingPathComponent("01-fixture.md"))
        #expect(lesson.cells.count == 1)
        #expect(lesson.exerciseBlocks.map(\.kind) == [.exercise, .check, .check, .exercise, .check])
        #expect(lesson.closingProse.contains("```exercise double"))
        #expect(lesson.closingProse.contains("```check average"))
        let replay = LessonReplay.run(lesson, folder: ExerciseFixtures.lessons)
        #expect(replay.passed)
    }

    @Test func titleIsTheIdWithoutAnExerciseHeading() throws {
        let lesson = try parse("""
            # Lesson

            ## Something else

            Prose.

            ```exercise f
            def f():
                ...
            ```

            ```check f
            check(f() == 1, message="one")
            ```
            """)
        let catalog = ExerciseCatalog(lessons: [lesson], directory: URL(fileURLWithPath: "/tmp"))
        #expect(catalog.exercises.first?.title == "f")
        #expect(catalog.exercises.first?.statement == "Prose.")
    }

    @Test func malformedBlocksAreDiagnosedWithFileAndLine() throws {
        let first = try parse("""
            ### Exercise: a

            ```exercise a
            def a():
                ...
            ```

            ```check a
            check(a() == 1, message="one")
            ```

            ```check nobody
            check(True)
            ```

            ```exercise
            def b():
                ...
            ```

            ```exercise lonely
            def lonely():
                ...
            ```
            """, file: "lessons/01-a.md")
        let second = try parse("""
            ```exercise a
            def a():
                ...
            ```
            """, file: "lessons/02-b.md")
        let catalog = ExerciseCatalog(lessons: [first, second], directory: URL(fileURLWithPath: "/tmp"))
        #expect(catalog.ids == ["a", "lonely"])
        let messages = catalog.diagnostics.map(\.description)
        #expect(messages.contains("lessons/01-a.md:16: error: exercise block without an id: write ```exercise <id>"))
        #expect(messages.contains("lessons/01-a.md:12: error: check block for unknown exercise 'nobody': this lesson has no ```exercise nobody scaffold"))
        #expect(messages.contains("lessons/01-a.md:21: error: exercise 'lonely' has no ```check lonely block, so nothing would grade it"))
        #expect(messages.contains("lessons/02-b.md:1: error: a second exercise 'a' (the first is at lessons/01-a.md:3); exercise ids must be unique"))
        #expect(messages.contains("lessons/02-b.md:1: error: exercise 'a' has no ```check a block, so nothing would grade it"))
        #expect(messages.count == 5)
    }

    @Test func unknownIdsSuggestTheNearest() {
        let catalog = ExerciseFixtures.catalog()
        #expect(throws: ExerciseLookupError(id: "dubble", suggestion: "double")) { try catalog.exercise("dubble") }
        let error = ExerciseLookupError(id: "dubble", suggestion: "double")
        #expect(error.description == "no exercise 'dubble'; did you mean 'double'? (`nnlearn exercises` lists them)")
    }

    @Test func hintsAreReadFromStringLiterals() {
        let source = """
            check(x, message="m", hint="first")
            check_close(a, b, hint = 'second, with "quotes"')
            check(y, hint=f"third {n}")
            check(y, hint=f"an f-string without placeholders")
            blueprint = 3
            check(z, hint="first")
            """
        // An f-string with placeholders describes one failure: it is never shown as a raw template.
        #expect(HintScanner.hints(in: source) == ["first", "second, with \"quotes\"", "an f-string without placeholders", "first"])
    }
}
