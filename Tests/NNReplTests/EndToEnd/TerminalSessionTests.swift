import Foundation
import NNRepl
import Testing

/// The real `nnlearn` binary driven through a pseudo-terminal, with assertions
/// on the screen it draws: what a learner typing at a terminal sees.
@Suite(.serialized) struct TerminalSessionTests {
    /// A session in a fresh home and state folder, without colour unless asked.
    final class Session {
        let home: URL
        let terminal: PseudoTerminal
        /// The first session of a home removes it at the end.
        private let ownsHome: Bool

        init(home: URL? = nil, colour: Bool = false) throws {
            let executable = try #require(BuiltExecutable.nnlearn(), "build nnlearn first: swift build")
            ownsHome = home == nil
            let home = home ?? FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-pty-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            self.home = home
            var environment = [
                "HOME": home.path,
                "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                "TERM": "xterm",
                "LANG": "C.UTF-8",
                "PATH": "/usr/bin:/bin",
            ]
            if !colour { environment["NO_COLOR"] = "1" }
            terminal = try PseudoTerminal(executable: executable, environment: environment)
            try terminal.wait(forPrompt: "In [1]:")
        }

        deinit {
            if ownsHome { try? FileManager.default.removeItem(at: home) }
        }

        var historyFile: URL { home.appendingPathComponent("state/nnlearn/history") }
    }

    @Test func computesRecallsCompletesAndContinuesBlocks() throws {
        let session = try Session()
        let terminal = session.terminal
        terminal.type("x = 6 * 7\r")
        try terminal.wait(forPrompt: "In [2]:")
        terminal.type("x\r")
        try terminal.wait(forText: "Out[2]: 42")
        try terminal.wait(forPrompt: "In [3]:")

        // Up recalls the previous line; Enter runs it again.
        terminal.type("\u{1B}[A")
        try terminal.wait(forPrompt: "In [3]: x")
        terminal.type("\r")
        try terminal.wait(forText: "Out[3]: 42")

        // Tab completes a builtin's name.
        terminal.type("softm\t")
        try terminal.wait(forPrompt: "In [4]: softmax")
        terminal.type("(tensor([0.0, 0.0]))\r")
        try terminal.wait(forText: "Out[4]: tensor([0.5000, 0.5000])")

        // A def continues with ...: prompts until a blank line. Each starts indented,
        // so the body is typed without spaces; Enter on the indentation alone ends the def.
        terminal.type("def f(x):\r")
        try terminal.wait(forContinuationIndentedBy: 4)
        terminal.type("return x * 2\r")
        try terminal.wait(forContinuationIndentedBy: 4)
        terminal.type("\r")
        try terminal.wait(forPrompt: "In [6]:")
        terminal.type("f(21)\r")
        try terminal.wait(forText: "Out[6]: 42")

        try terminal.wait(forPrompt: "In [7]:")
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
        let screen = terminal.screen.allLines
        #expect(screen.contains("In [5]: def f(x):"))
        #expect(screen.contains("   ...:     return x * 2"))
    }

    @Test func nestedBlocksArePreIndentedAndBackspaceDedents() throws {
        let session = try Session()
        let terminal = session.terminal
        // Each header adds a level; four Backspaces take one away for else:.
        terminal.type("for i in range(4):\r")
        try terminal.wait(forContinuationIndentedBy: 4)
        terminal.type("if i % 2 == 0:\r")
        try terminal.wait(forContinuationIndentedBy: 8)
        terminal.type("print(i, 'even')\r")
        try terminal.wait(forContinuationIndentedBy: 8)
        terminal.type("\u{7F}\u{7F}\u{7F}\u{7F}else:\r")
        try terminal.wait(forContinuationIndentedBy: 8)
        terminal.type("print(i, 'odd')\r")
        try terminal.wait(forContinuationIndentedBy: 8)
        // Enter on the pre-filled spaces is a blank line: it ends the entry.
        terminal.type("\r")
        try terminal.wait(forPrompt: "In [2]:")
        #expect(terminal.screen.lines(from: "In [1]: for i in range(4):", count: 10) == [
            "In [1]: for i in range(4):",
            "   ...:     if i % 2 == 0:",
            "   ...:         print(i, 'even')",
            "   ...:     else:",
            "   ...:         print(i, 'odd')",
            "   ...:",
            "0 even", "1 odd", "2 even", "3 odd",
        ])

        // Ctrl-D on a line holding only its indentation ends the session, as on an empty line.
        terminal.type("if True:\r")
        try terminal.wait(forContinuationIndentedBy: 4)
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aPastedBlockKeepsItsOwnIndentation() throws {
        let session = try Session()
        let terminal = session.terminal
        // All at once, as a paste arrives: the lines after the first are waiting when
        // their prompts appear, so no indentation is added to theirs.
        terminal.type("for i in range(3):\r    if i > 0:\r        print('i', i)\r    print('after', i)\r\r")
        try terminal.wait(forPrompt: "In [2]:")
        #expect(terminal.screen.lines(from: "In [1]: for i in range(3):", count: 10) == [
            "In [1]: for i in range(3):",
            "   ...:     if i > 0:",
            "   ...:         print('i', i)",
            "   ...:     print('after', i)",
            "   ...:",
            "after 0", "i 1", "after 1", "i 2", "after 2",
        ])
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlCStopsARunningCellAndKeepsVariables() throws {
        let session = try Session()
        let terminal = session.terminal
        terminal.type("y = 5\r")
        try terminal.wait(forPrompt: "In [2]:")
        terminal.type("while True: pass\r\r")
        try terminal.wait(for: "the loop to start") { $0.allLines.contains("In [2]: while True: pass") && !$0.cursorLine.hasPrefix("In [") }
        terminal.settle(seconds: 0.5)
        // On a loaded machine the cell may not have started yet; a Ctrl-C before it starts is dropped.
        for attempt in 1...5 {
            terminal.type("\u{3}")
            do {
                try terminal.wait(forText: "KeyboardInterrupt", timeout: 3)
                break
            } catch where attempt < 5 {
                continue
            }
        }
        try terminal.wait(forPrompt: "In [3]:")
        terminal.type("y\r")
        try terminal.wait(forText: "Out[3]: 5")

        // Ctrl-C at the prompt drops the typed text and gives a fresh prompt.
        try terminal.wait(forPrompt: "In [4]:")
        terminal.type("abandoned text")
        try terminal.wait(forPrompt: "In [4]: abandoned text")
        terminal.type("\u{3}")
        try terminal.wait(for: "a fresh prompt") { $0.cursorLine == "In [4]:" && $0.allLines.contains("In [4]: abandoned text") }
        terminal.type("y + 1\r")
        try terminal.wait(forText: "Out[4]: 6")

        try terminal.wait(forPrompt: "In [5]:")
        // Ctrl-C at a continuation prompt drops the whole unfinished block.
        try terminal.wait(forPrompt: "In [5]:")
        terminal.type("def unfinished():\r")
        try terminal.wait(forPrompt: "   ...:")
        terminal.type("\u{3}")
        try terminal.wait(forPrompt: "In [5]:")
        terminal.type("unfinished\r")
        try terminal.wait(forText: "NameError: name 'unfinished' is not defined")

        try terminal.wait(forPrompt: "In [6]:")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.screen.text.components(separatedBy: "NameError").count == 2)
    }

    @Test func tabListsSeveralCandidatesAndColourFollowsTheTerminal() throws {
        let session = try Session(colour: true)
        let terminal = session.terminal
        terminal.type("W = tensor([1.0, 2.0])\r")
        try terminal.wait(forPrompt: "In [2]:")
        terminal.type("W.s\t")
        try terminal.wait(forText: "shape    sigmoid  sin      softmax  split    sqrt     std      sum")
        try terminal.wait(forPrompt: "In [2]: W.s")
        terminal.type("um()\r")
        try terminal.wait(forText: "Out[2]: tensor(3.)")
        try terminal.wait(forPrompt: "In [3]:")
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
        let raw = String(decoding: terminal.rawOutput, as: UTF8.self)
        // The typed text after the prompt is not left green.
        #expect(raw.contains("\u{1B}[32mIn [\u{1B}[1;32m1\u{1B}[0;32m]:\u{1B}[0m W = tensor"))
        #expect(raw.contains("\u{1B}[31mOut["))
    }

    @Test func ctrlDSavesHistoryForTheNextSession() throws {
        let first = try Session()
        first.terminal.type("z = 1\r")
        try first.terminal.wait(forPrompt: "In [2]:")
        // A line of an unfinished block is only in memory until Ctrl-D saves it.
        first.terminal.type("def h():\r")
        try first.terminal.wait(forPrompt: "   ...:")
        first.terminal.type("\u{4}")
        #expect(try first.terminal.waitForExit() == 0)
        let saved = try #require(HistoryStore(url: first.historyFile))
        #expect(saved.entries == ["z = 1", "def h():"])
        #expect(saved.problem == nil)

        let second = try Session(home: first.home)
        second.terminal.type("\u{1B}[A")
        try second.terminal.wait(forPrompt: "In [1]: def h():")
        second.terminal.type("\u{1B}[A")
        try second.terminal.wait(forPrompt: "In [1]: z = 1")
        second.terminal.type("\r")
        try second.terminal.wait(forPrompt: "In [2]:")
        second.terminal.type("z + 1\r")
        try second.terminal.wait(forText: "Out[2]: 2")
        try second.terminal.wait(forPrompt: "In [3]:")
        second.terminal.type("\u{4}")
        #expect(try second.terminal.waitForExit() == 0)
        let merged = try #require(HistoryStore(url: first.historyFile))
        #expect(merged.entries == ["z = 1", "def h():", "z = 1", "z + 1"])
    }

    @Test func upBringsABlockBackWholeToEditAndRunAgain() throws {
        let session = try Session()
        let terminal = session.terminal
        terminal.type("for i in range(2):\r")
        try terminal.wait(forContinuationIndentedBy: 4)
        terminal.type("print(i * 10)\r")
        try terminal.wait(forContinuationIndentedBy: 4)
        terminal.type("\r")
        try terminal.wait(forPrompt: "In [2]:")

        // Up recalls the block as one: both lines, the cursor at the end of the last.
        terminal.type("\u{1B}[A")
        try terminal.wait(forCursorLine: "    print(i * 10)")
        #expect(terminal.screen.lines(from: "In [2]: for i in range(2):", count: 2) == ["In [2]: for i in range(2):", "    print(i * 10)"])
        // Up again moves to the first line; the edit makes range(3).
        terminal.type("\u{1B}[A")
        try terminal.wait(forCursorLine: "In [2]: for i in range(2):")
        terminal.type("\u{5}\u{1B}[D\u{1B}[D\u{7F}3")
        try terminal.wait(forCursorLine: "In [2]: for i in range(3):")
        // Ctrl-E goes to the end of this line (not of the block); Enter on a line above the
        // last breaks it there, indented as after a header.
        terminal.type("\u{5}\r")
        try terminal.wait(for: "a new indented line") { $0.cursorLine.isEmpty && $0.column == 4 }
        terminal.type("j = i + 1")
        // Down to the last line; Enter there runs the whole block, which is complete.
        terminal.type("\u{1B}[B\r")
        try terminal.wait(forPrompt: "In [3]:")
        #expect(terminal.screen.lines(from: "In [2]: for i in range(3):", count: 6) == [
            "In [2]: for i in range(3):", "    j = i + 1", "    print(i * 10)", "0", "10", "20",
        ])
        terminal.type("print(j)\r")
        try terminal.wait(for: "j printed") { $0.allLines.contains("3") }

        // Up twice: the edited block, then the first one, each whole.
        try terminal.wait(forPrompt: "In [4]:")
        terminal.type("\u{1B}[A")
        try terminal.wait(forCursorLine: "In [4]: print(j)")
        terminal.type("\u{1B}[A")
        try terminal.wait(forCursorLine: "    print(i * 10)")
        #expect(terminal.screen.lines(from: "In [4]: for i in range(3):", count: 3) == [
            "In [4]: for i in range(3):", "    j = i + 1", "    print(i * 10)",
        ])
        terminal.type("\u{3}")
        try terminal.wait(forPrompt: "In [4]:")
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
        let saved = try #require(HistoryStore(url: session.historyFile))
        #expect(saved.entries == ["for i in range(2):\n    print(i * 10)", "for i in range(3):\n    j = i + 1\n    print(i * 10)", "print(j)"])
    }

    @Test func editPutsTheLessonCellInTheEditorAndEnterRunsItInTheLesson() throws {
        let session = try Session()
        let terminal = session.terminal
        let lesson = session.home.appendingPathComponent("01-two.md")
        try "# Two cells\n\nA tensor.\n\n```nn\nx = tensor([1.0, 2.0])\nx * 2\n```\n\n```output\ntensor([2., 4.])\n```\n"
            .write(to: lesson, atomically: true, encoding: .utf8)
        terminal.type(":edit\r")
        try terminal.wait(forText: "no lesson is open: :lesson ID opens one")
        try terminal.wait(forPrompt: "In [2]:")
        terminal.type(":lesson \(lesson.path)\r")
        try terminal.wait(forText: "── cell 1 of 1 ── Enter runs it")
        terminal.type("\r")
        try terminal.wait(forText: "tensor([2., 4.])")
        // Enter in a lesson takes no number.
        try terminal.wait(forPrompt: "In [3]:")

        // :edit fills the next prompt with the cell just run, both lines; the change runs in the lesson's variables.
        terminal.type(":edit\r")
        try terminal.wait(forCursorLine: "x * 2")
        #expect(terminal.screen.allLines.contains("In [4]: x = tensor([1.0, 2.0])"))
        // Down on the last line, with no newer entry to go to, leaves the text alone.
        terminal.type("\u{1B}[B")
        terminal.settle(seconds: 0.3)
        #expect(terminal.screen.cursorLine == "x * 2")
        #expect(terminal.screen.allLines.contains("In [4]: x = tensor([1.0, 2.0])"))
        terminal.type("\u{7F}3\r")
        try terminal.wait(forText: "Out[4]: tensor([3., 6.])")
        try terminal.wait(forPrompt: "In [5]:")

        // The lesson's cell and the edited one are each one history entry.
        terminal.type("\u{1B}[A")
        try terminal.wait(forCursorLine: "x * 3")
        terminal.type("\u{3}")
        try terminal.wait(forPrompt: "In [5]:")
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
        let saved = try #require(HistoryStore(url: session.historyFile))
        #expect(saved.entries == [":edit", ":lesson \(lesson.path)", "x = tensor([1.0, 2.0])\nx * 2", ":edit",
                                  "x = tensor([1.0, 2.0])\nx * 3"])
    }

    @Test func ctrlDWhileACellRunsDoesNotReachTheNextLine() throws {
        let session = try Session()
        let terminal = session.terminal
        terminal.type("for i in range(3000000): pass\r")
        terminal.settle(seconds: 0.3)
        // Typed ahead while the cell runs: Ctrl-D, then the next line.
        terminal.type("\u{4}")
        terminal.type("6 * 7\r")
        try terminal.wait(forText: "Out[2]: 42", timeout: 60)
        #expect(!terminal.screen.text.contains("SyntaxError"), "\(terminal.screen.text)")
        try terminal.wait(forPrompt: "In [3]:")
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }
}

extension PseudoTerminal {
    /// Waits for a continuation prompt (`   ...:`) with `spaces` spaces already typed after it.
    func wait(forContinuationIndentedBy spaces: Int, timeout: Double = 20) throws {
        try wait(for: "a continuation prompt indented by \(spaces)", timeout: timeout) {
            $0.cursorLine == "   ...:" && $0.column == "   ...: ".count + spaces
        }
        settle(seconds: 0.2)
    }
}

extension ScreenModel {
    /// `count` lines of the scrollback and screen from the first that reads `first`; none when no line does.
    func lines(from first: String, count: Int) -> [String] {
        let all = allLines
        guard let start = all.firstIndex(of: first) else { return [] }
        return Array(all[start...].prefix(count))
    }
}
