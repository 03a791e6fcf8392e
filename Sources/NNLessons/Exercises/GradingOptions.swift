import Foundation

/// How the grader runs code: the seed, the limits, and where relative paths point.
public struct GradingOptions: Sendable {
    /// `grading_seed`; nil draws a fresh one from the clock on every run (tests and CI use 0).
    public var seed: Int?
    /// The most interpreter steps the learner's code, and each check block, may take.
    public var stepLimit: Int
    /// Seconds the learner's code, and each check block, may run. Generous because
    /// some checks train a small model (the digits classifier) in a debug build.
    public var timeLimit: TimeInterval
    /// The folder relative paths (`load_csv`) resolve against: the lessons folder.
    public var folder: URL?

    public init(seed: Int? = nil, stepLimit: Int = 20_000_000, timeLimit: TimeInterval = 30, folder: URL? = nil) {
        self.seed = seed
        self.stepLimit = stepLimit
        self.timeLimit = timeLimit
        self.folder = folder
    }

    /// The seed for one run: the fixed one, else milliseconds of the clock (a whole number below 10⁹).
    func drawSeed(now: Date = Date()) -> Int {
        seed ?? Int((now.timeIntervalSince1970 * 1000).rounded().truncatingRemainder(dividingBy: 1_000_000_000))
    }
}
