import Foundation

extension ExerciseRunner {
    /// One exercise file graded: its report, or nil when the file was missing.
    struct Graded {
        var passed: Int
        var failed: Int
        var interrupted: Bool
    }

    /// `nnlearn grade [<id>...]`: grades the named exercises (every started one when none is named),
    /// prints each check and `N passed, N failed`; 1 when anything failed or could not be graded.
    public func grade(_ ids: [String]) -> CommandResult {
        gradeAll(ids).status
    }

    /// Grades as `grade` does; also tells whether Ctrl-C cut grading short.
    func gradeAll(_ ids: [String]) -> (status: CommandResult, interrupted: Bool) {
        reportNotice()
        let chosen = ids.isEmpty ? workspace.startedIDs(among: catalog.ids) : ids
        guard !chosen.isEmpty else {
            writeError("nnlearn: no exercise started in \(workspace.shownName): `nnlearn start <id>` begins one, `nnlearn exercises` lists them\n")
            return (.failed, false)
        }
        var passed = 0
        var failed = 0
        var problem = false
        var interrupted = false
        for id in chosen {
            guard let exercise = lookUp(id), let graded = gradeFile(of: exercise) else {
                problem = true
                continue
            }
            passed += graded.passed
            failed += graded.failed
            if graded.interrupted {
                interrupted = true
                break
            }
        }
        write(printer.summary(passed: passed, failed: failed))
        return (problem || failed > 0 || interrupted ? .failed : .succeeded, interrupted)
    }

    /// Grades the workspace file of one exercise, prints its results and records the attempt.
    func gradeFile(of exercise: Exercise) -> Graded? {
        let url = workspace.file(for: exercise.id)
        let shown = workspace.shownPath(for: exercise.id)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            writeError("nnlearn: \(shown) does not exist: run `nnlearn start \(exercise.id)` first\n")
            return nil
        }
        let report = grader.grade(exercise, source: String(decoding: data, as: UTF8.self), file: shown)
        write(printer.header(exercise, file: shown))
        write(printer.report(report))
        if !report.interrupted { record(exercise.id, passed: report.passed) }
        if report.passed {
            let passed = Set(progress.progress.exercises.filter(\.value.passed).keys).union([exercise.id])
            write(ExerciseText.afterPass(exercise, catalog: catalog, passed: passed) { "nnlearn start \($0)" })
        }
        return Graded(passed: report.passedCount, failed: report.failedCount, interrupted: report.interrupted)
    }
}
