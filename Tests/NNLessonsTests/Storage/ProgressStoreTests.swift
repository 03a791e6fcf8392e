import Foundation
import Testing
@testable import NNLessons

@Suite struct ProgressStoreTests {
    static let noon = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func roundTripsLessonsAndExercises() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let state = directory.url.appendingPathComponent("state/nnlearn")
        let store = ProgressStore(directory: state)
        #expect(store.status(of: "tour", cellCount: 9) == .notStarted)
        try store.recordCell(5, of: 9, lesson: "tour", at: Self.noon)
        try store.recordAttempt(exercise: "tour.sum", passed: false, at: Self.noon)
        try store.recordAttempt(exercise: "tour.sum", passed: true, at: Self.noon.addingTimeInterval(60))

        let loaded = ProgressStore(directory: state)
        #expect(loaded.notice == nil)
        #expect(loaded.progress == store.progress)
        #expect(loaded.progress.lessons["tour"] == LessonProgress(lastCell: 5, cellCount: 9, updated: Self.noon))
        #expect(loaded.progress.exercises["tour.sum"] == ExerciseProgress(
            passed: true, attempts: 2, lastAttempt: Self.noon.addingTimeInterval(60), passedAt: Self.noon.addingTimeInterval(60)))
        #expect(loaded.status(of: "tour", cellCount: 9) == .inProgress(cell: 5, of: 9))
        #expect(loaded.status(of: "tour", cellCount: 9).description == "cell 5/9")
    }

    @Test func reachingTheLastCellCompletesTheLesson() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = ProgressStore(directory: directory.url)
        try store.recordCell(3, of: 3, lesson: "a", at: Self.noon)
        #expect(store.status(of: "a", cellCount: 3) == .done)
        #expect(store.status(of: "a", cellCount: 3).description == "done")
        #expect(LessonStatus.notStarted.description == "not started")
        try store.reset(lesson: "a")
        #expect(ProgressStore(directory: directory.url).status(of: "a", cellCount: 3) == .notStarted)
    }

    @Test func theFileIsReadableJSONWithAnExercisesSection() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = ProgressStore(directory: directory.url)
        try store.recordCell(1, of: 2, lesson: "tour", at: Self.noon)
        #expect(directory.read("progress.json") == """
            {
              "exercises" : {

              },
              "lessons" : {
                "tour" : {
                  "cellCount" : 2,
                  "lastCell" : 1,
                  "updated" : "2026-11-18T11:06:40Z"
                }
              },
              "version" : 1
            }
            """)
    }

    @Test func aCorruptFileIsSetAsideOnceAndReplaced() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("progress.json", "{ not json")
        let store = ProgressStore(directory: directory.url, now: Self.noon)
        #expect(store.progress == Progress())
        #expect(store.takeNotice() == "progress file was unreadable and was set aside as progress.json.corrupt-20261118T110640Z")
        #expect(store.takeNotice() == nil)
        #expect(directory.read("progress.json.corrupt-20261118T110640Z") == "{ not json")
        #expect(directory.read("progress.json") == nil)
        try store.recordCell(1, of: 4, lesson: "x", at: Self.noon)
        let again = ProgressStore(directory: directory.url)
        #expect(again.notice == nil)
        #expect(again.status(of: "x", cellCount: 4) == .inProgress(cell: 1, of: 4))
    }

    @Test func missingSectionsAndUnknownKeysAreTolerated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("progress.json", #"{"lessons": {"t": {"lastCell": 2, "cellCount": 5, "updated": "2026-11-18T11:06:40Z"}}, "future": 1}"#)
        let store = ProgressStore(directory: directory.url)
        #expect(store.notice == nil)
        #expect(store.progress.exercises.isEmpty)
        #expect(store.status(of: "t", cellCount: 5) == .inProgress(cell: 2, of: 5))
    }
}
