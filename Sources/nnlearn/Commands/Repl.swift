import ArgumentParser
import NNRepl

/// `nnlearn repl` (and `nnlearn` alone): the interactive session.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Start the interactive session (the default command).",
        discussion: """
            Type code to run it; results show as Out[n]. :help lists the commands, Tab completes, \
            Ctrl-C stops a running cell, Ctrl-D quits. When standard input is not a terminal, \
            the input runs as with `nnlearn run -`.
            """
    )

    @OptionGroup var memory: MemoryLimitOption
    @OptionGroup var graphics: GraphicsOption

    func run() throws {
        memory.apply()
        graphics.apply()
        let banner = "nnlearn \(NNLearn.configuration.version): type code to run it, :help for commands, Ctrl-D to quit."
        let status = ReplMain.run(banner: banner)
        if status != 0 { throw ExitCode(status) }
    }
}
