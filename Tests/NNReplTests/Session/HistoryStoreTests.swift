import Foundation
import NNRepl
import Testing

@Suite struct HistoryStoreTests {
    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("nnrepl-history-\(UUID().uuidString)/nested/history")
    }

    @Test func savesAndLoadsAcrossSessions() throws {
        let url = Self.temporaryFile()
        let first = try #require(HistoryStore(url: url))
        #expect(first.entries == [])
        #expect(first.problem == nil)
        first.add("x = 1")
        first.add("   ")
        first.add("def f(a):")
        first.add("    return a")
        #expect(first.save() == nil)
        let folder = url.deletingLastPathComponent()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["history"])

        let second = try #require(HistoryStore(url: url))
        #expect(second.entries == ["x = 1", "def f(a):", "    return a"])
    }

    @Test func aBlockOfSeveralLinesIsOneEntryAcrossSessions() throws {
        let url = Self.temporaryFile()
        let first = try #require(HistoryStore(url: url))
        first.add("def f(a):\n    return a\n")
        first.add("x = f(1)")
        first.add("s = 'a\\nb'\tt = 1")
        // As long as a lesson's longest cell, and more.
        let long = (0..<120).map { "    value_\($0) = tensor([\($0).0, 1.0, 2.0, 3.0]) * 0.5  # σ′ and → survive" }.joined(separator: "\n")
        first.add("def g():\n" + long)
        #expect(first.save() == nil)
        #expect(HistoryStore(url: url)?.entries == ["def f(a):\n    return a\n", "x = f(1)", "s = 'a\\nb'\tt = 1", "def g():\n" + long])
    }

    @Test func twoSessionsBothKeepTheirLines() throws {
        let url = Self.temporaryFile()
        let first = try #require(HistoryStore(url: url))
        let second = try #require(HistoryStore(url: url))
        first.add("from first")
        second.add("from second")
        #expect(first.save() == nil)
        #expect(second.save() == nil)
        #expect(HistoryStore(url: url)?.entries == ["from first", "from second"])
    }

    @Test func keepsTheNewestThousandLines() throws {
        let url = Self.temporaryFile()
        let store = try #require(HistoryStore(url: url))
        for index in 0..<1_500 { store.add("x = \(index)") }
        #expect(store.entries.count == HistoryStore.capacity)
        #expect(store.save() == nil)
        let loaded = try #require(HistoryStore(url: url)).entries
        #expect(loaded.count == 1_000)
        #expect(loaded.first == "x = 500")
        #expect(loaded.last == "x = 1499")
    }

    @Test func reportsAnUnreadableFileAndLeavesItAlone() throws {
        let url = Self.temporaryFile()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let garbage = Data("this is not a history file\n".utf8)
        try garbage.write(to: url)
        let store = try #require(HistoryStore(url: url))
        let problem = try #require(store.problem)
        #expect(problem.contains("cannot read the history file \(url.path)"))
        #expect(store.entries == [])
        store.add("x = 1")
        #expect(store.entries == ["x = 1"])
        #expect(store.save() == nil)
        #expect(try Data(contentsOf: url) == garbage)
    }

    @Test func anEmptyFileIsAnEmptyHistory() throws {
        let url = Self.temporaryFile()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: url)
        let store = try #require(HistoryStore(url: url))
        #expect(store.problem == nil)
        store.add("y = 2")
        #expect(store.save() == nil)
        #expect(HistoryStore(url: url)?.entries == ["y = 2"])
    }

    @Test func livesInTheStateDirectory() {
        let url = HistoryStore.defaultURL(environment: ["XDG_STATE_HOME": "/tmp/state", "HOME": "/home/learner"])
        #expect(url.path == "/tmp/state/nnlearn/history")
        #expect(HistoryStore.defaultURL(environment: ["HOME": "/home/learner"]).path == "/home/learner/.local/state/nnlearn/history")
    }
}
