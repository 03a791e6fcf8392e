import Foundation
import Testing

@Suite struct RunCommandTests {
    func temporaryFile(_ text: String, name: String = "program.nn") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func runsAFileAndDisplaysTopLevelValues() throws {
        let file = try temporaryFile("x = [1.0, 2.0]\nprint('sum', x.sum().item())\nx * 2\n")
        let outcome = try Binary.run(["run", file.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "sum 3.0\ntensor([2., 4.])\n")
        #expect(outcome.stderr == "")
    }

    @Test func readsStandardInputWithADash() throws {
        let outcome = try Binary.run(["run", "-"], input: "print(2 ** 10)\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "1024\n")
    }

    @Test func inputReadsLinesTypedOnStandardInput() throws {
        let file = try temporaryFile("name = input('name? ')\nprint('hello,', name)\nprint(input())\ninput('more? ')\n")
        let outcome = try Binary.run(["run", file.path], input: "Ada\nLovelace\n")
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "name? hello, Ada\nLovelace\nmore? ")
        #expect(outcome.stderr.contains(":4:1: error: EOFError: input() reached the end of the input"), "\(outcome.stderr)")
    }

    @Test func anErrorIsADiagnosticOnStandardErrorWithStatusOne() throws {
        let file = try temporaryFile("W1 = 1\nprint('before')\nprint(Wl)\nprint('after')\n", name: "typo.nn")
        let outcome = try Binary.run(["run", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "before\n")
        #expect(outcome.stderr == """
            \(file.path):3:7: error: NameError: name 'Wl' is not defined
                print(Wl)
                      ^
            hint: did you mean 'W1'?

            """)
    }

    @Test func aMissingFileIsReported() throws {
        let outcome = try Binary.run(["run", "/nonexistent/program.nn"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "nnlearn: cannot read '/nonexistent/program.nn': no such file\n")
    }

    @Test func helpAndVersion() throws {
        let help = try Binary.run(["run", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: nnlearn run <file>"))
        let version = try Binary.run(["--version"])
        #expect(version.stdout == "0.1.0\n")
    }

    /// `run FILE` alone takes a shorter path than a command line with options; both must run the program alike.
    @Test func optionsBeforeOrAfterTheFileRunItAsAPlainRunDoes() throws {
        let file = try temporaryFile("print(sin(0.5), ['a', 'b'].index('b'))\nundefined_name\n")
        let plain = try Binary.run(["run", file.path])
        #expect(plain.status == 1)
        #expect(plain.stdout == "0.479425538604203 1\n")
        #expect(plain.stderr.hasPrefix("\(file.path):2:1: error: NameError: name 'undefined_name' is not defined"))
        for arguments in [["run", "--ascii", file.path], ["run", file.path, "--memory-limit", "1G"]] {
            let optioned = try Binary.run(arguments)
            #expect(optioned.status == plain.status, "\(arguments)")
            #expect(optioned.stdout == plain.stdout, "\(arguments)")
            #expect(optioned.stderr == plain.stderr, "\(arguments)")
        }
        // The chosen budget holds for the program: 200 MB of zeros is past 50M (and within the default 2G).
        let large = try temporaryFile("x = zeros(5000, 5000)\nprint('made')\n")
        let limited = try Binary.run(["run", "--memory-limit", "50M", large.path])
        #expect(limited.status == 1)
        #expect(limited.stdout == "")
        #expect(limited.stderr.contains("MemoryError") && limited.stderr.contains("memory budget of 50 MB"), "\(limited.stderr)")
        #expect(try Binary.run(["run", large.path]).stdout == "made\n")
        let wrong = try Binary.run(["run", "--memory-limit", "lots", file.path])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("--memory-limit takes a size such as 2G, 512M or 1.5G."))
        let dashed = try Binary.run(["run", "-x"])
        #expect(dashed.status == 64)
        #expect(dashed.stdout == "")
    }

    @Test func aProgramReadsDataBesideItself() throws {
        let file = try temporaryFile("data, cols = load_csv('points.csv')\nprint(data.shape, cols)\n")
        try "a,b\n1,2\n3,4\n".write(to: file.deletingLastPathComponent().appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
        let outcome = try Binary.run(["run", file.path])
        #expect(outcome.stdout == "(2, 2) ['a', 'b']\n")
    }
}
