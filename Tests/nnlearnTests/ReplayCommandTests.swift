import Foundation
import Testing

@Suite struct ReplayCommandTests {
    /// A lesson in a fresh folder whose second cell (at line 7) never ends.
    func endlessLesson() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("stuck.md")
        let text = "```nn\nprint(1)\n```\n```output\n1\n```\n```nn\nwhile True: pass\n```\n```nn\nprint(3)\n```\n```output\n3\n```\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func aCellPastTheTimeLimitIsNamedAndTheStatusIsOne() throws {
        let lesson = try endlessLesson()
        defer { try? FileManager.default.removeItem(at: lesson.deletingLastPathComponent()) }
        let outcome = try Binary.run(["replay", "--quiet", "--time-limit", "0.5", lesson.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == """
            ✗ \(lesson.path):7: cell 2 ran longer than the time limit of 0.5 s and was stopped
              If it loops forever, fix the loop; if it is only slow, give it more time: nnlearn replay --time-limit SECONDS

            2 passed, 1 failed

            """)
        #expect(outcome.stderr == "")
    }

    @Test func theLimitIsInTheHelpAndMustBePositive() throws {
        let help = try Binary.run(["replay", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--time-limit <seconds>"))
        #expect(help.stdout.contains("(default: 60)"))
        for bad in ["0", "-1", "nan", "soon"] {
            let refused = try Binary.run(["replay", "--time-limit", bad, "lesson.md"])
            #expect(refused.status == 64, "--time-limit \(bad)")
            #expect(refused.stderr.contains("--time-limit"), "--time-limit \(bad)")
        }
    }
}
