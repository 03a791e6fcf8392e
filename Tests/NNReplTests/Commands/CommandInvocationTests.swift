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
