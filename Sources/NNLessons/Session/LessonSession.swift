import Foundation
import NNScript

/// Steps a learner through a lesson: shows prose and cells, runs them on request, keeps state.
///
/// The session owns an interpreter in which lesson cells and the learner's
/// own code run together. Every method returns ``LessonEvent``s (or text)
/// for a front end to show; nothing here reads or writes the terminal, so
/// the `nnlearn lesson` loop and the REPL's `:lesson` commands share it.
public final class LessonSession {
    /// The lesson being taken.
    public let lesson: Lesson
    /// Where the lesson's relative file paths point.
    public let folder: URL
    /// The interpreter cells run in; replaced by ``rerun()``.
    public private(set) var interpreter: Interpreter
    /// Where runs are recorded, if anywhere.
    public let progress: ProgressStore?
    /// The current cell's number (1-based): the one shown last. 0 before the first, count + 1 after the last.
    public private(set) var position = 0
    /// Numbers of the cells that have run in this interpreter.
    public private(set) var ran: Set<Int> = []
    /// How many snippets of the learner's own code have run (they are named `input n` in errors).
    public private(set) var inputCount = 0
    /// Makes the fresh interpreters the lesson runs in (at the start and for ``rerun()``), given the lesson's folder.
    private let makeInterpreter: (URL) -> Interpreter
    private var reportedSaveFailure = false

    /// A session at the start of `lesson`, in a fresh interpreter at seed 0 made by `makeInterpreter`
    /// (by default one whose output only the cells capture, as in replay).
    public init(lesson: Lesson, folder: URL, progress: ProgressStore? = nil,
                makeInterpreter: @escaping (URL) -> Interpreter = { LessonReplay.makeInterpreter(folder: $0) }) {
        self.lesson = lesson
        self.folder = folder
        self.makeInterpreter = makeInterpreter
        interpreter = makeInterpreter(folder)
        self.progress = progress
    }

    /// How many code cells the lesson has.
    public var cellCount: Int { lesson.cells.count }

    /// Whether the current cell is shown but has not run yet.
    public var currentCellIsPending: Bool {
        position >= 1 && position <= cellCount && !ran.contains(position)
    }

    // MARK: Moving

    /// Shows the prose up to the next code cell, then that cell (not run); at the end, closing prose and `.finished`.
    public func next() -> [LessonEvent] {
        if position > cellCount {
            return [.notice("The lesson is finished: :back or :goto n revisits a cell.")]
        }
        guard position < cellCount else {
            position = cellCount + 1
            let closing = LearnerProse.render(lesson.closingProse)
            return (closing.isEmpty ? [] : [.prose(closing)]) + [.finished]
        }
        position += 1
        return show(position)
    }

    /// Shows the previous cell again, with its prose; variables are not rolled back.
    public func back() -> [LessonEvent] {
        guard cellCount > 0 else { return [.notice("This lesson has no code cells.")] }
        guard position > 1 else {
            position = 1
            return [.notice("This is the first cell.")] + show(1)
        }
        position = min(position - 1, cellCount)
        return show(position)
    }

    /// Moves to cell `number`, first running (silently) any earlier cells that have not run.
    public func goto(_ number: Int) -> [LessonEvent] {
        guard number >= 1 && number <= cellCount else {
            return [.notice("There is no cell \(number): this lesson has cells 1–\(cellCount).")]
        }
        let events = catchUp(before: number)
        position = number
        return events + show(number)
    }

    /// Enter: runs the current cell when it has not run yet, else shows the next one.
    public func advance() -> [LessonEvent] {
        currentCellIsPending ? run() : next()
    }

    // MARK: Running

    /// Runs the current cell (again, if it has run) and records the learner's progress.
    ///
    /// The interpreter's host sees output as it is produced; the returned
    /// `.output` event repeats it.
    public func run() -> [LessonEvent] {
        guard position >= 1 else { return [.notice("No cell is shown yet: press Enter (or :next) to see the first one.")] }
        guard position <= cellCount else { return [.notice("The lesson is finished: :back or :goto n revisits a cell.")] }
        let cell = lesson.cells[position - 1]
        let result = interpreter.runCell(cell.source, file: LessonReplay.errorFileName(cell: cell.number))
        ran.insert(cell.number)
        var events: [LessonEvent] = [.output(cell: cell.number, text: LessonReplay.normalise(result.output), error: result.renderedError)]
        events += record(cell.number)
        return events
    }

    /// Starts afresh: a new interpreter, cells before the current one run silently, then the current one.
    ///
    /// For when experiments have muddled the variables; the learner's own code is not replayed.
    public func rerun() -> [LessonEvent] {
        guard position >= 1 && position <= cellCount else { return run() }
        interpreter = makeInterpreter(folder)
        ran = []
        let earlier = position > 1 ? "; \(Self.cellRange(1, position - 1)) ran again silently" : ""
        return [.notice("Started afresh at seed 0\(earlier).")] + catchUp(before: position, quietly: true) + run()
    }

    /// Runs the learner's own code in the lesson's interpreter; errors name it `input n`.
    public func runOwnCode(_ source: String) -> [LessonEvent] {
        inputCount += 1
        let result = interpreter.runCell(source, file: "input \(inputCount)")
        return [.output(cell: nil, text: LessonReplay.normalise(result.output), error: result.renderedError)]
    }

    /// Continues where the learner left off: after the last cell they ran, rebuilding the state silently.
    ///
    /// A lesson not started, or already done, starts at the top.
    public func resume() -> [LessonEvent] {
        guard let entry = progress?.progress.lessons[lesson.id], entry.completed == nil,
              entry.lastCell >= 1, entry.lastCell < cellCount else { return next() }
        return resume(after: entry.lastCell)
    }

    /// Runs cells 1…`cell` silently, then shows cell `cell + 1`.
    public func resume(after cell: Int) -> [LessonEvent] {
        let last = min(max(cell, 0), cellCount)
        guard last >= 1 else { return next() }
        let note = LessonEvent.notice(
            "Resuming after cell \(last) of \(cellCount): \(Self.cellRange(1, last)) ran again silently to rebuild their variables.")
        let events = catchUp(before: last + 1, quietly: true)
        position = last
        return [note] + events + next()
    }

    // MARK: Looking around

    /// An outline of the cells: ▸ marks the current one, ✓ those that have run, then each cell's first line.
    public func cells() -> String {
        let width = String(cellCount).count
        return lesson.cells.map { cell in
            let lines = LineDiff.lines(cell.source)
            let first = (lines.first ?? "") + (lines.count > 1 ? " …" : "")
            let number = String(repeating: " ", count: width - String(cell.number).count) + String(cell.number)
            let marks = (cell.number == position ? "▸" : " ") + (ran.contains(cell.number) ? "✓" : " ")
            return "\(marks) \(number)  \(first)"
        }.joined(separator: "\n")
    }

    /// Where the learner is: the lesson, the current cell and its line, and how many cells have run.
    public func `where`() -> String {
        let name = "\(lesson.title) (\(lesson.id))"
        let done = "\(ran.count) of \(cellCount) cells run"
        if position < 1 { return "\(name): not started; press Enter for the first cell." }
        if position > cellCount { return "\(name): finished; \(done)." }
        let cell = lesson.cells[position - 1]
        return "\(name): cell \(position) of \(cellCount), \(lesson.file):\(cell.line); \(done)."
    }

    // MARK: Helpers

    private func show(_ number: Int) -> [LessonEvent] {
        let cell = lesson.cells[number - 1]
        let prose = LearnerProse.render(lesson.prose(before: number))
        return (prose.isEmpty ? [] : [.prose(prose)]) + [.cell(number: number, of: cellCount, source: cell.source, line: cell.line)]
    }

    /// Runs the cells before `number` that have not run, without showing their output.
    ///
    /// A cell whose output differs from the recorded one is mentioned, since
    /// later cells may then not behave as the lesson says.
    private func catchUp(before number: Int, quietly: Bool = false) -> [LessonEvent] {
        let missing = (1..<max(1, number)).filter { !ran.contains($0) }
        var events: [LessonEvent] = []
        for cellNumber in missing {
            let cell = lesson.cells[cellNumber - 1]
            let result = interpreter.muted { interpreter.runCell(cell.source, file: LessonReplay.errorFileName(cell: cell.number)) }
            ran.insert(cellNumber)
            if LessonReplay.normalise(result.output) != cell.expectedOutput {
                events.append(.notice("Cell \(cellNumber) printed something other than the lesson records; later cells may differ too."))
            }
        }
        if !quietly, let first = missing.first, let last = missing.last {
            events.insert(.notice("Ran \(Self.cellRange(first, last)) first, silently, so their variables exist."), at: 0)
        }
        return events
    }

    /// `cell 3` or `cells 1–4`.
    private static func cellRange(_ first: Int, _ last: Int) -> String {
        first == last ? "cell \(first)" : "cells \(first)–\(last)"
    }

    /// Saves progress; a failure to save is mentioned once, never fatal.
    private func record(_ number: Int) -> [LessonEvent] {
        guard let progress else { return [] }
        let furthest = max(number, progress.progress.lessons[lesson.id]?.lastCell ?? 0)
        do {
            try progress.recordCell(furthest, of: cellCount, lesson: lesson.id)
            return []
        } catch {
            guard !reportedSaveFailure else { return [] }
            reportedSaveFailure = true
            return [.notice("Progress could not be saved: \(error.localizedDescription)")]
        }
    }
}
