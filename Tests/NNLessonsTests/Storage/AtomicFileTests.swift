import Foundation
import Testing
@testable import NNLessons

@Suite struct AtomicFileTests {
    @Test func replacesContentsKeepsPermissionsAndLeavesNoTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try directory.write("a.md", "old")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        try AtomicFile.write(Data("new".utf8), to: url)
        #expect(directory.read("a.md") == "new")
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["a.md"])
    }

    @Test func createsMissingFolders() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try AtomicFile.write(Data("x".utf8), to: directory.url.appendingPathComponent("deep/er/f.json"))
        #expect(directory.read("deep/er/f.json") == "x")
    }
}
