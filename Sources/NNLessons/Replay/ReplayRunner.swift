import Foundation
import NNScript

/// `nnlearn replay`: replays lesson files, prints a notebook or only failures, or records outputs.
///
/// Output goes through the `write` and `writeError` sinks so the whole
/// command can be tested without a process; `run` returns the exit status.
public struct ReplayRunner {
    /// What to do with the lessons.
    public enum Mode: Sendable, Equatable {
        /// Print each lesson as a notebook, marking failures, then the summary line.
        case notebook
        /// Print only failures and the summary line.
        case quiet
        /// Rewrite output blocks to hold the actual outputs.
        case update
    }

    /// Seconds a cell may run when the user names no limit: lessons are meant to run in
    /// seconds (the slowest takes about 10 in a debug build), so a cell this slow is stuck.
    public static let defaultTimeLimit: TimeInterval = 60

    public var mode: Mode
    public var printer: NotebookPrinter
    /// Seconds each cell may run before it is stopped and fails (nil: no limit).
    public var timeLimit: TimeInterval?
    /// Standard output.
    public var write: (String) -> Void
    /// Standard error: malformed lessons and files that could not be written.
    public var writeError: (String) -> Void

    public init(
        mode: Mode, printer: NotebookPrinter = NotebookPrinter(), timeLimit: TimeInterval? = ReplayRunner.defaultTimeLimit,
        write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) {
        self.mode = mode
        self.printer = printer
        self.timeLimit = timeLimit
        self.write = write
        self.writeError = writeError
    }

    /// Replays `files` (paths as the user gave them); returns 0 when every cell matched, else 1.
    ///
    /// A malformed file is reported and the others are still replayed. In
    /// update mode the status is 0 once every file is recorded; a lesson with
    /// a cell that ran out of time is left unchanged.
    public func run(files: [String]) -> CommandResult {
        var passed = 0
        var failed = 0
        var skipped = 0
        var broken = false
        var ranFiles = 0
        for file in files {
            if Interruption.pressed.isRequested { break }
            ranFiles += 1
            let url = URL(fileURLWithPath: file)
            let folder = url.deletingLastPathComponent()
            let source: String
            let lesson: Lesson
            do {
                // Read once: --update rewrites exactly the text that was parsed.
                source = try Self.lessonText(url, file: file, updating: mode == .update)
                lesson = try LessonParser.parse(source, file: file)
            } catch {
                writeError(error.description + "\n")
                broken = true
                continue
            }
            switch mode {
            case .update:
                if !update(lesson, source: source, url: url, file: file) { broken = true }
            case .quiet:
                let result = LessonReplay.run(lesson, folder: folder, timeLimit: timeLimit) { outcome in
                    if !outcome.passed { write(printer.failure(outcome, file: file) + "\n") }
                    if outcome.skipped { write(printer.skipped(outcome, file: file)) }
                }
                passed += result.passedCount
                failed += result.failedCount
                skipped += result.skippedCount
            case .notebook:
                write(printer.header(file) + "\n")
                let result = LessonReplay.run(lesson, folder: folder, timeLimit: timeLimit) { outcome in
                    write(printer.proseBlock(lesson.prose(before: outcome.cell.number)))
                    write(printer.cell(outcome, file: file))
                }
                write(printer.proseBlock(lesson.closingProse))
                passed += result.passedCount
                failed += result.failedCount
                skipped += result.skippedCount
            }
        }
        let interrupted = Interruption.pressed.isRequested
        if interrupted {
            writeError("replay interrupted: \(passed + failed) cells of \(ranFiles) of \(files.count) files ran\(mode == .update ? "; the interrupted lesson was left unchanged" : "")\n")
        }
        if mode != .update { write(printer.summary(passed: passed, failed: failed, skipped: skipped)) }
        return broken || failed > 0 || interrupted ? .failed : .succeeded
    }

    /// A lesson's Markdown: the file's text, or a notebook's (`.ipynb`) converted back to a lesson.
    static func lessonText(_ url: URL, file: String, updating: Bool) throws(LessonError) -> String {
        guard url.pathExtension == "ipynb" else { return try LessonParser.read(url, name: file) }
        if updating {
            throw LessonError(file: file, line: 0, message: "--update rewrites Markdown lessons only; convert the notebook with `nnlearn convert \(file) --to md` first")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LessonError(file: file, line: 0, message: "cannot read the notebook")
        }
        return try NotebookConversion.markdown(notebook: data, file: file)
    }

    /// Replays one lesson and writes its new outputs; false when the file could not be written.
    private func update(_ lesson: Lesson, source: String, url: URL, file: String) -> Bool {
        let result = LessonReplay.run(lesson, folder: url.deletingLastPathComponent(), timeLimit: timeLimit)
        // A lesson stopped by Ctrl-C has outputs for only some cells (and an interrupted one): keep the file.
        guard !Interruption.pressed.isRequested else { return false }
        // Output cut off by the clock differs from machine to machine: it is never recorded.
        let timedOut = result.outcomes.filter { $0.exceededTimeLimit != nil }
        guard timedOut.isEmpty else {
            for outcome in timedOut { writeError(printer.failure(outcome, file: file)) }
            writeError("\(file): left unchanged: outputs are recorded only when every cell finishes in time\n")
            return false
        }
        let (text, changed) = OutputUpdater.update(source, outcomes: result.outcomes)
        guard changed > 0 else {
            write("\(file): up to date (\(result.outcomes.count) cells)\n")
            return true
        }
        // Edited while it replayed (in an editor, say): the new outputs would drop those edits.
        guard FileManager.default.contents(atPath: url.path) == Data(source.utf8) else {
            writeError("\(file): left unchanged: the lesson changed on disk while it replayed; run replay --update again to record its outputs\n")
            return false
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: url)
        } catch {
            writeError("\(file): error: cannot write the lesson: \(error.localizedDescription)\n")
            return false
        }
        write("\(file): recorded \(changed) output block\(changed == 1 ? "" : "s") (\(result.outcomes.count) cells)\n")
        return true
    }
}
