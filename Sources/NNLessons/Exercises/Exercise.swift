/// An exercise of a lesson: its statement, the scaffold the learner fills in, and the checks that grade it.
public struct Exercise: Sendable, Equatable {
    /// The id after ```` ```exercise ````; also the workspace file's and the solution's name.
    public var id: String
    /// The id of the lesson it belongs to.
    public var lessonID: String
    /// The lesson file, as diagnostics name it (`lessons/03-perceptron.md`).
    public var lessonFile: String
    /// The `### Exercise: …` heading's text after "Exercise:", else the id.
    public var title: String
    /// The prose between the heading and the scaffold: what to write.
    public var statement: String
    /// The scaffold: signature, docstring and a body of `...`.
    public var scaffold: String
    /// The 1-based line of the scaffold's opening fence.
    public var line: Int
    /// The check blocks, in file order.
    public var checks: [CheckBlock]
    /// Builtins (and tensor methods) the answer may not use: the exercise asks to write them.
    public var forbidden: [String]

    public init(id: String, lessonID: String, lessonFile: String, title: String, statement: String,
                scaffold: String, line: Int, checks: [CheckBlock], forbidden: [String] = []) {
        self.id = id
        self.lessonID = lessonID
        self.lessonFile = lessonFile
        self.title = title
        self.statement = statement
        self.scaffold = scaffold
        self.line = line
        self.checks = checks
        self.forbidden = forbidden
    }

    /// The names the checks receive from the learner's file: the functions the scaffold defines.
    public var exports: [String] { SessionDefinitions.names(in: scaffold) }

    /// Where the reference solution lives, relative to the repository: `lessons/solutions/<id>.nn`.
    public var solutionPath: String { "lessons/solutions/\(id).nn" }

    /// The hints of the checks, in order of appearance, each once.
    public var hints: [String] {
        var seen: Set<String> = []
        return checks.flatMap { HintScanner.hints(in: $0.source) }.filter { seen.insert($0).inserted }
    }
}

/// One ```` ```check <id> ```` block.
public struct CheckBlock: Sendable, Equatable {
    /// Its position among the exercise's check blocks, from 1.
    public var number: Int
    /// The checks' code.
    public var source: String
    /// The 1-based line of the opening fence in the lesson file.
    public var line: Int

    public init(number: Int, source: String, line: Int) {
        self.number = number
        self.source = source
        self.line = line
    }
}
