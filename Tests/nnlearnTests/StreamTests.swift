import Foundation
import Testing

/// Standard streams that are closed, endless or full: a message and status 1, never a crash
/// (`terminationReason == .exit`) and never a silent success with the output lost.
@Suite struct StreamTests {
    /// Runs `nnlearn` through `/bin/sh -c` so the shell can close or redirect its streams.
    static func shell(_ command: String) throws -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        try Binary.capture("/bin/sh", ["-c", command.replacingOccurrences(of: "NNLEARN", with: "'\(Binary.url.path)'")])
    }

    @Test("closed, endless and full streams", arguments: [
        ("NNLEARN run - < /dev/zero", "standard input is larger than 8 MB, the most a program may be"),
        ("NNLEARN run /dev/zero", "'/dev/zero' is larger than 8 MB"),
        ("head -c 9000000 /dev/zero | tr '\\0' '\\n' | NNLEARN run -", "standard input is larger than 8 MB"),
        ("echo 'print(1)' | NNLEARN run - > /dev/full", "cannot write to standard output: No space left on device; the output is lost"),
        ("echo 'print(1)' | NNLEARN run - >&-", "cannot write to standard output: Bad file descriptor"),
        ("NNLEARN lessons > /dev/full", "cannot write to standard output"),
        ("NNLEARN run - <&-", "cannot read standard input: Bad file descriptor"),
        ("NNLEARN <&-", "cannot read standard input"),
    ])
    func stream(_ command: String, _ expected: String) throws {
        let outcome = try Self.shell(command)
        #expect(outcome.reason == .exit)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
    }

    @Test func aProgramPrintingToAWorkingPipeStillExitsZero() throws {
        let outcome = try Self.shell("echo 'print(6 * 7)' | NNLEARN run - | grep -q 42")
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
    }
}
