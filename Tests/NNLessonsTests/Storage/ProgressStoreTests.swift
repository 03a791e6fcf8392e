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

    @Test func concurrentStoresNeverDropAnUpdate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Two stores opened before either writes, as two nnlearn processes would be.
        nonisolated(unsafe) let stores = [ProgressStore(directory: directory.url), ProgressStore(directory: directory.url)]
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            for attempt in 0..<20 {
                try? stores[index].recordAttempt(exercise: "e\(index)", passed: attempt == 19, at: Self.noon)
                try? stores[index].recordAttempt(exercise: "shared", passed: false, at: Self.noon)
            }
        }
        try stores[0].recordCell(3, of: 9, lesson: "tour", at: Self.noon)
        let loaded = ProgressStore(directory: directory.url)
        #expect(loaded.progress.exercises["e0"]?.attempts == 20)
        #expect(loaded.progress.exercises["e1"]?.attempts == 20)
        #expect(loaded.progress.exercises["shared"]?.attempts == 40)
        #expect(loaded.progress.lessons["tour"]?.lastCell == 3)
    }

    @Test func aHugeStoredAttemptCountSaturatesInsteadOfTrapping() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("progress.json", """
            {"exercises": {"x": {"passed": false, "attempts": 9223372036854775807, "lastAttempt": "2026-11-23T16:29:46Z"},
                           "y": {"passed": false, "attempts": -5, "lastAttempt": "2026-11-23T16:29:46Z"}}}
            """)
        let store = ProgressStore(directory: directory.url)
        try store.recordAttempt(exercise: "x", passed: true, at: Self.noon)
        try store.recordAttempt(exercise: "y", passed: false, at: Self.noon)
        #expect(store.progress.exercises["x"]?.attempts == Int.max)
        #expect(store.progress.exercises["x"]?.passed == true)
        #expect(store.progress.exercises["y"]?.attempts == 1)
    }

    @Test func corruptCopiesSetAsideWithinOneSecondKeepDistinctNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for text in ["{ first", "{ second", "{ third"] {
            try directory.write("progress.json", text)
            _ = ProgressStore(directory: directory.url, now: Self.noon)
        }
        let stamp = "progress.json.corrupt-20261118T110640Z"
        #expect(directory.read(stamp) == "{ first")
        #expect(directory.read(stamp + "-2") == "{ second")
        #expect(directory.read(stamp + "-3") == "{ third")
    }
}
