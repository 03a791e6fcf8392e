import Foundation
import NNCore
import Testing
@testable import NNScript

/// The host is the one way an interpreter is configured: each of its parts is seen to take effect.
@Suite struct HostTests {
    /// Everything a host's sinks received, in order.
    final class Received {
        var events: [String] = []
        var figures: [Shown] = []
    }

    static func recordingHost(_ received: Received, display: Bool = true) -> NNScript.Host {
        Host(output: { received.events.append("text:" + $0) },
             display: display ? { shown in
                 received.events.append("\(shown.kind):" + shown.text)
                 if shown.kind == .figure { received.figures.append(shown) }
             } : nil)
    }

    @Test func displayReceivesValuesAndFiguresWithTheirSVG() throws {
        let received = Received()
        let interpreter = Interpreter(host: Self.recordingHost(received))
        _ = try interpreter.run("print('hi')\n1 + 1\nplot([1.0, 2.0, 3.0], width=20, height=4)")
        #expect(received.events.count == 3)
        #expect(received.events[0] == "text:hi\n")
        #expect(received.events[1] == "result:2")
        #expect(received.events[2].hasPrefix("figure:"))
        let svg = try #require(received.figures.first?.svg)
        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        #expect(svg.contains("</svg>"))
    }

    @Test func inputReadsThroughTheHostOnly() throws {
        var prompts: [String] = []
        var lines = ["3", "Ada"]
        var printed = ""
        let host = Host(output: { printed += $0 }, input: { prompt in
            prompts.append(prompt)
            return lines.isEmpty ? .end : .line(lines.removeFirst())
        })
        let interpreter = Interpreter(host: host)
        _ = try interpreter.run("n = int(input('how many? ')) * 2\nname = input()\nprint(n, repr(name))")
        #expect(prompts == ["how many? ", ""])
        // The prompt is the reader's to show: the interpreter itself prints only what print() writes.
        #expect(printed == "6 'Ada'\n")
        do {
            _ = try interpreter.run("input('more? ')")
            Issue.record("input() at the end of the input ran")
        } catch let error as ScriptError {
            #expect(error.kind == .endOfInput)
        }
        let unavailable = Interpreter(host: Host(input: { _ in .unavailable("no stdin in this cell") }))
        do {
            _ = try unavailable.run("x = 1\ninput()")
            Issue.record("input() with no stdin ran")
        } catch let error as ScriptError {
            #expect(error.kind == .stdinNotImplemented)
            #expect(error.message == "input() cannot ask here: no stdin in this cell")
            #expect(error.location?.line == 2)
        }
        do {
            _ = try Interpreter().run("input('x')")
            Issue.record("input() without a reader ran")
        } catch let error as ScriptError {
            #expect(error.kind == .stdinNotImplemented)
            #expect(error.hint?.contains("replayed") == true)
        }
    }

    @Test func withoutADisplayValuesAreNotShownAndFiguresAreText() throws {
        let received = Received()
        let interpreter = Interpreter(host: Self.recordingHost(received, display: false))
        _ = try interpreter.run("1 + 1\nplot([1.0, 2.0, 3.0], width=20, height=4)")
        #expect(received.events.count == 1)
        #expect(received.events[0].hasPrefix("text:"))
        #expect(received.events[0].hasSuffix("\n"))
    }

    @Test func aCellCapturesItsOutputAndPassesItOnToTheHost() {
        let received = Received()
        let interpreter = Interpreter(host: Self.recordingHost(received))
        let result = interpreter.runCell("print('a')\n2 * 3\nnope", file: "cell")
        #expect(result.output.hasPrefix("a\n6\ncell:3:1: error: NameError"))
        #expect(result.displays == ["6"])
        #expect(result.renderedError?.hasPrefix("cell:3:1: error: NameError") == true)
        // The rendered error is the front end's to show, from the result.
        #expect(received.events == ["text:a\n", "result:6"])
    }

    @Test func mutedCodeReachesNoSinkButCellsStillCapture() {
        let received = Received()
        let interpreter = Interpreter(host: Self.recordingHost(received))
        let result = interpreter.muted { interpreter.runCell("print('quiet')\n7", file: "cell") }
        #expect(result.output == "quiet\n7\n")
        #expect(received.events.isEmpty)
    }

    @Test func checksGoToTheCheckSinkWhenThereIsOne() {
        final class Results { var all: [CheckResult] = [] }
        let results = Results()
        let grading = Interpreter(host: Host(checks: { results.all.append($0) }))
        let graded = grading.runCell("check(1 + 1 == 2, 'sum')\ncheck(False, 'never')", file: "check 1")
        #expect(graded.output == "")
        #expect(results.all.map(\.passed) == [true, false])
        let printed = Interpreter().runCell("check(1 + 1 == 2, 'sum')", file: "cell")
        #expect(printed.output == "✓ sum\n")
    }

    @Test func theTraceHookRunsAfterEveryBackward() {
        final class Count { var calls = 0 }
        let count = Count()
        let interpreter = Interpreter(host: Host(trace: { loss, interpreter in
            count.calls += 1
            interpreter.printLine("loss \(loss.data[0])")
        }))
        let result = interpreter.runCell("w = param([2.0])\nl = (w * w).sum()\nl.backward()\nw.zero_grad()\nl.backward()", file: "cell")
        #expect(result.error == nil, "\(result.output)")
        #expect(count.calls == 2)
        #expect(result.output == "loss 4.0\nloss 4.0\n")
    }

    @Test func theFilePolicyCanForbidWrites() {
        let interpreter = Interpreter(host: Host(files: FileAccess(mayWrite: false)))
        let result = interpreter.runCell("save_csv('x.csv', [[1.0]])", file: "cell")
        #expect(result.error?.kind == .file)
        #expect(result.error?.message == "this program may not write files")
    }

    @Test func limitsAndTheStopRequestComeFromTheHost() {
        let stepped = Interpreter(host: Host(limits: Host.Limits(steps: 1_000)))
        #expect(stepped.runCell("while True:\n    pass", file: "cell").error?.kind == .limit)
        #expect(Interpreter(host: Host(limits: Host.Limits(memory: 1 << 20))).budget.memoryLimit == 1 << 20)
        let request = InterruptRequest()
        let stoppable = Interpreter(host: Host(limits: Host.Limits(steps: 10_000_000), interrupt: request))
        request.request()
        #expect(stoppable.runCell("while True:\n    pass", file: "cell").error?.kind == .interrupted)
    }

    @Test func asciiGraphicsDrawPlotsInPlainCharacters() {
        let ascii = Interpreter(host: Host(graphics: .ascii)).runCell("plot([1.0, 3.0, 2.0], width=20, height=4)", file: "cell")
        #expect(ascii.error == nil, "\(ascii.output)")
        #expect(ascii.output.unicodeScalars.allSatisfy { $0.isASCII })
        let unicode = Interpreter().runCell("plot([1.0, 3.0, 2.0], width=20, height=4)", file: "cell")
        #expect(!unicode.output.unicodeScalars.allSatisfy { $0.isASCII })
    }
}
