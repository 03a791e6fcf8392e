import Foundation
@testable import NNLessons

/// The fixture lessons, answers and helpers the exercise tests share.
enum ExerciseFixtures {
    /// Tests/NNLessonsTests/Exercises.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The fixture lessons folder (with its `solutions`).
    static let lessons = folder.appendingPathComponent("Fixtures/lessons")
    /// Wrong answers to the fixture exercises, in the `WrongAnswers` format.
    static let answers = folder.appendingPathComponent("Fixtures/answers")

    /// The catalog of the fixture lessons.
    static func catalog() -> ExerciseCatalog {
        ExerciseCatalog(lessons: LessonCatalog(directory: lessons))
    }

    /// A fixture exercise by id.
    static func exercise(_ id: String) throws -> Exercise {
        try catalog().exercise(id)
    }

    /// A grader with seed 0 and the given time limit.
    static func grader(timeLimit: TimeInterval = 30, stepLimit: Int = 20_000_000) -> Grader {
        Grader(options: GradingOptions(seed: 0, stepLimit: stepLimit, timeLimit: timeLimit, folder: lessons))
    }

    static func read(_ url: URL) -> String {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

/// A file `<id>-<what>.nn` whose first line is `# expect: <text>`: a wrong answer and what its failure must say.
struct WrongAnswer: CustomStringConvertible {
    var url: URL
    var source: String
    /// The text some failing check's message or detail must contain; nil when the first line is malformed.
    var expectation: String?

    init(url: URL) {
        self.url = url
        source = ExerciseFixtures.read(url)
        let first = source.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let prefix = "# expect:"
        expectation = first.hasPrefix(prefix) ? first.dropFirst(prefix.count).trimmingWhitespace() : nil
        if expectation?.isEmpty == true { expectation = nil }
        let misleading = "# not:"
        wrongDiagnoses = source.split(separator: "\n").filter { $0.hasPrefix(misleading) }
            .map { $0.dropFirst(misleading.count).trimmingWhitespace() }
    }

    /// Lines `# not: <text>` after the first: messages that would name a mistake this answer does not make.
    var wrongDiagnoses: [String] = []

    var name: String { url.lastPathComponent }
    var description: String { name }

    /// The exercise it answers: the longest id in `ids` that the file name starts with, followed by '-'.
    func exerciseID(among ids: [String]) -> String? {
        ids.filter { name.hasPrefix($0 + "-") }.max { $0.count < $1.count }
    }

    /// The `.nn` files of a folder, sorted by name.
    static func all(in folder: URL) -> [WrongAnswer] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".nn") }.sorted().map { WrongAnswer(url: folder.appendingPathComponent($0)) }
    }
}
