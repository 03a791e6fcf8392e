import Foundation
import NNLessons
import NNScript

/// `:exercise ID` and `:grade [ID]`: exercises inside the REPL.
///
/// `:exercise` shows the statement and scaffold; the learner defines the
/// function in the session; `:grade` collects the session's `def`s
/// (``SessionDefinitions``) and grades them in a fresh interpreter, so
/// nothing else from the session can make a check pass. Attempts are
/// recorded in the progress file, as `nnlearn grade` records them.
public enum ExerciseCommands {
    /// The two commands, reading lessons from `lessons` and keeping progress in `state`.
    public static func commands(lessons: URL = LessonCatalog.defaultDirectory(), state: URL = StateDirectory.url(),
                                seed: Int? = nil) -> [ReplCommand] {
        let current = CurrentExercise()
        let exercise = ReplCommand(
            name: "exercise", usage: ":exercise ID", summary: "show an exercise: its statement and scaffold",
            details: "Define the function in the session (edit the scaffold), then :grade ID checks it.",
            argumentCompletion: .exerciseIDs
        ) { invocation, session in
            guard let found = lookUp(invocation.arguments, lessons: lessons, session: session) else { return .failure }
            current.id = found.id
            show(found, in: session)
            return .success
        }
        let grade = ReplCommand(
            name: "grade", usage: ":grade [ID]", summary: "grade the function you defined for an exercise",
            details: "Runs the exercise's checks on this session's function definitions, in a fresh interpreter. Without ID, grades the last :exercise.",
            argumentCompletion: .exerciseIDs
        ) { invocation, session in
            let id = invocation.arguments.isEmpty ? current.id ?? "" : invocation.arguments
            guard !id.isEmpty else { return session.fail("usage: :grade ID (or open one with :exercise ID first)") }
            guard let found = lookUp(id, lessons: lessons, session: session) else { return .failure }
            current.id = found.id
            return gradeSession(found, in: session, lessons: lessons, state: state, seed: seed)
        }
        return [exercise, grade]
    }

    private static func lookUp(_ id: String, lessons: URL, session: ReplSession) -> Exercise? {
        guard !id.isEmpty else {
            _ = session.fail("usage: :exercise ID (Tab lists the ids)")
            return nil
        }
        do {
            return try ExerciseCatalog(lessons: LessonCatalog(directory: lessons)).exercise(id)
        } catch {
            _ = session.fail(error.description)
            return nil
        }
    }

    private static func show(_ exercise: Exercise, in session: ReplSession) {
        var text = ExerciseText.statement(of: exercise, colour: session.console.colour)
        text += exercise.scaffold + "\n\nDefine it here, then :grade \(exercise.id)\n"
        session.console.out(text)
    }

    private static func gradeSession(_ exercise: Exercise, in session: ReplSession, lessons: URL, state: URL, seed: Int?) -> CommandOutcome {
        let source = SessionDefinitions.source(from: session.cells.map(\.source))
        let grader = Grader(options: GradingOptions(seed: seed, folder: lessons))
        let report = grader.grade(exercise, source: source, file: "session")
        let printer = GradePrinter(colour: session.console.colour)
        session.console.out(printer.header(exercise, file: "this session's definitions"))
        session.console.out(printer.report(report))
        defer { session.console.out(printer.summary(passed: report.passedCount, failed: report.failedCount)) }
        if !report.interrupted {
            let progress = ProgressStore(directory: state)
            if let notice = progress.takeNotice() { session.console.error("nnlearn: \(notice)") }
            do {
                try progress.recordAttempt(exercise: exercise.id, passed: report.passed)
            } catch {
                session.console.error("cannot save progress: \(error.localizedDescription)")
            }
            if report.passed {
                let passed = Set(progress.progress.exercises.filter(\.value.passed).keys).union([exercise.id])
                let catalog = ExerciseCatalog(lessons: LessonCatalog(directory: lessons))
                session.console.out(ExerciseText.afterPass(exercise, catalog: catalog, passed: passed) { ":exercise \($0)" })
            }
        }
        return report.passed ? .success : .failure
    }
}

/// The exercise ids of the course's lessons, for Tab after `:exercise` and `:grade`.
public struct ExerciseIDs: IdentifierSource {
    public var lessons: URL

    public init(lessons: URL = LessonCatalog.defaultDirectory()) {
        self.lessons = lessons
    }

    public func identifiers() -> [String] {
        ExerciseCatalog(lessons: LessonCatalog(directory: lessons)).ids
    }
}

/// The exercise `:grade` grades when no id is given: the last one shown or graded.
private final class CurrentExercise: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?

    var id: String? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
