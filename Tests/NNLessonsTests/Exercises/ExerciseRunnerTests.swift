import Foundation
import Testing
@testable import NNLessons

/// A runner over the fixture lessons with a temporary state directory and workspace, capturing its output.
final class RunnerFixture {
    let state: TemporaryDirectory
    let workspace: TemporaryDirectory
    var output = ""
    var errors = ""

    init() throws {
        state = try TemporaryDirectory()
        workspace = try TemporaryDirectory()
    }

    deinit {
        state.remove()
        workspace.remove()
    }

    /// A fresh runner, as each `nnlearn` invocation makes one (progress is re-read from disk).
    func runner() -> ExerciseRunner {
        ExerciseRunner(
            catalog: ExerciseFixtures.catalog(), progress: ProgressStore(directory: state.url),
            hints: HintStore(directory: state.url),
            workspace: ExerciseWorkspace(directory: workspace.url, shownName: "ws"),
            grader: ExerciseFixtures.grader(), write: { self.output += $0 }, writeError: { self.errors += $0 })
    }

    /// Runs a command and returns its status, output and errors (then forgets them).
    func run(_ command: (ExerciseRunner) -> CommandResult) -> (status: CommandResult, output: String, errors: String) {
        output = ""
        errors = ""
        let status = command(runner())
        return (status, output, errors)
    }
}

@Suite struct ExerciseRunnerTests {
    @Test func startWritesTheScaffoldAndNeverOverwrites() throws {
        let fixture = try RunnerFixture()
        let first = fixture.run { $0.start("double") }
        #expect(first.status == .succeeded)
        #expect(first.output == """
            double a number (exercise double, lesson fixture)

            Write `double(x)`, returning 2·x.

            Wrote the scaffold to ws/double.nn.
            Edit ws/double.nn, then run: nnlearn grade double

            """)
        let written = fixture.workspace.read("double.nn")
        #expect(written == "# double a number — lesson fixture. Check your work with: nnlearn grade double\n\ndef double(x):\n    \"\"\"Twice x.\"\"\"\n    ...\n")
        try fixture.workspace.write("double.nn", "my work")
        let second = fixture.run { $0.start("double") }
        #expect(second.status == .succeeded)
        #expect(second.output.contains("ws/double.nn already exists: your work there is kept, not overwritten.\n"))
        #expect(fixture.workspace.read("double.nn") == "my work")
    }

    @Test func startSuggestsTheNearestId() throws {
        let fixture = try RunnerFixture()
        let result = fixture.run { $0.start("doubel") }
        #expect(result.status == .failed)
        #expect(result.errors == "nnlearn: no exercise 'doubel'; did you mean 'double'? (`nnlearn exercises` lists them)\n")
        #expect(fixture.workspace.read("doubel.nn") == nil)
    }

    @Test func gradePrintsEachCheckAndTheSummaryAndSetsTheStatus() throws {
        let fixture = try RunnerFixture()
        try fixture.workspace.write("double.nn", "def double(x):\n    return x + 1\n")
        let failing = fixture.run { $0.grade(["double"]) }
        #expect(failing.status == .failed)
        #expect(failing.output.hasPrefix("double — double a number (ws/double.nn)\n  ✗ double(2) is 4\n      hint: multiply x by 2\n"))
        #expect(failing.output.hasSuffix("\n0 passed, 5 failed\n"))
        try fixture.workspace.write("double.nn", "def double(x):\n    return 2 * x\n")
        let passing = fixture.run { $0.grade(["double"]) }
        #expect(passing.status == .succeeded)
        #expect(passing.output == """
            double — double a number (ws/double.nn)
              ✓ double(2) is 4
              ✓ double(1.5) is 3.0
              ✓ random case 0 (and the 2 other cases of this check)
            double passed: 1 of 2 exercises passed. Next: mean of a tensor (lesson fixture): nnlearn start average
            5 passed, 0 failed

            """)
    }

    @Test func gradeWithoutIdsGradesEveryStartedExercise() throws {
        let fixture = try RunnerFixture()
        let nothing = fixture.run { $0.grade([]) }
        #expect(nothing.status == .failed)
        #expect(nothing.errors.contains("no exercise started in ws"))
        try fixture.workspace.write("double.nn", "def double(x):\n    return 2 * x\n")
        try fixture.workspace.write("average.nn", "def average(t):\n    return t.sum()\n")
        try fixture.workspace.write("notes.nn", "x = 1\n")
        let result = fixture.run { $0.grade([]) }
        #expect(result.status == .failed)
        #expect(result.output.contains("double — double a number (ws/double.nn)"))
        #expect(result.output.contains("average — mean of a tensor (ws/average.nn)"))
        #expect(result.output.contains("      expected 2.0, got 6.0\n"))
        #expect(result.output.hasSuffix("\n5 passed, 1 failed\n"))
    }

    @Test func gradeReportsMissingFilesAndUnknownIds() throws {
        let fixture = try RunnerFixture()
        try fixture.workspace.write("double.nn", "def double(x):\n    return 2 * x\n")
        let result = fixture.run { $0.grade(["average", "doubl", "double"]) }
        #expect(result.status == .failed)
        #expect(result.errors == """
            nnlearn: ws/average.nn does not exist: run `nnlearn start average` first
            nnlearn: no exercise 'doubl'; did you mean 'double'? (`nnlearn exercises` lists them)

            """)
        #expect(result.output.hasSuffix("\n5 passed, 0 failed\n"))
    }

    @Test func attemptsAreRecordedAndListed() throws {
        let fixture = try RunnerFixture()
        #expect(fixture.run { $0.list() }.output.contains("│ double  │ fixture │ double a number  │ not started │          │"))
        try fixture.workspace.write("double.nn", "def double(x):\n    return x\n")
        _ = fixture.run { $0.grade(["double"]) }
        let afterFailure = ProgressStore(directory: fixture.state.url).progress.exercises["double"]
        #expect(afterFailure?.passed == false)
        #expect(afterFailure?.attempts == 1)
        #expect(fixture.run { $0.list() }.output.contains("│ double  │ fixture │ double a number  │ failing     │        1 │"))
        try fixture.workspace.write("double.nn", "def double(x):\n    return 2 * x\n")
        _ = fixture.run { $0.grade(["double"]) }
        let afterPass = ProgressStore(directory: fixture.state.url).progress.exercises["double"]
        #expect(afterPass?.passed == true)
        #expect(afterPass?.attempts == 2)
        #expect(afterPass?.passedAt != nil)
        let listing = fixture.run { $0.list() }
        #expect(listing.status == .succeeded)
        #expect(listing.output.contains("│ double  │ fixture │ double a number  │ passed      │        2 │"))
        #expect(listing.output.contains("│ average │ fixture │ mean of a tensor │ not started │          │"))
    }

    @Test func aCorruptProgressFileIsReportedAndSetAside() throws {
        let fixture = try RunnerFixture()
        try fixture.state.write("progress.json", "{ not json")
        try fixture.workspace.write("double.nn", "def double(x):\n    return 2 * x\n")
        let result = fixture.run { $0.grade(["double"]) }
        #expect(result.status == .succeeded)
        #expect(result.errors.hasPrefix("nnlearn: progress file was unreadable and was set aside as progress.json.corrupt-"))
        #expect(ProgressStore(directory: fixture.state.url).progress.exercises["double"]?.passed == true)
    }

    @Test func hintsComeOneAtATimeUntilNoneAreLeft() throws {
        let fixture = try RunnerFixture()
        #expect(fixture.run { $0.hint("double") }.output == "Hint 1 of 2 for double: multiply x by 2\n")
        #expect(fixture.run { $0.hint("double") }.output == "Hint 2 of 2 for double: x * 2 works for floats too\n")
        let done = fixture.run { $0.hint("double") }
        #expect(done.status == .succeeded)
        #expect(done.output.hasPrefix("No more hints for double: you have seen all 2."))
        #expect(fixture.run { $0.hint("average") }.output == "Hint 1 of 1 for average: sum the elements, then divide by how many there are\n")
        #expect(HintStore(directory: fixture.state.url).shown == ["double": 2, "average": 1])
    }

    @Test func theSolutionIsShownOncePassedOrConfirmed() throws {
        let fixture = try RunnerFixture()
        let hidden = fixture.run { $0.solution("double", confirm: false) }
        #expect(hidden.status == .failed)
        #expect(hidden.output.hasPrefix("You have not passed double yet"))
        #expect(!hidden.output.contains("return 2 * x"))
        let confirmed = fixture.run { $0.solution("double", confirm: true) }
        #expect(confirmed.status == .succeeded)
        #expect(confirmed.output == "# lessons/solutions/double.nn\ndef double(x):\n    \"\"\"Twice x.\"\"\"\n    return 2 * x\n")
        try fixture.workspace.write("double.nn", "def double(x):\n    return 2 * x\n")
        _ = fixture.run { $0.grade(["double"]) }
        #expect(fixture.run { $0.solution("double", confirm: false) }.output.contains("return 2 * x"))
    }

    @Test func watchGradesAgainWhenAFileChanges() throws {
        let fixture = try RunnerFixture()
        try fixture.workspace.write("double.nn", "def double(x):\n    return x\n")
        var polls = 0
        let result = fixture.run { runner in
            runner.watch(["double"], interval: 0.05) {
                polls += 1
                if polls == 2 {
                    // A later modification time than the first grading saw.
                    _ = try? fixture.workspace.write("double.nn", "def double(x):\n    return 2 * x\n")
                    let later = Date().addingTimeInterval(5)
                    try? FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: fixture.workspace.url.appendingPathComponent("double.nn").path)
                }
                return polls > 4
            }
        }
        #expect(result.status == .succeeded)
        #expect(result.output.contains("0 passed, 5 failed\nWatching 1 file for changes; Ctrl-C stops.\n"))
        #expect(result.output.contains("\n— double changed —\n"))
        #expect(result.output.hasSuffix("5 passed, 0 failed\nStopped watching.\n"))
    }
}
