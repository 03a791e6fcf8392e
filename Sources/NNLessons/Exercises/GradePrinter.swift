import NNScript
import NNTerminal

/// Writes grading results for a terminal: ✓/✗ per check, expected vs got, hints, and the summary line.
public struct GradePrinter: Sendable {
    public var colour: ColourPolicy

    public init(colour: ColourPolicy = .plain) {
        self.colour = colour
    }

    /// The heading before an exercise's results: `perceptron_update — one perceptron step (path)`.
    public func header(_ exercise: Exercise, file: String) -> String {
        let title = exercise.title == exercise.id ? "" : " — " + exercise.title
        return colour.paint(exercise.id, .bold) + title + " (\(file))\n"
    }

    /// Every check of a report, one line each, failures followed by their detail; the first failure's hint only.
    ///
    /// A check run in a loop (fresh random cases) shows at most two of its failures, then how many more
    /// failed; when every case passed, one ✓ for the check. The other hints come one at a time from `nnlearn hint` / `:hint`.
    public func report(_ report: GradeReport) -> String {
        var text = ""
        if let error = report.learnerError {
            text += failLine("your code stopped before the checks could run") + indented(error)
        }
        var previousError: String?
        var hintShown = false
        for block in report.blocks {
            let totals = Dictionary(block.results.filter { !$0.passed }.compactMap(\.location).map { ($0, 1) }, uniquingKeysWith: +)
            let passes = Dictionary(block.results.filter(\.passed).compactMap(\.location).map { ($0, 1) }, uniquingKeysWith: +)
            var shown: [SourceLocation: Int] = [:]
            for result in block.results {
                // A check run in a loop that passed every case is one ✓, with the number of cases;
                // beside failures of the same check its passes are not listed.
                if result.passed, let location = result.location, let count = passes[location], count > 1 || totals[location] != nil {
                    guard shown[location] == nil, totals[location] == nil else { continue }
                    shown[location] = 0
                    text += "  " + colour.paint("✓", .green) + " " + result.message
                        + colour.paint(" (and the \(count - 1) other case\(count == 2 ? "" : "s") of this check)", .dim) + "\n"
                    continue
                }
                if !result.passed, let location = result.location {
                    shown[location, default: 0] += 1
                    guard shown[location, default: 0] <= Self.failuresShownPerCheck else { continue }
                    text += self.result(result, withHint: !hintShown)
                    let more = (totals[location] ?? 0) - Self.failuresShownPerCheck
                    if shown[location] == Self.failuresShownPerCheck, more > 0 {
                        text += "  " + colour.paint("… and \(more) more failing case\(more == 1 ? "" : "s") of the same check", .dim) + "\n"
                    }
                } else {
                    text += self.result(result, withHint: !hintShown && !result.passed)
                }
                hintShown = hintShown || !result.passed
            }
            guard let error = block.error else { continue }
            text += failLine(block.errorMessage)
            // The learner's own error is shown once, above; a block's own error under it, once.
            if report.learnerError == nil {
                text += error == previousError ? indented("(the same error as above)") : indented(error)
            }
            previousError = error
        }
        if report.interrupted { text += "  " + colour.paint("grading interrupted (Ctrl-C): the checks above are those that ran", .yellow) + "\n" }
        if report.blocks.isEmpty { text += "  (this exercise has no checks)\n" }
        return text
    }

    /// Failures of one check (one call site, run in a loop) shown before the rest are counted.
    static let failuresShownPerCheck = 2

    /// One check's line, and for a failure its detail and (when `withHint`) its hint.
    public func result(_ result: CheckResult, withHint: Bool = true) -> String {
        guard !result.passed else { return "  " + colour.paint("✓", .green) + " " + result.message + "\n" }
        var text = failLine(result.message)
        if let detail = result.detail { text += indented(detail) }
        if withHint, let hint = result.hint { text += indented(colour.paint("hint: ", .cyan) + hint) }
        return text
    }

    /// The closing line, exactly `N passed, N failed` (counting checks).
    public func summary(passed: Int, failed: Int) -> String {
        "\(passed) passed, \(failed) failed\n"
    }

    private func failLine(_ message: String) -> String {
        "  " + colour.paint("✗", .red) + " " + message + "\n"
    }

    private func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n") + "\n"
    }
}
