import Foundation
import NNScript

/// Grades a learner's code for an exercise: the learner's file in one fresh namespace, the checks in another.
///
/// Sound by construction: the checks' interpreter receives only the names the
/// exercise exports (the functions of its scaffold), so nothing the learner's
/// file defines or rebinds — `check`, `check_close`, `print`, any builtin —
/// reaches the checks; the builtins the exercise forbids raise inside the
/// learner's namespace; a `check` called from the learner's code counts for
/// nothing; and every check call site of a block must run, so a run that skips
/// checks fails. Both interpreters are new for every grading. They may not
/// write files, stop after a step budget and a time limit per block, and stop
/// at Ctrl-C (the report then says which blocks ran).
public struct Grader: Sendable {
    public var options: GradingOptions

    public init(options: GradingOptions = GradingOptions()) {
        self.options = options
    }

    /// Grades `source` (the learner's file, named `file` in error messages) against `exercise`'s checks.
    public func grade(_ exercise: Exercise, source: String, file: String) -> GradeReport {
        let seed = options.drawSeed()
        let learnerSpace = makeInterpreter(checks: nil)
        learnerSpace.forbid(exercise.forbidden, exercise: exercise.id)

        Interruption.clear()
        let ran = learnerSpace.runCell(source, file: file)
        let learner = LearnerCode(text: SourceText(id: ran.source, file: file, text: source))
        if let error = ran.error {
            let rendered = ran.renderedError ?? error.description
            let interrupted = error.kind == .interrupted
            let why = error.kind == .limit ? "your code timed out" : interrupted ? "grading was interrupted" : "your code stopped with an error"
            return notRun(exercise, seed: seed, learnerError: rendered, why: why, interrupted: interrupted)
        }

        let collected = CollectedChecks()
        // A check called from the learner's lines (a learner's function calling check()) records nothing.
        let checks = makeInterpreter { result in
            if result.location?.source == learner.text.id { return }
            collected.results.append(result)
        }
        let missing = learnerSpace.export(exercise.exports, to: checks)
        if !missing.isEmpty {
            let names = missing.map { "`\($0)`" }.joined(separator: ", ")
            return notRun(exercise, seed: seed, learnerError: "\(file) does not define \(names), which the checks call",
                          why: "the function is missing", interrupted: false)
        }
        _ = try? checks.run("grading_seed = \(seed)")
        var outcomes: [BlockOutcome] = []
        var interrupted = false
        for block in exercise.checks {
            if interrupted {
                outcomes.append(BlockOutcome(block: block, results: [], error: "not run: grading was interrupted",
                                             errorMessage: "check \(block.number) not run"))
                continue
            }
            collected.results = []
            // An error's location tells whose code it is in: the learner's function or the block.
            let result = checks.runCell(block.source, file: "check \(block.number)")
            var outcome = BlockOutcome(block: block, results: collected.results)
            if let error = result.error {
                interrupted = error.kind == .interrupted
                outcome.error = learner.render(error) ?? Self.render(error, in: block, id: result.source)
                outcome.errorMessage = Self.describe(error, block: block, inLearnerCode: learner.contains(error))
            } else if let skipped = Self.skippedChecks(block, results: collected.results, in: result.source) {
                outcome.results.append(skipped)
            }
            outcomes.append(outcome)
        }
        return GradeReport(exerciseID: exercise.id, seed: seed, blocks: outcomes, interrupted: interrupted)
    }

    /// Every block reported as not run, under the learner's error.
    private func notRun(_ exercise: Exercise, seed: Int, learnerError: String, why: String, interrupted: Bool) -> GradeReport {
        let blocks = exercise.checks.map {
            BlockOutcome(block: $0, results: [], error: learnerError, errorMessage: "check \($0.number) not run: \(why)")
        }
        return GradeReport(exerciseID: exercise.id, seed: seed, learnerError: learnerError, blocks: blocks, interrupted: interrupted)
    }

    /// A failing result when some of the block's check calls never ran (a block that finished
    /// with fewer checks than it has is a failure, never a pass); nil when every one ran.
    static func skippedChecks(_ block: CheckBlock, results: [CheckResult], in id: SourceID) -> CheckResult? {
        let sites = Interpreter.checkCallSites(in: block.source)
        let ran = Set(results.compactMap { result in
            result.location.flatMap { $0.source == id ? $0.in(.unnamed) : nil }
        })
        let skipped = sites.subtracting(ran)
        guard !skipped.isEmpty || results.isEmpty else { return nil }
        let lines = skipped.map(\.line).sorted().map(String.init).joined(separator: ", ")
        return CheckResult(passed: false, message: "check \(block.number): \(skipped.isEmpty ? "no check ran" : "checks on line \(lines) never ran")",
                           detail: "every check of an exercise must run for it to pass")
    }

    /// A fresh interpreter with the grading limits, no file writes, its check results sent to `checks`.
    func makeInterpreter(checks: ((CheckResult) -> Void)?) -> Interpreter {
        // Graded code may not read the reference solutions, wherever they are.
        let solutions = ([options.folder, BundledData.directory.deletingLastPathComponent()].compactMap { $0 })
            .map { $0.appendingPathComponent("solutions") }
        let limits = Host.Limits(steps: options.stepLimit, time: options.timeLimit, memory: Host.Limits.memory(default: 512 << 20))
        return Interpreter(host: Host(checks: checks, files: FileAccess(base: options.folder, hidden: solutions, mayWrite: false),
                                      limits: limits, interrupt: Interruption.shared))
    }

    /// An error in a check block, rendered against the block's own lines.
    static func render(_ error: ScriptError, in block: CheckBlock, id: SourceID) -> String {
        // The check's own chain of calls is not the learner's to read.
        error.withoutCalls.render(in: SourceText(id: id, file: "check \(block.number)", text: block.source))
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
    /// The learner's file; its identity is carried by the learner's locations in every interpreter
    /// the code's functions reach.
    var text: SourceText

    /// Whether the error points into the learner's lines.
    func contains(_ error: ScriptError) -> Bool {
        error.location?.source == text.id
    }

    /// The error rendered against the learner's file when it happened there, else nil.
    func render(_ error: ScriptError) -> String? {
        guard contains(error) else { return nil }
        // Calls written in the learner's file are shown; the checks' calls into it are not.
        var own = error
        own.calls = error.calls.filter { $0.location.source == text.id }
        return own.render(in: text)
    }
}
