import Foundation
import Testing
@testable import NNLessons

@Suite struct LessonReplayTests {
    static let folder = URL(fileURLWithPath: "/tmp")

    @Test func normalisationDropsOneFinalLineBreak() {
        #expect(LessonReplay.normalise("a\nb\n") == "a\nb")
        #expect(LessonReplay.normalise("a\n\n") == "a\n")
        #expect(LessonReplay.normalise("a") == "a")
        #expect(LessonReplay.normalise("") == "")
        #expect(LessonReplay.normalise("a\r\nb\r\n") == "a\nb")
    }

    @Test func matchingOutputsPass() throws {
        let lesson = try parse("```nn\nx = 2\nprint(x + 1)\nx * 10\n```\n\n```output\n3\n20\n```\n\n```nn\ny = x\n```\n")
        let result = LessonReplay.run(lesson, folder: Self.folder)
        #expect(result.outcomes.map(\.actual) == ["3\n20", ""])
        #expect(result.passed)
        #expect(result.passedCount == 2)
        #expect(result.failedCount == 0)
    }

    @Test func aDifferenceIsAFailureWithItsDiff() throws {
        let lesson = try parse("```nn\nprint(1)\nprint(2)\n```\n```output\n1\n3\n```\n")
        let result = LessonReplay.run(lesson, folder: Self.folder)
        #expect(!result.passed)
        #expect(result.outcomes[0].diff == "--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n 1\n-3\n+2\n")
    }

    @Test func errorsAreRecordedWithTheCellAsFileName() throws {
        let lesson = try parse("```nn\nx = 1\n```\n```nn\n\nprnt(x)\n```\n")
        let result = LessonReplay.run(lesson, folder: Self.folder)
        #expect(result.outcomes[1].stoppedWithError)
        #expect(result.outcomes[1].actual == """
            cell 2:2:1: error: NameError: name 'prnt' is not defined
                prnt(x)
                ^
            hint: did you mean 'print'?
            """)
    }

    @Test func eachReplayStartsFreshAtSeedZero() throws {
        let lesson = try parse("```nn\nrandn(3)\n```\n```nn\nz = 1\n```\n")
        let first = LessonReplay.run(lesson, folder: Self.folder)
        let second = LessonReplay.run(lesson, folder: Self.folder)
        #expect(first == second)
        #expect(!first.outcomes[0].actual.isEmpty)
        // A second lesson does not see the first one's variables.
        let other = try parse("```nn\nz\n```\n")
        #expect(LessonReplay.run(other, folder: Self.folder).outcomes[0].stoppedWithError)
    }

    @Test func filesResolveAgainstTheLessonFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("data/tiny.csv", "a,b\n1,2\n3,4\n")
        let lesson = try parse("```nn\nt = load_csv(\"data/tiny.csv\")\nlen(t)\n```\n")
        let result = LessonReplay.run(lesson, folder: directory.url)
        #expect(result.outcomes[0].actual == "2")
        #expect(result.outcomes[0].stoppedWithError == false)
    }

    @Test func aCellThatPrintsWhatIsRecordedStillFailsWhenStoppedByTheClock() throws {
        let lesson = try parse("```nn\nwhile True:\n    pass\n```\n")
        let result = LessonReplay.run(lesson, folder: Self.folder, timeLimit: 0.2)
        var outcome = try #require(result.outcomes.first)
        #expect(outcome.exceededTimeLimit == 0.2)
        #expect(outcome.stoppedWithError)
        outcome.cell.output = RecordedOutput(text: outcome.actual, line: 5, closingLine: 7)
        #expect(!outcome.passed)
    }
}
