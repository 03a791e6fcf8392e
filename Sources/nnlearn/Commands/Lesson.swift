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
            :goto n, :cells, :where, :help, :quit. A lesson started earlier resumes after the last cell \
            you ran. Works with piped input (no prompts are drawn then).
            """
    )

    @ArgumentParser.Argument(help: "A lesson id (tour), number (0) or Markdown file.", completion: Completions.lessons)
    var lesson: String

    @Flag(help: "Start from the first cell even if you took part of the lesson before.")
    var restart = false

    @OptionGroup var memory: MemoryLimitOption

    func run() throws {
        memory.apply()
        let environment = ProcessInfo.processInfo.environment
        // A lesson named by its file needs no catalog; an id or a number does.
        if !(lesson.hasSuffix(".md") || lesson.contains("/")) { try requireLessons() }
        let catalog = LessonCatalog(directory: LessonCatalog.defaultDirectory(environment: environment))
        let found: (lesson: Lesson, url: URL)
        do { found = try catalog.find(lesson) } catch {
            StandardStream.write(error.description + "\n", to: 2)
            throw ExitCode(1)
        }
        // On a terminal, the lesson opens in the full REPL (line editing, completion, Ctrl-C).
        if isatty(0) == 1 {
            let query = lesson, restart = self.restart
            let status = ReplMain.run(banner: "nnlearn \(NNLearn.configuration.version): Enter steps through the lesson, :help for commands, Ctrl-D to quit.") { session in
                _ = session.openLesson(query, restart: restart)
            }
            if status != 0 { throw ExitCode(status) }
            return
        }
        let progress = ProgressStore(directory: StateDirectory.url(environment: environment))
        if let notice = progress.takeNotice() {
            StandardStream.write("nnlearn: \(notice)\n", to: 2)
        }
        let session = LessonSession(lesson: found.lesson, folder: found.url.deletingLastPathComponent(), progress: progress)
        let loop = LessonLoop(
            session: session,
            printer: NotebookPrinter(colour: ColourPolicy.detect(environment: environment), prose: .terminal(colour: ColourPolicy.detect(environment: environment))),
            showsPrompts: isatty(0) == 1,
            readLine: { Swift.readLine(strippingNewline: true) },
            write: { text in
                StandardStream.write(text, to: 1)
            }
        )
        loop.run(restart: restart)
    }
}
