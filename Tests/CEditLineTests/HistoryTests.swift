import CEditLine
import Foundation
import Testing

@Suite struct HistoryTests {
    @Test func addsSavesAndLoadsLinesInOrder() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("nnlearn-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }

        let list = try #require(nn_history_open(100))
        defer { nn_history_close(list) }
        nn_history_add(list, "x = 1")
        nn_history_add(list, "x = 1")  // consecutive duplicate kept once
        nn_history_add(list, "print(x + 1)")
        #expect(nn_history_count(list) == 2)
        #expect(String(cString: try #require(nn_history_entry(list, 0))) == "x = 1")
        #expect(nn_history_save(list, path) == 0)

        let loaded = try #require(nn_history_open(100))
        defer { nn_history_close(loaded) }
        #expect(nn_history_load(loaded, path) == 0)
        #expect(nn_history_count(loaded) == 2)
        #expect(String(cString: try #require(nn_history_entry(loaded, 1))) == "print(x + 1)")
        #expect(nn_history_entry(loaded, 2) == nil)
    }

    @Test func boundsTheNumberOfEntries() throws {
        let list = try #require(nn_history_open(3))
        defer { nn_history_close(list) }
        for i in 0..<10 { nn_history_add(list, "line \(i)") }
        #expect(nn_history_count(list) == 3)
        #expect(String(cString: try #require(nn_history_entry(list, 0))) == "line 7")
    }

    @Test func reportsAnUnreadableFile() throws {
        let list = try #require(nn_history_open(10))
        defer { nn_history_close(list) }
        #expect(nn_history_load(list, "/nonexistent/dir/history") == -1)
    }
}
