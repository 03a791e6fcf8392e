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

        // A def continues with ...: prompts until a blank line.
        terminal.type("def twice(a):\r")
        try terminal.wait(forPrompt: "   ...:")
        terminal.type("    return 2 * a\r")
        try terminal.wait(forPrompt: "   ...:")
        terminal.type("\r")
        try terminal.wait(forPrompt: "In [6]:")
        terminal.type("twice(21)\r")
        try terminal.wait(forText: "Out[6]: 42")

        try terminal.wait(forPrompt: "In [7]:")
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
        let screen = terminal.screen.allLines
        #expect(screen.contains("In [5]: def twice(a):"))
        #expect(screen.contains("   ...:     return 2 * a"))
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
        try terminal.wait(forText: "shape    sigmoid  softmax  sqrt     std      sum")
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
}
