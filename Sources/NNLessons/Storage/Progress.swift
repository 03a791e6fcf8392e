import Foundation

/// A learner's progress, as saved in `progress.json`: lessons reached and exercises attempted.
///
/// ```json
/// {
///   "version": 1,
///   "lessons": { "tour": { "lastCell": 5, "cellCount": 9, "updated": "2026-11-23T16:29:46Z" } },
///   "exercises": { "tour.gradient": { "passed": true, "attempts": 2, "lastAttempt": "…", "passedAt": "…" } }
/// }
/// ```
/// Dates are ISO 8601 in UTC. Unknown keys are ignored on reading, so newer
/// files stay readable by older builds.
public struct Progress: Codable, Sendable, Equatable {
    /// The schema version; 1 so far.
    public var version: Int
    /// Per lesson id: how far the learner got.
    public var lessons: [String: LessonProgress]
    /// Per exercise id: attempts and success.
    public var exercises: [String: ExerciseProgress]

    public init(version: Int = 1, lessons: [String: LessonProgress] = [:], exercises: [String: ExerciseProgress] = [:]) {
        self.version = version
        self.lessons = lessons
        self.exercises = exercises
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        lessons = try container.decodeIfPresent([String: LessonProgress].self, forKey: .lessons) ?? [:]
        exercises = try container.decodeIfPresent([String: ExerciseProgress].self, forKey: .exercises) ?? [:]
    }
}

/// How far a learner got in one lesson.
public struct LessonProgress: Codable, Sendable, Equatable {
    /// The last cell (1-based) the learner ran.
    public var lastCell: Int
    /// How many cells the lesson had then (lessons can change).
    public var cellCount: Int
    /// When the learner last ran a cell.
    public var updated: Date
    /// When the learner first ran the last cell.
    public var completed: Date?

    public init(lastCell: Int, cellCount: Int, updated: Date, completed: Date? = nil) {
        self.lastCell = lastCell
        self.cellCount = cellCount
        self.updated = updated
        self.completed = completed
    }
}

/// A learner's record on one exercise.
public struct ExerciseProgress: Codable, Sendable, Equatable {
    /// Whether some attempt passed the check.
    public var passed: Bool
    /// How many times the learner checked a solution.
    public var attempts: Int
    /// When the last attempt was checked.
    public var lastAttempt: Date
    /// When the first passing attempt was checked.
    public var passedAt: Date?

    public init(passed: Bool, attempts: Int, lastAttempt: Date, passedAt: Date? = nil) {
        self.passed = passed
        self.attempts = attempts
        self.lastAttempt = lastAttempt
        self.passedAt = passedAt
    }
}

/// Where a learner stands in a lesson, for `nnlearn lessons`.
public enum LessonStatus: Sendable, Equatable, CustomStringConvertible {
    case notStarted
    case inProgress(cell: Int, of: Int)
    case done

    /// `not started`, `cell 5/18` or `done`.
    public var description: String {
        switch self {
        case .notStarted: "not started"
        case let .inProgress(cell, total): "cell \(cell)/\(total)"
        case .done: "done"
        }
    }
}
