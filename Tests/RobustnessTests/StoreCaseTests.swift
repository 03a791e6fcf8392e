import Foundation
import NNLessons
import NNRepl
import Testing

/// Corrupt or unreadable history and progress files are reported once and never lose data.
@Suite("Bad state files")
struct StoreCaseTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a corrupt progress file is set aside with a notice and progress starts empty")
    func corruptProgress() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x7B, 0x00, 0xFF, 0x22]).write(to: folder.appendingPathComponent("progress.json"))
        let store = ProgressStore(directory: folder)
        let notice = store.takeNotice()
        #expect(notice?.contains("progress.json") == true, "\(notice ?? "no notice")")
        #expect(store.takeNotice() == nil)
        #expect(store.progress == Progress())
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("progress.json.corrupt-") }
        #expect(kept.count == 1)
    }

    @Test("a progress file that is a folder gives a notice or empty progress, not a crash")
    func progressIsAFolder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("progress.json"), withIntermediateDirectories: true)
        let store = ProgressStore(directory: folder)
        #expect(store.progress == Progress())
        #expect(throws: (any Error).self) { try store.recordCell(1, of: 3, lesson: "tour") }
    }

    @Test("an unreadable history file is reported and left alone")
    func unreadableHistory() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("history")
        let garbage = Data([0xFF, 0x00, 0x01, 0x02, 0x0A])
        try garbage.write(to: url)
        let store = try #require(HistoryStore(url: url))
        #expect(store.problem?.contains("cannot read the history file") == true, "\(store.problem ?? "no problem")")
        store.add("x = 1")
        #expect(store.save() == nil)
        #expect(try Data(contentsOf: url) == garbage)
    }

    @Test("a history path that is a folder is reported, not a crash")
    func historyIsAFolder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("history")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let store = try #require(HistoryStore(url: url))
        store.add("x = 1")
        let message = store.problem ?? store.save()
        #expect(message?.contains("history") == true, "\(message ?? "no message")")
    }
}
