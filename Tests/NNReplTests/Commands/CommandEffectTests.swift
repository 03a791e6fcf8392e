import Foundation
import NNRepl
import NNScript
import Testing

@Suite struct CommandEffectTests {
    @Test func varsListsNameTypeShapeAndTrainable() throws {
        let fixture = try SessionFixture()
        fixture.run("W = tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)", "x = tensor([1.0, 2.0, 3.0])",
                    "n = 3", "def f(a):\n    return a\n", "x", "loss = W.sum()")
        let (outcome, output, error) = fixture.command(":vars")
        #expect(outcome == .success)
        #expect(error == "")
        #expect(output == """
            ┌──────┬──────────┬────────┬───────────┐
            │ name │ type     │ shape  │ trainable │
            ├──────┼──────────┼────────┼───────────┤
            │ W    │ tensor   │ (2, 2) │ yes       │
            │ f    │ function │        │           │
            │ loss │ tensor   │ ()     │ no        │
            │ n    │ int      │        │           │
            │ x    │ tensor   │ (3,)   │ no        │
            └──────┴──────────┴────────┴───────────┘

            """)
    }

    @Test func varsWithoutVariablesSaysSo() throws {
        let fixture = try SessionFixture()
        #expect(fixture.command(":vars").output.hasPrefix("No variables yet"))
    }

    @Test func memoryShowsTheProgramsObjectsBesideTheTensors() throws {
        let fixture = try SessionFixture()
        func objectMegabytes() -> Int? {
            let output = fixture.command(":memory").output
            guard output.hasPrefix("Memory budget: "), let range = output.range(of: "the program's objects: about ") else { return nil }
            return Int(output[range.upperBound...].prefix { $0.isNumber })
        }
        let empty = try #require(objectMegabytes())
        // 40,000 lists of two numbers: a list object and an array of two values each.
        fixture.run("rows = [[i, i + 1] for i in range(40000)]")
        let full = try #require(objectMegabytes())
        #expect(empty <= 1)
        #expect((2...12).contains(full - empty), "\(full - empty) MB")
        fixture.run("rows = None")
        #expect(try #require(objectMegabytes()) <= 1)
    }

    @Test func precisionChangesHowTensorsPrint() throws {
        let fixture = try SessionFixture()
        #expect(fixture.command(":precision").output == "Tensors print with 4 decimals.\n")
        #expect(fixture.command(":precision 2") == (.success, "Tensors print with 2 decimals.\n", ""))
        #expect(fixture.session.interpreter.precision == 2)
        fixture.captured.clear()
        fixture.session.runCell("tensor([1.0, 2.0]) / 3")
        #expect(fixture.captured.output == "Out[3]: tensor([0.33, 0.67])\n")
        let bad = fixture.command(":precision many")
        #expect(bad.outcome == .failure)
        #expect(bad.error.contains("usage: :precision N"))
        #expect(fixture.command(":precision 40").outcome == .failure)
        #expect(fixture.session.interpreter.precision == 2)
    }

    @Test func resetForgetsVariablesButKeepsSettings() throws {
        let fixture = try SessionFixture()
        fixture.run("a = 1", "b = tensor([1.0])")
        _ = fixture.command(":precision 1")
        #expect(fixture.command(":reset") == (.success, "All variables were cleared.\n", ""))
        #expect(fixture.session.interpreter.userVariables.filter { !$0.name.hasPrefix("_") }.isEmpty)
        #expect(fixture.session.interpreter.precision == 1)
        fixture.captured.clear()
        #expect(!fixture.session.runCell("a"))
        #expect(fixture.captured.error.contains("NameError"))
        #expect(fixture.session.nextNumber == 6)
    }

    @Test func timeReportsBestAndMeanWithoutChangingTheLastResult() throws {
        let fixture = try SessionFixture()
        fixture.run("A = randn(8, 8)", "41 + 1")
        let (outcome, output, error) = fixture.command(":time matmul(A, A)")
        #expect(outcome == .success)
        #expect(error == "")
        let pattern = #/best [0-9.]+ (ns|µs|ms|s), mean [0-9.]+ (ns|µs|ms|s) per run \([0-9]+ runs, [0-9.]+ (ms|s) in all\)\n/#
        #expect(output.wholeMatch(of: pattern) != nil, "\(output)")
        fixture.captured.clear()
        fixture.session.runCell("_")
        #expect(fixture.captured.output == "Out[4]: 42\n")
    }

    @Test func timeReportsErrorsInTheLearnersCode() throws {
        let fixture = try SessionFixture()
        let failing = fixture.command(":time undefined_name + 1")
        #expect(failing.outcome == .failure)
        #expect(failing.error.contains("In[1]:1:1: error: NameError"))
        #expect(failing.error.contains("undefined_name + 1"))
        let syntax = fixture.command(":time 1 +")
        #expect(syntax.outcome == .failure)
        #expect(syntax.error.contains("In[2]:1:"))
        #expect(syntax.error.contains("SyntaxError"))
        #expect(fixture.command(":time").error.contains("usage: :time CODE"))
    }

    @Test func timingReportsReadably() {
        #expect(TimingMeasurement.duration(0.000_000_812) == "812 ns")
        #expect(TimingMeasurement.duration(0.001_234) == "1.23 ms")
        #expect(TimingMeasurement.duration(0.012_34) == "12.3 ms")
        #expect(TimingMeasurement.duration(2.5) == "2.50 s")
        let measurement = TimingMeasurement(durations: [0.002, 0.001, 0.003])
        #expect(measurement.report == "best 1.00 ms, mean 2.00 ms per run (3 runs, 6.00 ms in all)")
        #expect(TimingMeasurement(durations: [1.5]).report == "1.50 s (1 run)")
        #expect(TimingMeasurement(durations: [0.1, 0.2], wasInterrupted: true).report.hasSuffix("in all, interrupted)"))
    }

    @Test func unknownCommandSuggestsTheNearest() throws {
        let fixture = try SessionFixture()
        let (outcome, output, error) = fixture.command(":vras")
        #expect(outcome == .failure)
        #expect(output == "")
        #expect(error == "unknown command :vras: did you mean :vars? (:help lists the commands)\n")
        #expect(fixture.command(":xyzzy").error == "unknown command :xyzzy: (:help lists the commands)\n")
        #expect(fixture.session.hadFailure)
    }

    @Test func helpExplainsBuiltinsAndCommands() throws {
        let fixture = try SessionFixture()
        let overview = fixture.command(":help").output
        #expect(overview.hasPrefix("Commands\n  :help [topic]"))
        #expect(overview.contains("  :vars  "))
        #expect(overview.contains("  :lesson [ID]  "))
        let builtin = fixture.command(":help softmax")
        #expect(builtin.outcome == .success)
        #expect(builtin.output.hasPrefix("softmax(x, axis="))
        #expect(fixture.command(":help :time").output.hasPrefix(":time CODE\ntime code: repeat it"))
        #expect(fixture.command(":help vars").output.hasPrefix(":vars\n"))
        let missing = fixture.command(":help softmaxx")
        #expect(missing.outcome == .failure)
        #expect(missing.error.contains("did you mean 'softmax'?"))
    }

    @Test func traceOnPrintsTheGraphAfterBackward() throws {
        let fixture = try SessionFixture()
        #expect(fixture.command(":trace on").output == "Tracing is on: every backward() prints its trace.\n")
        fixture.run("w = tensor([2.0], requires_grad=True)")
        fixture.session.runCell("(w * w).sum().backward()")
        let traced = fixture.captured.output
        #expect(!traced.isEmpty)
        #expect(fixture.session.cells.last?.expectedOutput == traced)
        #expect(fixture.command(":trace off").output == "Tracing is off.\n")
        fixture.captured.clear()
        fixture.session.runCell("v = tensor([2.0], requires_grad=True)\n(v * v).sum().backward()")
        #expect(fixture.captured.output == "")
        #expect(fixture.command(":trace maybe").outcome == .failure)
    }

    @Test func loadRunsAFileInTheSession() throws {
        let fixture = try SessionFixture()
        try Data("k = 7\nprint(k * 6)\n".utf8).write(to: fixture.folder.appendingPathComponent("prog.nn"))
        #expect(fixture.command(":load prog.nn") == (.success, "42\n", ""))
        fixture.captured.clear()
        fixture.session.runCell("k")
        #expect(fixture.captured.output == "Out[2]: 7\n")
        let missing = fixture.command(":load nothing.nn")
        #expect(missing == (.failure, "", "cannot load 'nothing.nn': no such file\n"))
    }

    @Test func saveWritesCellsAndOutputsAsMarkdown() throws {
        let fixture = try SessionFixture()
        fixture.run("x = 2", "print(x * 21)", "x + 1")
        let (outcome, output, _) = fixture.command(":save notes")
        #expect(outcome == .success)
        #expect(output == "Saved 3 cells to notes.md.\n")
        let text = try String(contentsOf: fixture.folder.appendingPathComponent("notes.md"), encoding: .utf8)
        #expect(text == """
            # notes

            ```python nn
            x = 2
            ```

            ```python nn
            print(x * 21)
            ```

            ```output
            42
            ```

            ```python nn
            x + 1
            ```

            ```output
            3
            ```

            """)
    }

    @Test func savedFencesGrowPastBackticksInTheText() throws {
        let fixture = try SessionFixture()
        fixture.run("s = \"\"\"\n```\n\"\"\"")
        _ = fixture.command(":save out.md")
        #expect(try String(contentsOf: fixture.folder.appendingPathComponent("out.md"), encoding: .utf8)
            == "# out\n\n````python nn\ns = \"\"\"\n```\n\"\"\"\n````\n")
    }

    @Test func quitAndUnknownLessons() throws {
        let fixture = try SessionFixture()
        #expect(fixture.command(":quit").outcome == .quit)
        #expect(fixture.command(":q").outcome == .quit)
        #expect(fixture.session.handle(.code("exit")) == .quit)
        fixture.run("quit = 3")
        #expect(fixture.session.handle(.code("quit")) == .ran(succeeded: true))
        let missing = fixture.command(":lesson no-such-lesson")
        #expect(missing.outcome == .failure)
        #expect(missing.error.contains("no lesson 'no-such-lesson'"))
    }
}
