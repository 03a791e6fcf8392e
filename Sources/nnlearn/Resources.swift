import ArgumentParser
import Foundation
import NNLessons
import NNScript

/// Exits with status 1, naming every place searched, when the course's lessons cannot be found.
func requireLessons() throws {
    let root = ResourceRoot.current
    guard root.url == nil else { return }
    StandardStream.write(root.missingMessage + "\n", to: 2)
    throw ExitCode(1)
}

/// Shell completion for the arguments that name something of the course.
enum Completions {
    /// Lesson ids and numbers, as `nnlearn lesson` accepts them.
    static let lessons = CompletionKind.custom { _, _, prefix in
        let catalog = LessonCatalog(directory: LessonCatalog.defaultDirectory())
        let names = catalog.entries().flatMap { entry -> [String] in
            guard case .success(let lesson) = entry.lesson else { return [] }
            return [lesson.id] + (lesson.order.map { [String($0)] } ?? [])
        }
        return names.filter { $0.hasPrefix(prefix) }
    }

    /// Exercise ids, in course order.
    static let exercises = CompletionKind.custom { _, _, prefix in
        ExerciseCatalog.standard().ids.filter { $0.hasPrefix(prefix) }
    }
}
