import Foundation
import Testing
@testable import NNLessons

@Suite struct LessonCatalogTests {
    func catalog() throws -> (TemporaryDirectory, LessonCatalog) {
        let directory = try TemporaryDirectory()
        try directory.write("lessons/02-second.md", "# Second\n\n```nn\nx = 1\n```\n```nn\ny = 2\n```\n")
        try directory.write("lessons/01-first.md", "---\nid: first\n---\n# First steps\n")
        try directory.write("lessons/extra.md", "# Unnumbered\n")
        try directory.write("lessons/10-broken.md", "```nn\nx\n")
        try directory.write("lessons/README.md", "# Not a lesson\n")
        try directory.write("lessons/notes.txt", "ignored")
        return (directory, LessonCatalog(directory: directory.url.appendingPathComponent("lessons")))
    }

    @Test func listsLessonsInOrderWithProgress() throws {
        let (directory, catalog) = try catalog()
        defer { directory.remove() }
        let store = ProgressStore(directory: directory.url.appendingPathComponent("state"))
        try store.recordCell(1, of: 2, lesson: "02-second")
        #expect(catalog.entries().map(\.url.lastPathComponent) == ["01-first.md", "02-second.md", "10-broken.md", "extra.md"])
        #expect(catalog.listing(progress: store) == """
            ┌───┬───────────┬─────────────┬─────────────┐
            │ # │ id        │ title       │ progress    │
            ├───┼───────────┼─────────────┼─────────────┤
            │ 1 │ first     │ First steps │ not started │
            │ 2 │ 02-second │ Second      │ cell 1/2    │
            │   │ extra     │ Unnumbered  │ not started │
            └───┴───────────┴─────────────┴─────────────┘
            lessons/10-broken.md:1: error: unclosed code fence opened at line 1

            """)
    }

    @Test func findsByNumberIdOrFile() throws {
        let (directory, catalog) = try catalog()
        defer { directory.remove() }
        #expect(try catalog.find("2").lesson.id == "02-second")
        #expect(try catalog.find("first").lesson.title == "First steps")
        // The file's stem finds a lesson whose id differs from it.
        #expect(try catalog.find("01-first").lesson.id == "first")
        let path = directory.url.appendingPathComponent("lessons/extra.md").path
        #expect(try catalog.find(path).lesson.title == "Unnumbered")
        #expect(throws: LessonError(file: "nothing", line: 0,
                                    message: "no lesson 'nothing' in \(catalog.directory.path); `nnlearn lessons` lists them")) {
            try catalog.find("nothing")
        }
        #expect(throws: LessonError(file: "lessons/10-broken.md", line: 1, message: "unclosed code fence opened at line 1")) {
            try catalog.find("10-broken")
        }
    }

    @Test func anEmptyFolderSaysSo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(LessonCatalog(directory: directory.url).listing(progress: nil) == "No lessons in \(directory.url.path).\n")
    }

    @Test func theDefaultFolderFollowsNNLEARN_HOME() {
        #expect(LessonCatalog.defaultDirectory(environment: ["NNLEARN_HOME": "/opt/nn"]).path == "/opt/nn/lessons")
        #expect(LessonCatalog.defaultDirectory(environment: [:]).lastPathComponent == "lessons")
    }

    @Test func theRepositoryTourLessonIsListed() throws {
        let catalog = LessonCatalog(directory: LessonCatalog.defaultDirectory(environment: [:]))
        let tour = try catalog.find("00-tour")
        // Its id is its file's stem, as README, completion and `nnlearn lessons` show it.
        #expect(tour.lesson.id == "00-tour")
        #expect(tour.lesson.order == 0)
        #expect(tour.lesson.title == "A tour of nnlearn")
        #expect(LessonReplay.run(tour.lesson, folder: tour.url.deletingLastPathComponent()).passed)
    }

    @Test func everyCourseLessonIsKnownByItsFileName() {
        // README, completion (the file names) and `nnlearn lessons` (the ids) then name lessons alike.
        let catalog = LessonCatalog(directory: LessonCatalog.defaultDirectory(environment: [:]))
        for entry in catalog.entries() {
            guard case .success(let lesson) = entry.lesson else { continue }
            #expect(lesson.id == entry.url.deletingPathExtension().lastPathComponent)
        }
        #expect(catalog.entries().count >= 9)
    }
}
