import Foundation
import NNRepl
import NNTerminal
import Testing

@Suite struct ReplSessionTests {
    @Test func numbersCellsAndShowsResultsAsOut() throws {
        let fixture = try SessionFixture()
        #expect(fixture.session.nextNumber == 1)
        #expect(fixture.session.runCell("x = 40"))
        #expect(fixture.session.runCell("x + 2"))
        #expect(fixture.captured.output == "Out[2]: 42\n")
        #expect(fixture.session.runCell("_ + 1"))
        #expect(fixture.captured.output == "Out[2]: 42\nOut[3]: 43\n")
        #expect(fixture.session.nextNumber == 4)
    }

    @Test func aValueOnSeveralLinesStartsBelowItsLabel() throws {
        let fixture = try SessionFixture()
        fixture.session.runCell("zeros(2, 2)")
        #expect(fixture.captured.output == "Out[1]: \ntensor([[0., 0.],\n        [0., 0.]])\n")
    }

    @Test func printsAppearAndErrorsGoToStandardError() throws {
        let fixture = try SessionFixture()
        #expect(!fixture.session.runCell("print(\"before\")\nmissing_name"))
        #expect(fixture.captured.output == "before\n")
        #expect(fixture.captured.error.hasPrefix("In[1]:2:1: error: NameError: name 'missing_name' is not defined"))
        #expect(fixture.session.hadFailure)
        // Statements before the error kept their effect; the cell is recorded with its error, named as replay names it.
        #expect(fixture.session.cells.count == 1)
        #expect(fixture.session.cells[0].expectedOutput.contains("before\ncell 1:2:1: error: NameError"))
    }

    @Test func plainStyleShowsBareValues() throws {
        let fixture = try SessionFixture(style: .plain)
        fixture.session.runCell("1 + 1\n\"text\"")
        #expect(fixture.captured.output == "2\n'text'\n")
    }

    @Test func colourPaintsOutLabelsAndErrors() throws {
        let (console, captured) = ReplConsole.capturing(colour: ColourPolicy(isEnabled: true))
        let session = ReplSession(console: console)
        session.runCell("3")
        #expect(captured.output == "\u{1B}[31mOut[\u{1B}[0m\u{1B}[1;31m1\u{1B}[0m\u{1B}[31m]: \u{1B}[0m3\n")
        session.runCell("nope")
        #expect(captured.error.hasPrefix("\u{1B}[31mIn[2]:1:1: error: NameError"))
        #expect(captured.error.hasSuffix("\u{1B}[0m\n"))
    }

    @Test func entriesRunAsCellsOrCommands() throws {
        let fixture = try SessionFixture()
        #expect(fixture.session.handle(.empty) == .nothing)
        #expect(fixture.session.handle(.needsMore) == .nothing)
        #expect(fixture.session.handle(.code("y = 1")) == .ran(succeeded: true))
        #expect(fixture.session.handle(.command(":precision 3")) == .ran(succeeded: true))
        #expect(fixture.session.handle(.command(":nope")) == .ran(succeeded: false))
        #expect(fixture.session.handle(.command(":quit")) == .quit)
        #expect(fixture.session.nextNumber == 5)
    }

    @Test func aProgressBarIsClearedBeforeTextAndAtTheEnd() {
        let (console, captured) = ReplConsole.capturing()
        console.progress("[██░░] 50%")
        console.out("epoch 1\n")
        console.progress("[████] 100%")
        console.endProgress()
        console.endProgress()
        #expect(captured.output == "\r\u{1B}[K[██░░] 50%\r\u{1B}[Kepoch 1\n\r\u{1B}[K[████] 100%\r\u{1B}[K")
    }

    @Test func progressBarShowsFractionAndStatus() {
        #expect(ProgressBar.render(fraction: 0.5, status: "epoch 10/20  loss 0.31", width: 80)
            == "[██████████░░░░░░░░░░]  50% epoch 10/20  loss 0.31")
        #expect(ProgressBar.render(fraction: 1, status: "done", width: 80) == "[████████████████████] 100% done")
        #expect(ProgressBar.render(fraction: .nan, status: "", width: 80) == "[░░░░░░░░░░░░░░░░░░░░]   0% ")
        #expect(ProgressBar.render(fraction: 0.25, status: "a long status line", width: 30).count == 29)
    }
}
