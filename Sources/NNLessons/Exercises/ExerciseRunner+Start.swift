import Foundation
import NNScript

extension ExerciseRunner {
    /// `nnlearn start <id>`: writes the scaffold into the workspace (never over existing work),
    /// then shows the statement and the file's path.
    public func start(_ id: String) -> CommandResult {
        reportNotice()
        guard let exercise = lookUp(id) else { return .failed }
        let url = workspace.file(for: id)
        let shown = workspace.shownPath(for: id)
        write(statement(of: exercise))
        if FileManager.default.fileExists(atPath: url.path) {
            write("\(shown) already exists: your work there is kept, not overwritten.\n")
        } else {
            do {
                try AtomicFile.write(Data(Self.starterFile(for: exercise).utf8), to: url)
            } catch {
                writeError("nnlearn: cannot write \(shown): \(error.localizedDescription)\n")
                return .failed
            }
            write("Wrote the scaffold to \(shown).\n")
        }
        write("Edit \(shown), then run: nnlearn grade \(id)\n")
        return .succeeded
    }

    /// The exercise as `start` shows it: title, lesson, statement.
    public func statement(of exercise: Exercise) -> String {
        ExerciseText.statement(of: exercise, colour: printer.colour)
    }

    /// What `start` writes: a comment naming the exercise, then the scaffold.
    static func starterFile(for exercise: Exercise) -> String {
        "# \(exercise.title) — lesson \(exercise.lessonID). Check your work with: nnlearn grade \(exercise.id)\n\n"
            + exercise.scaffold + "\n"
    }
}
