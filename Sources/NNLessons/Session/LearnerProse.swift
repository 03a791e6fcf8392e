/// Lesson prose as a learner stepping through the lesson sees it: exercises point to `:exercise ID`.
///
/// An ```` ```exercise ID ```` block becomes one line saying how to start the
/// exercise (its statement is the prose above it, which stays); ```` ```check ````
/// blocks disappear, since showing them would hand out the checks and their hints.
enum LearnerProse {
    /// `markdown` with exercise blocks replaced by how to start them and check blocks removed.
    static func render(_ markdown: String) -> String {
        var lines: [String] = []
        var open: Fence?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let fence = open {
                if fence.isClosed(by: line) { open = nil }
                continue
            }
            guard let fence = Fence.opening(line), let kind = ExerciseBlock.Kind(rawValue: fence.language) else {
                lines.append(line)
                continue
            }
            open = fence
            if kind == .exercise {
                let id = fence.info.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                lines.append("Start it with `:exercise \(id)` (or `nnlearn start \(id)`); `:grade \(id)` checks your answer.")
            }
        }
        // Removed blocks leave runs of blank lines behind: keep one.
        var result: [String] = []
        for line in lines where !(line.isEmpty && result.last?.isEmpty == true) { result.append(line) }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }
}
