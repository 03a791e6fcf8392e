import Foundation
import NNLessons
import NNScript
import NNTerminal

/// A lesson opened in the REPL: its cells run in the session's interpreter, so
/// the learner's own code between cells sees the lesson's variables.
extension ReplSession {
    /// Opens a lesson found by id, number or file, resuming where the learner left off.
    public func openLesson(_ query: String, restart: Bool = false, catalog: LessonCatalog = LessonCatalog(directory: LessonCatalog.defaultDirectory()),
                    progress: ProgressStore = ProgressStore()) -> CommandOutcome {
        let found: (lesson: Lesson, url: URL)
        do { found = try catalog.find(query) } catch { return fail(error.description) }
        if let notice = progress.takeNotice() { console.error("nnlearn: \(notice)") }
        // A fresh namespace with default settings: nothing from earlier lessons or cells leaks in.
        let session = LessonSession(lesson: found.lesson, folder: found.url.deletingLastPathComponent(), progress: progress) { [unowned self] in
            makeInterpreter(folder: $0)
        }
        lesson = session
        interpreter = session.interpreter
        console.line(lessonPrinter.header("\(found.lesson.title) — \(found.lesson.cellsSummary)"))
        present(restart ? session.next() : session.resume())
        console.line(lessonPrinter.colour.paint("Enter runs the cell or shows the next · :edit changes it · :cells :back :goto n :where · type your own code any time", [.dim]))
        return .success
    }

    /// Runs one step of the open lesson and shows what it produced, streaming cell output as it comes.
    func lessonStep(_ step: (LessonSession) -> [LessonEvent]) -> CommandOutcome {
        guard let session = lesson else { return fail("no lesson is open: :lesson ID opens one (:lesson lists them)") }
        Interruption.clear()
        let events = step(session)
        console.endProgress()
        // The lesson may have started a fresh interpreter (:rerun); the REPL follows it.
        if session.interpreter !== interpreter { interpreter = session.interpreter }
        // A cell the learner ran is one entry in the history, so Up brings it back whole to change.
        for case let .output(cell?, _, _) in events where cell >= 1 && cell <= session.cellCount {
            history?.add(session.lesson.cells[cell - 1].source)
        }
        present(events, streamed: true)
        return events.contains { if case .output(_, _, .some) = $0 { return true } else { return false } } ? .failure : .success
    }

    /// `:edit [N]`: puts a lesson cell's code in the line editor for the next entry.
    ///
    /// Without a number, the cell on screen: the one shown (run or not), or the last one once the lesson
    /// is finished. Without a line editor (input from a pipe) the code is printed to copy instead.
    func editLessonCell(_ argument: String?) -> CommandOutcome {
        guard let lesson else {
            return fail("no lesson is open: :lesson ID opens one (:lesson lists them), and :edit then puts its cell here to change")
        }
        let number: Int
        if let argument {
            guard let chosen = Int(argument), chosen >= 1, chosen <= lesson.cellCount else {
                return fail(":edit takes a cell number from 1 to \(lesson.cellCount), such as :edit \(max(1, min(lesson.position, lesson.cellCount)))")
            }
            number = chosen
        } else {
            guard lesson.position >= 1 else { return fail("no cell is shown yet: press Enter to see the first one, then :edit") }
            number = min(lesson.position, lesson.cellCount)
        }
        let source = lesson.lesson.cells[number - 1].source
        let colour = console.colour
        guard hasLineEditor else {
            console.out(colour.paint("── cell \(number) of \(lesson.cellCount), to copy and change (no line editor: input is not a terminal)", [.dim]) + "\n")
            console.out(source + "\n")
            return .success
        }
        pendingEditorText = source
        console.out(colour.paint("── cell \(number) of \(lesson.cellCount) to change · Enter on its last line runs it · Esc Enter adds a line · Ctrl-C drops it", [.dim]) + "\n")
        return .success
    }

    /// Writes lesson events; output already streamed live is not written twice, except a cell's error.
    func present(_ events: [LessonEvent], streamed: Bool = false) {
        for event in events {
            if streamed, case let .output(cell, _, error) = event {
                if let error { console.error(error) }
                console.out(NotebookPrinter.gap(afterOutputOf: cell))
                continue
            }
            if case let .cell(number, count, source, _) = event {
                console.out(cellText(number: number, of: count, source: source))
                continue
            }
            console.out(lessonPrinter.text(for: event))
        }
    }

    /// A lesson cell as the REPL shows it: a rule naming the cell, then its code indented.
    func cellText(number: Int, of count: Int, source: String) -> String {
        let colour = console.colour
        let rule = colour.paint("── cell \(number) of \(count) ── Enter runs it", [.dim])
        let code = source.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return rule + "\n" + colour.paint(code, [.cyan]) + "\n"
    }

    /// Renders prose as Markdown for the terminal, in colour when the console has it.
    var lessonPrinter: NotebookPrinter {
        NotebookPrinter(colour: console.colour, prose: .terminal(colour: console.colour, width: min(TerminalSize.columns(), 100)))
    }
}

extension Lesson {
    /// "18 cells" for the opening line.
    var cellsSummary: String { "\(cells.count) cell\(cells.count == 1 ? "" : "s")" }
}
