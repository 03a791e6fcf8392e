import Foundation
import NNRepl
import Testing

/// `nnlearn < file` runs the input as `nnlearn run -` does.
@Suite struct PipedModeTests {
    /// Runs the built binary with `input` on a pipe; returns stdout, stderr and the exit status.
    static func run(_ arguments: [String], input: String) throws -> (output: String, error: String, status: Int32) {
        let executable = try #require(BuiltExecutable.nnlearn(), "build nnlearn first: swift build")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-pipe-\(UUID().uuidString)")
        process.environment = ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path, "PATH": "/usr/bin:/bin"]
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("state/nnlearn/history").path))
        return (String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self), process.terminationStatus)
    }

    static let program = """
        x = 2
        x * 3
        print("hi")
        def f(a):
            return a + 1

        f(4)
        tensor([1.0, 2.0]) / 3
        """

    @Test func aProgramPrintsWhatRunPrints() throws {
        let piped = try Self.run([], input: Self.program)
        let run = try Self.run(["run", "-"], input: Self.program)
        #expect(piped.output == "6\nhi\n5\ntensor([0.3333, 0.6667])\n")
        #expect(piped.output == run.output)
        #expect(piped.error == "")
        #expect(piped.status == 0)
        #expect(run.status == 0)
        #expect(try Self.run(["repl"], input: Self.program).output == run.output)
    }

    @Test func anErrorStopsTheInputWithStatusOneAsRunDoes() throws {
        let input = Self.program + "\nprint(\"before\")\ny\nprint(\"never\")\n"
        let piped = try Self.run([], input: input)
        let run = try Self.run(["run", "-"], input: input)
        #expect(piped.status == 1)
        #expect(piped.output == run.output)
        #expect(piped.error == run.error)
        #expect(piped.error.hasPrefix("<stdin>:10:1: error: NameError"))
        #expect(!piped.output.contains("never"))
        #expect(!piped.error.contains("\u{1B}["))
    }

    @Test func commandLinesRunBetweenPiecesOfCode() throws {
        let fixture = try SessionFixture(style: .plain)
        let status = PipedRepl.run("a = 1\nb = a + 1\n:vars\nb * 10\n:precision 2\ntensor([1.0]) / 3\n", in: fixture.session)
        #expect(status == 0)
        #expect(fixture.captured.output == """
            ┌──────┬──────┬───────┬───────────┐
            │ name │ type │ shape │ trainable │
            ├──────┼──────┼───────┼───────────┤
            │ a    │ int  │       │           │
            │ b    │ int  │       │           │
            └──────┴──────┴───────┴───────────┘
            20
            Tensors print with 2 decimals.
            tensor([0.33])

            """)
    }

    @Test func aFailingCommandOrCellMakesTheStatusOne() throws {
        let commandFails = try SessionFixture(style: .plain)
        #expect(PipedRepl.run(":nosuch\nprint(1)\n", in: commandFails.session) == 1)
        #expect(commandFails.captured.output == "")
        let cellFails = try SessionFixture(style: .plain)
        #expect(PipedRepl.run("print(1)\n\nnope\n:quit\n", in: cellFails.session) == 1)
        #expect(cellFails.captured.output == "1\n")
        #expect(cellFails.captured.error.hasPrefix("<stdin>:3:1: error: NameError"))
        let quits = try SessionFixture(style: .plain)
        #expect(PipedRepl.run("print(1)\n:quit\nprint(2)\n", in: quits.session) == 0)
        #expect(quits.captured.output == "1\n")
    }
}
