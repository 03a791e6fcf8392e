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
        let report = Self.grader.grade(try Self.catalog.exercise(id), source: answer.source, file: answer.name)
        #expect(!report.passed, "WrongAnswers/\(answer.name) passes every check")
        #expect(report.failures.contains { $0.mentions(expectation) },
                "WrongAnswers/\(answer.name): no failing check mentions '\(expectation)': \(report.failures)")
    }
}
