import Foundation
import Testing
@testable import NNLessons
import NNScript

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

    @Test func followsASymlinkToItsTargetAndKeepsTheLink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = try directory.write("real.md", "old")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        let link = directory.url.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.md")
        try AtomicFile.write(Data("new".utf8), to: link)
        #expect(directory.read("real.md") == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.md")
        #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func refusesADanglingLinkAndAFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let link = directory.url.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "missing/gone.md")
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("x".utf8), to: link) }
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("missing").path))
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("folder"), withIntermediateDirectories: false)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("x".utf8), to: directory.url.appendingPathComponent("folder")) }
    }

    @Test func newFilesTakeTheUmasksModeAndProtectedFilesAreKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let previous = umask(0o022)
        defer { umask(previous) }
        let fresh = directory.url.appendingPathComponent("fresh.json")
        try AtomicFile.write(Data("{}".utf8), to: fresh)
        #expect(try FileManager.default.attributesOfItem(atPath: fresh.path)[.posixPermissions] as? Int == 0o644)
        let locked = try directory.write("locked.md", "keep")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: locked.path)
        // Refused even as root: a file without write bits was protected on purpose.
        let error = #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("new".utf8), to: locked) }
        #expect(error?.message.contains("write-protected") == true)
        #expect(directory.read("locked.md") == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == ["fresh.json", "locked.md"])
    }

    @Test func aFullDiskLeavesTheOldFileAndSaysSo() throws {
        // /dev/full accepts no bytes; a regular file cannot be made to fail that way, so the writer is driven directly.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try directory.write("p.json", "old")
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.replace(url) { _, _ in throw AtomicFile.WriteError(message: "No space left on device") }
        }
        #expect(directory.read("p.json") == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["p.json"])
    }
}
