import Foundation

extension ExerciseRunner {
    /// `nnlearn solution <id> [--confirm]`: the reference solution, once the exercise is passed or when confirmed.
    public func solution(_ id: String, confirm: Bool) -> CommandResult {
        reportNotice()
        guard let exercise = lookUp(id) else { return .failed }
        let passed = progress.progress.exercises[id]?.passed ?? false
        guard passed || confirm else {
            write("""
                You have not passed \(id) yet, so the solution stays hidden: working it out is what makes it stick.
                `nnlearn hint \(id)` gives a hint; `nnlearn solution \(id) --confirm` shows the solution anyway.

                """)
            return .failed
        }
        let url = catalog.solutionURL(for: exercise)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            writeError("nnlearn: \(exercise.solutionPath) is missing: this exercise has no reference solution yet\n")
            return .failed
        }
        var text = String(decoding: data, as: UTF8.self)
        if !text.hasSuffix("\n") { text += "\n" }
        write("# \(exercise.solutionPath)\n" + text)
        return .succeeded
    }
}
