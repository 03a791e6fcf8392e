import Foundation
import Testing
@testable import NNLessons

@Suite struct ReplayRunnerTests {
    /// Runs the command logic on files in `directory`; returns status, stdout and stderr.
    func replay(_ mode: ReplayRunner.Mode, _ files: [String], timeLimit: TimeInterval = ReplayRunner.defaultTimeLimit)
        -> (status: CommandResult, out: String, err: String) {
        final class Sink { var out = "", err = "" }
        let sink = Sink()
        let runner = ReplayRunner(mode: mode, timeLimit: timeLimit, write: { sink.out += $0 }, writeError: { sink.err += $0 })
        let status = runner.run(files: files)
        return (status, sink.out, sink.err)
    }

    static let passing = "# Pass\n\nAdd.\n\n```nn\nprint(1 + 1)\n```\n\n```output\n2\n```\n\nDone.\n"
    static let failing = "# Fail\n\n```nn\nprint(1)\n```\n\n```output\n1\n```\n\n```nn\nprint(\"a\")\nprint(\"b\")\n```\n\n```output\na\nc\n```\n"

    @Test func notebookModePrintsProseCellsOutputsAndTheSummary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("01-pass.md", Self.passing).path
        let (status, out, err) = replay(.notebook, [file])
        #expect(status == .succeeded)
        #expect(err == "")
        #expect(out == "══ \(file) ══\n\n# Pass\n\nAdd.\n\nIn [1]: print(1 + 1)\n2\n\nDone.\n\n1 passed, 0 failed\n")
    }

    @Test func aMismatchPrintsTheDiffAndExitsOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("02-fail.md", Self.failing).path
        let (status, out, _) = replay(.notebook, [file])
        #expect(status == .failed)
        #expect(out.hasSuffix("""
            In [2]: print("a")
               ...: print("b")
            a
            b
            ✗ \(file):11: cell 2 output differs from the recorded output
            --- expected
            +++ actual
            @@ -1,2 +1,2 @@
             a
            -c
            +b

            1 passed, 1 failed

            """))
    }

    @Test func quietModePrintsOnlyFailuresAndTheCount() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pass = try directory.write("01-pass.md", Self.passing).path
        let fail = try directory.write("02-fail.md", Self.failing).path
        let (status, out, _) = replay(.quiet, [pass, fail])
        #expect(status == .failed)
        #expect(out == """
            ✗ \(fail):11: cell 2 output differs from the recorded output
            --- expected
            +++ actual
            @@ -1,2 +1,2 @@
             a
            -c
            +b

            2 passed, 1 failed

            """)
        #expect(replay(.quiet, [pass]) == (.succeeded, "1 passed, 0 failed\n", ""))
    }

    @Test func aMissingBlockIsNamedAsSuch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("a.md", "```nn\nprint(5)\n```\n").path
        let (status, out, _) = replay(.quiet, [file])
        #expect(status == .failed)
        #expect(out == """
            ✗ \(file):1: cell 1 printed output but has no output block (replay --update records it)
            --- expected
            +++ actual
            @@ -0,0 +1 @@
            +5

            0 passed, 1 failed

            """)
    }

    @Test func aMalformedFileIsReportedAndTheOthersStillRun() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let broken = try directory.write("bad.md", "text\n```nn\nx\n").path
        let pass = try directory.write("01-pass.md", Self.passing).path
        let missing = directory.url.appendingPathComponent("none.md").path
        let (status, out, err) = replay(.quiet, [broken, pass, missing])
        #expect(status == .failed)
        #expect(out == "1 passed, 0 failed\n")
        #expect(err == "\(broken):2: error: unclosed code fence opened at line 2\n\(missing): error: cannot read the lesson: no such file\n")
    }

    @Test func updateRewritesOutputsThenReplayPasses() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("02-fail.md", Self.failing).path
        let (status, out, err) = replay(.update, [file])
        #expect(status == .succeeded)
        #expect(err == "")
        #expect(out == "\(file): recorded 1 output block (2 cells)\n")
        #expect(directory.read("02-fail.md") == Self.failing.replacingOccurrences(of: "a\nc\n", with: "a\nb\n"))
        #expect(replay(.quiet, [file]) == (.succeeded, "2 passed, 0 failed\n", ""))
        #expect(replay(.update, [file]).out == "\(file): up to date (2 cells)\n")
        // No temporary files are left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(names == ["02-fail.md"])
    }

    @Test func updateRefusesWhenTheLessonChangedWhileItRan() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let slow = "# Slow\n\n```nn\nfor i in range(3000000): pass\nprint(1)\n```\n\n```output\n0\n```\n"
        let url = try directory.write("slow.md", slow)
        // The learner saves an edit in their editor while the replay runs.
        let editor = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            try? Data((slow + "\nMy new paragraph.\n").utf8).write(to: url)
        }
        editor.start()
        let (status, out, err) = replay(.update, [url.path])
        #expect(status == .failed)
        #expect(out == "")
        #expect(err == "\(url.path): left unchanged: the lesson changed on disk while it replayed; run replay --update again to record its outputs\n")
        #expect(directory.read("slow.md") == slow + "\nMy new paragraph.\n")
    }

    @Test func updateThroughASymlinkRewritesItsTargetAndKeepsTheLink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("real.md", Self.failing)
        let link = directory.url.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.md")
        #expect(replay(.update, [link.path]).status == .succeeded)
        #expect(directory.read("real.md") == Self.failing.replacingOccurrences(of: "a\nc\n", with: "a\nb\n"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.md")
    }

    /// Cell 2 (line 7) never ends; cells 1 and 3 print what they record.
    static let endless = """
        ```nn
        print("before")
        ```
        ```output
        before
        ```
        ```nn
        n = 0
        while True:
            n = n + 1
        ```
        ```nn
        print("after", n > 0)
        ```
        ```output
        after True
        ```

        """

    static func timeoutMessage(_ file: String) -> String {
        """
        ✗ \(file):7: cell 2 ran longer than the time limit of 0.5 s and was stopped
          If it loops forever, fix the loop; if it is only slow, give it more time: nnlearn replay --time-limit SECONDS

        """
    }

    /// Replays ``endless`` in `mode` with a 0.5-second limit; also gives its path and its text afterwards.
    func replayEndless(_ mode: ReplayRunner.Mode) throws -> (status: CommandResult, out: String, err: String, file: String, text: String?) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("stuck.md", Self.endless).path
        let (status, out, err) = replay(mode, [file], timeLimit: 0.5)
        return (status, out, err, file, directory.read("stuck.md"))
    }

    @Test func aCellPastTheTimeLimitFailsAndTheLaterCellsStillRun() throws {
        let started = Date()
        let (status, out, err, file, _) = try replayEndless(.quiet)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(status == .failed)
        #expect(err == "")
        #expect(out == Self.timeoutMessage(file) + "\n2 passed, 1 failed\n")
    }

    @Test func theNotebookShowsTheStoppedCellsErrorThenTheDiagnostic() throws {
        let (status, out, _, file, _) = try replayEndless(.notebook)
        #expect(status == .failed)
        #expect(out.contains("""
            In [2]: n = 0
               ...: while True:
               ...:     n = n + 1
            cell 2:
            """))
        #expect(out.contains("error: LimitError: the program ran longer than 0.5 seconds and was stopped\n"))
        #expect(out.contains("hint: is there a loop that never ends?\n" + Self.timeoutMessage(file) + "\nIn [3]: print"))
        #expect(out.hasSuffix("after True\n\n2 passed, 1 failed\n"))
    }

    @Test func updateLeavesALessonWithATimedOutCellUnchanged() throws {
        let (status, out, err, file, text) = try replayEndless(.update)
        #expect(status == .failed)
        #expect(out == "")
        #expect(err == Self.timeoutMessage(file)
            + "\(file): left unchanged: outputs are recorded only when every cell finishes in time\n")
        #expect(text == Self.endless)
    }

    @Test func replayIsDeterministic() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("r.md", "```nn\nseed(3)\nrandn(2, 2)\n```\n```nn\nrand(3)\n```\n").path
        let first = replay(.notebook, [file])
        let second = replay(.notebook, [file])
        #expect(first == second)
        #expect(first.out.contains("tensor("))
    }
}
