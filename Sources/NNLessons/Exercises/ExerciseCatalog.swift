import Foundation
import NNScript

/// Every exercise of the course, assembled from the lessons' `exercise` and `check` blocks.
///
/// Problems in the blocks (a scaffold without an id, two exercises with one
/// id, checks for an exercise that has no scaffold, an exercise without
/// checks) are collected as `file:line` diagnostics; the exercises that are
/// whole are still listed and graded.
public struct ExerciseCatalog: Sendable {
    /// The exercises in course order (lesson order, then file order).
    public private(set) var exercises: [Exercise] = []
    /// What is wrong in the lessons, for authors: `lessons/x.md:12: error: …`.
    public private(set) var diagnostics: [LessonError] = []
    /// The folder of the lessons; solutions are in its `solutions` folder.
    public let directory: URL

    /// Reads every lesson of `lessons` (malformed lessons become diagnostics).
    public init(lessons: LessonCatalog) {
        var parsed: [Lesson] = []
        var problems: [LessonError] = []
        for entry in lessons.entries() {
            switch entry.lesson {
            case .success(let lesson): parsed.append(lesson)
            case .failure(let error): problems.append(error)
            }
        }
        self.init(lessons: parsed, directory: lessons.directory)
        diagnostics = problems + diagnostics
    }

    /// The exercises of lessons already parsed; `directory` is where `solutions/` is.
    public init(lessons: [Lesson], directory: URL) {
        self.directory = directory
        var firstLine: [String: (file: String, line: Int)] = [:]
        for lesson in lessons {
            for exercise in assemble(lesson) {
                if let first = firstLine[exercise.id] {
                    diagnostics.append(LessonError(file: lesson.file, line: exercise.line,
                                                   message: "a second exercise '\(exercise.id)' (the first is at \(first.file):\(first.line)); exercise ids must be unique"))
                    continue
                }
                firstLine[exercise.id] = (lesson.file, exercise.line)
                exercises.append(exercise)
            }
        }
    }

    /// The catalog of the course's lessons (`$NNLEARN_HOME/lessons` or this checkout's).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExerciseCatalog {
        ExerciseCatalog(lessons: LessonCatalog(directory: LessonCatalog.defaultDirectory(environment: environment)))
    }

    /// Every exercise id, in course order.
    public var ids: [String] { exercises.map(\.id) }

    /// The exercise with this id, or an error that suggests the nearest id.
    public func exercise(_ id: String) throws(ExerciseLookupError) -> Exercise {
        if let found = exercises.first(where: { $0.id == id }) { return found }
        throw ExerciseLookupError(id: id, suggestion: Diagnostic.closestName(to: id, among: ids) ?? ids.first { $0.hasPrefix(id) && !id.isEmpty })
    }

    /// The reference solution's file: `<lessons>/solutions/<id>.nn`.
    public func solutionURL(for exercise: Exercise) -> URL {
        directory.appendingPathComponent("solutions").appendingPathComponent(exercise.id + ".nn")
    }

    /// The exercises of one lesson, reporting what is malformed in its blocks.
    private mutating func assemble(_ lesson: Lesson) -> [Exercise] {
        var found: [Exercise] = []
        var seen: [String: Int] = [:]
        for block in lesson.exerciseBlocks {
            guard !block.id.isEmpty else {
                diagnostics.append(LessonError(file: lesson.file, line: block.line,
                                               message: "\(block.kind.rawValue) block without an id: write ```\(block.kind.rawValue) <id>"))
                continue
            }
            switch block.kind {
            case .exercise:
                if let first = seen[block.id] {
                    diagnostics.append(LessonError(file: lesson.file, line: block.line,
                                                   message: "a second scaffold for exercise '\(block.id)' (the first is at line \(first)); an exercise has exactly one"))
                    continue
                }
                seen[block.id] = block.line
                found.append(Exercise(id: block.id, lessonID: lesson.id, lessonFile: lesson.file,
                                      title: Self.title(heading: block.heading, id: block.id), statement: block.statement,
                                      scaffold: block.source, line: block.line, checks: [], forbidden: block.forbidden))
                for name in block.forbidden where !Library.builtinNames.contains(name) && !Library.tensorMemberNames.contains(name) {
                    diagnostics.append(LessonError(file: lesson.file, line: block.line,
                                                   message: "exercise '\(block.id)' forbids '\(name)', which is neither a builtin nor a tensor method"))
                }
            case .check:
                continue
            }
        }
        for block in lesson.exerciseBlocks where block.kind == .check && !block.id.isEmpty {
            guard let index = found.firstIndex(where: { $0.id == block.id }) else {
                diagnostics.append(LessonError(file: lesson.file, line: block.line,
                                               message: "check block for unknown exercise '\(block.id)': this lesson has no ```exercise \(block.id) scaffold"))
                continue
            }
            found[index].checks.append(CheckBlock(number: found[index].checks.count + 1, source: block.source, line: block.line))
        }
        for exercise in found where exercise.checks.isEmpty {
            diagnostics.append(LessonError(file: lesson.file, line: exercise.line,
                                           message: "exercise '\(exercise.id)' has no ```check \(exercise.id) block, so nothing would grade it"))
        }
        return found
    }

    /// "one perceptron step" from `Exercise: one perceptron step`; the id for any other heading.
    static func title(heading: String?, id: String) -> String {
        guard let heading else { return id }
        let prefix = "exercise:"
        guard heading.lowercased().hasPrefix(prefix) else { return id }
        let rest = heading.dropFirst(prefix.count).trimmingWhitespace()
        return rest.isEmpty ? id : rest
    }
}

/// An exercise id that no lesson defines.
public struct ExerciseLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var id: String
    /// The nearest known id, if one is close.
    public var suggestion: String?

    /// `no exercise 'x'; did you mean 'y'? (nnlearn exercises lists them)`.
    public var description: String {
        "no exercise '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + " (`nnlearn exercises` lists them)"
    }
}
