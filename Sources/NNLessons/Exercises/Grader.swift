import Foundation
import NNScript

/// Grades a learner's code for an exercise: runs it, then each check block, in one fresh interpreter.
///
/// The interpreter is new for every grading, so nothing from a session or a
/// previous attempt leaks in. It may not write files, stops after a step
/// budget and a time limit per block, and stops at Ctrl-C (the report then
/// says which blocks ran).
public struct Grader: Sendable {
    public var options: GradingOptions

    public init(options: GradingOptions = GradingOptions()) {
        self.options = options
    }

    /// Grades `source` (the learner's file, named `file` in error messages) against `exercise`'s checks.
    public func grade(_ exercise: Exercise, source: String, file: String) -> GradeReport {
        let seed = options.drawSeed()
        let collected = CollectedChecks()
        let interpreter = makeInterpreter(collecting: collected)
        let learner = LearnerCode(source: source, file: file)

        Interruption.clear()
        let ran = interpreter.runCell(source, file: file)
        if let error = ran.error {
            let rendered = learner.render(error) ?? error.description
            let interrupted = error.kind == .interrupted
            let why = error.kind == .limit ? "your code timed out" : interrupted ? "grading was interrupted" : "your code stopped with an error"
            let blocks = exercise.checks.map {
                BlockOutcome(block: $0, results: [], error: rendered, errorMessage: "check \($0.number) not run: \(why)")
            }
            return GradeReport(exerciseID: exercise.id, seed: seed, learnerError: rendered, blocks: blocks, interrupted: interrupted)
        }

        // Set after the learner's code, so a learner's own `grading_seed` cannot fix the cases.
        _ = try? interpreter.run("grading_seed = \(seed)")
        var outcomes: [BlockOutcome] = []
        var interrupted = false
        for block in exercise.checks {
            if interrupted {
                outcomes.append(BlockOutcome(block: block, results: [], error: "not run: grading was interrupted",
                                             errorMessage: "check \(block.number) not run"))
                continue
            }
            collected.results = []
            // Blank lines first, so the block's line numbers follow the learner's: an error's
            // line then tells whose code it is in (see LearnerCode.render).
            let padded = String(repeating: "\n", count: learner.lineCount) + block.source
            let result = interpreter.runCell(padded, file: "check \(block.number)")
            var outcome = BlockOutcome(block: block, results: collected.results)
            if let error = result.error {
                interrupted = error.kind == .interrupted
                outcome.error = learner.render(error) ?? Self.render(error, in: block, after: learner.lineCount)
                outcome.errorMessage = Self.describe(error, block: block, inLearnerCode: learner.contains(error))
            }
            outcomes.append(outcome)
        }
        return GradeReport(exerciseID: exercise.id, seed: seed, blocks: outcomes, interrupted: interrupted)
    }

    /// A fresh interpreter with the grading limits, collecting check results into `collected`.
    func makeInterpreter(collecting collected: CollectedChecks) -> Interpreter {
        let interpreter = Interpreter(write: { _ in })
        // Graded code may not read the reference solutions, wherever they are.
        let solutions = ([options.folder, BundledData.directory.deletingLastPathComponent()].compactMap { $0 })
            .map { $0.appendingPathComponent("solutions") }
        interpreter.files = FileAccess(base: options.folder, hidden: solutions)
        interpreter.showsProgress = false
        interpreter.mayWriteFiles = false
        interpreter.respondsToInterrupts = true
        interpreter.stepLimit = options.stepLimit
        interpreter.timeLimit = options.timeLimit
        interpreter.checkCollector = { collected.results.append($0) }
        return interpreter
    }

    /// An error in a check block, rendered against the block's own lines.
    static func render(_ error: ScriptError, in block: CheckBlock, after offset: Int) -> String {
        var shifted = error
        if let location = error.location {
            shifted.location = SourceLocation(line: location.line - offset, column: location.column)
        }
        return shifted.render(source: block.source, file: "check \(block.number)")
    }

    /// The failure's one-line message: timed out, interrupted, or stopped with an error.
    static func describe(_ error: ScriptError, block: CheckBlock, inLearnerCode: Bool) -> String {
        switch error.kind {
        case .limit: "check \(block.number) timed out"
        case .interrupted: "check \(block.number) interrupted"
        default: "check \(block.number) stopped with an error" + (inLearnerCode ? " in your code" : "")
        }
    }
}

/// Where check results collect while a block runs (the interpreter's collector appends here).
final class CollectedChecks: @unchecked Sendable {
    // Written only by the thread running the block; read after runCell returns.
    var results: [CheckResult] = []
}

/// The learner's source, to tell errors in it from errors in the checks.
struct LearnerCode {
    var source: String
    var file: String

    /// Lines in the source; check blocks are padded by this many blank lines.
    var lineCount: Int { source.split(separator: "\n", omittingEmptySubsequences: false).count }

    /// Whether the error points into the learner's lines.
    func contains(_ error: ScriptError) -> Bool {
        guard let line = error.location?.line else { return false }
        return line <= lineCount
    }

    /// The error rendered against the learner's file when it happened there, else nil.
    func render(_ error: ScriptError) -> String? {
        guard contains(error) else { return nil }
        return error.render(source: source, file: file)
    }
}
