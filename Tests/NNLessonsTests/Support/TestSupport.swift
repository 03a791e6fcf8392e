import Foundation
@testable import NNLessons

/// A fresh directory under the system's temporary folder, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlessons-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the directory and returns its URL.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(name).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Parses a lesson, or fails the test with the diagnostic.
func parse(_ text: String, file: String = "lessons/01-test.md") throws -> Lesson {
    try LessonParser.parse(text, file: file)
}

/// The diagnostic a malformed lesson gives, or nil when it parses.
func parseError(_ text: String, file: String = "l.md") -> LessonError? {
    do {
        _ = try LessonParser.parse(text, file: file)
        return nil
    } catch {
        return error
    }
}
