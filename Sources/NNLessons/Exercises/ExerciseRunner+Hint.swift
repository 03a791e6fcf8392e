import Foundation

extension ExerciseRunner {
    /// `nnlearn hint <id>`: the next hint not yet shown; says so when none are left.
    public func hint(_ id: String) -> CommandResult {
        reportNotice()
        guard let exercise = lookUp(id) else { return .failed }
        let all = exercise.hints
        guard !all.isEmpty else {
            write("\(id) has no hints. Its checks say what they test: run `nnlearn grade \(id)`.\n")
            return .succeeded
        }
        let seen = hints.count(for: id)
        guard seen < all.count else {
            write("No more hints for \(id): you have seen all \(all.count). Once you pass it, `nnlearn solution \(id)` shows the course's answer.\n")
            return .succeeded
        }
        write("Hint \(seen + 1) of \(all.count) for \(id): \(all[seen])\n")
        do {
            try hints.recordShown(id)
        } catch {
            writeError("nnlearn: cannot remember the hints shown: \(error.localizedDescription)\n")
        }
        return .succeeded
    }
}
