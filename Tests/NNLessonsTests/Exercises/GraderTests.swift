import Foundation
import Testing
@testable import NNLessons

@Suite struct GraderTests {
    let double: Exercise
    init() throws { double = try ExerciseFixtures.exercise("double") }

    @Test func aCorrectAnswerPassesEveryCheck() {
        let report = ExerciseFixtures.grader().grade(double, source: "def double(x):\n    return 2 * x\n", file: "double.nn")
        #expect(report.passed)
        #expect(report.seed == 0)
        #expect(report.passedCount == 5)
        #expect(report.failedCount == 0)
        #expect(report.blocks.map { $0.results.map(\.message) } == [
            ["double(2) is 4", "double(1.5) is 3.0"], ["random case 0", "random case 1", "random case 2"],
        ])
        // The random cases of one check are one ✓, not one per case.
        #expect(GradePrinter().report(report) == """
              ✓ double(2) is 4
              ✓ double(1.5) is 3.0
              ✓ random case 0 (and the 2 other cases of this check)

            """)
    }

    @Test func aWrongAnswerFailsWithExpectedAndGotAndTheHint() {
        let report = ExerciseFixtures.grader().grade(double, source: "def double(x):\n    return x + 1\n", file: "double.nn")
        #expect(!report.passed)
        #expect(report.passedCount == 0)
        #expect(report.failedCount == 5)
        let close = report.blocks[0].results[1]
        #expect(close.message == "double(1.5) is 3.0")
        #expect(close.detail == "expected 3.0, got 2.5")
        #expect(close.hint == "x * 2 works for floats too")
        let text = GradePrinter().report(report)
        #expect(text.contains("  ✗ double(2) is 4\n      hint: multiply x by 2\n"))
        // Only the first failure's hint: the others come one at a time from `nnlearn hint`.
        #expect(text.contains("  ✗ double(1.5) is 3.0\n      expected 3.0, got 2.5\n  ✗"))
        #expect(!text.contains("x * 2 works for floats too"))
        // A check in a loop shows two of its failures, then counts the rest.
        #expect(text.contains("  ✗ random case 1\n      expected 1.729, got 1.865\n"))
        #expect(!text.contains("✗ random case 2"))
        #expect(text.hasSuffix("  … and 1 more failing case of the same check\n"))
    }

    @Test func theUntouchedScaffoldFailsEveryBlockWithNotImplemented() {
        let report = ExerciseFixtures.grader().grade(double, source: double.scaffold, file: "double.nn")
        #expect(!report.passed)
        #expect(report.blocks.map(\.errorMessage) == ["check 1 stopped with an error in your code", "check 2 stopped with an error in your code"])
        // The error points into the learner's file, with its own line numbers.
        #expect(report.blocks[0].error?.hasPrefix("double.nn:3:5: error: NotImplementedError") == true)
    }

    @Test func anErrorInTheLearnersCodeMeansNoCheckRuns() {
        let report = ExerciseFixtures.grader().grade(double, source: "def double(x)\n    return 2 * x\n", file: "w/double.nn")
        #expect(!report.passed)
        #expect(report.learnerError?.hasPrefix("w/double.nn:1:14: error: SyntaxError") == true)
        #expect(report.blocks.map(\.errorMessage) == [
            "check 1 not run: your code stopped with an error", "check 2 not run: your code stopped with an error",
        ])
        #expect(report.passedCount == 0)
        #expect(report.failedCount == 2)
        let text = GradePrinter().report(report)
        #expect(text.hasPrefix("  ✗ your code stopped before the checks could run\n      w/double.nn:1:14: error: SyntaxError"))
        #expect(text.hasSuffix("  ✗ check 1 not run: your code stopped with an error\n  ✗ check 2 not run: your code stopped with an error\n"))
    }

    @Test func aBlockThatFailsDoesNotStopTheNextOne() {
        // Raises only for the random cases of check 2, after check 1 passed.
        let source = "def double(x):\n    if x == 2 or x == 1.5:\n        return 2 * x\n    return undefined_name\n"
        let report = ExerciseFixtures.grader().grade(double, source: source, file: "double.nn")
        #expect(report.blocks[0].passedCount == 2)
        #expect(report.blocks[0].error == nil)
        #expect(report.blocks[1].errorMessage == "check 2 stopped with an error in your code")
        #expect(report.blocks[1].error?.contains("double.nn:4:12: error: NameError: name 'undefined_name' is not defined") == true)
        #expect(report.passedCount == 2)
        #expect(report.failedCount == 1)
    }

    @Test func anErrorInACheckBlockIsRenderedAgainstTheBlock() throws {
        let lesson = try parse("""
            ```exercise f
            def f():
                ...
            ```

            ```check f
            check(f() == 1, message="one")
            check(f() == missing, message="two")
            ```
            """)
        let exercise = try #require(ExerciseCatalog(lessons: [lesson], directory: ExerciseFixtures.lessons).exercises.first)
        let report = ExerciseFixtures.grader().grade(exercise, source: "def f():\n    return 1\n", file: "f.nn")
        #expect(report.blocks[0].results.map(\.passed) == [true])
        #expect(report.blocks[0].errorMessage == "check 1 stopped with an error")
        #expect(report.blocks[0].error == """
            check 1:2:14: error: NameError: name 'missing' is not defined
                check(f() == missing, message="two")
                             ^
            """)
    }

    @Test func anEndlessLoopTimesOut() {
        let source = "def double(x):\n    while True:\n        x = x\n    return x\n"
        let started = Date()
        let report = ExerciseFixtures.grader(timeLimit: 0.5).grade(double, source: source, file: "double.nn")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(report.blocks.map(\.errorMessage) == ["check 1 timed out", "check 2 timed out"])
        #expect(report.blocks[0].error?.contains("ran longer than 0.5 seconds") == true)
        let budget = ExerciseFixtures.grader(stepLimit: 10_000).grade(double, source: source, file: "double.nn")
        #expect(budget.blocks[0].errorMessage == "check 1 timed out")
        #expect(budget.blocks[0].error?.contains("more than 10000 steps") == true)
    }

    @Test func aTopLevelEndlessLoopStopsTheLearnersCode() {
        let report = ExerciseFixtures.grader(timeLimit: 0.3).grade(double, source: "while True:\n    pass\n", file: "d.nn")
        #expect(report.blocks.first?.errorMessage == "check 1 not run: your code timed out")
    }

    @Test func writingFilesIsRefused() throws {
        let name = "grader-test-\(UUID().uuidString).dot"
        let source = "def double(x):\n    dot(tensor([1.0]), \"\(name)\")\n    return 2 * x\n"
        let report = ExerciseFixtures.grader().grade(double, source: source, file: "double.nn")
        #expect(!report.passed)
        #expect(report.blocks[0].error?.contains("FileError: this program may not write files") == true)
        let written = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name)
        #expect(!FileManager.default.fileExists(atPath: written.path))
    }

    @Test func gradingSeedIsFreshUnlessFixed() {
        let fixed = GradingOptions(seed: 7)
        #expect(fixed.drawSeed() == 7)
        let fresh = GradingOptions()
        #expect(fresh.drawSeed(now: Date(timeIntervalSince1970: 1.234)) == 1234)
        #expect(fresh.drawSeed(now: Date(timeIntervalSince1970: 5.678)) == 5678)
    }

    @Test func aLearnersOwnGradingSeedIsOverwritten() {
        let report = ExerciseFixtures.grader().grade(double, source: "grading_seed = 99\ndef double(x):\n    return 2 * x\n", file: "d.nn")
        #expect(report.passed)
        #expect(report.seed == 0)
    }

    @Test(arguments: WrongAnswer.all(in: ExerciseFixtures.answers))
    func fixtureWrongAnswersFailWithTheExpectedMessage(_ answer: WrongAnswer) throws {
        let catalog = ExerciseFixtures.catalog()
        let id = try #require(answer.exerciseID(among: catalog.ids))
        let expectation = try #require(answer.expectation)
        let grader = ExerciseFixtures.grader(timeLimit: 0.5)
        let report = grader.grade(try catalog.exercise(id), source: answer.source, file: answer.name)
        #expect(!report.passed)
        #expect(report.failures.contains { $0.mentions(expectation) }, "no failure mentions '\(expectation)': \(report.failures)")
    }
    /// An exercise `twice(x)` with the given check blocks.
    static func twice(_ blocks: [String], forbidden: [String] = []) -> Exercise {
        Exercise(id: "twice", lessonID: "t", lessonFile: "t.md", title: "twice", statement: "", scaffold: "def twice(x):\n    ...\n",
                 line: 1, checks: blocks.enumerated().map { CheckBlock(number: $0.offset + 1, source: $0.element, line: 1) },
                 forbidden: forbidden)
    }

    @Test func checksThatNeverRunAreFailures() {
        let right = "def twice(x):\n    return 2 * x\n"
        let none = ExerciseFixtures.grader().grade(Self.twice(["y = twice(1)\n"]), source: right, file: "t.nn")
        #expect(!none.passed)
        #expect(none.failures.map(\.message) == ["check 1: no check ran"])
        let skipped = Self.twice(["check(twice(1) == 2, message='one')\nif twice(1) == 3:\n    check(False, message='never')\n"])
        let report = ExerciseFixtures.grader().grade(skipped, source: right, file: "t.nn")
        #expect(!report.passed)
        #expect(report.passedCount == 1)
        #expect(report.failures.map(\.message) == ["check 1: checks on line 3 never ran"])
    }

    @Test func aCheckCalledFromTheLearnersCodeCountsForNothing() {
        let exercise = Self.twice(["check_close(twice(2), 4, message='two')\n"])
        let source = "def twice(x):\n    for i in range(5):\n        check(True, message='mine')\n    return x + 1\n"
        let report = ExerciseFixtures.grader().grade(exercise, source: source, file: "t.nn")
        #expect(report.failures.map(\.message) == ["two"])
        #expect(report.passedCount == 0)
    }

    @Test func theChecksReceiveOnlyTheExportedNames() {
        let exercise = Self.twice(["check(helper_value == 1, message='sees a learner global')\n"])
        let report = ExerciseFixtures.grader().grade(exercise, source: "helper_value = 1\ndef twice(x):\n    return 2 * x\n", file: "t.nn")
        #expect(report.blocks[0].error?.contains("NameError: name 'helper_value' is not defined") == true)
        let missing = ExerciseFixtures.grader().grade(exercise, source: "def thrice(x):\n    return 3 * x\n", file: "t.nn")
        #expect(missing.learnerError == "t.nn does not define `twice`, which the checks call")
        #expect(!missing.passed)
    }

    @Test func forbiddenBuiltinsRaiseInTheLearnersCodeOnly() {
        // The checks themselves still compare with the real softmax.
        let exercise = Self.twice(["check_close(twice(tensor([1.0, 2.0])), softmax(tensor([1.0, 2.0])), message='softmax')\n"], forbidden: ["softmax"])
        for body in ["softmax(x)", "x.softmax()", "f(x)"] {
            let source = "f = softmax\ndef twice(x):\n    return \(body)\n"
            let report = ExerciseFixtures.grader().grade(exercise, source: source, file: "t.nn")
            #expect(!report.passed)
            #expect(report.blocks[0].error?.contains("'softmax' is not available in the exercise 'twice': it asks you to write it yourself") == true, "\(body): \(report.failures)")
        }
        let own = "def twice(x):\n    e = exp(x - x.max())\n    return e / e.sum()\n"
        #expect(ExerciseFixtures.grader().grade(exercise, source: own, file: "t.nn").passed)
    }
}
