import Foundation
import NNScript
import Testing
@testable import NNLessons

/// Proof that the course's graders grade: for every exercise in `lessons/*.md`, the reference
/// solution passes, the untouched scaffold fails, and each wrong answer fails saying what it expects.
///
/// While the lessons have no exercises these tests have nothing to check; as soon as one
/// exists, a missing solution or a missing wrong answer fails the suite.
@Suite struct CourseExerciseTests {
    static let lessons = BundledData.projectRoot.appendingPathComponent("lessons")
    static let catalog = ExerciseCatalog(lessons: LessonCatalog(directory: lessons))
    static let wrongAnswers = WrongAnswer.all(in: ExerciseFixtures.folder.appendingPathComponent("WrongAnswers"))
    /// Generous limits: a check may train a model (digits) in a debug build on a shared machine.
    static let grader = Grader(options: GradingOptions(seed: 0, timeLimit: 120, folder: lessons))

    @Test func exerciseBlocksAreWellFormed() {
        #expect(Self.catalog.diagnostics.map(\.description) == [])
    }

    @Test func everyExerciseHasASolutionAndAWrongAnswer() {
        let ids = Self.catalog.ids
        for exercise in Self.catalog.exercises {
            let solution = Self.catalog.solutionURL(for: exercise)
            #expect(FileManager.default.fileExists(atPath: solution.path),
                    "\(exercise.lessonFile):\(exercise.line): exercise '\(exercise.id)' has no reference solution \(exercise.solutionPath)")
            #expect(Self.wrongAnswers.contains { $0.exerciseID(among: ids) == exercise.id },
                    "\(exercise.lessonFile):\(exercise.line): exercise '\(exercise.id)' has no wrong answer Tests/NNLessonsTests/Exercises/WrongAnswers/\(exercise.id)-<what>.nn")
        }
        // Wrong answers are checked against the exercises only once there are some (see the suite's note).
        guard !ids.isEmpty else { return }
        for answer in Self.wrongAnswers {
            #expect(answer.exerciseID(among: ids) != nil, "WrongAnswers/\(answer.name) names no exercise of the lessons")
            #expect(answer.expectation != nil, "WrongAnswers/\(answer.name): the first line must be '# expect: <text>'")
        }
    }

    @Test(arguments: catalog.ids)
    func theSolutionPassesAndTheScaffoldFails(_ id: String) throws {
        let exercise = try Self.catalog.exercise(id)
        let solution = Self.catalog.solutionURL(for: exercise)
        let source = try #require(FileManager.default.contents(atPath: solution.path).map { String(decoding: $0, as: UTF8.self) },
                                  "no \(exercise.solutionPath)")
        let report = Self.grader.grade(exercise, source: source, file: exercise.solutionPath)
        #expect(report.passed, "\(exercise.solutionPath) fails: \(report.failures)")
        let scaffold = Self.grader.grade(exercise, source: exercise.scaffold, file: "scaffold")
        #expect(!scaffold.passed, "the scaffold of '\(id)' passes its checks")
    }

    @Test(arguments: wrongAnswers)
    func wrongAnswersFailWithAMessageThatHelps(_ answer: WrongAnswer) throws {
        let ids = Self.catalog.ids
        // Before any exercise exists there is nothing to grade against (see everyExerciseHasASolutionAndAWrongAnswer).
        guard let id = answer.exerciseID(among: ids), let expectation = answer.expectation else { return }
        let exercise = try Self.catalog.exercise(id)
        let report = Self.grader.grade(exercise, source: answer.source, file: answer.name)
        #expect(!report.passed, "WrongAnswers/\(answer.name) passes every check")
        #expect(report.failures.contains { $0.mentions(expectation) },
                "WrongAnswers/\(answer.name): no failing check mentions '\(expectation)': \(report.failures)")
        for misleading in answer.wrongDiagnoses {
            #expect(!report.failures.contains { $0.message.contains(misleading) }, "WrongAnswers/\(answer.name) is told '\(misleading)'")
        }
        // Redefining the check functions in the answer's file reaches nothing the checks use.
        for rebinding in Self.rebindings {
            let fooled = Self.grader.grade(exercise, source: answer.source + "\n" + rebinding, file: answer.name)
            #expect(!fooled.passed, "WrongAnswers/\(answer.name) passes once its file adds:\n\(rebinding)")
            // (A file's own range() breaks its own loops, so only the check functions keep the message.)
            if rebinding.hasPrefix("def check") {
                #expect(fooled.failures.contains { $0.mentions(expectation) }, "WrongAnswers/\(answer.name) + \(rebinding): \(fooled.failures)")
            }
        }
    }

    /// What a learner's file might define to fool the grader: the check functions, print, the loops' range.
    static let rebindings = [
        "def check(condition, message=\"\", hint=\"\"):\n    return True\n",
        "def check_close(got, expected, tol=0, message=\"\", hint=\"\"):\n    return True\n",
        "def check(condition, message=\"\", hint=\"\"):\n    return True\ndef check_close(got, expected, tol=0, message=\"\", hint=\"\"):\n    return True\n",
        "def range(n):\n    return []\ngrading_seed = 0\n",
    ]

    @Test(arguments: catalog.ids)
    func theLearnersNamespaceNeverReachesTheChecks(_ id: String) throws {
        let exercise = try Self.catalog.exercise(id)
        for rebinding in Self.rebindings {
            let scaffold = Self.grader.grade(exercise, source: exercise.scaffold + "\n" + rebinding, file: "scaffold")
            #expect(!scaffold.passed, "the scaffold of '\(id)' passes once its file adds:\n\(rebinding)")
        }
        // The other way round: a learner's own check functions do not break a right answer.
        let solution = try Self.solution(of: exercise)
        let sabotage = "def check(condition, message=\"\", hint=\"\"):\n    return False\ndef check_close(got, expected, tol=0, message=\"\", hint=\"\"):\n    return False\n"
        let report = Self.grader.grade(exercise, source: solution + "\n" + sabotage, file: exercise.solutionPath)
        #expect(report.passed, "\(exercise.solutionPath) with its own check functions fails: \(report.failures)")
    }

    @Test(arguments: catalog.exercises.flatMap { exercise in exercise.forbidden.map { ForbiddenUse(id: exercise.id, name: $0) } })
    func eachForbiddenBuiltinFails(_ use: ForbiddenUse) throws {
        let exercise = try Self.catalog.exercise(use.id)
        let solution = try Self.solution(of: exercise)
        var calls = ["\(use.name)(1.0)"]
        if Library.tensorMemberNames.contains(use.name) { calls.append("tensor([1.0]).\(use.name)()") }
        for call in calls {
            let source = try #require(use.inserting(call, into: solution, after: exercise.exports.first ?? ""),
                                      "\(exercise.solutionPath) has no def \(exercise.exports.first ?? "")")
            let report = Self.grader.grade(exercise, source: source, file: "answer.nn")
            #expect(!report.passed, "'\(use.id)' passes an answer that calls \(call)")
            #expect(report.failures.contains { $0.mentions("asks you to write it yourself") }, "\(call): \(report.failures)")
        }
    }

    @Test(arguments: catalog.ids)
    func everyExerciseChecksFreshRandomInputs(_ id: String) throws {
        let exercise = try Self.catalog.exercise(id)
        #expect(exercise.checks.contains { $0.source.contains("grading_seed") }, "'\(id)' has no check on fresh random inputs (grading_seed)")
    }

    static func solution(of exercise: Exercise) throws -> String {
        try #require(FileManager.default.contents(atPath: catalog.solutionURL(for: exercise).path).map { String(decoding: $0, as: UTF8.self) },
                     "no \(exercise.solutionPath)")
    }
}

/// An exercise and one builtin it forbids, as a test argument.
struct ForbiddenUse: CustomStringConvertible, Sendable {
    var id: String
    var name: String
    var description: String { "\(id): \(name)" }

    /// `source` with `call` as the first statement of the function `function`, or nil without that def.
    func inserting(_ call: String, into source: String, after function: String) -> String? {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("def \(function)(") }) else { return nil }
        lines.insert("    \(call)", at: index + 1)
        return lines.joined(separator: "\n")
    }
}
