import ArgumentParser
import Foundation
import NNScript
import NNLessons
import NNRepl
import NNTerminal

/// `nnlearn lesson <id | number | file>`: steps through a lesson, cell by cell.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Take a lesson: read the prose, run each cell, try your own code in between.",
        discussion: """
            Enter runs the shown cell, or shows the next one. Commands: :next, :back, :run, :rerun, \
            :goto n, :edit [n] (the cell in the line editor, to change and run), :cells, :where, :help, :quit. A lesson started earlier resumes after the last cell \
            you ran. Works with piped input (no prompts are drawn then).
            """
    )

    @ArgumentParser.Argument(help: "A lesson id or file name (00-tour), number (0) or Markdown file.", completion: Completions.lessons)
    var lesson: String

    @Flag(help: "Start from the first cell even if you took part of the lesson before.")
    var restart = false

    @OptionGroup var memory: MemoryLimitOption
    @OptionGroup var graphics: GraphicsOption

    func run() throws {
        memory.apply()
        graphics.apply()
        let environment = ProcessInfo.processInfo.environment
        // A lesson named by its file needs no catalog; an id or a number does.
        if !(lesson.hasSuffix(".md") || lesson.contains("/")) { try requireLessons() }
        let catalog = LessonCatalog(directory: LessonCatalog.defaultDirectory(environment: environment))
        let found: (lesson: Lesson, url: URL)
        do { found = try catalog.find(lesson) } catch {
            StandardStream.write(error.description + "\n", to: 2)
            throw ExitCode(1)
        }
        // The lesson opens in the REPL: on a terminal with line editing, completion and Ctrl-C;
        // behind a pipe, each input line as if typed at the prompt.
        let query = found.url.path, restart = self.restart
        let status = ReplMain.run(banner: "nnlearn \(NNLearn.configuration.version): Enter steps through the lesson, :help for commands, Ctrl-D to quit.") { session in
            _ = session.openLesson(query, restart: restart)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
