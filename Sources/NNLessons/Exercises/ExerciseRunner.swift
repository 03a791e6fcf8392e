import Foundation
import NNScript
import NNTerminal

/// The exercise commands (`exercises`, `start`, `grade`, `hint`, `solution`) without a process.
///
/// Output goes through `write` and `writeError`, and each command returns its
/// exit status, so the commands are tested as functions; the `nnlearn`
/// executable only parses arguments and wires these to the real streams.
public struct ExerciseRunner {
    public var catalog: ExerciseCatalog
    public var progress: ProgressStore
    public var hints: HintStore
    public var workspace: ExerciseWorkspace
    public var grader: Grader
    public var printer: GradePrinter
    /// Standard output.
    public var write: (String) -> Void
    /// Standard error: unknown ids, missing files, lesson diagnostics.
    public var writeError: (String) -> Void

    public init(catalog: ExerciseCatalog, progress: ProgressStore, hints: HintStore, workspace: ExerciseWorkspace,
                grader: Grader = Grader(), printer: GradePrinter = GradePrinter(),
                write: @escaping (String) -> Void, writeError: @escaping (String) -> Void) {
        self.catalog = catalog
        self.progress = progress
        self.hints = hints
        self.workspace = workspace
        self.grader = grader
        self.printer = printer
        self.write = write
        self.writeError = writeError
    }

    /// The runner for this process: the course's lessons, the state directory, the workspace.
    public static func standard(workspace option: String?, seed: Int? = nil,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> ExerciseRunner {
        let catalog = ExerciseCatalog.standard(environment: environment)
        let state = StateDirectory.url(environment: environment)
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return ExerciseRunner(
            catalog: catalog, progress: ProgressStore(directory: state), hints: HintStore(directory: state),
            workspace: ExerciseWorkspace.resolve(option, environment: environment, currentDirectory: current),
            grader: Grader(options: GradingOptions(seed: seed, folder: catalog.directory)),
            printer: GradePrinter(colour: ColourPolicy.detect(environment: environment)),
            write: { StandardStream.write($0, to: 1) },
            writeError: { StandardStream.write($0, to: 2) })
    }

    /// Reports a corrupt progress file once, before a command's own output.
    func reportNotice() {
        if let notice = progress.takeNotice() { writeError("nnlearn: \(notice)\n") }
    }

    /// The exercise named `id`, or nil after saying which id was meant.
    func lookUp(_ id: String) -> Exercise? {
        do {
            return try catalog.exercise(id)
        } catch {
            writeError("nnlearn: \(error.description)\n")
            return nil
        }
    }

    /// Records an attempt, reporting (not failing on) a progress file that cannot be written.
    func record(_ id: String, passed: Bool) {
        do {
            try progress.recordAttempt(exercise: id, passed: passed)
        } catch {
            writeError("nnlearn: cannot save progress: \(error.localizedDescription)\n")
        }
    }

    /// Where the learner stands on an exercise: not started, failing, or passed.
    public func status(of id: String) -> String {
        guard let entry = progress.progress.exercises[id] else { return "not started" }
        return entry.passed ? "passed" : "failing"
    }

    /// `nnlearn exercises`: every exercise with its lesson and status; lesson diagnostics on standard error.
    public func list() -> CommandResult {
        reportNotice()
        for diagnostic in catalog.diagnostics { writeError(diagnostic.description + "\n") }
        guard !catalog.exercises.isEmpty else {
            write("No exercises yet in \(catalog.directory.path).\n")
            return catalog.diagnostics.isEmpty ? .succeeded : .failed
        }
        let rows = catalog.exercises.map { exercise -> [String] in
            let attempts = progress.progress.exercises[exercise.id]?.attempts ?? 0
            return [exercise.id, exercise.lessonID, exercise.title, status(of: exercise.id), attempts == 0 ? "" : String(attempts)]
        }
        var table = Table(headers: ["id", "lesson", "title", "status", "attempts"], rows: rows,
                          alignments: [nil, nil, nil, nil, .right]).render(colour: printer.colour)
        if !table.hasSuffix("\n") { table += "\n" }
        write(table)
        return .succeeded
    }
}
