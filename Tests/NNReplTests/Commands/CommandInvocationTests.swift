import Foundation
import NNRepl
import Testing

@Suite struct CommandInvocationTests {
    @Test func splitsNameAndArguments() {
        #expect(CommandInvocation(parsing: ":precision 3") == CommandInvocation(name: "precision", arguments: "3"))
        #expect(CommandInvocation(parsing: "  :time   matmul(A, B)  ") == CommandInvocation(name: "time", arguments: "matmul(A, B)"))
        #expect(CommandInvocation(parsing: ":vars") == CommandInvocation(name: "vars", arguments: ""))
        #expect(CommandInvocation(parsing: ":") == CommandInvocation(name: "", arguments: ""))
        #expect(CommandInvocation(parsing: "x = 1") == nil)
    }

    @Test func splitsArgumentsIntoWords() {
        #expect(CommandInvocation(parsing: ":trace  on ")?.words == ["on"])
        #expect(CommandInvocation(parsing: ":goto 3 4")?.words == ["3", "4"])
        #expect(CommandInvocation(parsing: ":where")?.words == [])
    }

    @Test func registeringANameAgainReplacesTheCommand() {
        var registry = StandardCommands.registry()
        let before = registry.commands.map(\.name)
        registry.register(ReplCommand(name: "lesson", usage: ":lesson ID", summary: "open a lesson") { _, session in
            session.console.line("opened")
            return .success
        })
        #expect(registry.commands.map(\.name) == before)
        #expect(registry.command(named: "lesson")?.isListed == true)
        #expect(registry.command(named: "q")?.name == "quit")
        #expect(registry.suggestion(for: "vras") == "vars")
        #expect(registry.suggestion(for: "precis") == "precision")
        #expect(registry.suggestion(for: "zzzz") == nil)
    }
}

/// The one list of commands: `:help`, completion and the README are drawn from (or checked against) the registry.
@Suite struct CommandListTests {
    @Test func theReadmeNamesEveryCommandAndHelpListsEachOnce() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let registry = StandardCommands.registry()
        for command in registry.commands {
            #expect(readme.contains("`:\(command.name)"), "README does not mention :\(command.name)")
        }
        let (console, captured) = ReplConsole.capturing()
        let session = ReplSession(console: console)
        #expect(session.runCommand(":help") == .success)
        for command in registry.commands {
            let lines = captured.output.split(separator: "\n").filter { $0.drop { $0 == " " }.hasPrefix(command.usage + " ") }
            #expect(lines.count == 1, ":help lists \(command.usage) \(lines.count) times")
        }
    }
}
