import Foundation
import NNLessons
import NNRepl
import Testing

/// `:exercise` and `:grade` over the exercise tests' fixture lesson, with progress in a temporary folder.
@Suite struct ExerciseCommandTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("NNLessonsTests/Exercises/Fixtures/lessons")

    /// A session whose exercise commands read the fixture lessons and keep progress in `fixture.folder`.
    static func fixture() throws -> SessionFixture {
        let fixture = try SessionFixture()
        for command in ExerciseCommands.commands(lessons: lessons, state: fixture.folder, seed: 0) {
            fixture.session.commands.register(command)
        }
        fixture.session.exerciseIDs = ExerciseIDs(lessons: lessons)
        return fixture
    }

    @Test func exerciseShowsTheStatementAndScaffold() throws {
        let fixture = try Self.fixture()
        let shown = fixture.command(":exercise double")
        #expect(shown.outcome == .success)
        #expect(shown.output == """
            double a number (exercise double, lesson fixture)

            Write `double(x)`, returning 2·x.

            def double(x):
                \"\"\"Twice x.\"\"\"
                ...

            Define it here, then :grade double

            """)
        let unknown = fixture.command(":exercise dubble")
        #expect(unknown.outcome == .failure)
        #expect(unknown.error.contains("no exercise 'dubble'; did you mean 'double'?"))
    }

    @Test func gradeChecksTheSessionsDefinitionInAFreshInterpreter() throws {
        let fixture = try Self.fixture()
        _ = fixture.command(":exercise double")
        fixture.run("def double(x):\n    return x + 1", "double(2)")
        let failing = fixture.command(":grade")
        #expect(failing.outcome == .failure)
        #expect(failing.output.hasPrefix("double — double a number (this session's definitions)\n  ✗ double(2) is 4\n"))
        #expect(failing.output.hasSuffix("0 passed, 5 failed\n"))
        fixture.run("def double(x):\n    return 2 * x")
        let passing = fixture.command(":grade double")
        #expect(passing.outcome == .success)
        #expect(passing.output.hasSuffix("double passed: 1 of 2 exercises passed. Next: mean of a tensor (lesson fixture): :exercise average\n5 passed, 0 failed\n"))
        let progress = ProgressStore(directory: fixture.folder).progress.exercises["double"]
        #expect(progress?.attempts == 2)
        #expect(progress?.passed == true)
    }

    @Test func gradeWithoutAnExerciseExplains() throws {
        let fixture = try Self.fixture()
        let result = fixture.command(":grade")
        #expect(result.outcome == .failure)
        #expect(result.error.contains("usage: :grade ID (or open one with :exercise ID first)"))
    }

    @Test func exerciseIdsComplete() throws {
        let fixture = try Self.fixture()
        #expect(fixture.session.exerciseIDs.identifiers() == ["double", "average"])
    }
}
