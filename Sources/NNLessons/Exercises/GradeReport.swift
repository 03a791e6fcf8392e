import NNScript

/// What grading one exercise found: each check block's results, or why it did not run.
public struct GradeReport: Sendable, Equatable {
    /// The exercise graded.
    public var exerciseID: String
    /// The value `grading_seed` had.
    public var seed: Int
    /// The learner's code stopped with this error (rendered); then no check ran.
    public var learnerError: String?
    /// One outcome per check block, in order.
    public var blocks: [BlockOutcome]
    /// Ctrl-C stopped grading; the blocks after the interrupted one are marked not run.
    public var interrupted: Bool

    public init(exerciseID: String, seed: Int, learnerError: String? = nil, blocks: [BlockOutcome], interrupted: Bool = false) {
        self.exerciseID = exerciseID
        self.seed = seed
        self.learnerError = learnerError
        self.blocks = blocks
        self.interrupted = interrupted
    }

    /// Checks that passed.
    public var passedCount: Int { blocks.reduce(0) { $0 + $1.passedCount } }
    /// Checks that failed, plus one for each block that stopped with an error or did not run.
    public var failedCount: Int { blocks.reduce(0) { $0 + $1.failedCount } }
    /// Whether every check ran and passed (and at least one check ran).
    public var passed: Bool { failedCount == 0 && passedCount > 0 && !interrupted }

    /// Every failing check, and each block's error as a failure, for tests and summaries.
    public var failures: [GradeFailure] {
        blocks.flatMap { block in
            block.results.filter { !$0.passed }.map { GradeFailure(message: $0.message, detail: $0.detail) }
                + (block.error.map { [GradeFailure(message: block.errorMessage, detail: $0)] } ?? [])
        }
    }
}

/// A failed check or a block's error: its message and detail (expected vs got, or the error).
public struct GradeFailure: Sendable, Equatable {
    public var message: String
    public var detail: String?

    /// Whether the message or the detail contains `text`.
    public func mentions(_ text: String) -> Bool {
        message.contains(text) || (detail?.contains(text) ?? false)
    }
}

/// One check block graded.
public struct BlockOutcome: Sendable, Equatable {
    /// Which block (number and line in the lesson).
    public var block: CheckBlock
    /// The results of its check calls, in order.
    public var results: [CheckResult]
    /// The rendered error that stopped it, if any.
    public var error: String?
    /// How it stopped: "stopped with an error", "timed out", "not run"…
    public var errorMessage: String

    public init(block: CheckBlock, results: [CheckResult], error: String? = nil, errorMessage: String = "") {
        self.block = block
        self.results = results
        self.error = error
        self.errorMessage = errorMessage
    }

    public var passedCount: Int { results.filter(\.passed).count }
    public var failedCount: Int { results.filter { !$0.passed }.count + (error == nil ? 0 : 1) }
}
